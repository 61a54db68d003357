"""HTML fragments for the page and for websocket pushes (the same partials)."""

from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import get_template, render_to_string

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
from leaderboard.selectors.boards import Position, Row
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


class _Slot(str):
    """A named hole in a line's stencil. `pluralize` reads it as `number` (the shape says
    whether the points are 1), everything else prints it as the marked name."""

    def __new__(cls, name: str, number: int = 0):
        slot = super().__new__(cls, f"\x00{name}\x00")
        slot.number = number
        return slot

    def __float__(self) -> float:
        return float(self.number)


def _shape(position: Position) -> tuple:
    """What the `you` partial branches on: the same shape renders the same markup around
    the figures."""
    return position.visible, len(position.above), len(position.below), position.points == 1


def _stencil(template, shape: tuple) -> str:
    """The `you` partial rendered once for `shape`, with a format field where each figure
    goes (escaped literal braces): filled per person with str.format_map."""
    visible, above, below, one = shape

    def rows(side: str, count: int) -> list[Row]:
        return [
            Row(rank=_Slot(f"{side}{i}r"), name=_Slot(f"{side}{i}n"), points=_Slot(f"{side}{i}p"))
            for i in range(count)
        ]

    position = Position(
        period=_Slot("period"),
        points=_Slot("points", 1 if one else 2),
        rank=_Slot("rank"),
        visible=visible,
        above=rows("a", above),
        below=rows("b", below),
    )
    html = template.render(
        {"period": _Slot("period"), "position": position, "period_label": _Slot("label")}
    )
    parts = html.split("\x00")
    return "".join(
        "{" + part + "}" if odd else part.replace("{", "{{").replace("}", "}}")
        for odd, part in ((i % 2 == 1, part) for i, part in enumerate(parts))
    )


def personal_fragments(user_ids: set[int]) -> dict[int, str]:
    """Each person's own line for every period (the page swaps in the one it shows), for
    everyone in `user_ids` at once (a push's connected people): the positions are computed
    together (leaderboard_positions), a few queries per period for all of them.

    The `you` partial is rendered once per shape of line (visible or not, how many people
    near, one point or more: a handful), with holes for the figures; each person's line
    fills them with the figures as the template would print them (render_value_in_context,
    so escaped and localised alike). The same bytes as rendering the partial per person, at
    a small fraction of the cost: a push computes this for everyone connected, on the
    thread whose GIL the fan-out of the boards shares."""
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
    template = get_template(f"{TEMPLATE}#you")
    context = Context(autoescape=True)
    printed: dict = {}
    stencils: dict[tuple, str] = {}

    def text(value) -> str:
        if value not in printed:
            printed[value] = render_value_in_context(value, context)
        return printed[value]

    def line(period: str, label: str, position: Position) -> str:
        shape = _shape(position)
        if shape not in stencils:
            stencils[shape] = _stencil(template, shape)
        figures = {"period": period, "label": label}
        figures["rank"], figures["points"] = text(position.rank), text(position.points)
        for side, rows in (("a", position.above), ("b", position.below)):
            for i, row in enumerate(rows):
                figures[f"{side}{i}r"] = text(row.rank)
                figures[f"{side}{i}n"] = text(row.name)
                figures[f"{side}{i}p"] = text(row.points)
        return stencils[shape].format_map(figures)

    labels = {period: text(period_label(period)) for period in Period.values}
    periods = [(period, text(period), labels[period]) for period in Period.values]
    return {
        user_id: "".join(
            line(shown, label, positions[period][user_id]) for period, shown, label in periods
        )
        for user_id in people
    }


def toast_fragment(award_id: int) -> str:
    award = BadgeAward.objects.select_related("badge").filter(pk=award_id).first()
    if award is None or award.revoked:
        return ""
    return render_to_string(f"{TEMPLATE}#toast", {"award": award})
