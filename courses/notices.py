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
    intro=(
        "Your advocate certificate expires soon. Pass the quiz again before then to keep "
        "sharing unlocked: it is open to you now."
    ),
    # Sent 30 and 7 days before and on the day: in the bell always, by email only to those
    # who opted in to email alerts.
    optional=True,
)
CERTIFICATE_EXPIRED = NotificationKind(
    key="certificate_expired",
    label="Certificate expired",
    intro=(
        "Your advocate certificate expired, so you are enrolled in the course again and "
        "sharing is paused until you pass its quiz again."
    ),
    reason=(
        "You receive this because your advocate certificate expired and the course is "
        "required training again; this message goes to everyone re-enrolled."
    ),
)
KINDS = (TRAINING_DUE, TRAINING_OVERDUE, CERTIFICATE_EXPIRING, CERTIFICATE_EXPIRED)


def course_notice_subject(course_id: int) -> str:
    """What the reminders about a course are about: passing it resolves them all
    (notifications.services.notifications_resolve, from course_complete)."""
    return f"course:{course_id}"
