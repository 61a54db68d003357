"""What "How points work" says, built from the programme's settings as they are now.

Other apps add their own limits with the POINTS_RULES hook (`() -> list[str]`, plain
sentences, e.g. sharing's weekly cap), so this page never names them.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail import hooks

from leaderboard.models import Period, PointsSettings
from leaderboard.services.periods import PeriodSpan, period_span, week_began_last_month

POINTS_RULES = "chorus_points_rules"


@dataclass(frozen=True)
class Rule:
    what: str
    points: str
    when: str


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def points_rules(settings: PointsSettings | None = None) -> list[Rule]:
    """One row per way to earn points on the board, with today's numbers."""
    settings = settings or PointsSettings.load()
    if settings.credits_on_first_reader:
        share_when = (
            "When its tracked link gets its first credited click from a real reader, within "
            f"{_plural(settings.first_reader_days, 'day')} of sharing. Until then My shares "
            "shows it as “waiting for its first reader”; with no reader by then it earns "
            "no share points (its later clicks still earn theirs)."
        )
    else:
        share_when = "When you confirm the share."
    return [
        Rule(
            "Sharing a post on one of your networks",
            _plural(settings.share, "point"),
            share_when + " Sharing the same post on the same network again earns nothing.",
        ),
        Rule(
            "A credited click on your tracked link",
            _plural(settings.click, "point"),
            f"For each of the first {settings.click_cap_per_share} credited clicks on one "
            "share. Your own clicks, bots, link previews and the same reader again within "
            "24 hours are not credited.",
        ),
        Rule(
            "A link you suggested becomes a post",
            _plural(settings.suggestion_accepted, "point"),
            "When the communications team accepts your suggestion.",
        ),
    ]


def points_limits() -> list[str]:
    """Limits other apps apply (the POINTS_RULES hook), in hook order."""
    lines: list[str] = []
    for hook in hooks.get_hooks(POINTS_RULES):
        lines += hook()
    return lines


def points_periods(at: datetime | None = None) -> list[PeriodSpan]:
    return [period_span(period, at) for period in Period.values]


def points_page_context(at: datetime | None = None) -> dict:
    settings = PointsSettings.load()
    return {
        "rules": points_rules(settings),
        "limits": points_limits(),
        "spans": points_periods(at),
        "week_began": week_began_last_month(at),
        "on_first_reader": settings.credits_on_first_reader,
        "window": settings.first_reader_days,
    }
