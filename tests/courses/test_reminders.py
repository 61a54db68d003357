import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses.models import Enrolment
from courses.notices import CERTIFICATE_EXPIRING, TRAINING_DUE, TRAINING_OVERDUE
from courses.services import due_notifications_send
from notifications.models import Notification
from tests.courses.factories import CertificateFactory, CoursePageFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


def _enrol(user, course, *, due_in: int, completed: bool = False):
    return Enrolment.objects.create(
        user=user,
        course=course,
        due_on=TODAY + timedelta(days=due_in),
        completed_at=timezone.now() if completed else None,
    )


def test_training_due_and_overdue_go_to_the_person_enrolled_once(
    django_capture_on_commit_callbacks,
):
    course = CoursePageFactory(title="Social basics")
    due_soon, due_today, far, overdue, finished = (UserFactory() for _ in range(5))
    _enrol(due_soon, course, due_in=3)
    _enrol(due_today, course, due_in=0)
    _enrol(far, course, due_in=4)
    _enrol(overdue, course, due_in=-2)
    _enrol(finished, course, due_in=-2, completed=True)
    with django_capture_on_commit_callbacks(execute=True):
        due_notifications_send(today=TODAY)
        due_notifications_send(today=TODAY)  # a second cron run tells nobody twice
    got = {n.user_id: (n.kind, n.title) for n in Notification.objects.all()}
    assert got == {
        due_soon.pk: (TRAINING_DUE.key, "Social basics is due in 3 days"),
        due_today.pk: (TRAINING_DUE.key, "Social basics is due today"),
        overdue.pk: (TRAINING_OVERDUE.key, "Social basics is overdue"),
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (due_soon, due_today, overdue)
    )
    overdue_mail = next(m for m in mail.outbox if m.to == [overdue.email])
    assert "past its due date" in overdue_mail.body  # required: says why
    assert {n.url for n in Notification.objects.all()} == {f"/training/{course.slug}/"}


def test_certificate_expiring_within_30_days_unless_renewed():
    course = CoursePageFactory(certificate_validity_months=12)
    soon, later, renewed = UserFactory(), UserFactory(), UserFactory()
    CertificateFactory(user=soon, course=course, expires_on=TODAY + timedelta(days=30))
    CertificateFactory(user=later, course=course, expires_on=TODAY + timedelta(days=31))
    CertificateFactory(user=renewed, course=course, expires_on=TODAY + timedelta(days=5))
    CertificateFactory(user=renewed, course=course, expires_on=TODAY + timedelta(days=370))
    due_notifications_send(today=TODAY)
    [warning] = Notification.objects.filter(kind=CERTIFICATE_EXPIRING.key)
    assert warning.user == soon
    assert "expires in 30 days" in warning.title
    assert warning.url == f"/training/{course.slug}/"  # where the quiz can be retaken


def test_notify_due_command_sends_todays_reminders():
    course = CoursePageFactory(title="Social basics")
    _enrol(UserFactory(), course, due_in=(timezone.localdate() - TODAY).days - 1)
    out = io.StringIO()
    call_command("notify_due", stdout=out)
    assert out.getvalue().strip() == "1 reminder due (each sent once)."
    assert Notification.objects.get().title == "Social basics is overdue"
