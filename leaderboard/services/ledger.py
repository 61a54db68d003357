"""The points ledger and the stored totals."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from leaderboard import broadcast
from leaderboard.models import LedgerEntry, PointsSettings, Reason, ScoreTotal
from leaderboard.services.aggregates import Deltas, board_member, board_member_sync
from leaderboard.services.badges import badges_evaluate
from leaderboard.services.periods import period_starts
from people.models import User

CORRECTION_LIMIT = 10_000


def _totals_add(*, user: User, points: int, at: datetime) -> None:
    """Add `points` to the person's totals and, when they are shown, to the score counts
    and their department's totals (the person is locked by the caller)."""
    visible, department = board_member(user.pk)
    deltas = Deltas()
    for period, start in period_starts(at).items():
        rows = ScoreTotal.objects.filter(user=user, period=period, period_start=start)
        before = rows.values_list("points", flat=True).first()
        if before is not None:
            rows.update(points=F("points") + points)
        else:
            try:
                with transaction.atomic():
                    ScoreTotal.objects.create(
                        user=user, period=period, period_start=start, points=points, visible=visible
                    )
            except IntegrityError:
                # A reconcile fix created the row between our read and insert.
                before = rows.values_list("points", flat=True).first()
                rows.update(points=F("points") + points)
        if visible:
            deltas.score_moved(
                (period, start), before=before, after=(before or 0) + points, department=department
            )
    deltas.apply()


def _lock_person(user: User) -> None:
    """Serialise one person's awards, so each sees the others' rows when it counts
    towards a badge (two awards crossing a threshold at once: one badge, never none)."""
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()


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
) -> tuple[LedgerEntry, bool]:
    """Append one ledger row, add it to the stored totals and award any badge it earns,
    all in the caller's transaction; after commit, the boards, the person's own line and
    badge toasts are broadcast.

    `key` makes it idempotent: a second call with the same key changes nothing and returns
    the first row. `points` defaults to the programme's setting for `reason` (a setting
    changed later never rewrites earlier rows); learning reasons (LEARNING_REASONS) earn 0,
    so their rows count towards badges but add to no total and no board. `at` backdates
    the row (demo history). Returns (entry, created).
    """
    existing = LedgerEntry.objects.filter(key=key).first()
    if existing is not None:
        return existing, False
    if reason not in Reason.values:
        raise ValueError(f"Unknown reason {reason!r}.")
    if points is None:
        points = PointsSettings.load().points_for(reason)
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
    with transaction.atomic():
        _lock_person(user)
        try:
            with transaction.atomic():
                entry.save(force_insert=True)
        except IntegrityError:
            # The same key was awarded concurrently; that award stands, this one is a no-op.
            return LedgerEntry.objects.get(key=key), False
        if points:
            _totals_add(user=user, points=points, at=entry.created_at)
        awards = badges_evaluate(user=user, reasons=[reason], at=entry.created_at)
        broadcast.points_changed_on_commit(
            user_id=user.pk, award_ids=[award.pk for award in awards]
        )
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
