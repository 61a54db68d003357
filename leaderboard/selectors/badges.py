"""Progress towards badges, from the ledger and closed months alone; a person's badges."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncWeek

from leaderboard.models import (
    COUNTED_REASON,
    Badge,
    BadgeAward,
    Criterion,
    LedgerEntry,
    PeriodPlacement,
    Reason,
)
from people.models import User
from portal.periods import WEEK, week_start


@dataclass(frozen=True)
class Progress:
    """What the ledger says about a person, for badge criteria."""

    counts: dict[str, int]
    longest_streak: int
    best_month_rank: int | None


NO_PROGRESS = Progress(counts={}, longest_streak=0, best_month_rank=None)


def weekly_streaks(moments: Iterable[datetime]) -> Iterator[tuple[datetime, int]]:
    """Each moment, oldest first, with the run of consecutive weeks (Monday-based, in the
    programme's time zone) that ends in its week."""
    run, previous = 0, None
    for at in sorted(moments):
        week = week_start(at)
        if week != previous:
            run = run + 1 if previous is not None and week - previous == WEEK else 1
            previous = week
        yield at, run


def longest_weekly_streak(moments: Iterable[datetime]) -> int:
    """Longest run of consecutive weeks (Monday-based) among `moments`."""
    return max((run for _, run in weekly_streaks(moments)), default=0)


def badge_progress(*, user: User, streak: bool = True, placements: bool = True) -> Progress:
    """Counts of ledger rows per reason, the longest weekly share streak and the best
    closed-month rank: everything a badge criterion needs, from the ledger alone.

    At most three queries whatever the person's history, each answered by the database
    as a handful of rows (one per reason, one per week with a share, one rank), so the
    catalogue and points_award can ask it on every page view or award."""
    counts = dict(
        LedgerEntry.objects.filter(user=user)
        .order_by()
        .values_list("reason")
        .annotate(n=Count("id"))
        .values_list("reason", "n")
    )
    longest = 0
    if streak and counts.get(Reason.SHARE):
        # Weeks (Monday-based, in the programme's time zone) with a share, not the shares.
        weeks = (
            LedgerEntry.objects.filter(user=user, reason=Reason.SHARE)
            .annotate(week=TruncWeek("created_at"))
            .order_by()
            .values_list("week", flat=True)
            .distinct()
        )
        longest = longest_weekly_streak(weeks)
    best = None
    if placements:
        best = (
            PeriodPlacement.objects.filter(user=user)
            .order_by("rank")
            .values_list("rank", flat=True)
            .first()
        )
    return Progress(counts=counts, longest_streak=longest, best_month_rank=best)


@dataclass(frozen=True)
class CatalogueEntry:
    """One badge in the catalogue: how many hold it and, for the person looking, how far
    along they are (`current` of `target`; for "top N of a month" a rank, lower is better)."""

    badge: Badge
    holders: int
    award: BadgeAward | None = None
    current: int | None = None
    target: int | None = None

    @property
    def percent(self) -> int:
        if self.award is not None and not self.award.revoked:
            return 100
        if not self.target or self.current is None:
            return 0
        if self.badge.criterion == Criterion.TOP_OF_MONTH:
            return 100 if self.current <= self.target else 0
        return min(100, round(100 * self.current / self.target))


def _progress_towards(badge: Badge, progress: Progress) -> tuple[int | None, int | None]:
    if badge.criterion not in COUNTED_REASON and badge.criterion not in PROGRESS_CRITERIA:
        return None, None  # e.g. a campaign badge: its campaign's page shows the progress
    if badge.criterion == Criterion.STREAK:
        return progress.longest_streak, badge.threshold
    if badge.criterion == Criterion.TOP_OF_MONTH:
        return progress.best_month_rank, badge.threshold
    target = 1 if badge.criterion == Criterion.CERTIFIED else badge.threshold
    return min(progress.counts.get(COUNTED_REASON[badge.criterion], 0), target), target


# Criteria with progress of their own beside the counted ones.
PROGRESS_CRITERIA = {Criterion.STREAK, Criterion.TOP_OF_MONTH}


def badge_catalogue(*, user: User | None = None) -> list[CatalogueEntry]:
    """Every active badge (and a retired one that people still hold) with its number of
    current holders, and the person's award and progress when `user` is given. A fixed
    number of queries: the badges with their counts, the person's awards, badge_progress."""
    badges = list(
        Badge.objects.annotate(holders=Count("awards", filter=Q(awards__revoked=False)))
        .filter(Q(active=True) | Q(holders__gt=0))
        .select_related("image")
        .order_by("-active", "criterion", "threshold", "name")
    )
    if user is None or not user.is_authenticated:
        return [CatalogueEntry(badge=b, holders=b.holders) for b in badges]
    awards = {a.badge_id: a for a in BadgeAward.objects.filter(user=user)}
    pending = [b for b in badges if b.pk not in awards]
    progress = (
        badge_progress(
            user=user,
            streak=any(b.criterion == Criterion.STREAK for b in pending),
            placements=any(b.criterion == Criterion.TOP_OF_MONTH for b in pending),
        )
        if pending
        else NO_PROGRESS
    )
    entries = []
    for badge in badges:
        current, target = _progress_towards(badge, progress)
        entries.append(
            CatalogueEntry(
                badge=badge,
                holders=badge.holders,
                award=awards.get(badge.pk),
                current=current,
                target=target,
            )
        )
    return entries


def badges_active() -> list[Badge]:
    return list(Badge.objects.filter(active=True).select_related("image"))


def badges_unheld(*, user: User, criteria: Iterable[str]) -> list[Badge]:
    """The active badges with one of `criteria` that `user` does not hold (a revoked award
    counts as held), in badges_active's order: one query, however many badges there are."""
    held = BadgeAward.objects.filter(badge=OuterRef("pk"), user=user)
    return list(
        Badge.objects.filter(active=True, criterion__in=list(criteria))
        .exclude(Exists(held))
        .select_related("image")
    )


def badge_awards_for(*, user: User, include_revoked: bool = False) -> QuerySet[BadgeAward]:
    awards = BadgeAward.objects.filter(user=user).select_related("badge")
    if not include_revoked:
        awards = awards.filter(revoked=False)
    return awards.order_by("-awarded_at", "-id")


def badge_award_public(*, uid) -> BadgeAward | None:
    return BadgeAward.objects.select_related("badge", "user").filter(uid=uid).first()
