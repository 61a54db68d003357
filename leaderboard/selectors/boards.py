"""Boards and ranks: who is where on this week's, this month's and the all-time board.

Boards and ranks read the stored totals (ScoreTotal) through the index
(period, period_start, visible, -points, user): never a sum over the ledger and never a
window function over the whole table. Ties share a rank (1, 2, 2, 4): a person's rank is
one more than the number of visible totals strictly above theirs.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from leaderboard.models import Period, ScoreTotal
from leaderboard.services.periods import period_starts
from people.models import ConsentKind, Department, User
from people.selectors import users_with_consent

TOP = 20
NEAR = 2
DEPARTMENT_MINIMUM = 3


class Scope(models.TextChoices):
    """Who a board ranks (not stored: a board is computed from the people's totals)."""

    PEOPLE = "people", "People"
    DEPARTMENTS = "departments", "Departments"


@dataclass(frozen=True)
class Row:
    rank: int
    name: str
    points: int
    department: str = ""
    user_id: int | None = None
    members: int = 0


@dataclass(frozen=True)
class Position:
    """Where one person stands on a board, whether or not they appear on it."""

    period: str
    points: int
    rank: int
    visible: bool
    above: list[Row] = field(default_factory=list)
    below: list[Row] = field(default_factory=list)
    in_top: bool = False


def period_start(period: str, at: datetime | None = None) -> date:
    return period_starts(at or timezone.now())[period]


def period_label(period: str, at: datetime | None = None) -> str:
    start = period_start(period, at)
    if period == Period.WEEK:
        return f"Week of {start:%-d %B %Y}"
    if period == Period.MONTH:
        return f"{start:%B %Y}"
    return "All time"


def _name(display_name: str, first: str, last: str, username: str) -> str:
    return display_name or f"{first} {last}".strip() or username


def _ranked(rows: list[tuple]) -> list[int]:
    """Competition ranks for rows already ordered by points, descending."""
    ranks: list[int] = []
    for index, row in enumerate(rows):
        if index and row[1] == rows[index - 1][1]:
            ranks.append(ranks[-1])
        else:
            ranks.append(index + 1)
    return ranks


_ROW_FIELDS = (
    "user_id",
    "points",
    "user__display_name",
    "user__first_name",
    "user__last_name",
    "user__username",
    "user__department__name",
)


def _row(values: tuple, rank: int) -> Row:
    user_id, points, display, first, last, username, department = values
    return Row(
        rank=rank,
        name=_name(display, first, last, username),
        points=points,
        department=department or "",
        user_id=user_id,
    )


def _visible(period: str, start: date) -> QuerySet[ScoreTotal]:
    return ScoreTotal.objects.filter(period=period, period_start=start, visible=True)


def leaderboard_top(*, period: str, limit: int = TOP, at: datetime | None = None) -> list[Row]:
    """The top `limit` opted-in people of the current `period` (one query)."""
    start = period_start(period, at)
    values = list(
        _visible(period, start).order_by("-points", "user_id").values_list(*_ROW_FIELDS)[:limit]
    )
    return [_row(v, rank) for v, rank in zip(values, _ranked(values), strict=True)]


def leaderboard_position(
    *, user: User, period: str, visible: bool, at: datetime | None = None
) -> Position:
    """`user`'s points and rank in `period` (as if on the board, when not opted in), and
    for an opted-in person outside the top, the two people above and below. At most five
    queries, whatever the number of people."""
    start = period_start(period, at)
    board = _visible(period, start)
    points = (
        ScoreTotal.objects.filter(user=user, period=period, period_start=start)
        .values_list("points", flat=True)
        .first()
    )
    has_row = points is not None
    points = points or 0
    ahead = Q(points__gt=points) | Q(points=points, user_id__lt=user.pk)
    behind = Q(points__lt=points) | Q(points=points, user_id__gt=user.pk)
    counts = board.aggregate(
        above=Count("id", filter=Q(points__gt=points)),
        ahead=Count("id", filter=ahead),
    )
    in_top = visible and has_row and counts["ahead"] < TOP
    position = Position(
        period=period,
        points=points,
        rank=counts["above"] + 1,
        visible=visible,
        in_top=in_top,
    )
    if not visible or in_top:
        return position
    # The plain range (points >= / <= mine) lets the index order the scan; the OR only
    # skips ties on the wrong side of me.
    above = list(
        board.filter(ahead, points__gte=points)
        .order_by("points", "-user_id")
        .values_list(*_ROW_FIELDS)[:NEAR]
    )[::-1]
    below = list(
        board.filter(behind, points__lte=points)
        .order_by("-points", "user_id")
        .values_list(*_ROW_FIELDS)[:NEAR]
    )
    neighbours = above + below
    if not neighbours:
        return position
    distinct = sorted({v[1] for v in neighbours}, reverse=True)
    ranks = board.aggregate(
        **{f"r{i}": Count("id", filter=Q(points__gt=p)) for i, p in enumerate(distinct)}
    )
    rank_of = {p: ranks[f"r{i}"] + 1 for i, p in enumerate(distinct)}
    return Position(
        **{
            **position.__dict__,
            "above": [_row(v, rank_of[v[1]]) for v in above],
            "below": [_row(v, rank_of[v[1]]) for v in below],
        }
    )


def leaderboard_departments(*, period: str, at: datetime | None = None) -> list[Row]:
    """Departments with at least three opted-in members, by the sum of those members'
    points in `period` (two queries)."""
    start = period_start(period, at)
    eligible = dict(
        users_with_consent(kind=ConsentKind.LEADERBOARD)
        .filter(department__isnull=False)
        .values("department_id")
        .annotate(n=Count("id"))
        .filter(n__gte=DEPARTMENT_MINIMUM)
        .values_list("department_id", "n")
    )
    if not eligible:
        return []
    sums = list(
        _visible(period, start)
        .filter(user__department_id__in=list(eligible))
        .values_list("user__department_id", "user__department__name")
        .annotate(total=Sum("points"))
        .order_by("-total", "user__department__name")
    )
    seen = {dept_id for dept_id, _, _ in sums}
    # Departments that qualify but earned nothing yet still appear, at the bottom.
    rows = [(dept_id, total, name) for dept_id, name, total in sums]
    if len(seen) < len(eligible):
        for dept_id, name in (
            Department.objects.filter(pk__in=set(eligible) - seen)
            .order_by("name")
            .values_list("pk", "name")
        ):
            rows.append((dept_id, 0, name))
    ranks = _ranked(rows)
    return [
        Row(rank=rank, name=name, points=total, members=eligible[dept_id])
        for (dept_id, total, name), rank in zip(rows, ranks, strict=True)
    ]


def user_totals(*, user: User, at: datetime | None = None) -> dict[str, int]:
    """The person's points this week, this month and all time (one query)."""
    starts = period_starts(at or timezone.now())
    q = Q()
    for period, start in starts.items():
        q |= Q(period=period, period_start=start)
    found = dict(ScoreTotal.objects.filter(q, user=user).values_list("period", "points"))
    return {period: found.get(period, 0) for period in Period.values}


def leaderboard_rank(*, user: User, period: str, period_start: date) -> tuple[int, int] | None:
    """`user`'s rank on the board of `period` that started on `period_start`, and how many
    people that board ranks. Only opted-in people are ranked: None for anyone who is not
    on that board (not opted in, or no points in it). Two queries."""
    board = _visible(period, period_start)
    mine = board.filter(user=user).values_list("points", flat=True).first()
    if mine is None:
        return None
    counts = board.aggregate(above=Count("id", filter=Q(points__gt=mine)), total=Count("id"))
    return counts["above"] + 1, counts["total"]
