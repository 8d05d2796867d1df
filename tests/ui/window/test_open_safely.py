"""A project that cannot be shown never closes the window: the previous one stays open, as it was."""

from __future__ import annotations

import pytest
from torch import nn

from editor import Project
from editor.io.files.project_file import save_project
from editor.model.examples import cnn, mlp
from editor.ui.window import live_parts
from editor.ui.window.error_log import ErrorLog
from editor.ui.window.session import Session


class ReplayError(RuntimeError):
    """What a crafted design might make a view raise."""


@pytest.fixture
def crafted(tmp_path):
    """A project file whose design the test makes impossible to show (the file itself is well formed)."""
    path = tmp_path / "crafted.pt"
    save_project(cnn(1), path)
    return path


@pytest.fixture
def open_work(window, tmp_path):
    """The learner's project: saved once, then edited (unsaved), with an autosave on disk."""
    mine = tmp_path / "mine.pt"
    save_project(mlp(0), mine)
    assert window.file_actions.open_path(mine, ask=False)
    window.project.append(nn.ReLU())
    assert window.autosave.save_now()
    return window.project


def break_for_others(monkeypatch, target, name: str, keep: Project) -> None:
    """Make ``target.name(project, ...)`` raise for any project but ``keep``."""
    original = getattr(target, name)

    def broken(project, *args):
        if project is not keep:
            raise ReplayError("the init rules cannot be replayed")
        return original(project, *args)

    monkeypatch.setattr(target, name, broken)


@pytest.mark.parametrize("where", ["inspector", "parameter_table", "run_panel"])
def test_a_project_that_cannot_be_shown_leaves_the_previous_one_open(window, open_work, crafted, dialogs,
                                                                     monkeypatch, tmp_path, where):
    _answers, errors = dialogs
    log = ErrorLog(tmp_path / "logs")
    log.start()
    try:
        target = getattr(window, where)
        break_for_others(monkeypatch, target, "show_nodes" if where == "inspector" else "set_project", open_work)
        assert not window.file_actions.open_path(crafted, ask=False)
    finally:
        log.stop()
    assert window.project is open_work and window.file_path == tmp_path / "mine.pt"
    assert window.undo_stack.count() == 1 and not window.undo_stack.isClean()  # history and unsaved state kept
    assert window.autosave.data_path.exists()  # the autosave of the unsaved work was not discarded
    assert errors[-1].startswith("LayerLab could not show crafted.pt: it holds something LayerLab did not expect")
    assert "The project you had open is still open, unchanged." in errors[-1] and str(log.path) in errors[-1]
    assert "ReplayError: the init rules cannot be replayed" in log.path.read_text(encoding="utf-8")
    # Every view follows the project that is open, and the window works as before.
    assert window.scene.project is open_work and len(window.scene.items_by_node) == 4
    for panel in (window.parameter_table, window.histogram, window.code_panel, window.run_panel, window.repr_panel):
        assert panel.project is open_work
    window.edit_actions.insert_kind("0", "Identity")
    assert len(open_work) == 5 and window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(open_work) == 3 and window.undo_stack.isClean()  # back to what the file holds
    window.undo_stack.redo()
    assert window.file_actions.save_project() and window.undo_stack.isClean()
    assert not window.autosave.data_path.exists()


def test_a_canvas_that_cannot_be_built_changes_nothing(window, open_work, crafted, dialogs, monkeypatch):
    _answers, errors = dialogs
    scene = window.scene
    real = live_parts.CanvasScene  # where the main window finds it (it imports torch)

    def scene_for(project, parent=None):
        if project is not open_work:
            raise ReplayError("no canvas for this one")
        return real(project, parent)

    monkeypatch.setattr(live_parts, "CanvasScene", scene_for)
    assert not window.file_actions.open_path(crafted, ask=False)
    assert window.project is open_work and window.scene.project is open_work and scene is not None
    assert "could not show crafted.pt" in errors[-1]


def test_opening_code_or_an_example_that_cannot_be_shown_keeps_the_project(window, open_work, dialogs,
                                                                           monkeypatch, tmp_path):
    _answers, errors = dialogs
    break_for_others(monkeypatch, window.parameter_table, "set_project", open_work)
    source = tmp_path / "net.py"
    source.write_text("import torch.nn as nn\nnet = nn.Sequential(nn.Linear(2, 3), nn.ReLU())\n")
    assert not window.code_actions.open_code_path(source)
    assert window.project is open_work and "could not show net.py" in errors[-1]
    window.file_actions.open_example("cnn")
    assert window.project is open_work and "could not show this project" in errors[-1]


def test_session_opening_is_all_or_nothing(qtbot):
    session = Session()
    shown, replaced, failures = [], [], []
    first, broken = mlp(0), cnn(0)

    def viewer(project: Project) -> None:
        if project is broken:
            raise ReplayError("no")
        shown.append(project)

    session.viewer = viewer
    session.project_replaced.connect(replaced.append)
    session.open_failed.connect(failures.append)
    assert session.set_project(first, source_name="first.py")
    first.append(nn.ReLU())
    assert not session.set_project(broken)
    assert session.project is first and session.source_name == "first.py" and session.undo_stack.count() == 1
    assert shown == [first, first] and replaced == [first] and len(failures) == 1
    first.append(nn.ReLU())  # the session still follows the project that stayed
    assert session.undo_stack.count() == 2


def test_when_not_even_the_first_project_can_be_shown_the_error_is_raised(qtbot):
    session = Session()

    def viewer(project: Project) -> None:
        raise ReplayError("no")

    session.viewer = viewer
    with pytest.raises(ReplayError):
        session.set_project(Project())
    assert not session.has_project


def test_a_project_s_notices_are_all_shown_to_read_at_leisure(window, tmp_path):
    """A project saved on a device this machine lacks: the notice in the status bar and in a box that does not
    block (several notices in a row used to replace each other in the status bar)."""
    import torch
    from PySide6.QtWidgets import QApplication

    from editor.io.files.project_file import to_payload
    from editor.model.examples import EXAMPLES

    payload = to_payload(EXAMPLES["mlp"](0))
    payload["device"] = "cuda:7"
    torch.save(payload, tmp_path / "gpu.pt")
    if torch.cuda.device_count() > 7:
        return  # this machine has a cuda:7: nothing to say
    assert window.file_actions.open_path(tmp_path / "gpu.pt", ask=False)
    assert "opened on the CPU" in window.status.currentMessage()
    notes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "readingNotes" and w.isVisible()]
    assert len(notes) == 1 and "opened on the CPU" in notes[0].informativeText() and not notes[0].isModal()
    notes[0].close()


def test_the_notes_box_is_one_plain_text_box_of_a_few_notes(window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    from editor.ui.window.files import NOTES_SHOWN, show_notes

    for _ in range(3):
        box = show_notes(window, "<b>net</b>.py", [f"<h1>note {i}</h1>" for i in range(3000)])
    boxes = [b for b in window.findChildren(QMessageBox, "readingNotes") if b.isVisible()]
    assert boxes == [box]  # the last one only
    text = box.informativeText()
    assert text.count("• ") == NOTES_SHOWN and "and 2992 more" in text
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert label.textFormat() == Qt.TextFormat.PlainText and box.textFormat() == Qt.TextFormat.PlainText
    assert box.sizeHint().height() < 900
    box.close()
