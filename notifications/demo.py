"""Demo notifications: a helper the apps' demo seeds use for the notices they send."""

from datetime import datetime

from notifications.kinds import NotificationKind
from notifications.models import Notification
from notifications.services import notification_send
from people.models import User


def demo_notification(
    *,
    username: str,
    index: int,
    kind: NotificationKind,
    title: str,
    body: str,
    url: str,
    read: bool = False,
    subject: str = "",
    at: datetime | None = None,
) -> int:
    """Give the demo user `username` one notification, once (keyed by username and index).

    `at` places it in the demo's history (when what it reports happened); `subject` lets
    the action it asks for resolve it (see notifications_resolve). Returns 1 when it was
    created now, else 0."""
    user = User.objects.filter(username=username).first()
    key = f"demo:{username}:{index}"
    if user is None or Notification.objects.filter(key=key).exists():
        return 0
    notification = notification_send(
        user=user, kind=kind, title=title, body=body, url=url, key=key, subject=subject, at=at
    )
    if notification is None:
        return 0
    if read:
        Notification.objects.filter(pk=notification.pk).update(read_at=notification.created_at)
    return 1


def demo_notifications_date(*, key_prefix: str, at: datetime) -> int:
    """Place the notifications a seed step sent through the real services (keys starting
    with `key_prefix`) at the time the demo's history says it happened, e.g. a post's
    backdated publication. Returns how many were moved."""
    return Notification.objects.filter(key__startswith=key_prefix).update(created_at=at)
