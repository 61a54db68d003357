"""Sharing's limits on points, as "How points work" lists them (leaderboard's POINTS_RULES)."""

from leaderboard.models import PointsSettings
from sharing.models import SharingSettings


def points_limits() -> list[str]:
    settings = SharingSettings.current()
    cap = settings.weekly_cap
    waiting = (
        " A share waiting for its first reader counts towards the week's cap."
        if PointsSettings.load().credits_on_first_reader
        else ""
    )
    return [
        f"Up to {cap} share{'s' if cap != 1 else ''} a week (Monday to Sunday) earn points; "
        "you can set a lower cap of your own in My settings. Past the cap you may still "
        f"share, it just earns nothing.{waiting}",
        f"Each tracked link credits at most {settings.daily_click_cap} clicks a day; "
        "further clicks are kept but not credited.",
    ]
