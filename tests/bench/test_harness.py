"""The bench's pure parts: percentiles, shuffled rounds, result rows and their targets.

No time is asserted here: speed is shown only by `make bench`.
"""

import json
import math
import random

from bench import report
from bench.stats import (
    percentile,
    result_row,
    rounds_order,
    summarise,
    table_line,
    table_render,
    within,
)


def test_percentiles_interpolate_between_ranks():
    samples = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert percentile(samples, 50) == 30.0
    assert percentile(samples, 0) == 10.0
    assert percentile(samples, 100) == 50.0
    assert percentile(samples, 25) == 20.0
    assert percentile([1.0, 2.0], 99) == 1.99
    assert math.isnan(percentile([], 50))


def test_summary_counts_requests_per_second_and_median_queries():
    summary = summarise([5.0, 1.0, 3.0], wall_s=2.0, queries=[4, 6, 5])
    assert (summary.n, summary.p50, summary.max) == (3, 3.0, 5.0)
    assert summary.per_second == 1.5
    assert summary.queries == 5
    assert summarise([1.0], wall_s=1.0).queries is None


def test_every_round_has_every_path_once_in_a_shuffled_order():
    names = [f"path {n}" for n in range(12)]
    order = rounds_order(names, 6, random.Random(3))
    assert len(order) == 6
    assert all(sorted(one) == sorted(names) for one in order)
    assert len({tuple(one) for one in order}) > 1  # the order changes between rounds
    assert order == rounds_order(names, 6, random.Random(3))  # a seed replays a run


def test_a_ratio_target_applies_to_the_ratio_and_a_plain_target_to_the_value():
    inside = result_row("credited", 19.0, "ms", n=50, floor=10.0, target=2.0)
    outside = result_row("credited", 21.0, "ms", n=50, floor=10.0, target=2.0)
    assert (inside["ratio"], within(inside)) == (1.9, True)
    assert (outside["ratio"], within(outside)) == (2.1, False)
    assert within(result_row("p99", 240.0, "ms", n=9, target=250.0)) is True
    assert within(result_row("p99", 260.0, "ms", n=9, target=250.0)) is False
    assert within(result_row("queries", 12, "queries", n=1)) is None


def test_results_file_holds_the_agreed_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "RESULTS", tmp_path / "results.json")
    rows = [
        result_row("lesson page p50 (c=1)", 12.34567, "ms", n=100, floor=10.0, target=1.5),
        result_row("daphne RSS after the run", 90.0, "MB", n=1),
    ]
    report.results_write(rows, history=tmp_path / "history.json")
    written = json.loads((tmp_path / "results.json").read_text())
    assert [set(row) for row in written] == [
        {"metric", "value", "unit", "floor", "ratio", "n", "target"}
    ] * 2
    assert written[0]["value"] == 12.346 and written[0]["ratio"] == 1.235
    assert written[1]["floor"] is None and written[1]["ratio"] is None
    assert json.loads((tmp_path / "history.json").read_text()) == written


def test_the_table_marks_a_miss():
    summary = summarise([30.0] * 4, wall_s=1.0, queries=[20] * 4)
    row = result_row("credited", 30.0, "ms", n=4, floor=10.0, target=2.0)
    line = table_line("/l/<code> credited", 1, summary, row)
    assert line[-1] == "NO" and line[-2] == "≤ 2.0×" and line[8] == "3.00"
    text = table_render([line], markdown=True)
    assert text.splitlines()[0].startswith("| path | c | p50")
    assert "| NO |" in text
