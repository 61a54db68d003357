"""Recompute totals and badges from the ledger; report (and optionally fix) differences."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone

from leaderboard import broadcast
from leaderboard.models import (
    COUNTED_REASON,
    Badge,
    BadgeAward,
    Criterion,
    LedgerEntry,
    PeriodPlacement,
    Reason,
    ScoreTotal,
)
from leaderboard.selectors import Progress, longest_weekly_streak
from leaderboard.services.badges import _award, badge_evidence, badge_is_earned
from leaderboard.services.periods import period_starts
from people.models import User
from people.selectors import users_with_consent
from portal import realtime


@dataclass(frozen=True)
class Difference:
    kind: str  # "total", "visibility", "missing badge", "unsupported badge"
    detail: str


def expected_totals() -> dict[tuple[int, str, object], int]:
    """(user, period, period start) → the sum of that person's ledger rows in it."""
    totals: dict[tuple[int, str, object], int] = defaultdict(int)
    rows = LedgerEntry.objects.order_by().values_list("user_id", "points", "created_at")
    for user_id, points, at in rows.iterator(chunk_size=5000):
        for period, start in period_starts(at).items():
            totals[(user_id, period, start)] += points
    return dict(totals)


def expected_progress() -> dict[int, Progress]:
    """Everyone's badge progress, from the ledger and closed months, in three queries."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for user_id, reason, n in (
        LedgerEntry.objects.order_by()
        .values_list("user_id", "reason")
        .annotate(n=Count("id"))
        .values_list("user_id", "reason", "n")
    ):
        counts[user_id][reason] = n
    share_days: dict[int, list] = defaultdict(list)
    for user_id, at in (
        LedgerEntry.objects.filter(reason=Reason.SHARE)
        .order_by()
        .values_list("user_id", "created_at")
        .iterator(chunk_size=5000)
    ):
        share_days[user_id].append(timezone.localtime(at).date())
    best = dict(
        PeriodPlacement.objects.order_by()
        .values_list("user_id")
        .annotate(best=Min("rank"))
        .values_list("user_id", "best")
    )
    return {
        user_id: Progress(
            counts=counts.get(user_id, {}),
            longest_streak=longest_weekly_streak(share_days.get(user_id, [])),
            best_month_rank=best.get(user_id),
        )
        for user_id in set(counts) | set(best)
    }


def earned_at(badge: Badge, user_id: int) -> datetime | None:
    """When the ledger shows `badge` was earned: the row that reached the threshold (for
    a streak, the first share of its last week). None when only "now" makes sense."""
    if badge.criterion == Criterion.TOP_OF_MONTH:
        return None
    if badge.criterion == Criterion.STREAK:
        shared = list(
            LedgerEntry.objects.filter(user_id=user_id, reason=Reason.SHARE)
            .order_by("created_at")
            .values_list("created_at", flat=True)
        )
        run, previous = 0, None
        for at in shared:
            day = timezone.localtime(at).date()
            week = day - timedelta(days=day.weekday())
            if week == previous:
                continue
            run = run + 1 if previous is not None and week - previous == timedelta(days=7) else 1
            previous = week
            if run >= badge.threshold:
                return at
        return None
    needed = 1 if badge.criterion == Criterion.CERTIFIED else badge.threshold
    return (
        LedgerEntry.objects.filter(user_id=user_id, reason=COUNTED_REASON[badge.criterion])
        .order_by("created_at", "id")
        .values_list("created_at", flat=True)[needed - 1 : needed]
        .first()
    )


@transaction.atomic
def leaderboard_reconcile(*, fix: bool = False) -> list[Difference]:
    """Compare stored totals, visibility and badge awards with what the ledger implies.

    Returns every difference. With `fix`, totals are set to the ledger's sums, visibility
    to the current consent, missing badges are awarded and awards the ledger does not
    support are revoked. Broadcasts once at the end, after commit.
    """
    differences: list[Difference] = []
    expected = expected_totals()
    opted_in = set(users_with_consent(kind="leaderboard").values_list("pk", flat=True))
    stored = {
        (row.user_id, row.period, row.period_start): row
        for row in ScoreTotal.objects.select_for_update().order_by()
    }
    for key in sorted(set(expected) | set(stored), key=str):
        user_id, period, start = key
        want = expected.get(key, 0)
        row = stored.get(key)
        have = row.points if row else 0
        if want != have:
            differences.append(
                Difference(
                    "total", f"user {user_id} {period} {start}: stored {have}, ledger {want}"
                )
            )
            if fix:
                ScoreTotal.objects.update_or_create(
                    user_id=user_id,
                    period=period,
                    period_start=start,
                    defaults={"points": want, "visible": user_id in opted_in},
                )
                continue
        if row is not None and row.visible != (user_id in opted_in):
            differences.append(
                Difference(
                    "visibility",
                    f"user {user_id} {period} {start}: shown={row.visible}, "
                    f"consent={user_id in opted_in}",
                )
            )
            if fix:
                ScoreTotal.objects.filter(pk=row.pk).update(visible=user_id in opted_in)

    badges = list(Badge.objects.all())
    progress = expected_progress()
    held = {
        (award.badge_id, award.user_id): award
        for award in BadgeAward.objects.select_for_update().order_by()
    }
    users = User.objects.in_bulk(list(progress) + [user_id for _, user_id in held])
    empty = Progress(counts={}, longest_streak=0, best_month_rank=None)
    for badge in badges:
        for user_id, user_progress in progress.items():
            if not badge.active or (badge.pk, user_id) in held:
                continue
            if badge_is_earned(badge, user_progress):
                differences.append(
                    Difference("missing badge", f"{badge.name} earned by user {user_id}")
                )
                if fix:
                    _award(
                        badge=badge,
                        user=users[user_id],
                        evidence=badge_evidence(badge, user_progress),
                        at=earned_at(badge, user_id),
                    )
        for (badge_id, user_id), award in held.items():
            if badge_id != badge.pk or award.revoked:
                continue
            if not badge_is_earned(badge, progress.get(user_id, empty)):
                differences.append(
                    Difference(
                        "unsupported badge",
                        f"{badge.name} held by user {user_id} but the ledger does not show it",
                    )
                )
                if fix:
                    award.revoked = True
                    award.revocation_reason = "The points ledger does not support this award."
                    award.save(update_fields=["revoked", "revoked_at", "revocation_reason"])
    if fix and differences:
        realtime.send_on_commit(broadcast.boards_changed)
    return differences
