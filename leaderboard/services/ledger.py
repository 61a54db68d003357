"""The points ledger and the stored totals."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone

from leaderboard import broadcast
from leaderboard import tasks as leaderboard_tasks  # the module: it imports these services
from leaderboard.models import BoardMember, LedgerEntry, PointsSettings, Reason, ScoreTotal
from leaderboard.services.aggregates import Deltas, board_member_sync
from leaderboard.services.periods import period_starts
from people.models import User
from portal.rows import insert_unless_taken, prepared_cursor

CORRECTION_LIMIT = 10_000


def _totals_add(*, user: User, points: int, at: datetime, member: tuple[bool, int | None]) -> None:
    """Add `points` to the person's totals and, when they are shown (`member`: as the
    boards count them, read under the caller's lock on the person), to the score counts
    and their department's totals."""
    visible, department = member
    starts = period_starts(at)
    after = _totals_update(user_id=user.pk, points=points, starts=starts)
    missing = {period: start for period, start in starts.items() if period not in after}
    created = _totals_create(user_id=user.pk, points=points, starts=missing, visible=visible)
    if missing.keys() - created:
        # A reconcile fix created the row between our update and insert.
        late = {period: start for period, start in missing.items() if period not in created}
        after |= _totals_update(user_id=user.pk, points=points, starts=late)
    deltas = Deltas()
    if visible:
        for period, start in starts.items():
            total = points if period in created else after[period]
            before = None if period in created else total - points
            deltas.score_moved((period, start), before=before, after=total, department=department)
    deltas.apply()


def _totals_update(*, user_id: int, points: int, starts: dict[str, date]) -> dict[str, int]:
    """Add `points` to the person's totals that exist for these periods, in one UPDATE …
    RETURNING; returns each updated period's new total. (updated_at is left as it was, as
    a queryset update leaves it.)"""
    quote = connection.ops.quote_name
    periods = " OR ".join(
        f"({quote('period')} = %s AND {quote('period_start')} = %s)" for _ in starts
    )
    params = [points, user_id]
    for period, start in starts.items():
        params += [period, connection.ops.adapt_datefield_value(start)]
    with prepared_cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(ScoreTotal._meta.db_table)} "  # noqa: S608 - names from the model
            f"SET {quote('points')} = {quote('points')} + %s "
            f"WHERE {quote('user_id')} = %s AND ({periods}) "
            f"RETURNING {quote('period')}, {quote('points')}",
            params,
        )
        return dict(cursor.fetchall())


def _totals_create(
    *, user_id: int, points: int, starts: dict[str, date], visible: bool
) -> set[str]:
    """Create the person's totals for these periods, in one INSERT that skips a row created
    meanwhile; returns the periods it created."""
    if not starts:
        return set()
    quote = connection.ops.quote_name
    columns = ("user_id", "period", "period_start", "points", "visible", "updated_at")
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = []
    for period, start in starts.items():
        params += [user_id, period, connection.ops.adapt_datefield_value(start), points]
        params += [visible, now]
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with prepared_cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(ScoreTotal._meta.db_table)} "  # noqa: S608 - names from the model
            f"({', '.join(quote(column) for column in columns)}) "
            f"VALUES {', '.join([row] * len(starts))} "
            f"ON CONFLICT ({quote('user_id')}, {quote('period')}, {quote('period_start')}) "
            f"DO NOTHING RETURNING {quote('period')}",
            params,
        )
        return {period for (period,) in cursor.fetchall()}


def _person_locked(user: User, *, locked: bool = False) -> tuple[bool, int | None]:
    """Serialise one person's awards and return how the boards count them now (shown, and
    in which department), read after the lock is held.

    The lock serialises this with board_member_sync (which locks the person too), so an
    award never adds to the department or board the person is being moved out of. The
    membership is read in a statement of its own: one statement that locked the person and
    joined their membership would, after waiting for the lock, still see the membership
    as it was when the statement began (PostgreSQL re-reads only the locked row), and the
    award would go to the old department. Not on SQLite: its transactions here are
    IMMEDIATE, so this one holds the database's write lock already. `locked`: the caller
    took the lock in this transaction already."""
    if connection.features.has_select_for_update and not locked:
        User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {quote('visible')}, {quote('department_id')} "  # noqa: S608 - names from the model
        f"FROM {quote(BoardMember._meta.db_table)} WHERE {quote('user_id')} = %s"
    )
    with prepared_cursor() as cursor:
        cursor.execute(sql, [user.pk])
        row = cursor.fetchone()
    if row is None or not row[0]:
        return False, None
    return True, row[1]


def points_award(
    *,
    user: User,
    reason: str,
    key: str,
    source: models.Model | None = None,
    points: int | None = None,
    note: str = "",
    created_by: User | None = None,
    at: datetime | None = None,
    person_locked: bool = False,
) -> tuple[LedgerEntry, bool]:
    """Append one ledger row, add it to the stored totals and award any badge it earns,
    all in the caller's transaction; after commit, the boards, the person's own line and
    badge toasts are broadcast.

    `key` makes it idempotent: a second call with the same key changes nothing and returns
    the first row. `points` defaults to the programme's setting for `reason` (a setting
    changed later never rewrites earlier rows); learning reasons (LEARNING_REASONS) earn 0,
    so their rows count towards badges but add to no total and no board. `at` backdates
    the row (demo history). `person_locked`: the caller locked `user`'s row in this
    transaction already (select_for_update), so the award does not lock it again.
    Returns (entry, created).
    """
    if reason not in Reason.values:
        raise ValueError(f"Unknown reason {reason!r}.")
    if points is None:
        points = PointsSettings.current().points_for(reason)
    entry = LedgerEntry(
        user=user,
        points=points,
        reason=reason,
        key=key,
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
        note=note,
        created_by=created_by,
        created_at=at or timezone.now(),
    )
    # No savepoint of its own: nothing in here is meant to fail and be carried on from (the
    # key's conflict is the insert's DO NOTHING), and every caller lets an error end its
    # transaction. A savepoint would cost two statements on every award.
    with transaction.atomic(savepoint=False):
        member = _person_locked(user, locked=person_locked)
        # One INSERT … ON CONFLICT DO NOTHING: where a look-up, a savepoint and an insert
        # were four statements.
        if not insert_unless_taken(entry, unique=("key",)):
            # The key was awarded before (or concurrently): that award stands, this is a no-op.
            return LedgerEntry.objects.get(key=key), False
        if points:
            _totals_add(user=user, points=points, at=entry.created_at, member=member)
        # The badges are checked by a task queued in this transaction: the action that
        # earned the points does not wait for a person's history to be counted.
        leaderboard_tasks.badges_check_queue(user_id=user.pk, reasons=[reason], at=entry.created_at)
        broadcast.points_changed_on_commit(user_id=user.pk, award_ids=[])
    return entry, True


def correction_errors(*, points: int | None, note: str) -> dict[str, str]:
    errors = {}
    if not points:
        errors["points"] = "A correction must add or remove at least one point."
    elif abs(points) > CORRECTION_LIMIT:
        errors["points"] = f"A correction is at most {CORRECTION_LIMIT} points either way."
    if not (note or "").strip():
        errors["note"] = "Say why: the note is kept with the correction."
    return errors


@transaction.atomic
def ledger_correction_create(
    *, user: User, points: int, note: str, created_by: User, token: str
) -> tuple[LedgerEntry, bool]:
    """An HR correction: a new ledger row with its own points and a note saying why.

    `token` comes from the form that was shown, so submitting that form twice records
    one correction. Raises ValidationError (nothing saved) for a zero or huge amount or a
    missing note.
    """
    errors = correction_errors(points=points, note=note)
    if errors:
        raise ValidationError(errors)
    return points_award(
        user=user,
        reason=Reason.CORRECTION,
        key=f"correction:{token}",
        points=points,
        note=note.strip(),
        created_by=created_by,
    )


@transaction.atomic
def leaderboard_visibility_set(*, user: User, visible: bool) -> bool:
    """Show or hide a person on every board (their leaderboard consent, activity or
    department changed): their totals' visibility and the aggregates follow what is
    recorded now (`visible` is what the caller just recorded; an inactive person stays
    hidden, whatever it says). Called by people.services.consent_set inside its
    transaction; after commit every board and the person's own line are broadcast again.
    Returns whether anything on the boards changed."""
    changed = board_member_sync(user_id=user.pk)
    broadcast.points_changed_on_commit(user_id=user.pk, award_ids=[])
    return changed
