"""Weeks and months in the programme's time zone (settings.TIME_ZONE): the one place that
says when a week or a month starts, for the leaderboard, caps, digests and reports.

Weeks start on Monday. A datetime is first converted to the programme's local time, so
23:30 UTC on a Sunday is already Monday in Berlin.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

WEEK = timedelta(days=7)


def local_day(at: datetime | date) -> date:
    """The programme's calendar day of `at` (a date is returned as it is)."""
    if isinstance(at, datetime):
        return timezone.localtime(at).date()
    return at


def week_start(at: datetime | date) -> date:
    """Monday of the week containing `at`."""
    day = local_day(at)
    return day - timedelta(days=day.weekday())


def month_start(at: datetime | date) -> date:
    """The first day of the month containing `at`."""
    return local_day(at).replace(day=1)


def previous_month_start(at: datetime | date) -> date:
    """The first day of the month before the one containing `at`."""
    return (month_start(at) - timedelta(days=1)).replace(day=1)


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day): when a
    certificate expires, when a policy asks again."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


def day_start(day: date) -> datetime:
    """00:00 of `day` in the programme's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


def week_starts_between(start: date, end: date) -> list[date]:
    """Mondays of every week touching [start, end], oldest first."""
    first, weeks = week_start(start), []
    while first <= end:
        weeks.append(first)
        first += WEEK
    return weeks
