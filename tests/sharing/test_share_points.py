"""A share's points on evidence: credited by its first reader within a window (the
default), or on confirm when HR chooses so; caps, idempotent keys and reconcile hold."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leaderboard.models import LedgerEntry, PointsSettings, Reason, ShareCredit
from leaderboard.selectors import user_totals
from leaderboard.services.reconcile import leaderboard_reconcile
from people.services import person_deactivate
from sharing.models import PointsState, SharingSettings
from sharing.services import click_record, share_create
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


def reader(share, *, ip="203.0.113.5", at=None, ua=CHROME, session_user_id=None):
    return click_record(
        code=share.code,
        method="GET",
        user_agent=ua,
        ip=ip,
        at=at,
        session_user_id=session_user_id,
    )


def share_points(share) -> list[int]:
    return list(
        LedgerEntry.objects.filter(key=f"share:{share.pk}", reason=Reason.SHARE).values_list(
            "points", flat=True
        )
    )


def set_points(**values):
    settings = PointsSettings.load()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


@pytest.fixture
def advocate():
    return advocate_make()


def test_by_default_a_share_waits_for_its_first_reader(advocate, client):
    outcome = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi")
    assert outcome.points == 0
    assert "Waiting for its first reader" in outcome.message
    assert "within 14 days" in outcome.message
    assert share_points(outcome.share) == []
    assert outcome.share.points_state == PointsState.WAITING
    assert user_totals(user=advocate)["week"] == 0

    client.force_login(advocate)
    html = client.get(reverse("sharing:mine")).content.decode()
    assert "Waiting for its first reader" in html


def test_the_confirm_page_says_the_share_is_waiting_for_its_first_reader(advocate, client):
    post = post_create()
    client.force_login(advocate)
    response = client.post(
        reverse("sharing:share", args=[post.pk, "linkedin"]),
        {"text": "Proud of this", "variant": "0"},
    )
    html = response.content.decode()
    assert "Waiting for its first reader" in html
    assert "+10 points" not in html


def test_the_first_credited_reader_brings_the_share_points_once(advocate):
    share = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi").share
    at = timezone.now() + timedelta(days=2)
    outcome = reader(share, at=at)
    assert outcome.credited
    assert share_points(share) == [10]
    entry = LedgerEntry.objects.get(key=f"share:{share.pk}")
    assert entry.created_at == at  # earned when the reader came, in that week
    share.refresh_from_db()
    assert share.points_due_until is None
    assert share.points_state == PointsState.EARNED

    reader(share, ip="203.0.113.6", at=at + timedelta(hours=1))
    assert share_points(share) == [10]
    assert LedgerEntry.objects.filter(user=advocate, reason=Reason.CLICK).count() == 2
    assert user_totals(user=advocate, at=at)["all"] == 10 + 2


@pytest.mark.parametrize(
    "how",
    [
        {"ua": "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient)"},
        {"ua": "python-requests/2.32"},
        {"own_session": True},
    ],
    ids=["link preview", "bot", "the sharer"],
)
def test_only_a_real_reader_counts_as_the_first_reader(advocate, how):
    share = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi").share
    own = str(advocate.pk) if how.get("own_session") else None
    outcome = reader(share, ua=how.get("ua", CHROME), session_user_id=own)
    assert not outcome.credited
    assert share_points(share) == []
    share.refresh_from_db()
    assert share.points_state == PointsState.WAITING


def test_a_share_without_a_reader_in_the_window_earns_no_share_points(advocate, client):
    set_points(first_reader_days=3)
    shared_at = timezone.now() - timedelta(days=5)
    share = share_create(
        user=advocate, post=post_create(), platform="linkedin", text="Hi", at=shared_at
    ).share
    assert share.points_due_until == shared_at + timedelta(days=3)
    late = reader(share, at=shared_at + timedelta(days=3, minutes=1))
    assert late.credited  # the click itself counts and earns its own point
    assert share_points(share) == []
    assert LedgerEntry.objects.filter(reason=Reason.CLICK).count() == 1
    share.refresh_from_db()
    assert share.points_state == PointsState.NO_READER

    client.force_login(advocate)
    html = client.get(reverse("sharing:mine")).content.decode()
    assert "No share points: nobody opened the link by" in html
    assert "Waiting for its first reader" not in html


def test_a_reader_just_inside_the_window_still_counts(advocate):
    shared_at = timezone.now() - timedelta(days=14)
    share = share_create(
        user=advocate, post=post_create(), platform="linkedin", text="Hi", at=shared_at
    ).share
    reader(share, at=shared_at + timedelta(days=14))
    assert share_points(share) == [10]


def test_hr_can_credit_shares_on_confirm_instead(advocate, client):
    set_points(share_credit=ShareCredit.CONFIRM)
    outcome = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi")
    assert outcome.points == 10
    assert "+10 points" in outcome.message
    assert outcome.share.points_due_until is None
    assert share_points(outcome.share) == [10]
    reader(outcome.share)
    assert share_points(outcome.share) == [10]  # the reader adds a click, not the share again

    client.force_login(advocate)
    html = client.get(reverse("sharing:mine")).content.decode()
    assert "Waiting for its first reader" not in html


def test_a_share_waiting_when_hr_switches_to_on_confirm_is_still_credited_by_its_reader(
    advocate,
):
    share = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi").share
    set_points(share_credit=ShareCredit.CONFIRM)
    reader(share)
    assert share_points(share) == [10]


def test_waiting_shares_count_towards_the_weekly_cap(advocate):
    sharing = SharingSettings.load()
    sharing.weekly_cap = 2
    sharing.save()
    posts = [post_create() for _ in range(3)]
    now = timezone.now()
    shares = [
        share_create(user=advocate, post=post, platform="linkedin", text="Hi", at=now).share
        for post in posts
    ]
    assert [s.points_state for s in shares] == [
        PointsState.WAITING,
        PointsState.WAITING,
        PointsState.PAST_CAP,
    ]
    for index, share in enumerate(shares):
        reader(share, ip=f"203.0.113.{index + 10}", at=now + timedelta(hours=1))
    assert LedgerEntry.objects.filter(user=advocate, reason=Reason.SHARE).count() == 2


def test_a_sharer_who_left_gets_no_share_points_from_a_later_reader(advocate):
    share = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi").share
    person_deactivate(user=advocate, source="test")
    outcome = reader(share)
    assert outcome.credited  # the reader still gets to the article and is counted
    assert share_points(share) == []


def test_reconcile_finds_no_difference_after_readers_credit_shares(advocate):
    other = advocate_make()
    now = timezone.now()
    for index, person in enumerate([advocate, other, advocate]):
        share = share_create(
            user=person,
            post=post_create(),
            platform="linkedin",
            text="Hi",
            at=now - timedelta(days=20 - index),
        ).share
        reader(share, ip=f"203.0.113.{index}", at=now - timedelta(days=19 - index))
        reader(share, ip=f"203.0.113.{index + 50}", at=now - timedelta(days=1))
    assert LedgerEntry.objects.filter(reason=Reason.SHARE).count() == 3
    assert leaderboard_reconcile() == []


def _credited_visit(share, ip) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(f"/l/{share.code}", HTTP_USER_AGENT=CHROME, REMOTE_ADDR=ip)
        assert response.status_code == 302
    return len(queries)


def test_later_clicks_cost_the_same_queries_as_with_credit_on_confirm():
    set_points(click_cap_per_share=1000)
    waiting = share_create(
        user=advocate_make(), post=post_create(), platform="linkedin", text="Hi"
    ).share
    first = _credited_visit(waiting, "192.0.2.1")
    assert share_points(waiting) == [10]
    _credited_visit(waiting, "192.0.2.2")  # the week's score rows exist from here on
    later = _credited_visit(waiting, "192.0.2.3")

    set_points(share_credit=ShareCredit.CONFIRM)
    confirmed = share_create(
        user=advocate_make(), post=post_create(), platform="linkedin", text="Hi"
    ).share
    _credited_visit(confirmed, "192.0.2.4")
    _credited_visit(confirmed, "192.0.2.5")
    baseline = _credited_visit(confirmed, "192.0.2.6")
    assert later == baseline
    # The first reader's click pays for the share's award, and only that click does.
    assert first > later


def test_an_unknown_person_clicking_is_a_reader(advocate):
    share = share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi").share
    client = Client()
    client.force_login(UserFactory())
    client.get(f"/l/{share.code}", HTTP_USER_AGENT=CHROME, REMOTE_ADDR="203.0.113.77")
    assert share_points(share) == [10]


def test_my_data_export_says_where_each_shares_points_stand(advocate, client):
    share_create(user=advocate, post=post_create(), platform="linkedin", text="Hi")
    client.force_login(advocate)
    data = client.get("/me/export.json").json()
    assert data["sharing"]["shares"][0]["points_state"] == "Waiting for its first reader"
