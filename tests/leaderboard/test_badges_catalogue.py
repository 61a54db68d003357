"""The badge catalogue at /badges/: every badge with its criteria and holders, and for the
person looking, their progress, in a number of queries that does not grow with history."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leaderboard.models import BadgeAward, Criterion
from leaderboard.selectors import badge_progress
from leaderboard.services import badge_award_revoke, points_award
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def badges():
    return {
        "first": BadgeFactory(name="First share", slug="first-share", threshold=1),
        "five": BadgeFactory(name="Five shares", slug="five-shares", threshold=5),
        "streak": BadgeFactory(name="Three weeks", slug="streak", criterion="streak", threshold=3),
        "retired": BadgeFactory(name="Old badge", slug="old", threshold=1, active=False),
    }


def test_anyone_sees_every_badge_its_criteria_and_how_many_hold_it(client, badges):
    for index in range(3):
        points_award(user=UserFactory(), reason="share", key=f"s{index}")
    revoked = BadgeAward.objects.filter(badge=badges["first"]).first()
    badge_award_revoke(award=revoked, reason="A mistake.")
    page = client.get(reverse("badges:catalogue"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "First share" in html and "Five shares" in html and "Three weeks" in html
    assert badges["five"].criteria_narrative in html
    assert "Held by 2 people" in html  # the revoked award is not held
    assert "Nobody holds it yet" in html
    assert "Old badge" not in html  # retired and held by nobody
    assert "Your progress" not in html and "Sign in" in html


def test_a_signed_in_person_sees_their_own_progress(client, badges):
    user = UserFactory()
    for index in range(2):
        points_award(user=user, reason="share", key=f"s{index}")
    client.force_login(user)
    html = client.get(reverse("badges:catalogue")).content.decode()
    assert "You hold this badge" in html
    assert "2 of 5" in html
    assert 'aria-valuenow="40"' in html
    assert "Your longest run: 1 of 3 weeks" in html


def test_a_retired_badge_people_hold_is_listed_as_no_longer_awarded(client, badges):
    BadgeAward.objects.create(badge=badges["retired"], user=UserFactory())
    html = client.get(reverse("badges:catalogue")).content.decode()
    assert "Old badge" in html and "no longer awarded" in html


def catalogue_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("badges:catalogue")).status_code == 200
    return len(queries)


def test_progress_costs_the_same_queries_whatever_the_history(client, badges):
    BadgeFactory(slug="top", criterion="top_month", threshold=3)
    monday = datetime(2026, 1, 5, 12, tzinfo=UTC)
    newcomer, veteran = UserFactory(), UserFactory()
    # Both hold "first" and "five" and are working on the streak: only history differs.
    for index in range(5):
        points_award(user=newcomer, reason="share", key=f"n{index}", at=monday)
    for index in range(60):
        at = monday + timedelta(weeks=2 * (index % 20), hours=index)
        points_award(user=veteran, reason="share", key=f"v{index}", at=at)
        points_award(user=veteran, reason="click", key=f"c{index}", at=at)
    catalogue_queries(client, UserFactory())  # warm the per-process caches
    few, many = catalogue_queries(client, newcomer), catalogue_queries(client, veteran)
    assert few == many


def test_the_streak_is_counted_in_weeks_by_the_database():
    user = UserFactory()
    monday = datetime(2026, 9, 7, 12, tzinfo=UTC)
    for index, days in enumerate([0, 1, 8, 15, 29]):  # weeks 0, 0, 1, 2, 4
        points_award(user=user, reason="share", key=f"s{index}", at=monday + timedelta(days=days))
    assert badge_progress(user=user).longest_streak == 3


def test_a_badge_without_counted_progress_shows_its_criteria_and_no_bar(client):
    BadgeFactory(name="Hiring fair", slug="hiring-fair", criterion=Criterion.CAMPAIGN)
    client.force_login(UserFactory())
    html = client.get(reverse("badges:catalogue")).content.decode()
    assert "Hiring fair" in html and "campaign" in html
    assert 'role="progressbar"' not in html
