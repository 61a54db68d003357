"""A connection pool that runs dry answers 503 with Retry-After, never 500 or a hang, loses
nothing, and serves again as soon as its connections come back, without a restart.

Deterministic, not load: a daphne process of its own on the private PostgreSQL, with a
pool of POOL_SIZE connections (all opened at start) and a one-second pool timeout, its
connections named in pg_stat_activity. The test takes an ACCESS EXCLUSIVE lock on
django_session in a connection of its own, then POOL_SIZE people acknowledge a policy:
each request takes a pooled connection, reads its session and waits on the lock, holding
the connection. Once PostgreSQL shows all of them waiting, the pool is certainly empty, and
every further request (a page, an acknowledgement, /healthz) must be answered 503 within
the pool timeout and a margin. Then the lock goes: the held acknowledgements are answered as
done and committed, the refused one wrote nothing and goes through when sent again, and
the daphne never held more connections than its pool allows.

The people are the test's own (`dataset newcomers`, created after the shared plan was made),
so the other reliability tests find the plan as they left it.

Once as the portal is served (portal.asgi) and once as `make bench` serves it
(bench.asgi, whose URLconf lacked the portal's handler500: its pool timeouts at 16 clients
were Django's plain 500s).
"""

import asyncio
import subprocess
import sys
import threading
import time

import psycopg
import pytest

from tests.reliability.clients import healthz, http_session, request
from tests.reliability.conftest import ROOT, START_SECONDS, _stop
from tests.reliability.services import free_port
from tests.servers import daphne_wait_healthy

POOL_SIZE = 3
POOL_TIMEOUT = 1  # DATABASE_POOL_TIMEOUT, seconds
MARGIN = 2.0  # seconds past the pool timeout a 503 may take on a busy two-core machine
HELD_SECONDS = 60  # the held requests' own bound; the lock goes long before
SETTLE_SECONDS = 30  # the most the test waits for requests to block, or for service again
SAMPLE_SECONDS = 0.02
ROUNDS = 2  # rounds of requests sent while the pool is empty


def _tiny_pool_daphne(stack, application: str, application_name: str, log):
    database_url = f"{stack.postgres.url}?application_name={application_name}"
    env = {
        **stack.env,
        "DATABASE_URL": database_url,
        "DATABASE_POOL_MIN_SIZE": str(POOL_SIZE),  # opened at start: no growing mid-test
        "DATABASE_POOL_MAX_SIZE": str(POOL_SIZE),
        "DATABASE_POOL_TIMEOUT": str(POOL_TIMEOUT),
    }
    if application.startswith("bench."):
        # bench.settings takes its services from BENCH_* and rewrites the rest.
        env.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
            BENCH_DATABASE_URL=database_url,
            BENCH_REDIS_URL=stack.redis.url,
        )
    port = free_port()
    handle = open(log, "w")  # noqa: SIM115 - the process owns it until it exits
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), application],
        cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    daphne_wait_healthy(url=url, process=process, log=log, timeout=START_SECONDS)
    return url, process


class ConnectionWatch:
    """What PostgreSQL sees of one daphne's pool, sampled in a thread over a connection of
    its own: its connections now, how many wait on a lock, and the most it ever had."""

    def __init__(self, database_url: str, application_name: str):
        self.database_url = database_url
        self.application_name = application_name
        self.connections = 0
        self.waiting = 0
        self.most = 0
        self.samples = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            with psycopg.connect(
                self.database_url, autocommit=True, application_name="chorus-pool-watch"
            ) as connection:
                while not self._stop.is_set():
                    self.connections, self.waiting = connection.execute(
                        "SELECT count(*), count(*) FILTER (WHERE wait_event_type = 'Lock')"
                        " FROM pg_stat_activity WHERE application_name = %s",
                        [self.application_name],
                    ).fetchone()
                    self.most = max(self.most, self.connections)
                    self.samples += 1
                    self._stop.wait(SAMPLE_SECONDS)
        except BaseException as error:  # handed to the test by stop()
            self.error = error

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        if self.error is not None:
            raise self.error


async def _acknowledge(http, base: str, item: dict, session_key: str):
    return await request(
        http,
        "POST",
        f"{base}/policies/{item['policy']}/acknowledge/",
        session_key=session_key,
        data={"confirm": "on", "version": item["version"], "revision": item["revision"]},
    )


async def _until(check, what: str, *, stop_early=lambda: False) -> float:
    """Seconds until `check()` holds (bounded by SETTLE_SECONDS)."""
    started = time.monotonic()
    while not check():
        if stop_early() or time.monotonic() - started > SETTLE_SECONDS:
            raise AssertionError(f"{what} did not happen within {SETTLE_SECONDS} s")
        await asyncio.sleep(SAMPLE_SECONDS)
    return time.monotonic() - started


async def _until_healthy(http, url: str) -> float:
    started = time.monotonic()
    while (await healthz(http, url)).status != 200:
        if time.monotonic() - started > SETTLE_SECONDS:
            raise AssertionError(f"/healthz not 200 again within {SETTLE_SECONDS} s")
        await asyncio.sleep(0.1)
    return time.monotonic() - started


@pytest.mark.parametrize("application", ["portal.asgi:application", "bench.asgi:application"])
def test_an_empty_pool_is_503_with_retry_after_and_loses_nothing(
    services_up, application, record_property
):
    stack = services_up
    label = application.split(".")[0]
    application_name = f"chorus-pool-{label}"
    people = stack.dataset("newcomers", f"pool-{label}", str(POOL_SIZE + 1))
    acks = {item["user"]: item for item in people["acks"]}
    held_people, late = sorted(acks)[:POOL_SIZE], sorted(acks)[POOL_SIZE]
    assert len(held_people) == POOL_SIZE, f"each newcomer owes an acknowledgement: {people}"
    sessions = people["sessions"]
    before = stack.dataset("counts")

    log = stack.folder / f"daphne-tiny-pool-{label}.log"
    url, process = _tiny_pool_daphne(stack, application, application_name, log)
    watch = ConnectionWatch(stack.postgres.url, application_name)
    locker = psycopg.connect(stack.postgres.url, application_name="chorus-pool-lock")

    async def scenario() -> dict:
        seen = {}
        async with http_session(seconds=HELD_SECONDS) as http:
            # Every request below reads its session first: with the table locked, each takes
            # a pooled connection and waits on the lock with it.
            await asyncio.to_thread(
                locker.execute, "LOCK TABLE django_session IN ACCESS EXCLUSIVE MODE"
            )
            held = [
                asyncio.create_task(_acknowledge(http, url, acks[name], sessions[name]))
                for name in held_people
            ]
            seen["blocked after"] = await _until(
                lambda: watch.waiting == POOL_SIZE,
                f"{POOL_SIZE} requests waiting on the django_session lock (each reads its"
                " session first, holding a pooled connection)",
                stop_early=lambda: any(task.done() for task in held),
            )
            seen["rounds"] = [
                await asyncio.gather(
                    request(http, "GET", f"{url}/", session_key=sessions[late]),
                    _acknowledge(http, url, acks[late], sessions[late]),
                    healthz(http, url),
                )
                for _ in range(ROUNDS)
            ]
            seen["still held"] = sum(not task.done() for task in held)
            await asyncio.to_thread(locker.rollback)
            released = time.monotonic()
            seen["held answers"] = await asyncio.gather(*held)
            seen["held done after"] = time.monotonic() - released
            # Before the refused acknowledgement is sent again: it must have written nothing.
            seen["unstored"] = await asyncio.to_thread(
                stack.dataset, "verify", stdin={"acks": [acks[n] for n in [*held_people, late]]}
            )
            seen["healthy after"] = await _until_healthy(http, url)
            seen["again"] = await _acknowledge(http, url, acks[late], sessions[late])
            seen["page"] = await request(http, "GET", f"{url}/", session_key=sessions[late])
        return seen

    watch.start()
    try:
        seen = asyncio.run(scenario())
        running = process.poll() is None
    finally:
        locker.close()  # ends the lock whatever happened, before anything else needs it
        watch.stop()
        _stop(process)
    text = log.read_text()
    rounds = seen["rounds"]
    refused = [response for answers in rounds for response in answers]
    pages = [r for answers in rounds for r in answers[:2]]  # the page and the action
    figures = {
        "pool size": POOL_SIZE,
        "requests held": seen["still held"],
        "all held after s": round(seen["blocked after"], 2),
        "503": sum(r.status == 503 for r in refused),
        "sent while empty": len(refused),
        "fastest 503 s": round(min(r.seconds for r in refused), 2),
        "slowest 503 s": round(max(r.seconds for r in refused), 2),
        "held answered after release s": round(seen["held done after"], 2),
        "healthz 200 after s": round(seen["healthy after"], 2),
        "most connections": watch.most,
        "samples": watch.samples,
    }
    record_property(f"pool_exhausted_{application}", figures)
    print(f"pool of {POOL_SIZE}, {application}:", figures)  # noqa: T201

    # The pool was empty, and stayed so while the refused requests were answered.
    assert seen["still held"] == POOL_SIZE, figures
    # What a person sees: a page that says to try again, quickly, never a 500 or a hang.
    assert [r.status for r in refused] == [503] * len(refused), (figures, text[-3000:])
    assert all(r.seconds < POOL_TIMEOUT + MARGIN for r in refused), figures
    assert all(r.headers.get("Retry-After") for r in pages), [r.headers for r in pages]
    assert all("Back in a moment" in r.body for r in pages), pages[0].body
    assert all('"failing": ["database"]' in answers[2].body for answers in rounds)
    # What an operator sees: one line per refused request naming the pool, no tracebacks.
    assert text.count("couldn't get a connection after") >= len(refused), text[-3000:]
    assert "Internal Server Error" not in text and "Traceback" not in text, text[-3000:]
    # Nothing lost: the held acknowledgements were answered as done and are stored, the
    # refused one wrote nothing until it was sent again.
    assert [r.status for r in seen["held answers"]] == [302] * POOL_SIZE, seen
    assert seen["unstored"]["acks"] == [acks[late]], seen["unstored"]
    assert seen["again"].status == 302 and seen["page"].status == 200, seen
    assert running, "daphne exited"
    assert stack.dataset("verify", stdin={"acks": list(acks.values())})["acks"] == []
    assert stack.dataset("counts")["acks"] - before["acks"] == POOL_SIZE + 1
    assert stack.dataset("reconcile") == []
    # The pool is the bound PostgreSQL sees: never more connections than its size.
    assert watch.most == POOL_SIZE, figures
