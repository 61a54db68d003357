"""Time-based notifications: training due soon or overdue, certificates about to expire.

Run daily (`manage.py notify_due`, from cron). Every notification has a key naming the
enrolment or certificate and its date, so running it twice a day, or after a missed day,
tells each person once; a changed due date is a new reminder. Links are the course page's
`get_url()` (there is no request).
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from courses.models import Certificate, Enrolment
from courses.notices import CERTIFICATE_EXPIRING, TRAINING_DUE, TRAINING_OVERDUE
from courses.selectors import course_progress
from notifications.services import notification_send

DUE_SOON_DAYS = 3
EXPIRY_WARNING_DAYS = 30


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
            )
        sent += 1
    return sent


def certificate_warnings_send(*, today: date) -> int:
    """Warn about certificates expiring within 30 days, unless already renewed."""
    renewed = Certificate.objects.filter(
        user=OuterRef("user"), course=OuterRef("course"), issued_at__gt=OuterRef("issued_at")
    )
    expiring = (
        Certificate.objects.filter(
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=EXPIRY_WARNING_DAYS),
            user__is_active=True,
        )
        .exclude(Exists(renewed))
        .select_related("user", "course")
    )
    sent = 0
    for certificate in expiring:
        left = (certificate.expires_on - today).days
        with transaction.atomic():
            notification_send(
                user=certificate.user,
                kind=CERTIFICATE_EXPIRING,
                title=f"Your {certificate.course_title} certificate expires in {_days(left)}",
                body=(
                    f"It is valid until {certificate.expires_on:%d %B %Y}. Retake the quiz "
                    "before then to keep sharing unlocked."
                ),
                url=certificate.course.get_url(),
                key=f"certificate_expiring:{certificate.pk}:{certificate.expires_on.isoformat()}",
            )
        sent += 1
    return sent


def due_notifications_send(*, today: date | None = None) -> int:
    """All time-based notifications for `today` (the programme's date by default).

    Returns how many were due (already-sent ones count but are not sent again)."""
    today = today or timezone.localdate()
    return training_reminders_send(today=today) + certificate_warnings_send(today=today)
