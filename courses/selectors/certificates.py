"""Reads for certificates: is this person a certified advocate now?"""

from django.db.models import Q
from django.utils import timezone

from courses.models import Certificate
from people.models import User


def advocate_is_certified(*, user: User) -> bool:
    """Is this person a certified advocate right now? One query. A certificate from a
    course that certifies advocates counts until its expiry date, inclusive."""
    if not getattr(user, "is_authenticated", False):
        return False
    valid = Q(expires_on__isnull=True) | Q(expires_on__gte=timezone.localdate())
    return Certificate.objects.filter(valid, user=user, course__certifies_advocates=True).exists()


def certificate_list(*, user: User) -> list[Certificate]:
    """Every certificate of the person, newest first, each marked `valid` today."""
    today = timezone.localdate()
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at"))
    for certificate in certificates:
        certificate.valid = certificate.is_valid_on(today)
    return certificates
