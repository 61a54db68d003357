"""The shape of the house: apps in layers importing downward only, small modules and
functions. Parses every module of every app (imports inside functions included)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Layer of each app; an app may import apps of lower layers, and apps of its own layer as
# long as no cycle forms. notifications is a leaf service: the base only, yet everyone
# above may call it.
LAYERS = {
    "portal": 0,
    "people": 0,
    "notifications": 1,
    "leaderboard": 2,
    "courses": 2,
    "policies": 2,
    "sharing": 2,
    "home": 3,
    "reports": 3,
    "webhooks": 3,
}
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
DATA_FILES = {"demo_content.py"}  # demo prose, not code


def _modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def _imports(tree: ast.AST):
    """(module imported, line, inside a function) for every absolute import."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, id(node) in inside
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.module, node.lineno, id(node) in inside


def _edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for app, path in _modules():
        for module, line, _ in _imports(ast.parse(path.read_text())):
            target = module.split(".")[0]
            if target in LAYERS and target != app:
                edges.setdefault((app, target), []).append(f"{path.relative_to(ROOT)}:{line}")
    return edges


def _cycle(edges) -> list[str] | None:
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
            if not state.get(nxt) and (found := visit(nxt, [*trail, nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if not state.get(start) and (found := visit(start, [start])):
            return found
    return None


def test_no_app_imports_upward():
    upward = [
        f"{source} → {target}: {', '.join(places)}"
        for (source, target), places in sorted(_edges().items())
        if LAYERS[target] > LAYERS[source]
    ]
    assert upward == []


def test_no_import_cycle_between_apps():
    assert _cycle(_edges()) is None


def test_the_graph_finds_a_cycle_and_an_upward_import():
    """The checks above can fail: a made-up graph with both defects is caught."""
    edges = {("courses", "leaderboard"): [], ("leaderboard", "courses"): []}
    assert _cycle(edges) in (
        ["courses", "leaderboard", "courses"],
        ["leaderboard", "courses", "leaderboard"],
    )
    assert LAYERS["home"] > LAYERS["people"]  # people → home would be reported as upward


def test_imports_of_other_apps_inside_functions_say_why():
    silent = []
    for app, path in _modules():
        lines = path.read_text().splitlines()
        for module, line, inside in _imports(ast.parse("\n".join(lines))):
            target = module.split(".")[0]
            if not inside or target not in LAYERS or target == app:
                continue
            said = "#" in lines[line - 1] or lines[line - 2].strip().startswith("#")
            if not said:
                silent.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert silent == []


def _function_lengths(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            yield node.name, node.lineno, node.end_lineno - first + 1


@pytest.mark.parametrize("kind", ["module", "function"])
def test_modules_and_functions_stay_small(kind):
    too_big = []
    for _, path in _modules():
        if path.name in DATA_FILES:
            continue
        text = path.read_text()
        where = path.relative_to(ROOT)
        if kind == "module" and len(text.splitlines()) > MAX_MODULE_LINES:
            too_big.append(f"{where}: {len(text.splitlines())} lines")
        if kind == "function":
            too_big += [
                f"{where}:{line} {name}: {length} lines"
                for name, line, length in _function_lengths(ast.parse(text))
                if length > MAX_FUNCTION_LINES
            ]
    assert too_big == []
