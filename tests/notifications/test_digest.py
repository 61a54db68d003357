from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from leaderboard.models import Reason
from leaderboard.services import points_award
from notifications.digest import digests_send, week_start_of
from notifications.models import DigestSent, Kind
from notifications.services import notification_send
from tests.notifications.factories import advocate
from tests.people.factories import UserFactory
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db


def _history(user):
    points_award(user=user, reason=Reason.SHARE, key=f"s1:{user.pk}")
    points_award(user=user, reason=Reason.SHARE, key=f"s2:{user.pk}")
    for i in range(3):
        points_award(user=user, reason=Reason.CLICK, key=f"c{i}:{user.pk}")
    notification_send(
        user=user, kind=Kind.PRIORITY_POST, title="Launch post", url="/share/l/", key=f"p:{user.pk}"
    )
    notification_send(user=user, kind=Kind.BADGE_EARNED, title="First share", key=f"b:{user.pk}")


def test_digest_once_per_person_per_week(django_capture_on_commit_callbacks):
    keen = advocate()
    post_create(title="Fresh LinkedIn post", captions={"linkedin": ["Have a look."]})
    post_create(title="Only for X", captions={"x": ["Look."]})  # keen is not on X
    quiet = advocate(alerts=False)
    rival = UserFactory()
    for user in (keen, quiet):
        _history(user)
    for i in range(20):
        points_award(user=rival, reason=Reason.CLICK, key=f"r{i}")  # 20 points, rank 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send() == 1
        assert digests_send() == 0
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DigestSent.objects.filter(user=keen).count() == 1
    assert not DigestSent.objects.filter(user=quiet).exists()
    [message] = mail.outbox
    assert message.to == [keen.email]
    assert "Shares: 2" in message.body
    assert "Credited clicks: 3" in message.body
    # keen has 2×10 + 3×1 = 23 points this week; rival 20 → keen is #1 of 3 ranked people.
    assert "Rank this week: #1 of 3" in message.body
    assert "Launch post" in message.body and "First share" in message.body
    assert "Fresh LinkedIn post" in message.body
    assert "Only for X" not in message.body
    assert rival.name not in message.body
    assert "List-Unsubscribe" in message.extra_headers
    [(html, _)] = message.alternatives
    assert "Launch post" in html


def test_nothing_to_say_means_no_digest():
    advocate()
    assert digests_send() == 0
    assert not DigestSent.objects.exists()


def test_next_week_is_a_new_digest(django_capture_on_commit_callbacks):
    keen = advocate()
    _history(keen)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        digests_send(at=now)
    DigestSent.objects.filter(user=keen).update(week_start=week_start_of(now) - timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(at=now) == 1
    assert DigestSent.objects.filter(user=keen).count() == 2
