"""Concurrent sends on PostgreSQL: one row per key, one optional email per day."""

import pytest
from django.core import mail

from notifications.models import EmailStatus, Notification, OptionalEmailDay
from notifications.services import notification_send
from sharing.notices import PRIORITY_POST, RETRACTION
from tests.notifications.factories import advocate
from tests.people.factories import UserFactory
from tests.threads import run_many, run_together


def test_same_key_twice_at_once_is_one_notification(postgres):
    person = UserFactory()

    def send():
        notification_send(user=person, kind=RETRACTION, title="Gone", key="race:1")

    run_many(send, 3)
    assert Notification.objects.filter(key="race:1").count() == 1
    assert len(mail.outbox) == 1


def test_two_optional_notifications_at_once_email_once(postgres):
    person = advocate()
    run_together(
        lambda: notification_send(user=person, kind=PRIORITY_POST, title="A", key="r:a"),
        lambda: notification_send(user=person, kind=PRIORITY_POST, title="B", key="r:b"),
    )
    statuses = sorted(Notification.objects.values_list("email_status", flat=True))
    assert statuses == sorted([EmailStatus.SENT, EmailStatus.HELD])
    assert OptionalEmailDay.objects.filter(user=person).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("size", [3, 30])
def test_notifications_page_query_budget(client, django_assert_max_num_queries, size, db):
    person = UserFactory()
    for i in range(size):
        notification_send(user=person, kind=RETRACTION, title=f"n{i}", key=f"q{i}")
    client.force_login(person)
    with django_assert_max_num_queries(10):
        assert client.get("/notifications/").status_code == 200
