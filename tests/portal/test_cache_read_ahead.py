"""The keys most pages read come with the page's routing, in one Redis round trip, and a
request reads its own writes to them (portal.cache's read-ahead; on the real Redis)."""

import uuid

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from policies.selectors import CURRENT_VERSIONS_CACHE_KEY
from portal import cache as resilient
from portal.cache import ResilientRedisCache
from portal.extensions import cache_read_ahead_keys
from portal.request_memo import RequestMemoMiddleware
from tests.people.factories import UserFactory


def _in_a_request(action):
    """`action()` as a view runs it: inside the request memo."""
    return RequestMemoMiddleware(lambda request: action())(None)


@pytest.fixture
def calls(monkeypatch):
    """Every cache operation that goes to Redis by itself (the read-ahead's MGET does not
    pass here), as (operation, keys)."""
    seen = []
    original = ResilientRedisCache._call

    def recording(self, operation, fallback, *args):
        keys = args[0] if args and isinstance(args[0], list | tuple | dict) else args[:1]
        seen.append((operation, list(keys)))
        return original(self, operation, fallback, *args)

    monkeypatch.setattr(ResilientRedisCache, "_call", recording)
    return seen


@pytest.fixture
def key():
    name = f"read-ahead-{uuid.uuid4().hex[:12]}"
    yield name
    cache.delete(name)


def _redis_set(key: str, value) -> None:
    """Write `key` as another process would: its own connection, Django's key and pickle."""
    made = cache.make_and_validate_key(key)
    raw = redis.Redis.from_url(settings.REDIS_URL)
    try:
        raw.set(made, cache._cache._serializer.dumps(value), ex=30)
    finally:
        raw.close()


@pytest.mark.django_db
def test_the_dashboard_reads_no_read_ahead_key_by_itself(redis_layer, calls):
    client = Client()
    client.force_login(UserFactory(first_name="Ada"))
    assert client.get("/").status_code == 200  # fills the cache
    calls.clear()
    response = client.get("/")
    assert response.status_code == 200 and "Hello, Ada" in response.content.decode()
    ahead = {name for name, _ in cache_read_ahead_keys()}
    assert CURRENT_VERSIONS_CACHE_KEY in ahead  # the policies banner, on every page
    alone = [(op, keys) for op, keys in calls if ahead & set(keys)]
    assert alone == []
    # Before, the dashboard read nine keys in nine round trips; the rest now are the
    # courses' steps (per course) and the routing's own write-backs, if any.
    assert len([op for op, _ in calls if op.startswith("get")]) <= 2


def test_a_request_reads_its_own_write_to_a_key_read_ahead(redis_layer, key):
    _redis_set(key, "before")

    def request():
        assert cache.get_many_reading_ahead([], [(key, None)]) == {}
        seen = [cache.get(key)]
        cache.set(key, "written", 30)
        seen.append(cache.get(key))
        cache.delete(key)
        seen.append(cache.get(key, "gone"))
        return seen

    assert _in_a_request(request) == ["before", "written", "gone"]


def test_what_was_read_ahead_is_kept_for_its_request_only(redis_layer, key, calls):
    _redis_set(key, 1)

    def request():
        cache.get_many_reading_ahead([], [(key, None)])
        _redis_set(key, 2)  # another process writes meanwhile
        return cache.get(key), cache.get_many([key]), cache.has_key(key)

    assert _in_a_request(request) == (1, {key: 1}, True)  # as read ahead, no round trip
    assert not [keys for op, keys in calls if key in keys and op != "set"]
    assert cache.get(key) == 2  # the next request reads Redis again
    cache.get_many_reading_ahead([], [(key, None)])  # outside a request: nothing kept
    _redis_set(key, 3)
    assert cache.get(key) == 3


def test_a_key_redis_does_not_hold_is_read_ahead_as_missing(redis_layer, key, calls):
    def request():
        cache.get_many_reading_ahead([], [(key, None)])
        return cache.get(key, "default"), cache.get_many([key]), cache.has_key(key)

    assert _in_a_request(request) == ("default", {}, False)
    assert not [keys for op, keys in calls if key in keys]


def test_the_read_ahead_is_a_miss_when_redis_is_unreachable(monkeypatch):
    monkeypatch.setattr(resilient, "_paused_until", {})
    unreachable = ResilientRedisCache("redis://127.0.0.1:1/0", {})
    found = _in_a_request(lambda: unreachable.get_many_reading_ahead(["a"], [("b", None)]))
    assert found == {}
    assert unreachable._server_key() in resilient._paused_until  # paused, as any failure


def test_a_cache_without_the_read_ahead_answers_get_many(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import caches

    local = caches["default"]
    local.set("plain", 1)
    assert resilient.get_many_reading_ahead(local, ["plain", "absent"]) == {"plain": 1}
