"""Webhook writes: queueing a message for every channel that wants it, sending one
delivery (an attempt at a time), retrying what failed.

Queueing happens in the caller's transaction and sends nothing itself: the sending task is
enqueued on commit, so a rolled-back action never reaches a chat, and no request waits
for Slack or Teams. Each attempt is claimed first (its next try moved past the time an
attempt can take), so a worker, the task's own retry and `webhooks_retry` never send the
same attempt twice at once.
"""

import logging
from datetime import datetime, timedelta
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from webhooks import transport
from webhooks.messages import Message, absolute, payload_for
from webhooks.models import Delivery, Destination, Event, Status
from webhooks.validators import webhook_url_validate

logger = logging.getLogger(__name__)

# Wait before attempt 2, 3, 4 and 5; after the 5th failure the delivery has failed.
BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# An attempt in progress holds its delivery this long (the timeout, with room to spare).
LEASE = timedelta(minutes=1)


def _enqueue(
    delivery_id: int, *, run_after: datetime | None = None, at: datetime | None = None
) -> None:
    # The tasks module imports this one: imported on use, as django-tasks tasks usually are.
    from webhooks.tasks import webhook_deliver

    task = webhook_deliver
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # `webhooks_retry` (cron, every minute) sends it when it is due
        task = task.using(run_after=run_after)
    task.enqueue(delivery_id=delivery_id, at=at.isoformat() if at else None)


def _delivery_create(
    *, destination: Destination, event: str, key: str, message: Message, at: datetime
) -> Delivery | None:
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                destination=destination,
                event=event,
                event_key=key[:120],
                summary=message.title[:200],
                payload=payload_for(destination.kind, message),
                created_at=at,
                next_attempt_at=min(at, timezone.now()),  # due at once
            )
    except IntegrityError:
        return None  # this channel has this message already
    pk = delivery.pk
    transaction.on_commit(lambda: _enqueue(pk))
    return delivery


@transaction.atomic
def deliveries_queue(
    *, event: str, key: str, message: Message, at: datetime | None = None
) -> list[Delivery]:
    """Queue `message` for every active channel that receives `event`, once per channel
    and `key` (announcing the same event again queues nothing more). Sent after commit by
    the task worker. Returns the deliveries this call created."""
    at = at or timezone.now()
    created = []
    for destination in Destination.objects.filter(active=True).order_by("pk"):
        if not destination.receives(event):
            continue
        delivery = _delivery_create(
            destination=destination, event=event, key=key, message=message, at=at
        )
        if delivery is not None:
            created.append(delivery)
    return created


def test_message(destination: Destination) -> Message:
    wanted = [
        label
        for label, on in (
            ("priority posts when they go live", destination.priority_posts),
            ("campaign starts and milestones", destination.campaigns),
            ("a weekly summary", destination.weekly_summary),
        )
        if on
    ]
    receives = ", ".join(wanted) if wanted else "nothing yet (choose what in Chorus)"
    return Message(
        title="Chorus is connected",
        text=f"This is a test message for “{destination.name}”. This channel receives: {receives}.",
        url=absolute("/share/"),
        link_label="Open the content library",
    )


@transaction.atomic
def destination_test_send(*, destination: Destination, at: datetime | None = None) -> Delivery:
    """Queue a test message to `destination` (active or not): each call is a new message."""
    at = at or timezone.now()
    message = test_message(destination)
    delivery = _delivery_create(
        destination=destination,
        event=Event.TEST,
        key=f"test:{at:%Y%m%dT%H%M%S}:{uuid4().hex[:8]}",
        message=message,
        at=at,
    )
    assert delivery is not None  # noqa: S101 (a fresh random key cannot exist already)
    return delivery


def _claim(delivery_id: int, now: datetime) -> Delivery | None:
    """Take the delivery's next attempt if it is due and nobody else has it."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("destination")
            .filter(
                pk=delivery_id,
                status__in=[Status.PENDING, Status.RETRYING],
                next_attempt_at__lte=now,
            )
            .first()
        )
        if delivery is None:
            return None
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.next_attempt_at = now + LEASE
        delivery.save(update_fields=["attempts", "last_attempt_at", "next_attempt_at"])
    return delivery


def _refusal(delivery: Delivery) -> str:
    """Why this delivery must not be sent at all, or ""."""
    destination = delivery.destination
    if not destination.active and delivery.event != Event.TEST:
        return "Not sent: the channel was switched off."
    try:
        webhook_url_validate(destination.url)
    except ValidationError as error:
        return f"Not sent: {error.messages[0]}"[:300]
    return ""


def delivery_attempt(*, delivery_id: int, at: datetime | None = None) -> str:
    """Make the delivery's next attempt, if it is due; record the platform's answer. On a
    failure worth retrying, the next attempt is set by BACKOFF (or a longer Retry-After)
    and queued for then when the task backend can defer; after MAX_ATTEMPTS, or on an
    answer that another try cannot change (a 4xx such as "no such channel"), it has
    failed. Returns what happened, in a word."""
    now = at or timezone.now()
    delivery = _claim(delivery_id, now)
    if delivery is None:
        return "nothing to send"
    refusal = _refusal(delivery)
    if refusal:
        result = transport.Result(ok=False, status_code=None, error=refusal)
        final = True
    else:
        result = transport.post_json(delivery.destination.url, delivery.payload)
        final = result.ok or not result.retryable or delivery.attempts >= MAX_ATTEMPTS
    done = timezone.now() if at is None else now
    delivery.last_status_code = result.status_code
    delivery.last_response = result.body
    delivery.last_error = result.error
    if result.ok:
        delivery.status, delivery.sent_at, delivery.next_attempt_at = Status.SENT, done, None
    elif final:
        delivery.status, delivery.next_attempt_at = Status.FAILED, None
    else:
        wait = BACKOFF[delivery.attempts - 1]
        if result.retry_after:
            wait = max(wait, timedelta(seconds=min(result.retry_after, 6 * 3600)))
        # From the attempt's start: the schedule holds however long the receiver took.
        delivery.status, delivery.next_attempt_at = Status.RETRYING, now + wait
    with transaction.atomic():
        delivery.save(
            update_fields=[
                "status",
                "sent_at",
                "next_attempt_at",
                "last_status_code",
                "last_response",
                "last_error",
            ]
        )
        if delivery.status == Status.RETRYING:
            pk, when = delivery.pk, delivery.next_attempt_at
            transaction.on_commit(lambda: _enqueue(pk, run_after=when))
    if delivery.status != Status.SENT:
        logger.warning(
            "webhooks: delivery %s to %s: %s (attempt %s)",
            delivery.pk,
            delivery.destination.host,
            delivery.outcome,
            delivery.attempts,
        )
    return delivery.status


def deliveries_retry_due(*, at: datetime | None = None) -> int:
    """Queue every delivery whose next attempt is due (also one whose queueing was lost,
    or whose worker died mid-attempt once its lease ran out). For cron, every minute.
    Returns how many were queued."""
    now = at or timezone.now()
    due = list(
        Delivery.objects.filter(
            status__in=[Status.PENDING, Status.RETRYING], next_attempt_at__lte=now
        ).values_list("pk", flat=True)
    )
    for pk in due:
        _enqueue(pk, at=at)
    return len(due)


__all__ = [
    "BACKOFF",
    "MAX_ATTEMPTS",
    "deliveries_queue",
    "deliveries_retry_due",
    "delivery_attempt",
    "destination_test_send",
]
