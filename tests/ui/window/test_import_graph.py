"""Only the composition root knows the main window (the other import rules are import-linter contracts)."""

from __future__ import annotations

import grimp


def test_only_the_composition_root_knows_the_main_window():
    graph = grimp.build_graph("editor", exclude_type_checking_imports=False)
    users = graph.find_modules_that_directly_import("editor.ui.window.main_window")
    assert users <= {"editor.ui", "editor.ui.app", "editor.ui.main_window"}  # the last: a deprecated alias
