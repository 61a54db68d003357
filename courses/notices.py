"""The notifications training sends (see notifications.kinds)."""

from notifications.kinds import NotificationKind

TRAINING_DUE = NotificationKind(
    key="training_due",
    label="Training due soon",
    intro="A reminder: required training is due in a few days.",
    reason=(
        "You receive this because you are enrolled in required training; reminders about "
        "required training are sent to everyone enrolled."
    ),
)
TRAINING_OVERDUE = NotificationKind(
    key="training_overdue",
    label="Training overdue",
    intro=(
        "Required training you are enrolled in is past its due date. The reminder says about "
        "how long what is left takes."
    ),
    reason=(
        "You receive this because required training you are enrolled in is past its due "
        "date; these reminders are sent to everyone enrolled."
    ),
)
CERTIFICATE_EXPIRING = NotificationKind(
    key="certificate_expiring",
    label="Certificate expiring",
    intro="Your advocate certificate expires soon. Retake the quiz to keep sharing unlocked.",
    reason=(
        "You receive this because your advocate certificate is about to expire; it is a "
        "service message sent to every certified person."
    ),
)
KINDS = (TRAINING_DUE, TRAINING_OVERDUE, CERTIFICATE_EXPIRING)
