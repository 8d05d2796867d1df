"""Python code in and out of the app: "Open Python code…", "Export .py…" and the Code panel's Apply.

Reading code never runs it (``editor.io.pycode.read.reader`` parses it with ``ast``).
When a file holds several models, the user picks one. Applying edited code
replaces the design as one undoable command; an error is shown at its line
and changes nothing. Exported files are written safely (the old file survives
any failure); when the weights are not the seed's, the user may save them
next to the code, which then loads them.

The dialogs are module functions (``ask_open_code``, ``ask_export_path``,
``ask_save_weights``, ``choose_model``) so tests can answer them; each takes
the widget to show itself over.

:class:`CodeActions` works on a :class:`~editor.ui.window.session.Session`,
the :class:`~editor.ui.window.files.FileActions` (for the unsaved-changes
prompt) and the Code panel it answers.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from editor.commands.replace import ReplaceDesignCommand
from editor.io.errors import CodeImportError
from editor.io.files.atomic import atomic_write
from editor.io.files.weights import export_weights
from editor.io.pycode.export.writer import shadowing_note
from editor.model.errors import LayerLabError
from editor.model.meta import prepare_meta_kernels_in_background
from editor.model.project.project import Project
from editor.ui.i18n import keep_translated, model_text, sentences, translate
from editor.ui.panels.code.panel import CodePanel
from editor.ui.window import files
from editor.ui.window.session import Session

PY_FILTER = "Python files (*.py);;All files (*)"


def py_filter() -> str:
    """The file dialogs' filter for Python code, in the current language."""
    return translate("CodeActions", "Python files (*.py);;All files (*)")


class DialogCancelled(Exception):  # noqa: N818 - a signal to stop, not an error
    """The user closed a dialog: stop quietly."""


# ------------------------------------------------------------------ dialogs (tests replace these)
def ask_open_code(parent: QWidget) -> str | None:
    """The .py file to open (the dialog starts in the project's folder, or the last one used), or None."""
    name, _ = QFileDialog.getOpenFileName(parent, translate("CodeActions", "Open Python code"),
                                          str(files.dialog_folder(parent)), py_filter())
    if name:
        files.remember_folder(name)
    return name or None


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    """Where to export the code (``suggested``, a bare name in the project's or the last folder), or None."""
    name, _ = QFileDialog.getSaveFileName(parent, translate("CodeActions", "Export Python code"),
                                          files.dialog_path(parent, suggested), py_filter())
    if name:
        files.remember_folder(name)
    return name or None


def ask_save_weights(parent: QWidget, weights_name: str) -> str:
    """"save", "skip" or "cancel": whether to save the (non-seed) weights next to the code."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("CodeActions", "Save the weights too?"),
                      translate("CodeActions", "The weights are not the seed's (edited, trained, copied or "
                                "loaded), so the code alone rebuilds different values."),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(translate("CodeActions", "Save them as {name} next to the code, and have the code load "
                                     "them?").format(name=weights_name))
    save = box.addButton(translate("CodeActions", "Save weights too"), QMessageBox.ButtonRole.YesRole)
    skip = box.addButton(translate("CodeActions", "Code only"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "skip" if clicked is skip else "cancel"


def choose_model(parent: QWidget, candidates: Sequence[Any], default: int) -> int | None:
    """Which of several models in a file to take (an index into ``candidates``), or None."""
    items = [describe_candidate(c) for c in candidates]
    item, ok = QInputDialog.getItem(parent, translate("CodeActions", "Several models in this code"),
                                    translate("CodeActions", "This code builds more than one nn.Sequential. Which "
                                              "one should become the design?"), items, default, False)
    return items.index(item) if ok and item in items else None


def describe_candidate(candidate: Any) -> str:
    """"net (line 12): Sequential of 3 layers" for the chooser."""
    summary = f": {model_text(candidate.summary)}" if getattr(candidate, "summary", "") else ""
    return translate("CodeActions", "{name} (line {line})").format(name=candidate.name, line=candidate.line) + summary


# --------------------------------------------------------------------------- reading code
def read_design(parent: QWidget, source: str, seed: int | None) -> Project:
    """The design ``source`` describes (asking which model when it holds several); raises CodeImportError.

    As in the editor, a layer too large for memory is kept unallocated, not refused.
    """
    from editor.io.pycode.read.reader import find_models, import_code
    from editor.model.catalog.unallocated import keeping_unallocated

    def read(choose: str | None = None) -> Project:
        with keeping_unallocated():  # set on the worker's thread, where the layers are built
            return import_code(source, seed=seed, choose=choose)

    candidates = in_background(parent, lambda: find_models(source))
    if len(candidates) <= 1:
        return in_background(parent, read)
    default = next((i for i, c in enumerate(candidates) if c.default), len(candidates) - 1)
    index = choose_model(parent, candidates, default)
    if index is None:
        raise DialogCancelled
    return in_background(parent, lambda: read(candidates[index].name))


def in_background(parent: QWidget, job: Callable[[], Any]) -> Any:
    """Read code in a worker behind a progress dialog, so the window keeps painting (reading is bounded in time
    and work by the reader; its errors come back unchanged)."""
    return files.run_with_progress(parent, job, translate("CodeActions", "Reading the Python code…"), big=True,
                                   delay_ms=400)


def sets_seed(source: str) -> bool:
    """Whether ``source`` calls ``torch.manual_seed`` somewhere (then its seed is the design's)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return any(isinstance(node, ast.Call) and (
        (isinstance(node.func, ast.Attribute) and node.func.attr == "manual_seed")
        or (isinstance(node.func, ast.Name) and node.func.id == "manual_seed")) for node in ast.walk(tree))


class CodeActions(QObject):
    """The File menu's Python entries and the Code panel's Apply and Export."""

    panel_wanted = Signal()
    """The Code panel holds something the user must look at: bring its tab to the front."""

    def __init__(self, session: Session, file_actions: files.FileActions, panel: CodePanel,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.file_actions = file_actions
        self.panel = panel
        self.parent_widget = parent
        self.open_code = QAction(parent)
        self.open_code.setObjectName("actionOpenCode")
        keep_translated(self, self.open_code.setText, lambda: self.tr("Open &Python Code…"))
        keep_translated(self, self.open_code.setStatusTip,
                        lambda: self.tr("Read an nn.Sequential from a .py file (never run) as a new project"))
        self.open_code.triggered.connect(self.on_open_code)
        self.export_code = QAction(parent)
        self.export_code.setObjectName("actionExportCode")
        keep_translated(self, self.export_code.setText, lambda: self.tr("Export P&ython Code…"))
        keep_translated(self, self.export_code.setStatusTip, lambda: self.tr("Save the design as plain PyTorch code"))
        self.export_code.triggered.connect(self.on_export_code)

    def may_drop_edits(self) -> bool:
        """Whether the Code panel's edits (if any were not applied) may be lost; asks the user.

        The file actions ask this before the project is replaced or closed.
        """
        panel = self.panel
        if panel.editing and panel.code() != panel.live_code and not files.ask_discard_code(self.parent_widget):
            self.panel_wanted.emit()
            return False
        return True

    # ------------------------------------------------------------------ open
    def on_open_code(self) -> None:
        prepare_meta_kernels_in_background()  # classes read from the file are checked on the meta device
        name = ask_open_code(self.parent_widget)
        if name:
            self.open_code_path(Path(name))

    def open_code_path(self, path: Path) -> bool:
        """Open the model in a .py file as a new project; the current one stays if anything goes wrong."""
        from editor.io.pycode.read.source import read_source  # (imported when first needed, not at start-up)

        try:
            design = read_design(self.parent_widget, read_source(path), seed=None)
        except DialogCancelled:
            return False
        except LayerLabError as exc:  # CodeImportError (with its line) or an unreadable file
            files.show_error(self.parent_widget, self.tr("Could not open {name}").format(name=path.name), exc)
            return False
        if not self.file_actions.maybe_save():
            return False
        notices = list(design.notices)
        if not self.session.set_project(design, source_name=path.name):
            return False  # it could not be shown (the session said why): the current project stays
        self.session.show_message(sentences(self.tr("Opened the model in {name} as a new project; save it to keep "
                                                    "it as a .pt file.").format(name=path.name),
                                            *map(model_text, notices)))
        files.show_notes(self.parent_widget, path.name, notices)
        return True

    # ----------------------------------------------------------------- apply
    def apply_code(self, source: str) -> bool:
        """The Code panel's Apply: the design becomes what ``source`` describes, in one undo step."""
        panel = self.panel
        project = self.session.project
        if panel.is_live_code(source):
            panel.applied()  # nothing was edited: no empty step in the undo history
            return False
        try:
            # The code's own torch.manual_seed(N) wins (the user may have edited it); otherwise keep the seed.
            design = read_design(self.parent_widget, source, seed=None if sets_seed(source) else project.seed)
        except DialogCancelled:
            return False
        except CodeImportError as exc:
            panel.show_error(model_text(exc), exc.line, exc.column)
            return False
        refusals: list[str] = []
        runner = self.session.runner
        runner.failed.connect(refusals.append)
        try:
            changed = runner.run(ReplaceDesignCommand(project, design))
        finally:
            runner.failed.disconnect(refusals.append)
        if refusals:
            panel.show_error(self.tr("The code was read, but the design refused it: {reason}").format(
                reason=model_text(refusals[0])))
            return False
        panel.applied()
        if changed:
            self.session.show_message(" ".join([
                self.tr("Applied the code to the canvas (Undo brings back the previous design)."),
                *map(model_text, design.notices)]))
            files.show_notes(self.parent_widget, self.tr("the code"), list(design.notices))
        return changed

    # ---------------------------------------------------------------- export
    def on_export_code(self) -> bool:
        """Save the code as a .py file (and the weights next to it when they are not the seed's)."""
        file_path = self.session.file_path
        suggested = str(file_path.with_suffix(".py")) if file_path is not None else "model.py"
        name = ask_export_path(self.parent_widget, suggested)
        if not name:
            return False
        path = Path(name) if Path(name).suffix.lower() == ".py" else Path(name + ".py")
        return self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the code to ``path`` (asking whether to save the weights next to it when they are not the seed's)."""
        project = self.session.project
        weights_path: Path | None = None
        unallocated = project.unallocated()  # no values to save: the code alone, and a word on why
        if not project.weights_from_seed and not unallocated:
            candidate = path.with_name(f"{path.stem}_weights.pt")
            answer = ask_save_weights(self.parent_widget, candidate.name)
            if answer == "cancel":
                return False
            if answer == "save":
                weights_path = candidate
        try:
            code = project.to_code(weights_file=weights_path.name if weights_path is not None else None)
            if weights_path is not None:
                export_weights(project, weights_path)
            atomic_write(path, lambda target: Path(target).write_text(code, encoding="utf-8"))
        except LayerLabError as exc:
            files.show_error(self.parent_widget, self.tr("Could not export the code"), exc)
            return False
        if weights_path is not None:
            done = self.tr("Exported the code to {path} and the weights to {weights}.").format(
                path=path, weights=weights_path.name)
        else:
            done = self.tr("Exported the code to {path}.").format(path=path)
        if unallocated and not project.weights_from_seed:
            done = sentences(done, self.tr("No weights were saved: block {path} is not allocated (materialize it "
                                           "first to save them).").format(path=unallocated[0]))
        notes = map(model_text, filter(None, [shadowing_note(path)]))
        self.session.show_message(" ".join([done, *notes]))
        return True
