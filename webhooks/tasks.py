"""Background work (django-tasks): sending deliveries and the weekly summary. Queued only
after commit (webhooks.services), never run in a request."""

from datetime import datetime

from django_tasks import task

from webhooks.events import weekly_summary_queue
from webhooks.services import delivery_attempt


@task()
def webhook_deliver(*, delivery_id: int, at: str | None = None) -> str:
    """Make one delivery's next attempt if it is due (see delivery_attempt); `at` is the
    time to act at, in ISO format (for `webhooks_retry --at`), now by default."""
    return delivery_attempt(delivery_id=delivery_id, at=datetime.fromisoformat(at) if at else None)


@task()
def webhooks_weekly_summary_send(*, at: str | None = None) -> str:
    """Queue this week's summary for every channel that receives it (once a week)."""
    created = weekly_summary_queue(at=datetime.fromisoformat(at) if at else None)
    return f"queued {len(created)}"
