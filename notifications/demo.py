"""Demo notifications: a helper the apps' demo seeds use for the notices they send."""

from django.utils import timezone

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
) -> int:
    """Give the demo user `username` one notification, once (keyed by username and index).
    Returns 1 when it was created now, else 0."""
    user = User.objects.filter(username=username).first()
    key = f"demo:{username}:{index}"
    if user is None or Notification.objects.filter(key=key).exists():
        return 0
    notification = notification_send(user=user, kind=kind, title=title, body=body, url=url, key=key)
    if notification is None:
        return 0
    if read:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
    return 1
