"""File menu work: new, open, save, recent files, weights, and the unsaved-changes prompt.

Large files (100 MB and up) are read and written in a worker thread behind a
progress dialog, so the window keeps painting. Every failure is shown with
the io layer's clear message, and nothing is lost: a failed open (a file that
cannot be read, or a design that cannot be shown) leaves the current project
as it was, a failed save leaves it open and unsaved.

:class:`FileActions` works on a :class:`~editor.ui.window.session.Session`
and shows its dialogs over the parent widget it is given. The questions it
asks are module functions (``ask_unsaved``, ``show_error``,
``ask_discard_code``, ``ask_partial_load``) so tests can answer them.

File dialogs start where the learner is working (:func:`dialog_folder`): the
current project's folder, else the folder last used (remembered in the
settings), else the home folder; never the process's working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QProgressDialog, QWidget

from editor.commands.edits import LoadWeightsCommand
from editor.io.errors import ProjectFileError
from editor.io.files.project_file import Opened, open_project, save_project
from editor.io.files.weights import export_weights, read_state_dict
from editor.model.errors import LayerLabError
from editor.model.examples import EXAMPLES
from editor.model.project.project import Project
from editor.model.project.weights import WeightsReport
from editor.model.words import say
from editor.ui.app_settings import LAST_FOLDER as LAST_FOLDER  # (defined here before: still offered)
from editor.ui.app_settings import app_settings
from editor.ui.i18n import keep_translated, model_text, translate
from editor.ui.jobs import JobRunner, wait_for
from editor.ui.window.editing import set_shortcuts
from editor.ui.window.session import Session

BIG_FILE = 100 * 1024 * 1024
MAX_RECENT = 8
PT_FILTER = "LayerLab projects (*.pt);;All files (*)"
WEIGHTS_FILTER = "PyTorch weights (*.pt *.pth);;All files (*)"


def pt_filter() -> str:
    """The file dialogs' filter for projects, in the current language."""
    return translate("FileActions", "LayerLab projects (*.pt);;All files (*)")


def weights_filter() -> str:
    """The file dialogs' filter for weights, in the current language."""
    return translate("FileActions", "PyTorch weights (*.pt *.pth);;All files (*)")
Key = QKeySequence.StandardKey


def run_with_progress(parent: QWidget, job: Callable[[], Any], label: str, big: bool, delay_ms: int = 0) -> Any:
    """Run ``job``; when ``big``, in a worker thread behind a progress dialog over ``parent`` (the UI paints on).

    The dialog appears after ``delay_ms`` (work that ends sooner never flashes one).
    """
    if not big:
        return job()
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle("LayerLab")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    later = QTimer(dialog, singleShot=True, interval=delay_ms)
    later.timeout.connect(dialog.show)
    if delay_ms > 0:
        later.start()
    else:
        dialog.show()
    try:
        # wait_for raises the job's own error again, for the caller's except clause: nothing to log here.
        return wait_for(JobRunner(dialog).submit(lambda context: job(), on_error=lambda message: None))
    finally:
        # Nothing may show the box once the work is over: the dialog that often follows (an error, Save or
        # Discard) runs an event loop of its own, in which deleteLater does not delete, and a box shown then,
        # window-modal and without a button, blocked it. Our timer stops; cancel() stops the dialog's own
        # (QProgressDialog shows itself after its minimum duration) and keeps it from ever showing.
        later.stop()
        dialog.cancel()
        dialog.close()
        dialog.deleteLater()


def open_checked(path: Path) -> Opened:
    """Open the project at ``path`` and settle whether its weights are the seed's (off the GUI thread, for a big file).

    A file does not say whether its weights are what its seed gives: finding out rebuilds every
    layer from the seed (seconds for hundreds of MB). The code panel asks at once, so it is asked
    here, before the project reaches the window.
    """
    opened = open_project(path)
    _ = opened.project.weights_from_seed
    return opened


# ------------------------------------------------------------------ dialogs (tests replace these)
def ask_unsaved(parent: QWidget, name: str) -> str:
    """"save", "discard" or "cancel" for the unsaved changes of the project called ``name``."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("FileActions", "Unsaved changes"),
                      translate("FileActions", "{name} has changes that are not saved.").format(name=name),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(translate("FileActions", "Save them before going on?"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def show_error(parent: QWidget, title: str, exc: Exception) -> None:
    """Tell the user what went wrong in words."""
    QMessageBox.warning(parent, title, model_text(exc))


NOTES_SHOWN = 8
"""Notes a box lists at most (a stranger's file can make thousands)."""
NOTE_CHARS = 600
"""Characters of one note shown at most."""


def show_notes(parent: QWidget, name: str, notes: list[str]) -> QMessageBox | None:
    """What a learner should know about how ``name`` was read (the notices), in a box that does not block and can
    be read at leisure: in the status bar they were cut off, and a second one replaced the first."""
    if not notes:
        return None
    for old in parent.findChildren(QMessageBox, "readingNotes") if parent is not None else []:
        old.close()  # one box: the notes of the last file read (each Apply of the Code tab would add one)
    box = QMessageBox(QMessageBox.Icon.Information, translate("FileActions", "Notes on {name}").format(name=name),
                      translate("FileActions", "{name} was read. Worth knowing:").format(name=name),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("readingNotes")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a stranger's file names and code are words, not markup
    shown = list(dict.fromkeys(model_text(note) for note in notes))
    listed = "\n\n".join(f"• {note[:NOTE_CHARS]}" for note in shown[:NOTES_SHOWN])
    if len(shown) > NOTES_SHOWN:
        listed += "\n\n" + translate("FileActions", "… and {count} more (p.notices lists them all).").format(
            count=len(shown) - NOTES_SHOWN)
    box.setInformativeText(listed)
    text = box.findChild(QLabel, "qt_msgbox_informativelabel")  # (Qt's own name for it)
    if text is not None:
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setMinimumWidth(min(560, max(360, parent.width() // 2 if parent is not None else 480)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)  # the design can be looked at beside it
    box.show()
    return box


def ask_discard_code(parent: QWidget) -> bool:
    """Whether to drop code edited in the Code tab but not applied."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("FileActions", "Code not applied"),
                      translate("FileActions", "The Code tab holds edited code that was not applied to the design."),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(translate("FileActions", "Discard the edited code? (Cancel, then Apply or copy it, to keep "
                                     "it.)"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Discard


def partial_load_box(parent: QWidget, report: WeightsReport) -> QMessageBox:
    """The question before loading only the weights that fit; "Don't load" is the default (and Esc)."""
    count = len(report.loaded)
    box = QMessageBox(QMessageBox.Icon.Warning, translate("FileActions", "The weights do not fit exactly"),
                      translate("FileActions", "These weights do not fit the design exactly: {report}").format(
                          report=model_text(report.describe())),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(translate("FileActions", "Load the {count} that fit and leave the other parameters as "
                                     "they are?").format(count=count))
    box.addButton(translate("FileActions", "Load {count} that fit").format(count=count),
                  QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(translate("FileActions", "Don't load"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def ask_partial_load(parent: QWidget, report: WeightsReport) -> bool:
    """Whether to load only the weights that fit (asked only when some do)."""
    box = partial_load_box(parent, report)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole


# ------------------------------------------------------------------ where dialogs start


def dialog_folder(parent: QWidget | None) -> Path:
    """Where a file dialog over ``parent`` starts: the current file's folder, else the last one used, else home.

    The current file is the window's ``windowFilePath`` (which the main window keeps set).
    """
    current = parent.window().windowFilePath() if parent is not None else ""
    if current and Path(current).parent.is_dir():
        return Path(current).parent
    last = app_settings().value(LAST_FOLDER)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return Path(QDir.homePath())


def dialog_path(parent: QWidget | None, name: str) -> str:
    """``name`` in :func:`dialog_folder` (an absolute ``name`` stays as it is): a save dialog's suggestion."""
    path = Path(name)
    return str(path if path.is_absolute() else dialog_folder(parent) / path)


def remember_folder(path: str | Path) -> None:
    """The folder of ``path`` (a file opened or saved) is where the next file dialog starts."""
    folder = Path(path).resolve().parent
    if folder.is_dir():
        app_settings().setValue(LAST_FOLDER, str(folder))


# ------------------------------------------------------------------ recent files
def recent_files() -> list[str]:
    """The recent project files, newest first (an INI file hands back one entry as a plain string)."""
    value = app_settings().value("recentFiles")
    items = [value] if isinstance(value, str) else list(value or [])
    return [item for item in items if isinstance(item, str) and item]


def remember_recent(path: Path) -> None:
    """Put ``path`` first in the recent files."""
    absolute = str(Path(path).resolve())
    recent = [p for p in recent_files() if p != absolute]
    app_settings().setValue("recentFiles", [absolute, *recent][:MAX_RECENT])


class FileActions(QObject):
    """The File menu's actions, and opening and saving projects and weights for a session.

    ``checks`` are asked, in order, before unsaved work may be replaced or
    closed (e.g. "the Code tab holds code that was not applied"); one that
    answers False stops it.
    """

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.checks: list[Callable[[], bool]] = []

        def action(text: Callable[[], str], slot: Callable[[], Any], shortcut: Any = None, name: str = "") -> QAction:
            a = QAction(parent)
            keep_translated(self, a.setText, text)
            a.triggered.connect(slot)
            if shortcut is not None:
                set_shortcuts(a, shortcut)
            a.setObjectName(name)
            parent.addAction(a)
            return a

        self.new = action(lambda: self.tr("&New"), self.on_new, Key.New, "actionNew")
        self.open = action(lambda: self.tr("&Open…"), self.on_open, Key.Open, "actionOpen")
        self.save = action(lambda: self.tr("&Save"), self.save_project, Key.Save, "actionSave")
        self.save_as = action(lambda: self.tr("Save &As…"), self.save_project_as, Key.SaveAs, "actionSaveAs")
        self.export_weights = action(lambda: self.tr("&Export Weights…"), self.on_export_weights, None,
                                     "actionExportWeights")
        self.load_weights = action(lambda: self.tr("&Load Weights…"), self.on_load_weights, None, "actionLoadWeights")
        self.recent_menu = QMenu()
        self.recent_menu.setObjectName("menuRecent")
        keep_translated(self, self.recent_menu.setTitle, lambda: self.tr("Open &Recent"))
        session.open_failed.connect(self.show_open_failed)

    # ------------------------------------------------------------ asking
    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; False when the user cancelled (or the save failed).

        The ``checks`` (code edited in the Code tab and not applied) are asked about first.
        """
        if not all(check() for check in self.checks):
            return False
        if self.session.undo_stack.isClean():
            return True
        answer = ask_unsaved(self.parent_widget, self.session.display_name())
        if answer == "save":
            return self.save_project()
        return answer == "discard"

    # ------------------------------------------------------------ opening
    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open the project at ``path``; the current project stays if anything goes wrong."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            big = path.is_file() and path.stat().st_size >= BIG_FILE
            opened = run_with_progress(self.parent_widget, lambda: open_checked(path),
                                       self.tr("Opening {name}…").format(name=path.name), big)
        except ProjectFileError as exc:
            if exc.reason == "state_dict" and self.offer_weights(path, exc):
                return False
            show_error(self.parent_widget, self.tr("Could not open the project"), exc)
            return False
        if not self.session.set_project(opened.project, path.resolve()):
            return False  # it could not be shown (the session said why): the current project stays
        if opened.notices:
            self.session.show_message(model_text(opened.notices[-1]))
            show_notes(self.parent_widget, path.name, list(opened.notices))
        self.remember(path)
        return True

    def show_open_failed(self, text: str) -> None:
        """Tell the learner that a project could not be shown (the session's ``open_failed``)."""
        show_error(self.parent_widget, self.tr("Could not show the project"), LayerLabError(text))

    def offer_weights(self, path: Path, exc: ProjectFileError) -> bool:
        """A weights file was opened as a project: offer to load it into the current design."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("This is a weights file"), model_text(exc),
                          QMessageBox.StandardButton.Cancel, self.parent_widget)
        load = box.addButton(self.tr("Load weights into the current design"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is load:
            self.load_weights_from(path)
        return True

    def open_example(self, name: str) -> None:
        """Open one of the lessons' example designs (after offering to save)."""
        if self.maybe_save():
            self.session.set_project(EXAMPLES[name](0))

    # ------------------------------------------------------------- saving
    def save_project(self) -> bool:
        """Save to the project's file (asking for one the first time)."""
        if self.session.file_path is None:
            return self.save_project_as()
        return self.save_to(self.session.file_path)

    def save_project_as(self) -> bool:
        """Ask for a file name (in the project's folder, or the last one used), then save there."""
        suggested = self.session.file_path or f"{Path(self.session.display_name()).stem}.pt"
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save project"),
                                              dialog_path(self.parent_widget, str(suggested)), pt_filter())
        if not name:
            return False
        path = Path(name) if name.endswith(".pt") else Path(name + ".pt")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the project to ``path``; on failure it stays open and unsaved."""
        project = self.session.project
        try:
            big = project.parameter_totals().allocated >= BIG_FILE  # layers kept unallocated write no values
            run_with_progress(self.parent_widget, lambda: save_project(project, path),
                              self.tr("Saving {name}…").format(name=path.name), big)
        except ProjectFileError as exc:
            show_error(self.parent_widget, self.tr("Could not save the project"), exc)
            return False
        self.session.mark_saved(path)
        self.remember(path)
        self.session.show_message(self.tr("Saved {path}").format(path=path))
        return True

    # ------------------------------------------------------------ weights
    def load_weights_from(self, path: Path, strict: bool | None = None) -> bool:
        """Load a state_dict file into the current design (strict, or partial after asking)."""
        try:
            state = read_state_dict(path)
        except ProjectFileError as exc:
            show_error(self.parent_widget, self.tr("Could not read the weights"), exc)
            return False
        project = self.session.project
        report = project.weights_report(state)
        partial = False
        if not report.exact:
            if not report.loaded:
                show_error(self.parent_widget, self.tr("None of the weights fit"), LayerLabError(self.tr(
                    "None of the weights in {name} fit this design, so nothing was loaded: {report} Weights fit "
                    "when their names and shapes are those of model.state_dict() for this design.").format(
                        name=path.name, report=model_text(report.describe()))))
                return False
            if strict:
                show_error(self.parent_widget, self.tr("The weights do not fit"), LayerLabError(report.describe()))
                return False
            if not ask_partial_load(self.parent_widget, report):
                return False
            partial = True
        command = LoadWeightsCommand(project, state, strict=not partial)
        if self.session.run(command):
            loaded = self.tr("Loaded {count} weights from {name}").format(count=len(command.report.loaded),
                                                                         name=path.name)
            renamed = command.report.renamed  # the book's own MLP().state_dict(), for the class imported as block 0
            self.session.show_message(f"{loaded}. {model_text(renamed)}" if renamed else loaded)
            return True
        return False

    # ------------------------------------------------------------- recent
    def remember(self, path: Path) -> None:
        """Put ``path`` first in the recent files and the Open Recent menu; its folder is where dialogs start."""
        remember_recent(path)
        remember_folder(path)
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = recent_files()
        for path in recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_path(Path(p))) \
                .setToolTip(path)
        self.recent_menu.setEnabled(bool(recent))

    # ---------------------------------------------------------- menu slots
    def on_new(self) -> None:
        if self.maybe_save():
            self.session.set_project(Project(seed=self.session.project.seed))

    def on_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Open project"),
                                              str(dialog_folder(self.parent_widget)), pt_filter())
        if name:
            self.open_path(Path(name))

    def on_export_weights(self) -> None:
        try:  # before asking for a file name that could not be used
            self.session.project.check_allocated(say("Exporting weights"))
        except LayerLabError as exc:
            show_error(self.parent_widget, self.tr("Could not export the weights"), exc)
            return
        suggested = dialog_path(self.parent_widget, f"{Path(self.session.display_name()).stem}_weights.pt")
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export weights (model.state_dict())"),
                                              suggested, weights_filter())
        if not name:
            return
        remember_folder(name)
        try:
            export_weights(self.session.project, Path(name))
        except LayerLabError as exc:  # a file that cannot be written, or a layer no longer allocated
            show_error(self.parent_widget, self.tr("Could not export the weights"), exc)
            return
        self.session.show_message(self.tr("Exported model.state_dict() to {path}").format(path=name))

    def on_load_weights(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Load weights into the current design"),
                                              str(dialog_folder(self.parent_widget)), weights_filter())
        if name:
            remember_folder(name)
            self.load_weights_from(Path(name))
