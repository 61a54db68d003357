"""What recognition adds to shared pages: the "My badges" panel and the personal records."""

from typing import Any

from django.urls import reverse

from leaderboard.models import LedgerEntry, Period
from leaderboard.selectors import badge_awards_for, badges_and_totals
from leaderboard.services.periods import period_span, week_began_last_month
from people.models import User
from people.records import RecordSection
from portal.extensions import Panel


def my_badges_panel(request) -> Panel | None:
    if not request.user.is_authenticated:
        return None
    glance = badges_and_totals(user=request.user)
    return Panel(
        key="badges",
        template="leaderboard/panel_badges.html",
        context={
            "awards": glance.awards,
            "totals": glance.totals,
            "spans": {period: period_span(period) for period in (Period.WEEK, Period.MONTH)},
            "week_began": week_began_last_month(),
            "board_url": reverse("leaderboard:board"),
            "points_url": reverse("leaderboard:points"),
            # The dashboard listens for badge toasts; /me/ stays a plain settings page.
            "live": request.path == "/",
        },
    )


def _points(user: User) -> list[dict[str, Any]]:
    return [
        {
            "points": entry.points,
            "reason": entry.reason,
            "source": f"{entry.source_type}:{entry.source_id}" if entry.source_type else "",
            "note": entry.note,
            "at": entry.created_at.isoformat(),
        }
        for entry in LedgerEntry.objects.filter(user=user).order_by("created_at", "id")
    ]


def _badges(user: User) -> list[dict[str, Any]]:
    return [
        {
            "badge": award.badge.name,
            "awarded_at": award.awarded_at.isoformat(),
            "evidence": award.evidence,
            "revoked": award.revoked,
            "revocation_reason": award.revocation_reason,
            "verification_url": reverse("badges:verify", args=[award.uid]),
        }
        for award in badge_awards_for(user=user, include_revoked=True)
    ]


POINTS_SECTION = RecordSection(
    "points",
    "Your points",
    "Every time you earned points (a share within the weekly cap, a credited click, an "
    "accepted suggestion) and any correction by HR with its note; lessons, courses, "
    "certification and the policy are listed too, with 0 points, because they count "
    "towards badges. Only people who opted in appear on the leaderboard.",
    _points,
)
BADGES_SECTION = RecordSection(
    "badges",
    "Your badges",
    "The badges you earned and when. Each has a public verification page that names "
    "you; its Open Badges record identifies you only by a salted hash of your email.",
    _badges,
)
