"""Recognition in the Wagtail admin: badge definitions (snippets), awards (revocable) and
the points ledger (read, plus corrections as new rows; never edited or deleted)."""

import uuid

from django import forms
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from leaderboard import demo, digest, notices, panels, routing
from leaderboard.models import Badge, BadgeAward, LedgerEntry
from leaderboard.services import leaderboard_visibility_set, ledger_correction_create
from leaderboard.services.ledger import correction_errors
from notifications.digest import DIGEST_SECTION
from notifications.kinds import NOTIFICATION_KINDS
from people.models import ConsentKind
from people.records import RECORDS_SECTION
from people.services import CONSENT_CHANGED
from portal.extensions import DASHBOARD_PANEL, DEMO_SEED, ME_SECTION, WEBSOCKET_URLS


class RestrictedPolicy(ModelPermissionPolicy):
    """Model permissions, minus the actions that must never happen in the admin."""

    def __init__(self, model, *, refused: set[str]):
        super().__init__(model)
        self.refused = refused

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.refused])


register_permission_policy(LedgerEntry, RestrictedPolicy(LedgerEntry, refused={"change", "delete"}))
register_permission_policy(BadgeAward, RestrictedPolicy(BadgeAward, refused={"add", "delete"}))


class BadgeViewSet(SnippetViewSet):
    model = Badge
    icon = "success"
    menu_label = "Badges"
    list_display = ["name", "criterion", "threshold", "active"]
    list_filter = ["criterion", "active"]
    search_fields = ["name", "description"]
    copy_view_enabled = False


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
        entry, _ = ledger_correction_create(
            user=data["user"],
            points=data["points"],
            note=data["note"],
            created_by=self.request.user,
            token=data["token"],
        )
        return entry

    def log_action(self, *args, **kwargs):  # the ledger row is its own record
        return None

    def get_success_message(self, instance=None):
        instance = instance or self.object
        return f"Correction of {instance.points:+d} points recorded for {instance.user}."


class LedgerViewSet(ModelViewSet):
    model = LedgerEntry
    icon = "list-ul"
    menu_label = "Points ledger"
    add_view_class = CorrectionCreateView
    copy_view_enabled = False
    form_fields = ["user", "points", "note"]
    list_filter = ["reason"]
    search_fields = ["key", "note", "user__username", "user__first_name", "user__last_name"]
    list_display = [
        "user",
        Column("points", label="Points"),
        Column("reason", label="Reason", accessor="get_reason_display"),
        "note",
        DateColumn("created_at", label="When"),
    ]

    def get_form_class(self, for_update=False):
        return CorrectionForm

    def get_edit_handler(self):
        return None


class BadgeAwardViewSet(ModelViewSet):
    model = BadgeAward
    icon = "tick"
    menu_label = "Badge awards"
    copy_view_enabled = False
    list_filter = ["badge", "revoked"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_display = ["badge", "user", DateColumn("awarded_at", label="Awarded"), "revoked"]
    panels = [FieldPanel("revoked"), FieldPanel("revocation_reason")]

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(self.panels).bind_to_model(self.model)


class RecognitionGroup(ViewSetGroup):
    menu_label = "Recognition"
    menu_icon = "pick"
    menu_order = 400
    items = (LedgerViewSet("points_ledger"), BadgeAwardViewSet("badge_awards"))


register_snippet(BadgeViewSet)


@hooks.register("register_admin_viewset")
def register_recognition():
    return RecognitionGroup()


@hooks.register(CONSENT_CHANGED)
def follow_leaderboard_consent(*, user, kind: str, granted: bool) -> None:
    """Show or hide the person on every board in the consent's own transaction."""
    if kind == ConsentKind.LEADERBOARD:
        leaderboard_visibility_set(user=user, visible=granted)


hooks.register(DASHBOARD_PANEL, panels.my_badges_panel, order=60)
hooks.register(ME_SECTION, panels.my_badges_panel, order=35)
hooks.register(RECORDS_SECTION, lambda: panels.POINTS_SECTION, order=50)
hooks.register(RECORDS_SECTION, lambda: panels.BADGES_SECTION, order=51)
hooks.register(WEBSOCKET_URLS, lambda: routing.websocket_urlpatterns)
hooks.register(DEMO_SEED, demo.seed, order=60)
hooks.register(NOTIFICATION_KINDS, lambda: notices.KINDS)
hooks.register(DIGEST_SECTION, digest.recognition_section, order=30)
hooks.register(DEMO_SEED, demo.seed_notices, order=72)
