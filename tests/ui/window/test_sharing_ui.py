"""Weight tying in the window: the actions, their dialogs, Alt-drag, hover and the inspector's links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from torch import nn

from editor import Project
from editor.ui.canvas.items import BlockItem
from editor.ui.window import sharing as sharing_module
from tests.ui.helpers import gap_between, settle


def stack() -> Project:
    p = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2)))
    p.input_shape = (2, 8)
    return p


def test_share_weights_from_the_menu_asks_whose_weights_stay(window, monkeypatch):
    window.set_project(stack())
    p = window.project
    second = p[2]
    asked = []
    monkeypatch.setattr(sharing_module, "ask_keep", lambda parent, choices: asked.append(choices) or 1)
    window.select_nodes([p.node("0"), p.node("2")])
    settle()
    actions = window.sharing_actions
    assert actions.share.isEnabled() and not actions.make_independent.isEnabled()
    actions.share.trigger()
    assert asked == [["Block 0 · Linear 8 → 8", "Block 2 · Linear 8 → 8"]]
    assert p.model[0] is p.model[2] is second
    assert window.undo_stack.undoText() == "Share Linear weights"
    settle()
    items = [window.scene.item_at_path(path) for path in ("0", "2")]
    assert [i.share_index for i in items] == [0, 0] and window.scene.links.curves  # badge and curve
    repainted: list[object] = []
    for item in items:  # the view repaints an item only when told: a badge left unpainted stayed on screen
        item.update = lambda *args, item=item: repainted.append(item)
    window.undo_stack.undo()
    settle()
    assert p.model[0] is not p.model[2] and window.scene.item_at_path("0").share_index is None
    kept = [item for path, item in zip(("0", "2"), items, strict=True) if window.scene.item_at_path(path) is item]
    assert kept and all(item in repainted for item in kept)


def test_a_refused_share_says_why(window, monkeypatch):
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(8, 4), nn.ReLU())))
    p = window.project
    monkeypatch.setattr(sharing_module, "ask_keep", lambda parent, choices: 0)
    window.select_nodes([p.node("0"), p.node("1")])
    settle()
    assert window.sharing_actions.share.isEnabled()  # two blocks: the Project decides, and says why it refuses
    window.sharing_actions.share.trigger()
    assert "only blocks of one kind" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_use_again_repeat_and_make_independent_through_the_undo_stack(window, monkeypatch):
    window.set_project(stack())
    p = window.project
    window.select_nodes([p.node("2")])
    settle()
    window.sharing_actions.use_again.trigger()  # Ctrl+Shift+D
    assert p.model[3] is p.model[2] and window.selected_nodes() == [p.node("3")]
    monkeypatch.setattr(sharing_module, "ask_independent", lambda parent, name: "reinit")
    window.sharing_actions.make_independent.trigger()
    assert p.model[3] is not p.model[2]
    monkeypatch.setattr(sharing_module, "ask_repeat", lambda parent, what: (3, True))
    window.select_nodes([p.node("1")])
    window.sharing_actions.repeat.trigger()
    assert p.model[1] is p.model[2] is p.model[3]
    texts = [window.undo_stack.text(i) for i in range(window.undo_stack.count())]
    assert texts == ["Use Linear again", "Make Linear independent", "Repeat ReLU ×3"]
    for _ in texts:
        window.undo_stack.undo()
    assert len(p) == 5 and p.shared_with("2") == []


def test_the_context_menu_offers_the_sharing_actions(window):
    names = {a.objectName() for a in window.findChildren(type(window.sharing_actions.share))}
    assert {"actionShareWeights", "actionUseAgain", "actionRepeat", "actionMakeIndependent"} <= names
    assert window.sharing_actions.use_again.shortcut().toString() == "Ctrl+Shift+D"


def test_alt_drag_places_the_module_again(window):
    window.set_project(stack())
    p = window.project
    settle()
    view, scene = window.view, window.scene
    start = view.mapFromScene(scene.item_at_path("0").sceneBoundingRect().center())
    target = view.mapFromScene(gap_between(scene, "3", "4"))
    alt = Qt.KeyboardModifier.AltModifier
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(view.viewport(), start + (target - start) * i / 5)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, alt, target)
    assert len(p) == 6 and p.model[4] is p.model[0]
    assert window.undo_stack.undoText() == "Use Linear again"


def test_hover_lights_up_every_reference_and_the_inspector_links_them(window):
    window.set_project(stack())
    p = window.project
    assert p.repeat("0", 1) == ["0"]  # once is itself: nothing changes
    p.use_again("0", at="4")
    settle()
    scene = window.scene
    scene.item_signals.hover_changed.emit(p.node("0"))
    lit = [i for i in scene.items_by_node.values() if isinstance(i, BlockItem) and i.linked]
    assert sorted(i.path_text() for i in lit) == ["0", "4"] and scene.links.highlighted == 0
    scene.item_signals.hover_changed.emit(None)
    assert not any(isinstance(i, BlockItem) and i.linked for i in scene.items_by_node.values())
    window.select_nodes([p.node("0")])
    settle()
    label = window.inspector.findChild(QLabel, "sharedWith")
    assert label is not None and "block 4" in label.text() and "both" in label.text()
    label.linkActivated.emit("4")
    assert window.selected_nodes() == [p.node("4")]
