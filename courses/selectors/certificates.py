"""Reads for certificates: is this person a certified advocate now?"""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from courses.models import Certificate
from people.models import User


def _valid_certificates(*, user: User, today: date | None = None):
    today = today or timezone.localdate()
    return Certificate.objects.filter(user=user, course__certifies_advocates=True).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def certificate_current(*, user: User) -> Certificate | None:
    """The person's valid advocate certificate (newest first), or None. A certificate from a
    course that certifies advocates counts until its expiry date, inclusive."""
    if not getattr(user, "is_authenticated", False):
        return None
    return _valid_certificates(user=user).order_by("-issued_at").first()


def advocate_is_certified(*, user: User) -> bool:
    """Is this person a certified advocate right now? One query."""
    if not getattr(user, "is_authenticated", False):
        return False
    return _valid_certificates(user=user).exists()


def certificate_list(*, user: User) -> list[Certificate]:
    today = timezone.localdate()
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at"))
    for certificate in certificates:
        certificate.valid = certificate.is_valid_on(today)
    return certificates
