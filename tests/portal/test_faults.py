"""A service that is down costs no page and no committed action: Redis is an empty cache,
the database being unreachable is a 503 with Retry-After, never a traceback."""

import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from policies.models import Acknowledgement
from portal import cache as resilient
from portal.cache import ResilientRedisCache
from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory

# Nothing listens on port 1: a real refused connection, not a mock.
UNREACHABLE = "redis://127.0.0.1:1/0"


@pytest.fixture
def cache_unreachable(settings, monkeypatch):
    monkeypatch.setattr(resilient, "_paused_until", {})
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": UNREACHABLE,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_an_unreachable_redis_is_an_empty_cache(monkeypatch, caplog):
    monkeypatch.setattr(resilient, "_paused_until", {})
    cache = ResilientRedisCache(UNREACHABLE, {})
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        cache.set("k", 1)
        assert cache.get("k") is None
        assert cache.get("k", "fallback") == "fallback"
        assert cache.add("k", 1) is False
        assert cache.get_many(["k", "l"]) == {}
        assert cache.set_many({"k": 1, "l": 2}) == ["k", "l"]
        assert cache.get_or_set("k", 7) == 7
        assert cache.has_key("k") is False
        assert cache.delete("k") is False
        cache.delete_many(["k"])
        with pytest.raises(ValueError, match="not found"):
            cache.incr("k")
    # One warning per pause, not one per call.
    assert [r.levelname for r in caplog.records] == ["WARNING"]


def test_the_cache_comes_back_by_itself_when_redis_does(redis_layer, monkeypatch):
    from django.conf import settings

    monkeypatch.setattr(resilient, "_paused_until", {})
    cache = ResilientRedisCache(
        settings.REDIS_URL, {"KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"]}
    )
    resilient._paused_until[cache._server_key()] = 0.0  # the pause after a failure is over
    cache.set("back", 1, 30)
    try:
        assert cache.get("back") == 1
    finally:
        cache.delete("back")


@pytest.mark.django_db
def test_pages_render_and_acknowledgements_commit_with_redis_gone(cache_unreachable):
    policy = PolicyPageFactory()
    person = UserFactory()
    client = Client()
    client.force_login(person)
    assert client.get("/").status_code == 200
    assert client.get(policy.url).status_code == 200
    response = client.post(
        f"/policies/{policy.pk}/acknowledge/",
        {"confirm": "on", "version": policy.version, "revision": policy.live_revision_id},
    )
    assert response.status_code in (200, 302)
    assert Acknowledgement.objects.filter(user=person, policy=policy).count() == 1


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as it does when PostgreSQL is stopped (connection refused)."""

    def refused(self):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refused)


def _get_in_a_thread(client: Client, path: str):
    # A request thread of its own, as daphne gives: after the browser tests, Playwright's
    # event loop is still running on the main thread, where Django refuses queries.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(client.get, path).result()


def test_a_page_is_503_with_retry_after_when_the_database_is_down(database_down):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-the-middleware-must-load"
    response = _get_in_a_thread(client, "/")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    text = response.content.decode()
    assert "Back in a moment" in text
    assert "nothing you sent was saved" in text
    assert "Traceback" not in text


def test_healthz_is_json_503_when_the_database_is_down_before_the_view(database_down):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-the-middleware-must-load"
    response = _get_in_a_thread(client, "/healthz")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response.json()["failing"] == ["database"]


def test_only_a_database_that_is_unreachable_becomes_503():
    from portal import faults

    assert faults.database_unavailable(RuntimeError("a bug")) is False
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = OperationalError("server closed the connection unexpectedly")
    assert faults.database_unavailable(wrapped) is True


def test_postgresql_connections_come_from_a_bounded_pool_sized_from_the_environment():
    import json
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DATABASE_URL": "postgres://chorus@db.example:5432/chorus",
        "DATABASE_POOL_MAX_SIZE": "7",
        "SECRET_KEY": "x" * 50,
    }
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, portal.settings.base as s;"
            "print(json.dumps(s.DATABASES['default'], default=str))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    database = json.loads(printed)
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["pool"]["max_size"] == 7
    assert database["OPTIONS"]["pool"]["timeout"] <= 2  # a 503 within 2 s when it is down
