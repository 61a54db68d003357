"""Editor actions in the Wagtail admin, each through a service: a correction is a new
ledger row (ledger_correction_create), revoking an award is final (badge_award_revoke)."""

import uuid

from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import log

from leaderboard.models import BadgeAward, LedgerEntry
from leaderboard.services import badge_award_revoke, ledger_correction_create
from leaderboard.services.ledger import correction_errors
from portal.audit import POINTS_CORRECT, audit_record

REVOKE_ACTION = "leaderboard.revoke_award"


class CorrectionForm(WagtailAdminModelForm):
    token = forms.CharField(widget=forms.HiddenInput, required=True)

    class Meta:
        model = LedgerEntry
        fields = ["user", "points", "note"]
        labels = {"user": "Person", "points": "Points (negative to remove)"}
        help_texts = {"note": "Why: kept with the correction and shown to the person."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].required = True
        self.fields["note"].error_messages["required"] = (
            "Say why: the note is kept with the correction."
        )
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4().hex

    def clean(self):
        data = super().clean()
        for field, message in correction_errors(
            points=data.get("points"), note=data.get("note", "")
        ).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


class CorrectionCreateView(generic.CreateView):
    page_title = "Record a correction"

    def save_instance(self):
        data = self.form.cleaned_data
        with transaction.atomic():
            entry, created = ledger_correction_create(
                user=data["user"],
                points=data["points"],
                note=data["note"],
                created_by=self.request.user,
                token=data["token"],
            )
            if created:  # a resubmitted form (same token) corrected nothing more
                audit_record(
                    actor=self.request.user,
                    action=POINTS_CORRECT,
                    instance=data["user"],
                    data={"ledger_entry_id": entry.pk, "points": entry.points},
                )
        return entry

    def log_action(self, *args, **kwargs):  # the ledger row is its own record
        return None

    def get_success_message(self, instance=None):
        instance = instance or self.object
        return f"Correction of {instance.points:+d} points recorded for {instance.user}."


class BadgeAwardIndexView(generic.IndexView):
    """The awards listing: "Revoke" in each standing award's more-buttons."""

    revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.revoked and self.user_has_permission("change"):
            url = reverse(self.revoke_url_name, args=[instance.pk])
            buttons.append(MenuItem("Revoke", url=url, icon_name="warning", priority=25))
        return buttons


class RevokeForm(forms.Form):
    reason = forms.CharField(
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown publicly on the badge's verification page and in its Open Badges "
        "record. Revoking cannot be undone; the badge is not awarded to this person again.",
        error_messages={"required": "Say why: the reason is shown with the revoked badge."},
    )


class BadgeAwardRevokeView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView
):
    """Ask for the reason, then revoke the award for good (change_badgeaward)."""

    model = BadgeAward
    permission_required = "change"
    form_class = RevokeForm
    template_name = "leaderboard/admin/revoke_confirm.html"
    page_title = "Revoke badge award"
    header_icon = "warning"
    index_url_name = None
    revoke_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        index = {"url": reverse(self.index_url_name), "label": "Badge awards"}
        here = {"url": "", "label": "Revoke", "sublabel": self.get_page_subtitle()}
        return [*self.breadcrumbs_items, index, here]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            award=self.object,
            action_url=reverse(self.revoke_url_name, args=[self.object.pk]),
            index_url=reverse(self.index_url_name),
            verify_url=reverse("badges:verify", args=[self.object.uid]),
            **kwargs,
        )

    def form_valid(self, form):
        if not self.object.revoked:
            with transaction.atomic():  # the award's history names who revoked it
                badge_award_revoke(
                    award=self.object, reason=form.cleaned_data["reason"], by=self.request.user
                )
                log(instance=self.object, action=REVOKE_ACTION, user=self.request.user)
            messages.success(self.request, f"“{self.object}” was revoked.")
        return redirect(self.index_url_name)
