"""Writes for recognition: the points ledger and the stored totals."""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from leaderboard.models import ALL_TIME_START, LedgerEntry, Period, PointsSettings, ScoreTotal
from people.models import User


def period_starts(at: datetime) -> dict[str, date]:
    """The first day of the week (Monday), month and all time containing `at`,
    in the programme's time zone (settings.TIME_ZONE)."""
    day = timezone.localtime(at).date()
    return {
        Period.WEEK: day - timedelta(days=day.weekday()),
        Period.MONTH: day.replace(day=1),
        Period.ALL: ALL_TIME_START,
    }


def _totals_add(*, user: User, points: int, at: datetime) -> None:
    for period, start in period_starts(at).items():
        rows = ScoreTotal.objects.filter(user=user, period=period, period_start=start)
        if rows.update(points=F("points") + points):
            continue
        try:
            with transaction.atomic():
                ScoreTotal.objects.create(
                    user=user, period=period, period_start=start, points=points
                )
        except IntegrityError:
            # Another transaction created the row between our update and insert.
            rows.update(points=F("points") + points)


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
    """Append one ledger row and add it to the stored totals, in the caller's transaction.

    `key` makes it idempotent: a second call with the same key changes nothing and returns
    the first row. `points` defaults to the programme's setting for `reason` (a setting
    changed later never rewrites earlier rows). Returns (entry, created).
    """
    existing = LedgerEntry.objects.filter(key=key).first()
    if existing is not None:
        return existing, False
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
        # Demo seeding backdates history; everything else records the present.
        created_at=at or timezone.now(),
    )
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry.save(force_insert=True)
        except IntegrityError:
            # The same key was awarded concurrently; that award stands, this one is a no-op.
            return LedgerEntry.objects.get(key=key), False
        if points:
            _totals_add(user=user, points=points, at=entry.created_at)
    return entry, True
