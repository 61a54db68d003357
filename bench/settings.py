"""Settings for `make bench`: the test settings on the bench's own database and Redis prefix,
plus the floor views and a server-side query counter.

The bench never touches the development or test databases: SQLite goes to
db/bench/<scale>.sqlite3, PostgreSQL to BENCH_DATABASE_URL, Redis (BENCH_REDIS_URL) under
the `chorus-bench` prefix, or BENCH_REDIS_PREFIX for a run beside another on the same Redis.
The environment is rewritten before the test settings read it, so the daphne processes
the bench starts (which import this module too) agree.
"""

import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "db" / "bench"
REDIS_PREFIX = os.environ.get("BENCH_REDIS_PREFIX") or "chorus-bench"

if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)
    scale = os.environ.get("BENCH_SCALE", "small")
    os.environ["SQLITE_PATH"] = str(DATA_DIR / f"{scale}.sqlite3")
if os.environ.get("BENCH_REDIS_URL"):
    os.environ["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    os.environ["REDIS_PREFIX"] = REDIS_PREFIX
else:
    os.environ.pop("REDIS_URL", None)

from portal.settings.test import *  # noqa: E402, F403
from portal.settings.test import MIDDLEWARE  # noqa: E402

ROOT_URLCONF = "bench.urls"
# Outermost, so the count includes the session save and everything the view commits.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
