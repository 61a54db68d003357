"""The harness's pure parts: percentiles, shuffled rounds, result rows and the table.

A result row is {"metric", "value", "unit", "floor", "ratio", "n", "target"}: `value` the
measured figure, `floor` the same-run floor it is compared with (None for a figure
without one), `ratio` value / floor, `target` the bound the ratio (or, without a floor,
the value itself) must stay within (None: reported only).
"""

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Summary:
    n: int
    p50: float
    p95: float
    p99: float
    max: float
    per_second: float
    queries: float | None  # median queries per request, as the server counted them


def summarise(
    samples_ms: Sequence[float], *, wall_s: float, queries: Sequence[int] = ()
) -> Summary:
    return Summary(
        n=len(samples_ms),
        p50=percentile(samples_ms, 50),
        p95=percentile(samples_ms, 95),
        p99=percentile(samples_ms, 99),
        max=max(samples_ms, default=math.nan),
        per_second=len(samples_ms) / wall_s if wall_s > 0 else math.nan,
        queries=percentile(queries, 50) if queries else None,
    )


def rounds_order(names: Sequence[str], rounds: int, rng: random.Random) -> list[list[str]]:
    """`rounds` rounds, each every name once in its own shuffled order, so product paths
    and their floors alternate in time and drift on the machine hits both alike."""
    order = []
    for _ in range(rounds):
        names_now = list(names)
        rng.shuffle(names_now)
        order.append(names_now)
    return order


def result_row(
    metric: str,
    value: float,
    unit: str,
    *,
    n: int,
    floor: float | None = None,
    target: float | None = None,
) -> dict:
    ratio = round(value / floor, 3) if floor else None
    return {
        "metric": metric,
        "value": round(value, 3),
        "unit": unit,
        "floor": round(floor, 3) if floor is not None else None,
        "ratio": ratio,
        "n": n,
        "target": target,
    }


def within(row: dict) -> bool | None:
    """Whether the row meets its target; None when it has none. A ratio target applies to
    the ratio, a target without a floor to the value."""
    if row["target"] is None:
        return None
    figure = row["ratio"] if row["floor"] is not None else row["value"]
    if figure is None or math.isnan(figure):
        return False
    return figure <= row["target"]


def _cell(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


TABLE_HEAD = (
    "path", "c", "p50", "p95", "p99", "req/s", "queries", "floor p50", "ratio", "target",
    "within?",
)  # fmt: skip


def table_line(
    path: str, clients: int, summary: Summary, row: dict | None, *, markdown: bool = False
) -> list[str]:
    ok = within(row) if row else None
    return [
        path,
        str(clients),
        _cell(summary.p50),
        _cell(summary.p95),
        _cell(summary.p99),
        _cell(summary.per_second),
        _cell(summary.queries, 0),
        _cell(row["floor"]) if row else "-",
        _cell(row["ratio"], 2) if row and row["ratio"] is not None else "-",
        (f"≤ {row['target']}{'×' if row['floor'] is not None else ' ms'}")
        if row and row["target"] is not None
        else "-",
        "-" if ok is None else ("yes" if ok else "NO"),
    ]


def table_render(lines: list[list[str]], *, markdown: bool = False) -> str:
    rows = [list(TABLE_HEAD), *lines]
    if markdown:
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        out += ["| " + " | ".join(cells) + " |" for cells in rows[1:]]
        return "\n".join(out)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                  enumerate(zip(cells, widths, strict=True)))
        for cells in rows
    )  # fmt: skip
