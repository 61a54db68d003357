"""The leaderboard's periods, from the programme's one periods module (portal.periods)."""

from datetime import date, datetime

from leaderboard.models import ALL_TIME_START, Period
from portal.periods import month_start, week_start


def period_starts(at: datetime) -> dict[str, date]:
    """The first day of the week (Monday), month and all time containing `at`, in the
    programme's time zone."""
    return {Period.WEEK: week_start(at), Period.MONTH: month_start(at), Period.ALL: ALL_TIME_START}
