"""Live sockets on two daphne processes over the private Redis: health that is not fooled
by them, the Host check, closing on logout and deactivation, a flooding client closed
alone, idle sockets that stay up, pushes that resume after FLUSHALL, a connect storm."""

import asyncio
import time

import aiohttp
import pytest

from tests.reliability.clients import (
    PUSH_SECONDS,
    healthz,
    http_session,
    push_arrives,
    request,
    ws_closed_within,
    ws_open,
)

BOARD = "/ws/leaderboard/?period=week&scope=people"
NOTIFICATIONS = "/ws/notifications/"
CLOSE_POLICY = 1008
CLOSE_SECONDS = 1  # ... and for sockets to close on logout or deactivation
IDLE_SECONDS = 60
STORM_PER_PROCESS = 2000


def _spare_people(plan: dict, count: int) -> list[str]:
    """People the load never acts for, so closing their sessions changes nothing else."""
    busy = {item["user"] for kind in ("shares", "acks", "attempts") for item in plan[kind]}
    busy |= {"hr", plan["board_username"]}  # they make and show the board changes
    spare = [name for name in sorted(plan["sessions"]) if name not in busy]
    assert len(spare) >= count, "the demo has too few people for these tests"
    return spare[:count]


def test_healthz_is_200_while_sockets_are_connected(stack):
    session_key = stack.plan["sessions"]["advocate"]

    async def scenario():
        async with http_session() as http:
            sockets = [
                await ws_open(http, url, path, session_key)
                for url in stack.urls
                for path in (BOARD, NOTIFICATIONS, BOARD, NOTIFICATIONS, BOARD)
            ]
            await asyncio.sleep(0.5)  # every socket is waiting for its next message
            statuses = [(await healthz(http, url)).status for url in stack.urls for _ in range(8)]
            for ws in sockets:
                await ws.close()
            return statuses

    assert asyncio.run(scenario()) == [200] * 16


def test_a_handshake_with_a_foreign_host_is_refused(stack):
    session_key = stack.plan["sessions"]["advocate"]

    async def scenario():
        async with http_session() as http:
            allowed = await ws_open(http, stack.urls[0], BOARD, session_key)
            await allowed.close()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await ws_open(http, stack.urls[0], BOARD, session_key, Host="chorus.evil.example")
            return refused.value.status

    assert asyncio.run(scenario()) == 403


def test_a_flooding_socket_is_closed_and_the_others_keep_receiving(services_up):
    stack = services_up
    flooder_key = stack.plan["sessions"]["advocate"]
    listener_key = stack.plan["sessions"][_spare_people(stack.plan, 3)[2]]

    async def scenario():
        async with http_session() as http:
            flooder = await ws_open(http, stack.urls[0], BOARD, flooder_key)
            listeners = [await ws_open(http, url, BOARD, listener_key) for url in stack.urls]
            sent = 0
            for _ in range(2000):  # bounded: at most 2,000 frames, stopped once refused
                if flooder.closed:
                    break
                try:
                    await flooder.send_str("x" * 64)
                except (ConnectionError, aiohttp.ClientError):
                    break
                sent += 1
                if sent % 50 == 0:
                    await asyncio.sleep(0)
            closed = await ws_closed_within(flooder, 5)
            code = flooder.close_code
            received = await push_arrives(http, stack.urls, stack.plan, listeners)
            still_open = [not ws.closed for ws in listeners]
            for ws in listeners:
                await ws.close()
            return sent, closed, code, received, still_open

    outcome = asyncio.run(scenario())
    sent, closed, code, received, still_open = outcome
    # A policy code (1008, or one in the application range 4000-4999), not an error (1011).
    assert closed and code is not None and (code == CLOSE_POLICY or 4000 <= code <= 4999), outcome
    assert still_open == [True, True], outcome
    assert received == [True, True], outcome


def _open_every_socket(http, stack, session_key):
    return asyncio.gather(
        *(
            ws_open(http, url, path, session_key)
            for url in stack.urls
            for path in (BOARD, NOTIFICATIONS)
        )
    )


def test_logging_out_closes_that_sessions_sockets_on_every_process(stack):
    person = _spare_people(stack.plan, 3)[0]
    session_key = stack.dataset("session", person)

    async def scenario():
        async with http_session() as http:
            sockets = await _open_every_socket(http, stack, session_key)
            response = await request(
                http, "POST", f"{stack.urls[0]}/accounts/logout/", session_key=session_key
            )
            closed = await asyncio.gather(*(ws_closed_within(ws, CLOSE_SECONDS) for ws in sockets))
            return response.status, closed, [ws.close_code for ws in sockets]

    status, closed, codes = asyncio.run(scenario())
    assert status in (200, 302)
    assert closed == [True] * 4, codes


def test_deactivating_a_person_closes_their_sockets_on_every_process(stack):
    person = _spare_people(stack.plan, 3)[1]
    session_key = stack.dataset("session", person)

    async def scenario():
        async with http_session() as http:
            sockets = await _open_every_socket(http, stack, session_key)
            # As HR in the admin or the identity provider would: from another process.
            await asyncio.to_thread(stack.dataset, "deactivate", person)
            closed = await asyncio.gather(*(ws_closed_within(ws, CLOSE_SECONDS) for ws in sockets))
            return closed, [ws.close_code for ws in sockets]

    closed, codes = asyncio.run(scenario())
    assert closed == [True] * 4, codes


async def _listen(ws, seconds: float) -> int | None:
    """Read for `seconds` as a browser does (answering the server's pings); the close code
    if the socket closed meanwhile, else None."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await asyncio.wait_for(ws.receive(), left)
        except TimeoutError:
            break
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            return ws.close_code or message.data
        if message.type == aiohttp.WSMsgType.ERROR:
            return -1
    return None


def test_idle_sockets_are_alive_after_a_minute(stack):
    session_key = stack.plan["sessions"]["advocate"]

    async def scenario():
        async with http_session() as http:
            opened_on = [(url, path) for url in stack.urls for path in (BOARD, NOTIFICATIONS) * 3]
            sockets = [await ws_open(http, url, path, session_key) for url, path in opened_on]
            closed = await asyncio.gather(*(_listen(ws, IDLE_SECONDS + 5) for ws in sockets))
            boards = [ws for ws, (_, path) in zip(sockets, opened_on, strict=True) if path == BOARD]
            received = await push_arrives(http, stack.urls, stack.plan, boards)
            for ws in sockets:
                await ws.close()
            return closed, received

    closed, received = asyncio.run(scenario())
    assert closed == [None] * 12, closed
    assert all(received), received


def test_pushes_resume_after_redis_is_flushed(services_up, record_property):
    stack = services_up
    session_key = stack.plan["sessions"]["advocate"]

    async def scenario():
        async with http_session() as http:
            sockets = [await ws_open(http, url, BOARD, session_key) for url in stack.urls]
            before = await push_arrives(http, stack.urls, stack.plan, sockets)
            await asyncio.sleep(1.5)  # past the push window: the next change pushes again
            stack.redis.command("FLUSHALL")
            flushed = time.monotonic()
            after = await push_arrives(http, stack.urls, stack.plan, sockets)
            resumed = time.monotonic() - flushed
            for ws in sockets:
                await ws.close()
            return before, after, resumed

    before, after, resumed = asyncio.run(scenario())
    record_property("flushall_push_resumed_after_s", round(resumed, 2))
    assert before == [True, True]
    assert after == [True, True], f"no push within {PUSH_SECONDS} s of FLUSHALL"


def test_a_connect_storm_of_2000_per_process_is_accepted(stack, record_property):
    session_key = stack.plan["sessions"]["advocate"]

    async def connect(http, url):
        try:
            return await ws_open(http, url, NOTIFICATIONS, session_key)
        except (aiohttp.ClientError, TimeoutError) as error:
            return error

    async def scenario():
        connector = aiohttp.TCPConnector(limit=0, force_close=True)
        timeout = aiohttp.ClientTimeout(total=120)
        async with aiohttp.ClientSession(
            connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
        ) as http:
            started = time.monotonic()
            outcomes = await asyncio.wait_for(
                asyncio.gather(
                    *(connect(http, url) for url in stack.urls for _ in range(STORM_PER_PROCESS))
                ),
                180,
            )
            seconds = time.monotonic() - started
            accepted = [ws for ws in outcomes if isinstance(ws, aiohttp.ClientWebSocketResponse)]
            await asyncio.sleep(1)
            alive = sum(1 for ws in accepted if not ws.closed)
            await asyncio.gather(*(ws.close() for ws in accepted), return_exceptions=True)
            refused = [
                repr(o) for o in outcomes if not isinstance(o, aiohttp.ClientWebSocketResponse)
            ]
            return len(accepted), alive, refused, seconds

    accepted, alive, refused, seconds = asyncio.run(scenario())
    record_property("storm", {"accepted": accepted, "alive": alive, "seconds": round(seconds, 1)})
    figures = f"{accepted} accepted, {alive} alive after 1 s, {seconds:.1f} s"
    print("connect storm:", figures)  # noqa: T201
    assert refused == [], refused[:5]
    assert accepted == alive == 2 * STORM_PER_PROCESS
