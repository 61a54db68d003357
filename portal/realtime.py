"""Live pushes over Channels: the one home of group names, "send after commit", the
throttle and the consumer both live sockets are built on.

Messages are disposable: a page that reconnects loads the truth over HTTP, so a failed
send is logged and dropped, never raised into the action that caused it.

Groups:
  - `leaderboard.board.<period>.<scope>`: one per board, identical bytes for everyone;
  - `leaderboard.user.<id>`: a person's own leaderboard line and badge toasts;
  - `notify.user.<id>`: a person's bell and notification toasts;
  - `session.user.<id>`: every socket of a person, so logging out closes them.

Every message is `{"type": "push.html", "html": ...}` (forwarded as it is) or
`{"type": "session.ended", "session_key": ...}`.
"""

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from urllib.parse import parse_qs

from asgiref.sync import async_to_sync
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import close_old_connections, connections, transaction

logger = logging.getLogger(__name__)

WINDOW = 1  # seconds between two sends of one throttled key; the cache's smallest timeout
SEND_TIMEOUT = 5  # seconds a send from a worker thread may wait for the server's loop
CLOSE_UNAUTHORISED = 4401

_suppressed: ContextVar[bool] = ContextVar("realtime_suppressed", default=False)
# The event loop this process serves sockets on, remembered by the first socket that
# connects: the in-memory layer's queues belong to it, so sends from other threads go there.
_server_loop: asyncio.AbstractEventLoop | None = None


def board_group(period: str, scope: str) -> str:
    return f"leaderboard.board.{period}.{scope}"


def person_group(user_id: int) -> str:
    return f"leaderboard.user.{user_id}"


def notify_group(user_id: int) -> str:
    return f"notify.user.{user_id}"


def session_group(user_id: int) -> str:
    return f"session.user.{user_id}"


def html_message(html: str) -> dict:
    return {"type": "push.html", "html": html}


@contextmanager
def suppressed() -> Iterator[None]:
    """No pushes inside (bulk work nobody watches: seeding, reconcile --fix, tests)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def is_suppressed() -> bool:
    return _suppressed.get()


def _loop_elsewhere() -> asyncio.AbstractEventLoop | None:
    loop = _server_loop
    if loop is None or not loop.is_running():
        return None
    try:
        if asyncio.get_running_loop() is loop:
            return None
    except RuntimeError:
        pass  # no loop in this thread: the usual case for sync code
    return loop


def group_send(group: str, message: dict) -> None:
    """Send `message` to everyone in `group` from sync code; failures are logged."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        loop = _loop_elsewhere()
        if loop is not None:
            future = asyncio.run_coroutine_threadsafe(layer.group_send(group, message), loop)
            future.result(SEND_TIMEOUT)
        else:
            async_to_sync(layer.group_send)(group, message)
    except Exception:  # a lost message is repaired by the client's reconnect reload
        logger.exception("realtime: send to %s failed", group)


def send_on_commit(action: Callable[[], None]) -> None:
    """Run `action` (which renders and sends) after the current transaction commits, so
    nobody sees uncommitted state; nothing is sent when it rolls back or when suppressed."""
    if is_suppressed():
        return
    transaction.on_commit(action)


def _run_closing_connections(action: Callable[[], None]) -> None:
    close_old_connections()
    try:
        action()
    except Exception:
        logger.exception("realtime: delayed send failed")
    finally:
        connections.close_all()


def _schedule(delay: float, action: Callable[[], None]) -> None:
    """Run `action` (sync, may query) after `delay` seconds on a daemon thread: it never
    holds up a request or the process's exit (a push lost at exit is repaired on reload)."""
    timer = threading.Timer(delay, _run_closing_connections, args=[action])
    timer.daemon = True
    timer.start()


def throttled(key: str, send: Callable[[], None]) -> None:
    """Send now if nothing was sent for `key` in the last WINDOW; otherwise make sure one
    trailing send follows when the window ends.

    The window and the "trailing send scheduled" flag live in the shared cache (Redis with
    REDIS_URL), so several processes throttle together: whichever finds the window taken
    schedules the trailing send, once, and it renders from the database when it fires.
    """
    window_key = f"realtime:window:{key}"
    trailing_key = f"realtime:trailing:{key}"
    if cache.add(window_key, time.time(), WINDOW):
        send()
        return
    if cache.add(trailing_key, 1, WINDOW + 3):
        opened = cache.get(window_key) or time.time()
        delay = min(WINDOW, max(0.05, opened + WINDOW - time.time() + 0.02))
        _schedule(delay, partial(_trailing, key, send))


def _trailing(key: str, send: Callable[[], None]) -> None:
    cache.delete(f"realtime:trailing:{key}")
    if cache.add(f"realtime:window:{key}", time.time(), WINDOW):
        send()
    else:
        # Someone took the window meanwhile; one more trailing send keeps the guarantee.
        throttled(key, send)


def session_ended(*, user_id: int, session_key: str | None) -> None:
    """A person logged out: close that session's sockets (all of them, any app's)."""
    group_send(session_group(user_id), {"type": "session.ended", "session_key": session_key or ""})


class PushConsumer(AsyncWebsocketConsumer):
    """A socket that only listens: it joins its groups and forwards pushed HTML.

    Refused before accept when the person is not logged in or the handshake has no Origin
    (AllowedHostsOriginValidator in portal/asgi.py refuses a foreign one). No database work
    per message: everything sent was rendered once by the sender. Subclasses say which
    groups a socket joins.
    """

    def push_groups(self, user, params: dict[str, list[str]]) -> list[str]:
        raise NotImplementedError

    async def connect(self):
        global _server_loop
        self.joined: list[str] = []
        user = self.scope.get("user")
        headers = dict(self.scope.get("headers") or [])
        if user is None or not user.is_authenticated or not headers.get(b"origin"):
            await self.close(code=CLOSE_UNAUTHORISED)
            return
        _server_loop = asyncio.get_running_loop()
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None) or ""
        params = parse_qs(self.scope.get("query_string", b"").decode())
        self.joined = [session_group(user.pk), *self.push_groups(user, params)]
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        """Clients send nothing the server needs; anything that arrives is ignored."""

    async def push_html(self, event):
        await self.send(text_data=event["html"])

    async def session_ended(self, event):
        if not event.get("session_key") or event["session_key"] == self.session_key:
            await self.close(code=CLOSE_UNAUTHORISED)
