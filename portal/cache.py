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

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 1.0

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

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Not stored, so not added: a caller using add() as "first one wins" stays quiet.
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta, version)
        if result is missing:
            # What Django raises for a key that is not there, which is what callers handle.
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that were not stored (here, all of them).
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
