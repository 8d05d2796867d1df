"""Layer → New Custom Layer…: the dialog defines CenteredLayer and MyLinear, checks as it is typed, and edits.

Every definition made here is one undo step: push → undo → redo compare the
project (modules, values, definitions, paths) with snapshots.
"""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from editor import Project
from editor.model.custom.definitions import LayerDefinition, ParameterSpec
from editor.ui.dialogs.custom_layer import CustomLayerDialog, sample_shape
from editor.ui.dialogs.definition_widgets import error_offset, error_words, parse_value, split_shape
from tests.ui.helpers import settle


@pytest.fixture(autouse=True)
def _library(monkeypatch, tmp_path):
    """The user's library lives in a temporary folder (set before the window reads it)."""
    monkeypatch.setattr("editor.ui.window.custom_layers.library_folder", lambda: tmp_path / "library")


def snapshot(p: Project):
    state = p.model.state_dict()
    return (repr(p.model), {k: v.clone() for k, v in state.items()}, dict(p.definitions), p.paths())


def assert_same(a, b) -> None:
    assert a[0] == b[0] and a[2] == b[2] and a[3] == b[3]
    assert list(a[1]) == list(b[1]) and all(torch.equal(a[1][k], b[1][k]) for k in a[1])


def design(window) -> Project:
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU()), seed=0)
    p.input_shape = (3, 20)
    window.set_project(p)
    return window.project


def fill_my_linear(dialog: CustomLayerDialog) -> None:
    dialog.name.setText("MyLinear")
    dialog.hyperparameters.set_rows([("in_units", 10), ("units", 4)])
    dialog.parameters.set_rows([("weight", "in_units, units", "randn", True), ("bias", "units,", "randn", True)])
    dialog.forward.setPlainText("relu(x @ weight + bias)")


def test_the_text_helpers():
    assert split_shape("in_units, units") == ("in_units", "units")
    assert split_shape("(units,)") == ("units",) and split_shape("max(a, b), 3") == ("max(a, b)", "3")
    assert split_shape("") == ()
    assert parse_value("20") == 20 and parse_value("0.5") == 0.5 and parse_value("True") is True
    with pytest.raises(ValueError):
        parse_value("ten")
    assert sample_shape("(3, 20)") == (3, 20)
    with pytest.raises(ValueError):
        sample_shape("(3, 0)")
    assert error_words("A's forward: unknown name 'y' (line 1, column 5)", "A's forward") == ("unknown name 'y'", 1, 5)
    assert error_offset("  x - y", 1, 5) == 6 and error_offset("x +", 1, 0) == 3


def test_the_dialog_defines_centered_layer_as_one_undo_step(window, qtbot):
    p = design(window)
    window.select_nodes([p.node("1")])
    before = snapshot(p)
    window.custom_actions.new_layer.trigger()
    dialog = window.findChild(CustomLayerDialog, "customLayerDialog")
    assert dialog is not None and dialog.isVisible() and not dialog.ok.isEnabled()
    assert dialog.sample.text() == "(3, 10)"  # what a layer after the selection receives
    qtbot.keyClicks(dialog.name, "CenteredLayer")
    qtbot.keyClicks(dialog.forward, "x - x.mean()")
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=3000)
    assert "turns (3, 10) into (3, 10)" in dialog.output.text()
    code = dialog.code.toPlainText()
    assert "class CenteredLayer(nn.Module):" in code and "return x - x.mean()" in code
    dialog.insert.setChecked(False)
    dialog.ok.click()
    settle()
    assert not _alive(dialog) or not dialog.isVisible()
    after = snapshot(p)
    assert list(p.definitions) == ["CenteredLayer"] and after[3] == before[3]
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Define CenteredLayer"
    assert [e.name for e in window.palette.my_blocks()] == ["CenteredLayer"]
    window.undo_stack.undo()
    assert_same(snapshot(p), before)
    settle()
    assert window.palette.my_blocks() == []  # the palette follows undo (settings_changed "definitions")
    window.undo_stack.redo()
    assert_same(snapshot(p), after)
    settle()
    assert [e.name for e in window.palette.my_blocks()] == ["CenteredLayer"]


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_the_dialog_defines_my_linear_and_adds_one_after_the_selection(window):
    p = design(window)
    window.select_nodes([p.node("1")])
    dialog = window.custom_actions.open_new_layer()
    fill_my_linear(dialog)
    assert dialog.check_now() is not None
    assert "turns (3, 10) into (3, 4)" in dialog.output.text()
    before = snapshot(p)
    dialog.submit()
    settle()
    assert [type(m).__name__ for m in p.model] == ["Linear", "ReLU", "MyLinear"]
    assert window.undo_stack.count() == 2  # the definition, then the block: two steps the history names
    assert [window.undo_stack.text(i) for i in range(2)] == ["Define MyLinear", "Insert MyLinear"]
    assert p.shape("2") == (3, 4) and [n for n, _ in p.model[2].named_parameters()] == ["weight", "bias"]
    after = snapshot(p)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert_same(snapshot(p), before)
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert_same(snapshot(p), after)


def test_an_invalid_forward_is_shown_at_its_column_and_ok_stays_disabled(window, qtbot):
    design(window)
    dialog = window.custom_actions.open_new_layer()
    fill_my_linear(dialog)
    dialog.forward.setPlainText("x - x.mea()")
    dialog.check_now()
    assert not dialog.ok.isEnabled() and dialog.definition is None
    error = dialog.errors["forward"]
    assert error.isVisibleTo(dialog) and "Column 5" in error.text() and ".mea()" in error.text()
    assert dialog.forward.error_span == (4, 5)  # "x.mea" underlined
    dialog.forward.go_to_error()
    assert dialog.forward.textCursor().position() == 4
    dialog.forward.setPlainText("relu(x @ weight + bias")
    dialog.check_now()
    assert "Column 5" in dialog.errors["forward"].text() and "never closed" in dialog.errors["forward"].text()
    dialog.forward.setPlainText("x.__class__")
    dialog.check_now()
    assert not dialog.ok.isEnabled() and "Column 1" in dialog.errors["forward"].text()
    dialog.ok.click()  # disabled: nothing happens
    dialog.submit()  # and the form refuses on its own
    assert window.undo_stack.count() == 0
    dialog.forward.setPlainText("relu(x @ weight + bias)")
    dialog.check_now()
    assert dialog.ok.isEnabled() and not dialog.errors["forward"].isVisibleTo(dialog)
    assert dialog.forward.error_span is None
    dialog.reject()


def test_other_mistakes_are_named_where_they_are(window):
    p = design(window)
    dialog = window.custom_actions.open_new_layer()
    fill_my_linear(dialog)
    for name, words in (("Linear", "catalog"), ("1abc", "class name"), ("", "name"), ("class", "keyword")):
        dialog.name.setText(name)
        dialog.check_now()
        assert not dialog.ok.isEnabled() and words in dialog.errors["name"].text(), name
    dialog.name.setText("MyLinear")
    dialog.hyperparameters.set_text(1, 1, "ten")
    dialog.check_now()
    assert "a default is an integer" in dialog.errors["hyper"].text() and not dialog.ok.isEnabled()
    dialog.hyperparameters.set_text(1, 1, "4")
    dialog.parameters.set_text(0, dialog.parameters.SHAPE, "in_units, nope")
    dialog.check_now()
    assert "weight" in dialog.errors["param"].text() and "nope" in dialog.errors["param"].text()
    dialog.parameters.set_text(0, dialog.parameters.SHAPE, "in_units, units")
    dialog.parameters.init_combo(1).setCurrentText("bogus_")
    dialog.check_now()
    assert "bias" in dialog.errors["param"].text() and not dialog.ok.isEnabled()
    dialog.parameters.init_combo(1).setCurrentText("zeros")
    dialog.sample.setText("(3, 7)")
    dialog.check_now()
    assert dialog.ok.isEnabled() and "does not fit" in dialog.output.text()  # a warning, not a refusal
    p.define_layer(LayerDefinition("MyLinear", "x"))
    dialog.check_now()
    assert "already has a MyLinear" in dialog.errors["name"].text() and not dialog.ok.isEnabled()
    dialog.reject()


def test_an_unticked_register_box_teaches_the_plain_tensor_lesson(window):
    design(window)
    dialog = window.custom_actions.open_new_layer()
    fill_my_linear(dialog)
    dialog.parameters.table.item(1, dialog.parameters.REGISTERED).setCheckState(Qt.CheckState.Unchecked)
    definition = dialog.check_now()
    assert definition is not None and not definition.parameters[1].registered
    assert dialog.plain_note.isVisibleTo(dialog) and "state_dict()" in dialog.plain_note.text()
    assert "self.bias = torch.randn(units)  # a plain tensor" in dialog.code.toPlainText()
    dialog.reject()


def test_editing_a_definition_reopens_it_filled_in_and_updates_every_instance_in_one_step(window):
    p = design(window)
    p.define_layer(LayerDefinition("MyLinear", "relu(x @ weight + bias)", (("in_units", 10), ("units", 4)),
                                   (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",)))))
    p.append_layer("MyLinear")
    p.append_layer("MyLinear", in_units=4, units=4)
    window.undo_stack.clear()
    settle()
    before = snapshot(p)
    window.palette.edit_definition_requested.emit("MyLinear")
    dialog = window.findChild(CustomLayerDialog, "customLayerDialog")
    assert dialog.windowTitle() == "Edit MyLinear" and dialog.name.isReadOnly()
    assert dialog.forward.toPlainText() == "relu(x @ weight + bias)"
    assert dialog.hyperparameters.rows() == [(0, "in_units", "10"), (1, "units", "4")]
    assert dialog.parameters.rows()[0][1:] == ("weight", "in_units, units", "randn", True)
    assert dialog.sample.text() == "(3, 10)"  # what the first instance receives
    assert not dialog.insert.isVisibleTo(dialog) and dialog.ok.text() == "Save changes"
    dialog.forward.setPlainText("tanh(x @ weight) + bias")
    dialog.submit()
    settle()
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Edit MyLinear"
    assert p.definitions["MyLinear"].forward == "tanh(x @ weight) + bias"
    x = torch.randn(3, 20)
    h = p.model[1](p.model[0](x))
    h = torch.tanh(h @ p.model[2].weight) + p.model[2].bias
    expected = torch.tanh(h @ p.model[3].weight) + p.model[3].bias
    assert torch.equal(p.model(x), expected)  # both instances follow, with their values kept
    after = snapshot(p)
    assert_same((after[0], before[1], *after[2:]), after)  # same values: only the forward changed
    window.undo_stack.undo()
    assert_same(snapshot(p), before)
    window.undo_stack.redo()
    assert_same(snapshot(p), after)
