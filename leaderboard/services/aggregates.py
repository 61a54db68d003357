"""The aggregates the boards read (leaderboard.models.aggregates), kept in step with the
stored totals inside the transaction that changes a total, a consent, an activity or a
department.

Every writer changes aggregate rows in one global order (score counts, then department
totals, then member counts, each sorted by key), so two transactions never wait for each
other's rows crosswise (no deadlock between concurrent awards).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import models, transaction
from django.db.models import Subquery

from leaderboard.models import (
    BoardMember,
    DepartmentMembers,
    DepartmentTotal,
    ScoreCount,
    ScoreTotal,
)
from people.models import ConsentKind, User
from people.selectors import users_with_consent
from portal.rows import upsert

BATCH = 5000

Board = tuple[str, date]  # (period, period start)


@dataclass
class Deltas:
    """Changes to the aggregates, gathered first and written in the global order."""

    counts: dict[tuple[str, date, int], int] = field(default_factory=lambda: defaultdict(int))
    totals: dict[tuple[str, date, int], int] = field(default_factory=lambda: defaultdict(int))
    members: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def score_moved(
        self, board: Board, *, before: int | None, after: int, department: int | None
    ) -> None:
        """A shown person's total on `board` went from `before` (None: no total yet)."""
        if before is not None:
            self.counts[(*board, before)] -= 1
        self.counts[(*board, after)] += 1
        if department is not None:
            self.totals[(*board, department)] += after - (before or 0)

    def person(self, totals: list[tuple[str, date, int]], department: int | None, sign: int):
        """A person with `totals` enters (+1) or leaves (-1) the boards."""
        for period, start, points in totals:
            self.counts[(period, start, points)] += sign
            if department is not None:
                self.totals[(period, start, department)] += sign * points
        if department is not None:
            self.members[department] += sign

    def apply(self) -> None:
        """Add the changes, creating missing rows: one statement per aggregate that changed
        (score counts, then department totals, then member counts, each sorted by key)."""
        counts = [(*key, n) for key, n in sorted(self.counts.items()) if n]
        upsert(ScoreCount, ("period", "period_start", "points"), ("n",), counts, add=True)
        sums = [(*key, points) for key, points in sorted(self.totals.items()) if points]
        upsert(
            DepartmentTotal, ("period", "period_start", "department"), ("points",), sums, add=True
        )
        members = [(key, n) for key, n in sorted(self.members.items()) if n]
        upsert(DepartmentMembers, ("department",), ("members",), members, add=True)


def board_member(user_id: int) -> tuple[bool, int | None]:
    """(shown, department) as the aggregates count the person now."""
    found = BoardMember.objects.filter(pk=user_id).values_list("visible", "department_id").first()
    return found if found and found[0] else (False, None)


def _shown() -> models.QuerySet[User]:
    """Everyone the boards show: opted in to the leaderboard and active."""
    return users_with_consent(kind=ConsentKind.LEADERBOARD).filter(is_active=True)


@transaction.atomic
def board_member_sync(*, user_id: int) -> bool:
    """Bring the aggregates in step with whether the person is shown now (opted in and
    active) and with their department. Call it inside the transaction that changed one of
    those, after the change. Returns whether anything changed."""
    # Locking the person serialises this with their awards (points_award locks them too),
    # so an award never adds to the department this is moving them out of.
    person = User.objects.select_for_update().filter(pk=user_id)
    active, department = person.values_list("is_active", "department_id")[0]
    shown = active and _shown().filter(pk=user_id).exists()
    want = (shown, department if shown else None)
    have = board_member(user_id)
    if want == have:
        return False
    totals = list(
        ScoreTotal.objects.filter(user_id=user_id).values_list("period", "period_start", "points")
    )
    deltas = Deltas()
    if have[0]:
        deltas.person(totals, have[1], -1)
    if want[0]:
        deltas.person(totals, want[1], +1)
    deltas.apply()
    upsert(BoardMember, ("user",), ("visible", "department"), [(user_id, *want)], add=False)
    ScoreTotal.objects.filter(user_id=user_id).exclude(visible=shown).update(visible=shown)
    return True


@dataclass(frozen=True)
class Aggregates:
    """Every aggregate, zero rows left out (a count that went back to 0 stays stored)."""

    members: dict[int, int | None]  # shown person → department
    counts: dict[tuple[str, date, int], int]
    totals: dict[tuple[str, date, int], int]
    department_members: dict[int, int]


def _nonzero(values: dict) -> dict:
    return {key: value for key, value in values.items() if value}


def aggregates_expected() -> Aggregates:
    """The aggregates recomputed from the stored totals, consent, activity, departments."""
    members = dict(_shown().values_list("pk", "department_id"))
    deltas = Deltas()
    rows = ScoreTotal.objects.order_by().values_list("user_id", "period", "period_start", "points")
    by_user: dict[int, list] = defaultdict(list)
    for user_id, period, start, points in rows.iterator(chunk_size=BATCH):
        if user_id in members:
            by_user[user_id].append((period, start, points))
    for user_id, department in members.items():
        deltas.person(by_user.get(user_id, []), department, +1)
    return Aggregates(
        members=members,
        counts=_nonzero(deltas.counts),
        totals=_nonzero(deltas.totals),
        department_members=_nonzero(deltas.members),
    )


def aggregates_stored() -> Aggregates:
    return Aggregates(
        members=dict(BoardMember.objects.filter(visible=True).values_list("pk", "department_id")),
        counts=_nonzero(
            {
                (period, start, points): n
                for period, start, points, n in ScoreCount.objects.values_list(
                    "period", "period_start", "points", "n"
                )
            }
        ),
        totals=_nonzero(
            {
                (period, start, department): points
                for period, start, department, points in DepartmentTotal.objects.values_list(
                    "period", "period_start", "department_id", "points"
                )
            }
        ),
        department_members=_nonzero(
            dict(DepartmentMembers.objects.values_list("department_id", "members"))
        ),
    )


AGGREGATE_PARTS = {
    "members": "shown person → department",
    "counts": "people with a score",
    "totals": "department total",
    "department_members": "department members",
}


def aggregates_compare() -> list[str]:
    """Each stored aggregate that differs from aggregates_expected, described."""
    want, have = aggregates_expected(), aggregates_stored()
    details = []
    for part, label in AGGREGATE_PARTS.items():
        wanted, stored = getattr(want, part), getattr(have, part)
        for key in sorted(set(wanted) | set(stored), key=str):
            if wanted.get(key) != stored.get(key):
                details.append(
                    f"{label} {key}: stored {stored.get(key)}, expected {wanted.get(key)}"
                )
    return details


@transaction.atomic
def leaderboard_aggregates_rebuild() -> Aggregates:
    """Recompute every aggregate, and each stored total's visibility, from the stored
    totals, consent, activity and departments; returns what was stored.

    For bulk loads that bypass points_award (the bench data builder calls it after its
    inserts) and for reconcile's fix. Meant for a quiet moment: an award committing while
    it runs may be counted twice or not at all (reconcile would report it)."""
    shown = _shown().values("pk")
    ScoreTotal.objects.filter(user__in=Subquery(shown)).exclude(visible=True).update(visible=True)
    ScoreTotal.objects.exclude(user__in=Subquery(shown)).exclude(visible=False).update(
        visible=False
    )
    want = aggregates_expected()
    for model in (BoardMember, ScoreCount, DepartmentTotal, DepartmentMembers):
        model.objects.all().delete()
    BoardMember.objects.bulk_create(
        (BoardMember(user_id=u, visible=True, department_id=d) for u, d in want.members.items()),
        batch_size=BATCH,
    )
    ScoreCount.objects.bulk_create(
        (
            ScoreCount(period=p, period_start=s, points=x, n=n)
            for (p, s, x), n in want.counts.items()
        ),
        batch_size=BATCH,
    )
    DepartmentTotal.objects.bulk_create(
        (
            DepartmentTotal(period=p, period_start=s, department_id=d, points=x)
            for (p, s, d), x in want.totals.items()
        ),
        batch_size=BATCH,
    )
    DepartmentMembers.objects.bulk_create(
        (DepartmentMembers(department_id=d, members=n) for d, n in want.department_members.items()),
        batch_size=BATCH,
    )
    return want


def person_saved(sender, instance: User, created: bool, raw: bool = False, **kwargs) -> None:
    """post_save of a person: their department or activity may have changed (the user
    admin, SCIM, sign-in claims). Bulk updates send no signal: their callers call
    board_member_sync themselves (or reconcile reports the difference)."""
    update_fields = kwargs.get("update_fields")
    if created or raw:
        return  # a new person has no consent yet, so is on no board
    if update_fields is not None and not {"department", "department_id", "is_active"} & set(
        update_fields
    ):
        return
    board_member_sync(user_id=instance.pk)
