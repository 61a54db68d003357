"""The content library: one hub page and the pre-approved posts under it."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from people.platforms import PLATFORM_CHOICES, PLATFORMS
from sharing.forms_admin import RetractPanel, SharePostPageForm


def https_only(value: str) -> None:
    # Its own code: a field's "invalid" message would replace ours with "Enter a valid URL."
    try:
        URLValidator(schemes=["https"])(value)
    except ValidationError:
        raise ValidationError("Enter a full https:// address.", code="https_only") from None


class HttpsURLField(models.URLField):
    """A link field whose form assumes https:// when the scheme is left out."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)


# Plain views live under /share/ beside the posts; a post may not take one of their slugs.
RESERVED_SLUGS = {"mine", "suggest", "posts", "preferences", "campaigns"}


class ShareHubPage(Page):
    """/share/: the library every employee can read."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["sharing.SharePostPage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "content library"

    def get_context(self, request, *args, **kwargs):
        # sharing.library reads through selectors that import this model: imported on use.
        from sharing.library import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request=request, hub=self))
        return context

    def get_template(self, request, *args, **kwargs):
        htmx = getattr(request, "htmx", None)
        if htmx and htmx.target == "library-results":
            return "sharing/share_hub_page.html#results"
        return "sharing/share_hub_page.html"


class SharePostTag(TaggedItemBase):
    content_object = ParentalKey(
        "sharing.SharePostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class SharePostPage(Page):
    """One pre-approved post: what to link to and suggested captions per network."""

    summary = models.TextField(max_length=400, help_text="One or two sentences for the library.")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown on the library card, in the network preview and as the "
        "post's Open Graph image; cropped to 1.91:1, so keep the subject near the middle.",
    )
    target_url = HttpsURLField(
        "link", max_length=500, validators=[https_only], help_text="The https:// page to share."
    )
    topics = ClusterTaggableManager(through=SharePostTag, blank=True)
    departments = ParentalManyToManyField(
        "people.Department",
        blank=True,
        related_name="+",
        help_text="Departments this suits best. None means everyone.",
    )
    campaign = models.ForeignKey(
        "sharing.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    priority = models.BooleanField(default=False, help_text="Shown first to everyone it fits.")
    internal_note = models.TextField(
        blank=True, help_text="For advocates only: context, what not to say, whom to ask."
    )
    retracted_at = models.DateTimeField(null=True, blank=True, editable=False)

    parent_page_types = ["sharing.ShareHubPage"]
    subpage_types: list[str] = []
    base_form_class = SharePostPageForm

    content_panels = [
        RetractPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("target_url"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("departments"),
                FieldPanel("campaign"),
                FieldPanel("priority"),
            ],
            heading="Who it suits",
        ),
        FieldPanel("internal_note"),
        InlinePanel(
            "captions",
            heading="Captions",
            label="Caption",
            help_text="One or more per network; advocates get the variants in turn.",
        ),
    ]

    class Meta:
        verbose_name = "shareable post"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by the library itself."})

    def get_context(self, request, *args, **kwargs):
        # sharing.library reads through selectors that import this model: imported on use.
        from sharing.library import post_context

        context = super().get_context(request, *args, **kwargs)
        context.update(post_context(request=request, post=self))
        return context

    @property
    def utm_campaign(self) -> str:
        return self.campaign.slug if self.campaign_id and self.campaign else self.slug

    def variants(self, platform: str) -> list[str]:
        return [c.text for c in self.captions.all() if c.platform == platform]

    def caption_platforms(self) -> list[str]:
        keys = {c.platform for c in self.captions.all()}
        return [key for key in PLATFORMS if key in keys]


class PostCaption(Orderable):
    """A suggested caption for one network; several per network are variants."""

    page = ParentalKey(SharePostPage, related_name="captions", on_delete=models.CASCADE)
    platform = models.CharField(max_length=20, choices=PLATFORM_CHOICES)
    text = models.TextField(
        help_text="In the first person. Leave out the link and the disclosure: both are added."
    )

    panels = [FieldPanel("platform"), FieldPanel("text")]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.text[:40]}"
