"""Progress towards badges, from the ledger and closed months alone; a person's badges."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, QuerySet

from leaderboard.models import Badge, BadgeAward, LedgerEntry, PeriodPlacement, Reason
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
    closed-month rank: everything a badge criterion needs, from the ledger alone."""
    counts = dict(
        LedgerEntry.objects.filter(user=user)
        .order_by()
        .values_list("reason")
        .annotate(n=Count("id"))
        .values_list("reason", "n")
    )
    longest = 0
    if streak:
        longest = longest_weekly_streak(
            LedgerEntry.objects.filter(user=user, reason=Reason.SHARE).values_list(
                "created_at", flat=True
            )
        )
    best = None
    if placements:
        best = (
            PeriodPlacement.objects.filter(user=user)
            .order_by("rank")
            .values_list("rank", flat=True)
            .first()
        )
    return Progress(counts=counts, longest_streak=longest, best_month_rank=best)


def badges_active() -> list[Badge]:
    return list(Badge.objects.filter(active=True).select_related("image"))


def badge_awards_for(*, user: User, include_revoked: bool = False) -> QuerySet[BadgeAward]:
    awards = BadgeAward.objects.filter(user=user).select_related("badge")
    if not include_revoked:
        awards = awards.filter(revoked=False)
    return awards.order_by("-awarded_at", "-id")


def badge_award_public(*, uid) -> BadgeAward | None:
    return BadgeAward.objects.select_related("badge", "user").filter(uid=uid).first()
