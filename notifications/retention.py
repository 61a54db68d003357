"""What notifications let expire: notifications a person has read.

Unread ones stay until read (they may still matter to the person); a read one is deleted
once it was read longer ago than the programme's period. Digests sent stay: one row a
week, holding no text."""

from datetime import datetime

from notifications.models import DigestSent, Notification
from portal.extensions import RetentionRule
from portal.retention import cutoff, retention_settings


def read_notifications_prune(*, now: datetime, dry_run: bool = False) -> int:
    """Delete the notifications read before the period's cutoff; returns how many."""
    days = retention_settings().read_notifications_days
    old = Notification.objects.filter(read_at__lt=cutoff(now=now, days=days))
    if dry_run:
        return old.count()
    # delete() also counts the rows that cascade (optional-email claims): report only ours.
    count = old.count()
    old.delete()
    return count


def read_notifications_rule() -> RetentionRule:
    days = retention_settings().read_notifications_days
    return RetentionRule(
        "read_notifications",
        "Notifications you have read",
        f"A notification is deleted {days} days after you read it; unread ones stay "
        "until you read them.",
        read_notifications_prune,
    )


def person_erase(*, user) -> int:
    """A person's whole notification history: every notification (read or not) and the
    weeks a digest was sent. Returns how many records were deleted."""
    count = Notification.objects.filter(user=user).count()
    Notification.objects.filter(user=user).delete()
    return count + DigestSent.objects.filter(user=user).delete()[0]
