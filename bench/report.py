"""From samples to result rows, the table and bench/results.json."""

import json
from pathlib import Path

from bench.load import Samples
from bench.paths import ALL, CREDITED_C16_SQLITE_P99_MS
from bench.stats import (
    Summary,
    percentile,
    result_row,
    summarise,
    table_line,
    table_render,
    within,
)

RESULTS = Path(__file__).with_name("results.json")


def _summary(samples: Samples) -> Summary:
    return summarise(samples.ms, wall_s=samples.wall_s, queries=samples.queries)


def http_rows(results: dict, *, levels: list[int], vendor: str, earlier: dict) -> tuple:
    """(result rows, table lines) for every path at every client count."""
    rows, lines = [], []
    floors = {
        (name, c): _summary(s) for (name, c), s in results.items() if name.startswith("floor")
    }
    for clients in levels:
        for path in ALL:
            samples = results.get((path.name, clients))
            if samples is None:
                continue
            summary = _summary(samples)
            floor = floors.get((path.floor, clients)) if path.floor else None
            row = result_row(
                f"{path.name} p50 (c={clients})",
                summary.p50,
                "ms",
                n=summary.n,
                floor=floor.p50 if floor else None,
                target=path.target if clients == 1 else None,
            )
            if samples.errors:
                row["errors"] = len(samples.errors)
                row["first_error"] = samples.errors[0][:300]
                row["target"] = row["target"] or 0.0  # a path that errs is not within
            rows.append(row)
            lines.append(table_line(path.name, clients, summary, row))
            if clients == 1 and summary.queries is not None:
                key = f"{path.name} queries/request"
                rows.append(
                    result_row(key, summary.queries, "queries", n=len(samples.queries),
                               target=earlier.get(key))
                )  # fmt: skip
    credited = results.get(("/l/<code> credited", 16))
    if credited is not None and vendor == "sqlite":
        p99 = percentile(credited.ms, 99)
        row = result_row(
            "/l/<code> credited p99 (c=16, SQLite)", p99, "ms", n=len(credited.ms),
            target=CREDITED_C16_SQLITE_P99_MS,
        )  # fmt: skip
        rows.append(row)
    return rows, lines


def socket_rows(figures: dict, *, sockets: int) -> list[dict]:
    """Rows for the one-daphne section (bench.sockets.pushes_alternating on one process)."""
    floor, product = figures["floor"], figures["product"]
    floor_p99 = percentile(floor["last_ms"], 99)
    (idle,), (loaded,), (both,) = figures["idle_rss_mb"], figures["rss_mb"], figures["rss_both_mb"]
    rows = [
        result_row(f"ws push to {sockets} sockets: last delivery p99",
                   percentile(product["last_ms"], 99), "ms", n=len(product["last_ms"]),
                   floor=floor_p99, target=3.0),
        result_row(f"ws bare fan-out to {sockets} sockets: last delivery p99", floor_p99, "ms",
                   n=len(floor["last_ms"])),
        result_row(f"ws push to {sockets} sockets: first delivery p50",
                   percentile(product["first_ms"], 50), "ms", n=len(product["first_ms"]),
                   floor=percentile(floor["first_ms"], 50)),
        result_row(f"ws sockets reached per push (of {sockets})", min(product["reached"]),
                   "sockets", n=len(product["reached"])),
        result_row(f"daphne RSS with {sockets} leaderboard sockets", loaded, "MB", n=1,
                   target=200.0 if sockets >= 1000 else None),
        # The bare sockets open beside the leaderboard's (the pushes alternate): what they
        # added, on the idle process.
        result_row(f"daphne RSS with {sockets} bare sockets", idle + both - loaded, "MB", n=1),
        result_row("daphne RSS idle", idle, "MB", n=1),
    ]  # fmt: skip
    if figures["click_ms"]:
        # Against the same clicks (a board member's share) before the sockets opened.
        rows.append(
            result_row(f"/l/<code> credited p50 with {sockets} subscribers",
                       percentile(figures["click_ms"], 50), "ms", n=len(figures["click_ms"]),
                       floor=percentile(figures["click_alone_ms"], 50), target=1.2)
        )  # fmt: skip
        rows.append(
            result_row("/l/<code> credited p50 with no subscribers (the same clicks)",
                       percentile(figures["click_alone_ms"], 50), "ms",
                       n=len(figures["click_alone_ms"]))
        )  # fmt: skip
    return rows


def pair_rows(figures: dict, *, per_process: int, processes: int) -> list[dict]:
    """Rows for the sockets across several daphne processes on one Redis."""
    total = per_process * processes
    floor, product = figures["floor"], figures["product"]
    where = f"{total} sockets on {processes} daphne (Redis)"
    rows = [
        result_row(f"ws push to {where}: last delivery p50", percentile(product["last_ms"], 50),
                   "ms", n=len(product["last_ms"]), floor=percentile(floor["last_ms"], 50)),
        result_row(f"ws push to {where}: last delivery p99", percentile(product["last_ms"], 99),
                   "ms", n=len(product["last_ms"]), floor=percentile(floor["last_ms"], 99),
                   target=3.0),
        # First delivery apart from last: the time before the fan-out (render, publish)
        # against the spread of the fan-out itself.
        result_row(f"ws push to {where}: first delivery p50", percentile(product["first_ms"], 50),
                   "ms", n=len(product["first_ms"]), floor=percentile(floor["first_ms"], 50)),
        result_row(f"ws bare Redis pub/sub fan-out to {where}: last delivery p99",
                   percentile(floor["last_ms"], 99), "ms", n=len(floor["last_ms"])),
        result_row(f"ws sockets reached per push (of {total}, {processes} daphne)",
                   min(product["reached"]), "sockets", n=len(product["reached"])),
        result_row(f"ws bare sockets reached per push (of {total}, {processes} daphne)",
                   min(floor["reached"]), "sockets", n=len(floor["reached"])),
    ]  # fmt: skip
    pairs = zip(figures["idle_rss_mb"], figures["rss_mb"], strict=True)
    for index, (idle, loaded) in enumerate(pairs, start=1):
        name = f"daphne {index} of {processes} RSS"
        rows.append(
            result_row(f"{name} with {per_process} leaderboard sockets (Redis)", loaded, "MB",
                       n=1, target=200.0 if per_process >= 1000 else None)
        )  # fmt: skip
        rows.append(result_row(f"{name} idle (Redis)", idle, "MB", n=1))
    for index, held in enumerate(figures.get("connections", []), start=1):
        for service, count in held.items():
            rows.append(
                result_row(f"daphne {index} of {processes} {service} connections with "
                           f"{per_process} sockets", count, "connections", n=1)
            )  # fmt: skip
    alone = figures.get("click_alone_ms")  # the same clicks before the sockets opened
    if figures["click_ms"]:
        rows.append(
            result_row(f"/l/<code> credited p50 with {total} subscribers on {processes} daphne",
                       percentile(figures["click_ms"], 50), "ms", n=len(figures["click_ms"]),
                       floor=percentile(alone, 50) if alone else None)
        )  # fmt: skip
    return rows


def results_write(rows: list[dict], *, history: Path | None) -> None:
    """bench/results.json, and `history` (the figures a larger scale's run compares its
    queries with) unless None: a run of some paths only is no whole run to compare with."""
    text = json.dumps(rows, indent=2) + "\n"
    RESULTS.write_text(text)
    if history is not None:
        history.write_text(text)


def earlier_figures(history: Path, *, only: str) -> dict:
    """Figures of an earlier run (the small scale on the same database), by metric."""
    if not history.exists():
        return {}
    return {
        row["metric"]: row["value"]
        for row in json.loads(history.read_text())
        if only in row["metric"]
    }


def render(lines: list[list[str]], rows: list[dict], *, markdown: bool = False) -> str:
    text = table_render(lines, markdown=markdown)
    extra = [row for row in rows if row["unit"] != "ms" or " p50 (c=" not in row["metric"]]
    if extra:
        text += "\n\n" + "\n".join(
            f"{row['metric']}: {row['value']} {row['unit']}"
            + (f" (floor {row['floor']}, ratio {row['ratio']})" if row["floor"] is not None else "")
            + (f", target ≤ {row['target']}" if row["target"] is not None else "")
            for row in extra
        )
    return text


__all__ = ["result_row", "within"]
