"""What the bench's daphne serves: the portal, with the bare websocket fan-out floors at
/__floor__/ws (in this process) and /__floor__/ws-redis (across processes, over Redis
pub/sub; with BENCH_REDIS_URL) beside it (HTTP floors are Django views in bench.urls)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from bench.floors import FanOut, RedisFanOut  # noqa: E402
from portal.asgi import application as portal_application  # noqa: E402

fan_out = FanOut()
redis_fan_out = RedisFanOut()


async def application(scope, receive, send):
    if scope["type"] == "websocket" and scope["path"] == "/__floor__/ws":
        return await fan_out(scope, receive, send)
    if scope["type"] == "websocket" and scope["path"] == "/__floor__/ws-redis":
        return await redis_fan_out(scope, receive, send)
    return await portal_application(scope, receive, send)
