"""A push a request causes renders after that request's response has gone, so the person
who acted never shares the interpreter with the rendering their action caused
(portal.realtime.responding); a slow request holds its pushes at most HOLD seconds."""

import asyncio
import threading
import time
from itertools import count

import pytest
from asgiref.sync import sync_to_async

from leaderboard import broadcast
from portal.asgi import application
from portal.realtime import pushes_after_response, suppressed
from portal.realtime.broadcaster import broadcaster
from portal.realtime.responding import HOLD
from sharing import views as sharing_views
from sharing.services import share_create
from tests.sharing.factories import advocate_make, post_create

_keys = count()
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


def _request_scope(path: str = "/", headers=()) -> dict:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"testserver"), *headers],
        "client": ("203.0.113.9", 50000), "server": ("testserver", 80),
    }  # fmt: skip


async def _serve(app, scope: dict) -> tuple[list[dict], dict[str, float]]:
    """Run one request through `app`; the messages it sent and when its body went."""
    sent, times = [], {}
    received = False

    async def receive():
        nonlocal received
        if not received:
            received = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)  # the client stays

    async def send(message):
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            times["body"] = time.monotonic()

    await app(scope, receive, send)
    return sent, times


def _until(event: threading.Event) -> None:
    assert event.wait(5), "the push never ran"


def _app_that_pushes(*, key: str, ran: dict, then_wait: float):
    """A view that pushes `key` from its own thread (as a Django view's after-commit does),
    then takes `then_wait` seconds more before its response."""

    def view():
        broadcaster.push(key, lambda window: (ran.setdefault("at", time.monotonic()), done.set()))
        time.sleep(then_wait)

    done = threading.Event()

    async def app(scope, receive, send):
        await receive()
        await sync_to_async(view)()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    return app, done


def test_a_push_waits_until_the_response_that_caused_it_has_gone():
    ran = {}
    key = f"responding-test-{next(_keys)}"
    inner, done = _app_that_pushes(key=key, ran=ran, then_wait=HOLD / 2)
    _, times = asyncio.run(_serve(pushes_after_response(inner), _request_scope()))
    _until(done)
    assert ran["at"] >= times["body"]


def test_without_the_wrapper_the_push_runs_while_the_request_is_still_working():
    """The check above can fail: unwrapped, the broadcaster runs the push at once."""
    ran = {}
    key = f"responding-test-{next(_keys)}"
    inner, done = _app_that_pushes(key=key, ran=ran, then_wait=HOLD / 2)
    _, times = asyncio.run(_serve(inner, _request_scope()))
    _until(done)
    assert ran["at"] < times["body"]


def test_a_slow_request_holds_its_push_no_longer_than_hold():
    ran = {}
    key = f"responding-test-{next(_keys)}"
    inner, done = _app_that_pushes(key=key, ran=ran, then_wait=HOLD * 10)
    _, times = asyncio.run(_serve(pushes_after_response(inner), _request_scope()))
    _until(done)
    assert ran["at"] < times["body"]


def test_a_push_made_outside_any_request_is_not_held():
    ran = {}
    done = threading.Event()
    started = time.monotonic()
    key = f"responding-test-{next(_keys)}"
    broadcaster.push(key, lambda window: (ran.setdefault("at", time.monotonic()), done.set()))
    _until(done)
    assert ran["at"] - started < HOLD


@pytest.mark.django_db(transaction=True)
@pytest.mark.broadcasts
def test_a_credited_click_through_the_portal_answers_before_its_boards_render(monkeypatch):
    with suppressed():  # the click's push must be the first of its window
        share = share_create(
            user=advocate_make(), post=post_create(), platform="linkedin", text="Our news"
        ).share
    rendered = {}
    done = threading.Event()

    def push_now(window: int = 0) -> None:
        rendered.setdefault("at", time.monotonic())
        done.set()

    monkeypatch.setattr(broadcast, "push_now", push_now)
    record = sharing_views.click_record

    def click_then_more_work(**kwargs):
        outcome = record(**kwargs)  # committed: its push is queued
        time.sleep(HOLD / 2)  # the rest of the response (the view, its middleware)
        return outcome

    monkeypatch.setattr(sharing_views, "click_record", click_then_more_work)
    scope = _request_scope(f"/l/{share.code}", headers=[(b"user-agent", CHROME.encode())])
    sent, times = asyncio.run(_serve(application, scope))
    assert sent[0]["status"] == 302
    _until(done)
    assert rendered["at"] >= times["body"]
