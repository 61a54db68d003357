"""What people lets expire: the personal data of people who left, a programme-set number
of months after their leaving date (people/erasure.py says what goes and what stays)."""

import calendar
from datetime import date, datetime

from django.utils import timezone

from people.erasure import erasure_due, person_erase
from portal.extensions import RetentionRule
from portal.retention import retention_settings


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has fewer days)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def leavers_erase(*, now: datetime, dry_run: bool = False) -> int:
    """Erase everyone whose leaving date is more than the erasure period before `now`;
    returns how many people (each erased in its own savepoint, audited as the system)."""
    months = retention_settings().erasure_months
    due = erasure_due(cutoff_day=months_before(timezone.localdate(now), months))
    if dry_run:
        return due.count()
    count = 0
    for person in due.order_by("pk"):
        person_erase(user=person, by=None, source="retention period")
        count += 1
    return count


def leavers_rule() -> RetentionRule:
    months = retention_settings().erasure_months
    return RetentionRule(
        "leavers",
        "When you leave",
        f"Your account is closed on your leaving date. {months} months later your name, "
        "email, networks, handles, suggestions' text and notifications are erased; what is "
        "left (points, quiz attempts, acknowledgements) no longer names you.",
        leavers_erase,
    )
