"""Autosave and recovery: recovered work survives a second crash, and notes cannot reach outside their folder."""

from __future__ import annotations

import json
import os
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from torch import nn

from editor import Project
from editor.io.files.design_data import design_to_data
from editor.io.files.project_file import save_project
from editor.model.examples import mlp
from editor.ui.window import recovery
from editor.ui.window.autosave import Recoverable, confined, find_recoverable
from editor.ui.window.recovery import ask_recover, offer_recovery

DEAD_PID = 2**22 + 12345  # above Linux's largest pid: no process has it


def leave_autosave(folder, name: str = "4242-deadbeef", source: str | None = None, project: Project | None = None,
                   **note: object) -> Project:
    """What a LayerLab killed with unsaved work leaves behind; the project it held."""
    folder.mkdir(parents=True, exist_ok=True)
    project = project or mlp(0)
    project.append(nn.Linear(5, 2))
    save_project(project, folder / f"{name}.pt")
    meta = {"pid": DEAD_PID, "data": f"{name}.pt", "saved_at": time.time(), "source": source, **note}
    (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
    return project


@pytest.fixture
def answer(monkeypatch):
    """Queue answers to "Recover unsaved work?" (default: recover)."""
    answers: list[str] = []
    monkeypatch.setattr(recovery, "ask_recover", lambda parent, item: answers.pop(0) if answers else "recover")
    return answers


def kill(autosave) -> None:
    """As if this LayerLab died now: its note names a process that is gone."""
    note = json.loads(autosave.note_path.read_text(encoding="utf-8"))
    note["pid"] = DEAD_PID
    autosave.note_path.write_text(json.dumps(note), encoding="utf-8")


def test_recovered_work_stays_on_disk_until_saved_and_survives_a_second_crash(window, answer, tmp_path):
    folder = window.autosave.folder
    lost = leave_autosave(folder, source=str(tmp_path / "lesson.pt"))
    assert offer_recovery(window.session, window.autosave, window)
    assert design_to_data(window.project) == design_to_data(lost)
    assert window.file_path == tmp_path / "lesson.pt" and not window.undo_stack.isClean()
    assert window.autosave.timer.isActive()  # autosaving again at once, without waiting for an edit
    # The recovered copy is this run's autosave now: nothing else is left, and it is not offered while we run.
    assert sorted(p.name for p in folder.iterdir()) == sorted([window.autosave.data_path.name,
                                                               window.autosave.note_path.name])
    assert find_recoverable(folder) == []
    kill(window.autosave)  # a second crash before saving
    again = find_recoverable(folder)
    assert len(again) == 1 and again[0].source == str(tmp_path / "lesson.pt")
    assert design_to_data(Project.load(again[0].data)) == design_to_data(lost)


def test_recovered_work_is_removed_once_saved(window, answer, tmp_path):
    leave_autosave(window.autosave.folder, source=str(tmp_path / "lesson.pt"))
    assert offer_recovery(window.session, window.autosave, window)
    assert window.file_actions.save_project()
    assert list(window.autosave.folder.iterdir()) == []
    assert Project.load(tmp_path / "lesson.pt").count_parameters() == window.project.count_parameters()


def test_an_edit_after_recovery_is_autosaved_over_the_recovered_copy(window, answer, qtbot):
    leave_autosave(window.autosave.folder)
    window.autosave.timer.setInterval(30)
    assert offer_recovery(window.session, window.autosave, window)
    window.project.append(nn.ReLU())
    qtbot.waitUntil(lambda: len(Project.load(window.autosave.data_path)) == 5, timeout=3000)
    assert len(list(window.autosave.folder.iterdir())) == 2


def test_not_now_keeps_every_autosave_and_discard_deletes_only_its_own(window, answer):
    folder = window.autosave.folder
    leave_autosave(folder, "1-a", saved_at=2.0)
    leave_autosave(folder, "2-b", saved_at=1.0)
    answer.append("later")
    assert not offer_recovery(window.session, window.autosave, window)
    assert len(list(folder.iterdir())) == 4 and window.undo_stack.isClean()
    answer.extend(["discard", "later"])
    assert not offer_recovery(window.session, window.autosave, window)
    assert sorted(p.name for p in folder.iterdir()) == ["2-b.json", "2-b.pt"]


def test_escape_in_the_recovery_question_means_not_now(window, qtbot):
    item = Recoverable(window.autosave.folder / "x.pt", window.autosave.folder / "x.json", None, time.time())
    QTimer.singleShot(50, lambda: QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape))
    assert ask_recover(window, item) == "later"


def test_a_recovered_file_that_cannot_be_read_is_kept(window, answer, dialogs):
    _answers, errors = dialogs
    folder = window.autosave.folder
    leave_autosave(folder)
    (folder / "4242-deadbeef.pt").write_bytes(b"damaged")
    assert not offer_recovery(window.session, window.autosave, window)
    assert errors and (folder / "4242-deadbeef.pt").exists()


# ------------------------------------------------------------------ notes cannot reach outside their folder
@pytest.fixture
def victim(tmp_path):
    """A learner's project outside the autosave folder, which no note may touch."""
    path = tmp_path / "thesis.pt"
    save_project(mlp(3), path)
    return path


@pytest.mark.parametrize("data", ["../thesis.pt", "{victim}", "sub/../../thesis.pt", "..", ".", "", 7, None,
                                  "link.pt", "4242-deadbeef.json"])
def test_a_note_that_names_a_file_elsewhere_is_ignored(window, answer, victim, data, tmp_path):
    folder = window.autosave.folder
    folder.mkdir(parents=True)
    (folder / "link.pt").symlink_to(victim)  # a link inside the folder is elsewhere too
    data = data.format(victim=victim) if isinstance(data, str) else data
    (folder / "4242-deadbeef.json").write_text(json.dumps({"pid": DEAD_PID, "data": data, "saved_at": 1.0}))
    assert find_recoverable(folder) == []
    answer.append("discard")
    assert not offer_recovery(window.session, window.autosave, window)
    assert victim.exists() and (folder / "link.pt").is_symlink()


def test_a_note_that_is_a_link_is_ignored(window, tmp_path):
    folder = window.autosave.folder
    leave_autosave(tmp_path / "elsewhere", "9-z")
    folder.mkdir(parents=True)
    (folder / "9-z.json").symlink_to(tmp_path / "elsewhere" / "9-z.json")
    assert find_recoverable(folder) == []


@pytest.mark.parametrize("note", [
    '{"pid": "1", "data": "a.pt"}', '{"pid": true, "data": "a.pt"}', '{"pid": -1, "data": "a.pt"}',
    '{"pid": 99999999999999999999, "data": "a.pt"}', '[1, 2]', '"text"', "{", "\udcff",
    '{"pid": 4206649, "data": "a.pt", "saved_at": "soon"}', '{"pid": 4206649, "data": ["a.pt"]}',
])
def test_malformed_notes_are_ignored(tmp_path, note):
    save_project(mlp(0), tmp_path / "a.pt")
    (tmp_path / "a.json").write_text(note, encoding="utf-8", errors="surrogateescape")
    assert find_recoverable(tmp_path) == []


def test_odd_times_and_sources_are_made_harmless(tmp_path):
    leave_autosave(tmp_path, "1-a", saved_at=float("1e300"), source="relative/net.pt")
    leave_autosave(tmp_path, "2-b", source="/home/someone/.bashrc")
    found = find_recoverable(tmp_path)
    assert [item.source for item in found] == [None, None]  # a recovered project is never saved over those
    assert all("autosaved" in item.describe() for item in found)


def test_discard_never_deletes_outside_the_notes_folder(tmp_path, victim):
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "n.json").write_text("{}")
    Recoverable(victim, folder / "n.json", None, 0.0).discard()
    assert victim.exists() and not (folder / "n.json").exists()


def test_confined_accepts_only_plain_files_in_the_folder(tmp_path, victim):
    folder = tmp_path / "autosave"
    folder.mkdir()
    save_project(mlp(0), folder / "ok.pt")
    os.mkdir(folder / "dir.pt")
    assert confined(folder, "ok.pt") == folder / "ok.pt"
    assert confined(folder, "dir.pt") is None and confined(folder, "missing.pt") is None
    assert confined(folder, str(folder / "ok.pt")) is None  # absolute, even when it is inside
