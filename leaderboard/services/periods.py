"""Period boundaries in the programme's time zone (settings.TIME_ZONE)."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from leaderboard.models import ALL_TIME_START, Period


def period_starts(at: datetime) -> dict[str, date]:
    """The first day of the week (Monday), month and all time containing `at`,
    in the programme's time zone (settings.TIME_ZONE)."""
    day = timezone.localtime(at).date()
    return {
        Period.WEEK: day - timedelta(days=day.weekday()),
        Period.MONTH: day.replace(day=1),
        Period.ALL: ALL_TIME_START,
    }
