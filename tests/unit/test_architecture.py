"""The house's rules, read from the source: which layer may import which, and no circles.

Imports are read with ``ast`` from every module of the package. Module-level
imports build the graph; imports inside a function (deferred for start-up speed)
and under ``TYPE_CHECKING`` still have to respect the layers, but do not count
as circles, since they run after both modules have loaded.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "frontdesk"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (or package)
    top_level: bool  # at module level, outside TYPE_CHECKING


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(node: ast.AST, source: str, top: bool) -> Iterator[Import]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import):
            yield from (Import(source, a.name, top) for a in child.names)
        elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
            yield from (Import(source, f"{child.module}.{a.name}", top) for a in child.names)
        elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            yield from _imports(child, source, False)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from _imports(child, source, top and isinstance(child, ast.ClassDef))
        else:
            yield from _imports(child, source, top)


def all_imports() -> list[Import]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [i for i in _imports(tree, module_name(path), True)
                  if i.target.startswith(("frontdesk", "PySide6"))]
    return found


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def resolve(target: str) -> str:
    """The module an import names (``from a.b import c`` may import module a.b.c or name c)."""
    return target if target in MODULES else target.rsplit(".", 1)[0]


# What each layer may import from the project (a prefix match), besides itself.
ALLOWED: dict[str, tuple[str, ...]] = {
    "frontdesk.errors": (),
    "frontdesk.core": ("frontdesk.errors",),
    "frontdesk.config": (),
    "frontdesk.db": ("frontdesk.errors",),
    "frontdesk.models": ("frontdesk.core", "frontdesk.db"),  # db: the UTCDateTime column type
    "frontdesk.storage": ("frontdesk.errors", "frontdesk.core"),
    "frontdesk.logs": ("frontdesk.errors", "frontdesk.storage"),
    "frontdesk.migrate": ("frontdesk.db", "frontdesk.migrations", "frontdesk.errors",
                          "frontdesk.storage"),
    "frontdesk.services": ("frontdesk.core", "frontdesk.errors", "frontdesk.db",
                           "frontdesk.models", "frontdesk.storage"),
    "frontdesk.demo": ("frontdesk.core", "frontdesk.errors", "frontdesk.db", "frontdesk.models",
                       "frontdesk.services"),
    "frontdesk.bootstrap": ("frontdesk.config", "frontdesk.core", "frontdesk.db",
                            "frontdesk.migrate", "frontdesk.services", "frontdesk.demo",
                            "frontdesk.errors", "frontdesk.storage"),
    "frontdesk.ui": ("frontdesk.core", "frontdesk.errors", "frontdesk.models",
                     "frontdesk.services", "frontdesk.config", "frontdesk.__init__",
                     "frontdesk.storage", "frontdesk.logs"),
}


def layer_of(module: str) -> str | None:
    return next((layer for layer in sorted(ALLOWED, key=len, reverse=True)
                 if module == layer or module.startswith(layer + ".")), None)


def test_no_layer_imports_one_it_may_not() -> None:
    wrong = []
    for imp in all_imports():
        layer = layer_of(imp.source)
        target = resolve(imp.target)
        if layer is None or target.startswith(layer) or target == "frontdesk":
            continue
        if target.startswith("PySide6"):
            if layer != "frontdesk.ui":
                wrong.append(f"{imp.source} imports {target}")
            continue
        if not any(target == ok or target.startswith(ok + ".") for ok in ALLOWED[layer]):
            wrong.append(f"{imp.source} imports {target}")
    assert wrong == []


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    return next((c for node in sorted(graph) if node not in state and (c := visit(node))), None)


def _graph(granularity: int | None) -> dict[str, set[str]]:
    def key(module: str) -> str:
        return ".".join(module.split(".")[:granularity]) if granularity else module

    graph: dict[str, set[str]] = {}
    for imp in all_imports():
        source, target = key(imp.source), key(resolve(imp.target))
        if imp.top_level and target.startswith("frontdesk") and source != target:
            graph.setdefault(source, set()).add(target)
    return graph


@pytest.mark.parametrize(("granularity", "what"), [(None, "modules"), (3, "capabilities")])
def test_there_are_no_import_circles(granularity: int | None, what: str) -> None:
    assert _cycle(_graph(granularity)) is None, what


def test_the_checks_see_a_circle_and_a_wrong_import() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert layer_of("frontdesk.services.desk.visits") == "frontdesk.services"
    assert not any("frontdesk.ui" in ok for ok in ALLOWED["frontdesk.services"])


SIGNERS: dict[str, set[str]] = {
    "frontdesk.core.permissions.sign": {"frontdesk.services.staff.auth"},
    "frontdesk.services.staff.auth.actor_of": {"frontdesk.services.store.setup"},
}
"""Who may sign an actor: the sign-in, and the first-run set-up (for the admin it has just
written). Anywhere else, a signed actor would carry a role the caller chose."""


def test_only_the_sign_in_signs_actors() -> None:
    signing = {(imp.target, imp.source) for imp in all_imports() if imp.target in SIGNERS}
    assert all(source in SIGNERS[target] for target, source in signing), signing
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    assert "permissions.sign(" not in sources and "auth.actor_of(" not in sources
