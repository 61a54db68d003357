"""/healthz: does this process reach its database and its channel layer?"""

import asyncio
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels_redis.utils import create_pool, decode_hosts
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from redis.asyncio import Redis

from portal.faults import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)
LAYER_TIMEOUT_SECONDS = 2.0
REDIS_TIMEOUTS = {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:
        logger.warning("health: database check failed (%s: %s)", type(error).__name__, error)
        return False


async def _redis_hosts_answer(hosts: list) -> bool:
    """PING every Redis host of the layer over a connection of our own.

    Not a send and receive on the process's layer: channels-redis serialises every
    receive on a process-local channel behind one lock, which a connected socket holds
    while it waits for its next message, so the round trip timed out (503) on any busy
    process. A fresh connection per host, with short socket timeouts, asks Redis itself.
    """
    for host in decode_hosts(hosts):
        pool = create_pool({**host, **REDIS_TIMEOUTS})
        client = Redis(connection_pool=pool)
        try:
            if not await client.ping():
                return False
        finally:
            await client.aclose()
            await pool.disconnect()
    return True


async def _in_process_round_trip() -> bool:
    # The in-memory layer lives in this process and takes no lock on receive.
    layer = get_channel_layer()
    if layer is None:
        return False
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    message = await layer.receive(channel)
    return message.get("type") == "healthz.ping"


async def _layer_check() -> bool:
    config = settings.CHANNEL_LAYERS.get("default", {})
    if config.get("BACKEND", "").startswith("channels_redis."):
        check = _redis_hosts_answer(config.get("CONFIG", {}).get("hosts"))
    else:
        check = _in_process_round_trip()
    # Bounded as a whole: an unreachable Redis must not hang the health check.
    return await asyncio.wait_for(check, LAYER_TIMEOUT_SECONDS)


def channel_layer_ok() -> bool:
    try:
        return async_to_sync(_layer_check)()
    except Exception as error:
        logger.warning("health: channel layer check failed (%s: %s)", type(error).__name__, error)
        return False


@never_cache
@login_not_required
@require_GET
def healthz(request):
    checks = {"database": database_ok(), "channel_layer": channel_layer_ok()}
    failing = [name for name, ok in checks.items() if not ok]
    body = {
        "status": "ok" if not failing else "unavailable",
        "checks": {name: "ok" if ok else "failing" for name, ok in checks.items()},
    }
    if failing:
        body["failing"] = failing
    response = JsonResponse(body, status=503 if failing else 200)
    if failing:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)  # as every other 503 says
    return response
