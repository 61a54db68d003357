"""Acknowledgements in the Wagtail admin: a read-only record (list and inspect, nothing else)."""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from policies.models import Acknowledgement

WRITE_ACTIONS = frozenset({"add", "change", "delete", "copy"})


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Editors may look; nobody adds, changes or deletes a record through the admin."""

    def user_has_permission(self, user, action):
        return action not in WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        readable = [action for action in actions if action not in WRITE_ACTIONS]
        if not readable:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(readable)


class AcknowledgementViewSet(ModelViewSet):
    model = Acknowledgement
    icon = "tick-inverse"
    menu_label = "Acknowledgement records"
    name = "policy-acknowledgements"
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["user", "policy", "version", "revision_id", "created_at"]
    list_filter = ["policy", "version"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    inspect_view_fields = ["user", "policy", "version", "revision_id", "created_at"]
    form_fields = []  # never used: the policy refuses add and change
