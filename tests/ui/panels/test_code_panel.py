"""The Code panel and Python files in the app: live code, copy, edit → Apply, errors at their line, export, open."""

from __future__ import annotations

import ast
import runpy

import pytest
import torch
from PySide6.QtWidgets import QApplication

from editor import Project
from editor.model.examples import cnn, mlp
from editor.ui.panels.code.panel import DEBOUNCE_MS, NOT_FROM_SEED
from editor.ui.window import code_files
from tests.commands.test_commands import assert_same, snapshot
from tests.ui.helpers import settle

TWO_LAYERS = "from torch import nn\n\nmodel = nn.Sequential(nn.Linear(4, 3), nn.ReLU())\n"
BAD_LINE_3 = "from torch import nn\n\nmodel = nn.Sequential(nn.Linear(4, 3), MyLayer())\n"
TWO_MODELS = ("from torch import nn\n\nencoder = nn.Sequential(nn.Linear(8, 4), nn.ReLU())\n"
              "decoder = nn.Sequential(nn.Linear(4, 8), nn.Sigmoid())\n")


@pytest.fixture
def panel(window):
    window.bottom_tabs.setCurrentWidget(window.code_panel)
    settle()
    return window.code_panel


def edit_and_apply(panel, text: str) -> None:
    panel.edit_button.click()
    assert panel.editing and not panel.editor.isReadOnly() and panel.apply_button.isVisible()
    panel.editor.setPlainText(text)
    panel.apply_button.click()


def test_shows_the_code_and_follows_edits_after_a_pause(window, panel, qtbot):
    window.set_project(mlp(0))
    assert panel.objectName() == "codePanel"
    assert panel.code() == window.project.to_code()
    ast.parse(panel.code())
    window.project.append_layer("Tanh")
    assert "nn.Tanh()" not in panel.code()  # debounced: bursts of edits make one refresh
    qtbot.waitUntil(lambda: "nn.Tanh()" in panel.code(), timeout=DEBOUNCE_MS * 20)
    assert panel.code() == window.project.to_code()


def test_refresh_keeps_the_scroll_position(window, panel, qtbot):
    window.set_project(cnn(0))
    panel.editor.resize(600, 120)
    settle()
    bar = panel.editor.verticalScrollBar()
    bar.setValue(10)
    window.project.set_hyperparameters("2.4", out_features=12)
    qtbot.waitUntil(lambda: "nn.Linear(64, 12)" in panel.code(), timeout=DEBOUNCE_MS * 20)
    assert bar.value() == 10


def test_a_hidden_tab_catches_up_when_shown(window, qtbot):
    panel = window.code_panel
    window.bottom_tabs.setCurrentWidget(window.repr_panel)
    window.project.append_layer("Linear", in_features=3, out_features=2)
    settle()
    window.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: "nn.Linear(3, 2)" in panel.code(), timeout=DEBOUNCE_MS * 20)


def test_copy_puts_the_code_on_the_clipboard(window, panel):
    window.set_project(cnn(0))
    panel.copy_button.click()
    assert QApplication.clipboard().text() == window.project.to_code()


def test_apply_changes_the_canvas_in_one_step_and_undo_restores_it_exactly(window, panel):
    window.set_project(cnn(0))
    project = window.project
    project.model[0][0].weight.data.mul_(2)  # values no seed gives: undo must bring exactly these back
    project.mark_weights_changed()
    window.undo_stack.clear()
    before = snapshot(project)
    edit_and_apply(panel, TWO_LAYERS)
    assert window.project is project and repr(project.model) == repr(
        torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU()))
    assert set(window.scene.items_by_node) == {node for _, node in project.walk()}
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Apply code"
    assert not panel.editing and panel.error_label.isHidden()
    after = snapshot(project)
    window.undo_stack.undo()
    assert_same(snapshot(project), before)
    assert len(window.scene.items_by_node) == len(list(project.walk()))
    window.undo_stack.redo()
    assert_same(snapshot(project), after)


def test_applied_code_builds_the_seeds_weights(window, panel):
    window.set_project(Project(seed=11))
    edit_and_apply(panel, TWO_LAYERS)
    torch.manual_seed(11)
    expected = torch.nn.Linear(4, 3)
    assert torch.equal(window.project.model[0].weight, expected.weight)
    assert window.project.seed == 11 and window.project.weights_from_seed


def test_the_codes_own_seed_wins(window, panel):
    window.set_project(Project(seed=11))
    edit_and_apply(panel, "import torch\nfrom torch import nn\n\ntorch.manual_seed(5)\n"
                          "model = nn.Sequential(nn.Linear(4, 3))\n")
    assert window.project.seed == 5


def test_applying_unchanged_code_adds_no_undo_step(window, panel):
    window.set_project(mlp(0))
    panel.edit_button.click()
    panel.apply_button.click()
    assert not panel.editing and window.undo_stack.count() == 0


def test_an_error_is_shown_at_its_line_and_changes_nothing(window, panel):
    window.set_project(mlp(0))
    before = snapshot(window.project)
    edit_and_apply(panel, BAD_LINE_3)
    assert panel.editing and panel.code() == BAD_LINE_3  # what the user typed stays
    assert panel.editor.current_line() == 3 and panel.editor.error_line == 3
    assert len(panel.editor.extraSelections()) == 1
    assert panel.error_label.isVisible() and panel.error_label.text().startswith("Line 3")
    assert "MyLayer() is not defined" in panel.error_label.text()
    assert panel.editor.textCursor().positionInBlock() == BAD_LINE_3.splitlines()[2].index("MyLayer")
    assert window.undo_stack.count() == 0
    assert_same(snapshot(window.project), before)
    panel.cancel_button.click()  # back to the live code, error gone
    assert not panel.editing and panel.code() == window.project.to_code() and panel.error_label.isHidden()
    assert panel.editor.extraSelections() == []


def test_a_syntax_error_is_shown_at_its_line(window, panel):
    edit_and_apply(panel, "from torch import nn\nmodel = nn.Sequential(\n    nn.Linear(4, 3),,\n)\n")
    assert panel.editor.current_line() == 3 and panel.error_label.text().startswith("Line 3")


def test_choose_among_several_models(window, panel, monkeypatch):
    offered = []

    def choose(win, candidates, default):
        offered.append(([c.name for c in candidates], default))
        return 0

    monkeypatch.setattr(code_files, "choose_model", choose)
    edit_and_apply(panel, TWO_MODELS)
    assert offered == [(["encoder", "decoder"], 1)]  # the last one assigned is offered first
    assert type(window.project.model[1]).__name__ == "ReLU"
    assert window.undo_stack.count() == 1


def test_cancelling_the_choice_changes_nothing(window, panel, monkeypatch):
    window.set_project(mlp(0))
    before = snapshot(window.project)
    monkeypatch.setattr(code_files, "choose_model", lambda win, candidates, default: None)
    edit_and_apply(panel, TWO_MODELS)
    assert panel.editing and window.undo_stack.count() == 0
    assert_same(snapshot(window.project), before)


def test_edits_on_the_canvas_while_editing_are_noticed(window, panel, qtbot):
    window.set_project(mlp(0))
    panel.edit_button.click()
    panel.editor.setPlainText(TWO_LAYERS)
    window.project.append_layer("Tanh")
    settle()
    qtbot.wait(DEBOUNCE_MS * 2)
    assert panel.code() == TWO_LAYERS and "changed since you began editing" in panel.mode_label.text()
    panel.cancel_button.click()
    assert "nn.Tanh()" in panel.code()


def test_export_writes_code_that_parses(window, panel, tmp_path, monkeypatch):
    window.set_project(cnn(0))
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "net"))
    asked = []
    monkeypatch.setattr(code_files, "ask_save_weights", lambda win, name: asked.append(name) or "save")
    panel.export_button.click()
    text = (tmp_path / "net.py").read_text(encoding="utf-8")
    ast.parse(text)
    assert text == window.project.to_code()
    assert asked == [] and not (tmp_path / "net_weights.pt").exists()  # the weights are the seed's


def test_not_from_seed_note_and_the_offer_to_save_weights(window, panel, qtbot, tmp_path, monkeypatch):
    window.set_project(mlp(0))
    assert "rebuilds exactly the editor's weights" in panel.note_label.text()
    state = {k: v + 1 for k, v in window.project.model.state_dict().items()}
    window.project.load_state(state)
    qtbot.waitUntil(lambda: panel.note_label.text() == NOT_FROM_SEED, timeout=DEBOUNCE_MS * 20)
    assert "NOTE" in panel.code()
    panel.edit_button.click()
    assert "Apply builds the weights from the seed; Undo brings back the current ones" in panel.mode_label.text()
    panel.cancel_button.click()
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "net.py"))
    asked = []
    monkeypatch.setattr(code_files, "ask_save_weights", lambda win, name: asked.append(name) or "save")
    window.code_actions.export_code.trigger()
    assert asked == ["net_weights.pt"]
    assert torch.load(tmp_path / "net_weights.pt", weights_only=True).keys() == state.keys()
    with torch.random.fork_rng(devices=[]):
        script = runpy.run_path(str(tmp_path / "net.py"), run_name="__main__")  # it loads the weights
    for key, value in script["model"].state_dict().items():
        assert torch.equal(value, state[key]), key


def test_a_refresh_checks_the_weights_against_the_seed_once(window, panel, monkeypatch):
    """The note under the code takes to_code()'s answer: a second checksum of every weight doubled the cost."""
    from editor.model.design import seeding

    window.set_project(mlp(0))
    checksums = []
    real = seeding.fingerprint
    monkeypatch.setattr(seeding, "fingerprint", lambda layers: checksums.append(1) or real(layers))
    window.project.model[0].weight.data.mul_(2)  # behind the project's back: noticed by the checksum
    panel.refresh()
    assert len(checksums) == 1 and panel.note_label.text() == NOT_FROM_SEED and "NOTE" in panel.code()
    window.project.reset_parameters()
    checksums.clear()
    panel.refresh()
    assert len(checksums) == 1 and "rebuilds exactly the editor's weights" in panel.note_label.text()


def test_declining_to_save_weights_exports_the_code_only_and_cancel_writes_nothing(window, tmp_path, monkeypatch):
    window.set_project(mlp(0))
    window.project.model[0].weight.data.zero_()
    window.project.mark_weights_changed()
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "a.py"))
    monkeypatch.setattr(code_files, "ask_save_weights", lambda win, name: "cancel")
    assert not window.code_actions.on_export_code()
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(code_files, "ask_save_weights", lambda win, name: "skip")
    assert window.code_actions.on_export_code()
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"] and "WEIGHTS" not in (tmp_path / "a.py").read_text()


def test_export_failure_is_explained(window, tmp_path, monkeypatch, dialogs):
    _answers, errors = dialogs
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "missing" / "a.py"))
    assert not window.code_actions.on_export_code()
    assert "does not exist" in errors[-1]


def test_open_python_code_as_a_new_project(window, tmp_path, monkeypatch, dialogs):
    answers, errors = dialogs
    source = tmp_path / "net.py"
    source.write_text(mlp(3).to_code(), encoding="utf-8")
    window.project.append_layer("ReLU")  # unsaved work: the user is asked first
    monkeypatch.setattr(code_files, "ask_open_code", lambda win: str(source))
    answers.append("cancel")
    window.code_actions.open_code.trigger()
    assert len(window.project) == 1  # cancelled: the current project stays
    window.code_actions.open_code.trigger()  # the default answer discards
    assert repr(window.project.model) == repr(mlp(3).model) and window.project.seed == 3
    assert window.project.weights_from_seed and window.file_path is None
    assert window.undo_stack.count() == 0 and window.undo_stack.isClean()
    assert window.code_panel.code() == window.project.to_code()
    assert errors == []
    assert window.windowTitle() == "net.py (read from code, not saved yet)[*] — LayerLab"
    window.set_project(mlp(0))  # another project forgets the source's name
    assert window.windowTitle().startswith("Untitled")


def test_open_python_code_that_cannot_be_read(window, tmp_path, dialogs):
    _answers, errors = dialogs
    before = window.project
    bad = tmp_path / "bad.py"
    bad.write_text(BAD_LINE_3, encoding="utf-8")
    assert not window.code_actions.open_code_path(bad)
    assert window.project is before and errors[-1].startswith("Line 3")
    (tmp_path / "latin.py").write_bytes(b"# \xe9\xff\n")
    assert not window.code_actions.open_code_path(tmp_path / "latin.py")
    assert "not UTF-8" in errors[-1]
    assert not window.code_actions.open_code_path(tmp_path / "nowhere.py")
    assert "cannot read" in errors[-1]


def test_dropping_a_py_file_opens_it(window, tmp_path):
    source = tmp_path / "net.py"
    source.write_text(TWO_LAYERS, encoding="utf-8")
    window.open_dropped([str(source)])
    assert len(window.project) == 2


def test_file_menu_has_the_python_entries(window):
    texts = [a.text() for a in window.menus["file"].actions()]
    assert "Open &Python Code…" in texts and "Export P&ython Code…" in texts


def test_highlighting_colours_keywords_strings_and_docstrings(window, panel):
    editor = panel.editor
    editor.setPlainText('import torch\n"""doc\nstill doc\n"""\nx = 1  # note\n')
    settle()

    def colours(line: int) -> set[str]:
        block = editor.document().findBlockByNumber(line)
        return {r.format.foreground().color().name() for r in block.layout().formats()}

    string_colour = next(iter(colours(1)))
    assert colours(2) == {string_colour}  # inside the docstring
    assert string_colour not in colours(0) and colours(0)  # the keyword has its own colour
    assert len(colours(4)) == 2  # the number and the comment
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(3).position())
    cursor.deleteChar()  # the docstring no longer closes: everything after it is string now
    settle()
    assert colours(4) == {string_colour}


def test_the_importers_notices_are_shown(window, tmp_path):
    source = tmp_path / "net.py"
    source.write_text("from torch import nn\na = nn.Linear(2, 2)\nextra = nn.Linear(3, 3)\n"
                      "model = nn.Sequential(a, nn.Linear(2, 2))\n", encoding="utf-8")
    assert window.code_actions.open_code_path(source)
    message = window.status.currentMessage()
    assert message.startswith("Opened the model in net.py") and "Line 3: nn.Linear(...)" in message
    from PySide6.QtWidgets import QApplication, QMessageBox

    notes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "readingNotes" and w.isVisible()]
    assert len(notes) == 1 and isinstance(notes[0], QMessageBox)  # all of them, to read at leisure (not modal)
    assert notes[0].windowTitle() == "Notes on net.py" and "Line 3: nn.Linear(...)" in notes[0].informativeText()
    assert not notes[0].isModal()
    notes[0].close()


def test_ctrl_enter_applies(window, panel, qtbot):
    from PySide6.QtCore import Qt

    panel.edit_button.click()
    panel.editor.setPlainText(TWO_LAYERS)
    window.activateWindow()
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(window.project) == 2 and not panel.editing


@pytest.mark.parametrize("old, new", [("a😀b\nc = 1\n", "a😀b\nc = 2\n"), ("x\n😀\ny\n", "x\n😀😀\ny\n"),
                                      ("same", "same"), ("", "new"), ("old", ""), ("ab", "b"), ("b", "ab")])
def test_replacing_text_changes_only_what_differs(panel, old, new):
    panel.editor.setPlainText(old)
    panel.editor.replace_text(new)
    assert panel.editor.toPlainText() == new


def test_code_without_a_model_is_explained_without_a_line(window, panel):
    edit_and_apply(panel, "x = 1\n")
    assert panel.editing and panel.editor.error_line is None and panel.editor.extraSelections() == []
    assert panel.error_label.isVisible() and "No nn.Sequential model found" in panel.error_label.text()


def test_export_suggests_a_name_next_to_the_project(window, tmp_path, monkeypatch):
    suggested = []
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, name: suggested.append(name))
    window.code_actions.on_export_code()
    window.file_path = tmp_path / "cnn.pt"
    window.code_actions.on_export_code()
    assert suggested == ["model.py", str(tmp_path / "cnn.py")]


def test_export_keeps_an_upper_case_py_suffix_and_warns_about_a_name_that_hides_torch(window, tmp_path, monkeypatch):
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "Net.PY"))
    assert window.code_actions.on_export_code()
    assert [p.name for p in tmp_path.iterdir()] == ["Net.PY"]
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "torch.py"))
    assert window.code_actions.on_export_code()
    assert "imports itself instead of" in window.status.currentMessage()


def test_export_waits_while_the_code_is_being_edited(window, panel):
    """Export .py… writes the design's code: while edited text is shown it would not be what is written."""
    assert panel.export_button.isEnabled()
    panel.edit_button.click()
    assert not panel.export_button.isEnabled() and "Apply or Cancel" in panel.export_button.toolTip()
    panel.cancel_button.click()
    assert panel.export_button.isEnabled() and "Apply or Cancel" not in panel.export_button.toolTip()


def test_a_new_design_opens_the_code_at_build_model(window, qtbot):
    window.bottom_tabs.setCurrentWidget(window.code_panel)
    window.set_project(cnn(0))
    qtbot.waitUntil(lambda: "def build_model" in window.code_panel.code(), timeout=3000)
    panel = window.code_panel
    first = panel.editor.firstVisibleBlock().text()
    assert first.startswith("def build_model") or panel.editor.verticalScrollBar().maximum() == 0


def test_a_design_opened_behind_another_tab_shows_build_model_when_the_code_tab_opens(window, qtbot):
    window.bottom_tabs.setCurrentIndex(0)
    window.set_project(cnn(0))
    window.bottom_tabs.setCurrentWidget(window.code_panel)
    qtbot.waitUntil(lambda: window.code_panel.editor.firstVisibleBlock().text().startswith("def build_model"),
                    timeout=3000)


def test_edited_code_is_not_dropped_without_asking(window, dialogs):
    answers, _errors = dialogs
    panel = window.code_panel
    window.bottom_tabs.setCurrentWidget(panel)
    panel.refresh()
    panel.enter_edit_mode()
    panel.editor.setPlainText(TWO_LAYERS)
    window.bottom_tabs.setCurrentIndex(0)
    answers.append("keep code")
    window.file_actions.new.trigger()  # asked, and kept: nothing changes
    assert panel.editing and panel.code() == TWO_LAYERS and window.bottom_tabs.currentWidget() is panel
    window.file_actions.new.trigger()  # the default answer discards it
    assert not panel.editing and len(window.project) == 0


def test_the_canvas_labels_follow_applied_code_and_its_undo(window, panel):
    window.set_project(mlp(0))
    scene = window.scene
    code = window.project.to_code().replace("nn.Linear(10, 5)", "nn.Linear(10, 7)")
    assert code != window.project.to_code()
    edit_and_apply(panel, code)
    settle()
    shape = ", ".join(map(str, window.project.input_shape))
    assert scene.input_item.text == f"input ({shape})" and scene.output_item.text.endswith(", 7)")
    window.undo_stack.undo()
    settle()
    assert scene.output_item.text.endswith(", 5)")
    window.undo_stack.redo()
    settle()
    assert scene.output_item.text.endswith(", 7)")


def test_a_hidden_code_tab_writes_the_code_when_shown_or_asked(window, monkeypatch, qtbot):
    """Start-up and every project opened build the Code tab hidden: generating code there waits until needed."""
    p = mlp(0)
    calls: list[int] = []
    to_code = p.to_code
    monkeypatch.setattr(p, "to_code", lambda *a, **k: calls.append(1) or to_code(*a, **k))
    window.show_tab("parameters")
    window.set_project(p)
    assert calls == []  # hidden: nothing written yet
    assert window.code_panel.code() == to_code() and calls == [1]  # asked: written now, once
    p.append_layer("Tanh")
    window.show_tab("code")  # shown: it catches up after the usual pause
    qtbot.waitUntil(lambda: "nn.Tanh()" in window.code_panel.code(), timeout=DEBOUNCE_MS * 20)
    assert len(calls) == 2


def test_export_with_a_layer_kept_unallocated_writes_the_code_and_offers_no_weights(window, tmp_path, monkeypatch,
                                                                                     free):
    """It offered to save the weights ("they were edited, trained or loaded"), then failed and wrote nothing."""
    p = Project(seed=0)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)  # 39.1 KiB: does not fit in 30 KiB
    p.append_layer("ReLU")
    p.append_layer("Linear", in_features=2000, out_features=2)
    p.model[2].weight.data.add_(1)  # edited: not the seed's
    p.mark_weights_changed()
    assert not p.weights_from_seed and p.unallocated() == ["0"]
    window.set_project(p)
    monkeypatch.setattr(code_files, "ask_export_path", lambda win, suggested: str(tmp_path / "big.py"))
    asked = []
    monkeypatch.setattr(code_files, "ask_save_weights", lambda win, name: asked.append(name) or "save")
    messages = []
    monkeypatch.setattr(window.session, "show_message", messages.append)
    assert window.code_actions.on_export_code()
    text = (tmp_path / "big.py").read_text(encoding="utf-8")
    assert asked == [] and [f.name for f in tmp_path.iterdir()] == ["big.py"]
    assert "There are no weights to save while block 0 has no values" in text and "--weights" not in text
    assert "No weights were saved: block 0 is not allocated" in messages[-1]
