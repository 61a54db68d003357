"""Reads for the advocacy report: shares, credited clicks and suggestions as plain rows.

Every selector runs one query, however many shares or clicks. Periods are half-open: at
or after `since`, before `until` (aware datetimes). Rows carry no names: the report shows
totals only.
"""

from datetime import datetime
from typing import TypedDict

from django.db.models import Count, F

from sharing.models import Click, Share, Suggestion
from sharing.models import SuggestionState as SuggestionState


class ShareRow(TypedDict):
    user_id: int
    department_id: int | None
    platform: str
    post_title: str
    campaign: str | None
    created_at: datetime


class ClickRow(TypedDict):
    at: datetime
    post_title: str
    campaign: str | None
    department_id: int | None


def share_rows(*, since: datetime, until: datetime, platform: str = "") -> list[ShareRow]:
    """Every share made in the period (on `platform` only, when given): who shared, their
    department, the network, the post's title and campaign name, and when."""
    shares = Share.objects.filter(created_at__gte=since, created_at__lt=until)
    if platform:
        shares = shares.filter(platform=platform)
    return list(
        shares.values(
            "user_id",
            "platform",
            "post_title",
            "created_at",
            department_id=F("user__department_id"),
            campaign=F("post__campaign__name"),
        )
    )


def credited_click_rows(*, since: datetime, until: datetime, platform: str = "") -> list[ClickRow]:
    """Every credited click in the period (on shares to `platform` only, when given): when,
    the shared post's title and campaign name, and the sharer's department."""
    clicks = Click.objects.filter(credited=True, at__gte=since, at__lt=until)
    if platform:
        clicks = clicks.filter(share__platform=platform)
    return list(
        clicks.values(
            "at",
            post_title=F("share__post_title"),
            campaign=F("share__post__campaign__name"),
            department_id=F("share__user__department_id"),
        )
    )


def sharers_count(*, since: datetime, user_ids: set[int]) -> int:
    """How many of these people shared anything at or after `since`."""
    return (
        Share.objects.filter(created_at__gte=since, user_id__in=user_ids)
        .values("user_id")
        .distinct()
        .count()
    )


def suggestion_counts(*, since: datetime, until: datetime) -> dict[str, int]:
    """Suggestions made in the period, counted by state (a SuggestionState value); states
    with none are left out."""
    return dict(
        Suggestion.objects.filter(created_at__gte=since, created_at__lt=until)
        .order_by()
        .values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
