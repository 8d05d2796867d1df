"""UI test helpers: a main window per test, settings in a temporary folder, hand-built drags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True, scope="session")
def _gui_thread_collector(qapp):
    """As in the app: reference cycles are collected on the GUI thread only (editor.ui.collector)."""
    from editor.ui import collector

    installed = collector.install(qapp)
    yield installed
    installed.stop()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch, tmp_path):
    """Dialogs would block a headless run: answer them the way each test asks (default: discard)."""
    from editor.ui.window import files

    answers: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(files, "ask_unsaved", lambda parent, name: answers.pop(0) if answers else "discard")
    monkeypatch.setattr(files, "show_error", lambda parent, title, exc: errors.append(str(exc)))

    def discard_code(parent) -> bool:  # queue "keep code" to answer Cancel once
        if answers and answers[0] == "keep code":
            answers.pop(0)
            return False
        return True

    monkeypatch.setattr(files, "ask_discard_code", discard_code)
    # A safeguard: nothing offers recovery by default, but a test that does must never block on the question.
    from editor.ui.window import recovery

    monkeypatch.setattr(recovery, "ask_recover", lambda *args, **kwargs: "later")
    monkeypatch.setattr("editor.ui.window.autosave.autosave_folder", lambda: tmp_path / "autosave")
    return answers, errors


@pytest.fixture
def dialogs(_no_modal_dialogs):
    """(answers to queue for the unsaved-changes prompt, error messages shown)."""
    return _no_modal_dialogs


@pytest.fixture
def window(qtbot):
    from editor.ui.window.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w
