"""The canvas: drops from the palette, drags to reorder, selection, grouping, copy and paste, fixes."""

from __future__ import annotations

import torch
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from torch import nn

from editor.model.examples import nested
from editor.ui.canvas.items import BlockItem, GroupItem
from editor.ui.palette import kind_mime
from tests.ui.helpers import drag_event, drag_to, gap_between, settle


def kinds(project):
    return [type(m).__name__ for m in project.model]


def test_contract_object_names(window):
    from PySide6.QtWidgets import QGraphicsView, QWidget

    for name in ("mainWindow", "palette", "canvas", "inspector", "reprPanel", "undoView"):
        found = window if name == "mainWindow" else window.findChild(QWidget, name)
        assert found is not None and found.objectName() == name, name
    assert isinstance(window.findChild(QWidget, "canvas"), QGraphicsView)


def test_drop_from_palette_between_blocks(window, qtbot):
    window.set_project(nested(0))
    view, scene = window.view, window.scene
    before = kinds(window.project)
    drop = drag_to(view, kind_mime("Dropout"), gap_between(scene, "0", "1"))
    assert drop.isAccepted()
    assert kinds(window.project) == [before[0], "Dropout", before[1]]
    assert isinstance(scene.item_at_path("1"), BlockItem)
    assert window.undo_stack.undoText() == "Insert Dropout"


def test_drop_inside_a_nested_group_at_any_depth(window, qtbot):
    project = nested(0)
    project.group(["1.0", "1.1"])  # a group inside a group: 1.0 is Sequential(Linear, ReLU)
    window.set_project(project)
    view, scene = window.view, window.scene
    drag_to(view, kind_mime("Tanh"), gap_between(scene, "1.0.0", "1.0.1"))
    assert isinstance(window.project["1.0.1"], nn.Tanh)
    assert isinstance(scene.item_at_path("1.0.1"), BlockItem)
    drag_to(view, kind_mime("Sigmoid"), gap_between(scene, "0.3", None))  # after the last child of group 0
    assert isinstance(window.project["0.4"], nn.Sigmoid)


def test_drop_at_the_end_and_into_empty_design(window, qtbot):
    scene = window.scene
    rect = scene.output_item.sceneBoundingRect()
    drag_to(window.view, kind_mime("Linear"), QPointF(rect.center().x(), rect.top() - 2))
    assert kinds(window.project) == ["Linear"]
    rect = scene.output_item.sceneBoundingRect()
    drag_to(window.view, kind_mime("ReLU"), QPointF(rect.center().x(), rect.top() - 2))
    assert kinds(window.project) == ["Linear", "ReLU"]


def test_insertion_marker_shows_while_dragging(window, qtbot):
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    window.set_project(nested(0))
    view, scene = window.view, window.scene
    point = view.mapFromScene(gap_between(scene, "0", "1"))
    mime = kind_mime("ReLU")
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), drag_event(cls, point, mime))
    assert scene.marker.isVisible()


def _center(view, scene, path):
    return view.mapFromScene(scene.item_at_path(path).sceneBoundingRect().center())


def test_reorder_by_mouse_drag(window, qtbot):
    window.project.extend([nn.Linear(4, 4), nn.ReLU(), nn.Tanh(), nn.Sigmoid()])
    settle()
    view, scene = window.view, window.scene
    relu = window.project[1]
    start = _center(view, scene, "1")
    target = view.mapFromScene(gap_between(scene, "3", None))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(view.viewport(), start + (target - start) * i / 5)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert kinds(window.project) == ["Linear", "Tanh", "Sigmoid", "ReLU"]
    assert window.project[3] is relu
    assert window.undo_stack.undoText() == "Move ReLU"
    window.undo_stack.undo()
    assert kinds(window.project) == ["Linear", "ReLU", "Tanh", "Sigmoid"]


def test_drag_a_block_into_a_group(window, qtbot):
    window.docks["bottom"].hide()  # room for both groups on the canvas: the drag starts and ends in view
    window.set_project(nested(0))
    settle()
    view, scene = window.view, window.scene
    first = window.project["0.0"]
    start = _center(view, scene, "0.0")
    target = view.mapFromScene(gap_between(scene, "1.0", "1.1"))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view.viewport(), start + QPointF(0, 20).toPoint())
    QTest.mouseMove(view.viewport(), target)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert window.project["1.1"] is first


def test_click_shift_ctrl_and_rubber_band_selection(window, qtbot):
    window.project.extend([nn.Linear(4, 4), nn.ReLU(), nn.Tanh(), nn.Sigmoid()])
    settle()
    view, scene = window.view, window.scene
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _center(view, scene, "0"))
    assert [n.path() for n in window.selected_nodes()] == ["0"]
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     _center(view, scene, "2"))
    assert [n.path() for n in window.selected_nodes()] == ["0", "1", "2"]
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     _center(view, scene, "1"))
    assert [n.path() for n in window.selected_nodes()] == ["0", "2"]
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert window.selected_nodes() == []
    # rubber band from empty space to the left of the blocks, across blocks 1 and 2
    a = view.mapFromScene(QPointF(10, scene.item_at_path("1").sceneBoundingRect().top() + 5))
    b = view.mapFromScene(QPointF(300, scene.item_at_path("2").sceneBoundingRect().top() + 5))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(view.viewport(), (a + b) / 2)
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert [n.path() for n in window.selected_nodes()] == ["1", "2"]
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert [n.path() for n in window.selected_nodes()] == ["3"]


def test_group_and_ungroup(window, qtbot):
    window.project.extend([nn.Linear(4, 4), nn.ReLU(), nn.Tanh(), nn.Sigmoid()])
    settle()
    window.select_nodes([window.project.node("1"), window.project.node("2")])
    window.edit_actions.group.trigger()
    assert kinds(window.project) == ["Linear", "Sequential", "Sigmoid"]
    assert isinstance(window.scene.item_at_path("1"), GroupItem)
    assert [n.path() for n in window.selected_nodes()] == ["1"]
    window.edit_actions.ungroup.trigger()
    assert kinds(window.project) == ["Linear", "ReLU", "Tanh", "Sigmoid"]
    assert [n.path() for n in window.selected_nodes()] == ["1", "2"]


def test_delete_and_undo_restores_exact_values(window, qtbot):
    window.project.extend([nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2)])
    settle()
    weight = window.project[2].weight.detach().clone()
    window.select_nodes([window.project.node("2")])
    window.edit_actions.delete.trigger()
    assert kinds(window.project) == ["Linear", "ReLU"]
    window.undo_stack.undo()
    assert torch.equal(window.project[2].weight, weight)


def test_copy_paste_makes_independent_copies(window, qtbot):
    window.project.extend([nn.Linear(4, 4), nn.ReLU()])
    settle()
    window.select_nodes([window.project.node("0")])
    window.edit_actions.copy.trigger()
    window.edit_actions.paste.trigger()
    original, pasted = window.project[0], window.project[1]
    assert isinstance(pasted, nn.Linear) and pasted is not original
    assert torch.equal(pasted.weight, original.weight)
    assert pasted.weight.data_ptr() != original.weight.data_ptr()
    with torch.no_grad():
        pasted.weight.add_(1)
    assert not torch.equal(pasted.weight, original.weight)
    assert [n.path() for n in window.selected_nodes()] == ["1"]
    window.edit_actions.duplicate.trigger()
    assert kinds(window.project) == ["Linear", "Linear", "Linear", "ReLU"]
    window.edit_actions.cut.trigger()
    assert kinds(window.project) == ["Linear", "Linear", "ReLU"]


def test_fix_button_applies_the_suggested_fix(window, qtbot):
    window.project.extend([nn.Linear(20, 10), nn.Linear(7, 3)])
    settle()
    item = window.scene.item_at_path("1")
    assert item.error and item.fix_button.isVisible()
    view = window.view
    point = view.mapFromScene(item.fix_button.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.project[1].in_features == 10
    assert window.project.shape_error is None
    assert window.undo_stack.undoText().startswith("Undo Set in_features=10") or "in_features" in \
        window.undo_stack.undoText()
    window.undo_stack.undo()
    assert window.project[1].in_features == 7


def test_scripted_edits_show_up_and_can_be_undone(window, qtbot):
    project = window.project
    project.append(nn.Linear(3, 3))
    project.append_layer("ReLU")
    settle()
    assert len(window.scene.top) == 2
    assert window.repr_panel.toPlainText() != str(project.model)  # a hidden tab prints when shown
    window.show_tab("print")
    qtbot.waitUntil(lambda: window.repr_panel.toPlainText() == str(project.model), timeout=2000)
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    assert len(window.scene.top) == 1 and len(project) == 1


def test_collapse_and_expand_groups(window, qtbot):
    window.set_project(nested(0))
    scene = window.scene
    group = scene.item_at_path("0")
    tall = group.height()
    scene.toggle_collapsed(group)
    assert group.collapsed and group.height() < tall
    assert not scene.item_at_path("0.0").isVisible()
    scene.toggle_collapsed(group)
    assert scene.item_at_path("0.0").isVisible()


def test_zoom_actions(window, qtbot):
    view = window.view
    start = view.zoom()
    view.zoom_in()
    assert view.zoom() > start
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() < start
    view.fit()
    assert view.zoom() <= 1.0


def test_quick_add_inserts_after_selection(window, qtbot):
    window.project.extend([nn.Linear(4, 4), nn.ReLU()])
    settle()
    window.select_nodes([window.project.node("0")])
    window.open_quick_add()
    qtbot.keyClicks(window.quick_add.edit, "tanh")
    QTest.keyClick(window.quick_add.edit, Qt.Key.Key_Return)
    assert kinds(window.project) == ["Linear", "Tanh", "ReLU"]


def test_palette_search_filters(window, qtbot):
    palette = window.palette
    qtbot.keyClicks(palette.search, "norm")
    shown = palette.visible_kinds()
    assert "LayerNorm" in shown and "BatchNorm2d" in shown and "Linear" not in shown
    palette.search.clear()
    assert len(palette.visible_kinds()) >= 40


def test_direct_edits_to_the_live_model_are_followed(window, qtbot):
    window.project.append(nn.Linear(4, 4))
    settle()
    window.project.model.append(nn.ReLU())  # not through the Project: it notices at the next step
    assert len(window.project) == 2
    qtbot.waitUntil(lambda: len(window.scene.top) == 2 and window.undo_stack.count() == 0, timeout=2000)
    window.project.append(nn.Tanh())
    assert [type(m).__name__ for m in window.project.model] == ["Linear", "ReLU", "Tanh"]


def test_clicking_a_groups_arrow_collapses_it(window, qtbot):
    window.set_project(nested(0))
    view, scene = window.view, window.scene
    group = scene.item_at_path("0")
    assert isinstance(group, GroupItem) and not group.collapsed
    point = view.mapFromScene(group.mapToScene(group.arrow_rect().center()))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert group.collapsed and window.project.root.children[0].collapsed
    assert window.undo_stack.count() == 0  # view state, not an undo step


def test_items_speak_through_the_scenes_signal_hub(qtbot):
    from editor.ui.canvas.scene import CanvasScene

    project = nested(0)
    scene = CanvasScene(project)
    fixes = []
    scene.fix_requested.connect(fixes.append)
    group, block = scene.item_at_path("0"), scene.item_at_path("0.0")
    assert group.signals is scene.item_signals and block.signals is scene.item_signals
    scene.item_signals.collapse_clicked.emit(group)
    assert group.collapsed
    scene.item_signals.fix_clicked.emit(block.node)
    assert fixes == [block.node]
    scene.detach()
