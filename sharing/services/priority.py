"""Priority posts: when one is published, fitting advocates who want alerts are told."""

from collections.abc import Iterable

from django.db import transaction

from notifications.models import Notification
from notifications.services import notification_send
from sharing.models import SharePostPage
from sharing.notices import PRIORITY_POST
from sharing.selectors import priority_post_recipients


def priority_post_published(sender, instance: SharePostPage, **kwargs) -> None:
    """Wagtail's page_published (also for scheduled go-live): tell fitting advocates about a
    priority post, once per person per post (the notification keys make it idempotent)."""
    post = instance
    # Wagtail sends page_published when a publication is only scheduled, too: the notice
    # waits for the scheduled go-live (which publishes again), or its link would not work.
    if not post.priority or post.retracted_at is not None or not post.live:
        return
    priority_post_announce(
        post_title=post.title,
        url=post.url or "",
        platforms=post.caption_platforms(),
        department_ids=[d.pk for d in post.departments.all()],
        key_prefix=f"priority:{post.pk}",
        body=post.summary,
    )


@transaction.atomic
def priority_post_announce(
    *,
    post_title: str,
    url: str,
    platforms: Iterable[str],
    department_ids: Iterable[int],
    key_prefix: str,
    body: str = "",
) -> list[Notification]:
    """Tell every fitting advocate (see priority_post_recipients) about a priority post.

    Idempotent per person through keys f"{key_prefix}:{user.pk}": announcing the same post
    again reaches only people who were not told before. Returns the notifications created
    or found.
    """
    notifications = []
    for user in priority_post_recipients(platforms=platforms, department_ids=department_ids):
        notification = notification_send(
            user=user,
            kind=PRIORITY_POST,
            title=f"New priority post: {post_title}",
            body=body or "A new post fits your networks. Share it if you want to.",
            url=url,
            key=f"{key_prefix}:{user.pk}",
        )
        if notification is not None:
            notifications.append(notification)
    return notifications
