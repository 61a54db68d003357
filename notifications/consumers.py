"""One person's own notification socket: the bell count and a toast, as htmx OOB swaps.
Thin: see portal.realtime.PushConsumer. Messages are disposable; a page load always shows
the database's state."""

from portal import realtime


class NotificationConsumer(realtime.PushConsumer):
    def push_groups(self, user, params: dict[str, list[str]]) -> list[str]:
        return [realtime.notify_group(user.pk)]
