"""The admin roles: Wagtail groups a person may hold any number of.

- Content editors: courses, policy drafts and shareable posts (pages, images, documents,
  campaigns); they publish courses and posts, not policies.
- Moderators: review suggestions and retract posts (Wagtail's unpublish, granted on the
  content library only).
- Programme admins: programme settings, points, badges, onboarding rules, enrolments,
  people, departments, sign-in providers, SCIM tokens, sign-in lockouts, the audit trail,
  team chat channels (Slack, Teams) and their deliveries.
- Report viewers: the reports and their exports, nothing else.

Kept in step with this file after every migrate (a `post_migrate` handler, so models added
later are covered without a data migration per app), and by `seed_demo` once the pages
exist. Permissions are named by app label and codename: this base app imports no app
above it. A permission that does not exist (an app not installed) is skipped.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

CONTENT_EDITORS = "Content editors"
MODERATORS = "Moderators"
PROGRAMME_ADMINS = "Programme admins"
REPORT_VIEWERS = "Report viewers"

ALL = ("add", "change", "delete", "view")
# Role → {(app label, model): actions}.
MODEL_PERMISSIONS: dict[str, dict[tuple[str, str], tuple[str, ...]]] = {
    CONTENT_EDITORS: {
        ("sharing", "campaign"): ALL,
        ("policies", "policyversion"): ("add", "change", "view"),
    },
    MODERATORS: {
        ("sharing", "suggestion"): ("change", "view"),
    },
    PROGRAMME_ADMINS: {
        ("sharing", "sharingsettings"): ("change", "view"),
        ("leaderboard", "pointssettings"): ("change", "view"),
        ("leaderboard", "badgeissuersettings"): ("change", "view"),
        ("portal", "retentionsettings"): ("change", "view"),
        ("leaderboard", "badge"): ALL,
        ("leaderboard", "badgeaward"): ("add", "change", "view"),
        ("leaderboard", "ledgerentry"): ("add", "view"),
        ("courses", "onboardingrule"): ALL,
        ("courses", "enrolment"): ("add", "change", "view"),
        ("people", "user"): ("add", "change", "view"),
        ("people", "department"): ALL,
        ("people", "scimtoken"): ALL,
        ("socialaccount", "socialapp"): ALL,
        ("axes", "accessattempt"): ("view", "delete"),
        ("portal", "auditlogentry"): ("view",),
        ("webhooks", "destination"): ALL,
        ("webhooks", "delivery"): ("view",),
    },
    REPORT_VIEWERS: {
        ("reports", "reportaccess"): ("view",),
        ("policies", "acknowledgement"): ("view",),
    },
}
# Role → {(app label, page model) or None for the root: page actions}. Retraction is
# Wagtail's unpublish, which comes with publish_page.
PAGE_PERMISSIONS: dict[str, dict[tuple[str, str] | None, tuple[str, ...]]] = {
    CONTENT_EDITORS: {
        None: ("add_page", "change_page", "lock_page", "unlock_page"),
        ("courses", "courseindexpage"): ("publish_page",),
        ("sharing", "sharehubpage"): ("publish_page",),
    },
    MODERATORS: {("sharing", "sharehubpage"): ("publish_page",)},
}
# Images and documents for whoever writes pages, on the root collection.
COLLECTION_PERMISSIONS = {
    CONTENT_EDITORS: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    )
}
ROLES = tuple(MODEL_PERMISSIONS)


def _model_permissions(role: str) -> list[Permission]:
    wanted = Q(content_type__app_label="wagtailadmin", codename="access_admin")
    for (app, model), actions in MODEL_PERMISSIONS[role].items():
        codenames = [f"{action}_{model}" for action in actions]
        wanted |= Q(content_type__app_label=app, codename__in=codenames)
    return list(Permission.objects.filter(wanted))


def _set_page_permissions(group: Group, grants: dict) -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    wanted = []
    for target, codenames in grants.items() if root else ():
        if target is None:
            pages = [root]
        else:
            app, model = target
            pages = Page.objects.filter(content_type__app_label=app, content_type__model=model)
        permissions = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
        wanted += [(page.pk, permission.pk) for page in pages for permission in permissions]
    # Exactly these: Wagtail's own first migration made a "Moderators" group that may
    # publish everything, and this role must not inherit that.
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[p.pk for p in existing if (p.page_id, p.permission_id) in set(wanted)]
    ).delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def _set_collection_permissions(group: Group, grants) -> None:
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    wanted = Q(pk__in=[])
    for app, codename in grants:
        wanted |= Q(content_type__app_label=app, codename=codename)
    permissions = list(Permission.objects.filter(wanted)) if root else []
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def roles_sync(**kwargs) -> None:
    """Create the role groups and give each exactly the model, page and collection
    permissions listed here (a permission added to a role by hand is removed; give it
    to a group of its own instead). Safe to run any number of times."""
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_model_permissions(role))
        _set_page_permissions(group, PAGE_PERMISSIONS.get(role, {}))
        _set_collection_permissions(group, COLLECTION_PERMISSIONS.get(role, ()))
