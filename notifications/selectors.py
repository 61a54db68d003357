"""Reads for notifications."""

from django.db.models import QuerySet

from notifications.models import Notification
from people.models import User


def notification_unread_count(*, user: User) -> int:
    """How many of the user's notifications are unread (one indexed COUNT)."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_list(*, user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first."""
    return Notification.objects.filter(user=user)
