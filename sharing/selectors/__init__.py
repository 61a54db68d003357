"""Reads for sharing: the library ranked for one person, their shares and suggestions."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from taggit.models import Tag

from notifications.selectors import notification_list
from people.models import User
from people.platforms import PLATFORMS
from sharing.models import (
    Click,
    Share,
    SharePostPage,
    ShareState,
    SharingPreferences,
    Suggestion,
)
from sharing.notices import PRIORITY_POST

NEW_FOR = timedelta(days=7)


def posts_available(*, hub=None, at: datetime | None = None) -> QuerySet[SharePostPage]:
    """Live posts that have not expired or been retracted, newest first, with what cards
    need prefetched."""
    at = at or timezone.now()
    posts = SharePostPage.objects.live().filter(retracted_at__isnull=True)
    if hub is not None:
        posts = posts.child_of(hub)
    return (
        posts.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=at))
        .select_related("campaign", "image")
        .prefetch_related("captions", "tagged_items__tag", "departments")
        .order_by("-first_published_at", "-pk")
    )


def post_topics(post: SharePostPage) -> list[Tag]:
    return sorted((item.tag for item in post.tagged_items.all()), key=lambda tag: tag.name)


def topics_in_use() -> QuerySet[Tag]:
    return Tag.objects.filter(sharing_shareposttag_items__isnull=False).distinct().order_by("name")


def topics_followed(*, user: User) -> list[Tag]:
    preferences = SharingPreferences.objects.filter(user=user).first()
    return list(preferences.topics.order_by("name")) if preferences else []


@dataclass
class Card:
    post: SharePostPage
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    topics: list[Tag] = field(default_factory=list)
    shared_on: list[str] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return bool(self.reasons)

    @property
    def reason_text(self) -> str:
        return " · ".join(self.reasons)

    @property
    def platform_labels(self) -> list[str]:
        return [PLATFORMS[key].label for key in self.platforms]

    @property
    def shared_labels(self) -> list[str]:
        return [PLATFORMS[key].label for key in self.shared_on]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def library_rank(
    *,
    user: User,
    posts: list[SharePostPage],
    networks: list[tuple[str, str]],
    followed: set[int],
    shared: dict[int, list[str]],
    at: datetime | None = None,
) -> list[Card]:
    """Cards for `posts`, best fit first, each with the reasons it is shown.

    Fit: a caption for a network the person uses (3), their department (2), a topic they
    follow (2 each), priority (2), new this week (1); already shared by them sinks it (-6).
    Ties go to the newest post.
    """
    at = at or timezone.now()
    used: dict[str, str] = {}
    for platform, audience in networks:
        used.setdefault(platform, audience)
    cards = []
    for post in posts:
        card = Card(post=post, platforms=post.caption_platforms(), topics=post_topics(post))
        fitting = [key for key in card.platforms if key in used]
        if fitting:
            card.score += 3
            card.reasons.append(
                "You're on " + _join([f"{PLATFORMS[key].label} ({used[key]})" for key in fitting])
            )
        departments = list(post.departments.all())
        if user.department_id and any(d.pk == user.department_id for d in departments):
            card.score += 2
            card.reasons.append(next(d.name for d in departments if d.pk == user.department_id))
        matched = [tag.name for tag in card.topics if tag.pk in followed]
        if matched:
            card.score += 2 * len(matched)
            card.reasons.append("You follow " + _join(matched))
        if post.priority:
            card.score += 2
            card.reasons.append("Priority")
        if post.first_published_at and at - post.first_published_at < NEW_FOR:
            card.score += 1
            card.reasons.append("New this week")
        card.shared_on = shared.get(post.pk, [])
        if card.shared_on:
            card.score -= 6
        cards.append(card)
    # Stable sort keeps the newest-first order among equal scores.
    cards.sort(key=lambda card: -card.score)
    return cards


def shares_by_post(*, user: User) -> dict[int, list[str]]:
    shared: dict[int, list[str]] = {}
    for post_id, platform in Share.objects.filter(user=user).values_list("post_id", "platform"):
        shared.setdefault(post_id, []).append(platform)
    return shared


def share_state(share: Share, *, at: datetime | None = None) -> str:
    from sharing.services import post_is_available

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


def suggestions_mine(*, user: User) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(user=user).select_related("post")


# The weekly digest


def digest_posts(*, user: User, start: datetime, end: datetime) -> list[dict[str, str]]:
    """Posts published in [start, end) that fit `user` (a caption for a network they
    declared, and their department if the post names departments) and that they have not
    shared, plus any priority post they were told about then; at most ten."""
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
    announced = notification_list(user=user).filter(
        kind=PRIORITY_POST.key, created_at__gte=start, created_at__lt=end
    )
    for notification in announced:
        posts.setdefault(notification.url, {"title": notification.title, "url": notification.url})
    return list(posts.values())[:10]


def digest_results(*, user: User, start: datetime, end: datetime) -> tuple[int, int]:
    """How many shares `user` made in [start, end), and how many clicks on their shares
    were credited then."""
    shares = Share.objects.filter(user=user, created_at__gte=start, created_at__lt=end).count()
    clicks = Click.objects.filter(
        share__user=user, credited=True, at__gte=start, at__lt=end
    ).count()
    return shares, clicks
