"""Demo badges, and the awards that follow from the history the earlier steps created."""

from django.utils import timezone

from leaderboard.models import Badge, Criterion
from leaderboard.services import leaderboard_close_period
from leaderboard.services.reconcile import leaderboard_reconcile
from portal import realtime
from portal.periods import previous_month_start

BADGES = [
    (
        "first-share",
        "First share",
        Criterion.SHARES,
        1,
        "Shared a company post on their own network for the first time.",
    ),
    (
        "certified-advocate",
        "Certified advocate",
        Criterion.CERTIFIED,
        1,
        "Completed the social media basics course and passed its quiz.",
    ),
    (
        "ten-shares",
        "10 shares",
        Criterion.SHARES,
        10,
        "Shared ten company posts, within the programme's weekly limit.",
    ),
    (
        "hundred-clicks",
        "100 credited clicks",
        Criterion.CLICKS,
        100,
        "Their shared links brought a hundred real visits to our articles.",
    ),
    (
        "four-week-streak",
        "4-week streak",
        Criterion.STREAK,
        4,
        "Shared something in four weeks running: steady, not spammy.",
    ),
    (
        "top-three-month",
        "Top 3 of the month",
        Criterion.TOP_OF_MONTH,
        3,
        "Finished a month among the top three on the leaderboard.",
    ),
    (
        "content-scout",
        "Content scout",
        Criterion.SUGGESTION,
        1,
        "Suggested an article the communications team then published for sharing.",
    ),
]


def seed(*, stdout) -> int:
    changed = 0
    for slug, name, criterion, threshold, description in BADGES:
        _, created = Badge.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "criterion": criterion,
                "threshold": threshold,
                "description": description,
            },
        )
        changed += created
    with realtime.suppressed():
        # The real evaluation, as `leaderboard_reconcile --fix` runs it: totals, visibility
        # and every badge the seeded ledger supports; then last month's top places.
        changed += len(leaderboard_reconcile(fix=True))
        placed, awarded = leaderboard_close_period(month=previous_month_start(timezone.now()))
    return changed + placed + awarded
