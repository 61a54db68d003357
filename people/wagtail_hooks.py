"""What people adds to shared pages and commands: its record sections, the advocacy step
on the dashboard and the demo organisation."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton

from people import admin_erase, demo, retention
from people.records import (
    RECORDS_SECTION,
    RecordSection,
    consents_collect,
    networks_collect,
    profile_collect,
)
from people.selectors import advocacy_chosen
from portal.audit import audit_for_actor
from portal.extensions import DASHBOARD_STEP, DEMO_SEED, NAV_ITEM, RETENTION_RULES, Step
from portal.lazy_views import lazy_view
from portal.navigation import nav_item
from portal.permissions import PermissionMenuItem


@hooks.register(RECORDS_SECTION, order=10)
def profile_section() -> RecordSection:
    return RecordSection(
        "profile",
        "Your profile",
        "Your name, display name, email address, department, job title, the day you "
        "joined and when you last logged in. HR sets most of it; you choose your "
        "display name.",
        profile_collect,
    )


@hooks.register(RECORDS_SECTION, order=11)
def networks_section() -> RecordSection:
    return RecordSection(
        "networks",
        "Networks you declared",
        "The social networks you told us you use: platform, handle, audience and the "
        "follower count you gave. We never connect to or read these accounts; follower "
        "counts are only used for clearly labelled reach estimates.",
        networks_collect,
    )


@hooks.register(RECORDS_SECTION, order=12)
def consents_section() -> RecordSection:
    return RecordSection(
        "consents",
        "Your choices",
        "Every time you turned advocacy, leaderboard visibility or email alerts on or "
        "off: what, when and where. The newest entry is what counts.",
        consents_collect,
    )


@hooks.register(RECORDS_SECTION, order=95)
def audit_section() -> RecordSection:
    return RecordSection(
        "audit",
        "What you did in the admin",
        "If you work in the programme's admin: the changes you made that affect people "
        "(retractions, corrections, settings, exports and the like), when, and what they "
        "were about. Other people are named only by number.",
        lambda user: audit_for_actor(user=user),
    )


@hooks.register(DASHBOARD_STEP, order=30)
def advocacy_step(user) -> Step:
    return Step(
        "advocacy",
        "Decide whether to take part in advocacy",
        "Sharing is voluntary. If you want to, tell us which networks you use and opt "
        "in; you can change your mind at any time with one click.",
        done=advocacy_chosen(user=user),
        url=reverse("people:me"),
        action="Open my settings",
    )


hooks.register(DEMO_SEED, demo.seed, order=10)
hooks.register(NAV_ITEM, lambda request: nav_item(request, "Me", reverse("people:me")), order=90)
hooks.register(RETENTION_RULES, retention.leavers_rule, order=90)


# Provisioning in the admin: SCIM tokens, roster import, deactivating a person.


def _admin_view(name: str):
    # people.admin_views imports the roster importer and SCIM's pydantic models.
    return lazy_view(f"people.admin_views.{name}")


@hooks.register("register_admin_urls")
def register_provisioning_urls():
    return [
        path("people/scim-tokens/", _admin_view("scim_tokens"), name="people_scim_tokens"),
        path(
            "people/scim-tokens/<int:pk>/revoke/",
            _admin_view("scim_token_revoke_view"),
            name="people_scim_token_revoke",
        ),
        path("people/roster/", _admin_view("roster_upload"), name="people_roster_upload"),
        path("people/roster/import/", _admin_view("roster_confirm"), name="people_roster_confirm"),
        path(
            "people/roster/progress/<str:key>/",
            _admin_view("roster_progress"),
            name="people_roster_progress",
        ),
        path(
            "people/roster/template.<str:kind>",
            _admin_view("roster_template_view"),
            name="people_roster_template",
        ),
        path("people/<int:pk>/active/", _admin_view("person_active_set"), name="people_active_set"),
    ]


@hooks.register("register_settings_menu_item")
def scim_tokens_menu_item():
    return PermissionMenuItem(
        "SCIM tokens",
        reverse("people_scim_tokens"),
        icon_name="key",
        order=610,
        permission="people.add_scimtoken",
    )


@hooks.register("register_settings_menu_item")
def roster_menu_item():
    return PermissionMenuItem(
        "Roster import",
        reverse("people_roster_upload"),
        icon_name="upload",
        order=611,
        permission="people.add_user",
    )


@hooks.register("register_user_listing_buttons")
def deactivate_button(user, request_user):
    if request_user.has_perm("people.change_user") and user.pk != request_user.pk:
        label = "Deactivate" if user.is_active else "Reactivate"
        yield ListingButton(label, reverse("people_active_set", args=[user.pk]), priority=60)


hooks.register("register_user_listing_buttons", admin_erase.erase_button)


@hooks.register("register_admin_urls")
def erase_urls():
    return [path("people/erase/<int:user_id>/", admin_erase.erase, name="people_erase")]
