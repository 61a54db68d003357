"""`make bench` (`python -m bench`): the hot paths on a real daphne, each beside its floor
served by the same daphne in the same run, at 1 and 16 concurrent clients.

  python -m bench [--scale small|company|large] [--quick] [--reuse] [--no-sockets]
                  [--only NAME]...

SQLite (db/bench/<scale>.sqlite3) unless BENCH_DATABASE_URL names a PostgreSQL database
(dropped and rebuilt); Redis when BENCH_REDIS_URL is set (keys under chorus-bench, or
BENCH_REDIS_PREFIX). With Redis, a last section spreads --pair-processes (2) × --pair-sockets
leaderboard sockets over that many daphne processes on the one Redis and PostgreSQL
(bench.sockets); without Redis that section is skipped.
Prints one table, writes bench/results.json, and exits 1 only when a figure misses its
target (issue 12's ratios, kept as they are written there).
"""

import argparse
import asyncio
import os
import random
import sys
import time
from functools import partial
from urllib.parse import urlsplit

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=["small", "company", "large"], default="small")
    parser.add_argument("--quick", action="store_true", help="few samples, for trying it out")
    parser.add_argument("--reuse", action="store_true", help="keep a database built before")
    parser.add_argument("--no-sockets", action="store_true", help="skip the websocket figures")
    parser.add_argument("--sockets", type=int, default=1000, help="sockets for the push figure")
    parser.add_argument(
        "--pair-sockets", type=int, default=1000,
        help="sockets per daphne in the several-process Redis section",
    )  # fmt: skip
    parser.add_argument(
        "--pair-processes", type=int, default=2,
        help="daphne processes on one Redis and one PostgreSQL in that section",
    )  # fmt: skip
    parser.add_argument(
        "--only", action="append", metavar="NAME",
        help="measure only the paths whose names contain NAME (repeatable), with their floors",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=None, help="the rounds' shuffle seed")
    return parser.parse_args()


ARGS = _arguments()
os.environ["BENCH_SCALE"] = ARGS.scale

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402

from bench import build, fixtures, report, server, sockets  # noqa: E402
from bench.dataset import SCALES  # noqa: E402
from bench.load import Load  # noqa: E402
from bench.paths import CONSUMES, paths_chosen, plan_iterators  # noqa: E402
from bench.settings import DATA_DIR  # noqa: E402
from bench.stats import rounds_order  # noqa: E402
from sharing.models import Click, SharePostPage  # noqa: E402

# (clients, rounds, requests per block): every path gets rounds × requests samples.
LEVELS = [(1, 5, 20), (16, 3, 80)]
QUICK_LEVELS = [(1, 2, 10), (16, 1, 32)]


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _prepare(levels) -> dict:
    started = time.monotonic()
    built = build.database_prepare(ARGS.scale, reuse=ARGS.reuse)
    _say(f"data set ({ARGS.scale}, {connection.vendor}): {built}")
    cleared = build.redis_clear()
    if cleared:
        _say(f"removed {cleared} Redis keys under the bench prefix from an earlier run")
    per_path = sum(rounds * count + clients for clients, rounds, count in levels)
    need = dict.fromkeys(CONSUMES.values(), per_path + 32)
    need["sockets"] = 0 if ARGS.no_sockets else ARGS.sockets
    if _pair_runs():
        need["sockets"] = max(need["sockets"], ARGS.pair_processes * ARGS.pair_sockets)
    posts = list(SharePostPage.objects.live().filter(captions__platform="linkedin").distinct())[
        : SCALES[ARGS.scale].posts
    ]
    plan = fixtures.plan_make(posts=[p.pk for p in posts], need=need)
    _say(f"ready in {time.monotonic() - started:.0f}s")
    connections.close_all()  # daphne has the database to itself from here
    return plan


async def _measure(base: str, plan: dict, levels) -> Load:
    chosen = paths_chosen(ARGS.only)
    load = Load(base, plan)
    seed = ARGS.seed if ARGS.seed is not None else random.randrange(1_000_000)
    rng = random.Random(seed)
    _say(f"rounds shuffled with seed {seed}")
    async with load.session(1) as http:
        await load.prime(http, chosen)
    for clients, rounds, count in levels:
        started = time.monotonic()
        order = rounds_order([p.name for p in chosen], rounds, rng)
        await load.rounds(chosen, order, clients=clients, per_block=count)
        _say(f"{clients} client(s): {time.monotonic() - started:.0f}s")
    return load


async def _sockets(base: str, plan: dict, daphne) -> dict:
    """On a daphne of its own (its memory is the sockets', not the HTTP load's)."""
    # The plan holds sessions for the two-process section too: this one uses --sockets.
    mine = {**plan, "socket_sessions": plan["socket_sessions"][: ARGS.sockets]}
    figures = await sockets.pushes_alternating(
        [base], plan=mine, per_process=ARGS.sockets, pushes=_pushes(), rss=[daphne.rss_mb],
        floor_path=sockets.FLOOR_LOCAL, click_network=14,
    )  # fmt: skip
    _say(f"websockets: sockets reached per push {figures['product']['reached']}")
    # Each push, so a slow one (the p99) can be told from a slow run.
    for side in ("floor", "product"):
        lasts = ", ".join(f"{ms:.0f}" for ms in figures[side]["last_ms"])
        firsts = ", ".join(f"{ms:.0f}" for ms in figures[side]["first_ms"])
        _say(f"websockets, {side}: last delivery ms per push [{lasts}]; first [{firsts}]")
    for side in ("click_alone_ms", "click_ms"):
        _say(f"websockets, {side}: [{', '.join(f'{ms:.0f}' for ms in figures[side])}]")
    return figures


def _pushes() -> int:
    """Pushes counted per section, floor and product each: the p99 of ten was their
    slowest, so one stall of the machine's decided it."""
    return 4 if ARGS.quick else 20


def _pair_runs() -> bool:
    return bool(os.environ.get("BENCH_REDIS_URL")) and not ARGS.no_sockets


def _service_connections(daphne) -> dict:
    """TCP connections `daphne` holds to the Redis and PostgreSQL the bench uses."""
    ports = {}
    for name, variable, default in (
        ("redis", "BENCH_REDIS_URL", 6379),
        ("postgresql", "BENCH_DATABASE_URL", 5432),
    ):
        if os.environ.get(variable):
            ports[name] = urlsplit(os.environ[variable]).port or default
    return {name: daphne.connections_to(port) for name, port in ports.items()}


def _pair(plan: dict) -> dict:
    """--pair-processes daphne processes of their own on one Redis (bench.sockets)."""
    processes = [
        server.Daphne(log=DATA_DIR / f"daphne-pair-{n}.log") for n in range(ARGS.pair_processes)
    ]
    worker = server.Worker(log=DATA_DIR / "worker-pair.log")
    try:
        for daphne in processes:
            daphne.wait_ready()
        worker.wait_ready()
        return asyncio.run(
            sockets.pushes_alternating(
                [d.url for d in processes], plan=plan, per_process=ARGS.pair_sockets,
                pushes=_pushes(), rss=[d.rss_mb for d in processes],
                floor_path=sockets.FLOOR_REDIS, click_network=15,
                connections=[partial(_service_connections, d) for d in processes],
            )
        )  # fmt: skip
    finally:
        for daphne in processes:
            daphne.stop()
        worker.stop()


def _served(run, plan: dict, name: str):
    daphne = server.Daphne(log=DATA_DIR / f"daphne-{name}.log")
    worker = server.Worker(log=DATA_DIR / f"worker-{name}.log")
    try:
        daphne.wait_ready()
        worker.wait_ready()
        return asyncio.run(run(daphne.url, plan, daphne)), daphne.rss_mb()
    finally:
        daphne.stop()
        worker.stop()


def _credited_check(load: Load, plan: dict) -> str:
    """The credited clicks the bench counted against the Click rows the database holds."""
    sent = sum(len(s.ms) for (name, _), s in load.results.items() if "credited" in name)
    stored = Click.objects.filter(share__code__in=plan["credit_codes"], credited=True).count()
    return f"credited clicks: {stored} stored for {sent} measured (+ warm-up)"


def main() -> int:
    levels = QUICK_LEVELS if ARGS.quick else LEVELS
    server.fd_limit_raise()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    plan = _prepare(levels)
    plan_iterators(plan)
    load, rss_after = _served(lambda url, p, d: _measure(url, p, levels), plan, "http")
    figures = {}
    if not ARGS.no_sockets:
        figures, _ = _served(_sockets, plan, "sockets")
    paired = None
    if _pair_runs():
        paired = _pair(plan)
        reached = paired["product"]["reached"]
        _say(f"{ARGS.pair_processes} daphne on Redis: sockets reached per push {reached}")
    elif not ARGS.no_sockets:
        _say("two daphne on Redis: skipped (set BENCH_REDIS_URL to run it)")
    vendor = connection.vendor
    history = DATA_DIR / f"results-{vendor}-{ARGS.scale}.json"
    earlier = {}
    if ARGS.scale != "small":
        earlier = report.earlier_figures(DATA_DIR / f"results-{vendor}-small.json", only="queries")
    rows, lines = report.http_rows(
        load.results, levels=[c for c, _, _ in levels], vendor=vendor, earlier=earlier
    )
    if figures:
        rows += report.socket_rows(figures, sockets=ARGS.sockets)
    if paired:
        rows += report.pair_rows(
            paired, per_process=ARGS.pair_sockets, processes=ARGS.pair_processes
        )
    rows.append(report.result_row("daphne RSS after the HTTP load", rss_after, "MB", n=1))
    report.results_write(rows, history=None if ARGS.only else history)
    print(f"Chorus bench · {vendor} · scale {ARGS.scale} · {'quick' if ARGS.quick else 'full'}")
    print(report.render(lines, rows))
    print(_credited_check(load, plan))
    missed = [row["metric"] for row in rows if report.within(row) is False]
    if missed:
        print("Missed targets: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
