"""Time-based notifications: training due soon or overdue, certificates about to expire
(30 and 7 days before, and on the day), and re-enrolment when one expired.

Run daily (`manage.py notify_due`, from cron). Every notification has a key naming the
enrolment or certificate and its date, so running it twice a day, or after a missed day,
tells each person once; a changed due date is a new reminder. Links are the course page's
`get_url()` (there is no request).
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from courses.models import Enrolment
from courses.notices import (
    CERTIFICATE_EXPIRING,
    TRAINING_DUE,
    TRAINING_OVERDUE,
    course_notice_subject,
)
from courses.selectors import RENEWAL_WINDOW_DAYS, certificates_renewable, course_progress
from courses.services.recertification import certificate_expiries_process
from notifications.services import notification_send

DUE_SOON_DAYS = 3
EXPIRY_WARNING_DAYS = RENEWAL_WINDOW_DAYS


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _time_left(enrolment: Enrolment) -> str:
    """What is left, in the course page's own estimate (courses.estimates)."""
    minutes = course_progress(user=enrolment.user, course=enrolment.course).minutes_left
    return f"What is left takes about {minutes} minute{'s' if minutes != 1 else ''}."


def training_reminders_send(*, today: date) -> int:
    """ "Due in N days" (N ≤ 3) and "overdue" for unfinished enrolments with a due date."""
    sent = 0
    open_enrolments = Enrolment.objects.filter(
        completed_at__isnull=True, due_on__isnull=False, user__is_active=True
    ).select_related("user", "course")
    for enrolment in open_enrolments.filter(
        due_on__gte=today, due_on__lte=today + timedelta(days=DUE_SOON_DAYS)
    ):
        left = (enrolment.due_on - today).days
        when = "today" if left == 0 else f"in {_days(left)}"
        with transaction.atomic():
            notification_send(
                user=enrolment.user,
                kind=TRAINING_DUE,
                title=f"{enrolment.course.title} is due {when}",
                body=f"Please finish it by {enrolment.due_on:%A %d %B}. {_time_left(enrolment)}",
                url=enrolment.course.get_url(),
                key=f"training_due:{enrolment.pk}:{enrolment.due_on.isoformat()}",
                subject=course_notice_subject(enrolment.course_id),
            )
        sent += 1
    for enrolment in open_enrolments.filter(due_on__lt=today):
        with transaction.atomic():
            notification_send(
                user=enrolment.user,
                kind=TRAINING_OVERDUE,
                title=f"{enrolment.course.title} is overdue",
                body=f"It was due on {enrolment.due_on:%d %B %Y}. {_time_left(enrolment)}",
                url=enrolment.course.get_url(),
                key=f"training_overdue:{enrolment.pk}:{enrolment.due_on.isoformat()}",
                subject=course_notice_subject(enrolment.course_id),
            )
        sent += 1
    return sent


# Reminder stages before a certificate expires: (last day of the stage, key suffix). A
# run on any day of a stage sends that stage's reminder, once; so does a late run.
EXPIRY_STAGES = ((0, "day"), (7, "7"), (EXPIRY_WARNING_DAYS, ""))


def _expiry_stage(days_left: int) -> str | None:
    for last_day, suffix in EXPIRY_STAGES:
        if days_left <= last_day:
            return suffix
    return None


def certificate_warnings_send(*, today: date) -> int:
    """Remind the holders of certificates expiring in 30 days, in 7 days and on the day
    (unless already renewed): one reminder per stage, in the bell and by email for those
    who opted in to email alerts."""
    expiring = certificates_renewable().filter(
        expires_on__gte=today, expires_on__lte=today + timedelta(days=EXPIRY_WARNING_DAYS)
    )
    sent = 0
    for certificate in expiring:
        left = (certificate.expires_on - today).days
        stage = _expiry_stage(left)
        # The 30-day reminder keeps the key it always had, so nobody hears it twice.
        key = f"certificate_expiring:{certificate.pk}:{certificate.expires_on.isoformat()}"
        when = "today" if left == 0 else f"in {_days(left)}"
        with transaction.atomic():
            notification_send(
                user=certificate.user,
                kind=CERTIFICATE_EXPIRING,
                title=f"Your {certificate.course_title} certificate expires {when}",
                body=(
                    f"It is valid until {certificate.expires_on:%-d %B %Y}. Pass the quiz "
                    "again before then to keep sharing unlocked; it is open to you now."
                ),
                url=certificate.course.get_url(),
                key=f"{key}:{stage}" if stage else key,
                subject=course_notice_subject(certificate.course_id),
            )
        sent += 1
    return sent


def due_notifications_send(*, today: date | None = None) -> int:
    """All time-based work for `today` (the programme's date by default): re-enrol the
    holders of certificates that expired, then send the reminders.

    Returns how many were due (already-sent reminders count but are not sent again;
    re-enrolments count on the run that made them)."""
    today = today or timezone.localdate()
    # Expiry first: a re-enrolment due soon is then reminded about like any other.
    expired = certificate_expiries_process(today=today)
    return expired + training_reminders_send(today=today) + certificate_warnings_send(today=today)
