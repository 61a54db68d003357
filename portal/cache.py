"""The cache on Redis, for which an unreachable Redis is an empty cache, never an error.

The database is the only source of truth and everything in the cache can be recomputed
from it, so when Redis is stopped, restarting or flushed a page must still render and an
action must still commit: reads are misses, writes are dropped, and the failure is logged
(once per pause, not once per call). After a failure Redis is left alone for
`PAUSE_SECONDS`, so a page that reads the cache twenty times pays for one failed
connection, not twenty; the first call after the pause tries again, so the cache comes
back by itself when Redis does, with no restart.

Django's own `RedisCache` underneath (rather than django-redis and its
`IGNORE_EXCEPTIONS`): no second client library, and `cache._cache.get_client()` stays
the one the tests and the realtime module already use.

A page reads a handful of keys that nearly every page reads (the site's root paths, the
navigation, the current policies, the outline's generation), each a round trip of 0.2–0.5
ms on a busy machine: nine on the dashboard. `get_many_reading_ahead` fetches them with
the routing's own keys in one MGET and keeps their raw values for the rest of the request
(in the request memo), so those reads cost no round trip; a write to one of them in the
same request drops what was kept, so the request reads its own write. Outside a request
nothing is kept.

One connection pool per process, not per request. Django keeps a cache backend per
thread, and under ASGI per request context, and each new `RedisCache` builds its own
client with its own pool; `get_client()` also builds a `redis.Redis` for every call. On
daphne that was a new Redis connection for every request, left open until the garbage
collector found it (23 connections after 60 dashboard requests), and some 0.1 ms of
client set-up per cache call. Here every backend of a process shares one client per
server list and options, and its `redis.Redis` objects, which are thread-safe.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.retry import Retry

from portal import request_memo
from portal.extensions import cache_read_ahead_keys

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 1.0
_AHEAD = ("portal.cache", "read-ahead")  # the request memo's key for the kept values
_NOT_KEPT = object()

# Django keeps one backend instance per thread, so the pause is shared per server here.
_paused_until: dict[str, float] = {}
_lock = threading.Lock()


_clients: dict[tuple, "SharedRedisCacheClient"] = {}


class SharedRedisCacheClient(RedisCacheClient):
    """Django's client, keeping the `redis.Redis` it builds for each pool."""

    def __init__(self, servers, **options):
        # A pooled connection Redis closed (a restart, an idle timeout) fails once and is
        # replaced: without the retry that one stale connection read as "Redis is down".
        # Connection errors only: a Redis that hangs costs one socket timeout, not two.
        options.setdefault("retry", Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)))
        super().__init__(servers, **options)
        self._redis = {}
        self._redis_lock = threading.Lock()

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._redis.get(index)
        if client is None:
            with self._redis_lock:
                client = self._redis.get(index)
                if client is None:
                    pool = self._get_connection_pool(write)
                    client = self._redis[index] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """`RedisCache` that treats a Redis failure as a miss and shares its connections
    (see the module docstring)."""

    @cached_property
    def _cache(self):
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        with _lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = SharedRedisCacheClient(self._servers, **self._options)
        return client

    def _server_key(self) -> str:
        return ",".join(self._servers)

    def _available(self) -> bool:
        return time.monotonic() >= _paused_until.get(self._server_key(), 0.0)

    def _failed(self, operation: str, error: Exception) -> None:
        key = self._server_key()
        with _lock:
            already_paused = time.monotonic() < _paused_until.get(key, 0.0)
            _paused_until[key] = time.monotonic() + PAUSE_SECONDS
        if not already_paused:
            logger.warning(
                "cache: Redis %s failed (%s: %s); serving without the cache",
                operation,
                type(error).__name__,
                error,
            )

    def _call(self, operation: str, fallback, *args):
        if not self._available():
            return fallback
        try:
            return getattr(RedisCache, operation)(self, *args)
        except RedisError as error:
            self._failed(operation, error)
            return fallback

    def _kept(self) -> dict | None:
        memo = request_memo.current()
        return None if memo is None else memo.get(_AHEAD)

    def _kept_value(self, key, version):
        """The value read ahead for `key` in this request (None: Redis had none), or
        _NOT_KEPT."""
        kept = self._kept()
        if not kept:
            return _NOT_KEPT
        raw = kept.get(self.make_and_validate_key(key, version=version), _NOT_KEPT)
        if raw is _NOT_KEPT or raw is None:
            return raw
        return self._cache._serializer.loads(raw)

    def _written(self, keys, version) -> None:
        kept = self._kept()
        if kept:
            for key in keys:
                kept.pop(self.make_and_validate_key(key, version=version), None)

    def get_many_reading_ahead(self, keys, ahead: list[tuple[str, int | None]]) -> dict:
        """get_many(keys), and in the same round trip `ahead` ((key, version) pairs), kept
        for the rest of the request (see the module docstring)."""
        memo = request_memo.current()
        if memo is None or not self._available():
            return self.get_many(keys)
        made = {self.make_and_validate_key(key): key for key in keys}
        extra = [self.make_and_validate_key(key, version=version) for key, version in ahead]
        extra = [key for key in dict.fromkeys(extra) if key not in made]
        try:
            raw = self._cache.get_client().mget([*made, *extra])
        except RedisError as error:
            self._failed("get_many", error)
            return {}
        values = dict(zip([*made, *extra], raw, strict=True))
        memo.setdefault(_AHEAD, {}).update({key: values[key] for key in extra})
        loads = self._cache._serializer.loads
        return {key: loads(values[m]) for m, key in made.items() if values[m] is not None}

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._written([key], version)
        # Not stored, so not added: a caller using add() as "first one wins" stays quiet.
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        kept = self._kept_value(key, version)
        if kept is not _NOT_KEPT:
            return default if kept is None else kept
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._written([key], version)
        self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        self._written([key], version)
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        found, rest = {}, []
        for key in keys:
            kept = self._kept_value(key, version)
            if kept is _NOT_KEPT:
                rest.append(key)
            elif kept is not None:
                found[key] = kept
        if rest:
            found |= self._call("get_many", {}, rest, version)
        return found

    def has_key(self, key, version=None):
        kept = self._kept_value(key, version)
        if kept is not _NOT_KEPT:
            return kept is not None
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        self._written([key], version)
        missing = object()
        result = self._call("incr", missing, key, delta, version)
        if result is missing:
            # What Django raises for a key that is not there, which is what callers handle.
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._written(list(data), version)
        # Django's contract: the keys that were not stored (here, all of them).
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._written(list(keys), version)
        self._call("delete_many", None, keys, version)

    def clear(self):
        memo = request_memo.current()
        if memo is not None:
            memo.pop(_AHEAD, None)
        return self._call("clear", False)


def get_many_reading_ahead(cache, keys: list[str]) -> dict:
    """`cache.get_many(keys)`, reading every app's CACHE_READ_AHEAD keys in the same round
    trip where the backend can (this module's on Redis; others have no round trip to
    save)."""
    reading_ahead = getattr(cache, "get_many_reading_ahead", None)
    if reading_ahead is None:
        return cache.get_many(keys)
    return reading_ahead(keys, cache_read_ahead_keys())
