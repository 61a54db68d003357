"""Who may do what in the Wagtail admin.

The "Editors" group (HR and comms) may manage everything the programme is made of.
Granted after every migrate, so models added later are covered without a data migration
per app. Ordinary employees get no admin permissions at all.

People's records (acknowledgements, the points ledger, badge awards) are kept as they
happened: `RecordPermissionPolicy` refuses the admin actions that would rewrite them,
whatever permissions a user holds.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

EDITORS_GROUP = "Editors"
# App label → the permissions' actions editors get on every model of that app.
EDITOR_APPS = {
    "courses": {"add", "change", "delete", "view"},
    "policies": {"add", "change", "delete", "view"},
    "sharing": {"add", "change", "delete", "view"},
    "leaderboard": {"add", "change", "delete", "view"},
    "reports": {"add", "change", "delete", "view"},
    "notifications": {"view"},
}
# Employees and departments: HR maintains them; consent and networks stay personal.
EDITOR_MODELS = {
    ("people", "user"): {"add", "change", "view"},
    ("people", "department"): {"add", "change", "delete", "view"},
}


# HR publishes what it writes (Wagtail's default Editors may only add and edit pages).
EDITOR_PAGE_ACTIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def _editors_grant_page_permissions(group: Group) -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_ACTIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def editors_grant_permissions(**kwargs) -> None:
    group = Group.objects.filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    _editors_grant_page_permissions(group)
    wanted = []
    for permission in Permission.objects.select_related("content_type").filter(
        content_type__app_label__in=[*EDITOR_APPS, "people"]
    ):
        action = permission.codename.split("_", 1)[0]
        app, model = permission.content_type.app_label, permission.content_type.model
        allowed = EDITOR_MODELS.get((app, model), EDITOR_APPS.get(app, set()))
        if action in allowed:
            wanted.append(permission)
    group.permissions.add(*wanted)


WRITE_ACTIONS = frozenset({"add", "change", "delete", "copy"})


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, minus the actions nobody may take on these records in the admin
    (superusers included). Read-only by default; a model that takes corrections as new
    rows, or a dedicated action such as revoking, refuses less.

        register_permission_policy(LedgerEntry, RecordPermissionPolicy(
            LedgerEntry, refused={"change", "delete"}))
    """

    def __init__(self, model, *, refused: Iterable[str] = WRITE_ACTIONS):
        super().__init__(model)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.refused]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class PermissionMenuItem(MenuItem):
    """An admin menu item shown only to holders of one permission ("app.codename")."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
