"""What recognition adds to the weekly digest: the person's own rank and new badges."""

from django.urls import reverse

from leaderboard.models import Period
from leaderboard.selectors import badge_awards_for, leaderboard_rank
from notifications.digest import DigestLine, DigestSection, DigestWindow
from people.models import User


def recognition_section(*, user: User, window: DigestWindow) -> DigestSection | None:
    lines = []
    rank = leaderboard_rank(user=user, period=Period.WEEK, period_start=window.week_start)
    if rank is not None:
        place, ranked = rank
        lines.append(
            DigestLine(f"Rank that week: #{place} of {ranked}", reverse("leaderboard:board"))
        )
    badges = [
        award.badge.name
        for award in badge_awards_for(user=user).filter(
            awarded_at__gte=window.start, awarded_at__lt=window.end
        )
    ]
    if badges:
        lines.append(DigestLine(f"New badges: {', '.join(badges)}"))
    # A rank alone is no reason to email anyone; a new badge is.
    return DigestSection("recognition", "Your recognition", lines, news=bool(badges))
