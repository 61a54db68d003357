"""Recertification through time: reminders before expiry, re-enrolment at expiry, the
sharing gate, passing again, the old certificate's page, the report figures, the export.

Time moves through the `today=`/`now=` arguments the daily job and the quiz services take;
certificates are dated relative to the real today where a page or the gate reads "now"."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from courses import records
from courses.dashboard import training_step
from courses.models import Certificate, CoursePage, Enrolment
from courses.notices import CERTIFICATE_EXPIRED, CERTIFICATE_EXPIRING
from courses.selectors import (
    advocate_is_certified,
    certificates_expiring,
    certification_lapse,
    course_progress,
    quiz_state,
)
from courses.services import (
    certificate_expire,
    certificate_expiries_process,
    due_notifications_send,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from notifications.models import EmailStatus, Notification
from people.models import ConsentKind
from people.services import consent_set
from reports.training import training_report
from sharing.gate import GateStepKey, sharing_gate
from tests.courses.factories import CertificateFactory, CoursePageFactory, make_certified
from tests.courses.helpers import answer_all, read_all
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPIRY = date(2026, 6, 30)


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _expiring(user, *, expires_on=EXPIRY, **fields):
    course = CoursePage.objects.filter(title="Social basics").first() or CoursePageFactory(
        title="Social basics", certificate_validity_months=12
    )
    return make_certified(user, course=course, expires_on=expires_on, **fields)


def test_reminders_30_and_7_days_before_and_on_the_day_each_once(
    django_capture_on_commit_callbacks,
):
    opted_in, not_opted = UserFactory(), UserFactory()
    consent_set(user=opted_in, kind=ConsentKind.EMAIL_ALERTS, granted=True, source="test")
    for user in (opted_in, not_opted):
        _expiring(user)
    # Every day from 40 days before to the expiry day, each twice (cron ran twice).
    with django_capture_on_commit_callbacks(execute=True):
        for back in range(40, -1, -1):
            day = EXPIRY - timedelta(days=back)
            due_notifications_send(today=day)
            due_notifications_send(today=day)
    for user in (opted_in, not_opted):
        titles = list(
            Notification.objects.filter(user=user, kind=CERTIFICATE_EXPIRING.key)
            .order_by("created_at", "pk")
            .values_list("title", flat=True)
        )
        assert titles == [
            "Your Social basics certificate expires in 30 days",
            "Your Social basics certificate expires in 7 days",
            "Your Social basics certificate expires today",
        ]
    # By email only to the person who opted in to email alerts. The three were made on one
    # real day here, so the one-optional-email-a-day rule holds two for the weekly digest.
    assert {m.to[0] for m in mail.outbox} == {opted_in.email}
    statuses = dict.fromkeys((opted_in.pk, not_opted.pk))
    for user in statuses:
        statuses[user] = sorted(
            Notification.objects.filter(user=user, kind=CERTIFICATE_EXPIRING.key).values_list(
                "email_status", flat=True
            )
        )
    assert statuses[opted_in.pk] == [EmailStatus.HELD, EmailStatus.HELD, EmailStatus.SENT]
    assert statuses[not_opted.pk] == [EmailStatus.OPTED_OUT] * 3


def test_a_late_run_sends_only_the_stage_it_is_in():
    user = UserFactory()
    _expiring(user)
    due_notifications_send(today=EXPIRY - timedelta(days=5))  # missed the 30-day one
    [reminder] = Notification.objects.filter(user=user, kind=CERTIFICATE_EXPIRING.key)
    assert reminder.title.endswith("expires in 5 days")


def test_at_expiry_the_person_is_enrolled_again_with_a_due_date_once():
    user = UserFactory()
    certificate = _expiring(user)
    enrolment = Enrolment.objects.get(user=user, course=certificate.course)
    assert enrolment.completed_at is not None
    due_notifications_send(today=EXPIRY)  # the last valid day: nothing changes
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None and enrolment.expired_certificate is None

    assert certificate_expiries_process(today=EXPIRY + timedelta(days=1)) == 1
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert enrolment.due_on == EXPIRY + timedelta(days=30)  # the course's default
    assert enrolment.expired_certificate == certificate
    [notice] = Notification.objects.filter(user=user, kind=CERTIFICATE_EXPIRED.key)
    assert notice.title == "Your Social basics certificate expired on 30 June 2026"
    assert "by 30 July 2026" in notice.body

    # The next days' runs change nothing more and tell nobody twice.
    assert certificate_expiries_process(today=EXPIRY + timedelta(days=2)) == 0
    due_notifications_send(today=EXPIRY + timedelta(days=3))
    assert Notification.objects.filter(kind=CERTIFICATE_EXPIRED.key).count() == 1


def test_the_due_date_follows_the_course_setting_and_renewed_certificates_are_left_alone():
    course = CoursePageFactory(certificate_validity_months=12, recertification_due_days=10)
    lapsed, renewed = UserFactory(), UserFactory()
    make_certified(lapsed, course=course, expires_on=EXPIRY)
    make_certified(renewed, course=course, expires_on=EXPIRY)
    CertificateFactory(user=renewed, course=course, expires_on=EXPIRY + timedelta(days=365))
    assert certificate_expiries_process(today=EXPIRY + timedelta(days=1)) == 1
    assert Enrolment.objects.get(user=lapsed).due_on == EXPIRY + timedelta(days=10)
    assert Enrolment.objects.get(user=renewed).completed_at is not None


def test_an_expired_certificate_closes_the_gate_and_says_so():
    today = timezone.localdate()
    user = UserFactory()
    certificate = _expiring(user, expires_on=today - timedelta(days=1))
    certificate_expire(certificate=certificate)
    assert not advocate_is_certified(user=user)
    gate = sharing_gate(user=user)
    step = next(s for s in gate.steps if s.key == GateStepKey.CERTIFIED)
    expired = (today - timedelta(days=1)).strftime("%-d %B %Y")
    due = (today + timedelta(days=29)).strftime("%-d %B %Y")
    assert not step.done and not gate.open
    assert step.title == f"Certificate expired on {expired}: pass the quiz again by {due}"
    assert step.action == "Renew your certificate"
    assert step.url == certificate.course.get_url()
    # The dashboard says why the finished course is back.
    dashboard = training_step(user)
    assert not dashboard.done
    assert dashboard.status == f"Your certificate expired on {expired}; pass again by {due}"


def test_a_valid_certificate_keeps_the_usual_step():
    user = UserFactory()
    _expiring(user, expires_on=timezone.localdate())  # valid through today
    step = sharing_gate(user=user).steps[0]
    assert step.done and step.title == "Get certified as an advocate"
    assert certification_lapse(user=user) is None


def _pass(user, quiz, *, now):
    attempt = quiz_attempt_start(user=user, quiz=quiz, now=now)
    answer_all(user, attempt, right=attempt.total, now=now)
    attempt, _ = quiz_attempt_submit(user=user, attempt_id=attempt.pk, now=now)
    assert attempt.passed
    return Certificate.objects.get(attempt=attempt)


def test_passing_again_issues_a_new_certificate_and_the_old_one_stays_verifiable(
    course_tree, client
):
    course, lessons, quiz = course_tree
    course.certificate_validity_months = 12
    course.save()
    quiz.attempts_allowed = 1  # the limit counts attempts of the current round only
    quiz.save()
    user = UserFactory()
    today = timezone.localdate()
    first_day = today - timedelta(days=400)
    read_all(user, lessons)
    old = _pass(user, quiz, now=_at(first_day))
    assert old.expires_on < today

    certificate_expiries_process(today=today)
    progress = course_progress(user=user, course=course)
    assert not progress.completed and progress.renewal == old
    assert progress.next_url == quiz.get_url()
    state = quiz_state(user=user, quiz=quiz)
    assert state.can_start and state.renewing and state.attempts_used == 0

    new = _pass(user, quiz, now=timezone.now())
    assert new.code != old.code and new.issued_at > old.issued_at
    assert new.expires_on > today
    assert advocate_is_certified(user=user)
    assert course_progress(user=user, course=course).completed
    assert sharing_gate(user=user).steps[0].title == "Get certified as an advocate"

    # The public verification pages: no sign-in needed.
    old_page = client.get(f"/training/certificates/{old.code}/")
    assert old_page.status_code == 200
    html = old_page.content.decode()
    assert "Expired" in html and old.code in html and "A newer certificate was issued" in html
    new_html = client.get(f"/training/certificates/{new.code}/").content.decode()
    assert "Valid" in new_html and "Expired" not in new_html

    # The history: on the training page and in the person's export.
    client.force_login(user)
    catalogue = client.get("/training/").content.decode()
    assert "Your certificates" in catalogue and old.code in catalogue and new.code in catalogue
    exported = records.collect(user)
    assert [
        (c["verification_code"], c["status"], c["renewed"]) for c in exported["certificates"]
    ] == [
        (old.code, "expired", True),
        (new.code, "valid", False),
    ]
    [enrolment] = exported["enrolments"]
    assert enrolment["reenrolled_after_certificate"] == old.code


def test_the_dashboard_panel_says_why_and_by_when(client):
    today = timezone.localdate()
    user = UserFactory()
    certificate = _expiring(user, expires_on=today - timedelta(days=3))
    certificate_expire(certificate=certificate)
    client.force_login(user)
    html = client.get("/").content.decode()
    expired = (today - timedelta(days=3)).strftime("%-d %B %Y")
    due = (today + timedelta(days=27)).strftime("%-d %B %Y")
    assert f"Your certificate expired on {expired}; pass the quiz again by {due}" in html


def test_expiring_counts_for_the_report_and_the_admin_overview():
    today = date(2026, 3, 10)
    course = CoursePageFactory(certificate_validity_months=12)
    for days in (0, 10, 30, 31, 90, 91, -1):
        make_certified(UserFactory(), course=course, expires_on=today + timedelta(days=days))
    renewed = UserFactory()
    make_certified(renewed, course=course, expires_on=today + timedelta(days=5))
    CertificateFactory(user=renewed, course=course, expires_on=today + timedelta(days=400))
    gone = UserFactory(is_active=False)
    make_certified(gone, course=course, expires_on=today + timedelta(days=5))

    counts = certificates_expiring(today=today)
    assert (counts.next_30_days, counts.next_90_days) == (3, 5)
    report = training_report(start=today - timedelta(days=30), end=today, today=today)
    figures = {f.label: f.value for f in report.figures}
    assert figures["Certificates expiring in the next 30 days"] == 3
    assert figures["Certificates expiring in the next 90 days"] == 5
