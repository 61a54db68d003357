"""The push window: at most one push per key per second across every process.

With Redis each attempt is one atomic script (`TAKE`): it either opens the window for the
caller (and numbers it), or says how long the open one lasts and which number it has. A
process whose change missed a window waits for the *next* numbered window to be reported
done (a push that rendered after its commit), and opens one itself if nobody did: so the
last change is delivered within two windows even when the process that took a window dies
before pushing. Without Redis (one process) a dict does the same.

Redis failing is not an error here: the caller is told to push (messages are disposable,
and a push that cannot reach Redis costs nothing).
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger(__name__)

WINDOW_MS = 1000

# KEYS: window, sequence, done. ARGV: window ms, the window number the caller still needs.
# Returns {0, pttl, current} (window busy), {n, 0, n} (caller opened window n) or
# {-1, 0, done} (a window the caller needed was already pushed).
TAKE = """
local need = tonumber(ARGV[2])
local done = tonumber(redis.call('GET', KEYS[3]) or '0')
if need > 0 and done >= need then return {-1, 0, done} end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local n = redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], 86400)
  return {n, 0, n}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = tonumber(ARGV[1]) end
return {0, ttl, tonumber(redis.call('GET', KEYS[2]) or '0')}
"""
# KEYS: done. ARGV: the window number just pushed (kept as the highest seen).
DONE = """
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', 86400)
end
return 1
"""


@dataclass(frozen=True)
class Attempt:
    """What an attempt found: `window` > 0: push now and report it done; `wait` > 0: try
    again after that many seconds, needing window `need`; neither: already covered."""

    window: int = 0
    wait: float = 0.0
    need: int = 0


_client = None
_client_lock = threading.Lock()


def redis_prefix() -> str:
    return settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("prefix", "chorus")


def redis_client():
    """This process's synchronous Redis client for the realtime keys, or None (no Redis).

    Short timeouts: a stopped Redis costs a push, never a stuck broadcaster."""
    global _client
    if not settings.REDIS_URL:
        return None
    with _client_lock:
        if _client is None:
            import redis  # only with REDIS_URL: the embedded default needs no Redis

            _client = redis.Redis.from_url(
                settings.REDIS_URL,
                socket_timeout=2,
                socket_connect_timeout=1,
                health_check_interval=30,
                max_connections=8,
            )
        return _client


class LocalWindows:
    """One process: the same contract as RedisWindows, in memory."""

    def __init__(self):
        self.opened: dict[str, float] = {}
        self.sequence: dict[str, int] = {}
        self.done: dict[str, int] = {}
        self.lock = threading.Lock()

    def take(self, key: str, need: int) -> Attempt:
        with self.lock:
            if need and self.done.get(key, 0) >= need:
                return Attempt()
            now = time.monotonic()
            left = self.opened.get(key, 0.0) + WINDOW_MS / 1000 - now
            if left > 0:
                return Attempt(wait=left, need=self.sequence.get(key, 0) + 1)
            self.opened[key] = now
            self.sequence[key] = self.sequence.get(key, 0) + 1
            return Attempt(window=self.sequence[key])

    def finish(self, key: str, window: int) -> None:
        with self.lock:
            self.done[key] = max(self.done.get(key, 0), window)


class RedisWindows:
    def __init__(self, client):
        self.client = client
        self.take_script = client.register_script(TAKE)
        self.done_script = client.register_script(DONE)

    def _keys(self, key: str) -> list[str]:
        base = f"{redis_prefix()}:realtime:{key}"
        return [f"{base}:window", f"{base}:seq", f"{base}:done"]

    def take(self, key: str, need: int) -> Attempt:
        try:
            opened, ttl, current = self.take_script(keys=self._keys(key), args=[WINDOW_MS, need])
        except Exception:  # Redis away: push from here (a lost push is repaired on reload)
            logger.warning("realtime: window for %s unavailable; pushing without it", key)
            return Attempt(window=-1)
        if opened > 0:
            return Attempt(window=int(opened))
        if opened < 0:
            return Attempt()
        return Attempt(wait=int(ttl) / 1000, need=int(current) + 1)

    def finish(self, key: str, window: int) -> None:
        if window <= 0:
            return
        try:
            self.done_script(keys=self._keys(key)[2:], args=[window])
        except Exception:
            logger.warning("realtime: could not record push %s of %s", window, key)


def windows_for_this_process():
    client = redis_client()
    return RedisWindows(client) if client is not None else LocalWindows()
