"""Reads for the weekly digest: fitting new posts, and the person's own results."""

from datetime import datetime

from notifications.selectors import notification_list
from people.models import User
from sharing.models import Click, Share
from sharing.notices import PRIORITY_POST
from sharing.selectors.posts import posts_available


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
