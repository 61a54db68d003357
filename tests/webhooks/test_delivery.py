"""Messages reach the recording receiver in each platform's format, once per event, and
a failed or hanging delivery is retried with back-off until it gives up."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sharing.models import SharePostPage
from tests.people.factories import DepartmentFactory
from tests.sharing.factories import post_create
from tests.tasks import DATABASE_TASKS, worker_make
from tests.webhooks.factories import destination_make
from webhooks import transport
from webhooks.models import Delivery, Kind, Status
from webhooks.services import BACKOFF, MAX_ATTEMPTS

pytestmark = pytest.mark.django_db

BASE = "https://chorus.example.com"


def publish_priority_post(callbacks, **fields):
    with callbacks(execute=True):
        return post_create(
            title=fields.pop("title", "Hiring fair on 15 March"),
            priority=True,
            captions={"linkedin": ["Come and meet us."], "x": ["See you there."]},
            **fields,
        )


def retry_at(moment) -> str:
    out = StringIO()
    call_command("webhooks_retry", "--at", moment.isoformat(), stdout=out)
    return out.getvalue()


# Shapes


def test_slack_gets_block_kit_with_a_text_fallback_and_an_absolute_link_back(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver, kind=Kind.SLACK)
    post = publish_priority_post(django_capture_on_commit_callbacks)

    [request] = receiver.requests
    assert request.path == "/slack"
    assert request.headers["Content-Type"].startswith("application/json")
    body = request.json
    link = f"{BASE}{post.url}"
    assert link.startswith(f"{BASE}/") and post.slug in link
    assert "Priority post: Hiring fair on 15 March" in body["text"]
    assert link in body["text"]
    kinds = [block["type"] for block in body["blocks"]]
    assert kinds[0] == "header" and "actions" in kinds
    assert body["blocks"][0]["text"] == {
        "type": "plain_text",
        "text": "Priority post: Hiring fair on 15 March",
    }
    [button] = next(b for b in body["blocks"] if b["type"] == "actions")["elements"]
    assert button["url"] == link
    fields = next(b for b in body["blocks"] if "fields" in b)["fields"]
    assert {"type": "mrkdwn", "text": "*Captions for*\nLinkedIn, X"} in fields
    assert Delivery.objects.get().status == Status.SENT


def test_teams_gets_an_adaptive_card_in_the_workflow_envelope(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver, kind=Kind.TEAMS)
    post = publish_priority_post(django_capture_on_commit_callbacks)

    [request] = receiver.requests
    body = request.json
    assert body["type"] == "message"
    [attachment] = body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.4"
    assert card["body"][0]["text"] == "Priority post: Hiring fair on 15 March"
    assert {"type": "TextBlock", "text": "Something worth sharing.", "wrap": True} in card["body"]
    assert card["actions"] == [
        {"type": "Action.OpenUrl", "title": "Share it from Chorus", "url": f"{BASE}{post.url}"}
    ]


def test_a_title_cannot_ping_a_slack_channel_or_become_a_link(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver, kind=Kind.SLACK)
    publish_priority_post(django_capture_on_commit_callbacks, title="Sale <!channel> & <x|y>")
    body = receiver.requests[0].json
    assert "<!channel>" not in body["text"]
    assert "Sale &lt;!channel&gt; &amp; &lt;x|y&gt;" in body["text"]


# Which events reach which channel, once


def test_publishing_a_priority_post_twice_sends_once(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver)
    post = publish_priority_post(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        SharePostPage.objects.get(pk=post.pk).save_revision().publish()
    assert len(receiver.requests) == 1
    assert Delivery.objects.count() == 1


def test_only_live_priority_posts_reach_only_active_channels_that_want_them(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver, path="/off", active=False)
    destination_make(receiver, path="/no-posts", priority_posts=False)
    destination_make(receiver, path="/yes")
    with django_capture_on_commit_callbacks(execute=True):
        post_create(title="Ordinary")
        post_create(title="Not yet", priority=True, live=False)
    assert receiver.requests == []
    publish_priority_post(django_capture_on_commit_callbacks)
    assert [r.path for r in receiver.requests] == ["/yes"]


def test_nothing_is_sent_before_the_publishing_transaction_commits(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_create(title="Rolled back", priority=True)
    # The delivery is queued in the action's transaction; sending waits for its commit.
    assert receiver.requests == []
    assert Delivery.objects.get().status == Status.PENDING
    assert callbacks  # the send is an on-commit callback, not part of the request


# Failures and retries


def test_a_500_is_kept_and_retried_after_the_backoff_then_succeeds(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver)
    receiver.answer(500, "internal trouble")
    publish_priority_post(django_capture_on_commit_callbacks)

    delivery = Delivery.objects.get()
    assert delivery.status == Status.RETRYING
    assert (delivery.attempts, delivery.last_status_code) == (1, 500)
    assert delivery.last_response == "internal trouble"
    assert delivery.next_attempt_at - delivery.last_attempt_at == BACKOFF[0] == timedelta(minutes=1)

    # Not due yet: nothing is sent early.
    assert "0 deliveries due" in retry_at(delivery.last_attempt_at + timedelta(seconds=30))
    assert len(receiver.requests) == 1
    assert "1 delivery due" in retry_at(delivery.next_attempt_at + timedelta(seconds=1))
    assert len(receiver.requests) == 2
    assert receiver.requests[0].body == receiver.requests[1].body  # the same message
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (Status.SENT, 2, 200)
    assert retry_at(timezone.now() + timedelta(days=1)).startswith("0 deliveries")


def test_a_hanging_receiver_times_out_and_is_retried(
    receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_TIMEOUT = 0.5  # the real one is 5 s (see the next test)
    destination_make(receiver)
    receiver.hang()
    started = time.monotonic()
    publish_priority_post(django_capture_on_commit_callbacks)
    assert time.monotonic() - started < 4

    delivery = Delivery.objects.get()
    assert delivery.status == Status.RETRYING
    assert delivery.last_error == "No answer within 0.5 seconds."
    assert delivery.last_status_code is None

    receiver.hang(False)
    retry_at(delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT
    assert len(receiver.requests) == 2


def test_the_timeout_is_five_seconds():
    assert transport.timeout_seconds() == 5.0


def test_after_five_failed_attempts_the_delivery_has_failed(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver)
    receiver.always(503, "unavailable")
    publish_priority_post(django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    waits = []
    while delivery.status == Status.RETRYING:
        waits.append(delivery.next_attempt_at - delivery.last_attempt_at)
        retry_at(delivery.next_attempt_at)
        delivery.refresh_from_db()
    assert waits == [timedelta(minutes=m) for m in (1, 5, 30, 120)]
    assert MAX_ATTEMPTS == 5
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 5)
    assert delivery.next_attempt_at is None
    assert len(receiver.requests) == 5
    retry_at(timezone.now() + timedelta(days=2))
    assert len(receiver.requests) == 5


def test_an_answer_another_try_cannot_change_is_not_retried(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver)
    receiver.answer(404, "no_service")
    publish_priority_post(django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_status_code, delivery.last_response) == (
        Status.FAILED,
        404,
        "no_service",
    )


def test_slow_down_is_honoured(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver)
    receiver.answer(429, "rate limited")
    publish_priority_post(django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert delivery.status == Status.RETRYING  # without Retry-After: the usual minute
    assert delivery.next_attempt_at - delivery.last_attempt_at == timedelta(minutes=1)


def test_with_the_database_backend_the_worker_sends_and_a_retry_waits_in_the_queue(
    receiver, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    destination_make(receiver)
    receiver.answer(500, "boom")
    publish_priority_post(django_capture_on_commit_callbacks)
    assert receiver.requests == []  # nothing until the worker runs
    ours = DBTaskResult.objects.filter(task_path="webhooks.tasks.webhook_deliver")
    [queued] = ours

    worker = worker_make()
    with django_capture_on_commit_callbacks(execute=True):
        worker.run_task(queued)
    assert len(receiver.requests) == 1
    delivery = Delivery.objects.get()
    [retry] = ours.exclude(pk=queued.pk)
    assert retry.run_after == delivery.next_attempt_at
    assert delivery.next_attempt_at - delivery.last_attempt_at == timedelta(minutes=1)


def test_a_redirect_is_not_followed(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver)
    receiver.answer(302, "")
    publish_priority_post(django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_status_code) == (Status.FAILED, 302)
    assert len(receiver.requests) == 1


def test_a_post_for_some_departments_says_which(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver)
    departments = [DepartmentFactory(name="Sales"), DepartmentFactory(name="Engineering")]
    publish_priority_post(django_capture_on_commit_callbacks, departments=departments)
    fields = next(b for b in receiver.requests[0].json["blocks"] if "fields" in b)["fields"]
    assert {"type": "mrkdwn", "text": "*Best for*\nEngineering, Sales"} in fields
