"""Boards and ranks: who is where on this week's, this month's and the all-time board.

Boards read the stored totals (ScoreTotal) through the index
(period, period_start, visible, -points, user): never a sum over the ledger and never a
window function over the whole table. Ties share a rank (1, 2, 2, 4): a person's rank is
one more than the number of visible totals strictly above theirs, summed from the stored
count of people per score (ScoreCount); the department board reads the stored
per-department totals and member counts. The write path keeps those in step.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from leaderboard.models import DepartmentMembers, DepartmentTotal, Period, ScoreCount, ScoreTotal
from leaderboard.services.periods import period_span, period_starts
from people.models import Department, User

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
    """The board's period as people read it: "This week, Mon 30 Nov – Sun 6 Dec 2026"."""
    return period_span(period, at).label


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


def _near(board: QuerySet[ScoreTotal], points: int, user_id: int) -> tuple[list, list]:
    """The NEAR rows just above and just below (points, user_id) in board order: two index
    scans that stop after NEAR rows each."""
    ahead = Q(points__gt=points) | Q(points=points, user_id__lt=user_id)
    behind = Q(points__lt=points) | Q(points=points, user_id__gt=user_id)
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
    return above, below


def _counts(period: str, start: date) -> QuerySet[ScoreCount]:
    return ScoreCount.objects.filter(period=period, period_start=start)


def _ranks_of(period: str, start: date, scores: set[int]) -> dict[int, int]:
    """Each score's rank: one more than the shown people with a higher score, summed over
    the stored count per distinct score (one query, however many people)."""
    if not scores:
        return {}
    ordered = sorted(scores)
    sums = _counts(period, start).aggregate(
        **{f"r{i}": Sum("n", filter=Q(points__gt=p)) for i, p in enumerate(ordered)}
    )
    return {p: (sums[f"r{i}"] or 0) + 1 for i, p in enumerate(ordered)}


def leaderboard_position(
    *,
    user: User,
    period: str,
    visible: bool,
    at: datetime | None = None,
    standing: dict[int, tuple[int, int]] | None = None,
) -> Position:
    """`user`'s points and rank in `period` (as if on the board, when not opted in), and
    for an opted-in person outside the top, the two people above and below. At most five
    small queries; the counts are index-only range scans, never a pass over the board.

    `standing` is the top of the board as the page shows it (person -> (rank, points)): an
    opted-in person on it is read from there, without a query, so the line agrees with
    the board beside it."""
    if visible and standing and user.pk in standing:
        rank, points = standing[user.pk]
        return Position(period=period, points=points, rank=rank, visible=True, in_top=True)
    start = period_start(period, at)
    board = _visible(period, start)
    # The person's points and the people above them in one query: the stored count per
    # score, summed above theirs.
    higher = (
        _counts(period, start)
        .filter(points__gt=OuterRef("points"))
        .order_by()
        .values("period")
        .annotate(above=Sum("n"))
        .values("above")
    )
    found = (
        ScoreTotal.objects.filter(user=user, period=period, period_start=start)
        .annotate(above=Subquery(higher))
        .values_list("points", "above")
        .first()
    )
    has_row = found is not None
    if has_row:
        points, rank = found[0], (found[1] or 0) + 1
    else:
        points = 0
        rank = _ranks_of(period, start, {0})[0]
    in_top = (
        visible
        and has_row
        and rank <= TOP
        and rank - 1 + board.filter(points=points, user_id__lt=user.pk)[:TOP].count() < TOP
    )
    position = Position(period=period, points=points, rank=rank, visible=visible, in_top=in_top)
    if not visible or in_top:
        return position
    above, below = _near(board, points, user.pk)
    rank_of = _ranks_of(period, start, {v[1] for v in above + below})
    return Position(
        **{
            **position.__dict__,
            "above": [_row(v, rank_of[v[1]]) for v in above],
            "below": [_row(v, rank_of[v[1]]) for v in below],
        }
    )


def leaderboard_departments(*, period: str, at: datetime | None = None) -> list[Row]:
    """Departments with at least three opted-in members, by the sum of those members'
    points in `period`.

    Read from the stored per-department aggregates (three small queries). The pages of
    one push window share the board's render (leaderboard.fragments), not these rows."""
    return _departments(period, period_start(period, at))


def _departments(period: str, start: date) -> list[Row]:
    # Stored per-department member counts and sums (kept by the write path): two queries
    # whose cost follows the number of departments, not of people.
    eligible = dict(
        DepartmentMembers.objects.filter(members__gte=DEPARTMENT_MINIMUM).values_list(
            "department_id", "members"
        )
    )
    if not eligible:
        return []
    totals = dict(
        DepartmentTotal.objects.filter(
            period=period, period_start=start, department_id__in=list(eligible)
        ).values_list("department_id", "points")
    )
    names = Department.objects.filter(pk__in=list(eligible)).values_list("pk", "name")
    # Departments that qualify but earned nothing yet still appear, at the bottom.
    rows = sorted(
        ((dept_id, totals.get(dept_id, 0), name) for dept_id, name in names),
        key=lambda row: (-row[1], row[2]),
    )
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
    on that board (not opted in, or no points in it). Two queries; the second sums the
    stored count per distinct score, so it does not grow with the number of people."""
    mine = _visible(period, period_start).filter(user=user).values_list("points", flat=True).first()
    if mine is None:
        return None
    counts = _counts(period, period_start).aggregate(
        above=Sum("n", filter=Q(points__gt=mine)), total=Sum("n")
    )
    return (counts["above"] or 0) + 1, counts["total"] or 0
