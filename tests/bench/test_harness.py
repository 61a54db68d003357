"""The bench's pure parts: percentiles, shuffled rounds, result rows and their targets.

No time is asserted here: speed is shown only by `make bench`.
"""

import json
import math
import random

import pytest

from bench import paths, report
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


def test_every_served_urlconf_answers_an_unreachable_database_with_503():
    """The bench serves bench.urls: without the portal's handler500 an empty connection
    pool there was Django's plain 500 instead of 503 with Retry-After."""
    from django.urls import get_resolver

    from portal.faults import server_error

    for urlconf in ("portal.urls", "bench.urls"):
        handler = get_resolver(urlconf).resolve_error_handler(500)
        assert handler is server_error, urlconf


def test_two_process_rows_compare_with_the_redis_floor_and_bound_memory():
    figures = {
        "floor": {"last_ms": [10.0, 20.0], "first_ms": [5.0, 6.0], "reached": [2000, 2000]},
        "product": {"last_ms": [30.0, 50.0], "first_ms": [25.0, 28.0], "reached": [2000, 1999]},
        "idle_rss_mb": [90.0, 91.0],
        "rss_mb": [150.0, 210.0],
        "connections": [{"redis": 3, "postgresql": 2}, {"redis": 4, "postgresql": 1}],
        "click_ms": [12.0],
    }
    rows = {r["metric"]: r for r in report.pair_rows(figures, per_process=1000, processes=2)}
    p99 = rows["ws push to 2000 sockets on 2 daphne (Redis): last delivery p99"]
    assert p99["floor"] == percentile([10.0, 20.0], 99) and p99["target"] == 3.0
    assert p99["ratio"] == round(percentile([30.0, 50.0], 99) / p99["floor"], 3)
    assert rows["ws sockets reached per push (of 2000, 2 daphne)"]["value"] == 1999
    assert within(rows["daphne 1 of 2 RSS with 1000 leaderboard sockets (Redis)"]) is True
    assert within(rows["daphne 2 of 2 RSS with 1000 leaderboard sockets (Redis)"]) is False
    assert rows["daphne 2 of 2 redis connections with 1000 sockets"]["value"] == 4


def _one_daphne_figures() -> dict:
    return {
        "floor": {"last_ms": [40.0, 60.0], "first_ms": [20.0, 30.0], "reached": [1000, 1000]},
        "product": {"last_ms": [90.0, 100.0], "first_ms": [40.0, 44.0], "reached": [1000, 998]},
        "idle_rss_mb": [160.0],
        "rss_mb": [195.0],
        "rss_both_mb": [215.0],
        "click_ms": [22.0, 26.0],
        "click_alone_ms": [19.0, 21.0],
    }


def test_one_daphne_rows_read_the_floor_pushes_made_beside_the_product():
    rows = {r["metric"]: r for r in report.socket_rows(_one_daphne_figures(), sockets=1000)}
    p99 = rows["ws push to 1000 sockets: last delivery p99"]
    assert p99["floor"] == percentile([40.0, 60.0], 99) and within(p99) is True
    assert rows["ws sockets reached per push (of 1000)"]["value"] == 998
    assert within(rows["daphne RSS with 1000 leaderboard sockets"]) is True
    # The bare sockets open beside the leaderboard's: what they added, on the idle process.
    assert rows["daphne RSS with 1000 bare sockets"]["value"] == 160.0 + 215.0 - 195.0


def test_a_click_with_subscribers_is_read_against_the_same_clicks_without():
    figures = _one_daphne_figures()
    click = next(
        r for r in report.socket_rows(figures, sockets=1000)
        if r["metric"] == "/l/<code> credited p50 with 1000 subscribers"
    )  # fmt: skip
    assert click["floor"] == 20.0 and click["ratio"] == 1.2 and within(click) is True
    figures["click_alone_ms"] = [15.0, 17.0]
    click = report.socket_rows(figures, sockets=1000)[-2]
    assert click["ratio"] == 1.5 and within(click) is False


def test_connections_to_a_port_are_counted_from_proc():
    import os
    import socket
    from types import SimpleNamespace

    from bench.server import Daphne, free_port

    port = free_port()
    this_process = SimpleNamespace(process=SimpleNamespace(pid=os.getpid()))
    with socket.create_server(("127.0.0.1", port)) as listener:
        assert Daphne.connections_to(this_process, port) == 0
        with socket.create_connection(("127.0.0.1", port)):
            accepted, _ = listener.accept()
            with accepted:
                assert Daphne.connections_to(this_process, port) == 1


def test_only_some_paths_are_measured_with_the_floors_they_are_read_against():
    chosen = [p.name for p in paths.paths_chosen(["refused", "dashboard"])]
    assert chosen == [
        "/l/<code> refused", "dashboard /", "floor: bare 302", "floor: base template"
    ]  # fmt: skip
    assert paths.paths_chosen(None) == paths.ALL
    with pytest.raises(SystemExit, match="--only nonesuch: no such path"):
        paths.paths_chosen(["nonesuch"])


def test_a_partial_run_leaves_the_history_a_larger_scale_compares_with(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "RESULTS", tmp_path / "results.json")
    history = tmp_path / "results-postgresql-small.json"
    history.write_text("[]\n")
    report.results_write([result_row("a", 1.0, "ms", n=1)], history=None)
    assert history.read_text() == "[]\n"
    assert json.loads((tmp_path / "results.json").read_text())[0]["metric"] == "a"
