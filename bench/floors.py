"""The floors: the least the same daphne, middleware and database can do for each kind of
request, served beside the product and measured in the same run (never typed in).

- redirect: a fixed 302, no database work of its own (the /l/<code> floor);
- redirect + insert: the same 302 after one raw INSERT committed on its own (no session,
  no transaction block): what one committed write costs next to the credited click, for
  reading the table (no path is held to it);
- page: `base.html` rendered for the logged-in person with a fixed context;
- post: a POST through session and CSRF checks that answers a fixed fragment;
- insert: the same POST plus one raw INSERT and commit through a cursor;
- websocket: a bare ASGI app that fans a message out to every socket it holds
  (no Channels, no layer), in this process;
- websocket over Redis: the same, across processes: a message is published on one Redis
  pub/sub channel, and each process forwards what its one subscription receives to every
  socket it holds (no Channels, no groups).
"""

import asyncio
import os
import time

from django.contrib.auth.decorators import login_not_required
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

FLOOR_TABLE = "bench_floor_insert"
TARGET = "https://northwind.example/news/item?utm_source=linkedin"


@login_not_required
@require_safe
@never_cache
def redirect(request):
    return HttpResponseRedirect(TARGET)


@login_not_required
@require_safe
@never_cache
def redirect_insert(request):
    with connection.cursor() as cursor:  # autocommit: the INSERT commits by itself
        cursor.execute(
            f"INSERT INTO {FLOOR_TABLE} (user_id, at) VALUES (%s, %s)",  # noqa: S608
            [0, time.time()],
        )
    return HttpResponseRedirect(TARGET)


@require_safe
def page(request):
    return render(request, "base.html", {"page": {"title": "Floor"}})


@require_POST
def post(request):
    return HttpResponse("<p>saved</p>")


@require_POST
def insert(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FLOOR_TABLE} (user_id, at) VALUES (%s, %s)",  # noqa: S608
            [request.user.pk, time.time()],
        )
    return HttpResponse("<p>inserted</p>")


def floor_table_create() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FLOOR_TABLE}")
        key = "SERIAL" if connection.vendor == "postgresql" else "INTEGER"
        cursor.execute(
            f"CREATE TABLE {FLOOR_TABLE} (id {key} PRIMARY KEY, user_id INTEGER, at REAL)"
        )


class FanOut:
    """Bare ASGI websocket fan-out: any text a socket sends goes to every open socket."""

    def __init__(self):
        self.sockets: dict[int, object] = {}

    async def __call__(self, scope, receive, send):
        key = id(send)
        while True:
            event = await receive()
            if event["type"] == "websocket.connect":
                await send({"type": "websocket.accept"})
                self.sockets[key] = send
            elif event["type"] == "websocket.receive":
                text = event.get("text") or ""
                for target in list(self.sockets.values()):
                    await target({"type": "websocket.send", "text": text})
            else:  # websocket.disconnect
                self.sockets.pop(key, None)
                return


class RedisFanOut:
    """Bare fan-out across daphne processes over Redis pub/sub: any text a socket sends is
    PUBLISHed on one channel; each process holds one subscription (opened with its first
    socket) and forwards every message to each socket it holds."""

    POLL_SECONDS = 1.0  # a read of its own, so no socket timeout ends the subscription

    def __init__(self):
        self.sockets: dict[int, object] = {}
        self._started: asyncio.Future | None = None
        self._publisher = None

    async def _start(self) -> None:
        import redis.asyncio as redis

        url = os.environ["REDIS_URL"]  # bench.settings set it from BENCH_REDIS_URL
        self.channel = f"{os.environ.get('REDIS_PREFIX', 'chorus')}:floor-fanout"
        self._publisher = redis.Redis.from_url(url)
        pubsub = redis.Redis.from_url(url).pubsub()
        await pubsub.subscribe(self.channel)
        self._listener = asyncio.create_task(self._listen(pubsub))

    async def _listen(self, pubsub) -> None:
        while True:
            message = await pubsub.get_message(
                ignore_subscribe_messages=True, timeout=self.POLL_SECONDS
            )
            if message is None:
                continue
            text = message["data"].decode()
            for target in list(self.sockets.values()):
                await target({"type": "websocket.send", "text": text})

    async def __call__(self, scope, receive, send):
        if self._started is None:
            self._started = asyncio.ensure_future(self._start())
        await self._started
        key = id(send)
        while True:
            event = await receive()
            if event["type"] == "websocket.connect":
                await send({"type": "websocket.accept"})
                self.sockets[key] = send
            elif event["type"] == "websocket.receive":
                await self._publisher.publish(self.channel, event.get("text") or "")
            else:  # websocket.disconnect
                self.sockets.pop(key, None)
                return
