"""Two workers (or the task's own retry and `webhooks_retry`) on the same delivery at
the same moment: the message is posted once. PostgreSQL only (row locks)."""

from django.utils import timezone

from tests.threads import race
from tests.webhooks.factories import destination_make
from webhooks.messages import Message, payload_for
from webhooks.models import Delivery, Status
from webhooks.services import delivery_attempt


def test_two_workers_on_one_delivery_post_it_once(postgres, receiver):
    destination = destination_make(receiver)
    message = Message(title="Once", text="Only once.", url="https://chorus.example.com/")
    delivery = Delivery.objects.create(
        destination=destination,
        event="test",
        event_key="race",
        summary="Once",
        payload=payload_for(destination.kind, message),
        next_attempt_at=timezone.now(),
    )
    outcomes = race(*[lambda: delivery_attempt(delivery_id=delivery.pk)] * 4)
    assert sorted(outcomes) == ["nothing to send"] * 3 + [Status.SENT]
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.SENT, 1)
