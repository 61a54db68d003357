"""Board membership for many people at once: board_member_sync's bulk form, writing the
aggregates with one upsert per batch of rows instead of one statement per row.

Rows are written in the global order leaderboard/services/aggregates.py describes, so a
bulk sync never deadlocks with a concurrent award.
"""

from collections import defaultdict
from datetime import date

from django.db import connection, models, transaction

from leaderboard.models import (
    BoardMember,
    DepartmentMembers,
    DepartmentTotal,
    ScoreCount,
    ScoreTotal,
)
from leaderboard.services.aggregates import Deltas, _shown
from people.models import User

UPSERT_BATCH = 2000  # aggregate rows per statement (SQLite allows 32,766 parameters)


def _upsert(
    model: type[models.Model], keys: tuple[str, ...], values: tuple[str, ...], rows, *, add: bool
) -> None:
    """Insert each row (keys…, values…), or, where a row with those keys is there, add the
    values to it (`add`, `_bump` for many rows) or set them: one statement per
    UPSERT_BATCH rows. Rows come sorted by key (the global order)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = [quote(model._meta.get_field(name).column) for name in (*keys, *values)]
    updates = ", ".join(
        f"{name} = {table}.{name} + EXCLUDED.{name}" if add else f"{name} = EXCLUDED.{name}"
        for name in names[len(keys) :]
    )
    placeholders = "(" + ", ".join(["%s"] * len(names)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), UPSERT_BATCH):
            batch = rows[start : start + UPSERT_BATCH]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(names)}) "  # noqa: S608 - names from the model
                f"VALUES {', '.join([placeholders] * len(batch))} "
                f"ON CONFLICT ({', '.join(names[: len(keys)])}) DO UPDATE SET {updates}",
                [value for row in batch for value in row],
            )


def _upsert_add(model: type[models.Model], keys: tuple[str, ...], column: str, deltas) -> None:
    _upsert(model, keys, (column,), [row for row in deltas if row[-1]], add=True)


@transaction.atomic
def board_members_sync(*, user_ids) -> int:
    """board_member_sync for many people at once (a roster import chunk, a SCIM group
    PATCH), in a fixed number of queries however many they are (up to UPSERT_BATCH
    aggregate rows per statement). Returns how many people's standing changed."""
    ids = sorted(set(user_ids))
    if not ids:
        return 0
    # Locked in pk order, as board_member_sync and points_award lock one person.
    people = {
        pk: (active, department)
        for pk, active, department in User.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", "is_active", "department_id")
    }
    shown = set(_shown().filter(pk__in=ids).values_list("pk", flat=True))
    have = {
        pk: (visible, department if visible else None)
        for pk, visible, department in BoardMember.objects.filter(pk__in=ids).values_list(
            "pk", "visible", "department_id"
        )
    }
    want = {pk: (pk in shown, dept if pk in shown else None) for pk, (_, dept) in people.items()}
    changed = [pk for pk in people if want[pk] != have.get(pk, (False, None))]
    if not changed:
        return 0
    totals: dict[int, list[tuple[str, date, int]]] = defaultdict(list)
    for user_id, period, start, points in ScoreTotal.objects.filter(
        user_id__in=changed
    ).values_list("user_id", "period", "period_start", "points"):
        totals[user_id].append((period, start, points))
    deltas = Deltas()
    for pk in changed:
        before = have.get(pk, (False, None))
        if before[0]:
            deltas.person(totals[pk], before[1], -1)
        if want[pk][0]:
            deltas.person(totals[pk], want[pk][1], +1)
    counts = [(*key, n) for key, n in sorted(deltas.counts.items())]
    _upsert_add(ScoreCount, ("period", "period_start", "points"), "n", counts)
    sums = [(*key, points) for key, points in sorted(deltas.totals.items())]
    _upsert_add(DepartmentTotal, ("period", "period_start", "department"), "points", sums)
    _upsert_add(DepartmentMembers, ("department",), "members", sorted(deltas.members.items()))
    standing = [(pk, *want[pk]) for pk in changed]
    _upsert(BoardMember, ("user",), ("visible", "department"), standing, add=False)
    now_shown = [pk for pk in changed if want[pk][0]]
    now_hidden = [pk for pk in changed if not want[pk][0]]
    ScoreTotal.objects.filter(user_id__in=now_shown).exclude(visible=True).update(visible=True)
    ScoreTotal.objects.filter(user_id__in=now_hidden).exclude(visible=False).update(visible=False)
    return len(changed)
