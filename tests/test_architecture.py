"""The package layout shows the pipeline: stages in order, no import cycles, a pure core.

Every `import` of the package is read from the source (those inside functions too, except
under `if TYPE_CHECKING:`), so an import moved into a function to dodge a cycle still counts.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "shnor_site"
#: The stages in pipeline order: a module may import its own stage and the ones before it.
STAGES = ["core", "content", "importer", "layout", "graph", "render", "outputs", "pages", "search",
          "build", "mkdocs_plugin", "cli"]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(test)


def _imports(tree: ast.AST) -> list[tuple[str, list[str], int]]:
    """(module, imported names, level) of every import outside TYPE_CHECKING blocks."""
    found: list[tuple[str, list[str], int]] = []
    for node in ast.iter_child_nodes(tree):
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            found += [(a.name, [], 0) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", [a.name for a in node.names], node.level))
        found += _imports(node)
    return found


def _edges(name: str, path: Path) -> set[str]:
    """The package modules that importing `name` loads directly."""
    out: set[str] = set()
    for module, names, level in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        assert level == 0, f"{name}: relative import (use shnor_site.…)"
        targets = [module] + [f"{module}.{n}" for n in names]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


GRAPH = {name: _edges(name, path) for name, path in MODULES.items()}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 2 or (
        len(parts) == 2 and parts[1] in STAGES) else None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    assert _cycles(GRAPH) == []


def test_every_module_belongs_to_a_stage() -> None:
    loose = [m for m in MODULES if m.count(".") >= 1 and _stage(m) is None]
    assert loose == [], "modules outside the stage packages"


def test_stages_import_only_earlier_stages() -> None:
    wrong = [f"{a} → {b}" for a, targets in GRAPH.items() for b in sorted(targets)
             if _stage(a) is not None and _stage(b) is not None and _stage(b) > _stage(a)]
    assert wrong == []


def test_only_the_adapters_import_mkdocs() -> None:
    users = sorted(name for name, path in MODULES.items()
                   if any(m == "mkdocs" or m.startswith("mkdocs.")
                          for m, _, _ in _imports(ast.parse(path.read_text("utf-8")))))
    assert all(name.split(".")[1] in ("mkdocs_plugin", "cli") for name in users), users


def test_stage_packages_say_what_they_take_and_hand_on() -> None:
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8")))
        assert doc and len(doc) > 150, stage
        assert [n for n in ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8")).body
                if not isinstance(n, ast.Expr)] == [], f"{stage}/__init__.py should import nothing"


@pytest.mark.parametrize(("module", "allowed"), [
    ("shnor_site.core.markup", ("core",)),
    ("shnor_site.content.validate", ("core", "content")),
    ("shnor_site.build.produce", ("core", "content", "build")),
])
def test_importing_a_module_loads_only_its_stages(module: str, allowed: tuple[str, ...]
                                                  ) -> None:
    code = (f"import sys, {module}; print('\\n'.join(m for m in sys.modules "
            "if m.startswith(('shnor_site', 'mkdocs'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()
    stages = {m.split(".")[1] for m in loaded if m.count(".") >= 1 and m.startswith("shnor")}
    assert stages <= set(allowed), loaded
    assert not any(m.startswith("mkdocs") for m in loaded)
