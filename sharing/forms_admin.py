"""The editor's form for a shareable post (every caption must fit its network), the
retraction form (its reason goes to the sharers) and the Retract panel on the editor."""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

from people.platforms import PLATFORMS
from sharing.captions import caption_problem

# The settings module, not the models package: pages.py imports this form while the
# package is still loading, and settings.py imports nothing of sharing.
from sharing.models.settings import SharingSettings


class SharePostPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("captions")
        if formset is None or not formset.is_valid():
            return cleaned
        disclosure = SharingSettings.current().disclosure_text
        counts: dict[str, int] = {}
        problems = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("platform"):
                continue
            platform = data["platform"]
            counts[platform] = counts.get(platform, 0) + 1
            label = f"{PLATFORMS[platform].label} caption {counts[platform]}"
            problem = caption_problem(
                platform=platform, text=data.get("text", ""), disclosure=disclosure, label=label
            )
            if problem:
                form.add_error("text", problem)
                problems.append(problem)
        if problems:
            self.add_error(None, " ".join(problems))
        return cleaned


RETRACT_REASON_MAX = 500


class RetractForm(forms.Form):
    """Why a post is retracted: the sharers read it, word for word, in their notice."""

    reason = forms.CharField(
        label="Why is it being retracted?",
        max_length=RETRACT_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Everyone who shared the post reads this in the notice that asks them to remove "
            "it. Plain words, no internal detail: for example “The offer in it has ended.”"
        ),
        error_messages={"required": "Say why, so the people who shared it know."},
    )


class RetractPanel(Panel):
    """At the top of a post's editor: the Retract action in plain sight (not in the "…"
    menu) for those who may retract, or when the post was retracted."""

    @property
    def clean_name(self):
        return super().clean_name or "retract"

    class BoundPanel(Panel.BoundPanel):
        template_name = "sharing/admin/retract_panel.html"

        @cached_property
        def may_retract(self) -> bool:
            # The selectors import the page models, which import this module while they
            # load: read on use.
            from sharing.selectors import post_may_retract

            return post_may_retract(self.instance, user=self.request.user)

        @cached_property
        def retracted_at(self):
            # The editor edits the latest revision, which does not carry retracted_at (set
            # on the row only): read the row.
            page = self.instance
            rows = type(page)._default_manager.filter(pk=page.pk)
            return rows.values_list("retracted_at", flat=True).first()

        def is_shown(self):
            page = self.instance
            if page is None or page.pk is None or page.first_published_at is None:
                return False  # never published, so never shared: nothing to retract
            return self.retracted_at is not None or self.may_retract

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(
                retracted_at=self.retracted_at,
                may_retract=self.may_retract and self.retracted_at is None,
                retract_url=reverse("sharing_retract", args=[page.pk]),
            )
            return context
