"""Recertification: when a certificate expires, enrol the person again with a due date.

Run daily with the reminders (`manage.py notify_due`). Each expired certificate re-enrols
its holder once (the enrolment remembers which certificate lapsed) and tells them once
(the notification's key names the certificate), so a second run, or a run after missed
days, changes nothing more.
"""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from courses.models import Certificate, Enrolment, EnrolmentSource
from courses.notices import CERTIFICATE_EXPIRED, course_notice_subject
from courses.selectors import certificates_renewable
from notifications.services import notification_send


def recertification_due_on(*, certificate: Certificate) -> date:
    """The day a lapsed certificate's holder must have passed again by."""
    return certificate.expires_on + timedelta(days=certificate.course.recertification_due_days)


@transaction.atomic
def certificate_expire(
    *, certificate: Certificate, now: datetime | None = None
) -> tuple[Enrolment, bool]:
    """Re-enrol the holder of an expired `certificate` in its course: the enrolment is open
    again, due `recertification_due_days` after the expiry date, and only quiz passes from
    now on count. Notifies them once. Returns (enrolment, changed); a second call for the
    same certificate changes nothing."""
    now = now or timezone.now()
    enrolment, _ = Enrolment.objects.get_or_create(
        user=certificate.user,
        course=certificate.course,
        defaults={"source": EnrolmentSource.RULE, "enrolled_at": now},
    )
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.expired_certificate_id == certificate.pk:
        return enrolment, False
    due_on = recertification_due_on(certificate=certificate)
    enrolment.completed_at = None
    enrolment.closed_at = None
    enrolment.due_on = due_on
    enrolment.cycle_started_at = now
    enrolment.expired_certificate = certificate
    enrolment.save(
        update_fields=[
            "completed_at",
            "closed_at",
            "due_on",
            "cycle_started_at",
            "expired_certificate",
        ]
    )
    course = certificate.course
    notification_send(
        user=certificate.user,
        kind=CERTIFICATE_EXPIRED,
        title=f"Your {certificate.course_title} certificate expired on "
        f"{certificate.expires_on:%-d %B %Y}",
        body=(
            f"Sharing is paused until you pass the {course.title} quiz again. "
            f"Please pass it by {due_on:%-d %B %Y}; your lessons stay done."
        ),
        url=course.get_url() or "",
        key=f"certificate_expired:{certificate.pk}",
        subject=course_notice_subject(course.pk),
    )
    return enrolment, True


def certificate_expiries_process(*, today: date, now: datetime | None = None) -> int:
    """Re-enrol everyone whose latest certificate of a course expired before `today`
    (a certificate is valid through its expiry date). Returns how many were re-enrolled
    by this call."""
    expired = certificates_renewable().filter(expires_on__lt=today).order_by("expires_on", "pk")
    done = set(
        Enrolment.objects.filter(expired_certificate__in=expired).values_list(
            "expired_certificate_id", flat=True
        )
    )
    changed = 0
    for certificate in expired:
        if certificate.pk in done:
            continue
        _, was_changed = certificate_expire(certificate=certificate, now=now)
        changed += was_changed
    return changed
