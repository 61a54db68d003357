"""The editor's form for a shareable post: every caption must fit its network."""

from wagtail.admin.forms import WagtailAdminPageForm

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
