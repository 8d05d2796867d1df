"""Custom layers in the window: "My blocks" in the palette, drops and double-clicks, the library, reusable blocks.

Drags are hand-built QDragEnter/QDragMove/QDrop events sent to the canvas
viewport (QTest cannot start a QDrag); the palette drag carries only the
kind's name. Every edit is an undo step compared with snapshots.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.custom.definitions import LayerDefinition, ParameterSpec
from editor.model.custom.library import Library
from editor.ui.dialogs.block_definition import BlockDefinitionDialog
from editor.ui.dialogs.reusable_block import ReusableBlockDialog, group_fields
from editor.ui.palette import KIND_MIME, kind_mime
from editor.ui.window import custom_layers
from tests.ui.helpers import drag_to, gap_between, settle

CENTERED = LayerDefinition("CenteredLayer", "x - x.mean()", description="Subtracts the mean.")
MY_LINEAR = LayerDefinition("MyLinear", "relu(x @ weight + bias)", (("in_units", 8), ("units", 4)),
                            (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",))))


@pytest.fixture(autouse=True)
def library(monkeypatch, tmp_path) -> Library:
    """The user's library, in a temporary folder (patched before the window reads it)."""
    folder = tmp_path / "library"
    monkeypatch.setattr(custom_layers, "library_folder", lambda: folder)
    return Library(folder)


def snapshot(p: Project):
    state = p.model.state_dict()
    return (repr(p.model), {k: v.clone() for k, v in state.items()}, dict(p.definitions), p.paths())


def assert_same(a, b) -> None:
    assert a[0] == b[0] and a[2] == b[2] and a[3] == b[3]
    assert list(a[1]) == list(b[1]) and all(torch.equal(a[1][k], b[1][k]) for k in a[1])


def design(window) -> Project:
    p = Project.from_module(nn.Sequential(nn.Linear(20, 8), nn.ReLU()), seed=1)
    p.input_shape = (3, 20)
    window.set_project(p)
    settle()
    return window.project


def names(window) -> list[str]:
    return [e.name for e in window.palette.my_blocks()]


def test_my_blocks_lists_the_projects_definitions_and_drags_carry_only_the_name(window):
    p = design(window)
    palette = window.palette
    assert palette.model.my_head.text() == "My blocks" and palette.my_blocks() == []
    assert "None yet" in palette.model.my_head.child(0).text()  # how to make one
    p.define_layer(CENTERED)
    settle()
    assert names(window) == ["CenteredLayer"] and "CenteredLayer" in palette.visible_kinds()
    index = palette.my_block_index("CenteredLayer")
    assert index.isValid() and "x - x.mean()" in index.data(0x03)  # the tooltip says what it computes
    mime = palette.proxy.mimeData([index])
    assert bytes(mime.data(KIND_MIME).data()).decode() == "CenteredLayer"
    palette.search.setText("subtracts the")  # its description
    assert palette.visible_kinds() == ["CenteredLayer"]
    palette.search.clear()


def test_a_custom_layer_is_added_by_a_drop_and_by_a_double_click(window, qtbot):
    p = design(window)
    p.define_layer(CENTERED)
    window.undo_stack.clear()
    settle()
    before = snapshot(p)
    drop = drag_to(window.view, kind_mime("CenteredLayer"), gap_between(window.scene, "0", "1"))
    assert drop.isAccepted()
    assert [type(m).__name__ for m in p.model] == ["Linear", "CenteredLayer", "ReLU"]
    assert window.undo_stack.undoText() == "Insert CenteredLayer"
    after = snapshot(p)
    window.undo_stack.undo()
    assert_same(snapshot(p), before)
    window.undo_stack.redo()
    assert_same(snapshot(p), after)
    settle()
    window.select_nodes([p.node("2")])
    palette = window.palette
    index = palette.my_block_index("CenteredLayer")
    palette.tree.doubleClicked.emit(index)  # what the tree says on a double-click (QTest's would start a drag)
    settle()
    assert [type(m).__name__ for m in p.model] == ["Linear", "CenteredLayer", "ReLU", "CenteredLayer"]
    out = p.model(torch.randn(3, 20))
    assert abs(out.mean().item()) < 1e-6


def test_a_library_definition_is_defined_then_inserted(window, library):
    library.save(MY_LINEAR)
    p = design(window)  # opening a project reads the library again
    entry = window.palette.my_blocks()[0]
    assert (entry.name, entry.in_project, entry.in_library) == ("MyLinear", False, True)
    window.select_nodes([p.node("1")])
    window.palette.kind_activated.emit("MyLinear")  # a double-click
    settle()
    assert [type(m).__name__ for m in p.model] == ["Linear", "ReLU", "MyLinear"]
    assert [window.undo_stack.text(i) for i in range(window.undo_stack.count())] == ["Define MyLinear",
                                                                                    "Insert MyLinear"]
    assert window.palette.my_blocks()[0].in_project
    drag_to(window.view, kind_mime("MyLinear"), gap_between(window.scene, "2", None))
    assert window.undo_stack.count() == 3 and len(p) == 4  # known now: no second definition step


def test_the_context_menu_edits_removes_and_keeps_the_library(window, library, monkeypatch):
    p = design(window)
    p.define_layer(CENTERED)
    p.append_layer("CenteredLayer")
    window.undo_stack.clear()
    settle()
    palette = window.palette
    entry = palette.my_blocks()[0]
    menu = palette.definition_menu(entry)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert actions["paletteRemoveDefinition"].isEnabled() and not actions["paletteRemoveFromLibrary"].isEnabled()
    actions["paletteRemoveDefinition"].trigger()  # still used by block 2: refused, in words
    assert "CenteredLayer" in p.definitions and window.undo_stack.count() == 0
    assert "still used by block 2" in window.status.currentMessage()
    actions["paletteSaveToLibrary"].trigger()
    assert library.names() == ["CenteredLayer"] and palette.my_blocks()[0].in_library
    menu = palette.definition_menu(palette.my_blocks()[0])
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert actions["paletteSaveToLibrary"].text() == "Update in My Library"
    monkeypatch.setattr(custom_layers, "ask_remove_from_library", lambda parent, name: False)
    actions["paletteRemoveFromLibrary"].trigger()  # the learner said no
    assert library.names() == ["CenteredLayer"]
    monkeypatch.setattr(custom_layers, "ask_remove_from_library", lambda parent, name: True)
    actions["paletteRemoveFromLibrary"].trigger()
    assert library.names() == [] and not palette.my_blocks()[0].in_library
    del p[2]
    window.undo_stack.clear()
    palette.remove_definition_requested.emit("CenteredLayer")
    assert p.definitions == {} and window.undo_stack.undoText() == "Remove CenteredLayer"
    settle()
    assert palette.my_blocks() == []


def test_make_reusable_block_then_edit_it_updates_both_instances_in_one_step(window):
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 8)),
                                          nn.Softmax(dim=1)), seed=2)
    p.input_shape = (2, 784)
    window.set_project(p)
    p = window.project
    settle()
    assert not window.custom_actions.make_block.isEnabled()
    window.select_nodes([p.node("0")])
    settle()
    assert window.custom_actions.make_block.isEnabled()
    assert window.custom_actions.make_block in window.context_actions()
    values = {k: v.clone() for k, v in p.model.state_dict().items()}
    before = snapshot(p)
    window.custom_actions.make_block.trigger()
    dialog = window.findChild(ReusableBlockDialog, "reusableBlockDialog")
    assert [f.path for f in dialog.fields] == ["0.in_features", "0.out_features", "2.in_features", "2.out_features"]
    assert dialog.bindings() == {"n_in": ["0.in_features"], "n_hidden": ["0.out_features", "2.in_features"],
                                 "n_out": ["2.out_features"]}  # the chain, suggested
    assert not dialog.ok.isEnabled()  # no name yet
    dialog.name.setText("Net")
    dialog.set_bound("0.in_features", "input_nodes")
    dialog.set_bound("0.out_features", "hidden_nodes")
    dialog.set_bound("2.in_features", "hidden_nodes")
    dialog.set_bound("2.out_features", "output_nodes")
    assert dialog.check_now() is not None and dialog.ok.isEnabled()
    assert "Net(input_nodes=784, hidden_nodes=256, output_nodes=8)" in dialog.signature.text()
    assert "def __init__(self, input_nodes" in dialog.code.toPlainText()
    dialog.set_bound("2.in_features", "other")
    dialog.set_bound("0.out_features", "other")
    dialog.set_bound("0.in_features", "other")  # 784 and 256 under one name: refused in words
    dialog.check_now()
    assert not dialog.ok.isEnabled() and "different values" in dialog.error.text()
    dialog.set_bound("0.in_features", "input_nodes")
    dialog.set_bound("0.out_features", "hidden_nodes")
    dialog.set_bound("2.in_features", "hidden_nodes")
    dialog.submit()
    settle()
    assert p.kind("0").name == "Net" and window.undo_stack.undoText() == "Make block Net"
    assert [t.tolist() for t in p.model.state_dict().values()] == [t.tolist() for t in values.values()]
    assert window.selected_nodes() == [p.node("0")]
    made = snapshot(p)
    window.undo_stack.undo()
    assert_same(snapshot(p), before)
    window.undo_stack.redo()
    assert_same(snapshot(p), made)
    window.select_nodes([p.node("0")])
    window.palette.kind_activated.emit("Net")  # a second instance, after the first
    settle()
    assert [p.kind(x).name for x in ("0", "1")] == ["Net", "Net"]
    p.set_hyperparameters("1", input_nodes=8)
    window.undo_stack.clear()
    before = snapshot(p)
    window.palette.edit_definition_requested.emit("Net")
    editor = window.findChild(BlockDefinitionDialog, "blockDefinitionDialog")
    assert editor.children_table.rows()[1][1:] == ("relu1", "ReLU", "")
    editor.children_table.set_text(1, editor.children_table.KIND, "Tanh")
    assert editor.check_now() is not None, editor.problem and editor.problem.words
    assert "nn.Tanh()" in editor.code.toPlainText()
    editor.submit()
    settle()
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Edit Net"
    assert type(p.model[0].relu1).__name__ == type(p.model[1].relu1).__name__ == "Tanh"
    assert torch.equal(p.model[0].linear0.weight, before[1]["0.linear0.weight"])  # values kept
    after = snapshot(p)
    window.undo_stack.undo()  # one step takes both back
    assert_same(snapshot(p), before)
    assert type(p.model[0].relu1).__name__ == type(p.model[1].relu1).__name__ == "ReLU"
    window.undo_stack.redo()
    assert_same(snapshot(p), after)


def test_group_fields_suggest_a_chain_of_sizes():
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 6), nn.Dropout(0.25), nn.Linear(6, 6),
                                                        nn.Linear(6, 2))))
    fields = group_fields(p.node("0"))
    suggested = {f.path: f.suggestion for f in fields if f.suggested}
    assert suggested == {"0.in_features": "n_in", "0.out_features": "n_hidden", "2.in_features": "n_hidden",
                         "2.out_features": "n_hidden2", "3.in_features": "n_hidden2", "3.out_features": "n_out"}
    assert {f.path: f.suggestion for f in fields if not f.suggested} == {"1.p": "p"}


def test_a_group_of_groups_is_refused_in_words(window):
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Sequential(nn.Linear(2, 2)), nn.ReLU())))
    window.set_project(p)
    window.select_nodes([window.project.node("0")])
    dialog = window.custom_actions.open_make_block()
    dialog.name.setText("Outer")
    assert dialog.check_now() is None and "itself a group" in dialog.error.text()
    dialog.reject()
