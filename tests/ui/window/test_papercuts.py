"""Issue #18's papercuts in the window: duplicate, replace with…, the seed field, the device tip, the palette
search, loading weights that do not fit, and where file dialogs start."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QDir, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from torch import nn

from editor import Project
from editor.model.examples import mlp
from editor.model.run.devices import cuda_unavailable_reason
from editor.ui.window import code_files, files
from tests.ui.helpers import settle


def built() -> Project:
    p = Project(seed=0)
    p.input_shape = (3, 20)
    for kind, params in (("Linear", {"out_features": 10}), ("ReLU", {}), ("Linear", {"out_features": 5})):
        p.append_layer(kind, **params)
    return p


# ------------------------------------------------------------------ duplicate
def test_duplicate_keeps_auto_and_fresh_weights_are_new_draws(window):
    window.set_project(built())
    p = window.project
    window.select_nodes([p.node("2")])
    settle()
    window.edit_actions.duplicate.trigger()
    assert p.auto("3") == frozenset({"in_features"})
    assert p.hyperparameters("3")["in_features"] == 5  # the copy takes the 5 features it receives there
    assert p.shape_errors() == [] and window.selected_nodes() == [p.node("3")]
    assert "follow the input, which is different there" in window.statusBar().currentMessage()
    window.select_nodes([p.node("0")])
    window.edit_actions.duplicate_fresh.trigger()
    assert not torch.equal(p[1].weight, p[0].weight) and p.hyperparameters("1")["in_features"] == 10
    assert [window.undo_stack.text(i) for i in range(2)] == ["Duplicate Linear", "Duplicate Linear with fresh weights"]
    assert "new weights" in window.statusBar().currentMessage()


def test_duplicate_of_a_fitting_block_copies_its_weights(window):
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.Tanh())))
    p = window.project
    window.select_nodes([p.node("0")])
    window.edit_actions.duplicate.trigger()
    assert p.model[1] is not p.model[0] and torch.equal(p[1].weight, p[0].weight)
    assert window.statusBar().currentMessage() == "Duplicated as block 1: the same weights, in modules of their own."


# ------------------------------------------------------------------ replace with…
def test_replace_with_picks_a_kind_and_replaces_the_selected_block(window, qtbot):
    window.set_project(built())
    p = window.project
    edits = window.edit_actions
    assert not edits.replace_with.isEnabled()
    window.select_nodes([p.node("1")])
    settle()
    assert edits.replace_with.isEnabled()
    assert edits.replace_with in window.menus["edit"].actions() and edits.replace_with in window.context_actions()
    assert edits.duplicate_fresh in window.menus["edit"].actions() and edits.duplicate_fresh in window.context_actions()
    edits.replace_with.trigger()
    picker = window.replace_picker
    assert picker.isVisible() and "Replace with" in picker.edit.placeholderText()
    assert picker.title.text() == "Replace Block 1 · ReLU with:"
    qtbot.keyClicks(picker.edit, "sigmoid")
    QTest.keyClick(picker.edit, Qt.Key.Key_Return)
    assert [type(m).__name__ for m in p.model] == ["Linear", "Sigmoid", "Linear"]
    assert window.undo_stack.undoText() == "Replace ReLU with Sigmoid" and window.undo_stack.count() == 1
    window.select_nodes([p.node("0"), p.node("1")])
    settle()
    assert not edits.replace_with.isEnabled()


# ------------------------------------------------------------------ seed
def test_typing_a_seed_rebuilds_the_weights_from_it_as_one_undoable_step(window):
    window.set_project(built())
    p = window.project
    p.model[0].weight.data.zero_()
    p.mark_weights_changed()
    window.undo_stack.clear()
    field = window.toolbar.seed
    field.setText("42")
    field.editingFinished.emit()
    assert p.seed == 42 and p.weights_from_seed and not torch.equal(p[0].weight, torch.zeros(10, 20))
    torch.manual_seed(42)
    assert torch.equal(p[0].weight, nn.Linear(20, 10).weight)  # what torch.manual_seed(42) then building gives
    assert window.undo_stack.undoText() == "Set seed 42" and "rebuilt" in window.statusBar().currentMessage()
    assert "rebuilds every weight" in field.toolTip()
    window.undo_stack.undo()
    assert p.seed == 0 and torch.equal(p[0].weight, torch.zeros(10, 20))


# ------------------------------------------------------------------ device
@pytest.mark.parametrize("available, cuda, expected", [
    (False, None, "this torch build is CPU-only"),
    (False, "12.4", "No NVIDIA GPU found: this torch build supports CUDA 12.4"),
])
def test_the_device_tip_says_why_there_is_no_gpu(monkeypatch, available, cuda, expected):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: available)
    monkeypatch.setattr(torch.version, "cuda", cuda)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert expected in cuda_unavailable_reason()


def test_the_device_picker_carries_the_note(window):
    if not torch.cuda.is_available():
        assert cuda_unavailable_reason() in window.toolbar.device.toolTip()


# ------------------------------------------------------------------ palette
def test_the_palette_search_is_cleared_when_another_project_opens(window, qtbot):
    palette = window.palette
    qtbot.keyClicks(palette.search, "norm")
    assert "Linear" not in palette.visible_kinds()
    window.file_actions.on_new()
    assert palette.search.text() == "" and "Linear" in palette.visible_kinds()
    qtbot.keyClicks(palette.search, "conv")
    window.edit_actions.insert_kind("0", "ReLU")  # an edit is not another project: the search stays
    assert palette.search.text() == "conv"
    window.file_actions.open_example("mlp")
    assert palette.search.text() == ""


# ------------------------------------------------------------------ weights that do not fit
def test_weights_that_do_not_fit_at_all_load_nothing_and_ask_nothing(window, tmp_path, dialogs, monkeypatch):
    _answers, errors = dialogs
    window.set_project(mlp(0))
    asked = []
    monkeypatch.setattr(files, "ask_partial_load", lambda parent, report: asked.append(report) or True)
    torch.save(nn.Sequential(nn.Conv2d(1, 2, 3)).state_dict(), tmp_path / "other.pt")
    assert not window.file_actions.load_weights_from(tmp_path / "other.pt")
    assert asked == [] and window.undo_stack.count() == 0
    assert "None of the weights in other.pt fit this design, so nothing was loaded" in errors[-1]


def test_partly_fitting_weights_ask_with_dont_load_as_the_default(window, tmp_path, monkeypatch):
    window.set_project(mlp(0))
    source = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 7))
    torch.save(source.state_dict(), tmp_path / "w.pt")
    answers = [False, True]
    monkeypatch.setattr(files, "ask_partial_load", lambda parent, report: answers.pop(0))
    assert not window.file_actions.load_weights_from(tmp_path / "w.pt")
    assert window.undo_stack.count() == 0
    assert window.file_actions.load_weights_from(tmp_path / "w.pt")
    assert torch.equal(window.project[0].weight, source[0].weight)
    box = files.partial_load_box(window, window.project.weights_report(source.state_dict()))
    default = box.defaultButton()
    assert default is box.escapeButton() and default.text() == "Don't load"
    assert box.buttonRole(default) == QMessageBox.ButtonRole.RejectRole
    assert "Load the 2 that fit" in box.informativeText()
    box.deleteLater()


# ------------------------------------------------------------------ where dialogs start
@pytest.fixture
def dialog_calls(monkeypatch):
    calls: list[tuple[str, str]] = []

    def fake(kind: str):
        return lambda parent, title, start, filter_="": calls.append((kind, start)) or ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake("open"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake("save"))
    return calls


def test_dialogs_start_in_the_projects_folder_then_the_last_used_then_home(window, tmp_path, dialog_calls):
    actions = window.file_actions
    actions.on_open()
    assert dialog_calls[-1] == ("open", QDir.homePath())  # nothing known yet: home, not the working directory
    used = tmp_path / "lessons"
    used.mkdir()
    files.remember_folder(used / "a.pt")
    actions.on_load_weights()
    code_files.ask_open_code(window)
    assert dialog_calls[-2:] == [("open", str(used)), ("open", str(used))]
    project_folder = tmp_path / "work"
    project_folder.mkdir()
    assert actions.save_to(project_folder / "net.pt")
    actions.on_open()
    actions.save_project_as()
    actions.on_export_weights()
    code_files.ask_export_path(window, "net.py")
    assert dialog_calls[-4:] == [("open", str(project_folder)), ("save", str(project_folder / "net.pt")),
                                 ("save", str(project_folder / "net_weights.pt")),
                                 ("save", str(project_folder / "net.py"))]
    actions.on_new()
    actions.save_project_as()
    assert dialog_calls[-1] == ("save", str(project_folder / "Untitled.pt"))  # the folder used last


def test_a_folder_chosen_in_a_dialog_is_remembered(window, tmp_path, monkeypatch):
    chosen = tmp_path / "elsewhere" / "model.py"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(chosen), ""))
    assert code_files.ask_open_code(window) == str(chosen)
    assert files.dialog_folder(window) == chosen.parent
    assert Path(files.dialog_path(window, "x.py")) == chosen.parent / "x.py"


def test_export_weights_with_a_layer_kept_unallocated_says_why_before_asking_for_a_file(window, monkeypatch, dialogs,
                                                                                       free):
    """It asked for a file name first and then failed with an error that escaped the menu action."""
    from PySide6.QtWidgets import QFileDialog

    from editor import Project

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    p = Project(seed=0)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)
    window.set_project(p)
    _answers, errors = dialogs
    window.file_actions.on_export_weights()
    assert asked == [] and "block 0 is not allocated" in errors[-1]
