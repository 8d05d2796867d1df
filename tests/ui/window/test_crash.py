"""Errors nobody expected: logged, the work autosaved, one calm dialog, and the app goes on."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton
from torch import nn

from editor import Project
from editor.io.files.design_data import design_to_data
from editor.ui.window import crash as crash_module
from editor.ui.window.crash import MAX_DIALOGS, CrashHandler, ErrorReport
from editor.ui.window.error_dialog import ErrorDialog
from editor.ui.window.error_log import ErrorLog, active_log, error_report


def broken_slot() -> None:
    raise RuntimeError("a bug in a slot")


@pytest.fixture
def shown(monkeypatch) -> list[ErrorReport]:
    """The error dialogs shown (as their reports); the dialog itself is not opened."""
    reports: list[ErrorReport] = []

    def show(parent, report: ErrorReport) -> None:
        reports.append(report)

    monkeypatch.setattr(crash_module, "show_error_dialog", show)
    return reports


@pytest.fixture
def error_log(tmp_path):
    log = ErrorLog(tmp_path / "logs")
    assert log.start()
    yield log
    log.stop()


@pytest.fixture
def handler(window, error_log):
    handler = CrashHandler(window.session, window.autosave, window)
    handler.install()
    yield handler
    handler.uninstall()


def click_broken_button(window, slot=broken_slot) -> None:
    button = QPushButton("Broken", window)
    button.clicked.connect(slot)
    button.click()  # PySide6 hands the slot's exception to sys.excepthook
    button.deleteLater()


def test_an_error_in_a_slot_is_logged_autosaved_and_shown_and_the_app_goes_on(window, handler, shown, error_log,
                                                                              qtbot):
    window.project.append(nn.Linear(4, 2))  # unsaved work
    assert not window.undo_stack.isClean() and not window.autosave.data_path.exists()
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(shown) == 1)
    report = shown[0]
    assert report.summary.startswith("Something went wrong in LayerLab. Your work is safe: your unsaved changes "
                                     "were autosaved just now")
    assert "Traceback" not in report.summary
    for line in ("LayerLab: ", "Python: ", "torch: ", "Qt: ", "Platform: ", "RuntimeError: a bug in a slot"):
        assert line in report.details
    assert report.log_path == error_log.path == active_log()
    logged = error_log.path.read_text(encoding="utf-8")
    assert "Unexpected error" in logged and "RuntimeError: a bug in a slot" in logged
    recovered = Project.load(window.autosave.data_path)  # written before the dialog, on the spot
    assert design_to_data(recovered) == design_to_data(window.project)
    assert window.autosave.note_path.exists()
    window.project.append(nn.ReLU())  # the app goes on
    assert len(window.project) == 2 and handler.errors == 1


def test_with_nothing_unsaved_the_dialog_says_so_and_writes_nothing(window, handler, shown):
    click_broken_button(window)
    assert shown[0].summary == "Something went wrong in LayerLab. Your work is safe: there were no unsaved changes."
    assert not window.autosave.data_path.exists()


def test_when_the_autosave_fails_the_dialog_says_to_save(window, handler, shown, monkeypatch, error_log):
    def cannot(*args):
        raise RuntimeError("the project cannot be written")

    monkeypatch.setattr(window.autosave, "write_now", cannot)
    window.project.append(nn.ReLU())
    click_broken_button(window)
    assert "could not be autosaved" in shown[0].summary and "Save As" in shown[0].summary
    assert "the project cannot be written" in error_log.path.read_text(encoding="utf-8")


def test_the_real_dialog_is_shown_over_the_window_and_closes(window, handler, qtbot):
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.accept()

    QTimer.singleShot(50, close_it)
    click_broken_button(window)  # returns once the dialog is closed
    assert len(seen) == 1 and isinstance(seen[0], ErrorDialog)
    assert seen[0].objectName() == "errorDialog" and seen[0].parent() is window


def test_a_flood_of_the_same_error_makes_one_dialog(window, handler, shown, error_log):
    messages = []
    window.session.message.connect(messages.append)
    for _ in range(20):
        click_broken_button(window)
    assert len(shown) == 1 and handler.errors == 20
    assert messages[-1].startswith("Another unexpected error happened (20 so far).")
    assert error_log.path.read_text(encoding="utf-8").count("RuntimeError: a bug in a slot") == 20


def test_many_different_errors_make_at_most_a_few_dialogs(window, handler, shown):
    def raiser(i: int):
        code = compile("raise ValueError('bug')", f"<bug {i}>", "exec")  # ten different places
        return lambda: exec(code)

    for i in range(10):
        click_broken_button(window, raiser(i))
    assert len(shown) == MAX_DIALOGS and handler.errors == 10


def test_errors_while_the_dialog_is_open_are_counted_in_it_not_shown_again(window, handler, monkeypatch):
    reports = []

    def show(parent, report: ErrorReport) -> None:
        counts = []
        report.more.connect(counts.append)
        reports.append((report, counts))
        click_broken_button(window, lambda: 1 / 0)  # inside the dialog's event loop
        click_broken_button(window, lambda: [][1])

    monkeypatch.setattr(crash_module, "show_error_dialog", show)
    click_broken_button(window)
    assert len(reports) == 1 and reports[0][1] == [1, 2] and handler.errors == 3


def test_an_error_in_the_handler_itself_is_logged_and_the_handler_goes_on(window, handler, monkeypatch, error_log,
                                                                         shown, capsys):
    def broken_dialog(parent, report) -> None:
        raise TypeError("the dialog is broken")

    monkeypatch.setattr(crash_module, "show_error_dialog", broken_dialog)
    click_broken_button(window)
    assert "RuntimeError: a bug in a slot" in capsys.readouterr().err  # said the old way, not lost
    assert "The error handler failed" in error_log.path.read_text(encoding="utf-8")
    monkeypatch.setattr(crash_module, "show_error_dialog", lambda parent, report: shown.append(report))
    click_broken_button(window, lambda: 1 / 0)
    assert len(shown) == 1


def test_errors_in_other_threads_are_shown_on_the_gui_thread(window, handler, shown, qtbot, error_log):
    def work() -> None:
        raise OSError("a worker failed")

    thread = threading.Thread(target=work, name="helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "Where: thread helper" in shown[0].details and "OSError: a worker failed" in shown[0].details
    QThreadPool.globalInstance().start(lambda: [][0])  # a Qt worker: PySide6 calls sys.excepthook there
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert "IndexError" in shown[1].details
    assert error_log.path.read_text(encoding="utf-8").count("Unexpected error in") == 2


def test_uninstall_puts_the_previous_hooks_back(window):
    import sys

    before = sys.excepthook, threading.excepthook
    handler = CrashHandler(window.session, window.autosave, window)
    handler.install()
    assert sys.excepthook == handler.excepthook
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_dialog_hides_details_until_asked_and_copies_a_report(qtbot, tmp_path):
    try:
        raise KeyError("missing")
    except KeyError as exc:
        report = error_report((KeyError, exc, exc.__traceback__))
    dialog = ErrorDialog("Something went wrong in LayerLab. Your work is safe: there were no unsaved changes.",
                         report, tmp_path / "logs" / "layerlab.log")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "errorDialog"
    assert str(tmp_path / "logs" / "layerlab.log") in dialog.log_note.text()
    assert not dialog.details.isVisible() and "Traceback" not in dialog.summary.text()
    dialog.details_toggle.click()
    assert dialog.details.isVisible() and "KeyError: 'missing'" in dialog.details.toPlainText()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == report and "Python: " in copied and "torch: " in copied and "Qt: " in copied
    dialog.set_more(2)
    assert dialog.more.isVisible() and "2 more errors" in dialog.more.text()


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(tmp_path):
    log = ErrorLog(tmp_path, max_bytes=2000, backups=2)
    assert log.start()
    try:
        for i in range(200):
            logging.getLogger("editor.test").error("line %d %s", i, "x" * 40)
    finally:
        log.stop()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["layerlab.log", "layerlab.log.1", "layerlab.log.2"]
    assert all((tmp_path / name).stat().st_size <= 2100 for name in files)
    assert active_log() is None


def test_the_app_handles_unexpected_errors_while_it_runs_and_puts_the_hooks_back(qapp, monkeypatch, shown, tmp_path):
    import sys

    from editor.ui import app as app_module

    monkeypatch.setattr("editor.ui.window.error_log.log_folder", lambda: tmp_path / "logs")
    before = sys.excepthook, threading.excepthook
    seen = {}
    from editor.ui import startup

    make_startup = startup.Startup
    monkeypatch.setattr(startup, "Startup", lambda *args, **kwargs: seen.setdefault("startup",
                                                                                    make_startup(*args, **kwargs)))
    shared: list[bool] = []  # the app gives torch's threads to its jobs (not done here: it is the test process's)
    monkeypatch.setattr(startup, "share_torch_threads", lambda: shared.append(True))

    def exec_() -> int:  # instead of the event loop: one broken slot, then quit
        assert seen["startup"].wait_until_live()  # the window shows first; the editor goes live when torch is in
        window = seen["startup"].window
        window.project.append(nn.ReLU())
        click_broken_button(window)
        seen["autosaved"] = window.autosave.data_path.exists()
        window.close()  # the unsaved-changes prompt answers "discard" in tests
        return 0

    monkeypatch.setattr(qapp, "exec", exec_)
    assert app_module.run() == 0
    assert len(shown) == 1 and seen["autosaved"] and shared == [True]
    assert "RuntimeError: a bug in a slot" in (tmp_path / "logs" / "layerlab.log").read_text(encoding="utf-8")
    assert (sys.excepthook, threading.excepthook) == before and active_log() is None
