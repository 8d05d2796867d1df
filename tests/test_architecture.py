"""The architecture holds: no import cycles, every folder a package, every module under the contracts."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp
import pytest

EDITOR = Path(__file__).resolve().parents[1] / "editor"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # TYPE_CHECKING and function-level imports count: a cycle hidden in either still ties the modules together.
    return grimp.build_graph("editor", include_external_packages=False, exclude_type_checking_imports=False)


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(edges)))
    try:
        for module in sorted(edges):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_there_are_no_import_cycles(graph):
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    fake = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        fake.add_module(name)
    fake.add_import(importer="pkg.a", imported="pkg.b")
    fake.add_import(importer="pkg.b", imported="pkg.c")
    fake.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(fake) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_every_folder_is_a_package_so_every_module_is_under_the_contracts(graph):
    folders = [d for d in EDITOR.rglob("*") if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))]
    assert [str(d) for d in folders if not (d / "__init__.py").exists()] == []
    on_disk = {".".join(p.relative_to(EDITOR.parent).with_suffix("").parts).removesuffix(".__init__")
               for p in EDITOR.rglob("*.py")}
    assert on_disk == set(graph.modules)


def _layered_modules() -> list[str]:
    """Every module that a layers contract in pyproject.toml names, as a layer or inside a container."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    contracts = tomllib.loads((EDITOR.parent / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    named = []
    for contract in contracts:
        if contract["type"] != "layers":
            continue
        layers = [name.strip() for layer in contract["layers"] for name in layer.split("|")]
        containers = contract.get("containers") or [""]
        named += [f"{c}.{layer}" if c else layer for c in containers for layer in layers]
    return named


def test_every_module_is_in_a_layer_of_some_contract(graph):
    layered = _layered_modules()
    loose = [m for m in sorted(graph.modules)
             if m != "editor" and not any(m == n or m.startswith(n + ".") for n in layered)]
    assert loose == []  # "editor" itself is the public face over all layers: it may import any of them


def test_every_package_says_what_it_offers():
    import ast

    silent = [str(p) for p in EDITOR.rglob("__init__.py") if not ast.get_docstring(ast.parse(p.read_text()))]
    assert silent == []
