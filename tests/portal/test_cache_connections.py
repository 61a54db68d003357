"""One web process keeps one Redis connection for its cache, however many requests it
serves (issue #11: before, every request daphne served opened a new one)."""

import asyncio
import uuid

import redis
from asgiref.sync import sync_to_async
from django.core.cache import cache


def test_requests_served_by_one_process_share_one_cache_connection(redis_layer, settings):
    name = f"chorus-test-{uuid.uuid4().hex[:12]}"
    default = settings.CACHES["default"]
    settings.CACHES = {
        "default": {**default, "OPTIONS": {**default.get("OPTIONS", {}), "client_name": name}}
    }

    async def request(i: int):
        # As daphne serves each request: a task of its own, so a context of its own, and
        # the sync view in asgiref's one thread.
        await sync_to_async(cache.set)(f"connections-{i}", i, 30)
        return await sync_to_async(cache.get)(f"connections-{i}")

    async def serve():
        return await asyncio.gather(*(asyncio.create_task(request(i)) for i in range(20)))

    try:
        assert asyncio.run(serve()) == list(range(20))
        admin = redis.Redis.from_url(settings.REDIS_URL)
        ours = [c for c in admin.client_list() if c.get("name") == name]
        assert len(ours) == 1
    finally:
        cache.delete_many([f"connections-{i}" for i in range(20)])
