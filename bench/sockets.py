"""Websocket figures (issue 11): one push to 1,000 open sockets, last delivery, against the
bare ASGI fan-out on the same daphne; daphne's memory with the sockets open; a credited
click's time with and without the subscribers.

A product push is caused the way a person causes one: a credited click on a share of
someone on the board. Pushes are spaced past the one-per-second board throttle, so each
is the first of its window.
"""

import asyncio
import contextlib
import time

import aiohttp

from bench.paths import BROWSER, address

CONNECT_BATCH = 50
# Pushes made and not counted, before the measured ones, on floor and product alike: the
# first push in a fresh daphne pays one-off costs (the click view's first run, its
# templates' compilation, the first Redis connections: 285 ms for a 30 ms click), which
# would otherwise be the p99 of ten pushes.
WARM_UP = 1
DELIVERY_TIMEOUT = 10.0
CLOSE_TIMEOUT = 15.0


async def _open(http, url: str, headers_list: list[dict]) -> list:
    sockets = []
    for start in range(0, len(headers_list), CONNECT_BATCH):
        batch = headers_list[start : start + CONNECT_BATCH]
        sockets += await asyncio.gather(
            *(http.ws_connect(url, headers=h, heartbeat=None, autoping=True) for h in batch)
        )
    return sockets


async def _close(sockets) -> None:
    """Close every socket at once (one by one, each waiting for its close frame, takes
    minutes for a thousand), giving up after CLOSE_TIMEOUT: the server is stopped next."""
    closing = asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(closing, timeout=CLOSE_TIMEOUT)


async def _drain(sockets, quiet: float = 0.3, limit: float = 5.0) -> None:
    """Read what the sockets were sent until each has been quiet `quiet` seconds (at most
    `limit` seconds in all: a heartbeat must not keep this going)."""
    deadline = time.monotonic() + limit

    async def one(ws):
        while time.monotonic() < deadline:
            try:
                await asyncio.wait_for(ws.receive(), timeout=quiet)
            except TimeoutError:
                return

    await asyncio.gather(*(one(ws) for ws in sockets))


async def _push_times(sockets, trigger) -> tuple[float, float, int]:
    """(last delivery ms, first delivery ms, sockets reached) for one push."""
    started = time.perf_counter()

    async def arrival(ws):
        message = await ws.receive()
        if message.type != aiohttp.WSMsgType.TEXT:
            return None
        return (time.perf_counter() - started) * 1000

    waits = [asyncio.ensure_future(arrival(ws)) for ws in sockets]
    await asyncio.sleep(0)
    started = time.perf_counter()
    await trigger()
    done, pending = await asyncio.wait(waits, timeout=DELIVERY_TIMEOUT)
    for future in pending:
        future.cancel()
    times = [f.result() for f in done if f.result() is not None]
    if len(times) < len(sockets):
        return DELIVERY_TIMEOUT * 1000, min(times, default=DELIVERY_TIMEOUT * 1000), len(times)
    return max(times), min(times), len(times)


async def floor_pushes(base: str, *, sockets: int, pushes: int, rss) -> dict:
    url = base.replace("http", "ws") + "/__floor__/ws"
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        receivers = await _open(http, url, [{}] * sockets)
        sender = await http.ws_connect(url)
        await _drain([sender, *receivers])
        memory = rss()
        lasts, firsts, reached = [], [], []
        for n in range(WARM_UP + pushes):

            async def trigger(n=n):
                await sender.send_str(f"push {n}")

            last, first, count = await _push_times(receivers, trigger)
            await _drain([sender], quiet=0.05)
            if n < WARM_UP:
                await asyncio.sleep(0.2)
                continue
            lasts.append(last)
            firsts.append(first)
            reached.append(count)
            await asyncio.sleep(0.2)
        await _close([sender, *receivers])
    return {"last_ms": lasts, "first_ms": firsts, "reached": reached, "rss_mb": memory}


async def product_pushes(
    base: str, *, plan: dict, pushes: int, rss, spacing: float = 1.5, clicks: int = 30
) -> dict:
    """Open a leaderboard socket per socket session, push `pushes` times by credited clicks,
    then time `clicks` credited clicks with the sockets open; RSS read with them open."""
    url = base.replace("http", "ws") + "/ws/leaderboard/?period=week&scope=people"
    origin = base
    headers = [{"Cookie": f"sessionid={s}", "Origin": origin} for s in plan["socket_sessions"]]
    codes = plan["push_codes"]
    async with aiohttp.ClientSession(
        base,
        connector=aiohttp.TCPConnector(limit=0),  # a socket holds its connection
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=aiohttp.ClientTimeout(total=30),
    ) as http:
        sockets = await _open(http, url, headers)
        await _drain(sockets, quiet=1.0)
        memory = rss()
        lasts, firsts, reached, click_ms = [], [], [], []
        for n in range(WARM_UP + pushes):

            async def trigger(n=n):
                code = codes[n % len(codes)]
                headers = {"User-Agent": BROWSER, **address(14, n)}
                started = time.perf_counter()
                async with http.get(f"/l/{code}", headers=headers, allow_redirects=False) as r:
                    await r.read()
                    assert r.status == 302, r.status
                if n >= WARM_UP:
                    click_ms.append((time.perf_counter() - started) * 1000)

            last, first, count = await _push_times(sockets, trigger)
            if n < WARM_UP:
                await _drain(sockets, quiet=spacing)
                continue
            lasts.append(last)
            firsts.append(first)
            reached.append(count)
            await _drain(sockets, quiet=spacing)
        await _close(sockets)
    return {
        "last_ms": lasts, "first_ms": firsts, "reached": reached, "rss_mb": memory,
        "click_ms": click_ms,
    }  # fmt: skip
