"""The weekly digest: fitting new posts and the person's own results, for those opted in."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from leaderboard.models import LedgerEntry, Period, Reason, ScoreTotal
from notifications.models import DigestSent, Kind, Notification
from people.models import ConsentKind, User
from people.selectors import users_with_consent


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


def digest_content(*, user: User, week_start: date) -> dict[str, Any]:
    """What one person's digest says. Only their own figures; nobody else is named."""
    start, end = digest_window(week_start)
    mine = Notification.objects.filter(user=user, created_at__gte=start, created_at__lt=end)
    ledger = LedgerEntry.objects.filter(user=user, created_at__gte=start, created_at__lt=end)
    rank, ranked = _rank(user=user, week_start=week_start)
    return {
        "week_start": week_start,
        "posts": list(mine.filter(kind=Kind.PRIORITY_POST).order_by("-created_at")[:10]),
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
