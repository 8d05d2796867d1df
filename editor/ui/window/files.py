"""File menu work: new, open, save, recent files, weights, and the unsaved-changes prompt.

Large files (100 MB and up) are read and written in a worker thread behind a
progress dialog, so the window keeps painting. Every failure is shown with
the io layer's clear message, and nothing is lost: a failed open leaves the
current project as it was, a failed save leaves it open and unsaved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog

from editor.io.errors import ProjectFileError
from editor.io.files.project_file import open_project, save_project
from editor.io.files.weights import export_weights, read_state_dict
from editor.model.errors import LayerLabError
from editor.model.project.project import Project

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

BIG_FILE = 100 * 1024 * 1024
MAX_RECENT = 8
PT_FILTER = "LayerLab projects (*.pt);;All files (*)"
Key = QKeySequence.StandardKey


class _Worker(QObject):
    done = Signal(object, object)

    def __init__(self, job: Callable[[], Any]) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        try:
            self.done.emit(self.job(), None)
        except BaseException as exc:
            self.done.emit(None, exc)


def run_with_progress(window: MainWindow, job: Callable[[], Any], label: str, big: bool) -> Any:
    """Run ``job``; when ``big``, in a worker thread behind a progress dialog (the UI keeps painting)."""
    if not big:
        return job()
    dialog = QProgressDialog(label, "", 0, 0, window)
    dialog.setWindowTitle("LayerLab")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    thread = QThread(window)
    worker = _Worker(job)
    worker.moveToThread(thread)
    loop = QEventLoop()
    outcome: list[Any] = []
    worker.done.connect(lambda result, error: (outcome.extend([result, error]), loop.quit()))
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    result, error = outcome
    if error is not None:
        raise error
    return result


def ask_unsaved(window: MainWindow) -> str:
    """"save", "discard" or "cancel" for the unsaved changes of ``window`` (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"{window.display_name()} has changes that are not saved.",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, window)
    box.setInformativeText("Save them before going on?")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def show_error(window: MainWindow, title: str, exc: Exception) -> None:
    """Tell the user what went wrong in words (tests replace this)."""
    QMessageBox.warning(window, title, str(exc))


def ask_discard_code(window: MainWindow) -> bool:
    """Whether to drop code edited in the Code tab but not applied (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Code not applied",
                      "The Code tab holds edited code that was not applied to the design.",
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, window)
    box.setInformativeText("Discard the edited code? (Cancel, then Apply or copy it, to keep it.)")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Discard


def maybe_save(window: MainWindow) -> bool:
    """Offer to save unsaved changes; False when the user cancelled (or the save failed).

    Code edited in the Code tab and not applied counts too: it is asked about first.
    """
    panel = window.code_panel
    if panel.editing and panel.code() != panel.live_code and not ask_discard_code(window):
        window.bottom_tabs.setCurrentWidget(panel)
        return False
    if window.undo_stack.isClean():
        return True
    answer = ask_unsaved(window)
    if answer == "save":
        return save(window)
    return answer == "discard"


def open_path(window: MainWindow, path: Path, ask: bool = True) -> bool:
    """Open the project at ``path`` in ``window``; the current project stays if anything goes wrong."""
    if ask and not maybe_save(window):
        return False
    path = Path(path)
    try:
        big = path.is_file() and path.stat().st_size >= BIG_FILE
        opened = run_with_progress(window, lambda: open_project(path), f"Opening {path.name}…", big)
    except ProjectFileError as exc:
        if exc.reason == "state_dict" and _offer_weights(window, path, exc):
            return False
        show_error(window, "Could not open the project", exc)
        return False
    window.set_project(opened.project, path.resolve())
    for notice in opened.notices:
        window.show_message(notice)
    remember_recent(window, path)
    return True


def _offer_weights(window: MainWindow, path: Path, exc: ProjectFileError) -> bool:
    box = QMessageBox(QMessageBox.Icon.Information, "This is a weights file", str(exc),
                      QMessageBox.StandardButton.Cancel, window)
    load = box.addButton("Load weights into the current design", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is load:
        load_weights_from(window, path)
    return True


def save(window: MainWindow) -> bool:
    """Save to the project's file (asking for one the first time)."""
    if window.file_path is None:
        return save_as(window)
    return save_to(window, window.file_path)


def save_as(window: MainWindow) -> bool:
    name, _ = QFileDialog.getSaveFileName(window, "Save project", str(window.file_path or "untitled.pt"), PT_FILTER)
    if not name:
        return False
    path = Path(name) if name.endswith(".pt") else Path(name + ".pt")
    return save_to(window, path)


def save_to(window: MainWindow, path: Path) -> bool:
    """Write the project to ``path``; on failure it stays open and unsaved."""
    project = window.project
    try:
        run_with_progress(window, lambda: save_project(project, path), f"Saving {path.name}…",
                          project.param_bytes() >= BIG_FILE)
    except ProjectFileError as exc:
        show_error(window, "Could not save the project", exc)
        return False
    window.file_path = path
    window.undo_stack.setClean()
    window.refresh()
    window.autosave.discard()
    remember_recent(window, path)
    window.show_message(f"Saved {path}")
    return True


def load_weights_from(window: MainWindow, path: Path, strict: bool | None = None) -> bool:
    """Load a state_dict file into the current design (strict, or partial after asking)."""
    from editor.commands.edits import LoadWeightsCommand

    try:
        state = read_state_dict(path)
    except ProjectFileError as exc:
        show_error(window, "Could not read the weights", exc)
        return False
    project = window.project
    report = project.weights_report(state)
    partial = False
    if not report.exact:
        if strict:
            show_error(window, "The weights do not fit", LayerLabError(report.describe()))
            return False
        answer = QMessageBox.question(window, "The weights do not fit exactly",
                                      f"These weights do not fit the design exactly: {report.describe()}\n\n"
                                      f"Load the {len(report.loaded)} that fit?")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        partial = True
    command = LoadWeightsCommand(project, state, strict=not partial)
    if window.runner.run(command):
        window.show_message(f"Loaded {len(command.report.loaded)} weights from {path.name}")
        return True
    return False


def recent_files() -> list[str]:
    """The recent project files, newest first (an INI file hands back one entry as a plain string)."""
    from editor.ui.window.main_window import app_settings

    value = app_settings().value("recentFiles")
    items = [value] if isinstance(value, str) else list(value or [])
    return [item for item in items if isinstance(item, str) and item]


def remember_recent(window: MainWindow, path: Path) -> None:
    from editor.ui.window.main_window import app_settings

    absolute = str(Path(path).resolve())
    recent = [p for p in recent_files() if p != absolute]
    app_settings().setValue("recentFiles", [absolute, *recent][:MAX_RECENT])
    window.file_actions.refresh_recent()


class FileActions(QObject):
    """The File menu's actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window

        def action(text: str, slot: Callable[[], Any], shortcut: Any = None, name: str = "") -> QAction:
            a = QAction(text, w)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key)
                               else [QKeySequence(shortcut)])
            a.setObjectName(name)
            w.addAction(a)
            return a

        self.new = action("&New", self.on_new, Key.New, "actionNew")
        self.open = action("&Open…", self.on_open, Key.Open, "actionOpen")
        self.save = action("&Save", lambda: save(w), Key.Save, "actionSave")
        self.save_as = action("Save &As…", lambda: save_as(w), Key.SaveAs, "actionSaveAs")
        self.export_weights = action("&Export Weights…", self.on_export_weights, None, "actionExportWeights")
        self.load_weights = action("&Load Weights…", self.on_load_weights, None, "actionLoadWeights")
        self.recent_menu = QMenu("Open &Recent")
        self.recent_menu.setObjectName("menuRecent")

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = recent_files()
        for path in recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: open_path(self.window, Path(p))) \
                .setToolTip(path)
        self.recent_menu.setEnabled(bool(recent))

    def on_new(self) -> None:
        if maybe_save(self.window):
            self.window.set_project(Project(seed=self.window.project.seed))

    def on_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open project", "", PT_FILTER)
        if name:
            open_path(self.window, Path(name))

    def on_export_weights(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export weights (model.state_dict())", "weights.pt",
                                              "PyTorch weights (*.pt *.pth);;All files (*)")
        if not name:
            return
        try:
            export_weights(self.window.project, Path(name))
        except ProjectFileError as exc:
            show_error(self.window, "Could not export the weights", exc)
            return
        self.window.show_message(f"Exported model.state_dict() to {name}")

    def on_load_weights(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Load weights into the current design", "",
                                              "PyTorch weights (*.pt *.pth);;All files (*)")
        if name:
            load_weights_from(self.window, Path(name))
