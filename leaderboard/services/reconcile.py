"""Recompute totals and badges from the ledger; report (and optionally fix) differences.

One step per kind of difference: a total, a total's visibility, a board aggregate, a
missing badge, an unsupported badge. Each step reports what differs and, with `fix`,
corrects the stored state; none of them writes to the ledger (it stays append-only).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from django.db import transaction
from django.db.models import Count, Min

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
from leaderboard.selectors.badges import (
    NO_PROGRESS,
    Progress,
    longest_weekly_streak,
    weekly_streaks,
)
from leaderboard.services.aggregates import (
    aggregates_compare,
    leaderboard_aggregates_rebuild,
)
from leaderboard.services.badges import (
    badge_award_create,
    badge_award_revoke,
    badge_evidence,
    badge_is_earned,
)
from leaderboard.services.periods import period_starts
from people.models import ConsentKind, User
from people.selectors import users_with_consent
from portal import realtime

UNSUPPORTED_REASON = "The points ledger does not support this award."

TotalKey = tuple[int, str, date]  # (user id, period, period start)


class DifferenceKind(StrEnum):
    TOTAL = "total"
    VISIBILITY = "visibility"
    MISSING_BADGE = "missing badge"
    UNSUPPORTED_BADGE = "unsupported badge"
    AGGREGATE = "aggregate"


@dataclass(frozen=True)
class Difference:
    kind: DifferenceKind
    detail: str


def expected_totals() -> dict[TotalKey, int]:
    """(user, period, period start) → the sum of that person's ledger rows in it."""
    totals: dict[TotalKey, int] = defaultdict(int)
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
    shared_at: dict[int, list[datetime]] = defaultdict(list)
    for user_id, at in (
        LedgerEntry.objects.filter(reason=Reason.SHARE)
        .order_by()
        .values_list("user_id", "created_at")
        .iterator(chunk_size=5000)
    ):
        shared_at[user_id].append(at)
    best = dict(
        PeriodPlacement.objects.order_by()
        .values_list("user_id")
        .annotate(best=Min("rank"))
        .values_list("user_id", "best")
    )
    return {
        user_id: Progress(
            counts=counts.get(user_id, {}),
            longest_streak=longest_weekly_streak(shared_at.get(user_id, [])),
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
        shared = LedgerEntry.objects.filter(user_id=user_id, reason=Reason.SHARE).values_list(
            "created_at", flat=True
        )
        return next((at for at, run in weekly_streaks(shared) if run >= badge.threshold), None)
    needed = 1 if badge.criterion == Criterion.CERTIFIED else badge.threshold
    return (
        LedgerEntry.objects.filter(user_id=user_id, reason=COUNTED_REASON[badge.criterion])
        .order_by("created_at", "id")
        .values_list("created_at", flat=True)[needed - 1 : needed]
        .first()
    )


# Totals and their visibility


def total_step(
    key: TotalKey, *, want: int, row: ScoreTotal | None, shown: bool, fix: bool
) -> Difference | None:
    """A stored total that is not the ledger's sum; the fix also sets its visibility."""
    have = row.points if row else 0
    if want == have:
        return None
    user_id, period, start = key
    if fix:
        ScoreTotal.objects.update_or_create(
            user_id=user_id,
            period=period,
            period_start=start,
            defaults={"points": want, "visible": shown},
        )
    return Difference(
        DifferenceKind.TOTAL, f"user {user_id} {period} {start}: stored {have}, ledger {want}"
    )


def visibility_step(
    key: TotalKey, *, row: ScoreTotal | None, shown: bool, fix: bool
) -> Difference | None:
    """A stored total shown on the boards against the person's consent, or hidden."""
    if row is None or row.visible == shown:
        return None
    if fix:
        ScoreTotal.objects.filter(pk=row.pk).update(visible=shown)
    user_id, period, start = key
    return Difference(
        DifferenceKind.VISIBILITY,
        f"user {user_id} {period} {start}: shown={row.visible}, consent={shown}",
    )


def totals_differences(*, fix: bool) -> list[Difference]:
    """Every total and visibility difference, in (user, period, start) order."""
    expected = expected_totals()
    opted_in = set(
        users_with_consent(kind=ConsentKind.LEADERBOARD)
        .filter(is_active=True)
        .values_list("pk", flat=True)
    )
    stored = {
        (row.user_id, row.period, row.period_start): row
        for row in ScoreTotal.objects.select_for_update().order_by()
    }
    differences = []
    for key in sorted(set(expected) | set(stored), key=str):
        row, shown = stored.get(key), key[0] in opted_in
        total = total_step(key, want=expected.get(key, 0), row=row, shown=shown, fix=fix)
        if total is not None:
            differences.append(total)
            if fix:
                continue  # the fixed total took the consent's visibility with it
        visibility = visibility_step(key, row=row, shown=shown, fix=fix)
        if visibility is not None:
            differences.append(visibility)
    return differences


# What the boards count


def aggregates_differences(*, fix: bool) -> list[Difference]:
    """Board aggregates that differ from a recomputation; the fix rebuilds them all."""
    details = aggregates_compare()
    if fix and details:
        leaderboard_aggregates_rebuild()
    return [Difference(DifferenceKind.AGGREGATE, detail) for detail in details]


# Badges


@dataclass(frozen=True)
class Holdings:
    """What the ledger implies for everyone, and the awards they hold (locked)."""

    progress: dict[int, Progress]
    held: dict[tuple[int, int], BadgeAward]  # (badge id, user id) → award
    users: dict[int, User]

    @classmethod
    def load(cls) -> "Holdings":
        progress = expected_progress()
        held = {
            (award.badge_id, award.user_id): award
            for award in BadgeAward.objects.select_for_update().order_by()
        }
        users = User.objects.in_bulk(list(progress) + [user_id for _, user_id in held])
        return cls(progress=progress, held=held, users=users)


def missing_badges_step(badge: Badge, holdings: Holdings, *, fix: bool) -> list[Difference]:
    """People the ledger says earned an active `badge` they do not hold; the fix awards
    it, dated when the ledger earned it."""
    if not badge.active:
        return []
    differences = []
    for user_id, progress in holdings.progress.items():
        if (badge.pk, user_id) in holdings.held or not badge_is_earned(badge, progress):
            continue
        differences.append(
            Difference(DifferenceKind.MISSING_BADGE, f"{badge.name} earned by user {user_id}")
        )
        if fix:
            badge_award_create(
                badge=badge,
                user=holdings.users[user_id],
                evidence=badge_evidence(badge, progress),
                at=earned_at(badge, user_id),
            )
    return differences


def unsupported_badges_step(badge: Badge, holdings: Holdings, *, fix: bool) -> list[Difference]:
    """Standing awards of `badge` the ledger does not support; the fix revokes them."""
    differences = []
    for (badge_id, user_id), award in holdings.held.items():
        if badge_id != badge.pk or award.revoked:
            continue
        if badge_is_earned(badge, holdings.progress.get(user_id, NO_PROGRESS)):
            continue
        differences.append(
            Difference(
                DifferenceKind.UNSUPPORTED_BADGE,
                f"{badge.name} held by user {user_id} but the ledger does not show it",
            )
        )
        if fix:
            badge_award_revoke(award=award, reason=UNSUPPORTED_REASON)
    return differences


def badges_differences(*, fix: bool) -> list[Difference]:
    """Missing and unsupported awards, badge by badge (in name order)."""
    holdings = Holdings.load()
    differences = []
    # Campaign badges follow from a campaign reaching its goal, not from the ledger.
    for badge in Badge.objects.exclude(criterion=Criterion.CAMPAIGN):
        differences += missing_badges_step(badge, holdings, fix=fix)
        differences += unsupported_badges_step(badge, holdings, fix=fix)
    return differences


@transaction.atomic
def leaderboard_reconcile(*, fix: bool = False) -> list[Difference]:
    """Compare stored totals, visibility, the boards' aggregates and badge awards with
    what the ledger, consent and departments imply.

    Returns every difference. With `fix`, totals are set to the ledger's sums, visibility
    to the current consent and activity, the aggregates are rebuilt, missing badges are
    awarded and awards the ledger does not support are revoked (badge_award_revoke).
    Broadcasts once at the end, after commit.
    """
    differences = (
        totals_differences(fix=fix) + aggregates_differences(fix=fix) + badges_differences(fix=fix)
    )
    if fix and differences:
        realtime.send_on_commit(broadcast.boards_changed)
    return differences
