"""The window's and the canvas's modules import each other one way only (lazy and TYPE_CHECKING imports count)."""

from __future__ import annotations

import pytest

grimp = pytest.importorskip("grimp")

PACKAGES = ("editor.ui.window", "editor.ui.canvas")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("editor", exclude_type_checking_imports=False)


def test_no_import_cycles_in_the_window_and_the_canvas(graph):
    on_cycles = [(a, b) for a in graph.modules if a.startswith(PACKAGES)
                 for b in graph.find_modules_directly_imported_by(a)
                 if graph.chain_exists(importer=b, imported=a)]
    assert on_cycles == []


def test_only_the_composition_root_knows_the_main_window(graph):
    users = graph.find_modules_that_directly_import("editor.ui.window.main_window")
    assert users <= {"editor.ui", "editor.ui.app"}


def test_canvas_items_never_import_the_scene_or_the_view(graph):
    for module in ("editor.ui.canvas.items", "editor.ui.canvas.decorations"):
        imported = graph.find_modules_directly_imported_by(module)
        assert not imported & {"editor.ui.canvas.scene", "editor.ui.canvas.view"}, module
