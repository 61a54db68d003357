"""Redis or PostgreSQL stops under a mixed load of what people do, on two daphne processes.

Redis is not the truth: with it gone every page renders, every action commits and
/healthz says which service is missing; when it returns, everything resumes unrestarted.
PostgreSQL is: with it gone requests are answered 503 with Retry-After (never 500), and
when it returns service resumes without restarting daphne. Either way, every action that
was answered as done has its committed row, and the ledger matches the totals.
"""

import asyncio
import threading
import time

from tests.reliability.clients import MixedLoad, healthz, http_session, push_arrives, ws_open

REDIS_DOWN_SECONDS = 20
POSTGRES_DOWN_SECONDS = 10
RECOVERY_SECONDS = 30  # the longest a test waits for a service to be answered again
MAX_REQUESTS = 4000
BOARD = "/ws/leaderboard/?period=week&scope=people"


async def _in_thread(function) -> None:
    """Stop or start a service without holding up the load."""
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    errors: list[BaseException] = []

    def run():
        try:
            function()
        except BaseException as error:  # handed back to the test
            errors.append(error)
        finally:
            loop.call_soon_threadsafe(done.set)

    threading.Thread(target=run, daemon=True).start()
    await done.wait()
    if errors:
        raise errors[0]


async def _health_all(urls: list[str]) -> list:
    async with http_session() as http:
        return [await healthz(http, url) for url in urls]


async def _until_healthy(urls: list[str]) -> float:
    """Seconds until every server answers /healthz 200 (bounded by RECOVERY_SECONDS)."""
    started = time.monotonic()
    while time.monotonic() - started < RECOVERY_SECONDS:
        if all(r.status == 200 for r in await _health_all(urls)):
            return time.monotonic() - started
        await asyncio.sleep(0.25)
    raise AssertionError(f"not healthy again within {RECOVERY_SECONDS} s")


def _assert_nothing_lost(stack, before: dict, tally) -> None:
    missing = stack.dataset("verify", stdin=tally.done)
    assert missing == {"shares": [], "acks": [], "answers": []}, missing
    after = stack.dataset("counts")
    assert after["clicks"] - before["clicks"] == len(tally.done["clicks"])
    assert after["shares"] - before["shares"] == len(tally.done["shares"])
    assert after["acks"] - before["acks"] == len(tally.done["acks"])
    assert after["answers"] - before["answers"] == len(tally.done["answers"])
    assert stack.dataset("reconcile") == []


def test_redis_stopped_costs_no_page_and_no_committed_action(services_up, record_property):
    stack = services_up
    before = stack.dataset("counts")

    async def scenario():
        load = MixedLoad(
            stack.plan, stack.urls, max_requests=MAX_REQUESTS, seconds=REDIS_DOWN_SECONDS + 12
        )
        running = asyncio.create_task(load.run())
        await asyncio.sleep(4)
        await _in_thread(stack.redis.stop)
        down_since = time.monotonic()
        during = []
        while time.monotonic() - down_since < REDIS_DOWN_SECONDS:
            during.extend(await _health_all(stack.urls))
            await asyncio.sleep(2)
        await _in_thread(stack.redis.start)
        recovered = await _until_healthy(stack.urls)
        tally = await running
        # Clients reconnect after the outage and live pushes reach them again.
        async with http_session() as http:
            key = stack.plan["sessions"]["advocate"]
            sockets = [await ws_open(http, url, BOARD, key) for url in stack.urls]
            pushed = await push_arrives(http, stack.urls, stack.plan, sockets)
            for ws in sockets:
                await ws.close()
        return tally, during, recovered, pushed

    tally, during, recovered, pushed = asyncio.run(scenario())
    summary = tally.summary()
    record_property("redis_down", {**summary, "healthz recovered after s": round(recovered, 2)})
    print("redis stopped:", summary, "healthz 200 again after", round(recovered, 2), "s")  # noqa: T201

    assert during and all(r.status == 503 for r in during), [r.status for r in during]
    assert all('"failing": ["channel_layer"]' in r.body for r in during), during[0].body
    assert summary["5xx other than 503"] == 0 and summary["503"] == 0, summary
    assert summary["no answer"] == 0, summary
    assert tally.done["shares"] and tally.done["acks"] and tally.done["answers"], summary
    assert tally.done["clicks"], summary
    assert pushed == [True, True], "no live push after Redis returned"
    _assert_nothing_lost(stack, before, tally)


def test_postgres_stopped_is_503_with_retry_after_then_service_resumes(
    services_up, record_property
):
    stack = services_up
    before = stack.dataset("counts")

    async def scenario():
        load = MixedLoad(stack.plan, stack.urls, max_requests=MAX_REQUESTS, seconds=12)
        warm = await load.run()
        assert warm.with_status(lambda s: s >= 500) == 0, warm.summary()
        load = MixedLoad(
            stack.plan, stack.urls, max_requests=MAX_REQUESTS, seconds=POSTGRES_DOWN_SECONDS
        )
        await _in_thread(stack.postgres.stop)
        outage = await load.run()
        during = await _health_all(stack.urls)
        await _in_thread(stack.postgres.start)
        recovered = await _until_healthy(stack.urls)
        after = await MixedLoad(stack.plan, stack.urls, max_requests=MAX_REQUESTS, seconds=8).run()
        return warm, outage, during, recovered, after

    warm, outage, during, recovered, after = asyncio.run(scenario())
    figures = {
        "before": warm.summary(),
        "during": outage.summary(),
        "slowest 503 s": round(outage.slowest_503, 2),
        "healthz recovered after s": round(recovered, 2),
        "after": after.summary(),
    }
    record_property("postgres_down", figures)
    print("postgres stopped:", figures)  # noqa: T201

    summary = outage.summary()
    assert summary["503"] > 0, summary
    assert summary["5xx other than 503"] == 0, summary
    assert summary["no answer"] == 0, summary
    assert outage.missing_retry_after == 0
    assert outage.slowest_503 < 2.0, figures  # the bound: a 503 within 2 s
    assert all(r.status == 503 and '"database"' in r.body for r in during)
    assert after.with_status(lambda s: s >= 500 or s == 0) == 0, after.summary()
    assert after.requests > 0
    _assert_nothing_lost(stack, before, _merged(warm, outage, after))


def _merged(*tallies):
    merged = tallies[0].__class__()
    for tally in tallies:
        for kind, items in tally.done.items():
            merged.done[kind].extend(items)
    return merged
