"""`make bench`: measure the hot paths, each figure beside its floor, in one run.

Each app with a hot path has a module here listed in MODULES, exposing
`measure() -> list[Figure]`. Figures are printed as a table and written to
bench/results.json as {"metric", "value", "unit", "floor", "ratio", "n"} objects.

A floor is the bound the figure must stay within (for "lower is better" units such as
ms or queries, value <= floor; ratio = value / floor, so below 1.0 is inside the floor).
"""

import importlib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from bench.harness import Figure, bench_database  # noqa: E402

MODULES = [
    "bench.people",
    "bench.courses",
    "bench.leaderboard",
    "bench.notifications",
    "bench.policies",
    "bench.sharing",
]


def main() -> int:
    figures: list[Figure] = []
    with bench_database():
        for name in MODULES:
            module = importlib.import_module(name)
            figures.extend(module.measure())
    rows = [figure.as_dict() for figure in figures]
    width = max((len(row["metric"]) for row in rows), default=10)
    print(f"{'metric':<{width}}  {'value':>10}  {'floor':>10}  {'ratio':>6}  {'n':>6}  unit")
    failed = False
    for row in rows:
        flag = "" if row["ratio"] <= 1.0 else "  ABOVE FLOOR"
        failed |= row["ratio"] > 1.0
        print(
            f"{row['metric']:<{width}}  {row['value']:>10.3f}  {row['floor']:>10.3f}  "
            f"{row['ratio']:>6.2f}  {row['n']:>6}  {row['unit']}{flag}"
        )
    Path(__file__).with_name("results.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
