from reports.charts import bar_chart, line_chart


def test_charts_are_self_contained_svg_with_escaped_text():
    for chart in (
        line_chart(title="A <b> title", labels=["<w1>", "w2"], series={"X & Y": [1, 7]}),
        bar_chart(title="A <b> title", labels=["<w1>", "w2"], series={"X & Y": [0, 3]}),
    ):
        assert chart.startswith("<svg") and chart.endswith("</svg>")
        assert "<b>" not in chart and "&lt;b&gt;" in chart
        assert "&lt;w1&gt;" in chart and "X &amp; Y" in chart
        assert "http" not in chart.replace("http://www.w3.org/2000/svg", "")
        assert 'role="img"' in chart


def test_y_axis_ticks_are_round_numbers():
    chart = line_chart(title="t", labels=["a"], series={"s": [5]})
    # 5 → a top of 8 with ticks 0, 2, 4, 6, 8.
    for tick in ("0", "2", "4", "6", "8"):
        assert f">{tick}</text>" in chart
    assert "3.75" not in chart
