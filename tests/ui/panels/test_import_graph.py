"""Panels, dialogs and jobs import one way only (lazy and TYPE_CHECKING imports count)."""

from __future__ import annotations

import pytest

grimp = pytest.importorskip("grimp")

PACKAGES = ("editor.ui.panels", "editor.ui.dialogs", "editor.ui.jobs", "editor.ui.theme", "editor.ui.icons")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("editor", exclude_type_checking_imports=False)


def imports(graph, importers: tuple[str, ...], imported: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((a, b) for a in graph.modules if a.startswith(importers)
                  for b in graph.find_modules_directly_imported_by(a) if b.startswith(imported))


def test_no_import_cycles_in_the_panels_and_the_dialogs(graph):
    on_cycles = [(a, b) for a in graph.modules if a.startswith(PACKAGES)
                 for b in graph.find_modules_directly_imported_by(a)
                 if graph.chain_exists(importer=b, imported=a)]
    assert on_cycles == []


def test_panels_and_the_canvas_do_not_know_each_other(graph):
    assert imports(graph, ("editor.ui.panels",), ("editor.ui.canvas",)) == []
    assert imports(graph, ("editor.ui.canvas",), ("editor.ui.panels",)) == []


def test_panels_dialogs_and_shared_ui_modules_do_not_know_the_window(graph):
    assert imports(graph, PACKAGES, ("editor.ui.window",)) == []


def test_jobs_stand_alone(graph):
    assert imports(graph, ("editor.ui.jobs",), ("editor",)) == []
