"""Websocket figures (issue 11): a push to 1,000 open sockets on one daphne against the
bare ASGI fan-out on the same daphne, and to 2,000 sockets across two daphne on one Redis
against a bare Redis pub/sub fan-out on the same two; last and first delivery, daphne's
memory with the sockets open, a credited click's time with the subscribers.

A product push is caused the way a person causes one: a credited click on a share of
someone on the board. Pushes are spaced past the one-per-second board throttle, so each
is the first of its window. Floor and product pushes alternate, both sets of sockets
open, so both meet the same moment's load on the machine: measured one set after the
other, a stall of the machine's (a bare push of 50 ms took 250 ms once in ten) fell on
one side only, and the p99 of ten pushes was that stall.
"""

import asyncio
import contextlib
import time

import aiohttp

from bench.paths import BROWSER, address

BOARD = "/ws/leaderboard/?period=week&scope=people"
# The floors: a bare fan-out in the daphne process (one daphne), over Redis pub/sub (several).
FLOOR_LOCAL = "/__floor__/ws"
FLOOR_REDIS = "/__floor__/ws-redis"

CONNECT_BATCH = 50
# Pushes made and not counted, through each process before the measured ones, on floor
# and product alike: the first push in a fresh daphne pays one-off costs (the click view's
# first run, its templates' compilation, the first Redis connections: 285 ms for a 30 ms
# click), which would otherwise be the p99.
WARM_UP = 1
# Idle seconds before each click, a push's and one alone alike, so the two click figures
# differ by the subscribers only.
BEFORE_CLICK = 1.0
# The clicks alone come first in a fresh daphne, and its first clicks are slower: twenty
# went from 26 ms down to 10–14 ms (with the worker's start-up beside the first ones; the
# worker is now waited for), where the clicks with subscribers, later, held at 13–17 ms.
ALONE_WARM_UP = 3
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


def _ws(base: str) -> str:
    return base.replace("http", "ws", 1)


def _series() -> dict:
    return {"last_ms": [], "first_ms": [], "reached": []}


def _add(series: dict, measured: tuple[float, float, int]) -> None:
    last, first, reached = measured
    series["last_ms"].append(last)
    series["first_ms"].append(first)
    series["reached"].append(reached)


async def _click_ms(http, url: str, headers: dict) -> float:
    """One credited click on /l/<code>: its time to the redirect, in ms."""
    started = time.perf_counter()
    async with http.get(url, headers=headers, allow_redirects=False) as response:
        await response.read()
        assert response.status == 302, response.status
    return (time.perf_counter() - started) * 1000


async def clicks_alone(
    http, bases: list[str], *, codes: list[str], clicks: int, network: int
) -> list[float]:
    """`clicks` credited clicks on the pushers' shares (each changes the board) with no
    socket open, each after the same idle time as a push's click, the first ALONE_WARM_UP
    of each process uncounted: the click a push is caused by, without subscribers. (The HTTP
    section's credited click is not that click: its sharers are not on the board, so it
    moves no board aggregates.)"""
    times = []
    warm_up = ALONE_WARM_UP * len(bases)
    for n in range(warm_up + clicks):
        base = bases[n % len(bases)]
        url = f"{base}/l/{codes[n % len(codes)]}"
        # Addresses past the pushes' (each click a new reader, so each is credited).
        await asyncio.sleep(BEFORE_CLICK)
        ms = await _click_ms(http, url, {"User-Agent": BROWSER, **address(network, 1000 + n)})
        if n >= warm_up:
            times.append(ms)
    return times


async def pushes_alternating(
    bases: list[str], *, plan: dict, per_process: int, pushes: int, rss: list, floor_path: str,
    click_network: int, connections: list | None = None, spacing: float = 1.5,
) -> dict:  # fmt: skip
    """Open `per_process` leaderboard sockets and as many on `floor_path` on each of `bases`,
    then push `pushes` times through each, floor and product in turn; clicks come from
    addresses in `click_network` (a section of its own each: a reader seen before earns
    nothing and pushes nothing). Before the sockets open, as many clicks alone
    (clicks_alone). `rss` reads each process's memory (MB): idle, with the leaderboard
    sockets, and with the floor's beside them; `connections` what each holds to the
    services ({"redis": n, "postgresql": n})."""
    sessions = plan["socket_sessions"]
    if len(sessions) < per_process * len(bases):
        raise ValueError(f"{len(sessions)} socket sessions for {per_process} × {len(bases)}")
    codes = plan["push_codes"]
    figures = {"idle_rss_mb": [read() for read in rss], "click_ms": []}
    floor, product = _series(), _series()
    async with aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0),  # a socket holds its connection
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=aiohttp.ClientTimeout(total=60),
    ) as http:
        figures["click_alone_ms"] = await clicks_alone(
            http, bases, codes=codes, clicks=pushes, network=click_network
        )
        boards = []
        for index, base in enumerate(bases):
            mine = sessions[index * per_process : (index + 1) * per_process]
            headers = [{"Cookie": f"sessionid={s}", "Origin": base} for s in mine]
            boards += await _open(http, _ws(base) + BOARD, headers)
        await _drain(boards, quiet=1.0)
        figures["rss_mb"] = [read() for read in rss]
        figures["connections"] = [read() for read in connections or []]
        bare = []
        for base in bases:
            bare += await _open(http, _ws(base) + floor_path, [{}] * per_process)
        sender = await http.ws_connect(_ws(bases[0]) + floor_path)
        await asyncio.sleep(0.5)  # every process's subscription is open before the first push
        await _drain([sender, *bare])
        figures["rss_both_mb"] = [read() for read in rss]
        warm_up = WARM_UP * len(bases)
        for n in range(warm_up + pushes):
            counted = n >= warm_up

            async def publish(n=n):
                await sender.send_str(f"push {n}")

            measured = await _push_times(bare, publish)
            if counted:
                _add(floor, measured)
            await _drain([sender, *bare], quiet=0.05)
            await asyncio.sleep(BEFORE_CLICK)

            async def click(n=n, counted=counted):
                url = f"{bases[n % len(bases)]}/l/{codes[n % len(codes)]}"
                ms = await _click_ms(
                    http, url, {"User-Agent": BROWSER, **address(click_network, n)}
                )
                if counted:
                    figures["click_ms"].append(ms)

            measured = await _push_times(boards, click)
            if counted:
                _add(product, measured)
            await _drain(boards, quiet=spacing)  # past the one-push-a-second window
        await _close([sender, *bare, *boards])
    return {**figures, "floor": floor, "product": product}
