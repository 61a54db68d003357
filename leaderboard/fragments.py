"""HTML fragments for the page and for websocket pushes (the same partials)."""

from dataclasses import dataclass

from django.core.cache import cache
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
    period_start,
)
from leaderboard.selectors.boards import Position, Row
from leaderboard.services.periods import week_began_last_month
from people.models import ConsentKind, User
from people.selectors import users_with_consent

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
        # On 1 December this week's points may exceed this month's: the board says why.
        "week_began": week_began_last_month() if period != Period.ALL else None,
        "top": TOP,
        "department_minimum": DEPARTMENT_MINIMUM,
    }


BOARD_WINDOW = 1  # seconds one render of a board is shared: the push window


@dataclass(frozen=True)
class Board:
    """One board as rendered once for everybody, and where the people on it stand (person
    -> (rank, points)), so a page can print its viewer's line from the same render."""

    html: str
    standing: dict[int, tuple[int, int]]


def _board_key(period: str, scope: str) -> str:
    return f"leaderboard:board:{period}:{scope}:{period_start(period)}"


def _board_render(period: str, scope: str) -> Board:
    context = board_context(period, scope)
    board = Board(
        html=render_to_string(f"{TEMPLATE}#board", context),
        standing={row.user_id: (row.rank, row.points) for row in context["rows"] if row.user_id},
    )
    cache.set(_board_key(period, scope), board, BOARD_WINDOW)
    return board


def boards_forget(boards: list[tuple[str, str]]) -> None:
    """Drop the kept renders of `boards` (their figures just changed): a page loaded before
    the push re-renders instead of showing the old board, which its socket, opened after
    the push went out, would never replace."""
    cache.delete_many([_board_key(period, scope) for period, scope in boards])


def board_fragment(period: str, scope: str) -> str:
    """The board everybody sees: no personal data, identical bytes for every subscriber.
    A push renders it afresh and keeps the render for the window: the page views of that
    window print it instead of rendering their own."""
    return _board_render(period, scope).html


def board_shared(period: str, scope: str) -> Board:
    """The board a page shows: the render of this window (a push's or another page's),
    rendered and kept when there is none. At most BOARD_WINDOW seconds older than the
    database, as the pushes are."""
    board = cache.get(_board_key(period, scope))
    return board if board is not None else _board_render(period, scope)


def you_context(
    user: User, period: str, visible: bool, standing: dict[int, tuple[int, int]] | None = None
) -> dict:
    """The person's own line; with `standing` (the shown board's), a person on that board
    reads it from there, the same figures as the board beside it."""
    return {
        "period": period,
        "position": leaderboard_position(
            user=user, period=period, visible=visible, standing=standing
        ),
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
