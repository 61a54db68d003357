"""/healthz: does this process reach its database and its channel layer?"""

import asyncio
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
LAYER_TIMEOUT_SECONDS = 2.0


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("health: database check failed")
        return False


async def _layer_round_trip() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    message = await layer.receive(channel)
    return message.get("type") == "healthz.ping"


async def _layer_round_trip_within_timeout() -> bool:
    # The whole trip is bounded: an unreachable Redis must not hang the health check.
    return await asyncio.wait_for(_layer_round_trip(), LAYER_TIMEOUT_SECONDS)


def channel_layer_ok() -> bool:
    try:
        return async_to_sync(_layer_round_trip_within_timeout)()
    except Exception:
        logger.exception("health: channel layer check failed")
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
    return JsonResponse(body, status=503 if failing else 200)
