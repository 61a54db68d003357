"""The click writers of one process on SQLite, in turn (sharing.services.clicks)."""

import threading
from collections import deque
from contextlib import contextmanager

from django.db import connection


# SQLite has one writer at a time, and a writer that finds the database locked sleeps and
# tries again (Python's sqlite3 busy handler backs off to 100 ms between tries), so at 16
# concurrent clicks a few waited seconds while later ones went by. The clicks of one
# process (daphne runs each request's view in a thread of its own) queue on this lock
# instead, in the order they came (threading.Lock wakes any waiter, and under load some
# still waited ten times as long as others), and each finds SQLite's write lock free once
# it holds this one.
class _InTurn:
    """A lock handed to its waiters first come, first served."""

    def __init__(self):
        self._guard = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._held = False

    def __enter__(self):
        with self._guard:
            if not self._held:
                self._held = True
                return
            turn = threading.Event()
            self._waiting.append(turn)
        turn.wait()  # handed over by __exit__: held from here

    def __exit__(self, *exc):
        with self._guard:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._held = False


_click_writer = _InTurn()


@contextmanager
def one_writer():
    """On SQLite, outside any caller's transaction: hold the process's click-writer lock
    (inside one, this thread may hold SQLite's lock already, and waiting here could
    deadlock with a thread that holds this lock and waits for SQLite's)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with _click_writer:
        yield
