"""The leaderboard's periods, from the programme's one periods module (portal.periods).

A week runs Monday to Sunday, so on 1 December "this week" may have started on 30
November while "this calendar month" started today: the labels name the days each covers,
so the two figures are never read as one inside the other.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from leaderboard.models import ALL_TIME_START, Period
from portal.periods import local_day, month_start, week_start


def period_starts(at: datetime) -> dict[str, date]:
    """The first day of the week (Monday), month and all time containing `at`, in the
    programme's time zone."""
    return {Period.WEEK: week_start(at), Period.MONTH: month_start(at), Period.ALL: ALL_TIME_START}


def _month_end(start: date) -> date:
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _span_text(first: date, last: date) -> str:
    """The days of a week, the year once: "Mon 30 Nov – Sun 6 Dec 2026"."""
    if first.year != last.year:
        return f"{first:%a %-d %b %Y} – {last:%a %-d %b %Y}"
    return f"{first:%a %-d %b} – {last:%a %-d %b %Y}"


@dataclass(frozen=True)
class PeriodSpan:
    """One board's period as people read it: its name, the days it covers, and a note
    when this week began in the previous month."""

    period: str
    name: str  # "This week", "This calendar month", "All time"
    days: str  # "Mon 30 Nov – Sun 6 Dec 2026", "1–31 December 2026", "" for all time
    first: date | None
    last: date | None

    @property
    def label(self) -> str:
        return f"{self.name}, {self.days}" if self.days else self.name


def period_span(period: str, at: datetime | date | None = None) -> PeriodSpan:
    """The days `period` covers around `at` (now), labelled."""
    at = at or timezone.now()
    name = Period(period).label
    if period == Period.WEEK:
        first = week_start(at)
        last = first + timedelta(days=6)
        return PeriodSpan(period, name, _span_text(first, last), first, last)
    if period == Period.MONTH:
        first = month_start(at)
        last = _month_end(first)
        return PeriodSpan(period, name, f"{first.day}–{last:%-d %B %Y}", first, last)
    return PeriodSpan(period, name, "", None, None)


def week_began_last_month(at: datetime | date | None = None) -> date | None:
    """The Monday this week began on, when that was in the previous month (so this week's
    points may exceed this calendar month's); None otherwise."""
    at = at or timezone.now()
    monday = week_start(at)
    return monday if monday.month != local_day(at).month else None
