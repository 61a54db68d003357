"""Suite-wide fixtures and the rules for which services a run must have.

By default the suite runs on SQLite with the in-memory channel layer. With DATABASE_URL
and REDIS_URL set it runs on PostgreSQL and Redis instead; with REQUIRE_SERVICES=1 a
missing service is a failure, not a skip.
"""

import os

import pytest
from django.conf import settings
from django.db import connection

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def pytest_configure(config):
    module = settings.SETTINGS_MODULE
    if module != "portal.settings.test":
        raise pytest.UsageError(
            f"The suite must run with portal.settings.test, not {module} "
            "(is DJANGO_SETTINGS_MODULE exported in this shell?)."
        )
    if REQUIRE_SERVICES:
        missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not os.environ.get(name)]
        if missing:
            raise pytest.UsageError(
                f"REQUIRE_SERVICES=1 but {', '.join(missing)} is not set: "
                "this run must use PostgreSQL and Redis."
            )


def _require(condition: bool, reason: str):
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1 makes this a failure)")
    pytest.skip(reason)


@pytest.fixture
def postgres(transactional_db):
    """For races that only a real database shows: PostgreSQL, transactional."""
    _require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def redis_layer():
    _require(bool(settings.REDIS_URL), "needs Redis (set REDIS_URL)")


@pytest.fixture(autouse=True)
def _quiet_leaderboard_broadcasts(request):
    """Leaderboard pushes run only in tests that listen for them (marked `broadcasts`).

    Elsewhere a trailing push, timed a second after a change, would outlive its test and
    query the database in the middle of the next one.
    """
    from portal.realtime.broadcaster import broadcaster

    # What the last test queued goes out (or is given up) first: a trailing board from it
    # would otherwise reach this test's sockets. And a send that failed as that test's
    # event loop closed must not pause this test's sends (the broadcaster drops sends for
    # a second after a failure).
    broadcaster.flush(timeout=3)
    broadcaster.paused_until = 0.0
    if request.node.get_closest_marker("broadcasts"):
        yield
        return
    from portal.realtime import suppressed

    with suppressed():
        yield


def cache_clear() -> None:
    """Empty this run's cache. On Redis only the keys under this run's prefix go:
    Django's RedisCache.clear() is FLUSHDB, which would wipe everyone else sharing the
    server (other runs' caches and channel-layer groups, so their live pushes vanish)."""
    from django.core.cache import cache

    if not settings.REDIS_URL:
        cache.clear()
        return
    client = cache._cache.get_client(None, write=True)
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])


@pytest.fixture(autouse=True)
def _clear_cache():
    cache_clear()
    yield
    cache_clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
