"""Positions of everyone connected at once, for the personal lines a push sends."""

from bisect import bisect_left
from datetime import datetime

from leaderboard.models import ScoreTotal
from leaderboard.selectors.boards import (
    _ROW_FIELDS,
    NEAR,
    TOP,
    Position,
    _ranked,
    _row,
    _visible,
    period_start,
)


def leaderboard_positions(
    *, visible: dict[int, bool], period: str, at: datetime | None = None
) -> dict[int, Position]:
    """leaderboard_position for many people at once (`visible`: person -> opted in), as a
    push computes them for everyone connected. Three queries whatever their number: their
    own points, the board in order (two integers a person: one pass, read once per push
    instead of a few queries per person), and the names of the people shown near them."""
    start = period_start(period, at)
    board = _visible(period, start)
    mine = dict(
        ScoreTotal.objects.filter(
            user_id__in=list(visible), period=period, period_start=start
        ).values_list("user_id", "points")
    )
    order = list(board.order_by("-points", "user_id").values_list("user_id", "points"))
    ranks = _ranked(order)
    index = {user_id: i for i, (user_id, _) in enumerate(order)}
    first_rank: dict[int, int] = {}
    for (_, points), rank in zip(order, ranks, strict=True):
        first_rank.setdefault(points, rank)
    # Ascending, for the rank of a score nobody on the board has (a bisection, not a pass
    # over the board per person).
    negated = [-points for _, points in order]

    def rank_of(points: int) -> int:
        if points in first_rank:
            return first_rank[points]
        return bisect_left(negated, -points) + 1

    near: dict[int, tuple[range, range]] = {}
    for user_id, opted in visible.items():
        at_index = index.get(user_id)
        if opted and at_index is not None and at_index >= TOP:
            near[user_id] = (
                range(max(0, at_index - NEAR), at_index),
                range(at_index + 1, min(len(order), at_index + 1 + NEAR)),
            )
    shown = {order[i][0] for above, below in near.values() for i in (*above, *below)}
    rows = {
        values[0]: values for values in board.filter(user_id__in=shown).values_list(*_ROW_FIELDS)
    }
    positions = {}
    for user_id, opted in visible.items():
        points = mine.get(user_id, 0)
        above, below = near.get(user_id, ((), ()))
        positions[user_id] = Position(
            period=period,
            points=points,
            rank=rank_of(points),
            visible=opted,
            in_top=opted and index.get(user_id, TOP) < TOP,
            above=[_row(rows[order[i][0]], ranks[i]) for i in above],
            below=[_row(rows[order[i][0]], ranks[i]) for i in below],
        )
    return positions
