from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.selectors import dashboard_for


class HomePage(Page):
    """The site root: every employee's personal dashboard."""

    programme_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="What the programme is, in a few sentences, shown to everyone.",
    )
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("programme_intro")]

    class Meta:
        verbose_name = "home page (dashboard)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["dashboard"] = dashboard_for(request=request)
        return context
