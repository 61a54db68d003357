import pytest
from django.core import mail
from django.db import transaction

from courses.notices import CERTIFICATE_EXPIRING, TRAINING_DUE, TRAINING_OVERDUE
from leaderboard.notices import BADGE_EARNED
from notifications.kinds import NotificationKind
from notifications.models import EmailStatus, Notification
from notifications.services import (
    notification_mark_read,
    notification_send,
    notifications_mark_all_read,
)
from people.models import ConsentKind
from policies.notices import POLICY_VERSION
from sharing.notices import PRIORITY_POST, RETRACTION, SUGGESTION_DECIDED
from sharing.services import priority_post_announce
from tests.notifications.factories import advocate, grant
from tests.people.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

REQUIRED = [
    RETRACTION,
    TRAINING_DUE,
    TRAINING_OVERDUE,
    POLICY_VERSION,
    SUGGESTION_DECIDED,
]
# In the bell for everyone, by email only to those who opted in to email alerts.
OPTIONAL = [BADGE_EARNED, CERTIFICATE_EXPIRING]


@pytest.mark.parametrize("kind", REQUIRED, ids=lambda k: k.key)
def test_required_kinds_reach_everyone_in_portal_and_by_email(
    kind, django_capture_on_commit_callbacks
):
    person = UserFactory()  # no consents at all
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(
            user=person, kind=kind, title="Something happened", url="/x/", key=f"k:{kind.key}"
        )
    assert notification is not None
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers


def test_priority_post_needs_advocacy_and_alerts(django_capture_on_commit_callbacks):
    no_consent = UserFactory()
    advocacy_only = advocate(alerts=False)
    fits = advocate()
    with django_capture_on_commit_callbacks(execute=True):
        results = [
            notification_send(user=u, kind=PRIORITY_POST, title="Post", key=f"p:{u.pk}")
            for u in (no_consent, advocacy_only, fits)
        ]
    assert results[0] is None
    assert results[1] is None
    assert results[2] is not None
    assert list(Notification.objects.values_list("user", flat=True)) == [fits.pk]
    assert [m.to for m in mail.outbox] == [[fits.email]]


@pytest.mark.parametrize("kind", OPTIONAL, ids=lambda k: k.key)
def test_optional_kinds_in_portal_always_but_email_only_with_alerts(
    kind, django_capture_on_commit_callbacks
):
    quiet = UserFactory()
    keen = UserFactory()
    grant(keen, ConsentKind.EMAIL_ALERTS)
    with django_capture_on_commit_callbacks(execute=True):
        a = notification_send(user=quiet, kind=kind, title="News", key="b1")
        b = notification_send(user=keen, kind=kind, title="News", key="b2")
    assert a.email_status == EmailStatus.OPTED_OUT
    assert b.email_status == EmailStatus.QUEUED
    assert [m.to for m in mail.outbox] == [[keen.email]]


def test_same_key_twice_is_one_notification_and_one_email(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = notification_send(user=person, kind=RETRACTION, title="Gone", key="r:1")
        second = notification_send(user=person, kind=RETRACTION, title="Gone", key="r:1")
    assert first.pk == second.pk
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_rolled_back_action_sends_nothing(django_capture_on_commit_callbacks):
    person = UserFactory()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notification_send(user=person, kind=POLICY_VERSION, title="v2", key="pv:2")
        raise RuntimeError("the action failed")
    assert callbacks == []
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_email_waits_for_commit(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification_send(user=person, kind=POLICY_VERSION, title="v2", key="pv:2")
    assert mail.outbox == []  # nothing before commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_one_optional_email_a_day_the_rest_wait_for_the_digest(
    django_capture_on_commit_callbacks,
):
    person = advocate()
    with django_capture_on_commit_callbacks(execute=True):
        first = notification_send(user=person, kind=PRIORITY_POST, title="A", key="p:a")
        second = notification_send(user=person, kind=PRIORITY_POST, title="B", key="p:b")
        badge = notification_send(user=person, kind=BADGE_EARNED, title="C", key="b:c")
        required = notification_send(user=person, kind=RETRACTION, title="D", key="r:d")
    statuses = {
        n.key: n.email_status
        for n in Notification.objects.filter(pk__in=[first.pk, second.pk, badge.pk, required.pk])
    }
    assert statuses == {
        "p:a": EmailStatus.SENT,
        "p:b": EmailStatus.HELD,
        "b:c": EmailStatus.HELD,
        "r:d": EmailStatus.SENT,  # required kinds are not limited
    }
    assert [m.subject for m in mail.outbox] == ["Chorus: A", "Chorus: D"]


def test_no_email_address_means_no_email(django_capture_on_commit_callbacks):
    person = UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        n = notification_send(user=person, kind=TRAINING_DUE, title="Due", key="t:1")
    assert n.email_status == EmailStatus.NO_ADDRESS
    assert mail.outbox == []


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notification_send(
            user=UserFactory(),
            kind=NotificationKind(key="gossip", label="Gossip", intro="No app declares it."),
            title="x",
            key="g:1",
        )
    assert Notification.objects.count() == 0


def test_priority_post_announce_targets_network_department_and_consent(
    django_capture_on_commit_callbacks,
):
    sales, ops = DepartmentFactory(), DepartmentFactory()
    linkedin_sales = advocate(platforms=["linkedin"], department=sales)
    x_sales = advocate(platforms=["x"], department=sales)
    linkedin_ops = advocate(platforms=["linkedin"], department=ops)
    linkedin_sales_quiet = advocate(platforms=["linkedin"], department=sales, alerts=False)
    not_advocate = UserFactory(department=sales)
    grant(not_advocate, ConsentKind.EMAIL_ALERTS)
    two_networks = advocate(platforms=["linkedin", "bluesky"], department=sales)
    with django_capture_on_commit_callbacks(execute=True):
        sent = priority_post_announce(
            post_title="Launch",
            url="/share/launch/",
            platforms=["linkedin", "bluesky"],
            department_ids=[sales.pk],
            key_prefix="post:7",
        )
    assert sorted(n.user_id for n in sent) == sorted([linkedin_sales.pk, two_networks.pk])
    for outsider in (x_sales, linkedin_ops, linkedin_sales_quiet, not_advocate):
        assert not Notification.objects.filter(user=outsider).exists()
    # Announcing again reaches nobody new and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        again = priority_post_announce(
            post_title="Launch",
            url="/share/launch/",
            platforms=["linkedin", "bluesky"],
            department_ids=[sales.pk],
            key_prefix="post:7",
        )
    assert {n.pk for n in again} == {n.pk for n in sent}
    assert len(mail.outbox) == 2


def test_priority_post_without_restrictions_reaches_every_alerted_advocate():
    a, b = advocate(platforms=["x"]), advocate(platforms=[])
    sent = priority_post_announce(
        post_title="All", url="/", platforms=[], department_ids=[], key_prefix="post:8"
    )
    assert sorted(n.user_id for n in sent) == sorted([a.pk, b.pk])


def test_mark_read_only_own_and_mark_all():
    me, other = UserFactory(), UserFactory()
    mine = [
        notification_send(user=me, kind=RETRACTION, title=str(i), key=f"m{i}") for i in range(3)
    ]
    theirs = notification_send(user=other, kind=RETRACTION, title="t", key="o1")
    assert notification_mark_read(user=me, notification_id=theirs.pk) is None
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert notification_mark_read(user=me, notification_id=mine[0].pk).read_at is not None
    assert notifications_mark_all_read(user=me) == 2
    assert notifications_mark_all_read(user=me) == 0
    assert not Notification.objects.filter(user=me, read_at__isnull=True).exists()
