"""Live updates: render the bell and a toast and push them to the person's open pages."""

from functools import partial

from django.template.loader import render_to_string

from notifications.models import Notification
from notifications.selectors import notification_unread_count
from portal import realtime


def _push_now(notification_id: int) -> None:
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None:
        return
    html = render_to_string(
        "notifications/live.html",
        {
            "notification": notification,
            "unread_count": notification_unread_count(user=notification.user),
        },
    )
    realtime.group_send(realtime.notify_group(notification.user_id), realtime.html_message(html))


def notification_push(*, notification_id: int) -> None:
    """Send the new unread count and a toast for one notification (called after commit).

    Only queues: the broadcaster thread renders and sends, so the action that notified
    never waits for it. A failed send is logged and dropped: the next page load shows the
    truth. Nothing while pushes are suppressed (seeding, bulk work nobody watches)."""
    if realtime.is_suppressed():
        return
    realtime.run_soon(partial(_push_now, notification_id))
