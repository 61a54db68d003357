"""The weekly digest: fitting new posts and the person's own results, for those opted in."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from leaderboard.models import LedgerEntry, Period, Reason, ScoreTotal
from notifications.models import DigestSent, Kind, Notification
from people.models import ConsentKind, User
from people.selectors import consent_current, users_with_consent


def week_start_of(at: datetime) -> date:
    """Monday of the week containing `at`, in the programme's time zone."""
    day = timezone.localtime(at).date()
    return day - timedelta(days=day.weekday())


def digest_window(week_start: date) -> tuple[datetime, datetime]:
    """A digest sent in the week of `week_start` covers the seven days before that Monday
    plus the days of its own week up to now: at most the last 14 days, never the future."""
    start = timezone.make_aware(datetime.combine(week_start - timedelta(days=7), time.min))
    return start, timezone.now()


def _rank(*, user: User, week_start: date) -> tuple[int | None, int]:
    totals = ScoreTotal.objects.filter(period=Period.WEEK, period_start=week_start)
    mine = totals.filter(user=user).values_list("points", flat=True).first()
    if mine is None:
        return None, totals.count()
    return totals.filter(points__gt=mine).count() + 1, totals.count()


def _fitting_posts(*, user: User, start: datetime, end: datetime) -> list[dict[str, str]]:
    """Posts published in the window that fit the person (a caption for a network they
    declared, and their department if the post names departments), not yet shared by
    them, plus any priority post they were told about in the window."""
    from sharing.models import Share
    from sharing.selectors import posts_available

    platforms = set(user.networks.values_list("platform", flat=True))
    shared = set(Share.objects.filter(user=user).values_list("post_id", flat=True))
    posts: dict[str, dict[str, str]] = {}
    published = posts_available().filter(first_published_at__gte=start, first_published_at__lt=end)
    for post in published[:50]:
        departments = [d.pk for d in post.departments.all()]
        if post.pk in shared or not platforms.intersection(post.caption_platforms()):
            continue
        if departments and user.department_id not in departments:
            continue
        posts.setdefault(post.url or "", {"title": post.title, "url": post.url or ""})
    announced = Notification.objects.filter(
        user=user, kind=Kind.PRIORITY_POST, created_at__gte=start, created_at__lt=end
    ).order_by("-created_at")
    for notification in announced:
        posts.setdefault(notification.url, {"title": notification.title, "url": notification.url})
    return list(posts.values())[:10]


def digest_content(*, user: User, week_start: date) -> dict[str, Any]:
    """What one person's digest says. Only their own figures; nobody else is named."""
    start, end = digest_window(week_start)
    mine = Notification.objects.filter(user=user, created_at__gte=start, created_at__lt=end)
    ledger = LedgerEntry.objects.filter(user=user, created_at__gte=start, created_at__lt=end)
    rank, ranked = _rank(user=user, week_start=week_start)
    advocate = consent_current(user=user)[ConsentKind.ADVOCACY]
    return {
        "week_start": week_start,
        "posts": _fitting_posts(user=user, start=start, end=end) if advocate else [],
        "badges": list(mine.filter(kind=Kind.BADGE_EARNED).order_by("-created_at")),
        "shares": ledger.filter(reason=Reason.SHARE).count(),
        "clicks": ledger.filter(reason=Reason.CLICK).count(),
        "rank": rank,
        "ranked": ranked,
    }


def digest_has_news(content: dict[str, Any]) -> bool:
    return bool(content["posts"] or content["badges"] or content["shares"] or content["clicks"])


def digests_send(*, at: datetime | None = None) -> int:
    """Queue this week's digest for everyone opted in to email alerts who has news.

    Idempotent per person per week (a DigestSent row, unique on user and week): running it
    twice, or from two cron hosts at once, sends each person one digest. Returns how many
    digests were queued by this call.
    """
    from notifications.tasks import digest_email_send

    week_start = week_start_of(at or timezone.now())
    already = DigestSent.objects.filter(week_start=week_start).values("user_id")
    people = (
        users_with_consent(kind=ConsentKind.EMAIL_ALERTS)
        .filter(is_active=True)
        .exclude(email="")
        .exclude(pk__in=already)
        .order_by("pk")
    )
    queued = 0
    for user in people:
        if not digest_has_news(digest_content(user=user, week_start=week_start)):
            continue
        with transaction.atomic():
            try:
                with transaction.atomic():
                    digest = DigestSent.objects.create(user=user, week_start=week_start)
            except IntegrityError:
                continue  # another run got there first
            digest_id = digest.pk
            transaction.on_commit(
                lambda digest_id=digest_id: digest_email_send.enqueue(digest_id=digest_id)
            )
        queued += 1
    return queued
