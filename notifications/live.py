"""Live updates: render the bell and a toast and push them to the person's open pages."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.template.loader import render_to_string

from notifications.models import Notification
from notifications.selectors import notification_unread_count
from notifications.services import user_group


def notification_push(*, notification_id: int) -> None:
    """Send the new unread count and a toast for one notification (called after commit)."""
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    html = render_to_string(
        "notifications/live.html",
        {
            "notification": notification,
            "unread_count": notification_unread_count(user=notification.user),
        },
    )
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        user_group(notification.user_id), {"type": "notify.message", "html": html}
    )
