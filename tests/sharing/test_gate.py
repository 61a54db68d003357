"""The three steps that unlock sharing, as a person and as a preview without one sees them."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client

from sharing.models import SharingSettings
from sharing.services import share_create
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db


def missing(html: str) -> list[tuple[str, str, str]]:
    """(step, its title, where its link goes) for every missing step on the page."""
    return re.findall(
        r'is-missing" data-step="(\w+)">\s*<span class="gate-state">Missing</span> '
        r'([^<]+?) — <a href="([^"]+)"',
        html,
    )


def test_a_preview_without_a_person_shows_every_step_missing_with_where_to_do_it():
    PolicyPageFactory()
    post = post_create(title="Relay 5 is here")
    for page in (hub_get(), post):
        html = page.make_preview_request().render().content.decode()
        assert missing(html) == [
            ("certified", "Get certified as an advocate", "/"),
            ("policy", "Acknowledge the current social media policy", "/policy/"),
            ("opted_in", "Opt in to advocacy", "/me/#consents"),
        ]


def test_a_person_sees_the_same_steps_and_how_many_policies_wait():
    PolicyPageFactory()
    PolicyPageFactory(title="Brand guidelines", slug="brand")
    hub_get()
    client = Client()
    client.force_login(UserFactory())
    html = client.get("/share/?view=all").content.decode()
    steps = missing(html)
    assert [step for step, _, _ in steps] == ["certified", "policy", "opted_in"]
    assert steps[1][1] == "Acknowledge the 2 current policies"
    assert steps[1][2].startswith("/")


def test_the_weekly_cap_starts_at_midnight_on_monday_in_the_programme_time_zone():
    settings_row = SharingSettings.load()
    settings_row.weekly_cap = 1
    settings_row.save()
    user = advocate_make()
    local = ZoneInfo(settings.TIME_ZONE)
    monday = datetime(2026, 3, 9, tzinfo=local)  # 00:00 on a Monday, local time
    sunday_late = share_create(
        user=user,
        post=post_create(),
        platform="linkedin",
        text="a",
        at=monday - timedelta(minutes=30),
    )
    monday_early = share_create(
        user=user,
        post=post_create(),
        platform="linkedin",
        text="b",
        at=monday + timedelta(minutes=30),
    )
    monday_later = share_create(
        user=user,
        post=post_create(),
        platform="linkedin",
        text="c",
        at=monday + timedelta(hours=5),
    )
    assert [o.share.earned_points for o in (sunday_late, monday_early, monday_later)] == [
        True,
        True,
        False,
    ]
    assert "the count starts again on Monday" in monday_later.message
