"""Only the composition root knows the main window (the other import rules are import-linter contracts)."""

from __future__ import annotations

import grimp


def test_only_the_composition_root_knows_the_main_window():
    graph = grimp.build_graph("editor", exclude_type_checking_imports=False)
    users = graph.find_modules_that_directly_import("editor.ui.window.main_window")
    # editor.ui.startup shows the window before torch loads; the last: a deprecated alias
    assert users <= {"editor.ui", "editor.ui.app", "editor.ui.startup", "editor.ui.main_window"}
