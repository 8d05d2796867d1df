"""Files in the app: open, save, unsaved prompts, drops, recent files, weights, workers, autosave."""

from __future__ import annotations

import json
import time
from pathlib import Path

import torch
from PySide6.QtCore import QEventLoop, QMimeData, QPointF, QTimer, QUrl
from PySide6.QtWidgets import QApplication
from torch import nn

from editor import Project
from editor.io.files.design_data import design_to_data
from editor.model.examples import cnn, mlp
from editor.ui.window import files
from editor.ui.window.autosave import find_recoverable
from editor.ui.window.settings import app_settings
from tests.ui.helpers import drag_to, settle


def test_save_then_open_round_trip(window, tmp_path):
    window.set_project(cnn(0))
    assert window.file_actions.save_to(tmp_path / "cnn.pt")
    assert window.undo_stack.isClean() and window.windowTitle() == "cnn[*] — LayerLab"
    window.set_project(Project())
    assert window.file_actions.open_path(tmp_path / "cnn.pt")
    assert window.project.count_parameters() == 105_898 and window.file_path == tmp_path / "cnn.pt"
    assert app_settings().value("recentFiles")[0] == str(tmp_path / "cnn.pt")
    assert window.file_actions.recent_menu.actions()[0].text() == "cnn.pt"


def test_failed_open_keeps_the_current_project_and_explains(window, tmp_path, dialogs):
    _answers, errors = dialogs
    window.set_project(mlp(0))
    before = window.project
    (tmp_path / "bad.pt").write_bytes(b"not a file")
    assert not window.file_actions.open_path(tmp_path / "bad.pt")
    assert window.project is before and "not a PyTorch .pt file" in errors[-1]


def test_unsaved_prompt_on_new_open_and_close(window, tmp_path, dialogs):
    answers, _errors = dialogs
    window.project.append(nn.Linear(3, 3))
    settle()
    assert window.isWindowModified()
    answers.append("cancel")
    window.file_actions.new.trigger()
    assert len(window.project) == 1  # cancelled: nothing lost
    answers.append("save")
    window.file_path = tmp_path / "kept.pt"
    window.file_actions.new.trigger()
    assert len(window.project) == 0 and Project.load(tmp_path / "kept.pt").count_parameters() == 12
    window.project.append(nn.ReLU())
    settle()
    answers.append("cancel")
    window.close()
    assert window.isVisible()
    answers.append("discard")
    window.close()
    assert not window.isVisible()


def test_failed_save_keeps_the_project_open_and_unsaved(window, tmp_path, dialogs):
    _answers, errors = dialogs
    window.project.append(nn.Linear(3, 3))
    settle()
    assert not window.file_actions.save_to(tmp_path / "missing-folder" / "p.pt")
    assert not window.undo_stack.isClean() and "does not exist" in errors[-1]
    assert len(window.project) == 1


def test_dropping_a_project_file_opens_it(window, tmp_path):
    mlp(0).save(tmp_path / "dropped.pt")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.pt"))])
    drag_to(window.view, mime, QPointF(200, 200))
    assert window.file_path == tmp_path / "dropped.pt" and window.project.count_parameters() == 265


def test_plain_state_dict_is_recognized_when_opened(window, tmp_path, dialogs, monkeypatch):
    _answers, _errors = dialogs
    offered = []
    monkeypatch.setattr(window.file_actions, "offer_weights", lambda p, exc: offered.append(exc.reason) or True)
    torch.save(nn.Sequential(nn.Linear(20, 10)).state_dict(), tmp_path / "w.pt")
    assert not window.file_actions.open_path(tmp_path / "w.pt")
    assert offered == ["state_dict"]


def test_load_weights_is_undoable(window, tmp_path):
    window.set_project(mlp(0))
    source = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))
    torch.save(source.state_dict(), tmp_path / "w.pt")
    before = window.project[0].weight.detach().clone()
    assert window.file_actions.load_weights_from(tmp_path / "w.pt")
    assert torch.equal(window.project[0].weight, source[0].weight)
    assert window.undo_stack.undoText() == "Load weights"
    window.undo_stack.undo()
    assert torch.equal(window.project[0].weight, before)


def test_big_files_run_in_a_worker_and_the_ui_keeps_ticking(window):
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    result = files.run_with_progress(window, lambda: time.sleep(0.4) or 42, "Working…", big=True)
    timer.stop()
    assert result == 42 and len(ticks) >= 5


def test_autosave_and_recovery_after_a_kill(window, qtbot, tmp_path):
    window.set_project(cnn(3))
    autosave = window.autosave
    autosave.folder = tmp_path / "autosave"
    autosave.timer.setInterval(50)
    window.edit_actions.insert_kind("0", "Identity")
    qtbot.waitUntil(lambda: autosave.note_path.exists(), timeout=3000)
    assert find_recoverable(autosave.folder) == []  # this process is alive: nothing to recover
    note = json.loads(autosave.note_path.read_text())
    note["pid"] = 2**22 + 12345  # as if the process had been killed
    autosave.note_path.write_text(json.dumps(note))
    found = find_recoverable(autosave.folder)
    assert len(found) == 1
    recovered = Project.load(found[0].data)
    assert design_to_data(recovered) == design_to_data(window.project)
    assert all(torch.equal(a, b) for a, b in zip(recovered.model.state_dict().values(),
                                                  window.project.model.state_dict().values(), strict=True))
    found[0].discard()
    assert list(Path(autosave.folder).iterdir()) == []


def test_clean_exit_removes_the_autosave(window, qtbot, tmp_path):
    autosave = window.autosave
    autosave.folder = tmp_path / "autosave"
    autosave.timer.setInterval(30)
    window.project.append(nn.Linear(2, 2))
    qtbot.waitUntil(lambda: autosave.note_path.exists(), timeout=3000)
    window.close()
    assert not autosave.note_path.exists() and not autosave.data_path.exists()


def test_big_autosaves_are_written_by_a_worker(window, qtbot, tmp_path, monkeypatch):
    from editor.ui.window import autosave as autosave_module

    monkeypatch.setattr(autosave_module, "BIG_FILE", 0)  # treat this small project as a big one
    autosave = window.autosave
    autosave.folder = tmp_path / "autosave"
    window.project.append(nn.Linear(8, 8))
    settle()
    assert autosave.save_now() is False  # handed to the worker
    assert autosave.jobs.busy
    qtbot.waitUntil(lambda: autosave.note_path.exists() and not autosave.jobs.busy, timeout=5000)
    assert Project.load(autosave.data_path).count_parameters() == 72


def test_any_seed_torch_accepts_shows_in_the_toolbar(window, qtbot):
    from editor import Project

    for seed in (2**40, 2**64 - 1, -5):
        window.set_project(Project(seed=seed))
        assert window.toolbar.seed.text() == str(seed)
    window.toolbar.seed.setText("3000000000")
    window.toolbar.seed.editingFinished.emit()
    assert window.project.seed == 3_000_000_000 and window.undo_stack.count() == 1
    window.toolbar.seed.setText("forty-two")
    window.toolbar.seed.editingFinished.emit()
    assert window.project.seed == 3_000_000_000  # refused with a message, nothing changed
    assert "whole number" in window.statusBar().currentMessage()


def test_opening_settles_whether_the_weights_are_the_seed_s_before_the_window_gets_the_project(tmp_path):
    """Finding out rebuilds every layer from the seed: done in the open job, not by the code panel on the GUI thread."""
    from torch import nn

    from editor import Project
    from editor.io.files.project_file import open_project, save_project
    from editor.ui.window.files import open_checked

    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.ReLU()))
    save_project(p, tmp_path / "p.pt")
    assert open_project(tmp_path / "p.pt").project.seeds.status is None  # a file does not say
    opened = open_checked(tmp_path / "p.pt")
    assert opened.project.seeds.status is not None


def test_a_progress_dialog_for_work_that_ended_before_it_showed_never_shows_later(window, qtbot):
    """The next dialog's own event loop (an error box, Save/Discard) must not find a stale progress box on top."""
    from PySide6.QtWidgets import QProgressDialog

    shown: list[QProgressDialog] = []

    def watch() -> None:
        shown.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
        shown.extend(w for w in window.findChildren(QProgressDialog) if w.isVisible())

    results: list[int] = []

    def in_a_slot() -> None:  # as File → Open Python Code… runs it: from the event loop, then a modal box
        results.append(files.run_with_progress(window, lambda: 7, "Reading…", big=True, delay_ms=100))
        inner = QEventLoop()  # the box's own loop, a level deeper: the progress box is not deleted meanwhile
        QTimer.singleShot(600, inner.quit)
        inner.exec()
        outer.quit()

    probe = QTimer(interval=20)
    probe.timeout.connect(watch)
    probe.start()
    outer = QEventLoop()
    QTimer.singleShot(0, in_a_slot)
    outer.exec()
    probe.stop()
    assert results == [7] and shown == []
