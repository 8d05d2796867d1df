"""No key is bound to two actions under any platform's key bindings (issue #18: Ctrl+D did nothing on X11).

The offscreen platform uses the Windows keyboard scheme, so a clash that only
X11, KDE or GNOME bindings make never shows here; :mod:`shortcut_table`
expands every standard key under every scheme. ``test_x11`` checks the table
and Ctrl+D against a real X server.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from torch import nn

from editor import Project
from tests.ui.helpers import settle
from tests.ui.window.shortcut_table import SCHEMES, STANDARD_KEYS, Claim, claims, clashes, portable


def test_no_key_is_bound_to_two_actions_under_any_platform(window):
    found = claims(window)
    names = {claim.name for claim in found}
    assert {"actionDelete", "actionDuplicate", "actionUndo", "actionRedo", "actionQuit", "menu Edit"} <= names
    assert clashes(found) == {}


def test_every_standard_key_the_window_uses_is_in_the_table(window):
    used = {claim.standard for claim in claims(window) if claim.standard}
    assert used and used <= set(STANDARD_KEYS["x11"])
    assert all(set(STANDARD_KEYS[scheme]) == set(STANDARD_KEYS["x11"]) for scheme in SCHEMES)


def test_the_check_finds_the_clash_that_hid_duplicate_on_x11():
    old = [Claim("actionDelete", "Delete", None, []), Claim("actionDuplicate", None, None, ["Ctrl+D"])]
    assert clashes(old) == {scheme: {"Ctrl+D": ["actionDelete", "actionDuplicate"]}
                            for scheme in ("x11", "kde", "gnome")}


def test_the_table_holds_what_this_qt_gives(qapp):
    platform = QGuiApplication.platformName()
    scheme = {"offscreen": "windows", "xcb": "x11", "cocoa": "macos", "windows": "windows"}.get(platform)
    if scheme is None:
        pytest.skip(f"no column for the {platform} platform")
    for name, keys in STANDARD_KEYS[scheme].items():
        here = [portable(k) for k in QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))]
        assert here == [portable(k) for k in keys], name


def test_delete_keys_and_duplicate_keys(window):
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU())))
    edits = window.edit_actions
    assert [k.toString() for k in edits.delete.shortcuts()] == ["Del", "Backspace"]
    assert edits.delete.property("standardKey") is None  # StandardKey.Delete brings Ctrl+D on X11
    assert edits.duplicate.shortcut().toString() == "Ctrl+D"
    window.select_nodes([window.project.node("1")])
    window.view.setFocus()
    settle()
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(window.project) == 3 and window.undo_stack.undoText() == "Duplicate ReLU"
    QTest.keyClick(window.view, Qt.Key.Key_Backspace)
    assert len(window.project) == 2


def test_delete_keys_delete_blocks_only_from_the_canvas(window, qtbot):
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU())))
    window.select_nodes([window.project.node("1")])
    window.bottom_tabs.setCurrentWidget(window.code_panel)
    code = window.code_panel.editor
    code.setFocus()
    settle()
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        QTest.keyClick(code, key)  # a read-only code view has the focus: not the canvas's keys
    assert len(window.project) == 2
    window.view.setFocus()
    settle()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(window.project) == 1
