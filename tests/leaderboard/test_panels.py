"""A person's badges and points on the dashboard and /me/, and in their data export."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from leaderboard.models import BadgeAward
from leaderboard.selectors import AwardShown, badge_awards_for, badges_and_totals, user_totals
from leaderboard.services import badge_award_revoke, points_award
from leaderboard.services.badges import badge_award_create
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    user = UserFactory()
    points_award(user=user, reason="share", key="share:1")
    client.force_login(user)
    return user


def test_dashboard_and_me_show_my_badges_linking_to_their_verification(client, person):
    award = BadgeAward.objects.get(user=person)
    verify = reverse("badges:verify", args=[award.uid])
    for url in ("/", reverse("people:me")):
        html = client.get(url).content.decode()
        assert "My points and badges" in html
        assert f'href="{verify}"' in html and "First share" in html
        assert "10 points" in html
    assert 'ws-connect="/ws/leaderboard/"' in client.get("/").content.decode()


def test_a_revoked_badge_leaves_the_panel(client, person):
    badge_award_revoke(award=BadgeAward.objects.get(user=person), reason="mistake")
    assert "First share" not in client.get(reverse("people:me")).content.decode()


def test_someone_without_badges_sees_how_they_come(client):
    client.force_login(UserFactory())
    assert "No badges yet" in client.get(reverse("people:me")).content.decode()


def test_export_holds_my_points_and_badges_and_nobody_elses(client, person):
    other = UserFactory()
    points_award(user=other, reason="click", key="click:other")
    data = json.loads(client.get(reverse("people:export")).content)
    assert [row["reason"] for row in data["points"]] == ["share"]
    assert data["badges"][0]["badge"] == "First share"
    assert data["badges"][0]["verification_url"].startswith("/badges/a/")
    html = client.get(reverse("people:me")).content.decode()
    assert "Your points" in html and "Your badges" in html


def test_the_glance_lists_badges_newest_first_with_the_same_totals_as_user_totals():
    user = UserFactory()
    now = timezone.now()
    older = badge_award_create(
        badge=BadgeFactory(name="Older"), user=user, evidence="", at=now - timedelta(days=3)
    )
    newer = badge_award_create(badge=BadgeFactory(name="Newer"), user=user, evidence="", at=now)
    gone = badge_award_create(
        badge=BadgeFactory(name="Gone"), user=user, evidence="", at=now - timedelta(days=1)
    )
    badge_award_revoke(award=gone, reason="mistake")
    points_award(user=user, reason="share", key="share:glance")
    glance = badges_and_totals(user=user)
    assert [(a.uid, a.slug, a.name) for a in glance.awards] == [
        (award.uid, award.badge.slug, award.badge.name) for award in (newer, older)
    ]
    assert glance.awards == [
        AwardShown(a.uid, a.badge.slug, a.badge.name) for a in badge_awards_for(user=user)
    ]
    assert glance.totals == user_totals(user=user) == {"week": 10, "month": 10, "all": 10}


def test_the_glance_of_someone_with_nothing_yet():
    glance = badges_and_totals(user=UserFactory())
    assert glance.awards == [] and glance.totals == {"week": 0, "month": 0, "all": 0}
