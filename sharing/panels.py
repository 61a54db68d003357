"""What sharing adds to shared pages: the preferences panel on /me/, the records section,
this week's sharing on the dashboard."""

from typing import Any

from django.conf import settings
from django.utils import timezone

from people.models import User
from people.records import RecordSection
from portal.extensions import Panel
from sharing.forms import TopicsForm, WeeklyCapForm
from sharing.models import Share, SharingSettings, Suggestion
from sharing.selectors import (
    preferences_get,
    share_totals,
    topics_marked,
)


def me_panel(request) -> Panel | None:
    user = request.user
    preferences = preferences_get(user=user)
    topics = topics_marked(user=user)
    followed = [str(topic.pk) for topic in topics if topic.followed]
    return Panel(
        "sharing-preferences",
        "sharing/me_panel.html",
        {
            "topics_form": TopicsForm(initial={"topics": followed}, topics=topics),
            "cap_form": WeeklyCapForm(
                initial={"weekly_cap": preferences.weekly_cap if preferences else None}
            ),
            "programme_cap": SharingSettings.current().weekly_cap,
        },
    )


def _collect(user: User) -> dict[str, Any]:
    preferences = preferences_get(user=user)
    return {
        "shares": [
            {
                "post": share.post_title,
                "platform": share.platform,
                "at": share.created_at.isoformat(),
                "tracked_link": f"{settings.PORTAL_BASE_URL}/l/{share.code}",
                "caption": share.caption,
                "credited_clicks": share.credited_clicks,
                "earned_points": share.earned_points,
                "points_state": share.points_state_label,
                "retracted_at": share.retracted_at.isoformat() if share.retracted_at else None,
            }
            for share in Share.objects.filter(user=user)
        ],
        "suggestions": [
            {
                "url": s.url,
                "note": s.note,
                "state": s.state,
                "decline_reason": s.decline_reason,
                "at": s.created_at.isoformat(),
            }
            for s in Suggestion.objects.filter(user=user)
        ],
        "preferences": {
            "topics": sorted(preferences.topics.values_list("name", flat=True))
            if preferences
            else [],
            "weekly_cap": preferences.weekly_cap if preferences else None,
        },
    }


def records_section() -> RecordSection:
    return RecordSection(
        "sharing",
        "Your shares and suggestions",
        "Each post you shared: network, time, the caption you confirmed, its tracked link "
        "and how many clicks were credited. Clicks are counted without storing who clicked: "
        "only a keyed hash of address and browser that changes every day. Also the links "
        "you suggested with their outcome, and the topics and weekly cap you chose.",
        _collect,
    )


def dashboard_panel(request) -> Panel | None:
    """This week's sharing at a glance, for people who have shared at least once."""
    totals = share_totals(user=request.user, at=timezone.now())
    if not totals.shares:
        return None
    return Panel(
        "sharing",
        "sharing/dashboard_panel.html",
        {
            "this_week": totals.this_week,
            "cap": totals.cap,
            "shares": totals.shares,
            "clicks": totals.clicks,
        },
    )
