"""Reads for the admin home's programme overview: training, in three counts, one query."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from courses.models import Certificate, Enrolment
from people.models import User


@dataclass(frozen=True)
class TrainingCounts:
    in_onboarding: int  # active people with an unfinished (open) enrolment
    overdue: int  # ...of whom one or more enrolments are past their due date
    certified: int  # active people holding a valid advocate certificate


def training_counts(*, today: date) -> TrainingCounts:
    """How many active people are in training now, how many of them are overdue, and how
    many are certified advocates on `today` (expiry inclusive). One query."""
    open_enrolments = Enrolment.objects.filter(
        user=OuterRef("pk"), completed_at__isnull=True, closed_at__isnull=True
    )
    certified = Certificate.objects.filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today),
        user=OuterRef("pk"),
        course__certifies_advocates=True,
    )
    counts = (
        User.objects.filter(is_active=True)
        .annotate(
            training=Exists(open_enrolments),
            late=Exists(open_enrolments.filter(due_on__lt=today)),
            advocate=Exists(certified),
        )
        .aggregate(
            in_onboarding=Count("pk", filter=Q(training=True)),
            overdue=Count("pk", filter=Q(late=True)),
            certified=Count("pk", filter=Q(advocate=True)),
        )
    )
    return TrainingCounts(**counts)


def active_certified_advocate_ids(*, today: date) -> set[int]:
    """Ids of the active people holding a valid advocate certificate on `today` (expiry
    inclusive): people who left are not counted. One query."""
    valid = Certificate.objects.filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today),
        user=OuterRef("pk"),
        course__certifies_advocates=True,
    )
    return set(User.objects.filter(Exists(valid), is_active=True).values_list("pk", flat=True))
