"""Dropping a layer onto a block replaces it; Fit to Window stays readable; copies say where they came from."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor import Project
from editor.model.examples import nested
from editor.ui.canvas.view import FIT_MIN_ZOOM
from editor.ui.palette import kind_mime
from tests.ui.helpers import drag_event, drag_to, gap_between, settle


def kinds(project):
    return [type(m).__name__ for m in project.model]


def middle(scene, path: str) -> QPointF:
    return scene.item_at_path(path).sceneBoundingRect().center()


def hover(view, scene_pos: QPointF, kind: str) -> None:
    point = view.mapFromScene(scene_pos)
    mime = kind_mime(kind)  # kept alive: the events only point at it
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), drag_event(cls, point, mime))


def mlp() -> Project:
    p = Project(seed=0)
    p.input_shape = (3, 20)
    for kind, params in (("Linear", {"out_features": 10}), ("ReLU", {}), ("Linear", {"out_features": 5})):
        p.append_layer(kind, **params)
    p.set_label("1", "act")
    return p


def test_dropping_onto_the_middle_of_a_block_replaces_it_in_one_step(window):
    window.set_project(mlp())
    first, last = window.project[0], window.project[2]
    drop = drag_to(window.view, kind_mime("Sigmoid"), middle(window.scene, "1"))
    assert drop.isAccepted()
    assert kinds(window.project) == ["Linear", "Sigmoid", "Linear"]
    assert window.project.model.act is window.project[1]  # the label stays: net.act = nn.Sigmoid()
    assert window.project[0] is first and window.project[2] is last
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Replace ReLU with Sigmoid"
    assert window.selected_nodes() == [window.project.node("1")]
    window.undo_stack.undo()
    assert kinds(window.project) == ["Linear", "ReLU", "Linear"]


def test_a_replaced_linear_follows_its_input(window):
    window.set_project(mlp())
    drag_to(window.view, kind_mime("Linear"), middle(window.scene, "2"))
    assert window.project.auto("2") == frozenset({"in_features"}) and window.project.shape_errors() == []


def test_drops_near_a_blocks_edge_or_in_a_gap_still_insert(window):
    window.set_project(mlp())
    rect = window.scene.item_at_path("1").sceneBoundingRect()
    drag_to(window.view, kind_mime("Tanh"), QPointF(rect.center().x(), rect.top() + 4))
    assert kinds(window.project) == ["Linear", "Tanh", "ReLU", "Linear"]
    drag_to(window.view, kind_mime("Dropout"), gap_between(window.scene, "2", "3"))
    assert kinds(window.project) == ["Linear", "Tanh", "ReLU", "Dropout", "Linear"]


def test_the_marker_says_replace_or_insert(window):
    window.set_project(mlp())
    view, scene = window.view, window.scene
    hover(view, middle(scene, "1"), "Sigmoid")
    assert scene.replace_marker.isVisible() and not scene.marker.isVisible()
    assert scene.replace_marker.text == "Replace with Sigmoid"
    assert scene.replace_marker.rect.contains(scene.item_at_path("1").sceneBoundingRect().center())
    hover(view, gap_between(scene, "0", "1"), "Sigmoid")
    assert scene.marker.isVisible() and not scene.replace_marker.isVisible()
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert not scene.marker.isVisible() and not scene.replace_marker.isVisible()


def test_replace_inside_a_nested_group(window):
    window.set_project(nested(0))
    before = kinds(window.project)
    drag_to(window.view, kind_mime("GELU"), middle(window.scene, "1.1"))
    assert type(window.project["1.1"]).__name__ == "GELU" and kinds(window.project) == before


def test_fit_to_window_keeps_a_tall_design_readable_and_scrollable(window):
    p = Project(seed=0)
    p.input_shape = (2, 8)
    for _ in range(6):
        start = len(p)
        for kind in ("Linear", "ReLU", "Linear", "ReLU"):
            p.append_layer(kind, out_features=8) if kind == "Linear" else p.append_layer(kind)
        p.group([str(start), str(start + 1), str(start + 2), str(start + 3)])
    window.set_project(p)
    settle()
    view = window.view
    view.fit()
    settle()
    assert view.zoom() == FIT_MIN_ZOOM  # 24 blocks in 6 groups do not fit: readable rather than tiny
    assert view.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert view.verticalScrollBar().value() == view.verticalScrollBar().minimum()  # starting at the input
    window.set_project(mlp())
    settle()
    view.fit()
    assert view.zoom() == 1.0  # a small design is not blown up


def test_copies_say_which_block_they_came_from(window):
    window.set_project(mlp())
    window.select_nodes([window.project.node("0")])
    window.edit_actions.duplicate.trigger()
    settle()
    copy_item = window.scene.item_at_path("1")
    assert copy_item.origin == "copy of block 0"
    window.select_nodes([window.project.node("3")])
    window.edit_actions.duplicate_fresh.trigger()
    settle()
    assert window.scene.item_at_path("4").origin == "fresh copy of block 3"
    window.project.move("0", "2")  # the original moves: the note follows it
    settle()
    assert window.scene.item_at_path("0").origin == "copy of block 2"
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.redo()
    settle()
    assert window.scene.item_at_path("4").origin == "fresh copy of block 3"
    del window.project[3]
    settle()
    assert window.scene.item_at_path("3").origin == "fresh copy of a deleted block"
    assert window.scene.item_at_path("0").origin == ""


def test_a_right_click_selects_the_block_for_the_context_menu_and_keeps_a_selection(window):
    window.set_project(mlp())
    view, scene = window.view, window.scene
    point = view.mapFromScene(middle(scene, "1"))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    settle()
    assert window.selected_nodes() == [window.project.node("1")]
    assert window.edit_actions.replace_with.isEnabled() and window.edit_actions.duplicate_fresh.isEnabled()
    window.select_nodes([window.project.node("0"), window.project.node("1")])
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    settle()
    assert window.selected_nodes() == [window.project.node("0"), window.project.node("1")]
