"""HTML fragments for the page and for websocket pushes (the same partials)."""

from django.template.loader import render_to_string

from leaderboard.models import BadgeAward, Period
from leaderboard.selectors import (
    DEPARTMENT_MINIMUM,
    TOP,
    Scope,
    leaderboard_departments,
    leaderboard_position,
    leaderboard_top,
    period_label,
)
from people.models import ConsentKind, User
from people.selectors import consent_current

TEMPLATE = "leaderboard/board.html"


def board_context(period: str, scope: str) -> dict:
    by_people = scope == Scope.PEOPLE
    rows = leaderboard_top(period=period) if by_people else leaderboard_departments(period=period)
    return {
        "period": period,
        "scope": scope,
        "by_people": by_people,
        "rows": rows,
        "label": period_label(period),
        "top": TOP,
        "department_minimum": DEPARTMENT_MINIMUM,
    }


def board_fragment(period: str, scope: str) -> str:
    """The board everybody sees: no personal data, identical bytes for every subscriber."""
    return render_to_string(f"{TEMPLATE}#board", {**board_context(period, scope), "pushed": True})


def you_context(user: User, period: str, visible: bool) -> dict:
    return {
        "period": period,
        "position": leaderboard_position(user=user, period=period, visible=visible),
        "period_label": period_label(period),
    }


def personal_fragment(user_id: int) -> str:
    """The person's own line for every period (the page swaps in the one it shows)."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return ""
    visible = consent_current(user=user)[ConsentKind.LEADERBOARD]
    return "".join(
        render_to_string(f"{TEMPLATE}#you", you_context(user, period, visible))
        for period in Period.values
    )


def toast_fragment(award_id: int) -> str:
    award = BadgeAward.objects.select_related("badge").filter(pk=award_id).first()
    if award is None or award.revoked:
        return ""
    return render_to_string(f"{TEMPLATE}#toast", {"award": award})
