"""Server-side SVG charts: no JavaScript, no CDN. The same numbers are always in a table too.

Each chart is decorative for screen readers (aria-hidden) except for its title; the table
beside it is the accessible version.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = ["#4338ca", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#7c3aed", "#0f766e"]
WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56


def _nice_max(value: float) -> float:
    """A top for the y axis at or above `value` whose four gridline steps are each 1, 2 or
    5 × 10ⁿ (n ≥ 0), so every tick is a round whole number."""
    quarter = max(value, 1) / 4
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= quarter:
                return 4 * step * magnitude
        magnitude *= 10


def _fmt(value: float) -> str:
    return f"{value:g}" if value < 10_000 else f"{value / 1000:g}k"


def _frame(title: str, y_max: float, parts: list[str], labels: list[str], xs: list[float]) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    out = [
        f'<svg class="chorus-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-label="{escape(title)} (the numbers are in the table below)" '
        'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(5):
        value = y_max * i / 4
        y = TOP + plot_h - plot_h * i / 4
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#e5e7eb" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#6b7280">'
            f"{_fmt(value)}</text>"
        )
    every = max(1, len(labels) // 12)
    for i, (label, x) in enumerate(zip(labels, xs, strict=True)):
        if i % every:
            continue
        out.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'fill="#374151">{escape(label)}</text>'
        )
    out.extend(parts)
    return "\n".join(out)


def _legend(names: list[str]) -> str:
    out, x = [], LEFT
    for i, name in enumerate(names):
        colour = PALETTE[i % len(PALETTE)]
        out.append(
            f'<rect x="{x}" y="{HEIGHT - 22}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{HEIGHT - 13}" fill="#111827">{escape(name)}</text>'
        )
        x += 24 + 7 * len(name)
    return "".join(out)


def line_chart(*, title: str, labels: list[str], series: dict[str, list[float]]) -> SafeString:
    """Lines over `labels` (e.g. weeks), one per series name."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    y_max = _nice_max(max([v for values in series.values() for v in values] or [0]))
    count = max(len(labels), 1)
    xs = [LEFT + (plot_w * (i + 0.5) / count) for i in range(len(labels))]
    parts = []
    for i, values in enumerate(series.values()):
        colour = PALETTE[i % len(PALETTE)]
        points = " ".join(
            f"{x:.1f},{TOP + plot_h - plot_h * v / y_max:.1f}"
            for x, v in zip(xs, values, strict=True)
        )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        for x, v in zip(xs, values, strict=True):
            y = TOP + plot_h - plot_h * v / y_max
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
    parts.append(_legend(list(series)))
    return mark_safe(_frame(title, y_max, parts, labels, xs) + "</svg>")  # noqa: S308 - escaped above


def bar_chart(*, title: str, labels: list[str], series: dict[str, list[float]]) -> SafeString:
    """Grouped bars: for each label one bar per series name."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    y_max = _nice_max(max([v for values in series.values() for v in values] or [0]))
    count = max(len(labels), 1)
    group_w = plot_w / count
    bar_w = group_w * 0.8 / max(len(series), 1)
    xs = [LEFT + group_w * (i + 0.5) for i in range(len(labels))]
    parts = []
    for s, values in enumerate(series.values()):
        colour = PALETTE[s % len(PALETTE)]
        for i, v in enumerate(values):
            h = plot_h * v / y_max
            x = LEFT + group_w * i + group_w * 0.1 + bar_w * s
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="{colour}"/>'
            )
    parts.append(_legend(list(series)))
    return mark_safe(_frame(title, y_max, parts, labels, xs) + "</svg>")  # noqa: S308 - escaped above
