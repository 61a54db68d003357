"""The points ledger and the stored totals."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from leaderboard import broadcast
from leaderboard.models import LedgerEntry, PointsSettings, Reason, ScoreTotal
from leaderboard.services.badges import badges_evaluate
from leaderboard.services.periods import period_starts
from people.models import ConsentKind, User
from people.selectors import users_with_consent

CORRECTION_LIMIT = 10_000


def _visible_now(user: User) -> bool:
    return users_with_consent(kind=ConsentKind.LEADERBOARD).filter(pk=user.pk).exists()


def _totals_add(*, user: User, points: int, at: datetime) -> None:
    visible: bool | None = None
    for period, start in period_starts(at).items():
        rows = ScoreTotal.objects.filter(user=user, period=period, period_start=start)
        if rows.update(points=F("points") + points):
            continue
        if visible is None:
            visible = _visible_now(user)
        try:
            with transaction.atomic():
                ScoreTotal.objects.create(
                    user=user, period=period, period_start=start, points=points, visible=visible
                )
        except IntegrityError:
            # Another transaction created the row between our update and insert.
            rows.update(points=F("points") + points)


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
    changed later never rewrites earlier rows). `at` backdates the row (demo history).
    Returns (entry, created).
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
def leaderboard_visibility_set(*, user: User, visible: bool) -> int:
    """Show or hide a person on every board (their leaderboard consent changed).

    Called by people.services.consent_set inside its transaction; after commit every
    board and the person's own line are broadcast again. Returns rows changed.
    """
    changed = ScoreTotal.objects.filter(user=user).exclude(visible=visible).update(visible=visible)
    broadcast.points_changed_on_commit(user_id=user.pk, award_ids=[])
    return changed
