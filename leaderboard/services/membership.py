"""Board membership for many people at once: board_member_sync's bulk form, writing the
aggregates with one upsert per batch of rows instead of one statement per row.

Rows are written in the global order leaderboard/services/aggregates.py describes, so a
bulk sync never deadlocks with a concurrent award.
"""

from collections import defaultdict
from datetime import date

from django.db import transaction

from leaderboard.models import BoardMember, ScoreTotal
from leaderboard.services.aggregates import Deltas, _shown
from people.models import User
from portal.rows import upsert


@transaction.atomic
def board_members_sync(*, user_ids) -> int:
    """board_member_sync for many people at once (a roster import chunk, a SCIM group
    PATCH), in a fixed number of queries however many they are (up to portal.rows.UPSERT_BATCH
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
    deltas.apply()
    standing = [(pk, *want[pk]) for pk in changed]
    upsert(BoardMember, ("user",), ("visible", "department"), standing, add=False)
    now_shown = [pk for pk in changed if want[pk][0]]
    now_hidden = [pk for pk in changed if not want[pk][0]]
    ScoreTotal.objects.filter(user_id__in=now_shown).exclude(visible=True).update(visible=True)
    ScoreTotal.objects.filter(user_id__in=now_hidden).exclude(visible=False).update(visible=False)
    return len(changed)
