"""Reads about shares: one person's shares and suggestions, their week, a post's sharers."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import groupby

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from people.models import User
from portal.periods import WEEK, day_start, week_start
from portal.rows import column, prepared_cursor
from sharing.models import (
    Share,
    ShareHubPage,
    SharePostPage,
    ShareState,
    SharingPreferences,
    Suggestion,
)
from sharing.selectors.posts import post_is_available
from sharing.selectors.preferences import cap_applying


def share_of(*, user: User, post: SharePostPage, platform: str) -> Share | None:
    """`user`'s share of `post` on `platform`, if they made one."""
    return Share.objects.filter(user=user, post=post, platform=platform).first()


def shares_on_post(*, user: User, post: SharePostPage) -> dict[str, Share]:
    """`user`'s shares of `post`, by platform."""
    return {share.platform: share for share in Share.objects.filter(user=user, post=post)}


def shares_by_post(*, user: User) -> dict[int, list[str]]:
    """Post id → the platforms `user` shared it on."""
    shared: dict[int, list[str]] = {}
    for post_id, platform in Share.objects.filter(user=user).values_list("post_id", "platform"):
        shared.setdefault(post_id, []).append(platform)
    return shared


def _earning_in_week(at: datetime) -> Q:
    """Shares that earned points in the week (Monday to Sunday) of `at`."""
    monday = week_start(at)
    return Q(
        earned_points=True,
        created_at__gte=day_start(monday),
        created_at__lt=day_start(monday + WEEK),
    )


def shares_earning_in_week(*, user: User, at: datetime) -> int:
    """How many of `user`'s shares earned points in the week (Monday to Sunday) of `at`."""
    return Share.objects.filter(_earning_in_week(at), user=user).count()


@dataclass(frozen=True)
class ShareTotals:
    shares: int
    clicks: int
    this_week: int
    cap: int  # as weekly_cap_for


@cache
def _totals_sql() -> str:
    """share_totals' statement, written out once: the ORM took longer to compile its
    aggregate than the database took to answer it. A week's earning shares as
    _earning_in_week (SUM over CASE: SQLite before 3.30 has no FILTER)."""
    quote = connection.ops.quote_name
    created = column(Share, "created_at")
    return (
        f"SELECT COUNT(*), SUM({column(Share, 'credited_clicks')}), "  # noqa: S608 - names from the models
        f"SUM(CASE WHEN {column(Share, 'earned_points')} AND {created} >= %s "
        f"AND {created} < %s THEN 1 ELSE 0 END), "
        f"(SELECT {column(SharingPreferences, 'weekly_cap')} "
        f"FROM {quote(SharingPreferences._meta.db_table)} "
        f"WHERE {column(SharingPreferences, 'user')} = %s) "
        f"FROM {quote(Share._meta.db_table)} WHERE {column(Share, 'user')} = %s"
    )


def share_totals(*, user: User, at: datetime) -> ShareTotals:
    """How many shares `user` made and how many clicks on them were credited, all time, how
    many of them earned points in the week of `at` (as shares_earning_in_week), and the
    weekly cap that applies: the dashboard's glance, in one statement."""
    monday = week_start(at)
    week = [
        connection.ops.adapt_datetimefield_value(day_start(day)) for day in (monday, monday + WEEK)
    ]
    with prepared_cursor() as cursor:
        cursor.execute(_totals_sql(), [*week, user.pk, user.pk])
        count, clicks, this_week, personal = cursor.fetchone()
    cap, _ = cap_applying(personal=personal)
    return ShareTotals(count, clicks or 0, this_week or 0, cap)


def share_state(share: Share, *, at: datetime | None = None) -> ShareState:
    """Retracted, expired (its post gone, unpublished or past expiry) or live."""
    if share.retracted_at is not None:
        return ShareState.RETRACTED
    if not post_is_available(share.post, at=at):
        return ShareState.EXPIRED
    return ShareState.LIVE


def shares_mine(*, user: User) -> list[Share]:
    """The person's shares, newest first, each with `.state` (live, expired, retracted)."""
    shares = list(Share.objects.filter(user=user).select_related("post"))
    now = timezone.now()
    for share in shares:
        share.state = share_state(share, at=now)
    return shares


def post_sharers(*, post: SharePostPage) -> list[tuple[User, list[str]]]:
    """Everyone who shared `post`, by id, each with the platforms they shared it on (newest
    share first)."""
    shares = (
        Share.objects.filter(post=post)
        .select_related("user")
        .order_by("user_id", "-created_at", "-id")
    )
    return [
        (group[0].user, [share.platform for share in group])
        for group in (list(g) for _, g in groupby(shares, key=lambda share: share.user_id))
    ]


def suggestions_mine(*, user: User) -> QuerySet[Suggestion]:
    """The person's suggestions, newest first, with the post an accepted one became."""
    return Suggestion.objects.filter(user=user).select_related("post")


def suggestion_may_accept(*, user: User) -> bool:
    """Whether `user` may accept a suggestion: accepting adds a draft post under the
    library page, so it needs Wagtail's add permission there as well as the right to
    change suggestions. With no library page yet, accepting explains that instead."""
    if not user.has_perm("sharing.change_suggestion"):
        return False
    hub = ShareHubPage.objects.first()
    return hub is None or hub.permissions_for_user(user).can_add_subpage()
