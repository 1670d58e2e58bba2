"""The layout is the data flow: imports point down the layers, never up, and no two packages import each other.

Every module's imports are read with ``ast`` (the CLI's lazy imports inside functions included),
so a cycle cannot hide behind an import inside a function. Size limits keep modules small.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import REPO

GENERATOR = REPO / "generator"
LAYERS = [
    {"project", "problems", "languages"},
    {"dates", "vocabulary", "model", "timeline", "basis", "translation"},
    {"loader"},
    {"validation"},
    {"renderer"},
    {"writer"},
    {"site"},
    {"pipeline"},
    {"preview", "authoring"},
    {"cli", "__main__"},
]
"""Bottom to top: configuration, the core every stage reads, then the stages in the order data flows."""
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400


def _modules() -> list[Path]:
    return sorted(GENERATOR.rglob("*.py"))


def _part(module: str) -> str:
    """The package or top-level module of ``generator.a.b``: ``a``."""
    return module.split(".")[1]


def _name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    """Every ``generator`` module ``path`` imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
            if node.module == "generator":
                found |= {f"generator.{a.name}" for a in node.names if a.name != "__version__"}
            else:
                found.add(node.module)
    return found


def test_every_part_has_a_layer() -> None:
    parts = {_part(_name(p)) for p in _modules() if _name(p) != "generator"}
    assert parts == set(RANK)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _name(p))
def test_imports_point_down_the_layers(path: Path) -> None:
    name = _name(path)
    if name == "generator":
        return
    here = _part(name)
    for imported in _imports(path):
        there = _part(imported)
        assert RANK[there] <= RANK[here], f"{name} imports {imported}: {there} is above {here}"


def test_no_cycle_between_packages() -> None:
    edges: dict[str, set[str]] = {}
    for path in _modules():
        name = _name(path)
        if name != "generator":
            edges.setdefault(_part(name), set()).update(_part(m) for m in _imports(path) if _part(m) != _part(name))

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(edges.get(start, ()))
        while todo:
            part = todo.pop()
            if part not in seen:
                seen.add(part)
                todo += edges.get(part, ())
        return seen

    cycles = sorted(part for part in edges if part in reach(part))
    assert cycles == []


def test_only_the_cli_imports_inside_functions() -> None:
    """A function-level import hides a cycle; only the CLI (to start fast) and third-party lazy loads may."""
    late = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                module = node.module if isinstance(node, ast.ImportFrom) else None
                if module and module.startswith("generator") and _name(path) != "generator.cli":
                    late.append(f"{_name(path)}:{node.lineno}")
    assert late == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _name(p))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{_name(path)} has more than {MAX_MODULE_LINES} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"  # type: ignore[operator]
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES  # type: ignore[operator]
    ]
    assert long == []
