"""2,000 sockets across two daphne processes on one Redis (issue 11), with BENCH_REDIS_URL.

Each process holds 1,000 leaderboard sockets. One credited click (taken by each process in
turn) changes the board; the figure is the last delivery over all 2,000 sockets. Its floor
is measured on the same two processes in the same run: a bare Redis pub/sub fan-out
(bench.floors.RedisFanOut) to 1,000 bare sockets per process, one published message.
Floor and product pushes alternate, so both meet the same moment's load on the machine.
Each process's memory is read with its 1,000 leaderboard sockets open, before the floor's
sockets join them.
"""

import asyncio

import aiohttp

from bench.paths import BROWSER, address
from bench.sockets import _close, _drain, _open, _push_times

BOARD = "/ws/leaderboard/?period=week&scope=people"
FLOOR = "/__floor__/ws-redis"
CLICK_NETWORK = 15  # addresses of their own: bench.sockets' clicks come from 14.x


def _ws(base: str) -> str:
    return base.replace("http", "ws", 1)


def _series() -> dict:
    return {"last_ms": [], "first_ms": [], "reached": []}


def _add(series: dict, measured: tuple[float, float, int]) -> None:
    last, first, reached = measured
    series["last_ms"].append(last)
    series["first_ms"].append(first)
    series["reached"].append(reached)


async def pair_pushes(
    bases: list[str], *, plan: dict, per_process: int, pushes: int, rss: list,
    connections: list | None = None, spacing: float = 1.5,
) -> dict:  # fmt: skip
    """Open `per_process` leaderboard and floor sockets on each of `bases`, then push
    `pushes` times through each, alternating. `rss` reads each process's memory (MB),
    `connections` what each holds to the services ({"redis": n, "postgresql": n})."""
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
            bare += await _open(http, _ws(base) + FLOOR, [{}] * per_process)
        sender = await http.ws_connect(_ws(bases[0]) + FLOOR)
        await asyncio.sleep(0.5)  # every process's subscription is open before the first push
        await _drain([sender, *bare])
        warm_up = len(bases)  # one uncounted push through each process (bench.sockets.WARM_UP)
        for n in range(warm_up + pushes):
            counted = n >= warm_up

            async def publish(n=n):
                await sender.send_str(f"push {n}")

            measured = await _push_times(bare, publish)
            if counted:
                _add(floor, measured)
            await _drain([sender, *bare], quiet=0.05)

            async def click(n=n, counted=counted):
                base = bases[n % len(bases)]
                headers = {"User-Agent": BROWSER, **address(CLICK_NETWORK, n)}
                loop = asyncio.get_running_loop()
                started = loop.time()
                url = f"{base}/l/{codes[n % len(codes)]}"
                async with http.get(url, headers=headers, allow_redirects=False) as response:
                    await response.read()
                    assert response.status == 302, response.status
                if counted:
                    figures["click_ms"].append((loop.time() - started) * 1000)

            measured = await _push_times(boards, click)
            if counted:
                _add(product, measured)
            await _drain(boards, quiet=spacing)  # past the one-push-a-second window
        await _close([sender, *bare, *boards])
    return {**figures, "floor": floor, "product": product}
