"""Live updates: render the bell and a toast and push them to the person's open pages."""

from django.template.loader import render_to_string

from notifications.models import Notification
from notifications.selectors import notification_unread_count
from portal import realtime


def notification_push(*, notification_id: int) -> None:
    """Send the new unread count and a toast for one notification (called after commit).

    A failed send is logged and dropped: the next page load shows the truth."""
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    html = render_to_string(
        "notifications/live.html",
        {
            "notification": notification,
            "unread_count": notification_unread_count(user=notification.user),
        },
    )
    realtime.group_send(realtime.notify_group(notification.user_id), realtime.html_message(html))
