"""One broadcaster thread per process: every push is rendered and sent here, never in the
request (or task) that caused it.

The request's part is a dict write and a notify: `push(key, action)` marks `key` as
changed, `send(group, message)` queues a message, `run_soon(action)` queues one-off work.
The thread then asks the shared window (portal.realtime.window) whether it may push `key`
now, runs `action(window)` when it may (it renders from the database once, and sends), and
otherwise tries again when the window closes, until a push that rendered after the change
has gone out. A push whose render fails (the database pool empty, PostgreSQL restarting)
is tried again a second later, a few times: otherwise its change would wait for the next
one. A send that fails is logged and dropped: messages are disposable. A push made while an
HTTP request is being served waits for that request's response (portal.realtime.responding):
the render would otherwise share the interpreter with the response it was caused by.
"""

import asyncio
import atexit
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import close_old_connections, connections

from portal.realtime import presence
from portal.realtime.responding import HOLD, Hold, responding
from portal.realtime.window import windows_for_this_process

logger = logging.getLogger(__name__)

SEND_TIMEOUT = 2  # seconds one send may take before it is given up
PAUSE = 1.0  # seconds sends are dropped after one failed (Redis away: no backlog builds)
RETRY_AFTER = 1.0  # seconds before a push whose render failed is tried again
RETRIES = 5  # then it waits for the next change


@dataclass
class Pending:
    action: Callable[[int], None]
    due: float
    need: int = 0
    failures: int = 0
    held: bool = False  # waiting for the response of the request that pushed it
    earliest: float = 0.0  # not before this, held or not (the push's delay)


class Broadcaster:
    def __init__(self):
        self.cond = threading.Condition()
        self.sends: deque[tuple[str, dict]] = deque()
        self.jobs: deque[Callable[[], None]] = deque()
        self.pending: dict[str, Pending] = {}
        self.thread: threading.Thread | None = None
        self.server_loop: asyncio.AbstractEventLoop | None = None
        self.windows = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.paused_until = 0.0
        self.next_refresh = 0.0
        self.busy = False  # a batch taken off the queues is being delivered

    # The request side: no I/O, no waiting.

    def _wake(self) -> None:
        if self.thread is None or not self.thread.is_alive():
            if self.thread is None:
                atexit.register(self.flush)
            self.thread = threading.Thread(target=self._run, name="realtime", daemon=True)
            self.thread.start()
        self.cond.notify_all()

    def flush(self, timeout: float = 3.0) -> None:
        """Wait, bounded, until what was queued has gone out. Registered at exit: a
        short-lived process (the cron command that deactivates leavers) would otherwise end
        before its "close this person's sockets" message left the daemon thread."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while self.sends or self.jobs or self.pending or self.busy:
                if self.thread is None or not self.thread.is_alive():
                    return
                left = deadline - time.monotonic()
                if left <= 0:
                    logger.warning("realtime: exiting with pushes still queued")
                    return
                self.cond.wait(min(left, 0.05))

    def send(self, group: str, message: dict) -> None:
        # The group rides along: each process's hub has one channel for all its groups.
        with self.cond:
            self.sends.append((group, {**message, "group": group}))
            self._wake()

    def run_soon(self, action: Callable[[], None]) -> None:
        with self.cond:
            self.jobs.append(action)
            self._wake()

    def push(self, key: str, action: Callable[[int], None], delay: float = 0.0) -> None:
        hold = responding.get()
        with self.cond:
            if hold is not None and hold.done:
                hold = None
            waiting = self.pending.get(key)
            if waiting is None:
                earliest = time.monotonic() + delay
                due = max(earliest, time.monotonic() + HOLD) if hold else earliest
                self.pending[key] = Pending(
                    action=action, due=due, held=hold is not None, earliest=earliest
                )
            else:
                waiting.action, waiting.need = action, 0  # a new change: re-evaluate
            if hold is not None:
                hold.keys.add(key)
            self._wake()

    def release(self, hold: Hold) -> None:
        """The response of the request that made `hold`'s pushes has gone: they are due
        (portal.realtime.responding)."""
        with self.cond:
            hold.done = True
            for key in hold.keys:
                waiting = self.pending.get(key)
                if waiting is not None and waiting.held:
                    waiting.held = False
                    waiting.due = max(time.monotonic(), waiting.earliest)
            if hold.keys:
                self.cond.notify_all()

    # The thread.

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.windows = windows_for_this_process()
        while True:
            sends, jobs, due = self._next_batch()
            self._deliver(sends)
            for job in jobs:
                self._with_database(job)
            for key, waiting in due:
                self._attempt(key, waiting)
                self._deliver(self._queued())  # this push's sends before the next renders
            with self.cond:
                self.busy = False
                self.cond.notify_all()
            if time.monotonic() >= self.next_refresh:
                self.next_refresh = time.monotonic() + presence.REFRESH
                presence.refresh()

    def _next_batch(self):
        with self.cond:
            while True:
                now = time.monotonic()
                due = [(k, p) for k, p in self.pending.items() if p.due <= now]
                if self.sends or self.jobs or due or now >= self.next_refresh:
                    break
                soonest = min((p.due for p in self.pending.values()), default=now + 60)
                self.cond.wait(max(0.005, min(soonest, self.next_refresh) - now))
            for key, _ in due:
                del self.pending[key]
            sends, jobs = list(self.sends), list(self.jobs)
            self.sends.clear()
            self.jobs.clear()
            self.busy = bool(sends or jobs or due)
            return sends, jobs, due

    def _queued(self) -> list[tuple[str, dict]]:
        with self.cond:
            sends = list(self.sends)
            self.sends.clear()
            return sends

    def _attempt(self, key: str, waiting: Pending) -> None:
        attempt = self.windows.take(key, waiting.need)
        if attempt.window:
            done = self._with_database(lambda: waiting.action(attempt.window))
            self.windows.finish(key, attempt.window)
            if not done:
                self._retry(key, waiting)
        elif attempt.wait:
            with self.cond:
                newer = self.pending.get(key)
                if newer is None:  # try again when this window closes
                    need = waiting.need or attempt.need
                    due = time.monotonic() + attempt.wait + 0.005
                    self.pending[key] = Pending(action=waiting.action, due=due, need=need)
                else:  # a change arrived meanwhile: it waits for the same window end
                    newer.due = max(newer.due, time.monotonic() + attempt.wait + 0.005)

    def _retry(self, key: str, waiting: Pending) -> None:
        """The push rendered nothing: try it again shortly, unless a newer change already
        waits (it renders everything anew) or it has failed RETRIES times."""
        if waiting.failures + 1 >= RETRIES:
            logger.warning("realtime: giving up on %s until its next change", key)
            return
        with self.cond:
            if key not in self.pending:
                self.pending[key] = Pending(
                    action=waiting.action,
                    due=time.monotonic() + RETRY_AFTER,
                    failures=waiting.failures + 1,
                )

    def _with_database(self, action: Callable[[], None]) -> bool:
        close_old_connections()
        try:
            action()
            return True
        except Exception:
            logger.exception("realtime: a push failed")
            return False
        finally:
            connections.close_all()  # hand the connection back (pooled on PostgreSQL)

    def _deliver(self, sends: list[tuple[str, dict]]) -> None:
        """Send a batch in order: over Redis in one run of this thread's loop (a push's
        personal lines are hundreds of sends; a loop run each cost more than the sends)."""
        if not sends or time.monotonic() < self.paused_until:
            return
        layer = get_channel_layer()
        if layer is None:
            return
        if isinstance(layer, InMemoryChannelLayer):
            # Its queues belong to the loop the sockets are served on, if any.
            loop = self.server_loop
            if loop is None or not loop.is_running():
                return
            for group, message in sends:
                future = asyncio.run_coroutine_threadsafe(layer.group_send(group, message), loop)
                try:
                    future.result(SEND_TIMEOUT)
                except Exception as error:  # a lost message is repaired by the client's reload
                    self._failed(group, error)
                    return
            return
        self.loop.run_until_complete(self._send_all(layer, sends))

    async def _send_all(self, layer, sends: list[tuple[str, dict]]) -> None:
        for group, message in sends:
            try:
                await asyncio.wait_for(layer.group_send(group, message), SEND_TIMEOUT)
            except Exception as error:  # a lost message is repaired by the client's reload
                self._failed(group, error)
                return

    def _failed(self, group: str, error: Exception) -> None:
        """Drop the rest of the batch and whatever comes for PAUSE seconds: no backlog."""
        self.paused_until = time.monotonic() + PAUSE
        logger.warning("realtime: send to %s failed (%r); dropping for %ss", group, error, PAUSE)


broadcaster = Broadcaster()
