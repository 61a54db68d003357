"""The load generator: asyncio + aiohttp against 127.0.0.1, in blocks of a bounded number
of requests and a bounded time, at a fixed number of concurrent clients.

Each request's time is from sending it to having read the whole response; the server's
own query count comes back in a header (bench.middleware).
"""

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass, field

import aiohttp

from bench.middleware import HEADER
from bench.paths import Path

BLOCK_SECONDS = 30.0  # no block runs longer, whatever its count
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=30)


@dataclass
class Samples:
    ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    wall_s: float = 0.0
    errors: list[str] = field(default_factory=list)


@dataclass
class Load:
    base: str
    plan: dict
    results: dict[tuple[str, int], Samples] = field(default_factory=lambda: defaultdict(Samples))
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def session(self, clients: int) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=clients, force_close=False)
        return aiohttp.ClientSession(
            self.base,
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # every request names its own session
            timeout=REQUEST_TIMEOUT,
        )

    async def one(self, http, path: Path, request, record: Samples | None) -> None:
        method, url, headers, data = request
        started = time.perf_counter()
        try:
            async with http.request(
                method, url, headers=headers, data=data, allow_redirects=False
            ) as response:
                body = await response.read()
                elapsed = (time.perf_counter() - started) * 1000
                status, queries = response.status, response.headers.get(HEADER)
        except (aiohttp.ClientError, TimeoutError) as error:
            if record is not None:
                record.errors.append(f"{url}: {error!r}")
            return
        if record is None:
            return
        if status != path.expect:
            record.errors.append(f"{method} {url} answered {status}: {body[:300]!r}")
            return
        record.ms.append(elapsed)
        if queries is not None:
            record.queries.append(int(queries))

    async def block(self, http, path: Path, *, clients: int, count: int, record: bool) -> None:
        """`count` requests on `path` from `clients` workers (at most BLOCK_SECONDS)."""
        samples = self.results[(path.name, clients)] if record else None
        deadline = time.monotonic() + BLOCK_SECONDS
        issued = 0

        async def worker():
            nonlocal issued
            state: dict = {}
            while issued < count and time.monotonic() < deadline:
                issued += 1
                n = self.counters[path.name]
                self.counters[path.name] += 1
                try:
                    request = path.make(self.plan, n, state)
                except StopIteration:
                    return  # nothing left to use up
                await self.one(http, path, request, samples)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        if samples is not None:
            samples.wall_s += time.perf_counter() - started

    async def prime(self, http, paths: list[Path]) -> None:
        for path in paths:
            if path.prime is not None:
                for request in path.prime(self.plan):
                    await self.one(http, path, request, None)

    async def rounds(
        self, paths: list[Path], order: list[list[str]], *, clients: int, per_block: int
    ) -> None:
        by_name = {path.name: path for path in paths}
        async with self.session(clients) as http:
            for path in paths:  # warm every path once (templates, caches, connections)
                await self.block(http, path, clients=clients, count=clients, record=False)
            for names in order:
                for name in names:
                    await self.block(
                        http, by_name[name], clients=clients, count=per_block, record=True
                    )
