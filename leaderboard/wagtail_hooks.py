"""Recognition in the Wagtail admin: badge definitions (snippets), awards (revocable) and
the points ledger (read, plus corrections as new rows; never edited or deleted)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from leaderboard import demo, digest, notices, panels, retention, routing
from leaderboard.admin_views import (
    REVOKE_ACTION,
    BadgeAwardIndexView,
    BadgeAwardRevokeView,
    CorrectionCreateView,
    CorrectionForm,
)
from leaderboard.models import Badge, BadgeAward, LedgerEntry
from leaderboard.services import board_members_sync, leaderboard_visibility_set
from notifications.digest import DIGEST_SECTION
from notifications.kinds import NOTIFICATION_KINDS
from people.erasure import PERSON_ERASE
from people.models import ConsentKind
from people.records import RECORDS_SECTION
from people.services import CONSENT_CHANGED, PEOPLE_MOVED
from portal.extensions import DASHBOARD_PANEL, DEMO_SEED, ME_SECTION, NAV_ITEM, WEBSOCKET_URLS
from portal.navigation import nav_item
from portal.permissions import RecordPermissionPolicy

# Ledger rows are never edited or deleted (corrections are new rows); awards are never
# added by hand or deleted, and are changed only by revoking them.
register_permission_policy(
    LedgerEntry, RecordPermissionPolicy(LedgerEntry, refused={"change", "delete"})
)
register_permission_policy(
    BadgeAward, RecordPermissionPolicy(BadgeAward, refused={"add", "delete"})
)


class BadgeViewSet(SnippetViewSet):
    model = Badge
    icon = "success"
    menu_label = "Badges"
    list_display = ["name", "criterion", "threshold", "active"]
    list_filter = ["criterion", "active"]
    search_fields = ["name", "description"]
    copy_view_enabled = False


class LedgerViewSet(ModelViewSet):
    model = LedgerEntry
    icon = "list-ul"
    menu_label = "Points ledger"
    add_view_class = CorrectionCreateView
    copy_view_enabled = False
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


class BadgeAwardViewSet(ModelViewSet):
    """Awards are looked at (inspect) and revoked (their own action), never edited."""

    model = BadgeAward
    icon = "tick"
    menu_label = "Badge awards"
    index_view_class = BadgeAwardIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # never used: the policy refuses add, and there is no edit view
    list_filter = ["badge", "revoked"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_display = ["badge", "user", DateColumn("awarded_at", label="Awarded"), "revoked"]
    inspect_view_fields = [
        "badge",
        "user",
        "awarded_at",
        "evidence",
        "revoked",
        "revoked_at",
        "revocation_reason",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            edit_url_name=None, revoke_url_name=self.get_url_name("revoke"), **kwargs
        )

    @property
    def url_finder_class(self):
        # Links to an award from elsewhere in the admin (e.g. its history) open it read-only.
        return type(
            "BadgeAwardURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name != "edit"),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
        ]

    @property
    def revoke_view(self):
        return self.construct_view(BadgeAwardRevokeView)


class RecognitionGroup(ViewSetGroup):
    menu_label = "Recognition"
    menu_icon = "pick"
    menu_order = 400
    items = (LedgerViewSet("points_ledger"), BadgeAwardViewSet("badge_awards"))


register_snippet(BadgeViewSet)


@hooks.register("register_admin_viewset")
def register_recognition():
    return RecognitionGroup()


@hooks.register("register_log_actions")
def register_revoke_action(actions):
    actions.register_action(REVOKE_ACTION, "Revoke badge award", "Badge award revoked")


@hooks.register(CONSENT_CHANGED)
def follow_leaderboard_consent(*, user, kind: str, granted: bool) -> None:
    """Show or hide the person on every board in the consent's own transaction."""
    if kind == ConsentKind.LEADERBOARD:
        leaderboard_visibility_set(user=user, visible=granted)


@hooks.register(PEOPLE_MOVED)
def follow_department_moves(*, user_ids) -> None:
    """People moved between departments in bulk: recount them on the department boards,
    all of them in one set-based pass."""
    board_members_sync(user_ids=user_ids)


hooks.register(
    NAV_ITEM,
    lambda request: nav_item(request, "Leaderboard", reverse("leaderboard:board")),
    order=50,
)
hooks.register(DASHBOARD_PANEL, panels.my_badges_panel, order=60)
hooks.register(ME_SECTION, panels.my_badges_panel, order=35)
hooks.register(RECORDS_SECTION, lambda: panels.POINTS_SECTION, order=50)
hooks.register(RECORDS_SECTION, lambda: panels.BADGES_SECTION, order=51)
hooks.register(WEBSOCKET_URLS, lambda: routing.websocket_urlpatterns)
hooks.register(DEMO_SEED, demo.seed, order=60)
hooks.register(NOTIFICATION_KINDS, lambda: notices.KINDS)
hooks.register(DIGEST_SECTION, digest.recognition_section, order=30)
hooks.register(PERSON_ERASE, retention.person_erase)
