"""The weekly digest: composed from the apps' sections, about the week that ended."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from leaderboard.models import Reason
from leaderboard.services import points_award
from notifications.models import DigestSent
from notifications.services import digests_send
from people.models import ConsentKind
from sharing.services import click_record, share_create
from tests.leaderboard.factories import BadgeFactory
from tests.notifications.factories import advocate, grant
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db

# Monday 9:00 in the programme's time zone: cron sends the digest of 16–22 November.
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
LAST_WEEK = MONDAY - timedelta(days=4)  # Thursday 19 November
THIS_WEEK = MONDAY - timedelta(hours=1)  # Monday 8:00, after the week ended


def _keen(**fields):
    """An advocate past the sharing gate, alerts on, shown on the leaderboard."""
    user = advocate_make(platforms=["linkedin"], **fields)
    grant(user, ConsentKind.EMAIL_ALERTS, ConsentKind.LEADERBOARD)
    return user


def _share_with_clicks(user, *, at, clicks: int):
    post = post_create(captions={"linkedin": ["Have a look."]}, published_at=at)
    share = share_create(user=user, post=post, platform="linkedin", text="Look", at=at).share
    for i in range(clicks):
        click_record(
            code=share.code, method="GET", user_agent="Mozilla/5.0", ip=f"10.0.0.{i}", at=at
        )
    return share


def _send(django_capture_on_commit_callbacks, at=MONDAY) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return digests_send(at=at)


def test_monday_digest_describes_the_week_that_ended(django_capture_on_commit_callbacks):
    keen = _keen()
    _share_with_clicks(keen, at=LAST_WEEK, clicks=3)
    _share_with_clicks(keen, at=LAST_WEEK + timedelta(hours=2), clicks=0)
    _share_with_clicks(keen, at=THIS_WEEK, clicks=5)  # this week: next Monday's news
    post_create(title="Fresh LinkedIn post", captions={"linkedin": ["Hi"]}, published_at=LAST_WEEK)
    post_create(title="Only for X", captions={"x": ["Look."]}, published_at=LAST_WEEK)
    post_create(title="Published today", captions={"linkedin": ["x"]}, published_at=THIS_WEEK)
    mail.outbox.clear()
    assert _send(django_capture_on_commit_callbacks) == 1
    [digest] = DigestSent.objects.filter(user=keen)
    assert digest.week_start == (MONDAY - timedelta(days=7)).date()
    [message] = mail.outbox
    assert "(16 November to 22 November)" in message.body
    assert "Shares: 2" in message.body
    assert "Credited clicks: 3" in message.body
    assert "Fresh LinkedIn post" in message.body
    assert "Only for X" not in message.body and "Published today" not in message.body
    assert "List-Unsubscribe" in message.extra_headers
    [(html, _)] = message.alternatives
    assert "Fresh LinkedIn post" in html


def test_rank_counts_only_people_who_opted_in(django_capture_on_commit_callbacks):
    keen = _keen()
    _share_with_clicks(keen, at=LAST_WEEK, clicks=1)  # a reader: the share earns its points
    hidden = UserFactory()  # never opted in to the leaderboard
    shown = UserFactory()
    grant(shown, ConsentKind.LEADERBOARD)
    for i in range(40):
        points_award(user=hidden, reason=Reason.CLICK, key=f"h{i}", at=LAST_WEEK)
        points_award(user=shown, reason=Reason.CLICK, key=f"s{i}", at=LAST_WEEK)
    _send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    # keen and shown are ranked; hidden, with as many points as shown, is not counted.
    assert "Rank that week: #2 of 2" in message.body
    assert hidden.name not in message.body and shown.name not in message.body


def test_someone_not_on_the_leaderboard_gets_no_rank(django_capture_on_commit_callbacks):
    private = advocate_make(platforms=["linkedin"])
    grant(private, ConsentKind.EMAIL_ALERTS)
    _share_with_clicks(private, at=LAST_WEEK, clicks=1)
    _send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert "Shares: 1" in message.body
    assert "Rank" not in message.body


def test_new_badges_of_the_week_are_listed(django_capture_on_commit_callbacks):
    keen = _keen()
    BadgeFactory(name="First share", criterion="shares", threshold=1)
    _share_with_clicks(keen, at=LAST_WEEK, clicks=1)  # its first reader earns the share
    _send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert "New badges: First share" in message.body


def test_once_per_person_per_week_and_only_with_alerts(django_capture_on_commit_callbacks):
    keen = _keen()
    quiet = advocate_make(platforms=["linkedin"])  # alerts off
    for user in (keen, quiet):
        _share_with_clicks(user, at=LAST_WEEK, clicks=1)
    assert _send(django_capture_on_commit_callbacks) == 1
    assert _send(django_capture_on_commit_callbacks) == 0
    # Later in the same week it is still last week's digest, already sent.
    assert _send(django_capture_on_commit_callbacks, at=MONDAY + timedelta(days=2)) == 0
    assert DigestSent.objects.filter(user=keen).count() == 1
    assert not DigestSent.objects.filter(user=quiet).exists()


def test_send_digests_command_sends_last_weeks_digest(django_capture_on_commit_callbacks):
    keen = _keen()
    _share_with_clicks(keen, at=timezone.now() - timedelta(days=7), clicks=0)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [message] = mail.outbox
    assert message.to == [keen.email] and "Shares: 1" in message.body


def test_a_quiet_week_sends_nothing(django_capture_on_commit_callbacks):
    keen = _keen()
    _share_with_clicks(keen, at=THIS_WEEK, clicks=2)  # nothing happened last week
    advocate()
    assert _send(django_capture_on_commit_callbacks) == 0
    assert not DigestSent.objects.exists()


def test_next_week_is_a_new_digest(django_capture_on_commit_callbacks):
    keen = _keen()
    _share_with_clicks(keen, at=LAST_WEEK, clicks=0)
    _share_with_clicks(keen, at=THIS_WEEK + timedelta(days=1), clicks=0)
    assert _send(django_capture_on_commit_callbacks) == 1
    assert _send(django_capture_on_commit_callbacks, at=MONDAY + timedelta(days=7)) == 1
    weeks = sorted(DigestSent.objects.filter(user=keen).values_list("week_start", flat=True))
    assert weeks == [(MONDAY - timedelta(days=7)).date(), MONDAY.date()]
