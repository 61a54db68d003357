"""Reads for certificates: is this person a certified advocate now, did a certificate
lapse, and which certificates expire soon (recertification)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from courses.models import Certificate, CoursePage, Enrolment
from people.models import Department, User
from portal.rows import column, table

# A certificate this close to its expiry may be renewed early: the quiz opens again and
# the reminders (30 and 7 days before, and on the day) ask people to.
RENEWAL_WINDOW_DAYS = 30


def advocate_is_certified(*, user: User) -> bool:
    """Is this person a certified advocate right now? One query. A certificate from a
    course that certifies advocates counts until its expiry date, inclusive."""
    if not getattr(user, "is_authenticated", False):
        return False
    valid = Q(expires_on__isnull=True) | Q(expires_on__gte=timezone.localdate())
    return Certificate.objects.filter(valid, user=user, course__certifies_advocates=True).exists()


def _renewed() -> Exists:
    """A newer certificate of the same person and course exists."""
    return Exists(
        Certificate.objects.filter(
            user=OuterRef("user"), course=OuterRef("course"), issued_at__gt=OuterRef("issued_at")
        )
    )


def _certificates_of_person() -> str:
    # Written by hand, on every dashboard: the ORM took 0.78 ms to compile and load what
    # this raw query loads in 0.29 ms (PostgreSQL, a handful of certificates).
    issued, pk = column(Certificate, "issued_at", "c"), column(Certificate, "id", "c")
    return (
        f"SELECT c.*, {column(CoursePage, 'certifies_advocates', 'p')} "  # noqa: S608 - names from the models
        f"FROM {table(Certificate)} c JOIN {table(CoursePage)} p "
        f"ON {column(CoursePage, 'page_ptr', 'p')} = {column(Certificate, 'course', 'c')} "
        f"WHERE {column(Certificate, 'user', 'c')} = %s ORDER BY {issued} DESC, {pk} DESC"
    )


def certificate_list(*, user: User) -> list[Certificate]:
    """Every certificate of the person, newest first, each marked `valid` today and
    `renewed` when a newer one of the same course replaced it, and with the course's
    `certifies_advocates` (so a valid one answers advocate_is_certified without a query)."""
    today = timezone.localdate()
    certificates = list(Certificate.objects.raw(_certificates_of_person(), [user.pk]))
    seen: set[int] = set()
    for certificate in certificates:
        certificate.valid = certificate.is_valid_on(today)
        certificate.renewed = certificate.course_id in seen
        seen.add(certificate.course_id)
    return certificates


@dataclass(frozen=True)
class CertificateLapse:
    """An advocate certificate that expired without a newer one: sharing is paused until
    the person passes the course's quiz again, by `due_on`."""

    certificate: Certificate
    course: CoursePage
    due_on: date

    @property
    def expired_on(self) -> date:
        return self.certificate.expires_on


def certification_lapse(*, user: User, today: date | None = None) -> CertificateLapse | None:
    """The person's lapsed advocate certificate, if they hold no valid one. `due_on` is
    their re-enrolment's due date (or, before the daily run re-enrolled them, the course's
    days after the expiry date). At most three queries."""
    if not getattr(user, "is_authenticated", False):
        return None
    today = today or timezone.localdate()
    certificates = Certificate.objects.filter(user=user, course__certifies_advocates=True)
    if certificates.filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today)).exists():
        return None
    lapsed = certificates.select_related("course").order_by("-expires_on", "-issued_at").first()
    if lapsed is None:
        return None
    enrolment = Enrolment.objects.filter(
        user=user, course=lapsed.course_id, expired_certificate=lapsed
    ).first()
    due_on = (
        enrolment.due_on
        if enrolment is not None and enrolment.due_on
        else lapsed.expires_on + timedelta(days=lapsed.course.recertification_due_days)
    )
    return CertificateLapse(certificate=lapsed, course=lapsed.course, due_on=due_on)


def certificates_renewable() -> QuerySet[Certificate]:
    """Certificates with an expiry date that no newer certificate of the same course
    replaced, of active people: the ones reminders and expiry are about."""
    return (
        Certificate.objects.filter(expires_on__isnull=False, user__is_active=True)
        .exclude(_renewed())
        .select_related("user", "course")
    )


@dataclass(frozen=True)
class ExpiringCertificates:
    next_30_days: int
    next_90_days: int


def certificates_expiring(
    *, today: date | None = None, department: Department | None = None
) -> ExpiringCertificates:
    """How many certificates (not yet renewed, of active people, optionally one
    department's) expire within the next 30 and 90 days, today included. One query."""
    today = today or timezone.localdate()
    rows = certificates_renewable().filter(
        expires_on__gte=today, expires_on__lte=today + timedelta(days=90)
    )
    if department is not None:
        rows = rows.filter(user__department=department)
    counts = rows.aggregate(
        within_30=Count("pk", filter=Q(expires_on__lte=today + timedelta(days=30))),
        within_90=Count("pk"),
    )
    return ExpiringCertificates(next_30_days=counts["within_30"], next_90_days=counts["within_90"])
