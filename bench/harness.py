"""Shared pieces for benchmarks: a throwaway database, timing, query counting."""

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext, setup_test_environment


@dataclass(frozen=True)
class Figure:
    metric: str
    value: float
    unit: str
    floor: float
    n: int

    def as_dict(self) -> dict:
        return {
            "metric": self.metric,
            "value": round(self.value, 3),
            "unit": self.unit,
            "floor": self.floor,
            "ratio": round(self.value / self.floor, 3) if self.floor else 0.0,
            "n": self.n,
        }


@contextmanager
def bench_database() -> Iterator[None]:
    """A fresh test database (SQLite in memory, or DATABASE_URL's server), removed after."""
    from django.conf import settings
    from django.test.utils import get_runner

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        yield
    finally:
        runner.teardown_databases(old_config)


def time_ms(action: Callable[[], object], *, n: int, warmup: int = 3) -> float:
    """Median wall time of `action` in milliseconds over n runs."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def count_queries(action: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)
