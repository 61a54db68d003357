"""Clients for the fault tests: logged-in HTTP requests, websockets, and a bounded mixed
load of what people do (pages, shares, clicks, quiz answers, acknowledgements) spread
over both servers. Every loop stops at a request count and a deadline; 127.0.0.1 only."""

import asyncio
import itertools
import re
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field

import aiohttp

PAGES = ("/", "/leaderboard/", "/share/", "/training/", "/notifications/", "/me/")
CSRF = secrets.token_hex(16)  # 32 characters: a valid unmasked CSRF secret
REQUEST_SECONDS = 15
PUSH_SECONDS = 5  # the bound for pushes to arrive or resume


def session_headers(session_key: str | None, *, origin: str | None = None) -> dict[str, str]:
    cookies = [f"csrftoken={CSRF}"]
    if session_key:
        cookies.append(f"sessionid={session_key}")
    headers = {"Cookie": "; ".join(cookies), "X-CSRFToken": CSRF}
    if origin:
        headers["Origin"] = origin
    return headers


def http_session(*, seconds: float = REQUEST_SECONDS, **kwargs) -> aiohttp.ClientSession:
    """Requests through it give up after `seconds` (then counted as no answer)."""
    return aiohttp.ClientSession(
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=aiohttp.ClientTimeout(total=seconds),
        connector=aiohttp.TCPConnector(limit=0, force_close=True),
        **kwargs,
    )


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float


async def request(
    http: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    session_key: str | None = None,
    data: dict | None = None,
) -> Response:
    started = time.monotonic()
    try:
        async with http.request(
            method, url, data=data, headers=session_headers(session_key), allow_redirects=False
        ) as response:
            body = await response.text()
            return Response(
                response.status, dict(response.headers), body, time.monotonic() - started
            )
    except (aiohttp.ClientError, TimeoutError) as error:
        # No answer at all (refused, reset, timed out): a person sees an error too.
        return Response(0, {}, repr(error), time.monotonic() - started)


async def ws_open(
    http: aiohttp.ClientSession, base: str, path: str, session_key: str, **headers
) -> aiohttp.ClientWebSocketResponse:
    url = base.replace("http://", "ws://") + path
    return await http.ws_connect(
        url,
        headers={**session_headers(session_key, origin=base), **headers},
        heartbeat=None,
        autoping=True,
        timeout=aiohttp.ClientWSTimeout(ws_close=5),
    )


# Reads are bounded with asyncio.wait_for, not receive(timeout=): aiohttp restarts that
# timeout after answering each of the server's pings, so with pings it never ends.


async def ws_next_text(ws: aiohttp.ClientWebSocketResponse, seconds: float) -> str | None:
    """The next text frame within `seconds`, or None (nothing came, or the socket closed)."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await asyncio.wait_for(ws.receive(), left)
        except TimeoutError:
            return None
        if message.type == aiohttp.WSMsgType.TEXT:
            return message.data
        if message.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.CLOSING,
            aiohttp.WSMsgType.ERROR,
        ):
            return None
    return None


async def ws_closed_within(ws: aiohttp.ClientWebSocketResponse, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await asyncio.wait_for(ws.receive(), left)
        except TimeoutError:
            return False
        if message.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.CLOSING,
            aiohttp.WSMsgType.ERROR,
        ):
            return True
    return ws.closed


@dataclass
class Tally:
    """What the load saw: statuses per kind, and every action answered as done."""

    statuses: Counter = field(default_factory=Counter)
    done: dict[str, list] = field(
        default_factory=lambda: {"shares": [], "acks": [], "answers": [], "clicks": []}
    )
    requests: int = 0
    slowest_503: float = 0.0
    missing_retry_after: int = 0

    def count(self, kind: str, response: Response) -> None:
        self.requests += 1
        self.statuses[(kind, response.status)] += 1
        if response.status == 503:
            self.slowest_503 = max(self.slowest_503, response.seconds)
            if "Retry-After" not in response.headers:
                self.missing_retry_after += 1

    def with_status(self, predicate) -> int:
        return sum(n for (_, status), n in self.statuses.items() if predicate(status))

    def summary(self) -> dict:
        return {
            "requests": self.requests,
            "500": self.with_status(lambda s: s == 500),
            "5xx other than 503": self.with_status(lambda s: s >= 500 and s != 503),
            "503": self.with_status(lambda s: s == 503),
            "no answer": self.with_status(lambda s: s == 0),
            "by kind": {f"{k} {s}": n for (k, s), n in sorted(self.statuses.items())},
        }


class MixedLoad:
    """People working while a service fails: each worker takes the next thing to do from
    shared queues; an action answered with an error is put back and retried later, as a
    person would. Stops at `max_requests` or `seconds`, whichever comes first."""

    def __init__(self, plan: dict, urls: list[str], *, max_requests: int, seconds: float):
        self.plan = plan
        self.servers = itertools.cycle(urls)
        self.max_requests = max_requests
        self.deadline = time.monotonic() + seconds
        # Taken from the plan itself: what one load did, the next one does not do again.
        self.shares = plan["shares"]
        self.acks = plan["acks"]
        self.attempts = plan.setdefault(
            "open_attempts", [{**a, "position": 0} for a in plan["attempts"]]
        )
        self.codes = itertools.cycle(plan["codes"] or [""])
        self.people = itertools.cycle(sorted(plan["sessions"].items()))
        self.kinds = itertools.cycle(["page", "click", "share", "answer", "ack", "page", "click"])
        self.tally = Tally()

    def _going(self) -> bool:
        return self.tally.requests < self.max_requests and time.monotonic() < self.deadline

    async def _page(self, http) -> None:
        _, session_key = next(self.people)
        path = PAGES[self.tally.requests % len(PAGES)]
        self.tally.count(
            "page", await request(http, "GET", next(self.servers) + path, session_key=session_key)
        )

    async def _click(self, http) -> None:
        code = next(self.codes)
        if not code:
            return await self._page(http)
        response = await request(http, "GET", f"{next(self.servers)}/l/{code}")
        self.tally.count("click", response)
        if response.status in (302, 410):
            self.tally.done["clicks"].append(code)

    async def _share(self, http) -> None:
        if not self.shares:
            return await self._page(http)
        item = self.shares.pop()
        url = f"{next(self.servers)}/share/posts/{item['post']}/{item['platform']}/"
        response = await request(
            http,
            "POST",
            url,
            session_key=self.plan["sessions"][item["user"]],
            data={"text": "Worth reading.", "include_disclosure": "on", "variant": "0"},
        )
        self.tally.count("share", response)
        if response.status == 200:
            self.tally.done["shares"].append(item)
        elif response.status >= 500 or response.status == 0:
            self.shares.insert(0, item)

    async def _ack(self, http) -> None:
        if not self.acks:
            return await self._page(http)
        item = self.acks.pop()
        url = f"{next(self.servers)}/policies/{item['policy']}/acknowledge/"
        response = await request(
            http,
            "POST",
            url,
            session_key=self.plan["sessions"][item["user"]],
            data={"confirm": "on", "version": item["version"], "revision": item["revision"]},
        )
        self.tally.count("ack", response)
        if response.status in (200, 302):
            self.tally.done["acks"].append(item)
        elif response.status >= 500 or response.status == 0:
            self.acks.insert(0, item)

    async def _answer(self, http) -> None:
        if not self.attempts:
            return await self._page(http)
        item = self.attempts.pop()
        position = item["position"]
        url = f"{next(self.servers)}/training/attempts/{item['attempt']}/answer/"
        response = await request(
            http,
            "POST",
            url,
            session_key=self.plan["sessions"][item["user"]],
            data={"position": position, "choice": item["choices"][position]},
        )
        self.tally.count("answer", response)
        if response.status == 302:
            self.tally.done["answers"].append({"attempt": item["attempt"], "position": position})
            item["position"] += 1
        if item["position"] < len(item["choices"]) and response.status in (0, 302, 503, 500):
            self.attempts.insert(0, item)

    async def _worker(self, http) -> None:
        actions = {
            "page": self._page,
            "click": self._click,
            "share": self._share,
            "answer": self._answer,
            "ack": self._ack,
        }
        while self._going():
            await actions[next(self.kinds)](http)

    async def run(self, *, workers: int = 6) -> Tally:
        async with http_session() as http:
            await asyncio.gather(*(self._worker(http) for _ in range(workers)))
        return self.tally


async def correction(http: aiohttp.ClientSession, base: str, plan: dict) -> int:
    """HR adds one point for the plan's board person through the admin of `base`: the
    week's board changes, so every socket watching it gets a push. Returns the status."""
    url = base + plan["correction_url"]
    hr = plan["sessions"]["hr"]
    form = await request(http, "GET", url, session_key=hr)
    token = re.search(r'name="token" value="([^"]+)"', form.body)
    if form.status != 200 or token is None:
        return form.status or 599
    response = await request(
        http,
        "POST",
        url,
        session_key=hr,
        data={
            "csrfmiddlewaretoken": CSRF,
            "token": token[1],
            "user": plan["board_person"],
            "points": 1,
            "note": "Reliability test: the board must change.",
        },
    )
    return response.status


async def healthz(http: aiohttp.ClientSession, base: str) -> Response:
    return await request(http, "GET", f"{base}/healthz")


async def _changes(http, urls: list[str], plan: dict, count: int) -> list[int]:
    """`count` changes to the week's board, through alternating servers, 1.2 s apart (past
    the one-push-a-second window, so each may push)."""
    statuses = []
    for index in range(count):
        statuses.append(await correction(http, urls[index % len(urls)], plan))
        await asyncio.sleep(1.2)
    return statuses


async def _drain(sockets, quiet: float = 0.3) -> None:
    """Read away what earlier changes pushed, so the next push seen is a new one."""
    for ws in sockets:
        for _ in range(50):  # bounded
            if await ws_next_text(ws, quiet) is None:
                break


async def push_arrives(
    http, urls: list[str], plan: dict, sockets, seconds: float = PUSH_SECONDS
) -> list[bool]:
    """Whether each socket receives a new push within `seconds` while the board changes."""
    await _drain(sockets)
    changing = asyncio.create_task(_changes(http, urls, plan, count=3))
    try:
        texts = await asyncio.gather(*(ws_next_text(ws, seconds) for ws in sockets))
    finally:
        changing.cancel()
        await asyncio.gather(changing, return_exceptions=True)
    if not changing.cancelled():
        assert all(s == 302 for s in changing.result()), changing.result()
    return [text is not None for text in texts]
