"""What notifications keep about a person, for /me/ and /me/export.json."""

from typing import Any

from people.models import User
from people.records import RecordSection


def _notifications(user: User) -> dict[str, Any]:
    return {
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "body": n.body,
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "email": n.email_status or None,
                "emailed_at": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in user.notifications.all()
        ],
        "digests": [
            {
                "week_start": d.week_start.isoformat(),
                "sent_at": d.sent_at.isoformat() if d.sent_at else None,
            }
            for d in user.digests.all()
        ],
    }


SECTION = RecordSection(
    "notifications",
    "Notifications and emails",
    "Each notification we showed you (what it was about, when, whether you read "
    "it and whether it was emailed) and the weeks we sent you a digest. Optional "
    "emails follow your email-alerts choice.",
    _notifications,
)
