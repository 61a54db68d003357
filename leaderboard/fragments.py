"""HTML fragments for the page and for websocket pushes (the same partials)."""

from django.template.loader import render_to_string

from leaderboard.models import BadgeAward, Period
from leaderboard.selectors import (
    DEPARTMENT_MINIMUM,
    TOP,
    Scope,
    leaderboard_departments,
    leaderboard_position,
    leaderboard_positions,
    leaderboard_top,
    period_label,
)
from leaderboard.services.periods import week_began_last_month
from people.models import ConsentKind, User
from people.selectors import users_with_consent

TEMPLATE = "leaderboard/board.html"


def board_context(period: str, scope: str, fresh: bool = False) -> dict:
    by_people = scope == Scope.PEOPLE
    if by_people:
        rows = leaderboard_top(period=period)
    else:
        rows = leaderboard_departments(period=period, fresh=fresh)
    return {
        "period": period,
        "scope": scope,
        "by_people": by_people,
        "rows": rows,
        "label": period_label(period),
        # On 1 December this week's points may exceed this month's: the board says why.
        "week_began": week_began_last_month() if period != Period.ALL else None,
        "top": TOP,
        "department_minimum": DEPARTMENT_MINIMUM,
    }


def board_fragment(period: str, scope: str) -> str:
    """The board everybody sees: no personal data, identical bytes for every subscriber.
    Rendered by pushes, so its figures are computed afresh (and shared with page views)."""
    return render_to_string(f"{TEMPLATE}#board", board_context(period, scope, fresh=True))


def you_context(user: User, period: str, visible: bool) -> dict:
    return {
        "period": period,
        "position": leaderboard_position(user=user, period=period, visible=visible),
        "period_label": period_label(period),
    }


def personal_fragments(user_ids: set[int]) -> dict[int, str]:
    """Each person's own line for every period (the page swaps in the one it shows), for
    everyone in `user_ids` at once (a push's connected people): the positions are computed
    together (leaderboard_positions), a few queries per period for all of them plus two per
    opted-in person outside the top."""
    if not user_ids:
        return {}
    people = list(User.objects.filter(pk__in=user_ids, is_active=True).values_list("pk", flat=True))
    opted = set(
        users_with_consent(kind=ConsentKind.LEADERBOARD)
        .filter(pk__in=people)
        .values_list("pk", flat=True)
    )
    visible = {user_id: user_id in opted for user_id in people}
    positions = {
        period: leaderboard_positions(visible=visible, period=period) for period in Period.values
    }
    labels = {period: period_label(period) for period in Period.values}
    return {
        user_id: "".join(
            render_to_string(
                f"{TEMPLATE}#you",
                {
                    "period": period,
                    "position": positions[period][user_id],
                    "period_label": labels[period],
                },
            )
            for period in Period.values
        )
        for user_id in people
    }


def toast_fragment(award_id: int) -> str:
    award = BadgeAward.objects.select_related("badge").filter(pk=award_id).first()
    if award is None or award.revoked:
        return ""
    return render_to_string(f"{TEMPLATE}#toast", {"award": award})
