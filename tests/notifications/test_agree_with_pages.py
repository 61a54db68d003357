"""Notifications agree with the pages: a notice that asks for something is closed once it
is done, and what a notice says matches what the page it links to shows."""

from datetime import UTC, datetime, timedelta

import pytest

from courses.notices import TRAINING_DUE, course_notice_subject
from courses.services import quiz_attempt_submit
from leaderboard.models import BadgeAward
from leaderboard.notices import BADGE_EARNED
from leaderboard.services import points_award
from leaderboard.services.reconcile import leaderboard_reconcile
from notifications.models import Notification
from notifications.selectors import notification_unread_count
from notifications.services import notification_send, notifications_resolve
from policies.notices import POLICY_VERSION
from policies.services import policy_acknowledge
from tests.courses.factories import make_course
from tests.courses.helpers import answer_all, started_attempt
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory, policy_publish

pytestmark = pytest.mark.django_db


def test_acknowledging_the_policy_closes_the_notice_that_asked_for_it(
    client, django_capture_on_commit_callbacks
):
    person = UserFactory()
    policy = PolicyPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        policy = policy_publish(policy, material=True, what_changed="A new section on AI.")
    notice = Notification.objects.get(user=person, kind=POLICY_VERSION.key)
    assert notification_unread_count(user=person) == 1

    policy_acknowledge(user=person, policy_id=policy.pk, version=policy.version)

    notice.refresh_from_db()
    assert notice.resolved and not notice.unread
    assert notification_unread_count(user=person) == 0
    client.force_login(person)
    page = client.get("/notifications/").content.decode()
    item = page.split(f'id="notification-{notice.pk}"', 1)[1].split("</li>", 1)[0]
    assert "Done" in item and "Mark read" not in item


def test_who_acknowledged_a_version_before_its_notices_went_out_is_not_asked(
    django_capture_on_commit_callbacks,
):
    early, late = UserFactory(), UserFactory()
    policy = PolicyPageFactory()
    # The demo acknowledges version 2 in the same transaction that publishes it: the
    # notices are sent after commit and must skip whoever has done it already.
    with django_capture_on_commit_callbacks(execute=True):
        policy = policy_publish(policy, material=True)
        policy_acknowledge(user=early, policy_id=policy.pk, version=policy.version)
    assert not Notification.objects.filter(user=early, kind=POLICY_VERSION.key).exists()
    assert Notification.objects.filter(user=late, kind=POLICY_VERSION.key).exists()


def test_resolving_touches_only_that_person_and_that_subject():
    person, other = UserFactory(), UserFactory()
    for user in (person, other):
        for course_id in (1, 2):
            notification_send(
                user=user,
                kind=TRAINING_DUE,
                title="Due",
                key=f"due:{user.pk}:{course_id}",
                subject=course_notice_subject(course_id),
            )
    assert notifications_resolve(user=person, subject=course_notice_subject(1)) == 1
    assert notifications_resolve(user=person, subject=course_notice_subject(1)) == 0
    assert notifications_resolve(user=person, subject="") == 0
    open_ = Notification.objects.filter(resolved_at__isnull=True)
    assert sorted(open_.values_list("key", flat=True)) == sorted(
        [f"due:{person.pk}:2", f"due:{other.pk}:1", f"due:{other.pk}:2"]
    )


def test_passing_the_course_closes_its_reminders():
    course, lessons, quiz = make_course()
    person = UserFactory()
    notification_send(
        user=person,
        kind=TRAINING_DUE,
        title=f"{course.title} is due in 2 days",
        key="due:1",
        subject=course_notice_subject(course.pk),
    )
    attempt = answer_all(person, started_attempt(person, lessons, quiz), right=4)
    quiz_attempt_submit(user=person, attempt_id=attempt.pk)
    notice = Notification.objects.get(key="due:1")
    assert notice.resolved and not notice.unread


def test_a_notification_dated_in_the_past_keeps_its_date():
    person = UserFactory()
    then = datetime(2026, 10, 3, 9, 30, tzinfo=UTC)
    notice = notification_send(user=person, kind=TRAINING_DUE, title="Due", key="k", at=then)
    assert notice.created_at == then


def test_a_badge_awarded_later_names_its_threshold_and_the_notice_its_date():
    person = UserFactory()
    start = datetime(2026, 10, 1, 12, tzinfo=UTC)
    for index in range(11):
        points_award(user=person, reason="share", key=f"s{index}", at=start + timedelta(days=index))
    BadgeFactory(slug="first-share", name="First share", criterion="shares", threshold=1)
    leaderboard_reconcile(fix=True)
    award = BadgeAward.objects.get(user=person)
    assert award.evidence == "1 share recorded."
    notice = Notification.objects.get(user=person, kind=BADGE_EARNED.key)
    assert notice.body == "1 share recorded."
    assert notice.created_at == award.awarded_at == start
