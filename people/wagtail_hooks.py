"""What people adds to shared pages and commands: its record sections, the advocacy step
on the dashboard and the demo organisation."""

from django.urls import reverse
from wagtail import hooks

from people import demo
from people.models import ConsentKind
from people.records import (
    RECORDS_SECTION,
    RecordSection,
    consents_collect,
    networks_collect,
    profile_collect,
)
from people.selectors import consent_current, network_list
from portal.extensions import DASHBOARD_STEP, DEMO_SEED, NAV_ITEM, Step
from portal.navigation import nav_item


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


@hooks.register(DASHBOARD_STEP, order=30)
def advocacy_step(user) -> Step:
    consents = consent_current(user=user)
    return Step(
        "advocacy",
        "Decide whether to take part in advocacy",
        "Sharing is voluntary. If you want to, tell us which networks you use and opt "
        "in; you can change your mind at any time with one click.",
        done=consents[ConsentKind.ADVOCACY] and network_list(user=user).exists(),
        url=reverse("people:me"),
        action="Open my settings",
    )


hooks.register(DEMO_SEED, demo.seed, order=10)
hooks.register(NAV_ITEM, lambda request: nav_item(request, "Me", reverse("people:me")), order=90)
