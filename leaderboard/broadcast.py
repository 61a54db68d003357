"""Live updates: render once, send the same bytes to every subscriber, throttled.

Runs from `transaction.on_commit` only, so nobody sees uncommitted points.

Groups (module constants; consumers subscribe):
  - one per board, `leaderboard.board.<period>.<scope>`: the board fragment, rendered
    once per update and identical for every subscriber;
  - one per person, `leaderboard.user.<id>`: their own "you" lines and badge toasts.

Throttle: at most one send per board (and per person's line) per WINDOW second, with a
trailing send so the last change is on screen within two seconds. The window and the
"trailing send scheduled" flag live in the shared cache (Redis when REDIS_URL is set), so
several daphne processes throttle together: whichever process finds the window taken
schedules the trailing send, once, and renders from the database when it fires, so it
carries every change committed before it.
"""

import asyncio
import contextvars
import logging
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from asgiref.sync import SyncToAsync, async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import close_old_connections, connections

from leaderboard.models import Period

logger = logging.getLogger(__name__)

WINDOW = 1  # seconds; the cache's smallest timeout
BOARD_GROUP = "leaderboard.board.{period}.{scope}"
USER_GROUP = "leaderboard.user.{user_id}"
SCOPES = ("people", "departments")
BOARDS = [(period, scope) for period in Period.values for scope in SCOPES]

_suppressed: ContextVar[bool] = ContextVar("leaderboard_broadcast_suppressed", default=False)


@contextmanager
def suppressed():
    """No broadcasts inside (bulk work nobody watches, e.g. reconcile --fix)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def board_group(period: str, scope: str) -> str:
    return BOARD_GROUP.format(period=period, scope=scope)


def user_group(user_id: int) -> str:
    return USER_GROUP.format(user_id=user_id)


def group_send(group: str, message: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
        if loop is not None and loop.is_running():
            async_to_sync(layer.group_send)(group, message)  # on the server's own loop
        else:
            # A command, worker or timer thread: a loop of our own. (async_to_sync would
            # need a thread pool, which refuses work while the process exits.)
            asyncio.run(layer.group_send(group, message))
    except Exception:  # a lost message is repaired by the client's reconnect reload
        logger.exception("leaderboard broadcast to %s failed", group)


def _send_board(period: str, scope: str) -> None:
    from leaderboard.fragments import board_fragment

    group_send(
        board_group(period, scope), {"type": "board.html", "html": board_fragment(period, scope)}
    )


def _send_personal(user_id: int) -> None:
    from leaderboard.fragments import personal_fragment

    html = personal_fragment(user_id)
    if html:
        group_send(user_group(user_id), {"type": "personal.html", "html": html})


def _run_closing_connections(action: Callable[[], None]) -> None:
    close_old_connections()
    try:
        action()
    finally:
        connections.close_all()


def _schedule(delay: float, action: Callable[[], None]) -> None:
    """Run `action` (sync, may query) after `delay` seconds, off the request."""
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    work = partial(_run_closing_connections, action)
    if loop is not None and loop.is_running():
        # In daphne (or a test's event loop): a timer on the server's loop, then a worker
        # thread for the queries, in a fresh context (not the request's).
        def fire():
            loop.create_task(sync_to_async(work, thread_sensitive=False)())

        loop.call_soon_threadsafe(loop.call_later, delay, fire, context=contextvars.Context())
        return
    # No event loop (a management command, a worker): a timer thread that the process
    # waits for before exiting, so the trailing send is not lost.
    timer = threading.Timer(delay, work)
    timer.daemon = False
    timer.start()


def throttled(key: str, send: Callable[[], None]) -> None:
    """Send now if nothing was sent for `key` in the last WINDOW; otherwise make sure one
    trailing send follows when the window ends."""
    window_key = f"leaderboard:window:{key}"
    trailing_key = f"leaderboard:trailing:{key}"
    if cache.add(window_key, time.time(), WINDOW):
        send()
        return
    if cache.add(trailing_key, 1, WINDOW + 3):
        opened = cache.get(window_key) or time.time()
        delay = min(WINDOW, max(0.05, opened + WINDOW - time.time() + 0.02))
        _schedule(delay, partial(_trailing, key, send))


def _trailing(key: str, send: Callable[[], None]) -> None:
    cache.delete(f"leaderboard:trailing:{key}")
    if cache.add(f"leaderboard:window:{key}", time.time(), WINDOW):
        send()
    else:
        # Someone took the window meanwhile; one more trailing send keeps the guarantee.
        throttled(key, send)


def boards_changed() -> None:
    if _suppressed.get():
        return
    for period, scope in BOARDS:
        throttled(f"board:{period}:{scope}", partial(_send_board, period, scope))


def points_changed(*, user_id: int, award_ids: list[int]) -> None:
    """After commit: every board, the person's own line, and a toast per new badge."""
    if _suppressed.get():
        return
    boards_changed()
    throttled(f"user:{user_id}", partial(_send_personal, user_id))
    if award_ids:
        from leaderboard.fragments import toast_fragment

        for award_id in award_ids:
            html = toast_fragment(award_id)
            if html:
                group_send(user_group(user_id), {"type": "personal.html", "html": html})


def session_ended(*, user_id: int, session_key: str | None) -> None:
    """A person logged out: close that session's sockets."""
    group_send(user_group(user_id), {"type": "session.ended", "session_key": session_key or ""})
