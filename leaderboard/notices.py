"""The notifications recognition sends (see notifications.kinds)."""

from notifications.kinds import NotificationKind

BADGE_EARNED = NotificationKind(
    key="badge_earned",
    label="Badge earned",
    intro="Well done: you earned a new badge.",
    optional=True,
)
KINDS = (BADGE_EARNED,)
