"""The policy page: editor-written, versioned on material change.

The selectors query this model, so the page never calls them: its template reads the
person's acknowledgement through policies.templatetags.policies_tags.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from policies.forms import AcknowledgeForm
from policies.models.blocks import PolicyBodyBlock

MATERIAL_CHANGE_LABEL = "Material change: ask everyone to acknowledge again"


class PolicyPageForm(WagtailAdminPageForm):
    """The material-change box starts unticked for every new edit.

    It is stored with the revision (so workflow and scheduled publishing carry it to the
    moment the revision goes live), and it is only shown ticked again while that unpublished
    draft is still pending.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        pending_draft = instance.pk and instance.live and instance.has_unpublished_changes
        if "material_change" in self.fields and not pending_draft:
            self.initial["material_change"] = False
        if "material_change" in self.fields and not (instance.pk and instance.live):
            self.fields[
                "material_change"
            ].help_text = "The first publication is version 1 whatever you choose here."


class PolicyPage(Page):
    """A policy employees read; the main one lives at /policy/.

    `version` is the live version number. It is never taken from a revision: it changes only
    when a revision marked as a material change goes live (`policy_version_record`, run on
    Wagtail's page_published for every path: editor, workflow approval, scheduled publishing).
    """

    acknowledgement_required = models.BooleanField(
        default=True,
        help_text="Every employee must acknowledge each version (the banner asks them to).",
    )
    reacknowledge_months = models.PositiveSmallIntegerField(
        "ask everyone to acknowledge again every (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="For a yearly re-acknowledgement enter 12: that long after someone last "
        "acknowledged, they are asked again and sharing waits, as for a new version. "
        "Leave blank to ask only when a new version is published.",
    )
    effective_date = models.DateField(help_text="The day this version takes effect.")
    what_changed = models.TextField(
        blank=True,
        help_text="A short summary of what changed in this version; shown first to anyone "
        "who acknowledged an earlier version.",
    )
    body = StreamField(PolicyBodyBlock(), use_json_field=True)
    material_change = models.BooleanField(
        MATERIAL_CHANGE_LABEL,
        default=False,
        help_text="Tick for a change in substance: publishing starts a new version and asks "
        "everyone to acknowledge it. Leave unticked for a typo fix (the version stays).",
    )
    version = models.PositiveIntegerField(
        default=0, editable=False, help_text="The live version number (0 until first published)."
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("material_change"),
                FieldPanel("effective_date"),
                FieldPanel("what_changed"),
            ],
            heading="Version",
        ),
        FieldPanel("body"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("acknowledgement_required"), FieldPanel("reacknowledge_months")],
            heading="Acknowledgement",
        ),
        *Page.settings_panels,
    ]
    promote_panels = Page.promote_panels

    template = "policies/policy_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    base_form_class = PolicyPageForm

    class Meta:
        verbose_name = "policy page"

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        # The version belongs to the live page, not to whichever revision is loaded.
        obj.version = self.version
        return obj

    # Presentation ------------------------------------------------------------------------

    def body_with_anchors(self) -> tuple[list[tuple[object, str]], list[tuple[str, str]]]:
        """The body blocks, each with its anchor (headings only), and the table of contents."""
        blocks, toc, seen = [], [], set()
        for block in self.body:
            anchor = ""
            if block.block_type == "heading":
                base = slugify(str(block.value)) or "section"
                anchor, n = base, 2
                while anchor in seen:
                    anchor, n = f"{base}-{n}", n + 1
                seen.add(anchor)
                toc.append((anchor, str(block.value)))
            blocks.append((block, anchor))
        return blocks, toc

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blocks"], context["toc"] = self.body_with_anchors()
        context["display_version"] = self.version or 1
        if getattr(request, "is_preview", False) and self.version and self.material_change:
            # Previewing a material change: show the number it will have once it goes live.
            context["display_version"] = self.version + 1
        if request.user.is_authenticated:
            context["form"] = AcknowledgeForm(
                initial={"version": self.version, "revision": self.live_revision_id}
            )
        return context
