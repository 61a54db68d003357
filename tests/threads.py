"""Races for tests: run actions at the same moment in threads, each on its own database
connection, the way concurrent requests reach PostgreSQL."""

import threading
from collections.abc import Callable
from typing import Any

from django.db import close_old_connections, connection

JOIN_SECONDS = 60


def race(*actions: Callable[[], Any]) -> list[Any]:
    """Start one thread per action, release them together behind a Barrier and wait for
    all. Returns each action's outcome in the order given: its result, or the exception it
    raised. Each thread closes its own connection, so the test database can be dropped."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[Any] = [None] * len(actions)

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # noqa: BLE001 - handed to the test as an outcome
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_SECONDS)
        assert not thread.is_alive(), "a racing action did not finish"
    close_old_connections()
    return outcomes


def run_together(*actions: Callable[[], Any]) -> list[Any]:
    """Like race, for actions that must all succeed: re-raises the first error."""
    outcomes = race(*actions)
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            raise outcome
    return outcomes


def run_many(action: Callable[[], Any], times: int) -> list[Any]:
    """`action` `times` times at once (see run_together)."""
    return run_together(*([action] * times))
