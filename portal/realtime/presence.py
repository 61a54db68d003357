"""Who is connected, across processes, and what each person was last sent.

A pushed personal line ("You are #4") is computed once per push for the people whose
sockets are open, and sent only when it differs from what they were last sent. Each
process counts its own sockets in memory (no I/O on connect); the broadcaster thread copies
them to a Redis sorted set every `REFRESH` seconds, scored by when they stop counting, so a
process that dies stops counting a minute later and a FLUSHALL is repaired by the next
refresh. Without Redis the in-memory counts are the whole truth.
"""

import hashlib
import logging
import threading
import time
from collections import Counter

from portal.realtime.groups import is_watched_kind
from portal.realtime.hub import hub
from portal.realtime.window import redis_client, redis_prefix

logger = logging.getLogger(__name__)

REFRESH = 3  # seconds between two copies of this process's people to Redis
LIFETIME = 60  # seconds a copied person counts without a refresh

_local: dict[str, Counter] = {}
_lock = threading.Lock()
_sent_here: dict[str, dict[int, str]] = {}


def _key(topic: str, what: str) -> str:
    return f"{redis_prefix()}:realtime:{topic}:{what}"


def joined(topic: str, user_id: int) -> None:
    with _lock:
        _local.setdefault(topic, Counter())[user_id] += 1


def left(topic: str, user_id: int) -> None:
    with _lock:
        counts = _local.get(topic)
        if counts is not None:
            counts[user_id] -= 1
            if counts[user_id] <= 0:
                del counts[user_id]


def local_people(topic: str) -> set[int]:
    with _lock:
        return set(_local.get(topic, ()))


def _watched_here() -> set[str]:
    return {group for group in hub.groups() if is_watched_kind(group)}


def refresh() -> None:
    """Copy this process's connected people, and the boards its sockets watch, to Redis
    (the broadcaster calls it every REFRESH seconds, and at once when a socket is the
    process's first on a board)."""
    client = redis_client()
    if client is None:
        return
    until = time.time() + LIFETIME
    with _lock:
        topics = {topic: list(counts) for topic, counts in _local.items() if counts}
    watching = _watched_here()
    try:
        pipe = client.pipeline(transaction=False)
        if watching:
            pipe.zadd(_key("groups", "watched"), dict.fromkeys(watching, until))
            pipe.zremrangebyscore(_key("groups", "watched"), "-inf", time.time())
            pipe.expire(_key("groups", "watched"), LIFETIME)
        for topic, people in topics.items():
            pipe.zadd(_key(topic, "present"), dict.fromkeys(people, until))
            pipe.zremrangebyscore(_key(topic, "present"), "-inf", time.time())
            pipe.expire(_key(topic, "present"), LIFETIME)
        pipe.execute()
    except Exception:
        logger.warning("realtime: could not record who is connected")


def connected(topic: str) -> set[int]:
    """Everyone with an open socket on `topic`, in any process (this one's at least)."""
    people = local_people(topic)
    client = redis_client()
    if client is None:
        return people
    try:
        found = client.zrangebyscore(_key(topic, "present"), time.time(), "+inf")
    except Exception:
        logger.warning("realtime: could not read who is connected")
        return people
    return people | {int(member) for member in found}


def watched(candidates: list[str]) -> set[str]:
    """Those of `candidates` (groups) that a socket in any process is in: a board nobody
    watches is not rendered. When Redis cannot say, all of them."""
    here = _watched_here() & set(candidates)
    rest = [group for group in candidates if group not in here]
    client = redis_client()
    if client is None or not rest:
        return here
    try:
        scores = client.zmscore(_key("groups", "watched"), rest)
    except Exception:
        logger.warning("realtime: could not read which boards are watched")
        return set(candidates)
    now = time.time()
    return here | {g for g, score in zip(rest, scores, strict=True) if score and score > now}


def _digest(html: str) -> str:
    return hashlib.blake2b(html.encode(), digest_size=12).hexdigest()


def changed(topic: str, lines: dict[int, str]) -> dict[int, str]:
    """The lines among `lines` (person -> html) that differ from what was last sent to each
    person, recorded as sent. Two round trips for everyone, whatever their number."""
    if not lines:
        return {}
    digests = {user_id: _digest(html) for user_id, html in lines.items()}
    client = redis_client()
    if client is not None:
        try:
            key = _key(topic, "sent")
            users = list(digests)
            before = dict(zip(users, client.hmget(key, users), strict=True))
            fresh = {u: d for u, d in digests.items() if (before[u] or b"").decode() != d}
            if fresh:
                pipe = client.pipeline(transaction=False)
                pipe.hset(key, mapping=fresh)
                pipe.expire(key, 86400)
                pipe.execute()
            return {u: lines[u] for u in fresh}
        except Exception:
            logger.warning("realtime: last-sent lines unavailable; sending them all")
            return lines
    sent = _sent_here.setdefault(topic, {})
    fresh = {u: d for u, d in digests.items() if sent.get(u) != d}
    sent.update(fresh)
    return {u: lines[u] for u in fresh}
