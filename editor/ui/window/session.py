"""The session: the open Project and what the window's parts share about it.

A :class:`Session` is what a ui module gets instead of the main window: the
live Project, its undo stack and command runner, the file it belongs to, the
canvas selection, and a way to tell the user something. Opening another
project goes through :meth:`Session.set_project`; whatever shows the project
follows :attr:`Session.project_replaced`, so a module that opens a file never
needs to know who is showing it.

Opening is all or nothing: the session's :attr:`Session.viewer` (the main
window) builds the canvas and panels for the new project first, and only
when that worked does the new project replace the old one. If it fails (an
unexpected error while showing a crafted or damaged design), the project
that was open stays open, with its history and unsaved changes, and
:attr:`Session.open_failed` says so in words (the details go to the log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from editor.commands.base import ProjectCommand
from editor.commands.runner import CommandRunner
from editor.model.design.tree import Node
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.ui.i18n import model_text, translate
from editor.ui.jobs import plain_message
from editor.ui.window.error_log import active_log

_log = logging.getLogger(__name__)


class Selection(Protocol):
    """Where the session reads and sets the selection (the canvas view)."""

    def selected_nodes(self) -> list[Node]: ...

    def select_nodes(self, nodes: list[Node]) -> None: ...


class Session(QObject):
    """One open project at a time, its history and its file, shared by the window's parts."""

    project_replaced = Signal(object)
    """Another Project is open now (carries it); its undo history starts empty."""

    file_changed = Signal()
    """The project was saved under a (possibly new) file name."""

    saved = Signal(object)
    """The project was written to this file (carries the Path); it is clean now."""

    selection_changed = Signal()
    """The selected blocks and groups changed."""

    message = Signal(str)
    """Something to tell the user (shown in the status bar for a while)."""

    open_failed = Signal(str)
    """A project could not be shown (says why, in words); the one open before is still open."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack()  # not a child: it must outlive the panels that follow its signals
        self.file_path: Path | None = None
        self.source_name: str | None = None  # e.g. "model.py" for a design opened from code, not saved yet
        self.name_hint: Callable[[], str] | None = None
        """The name of a design that has no file yet (a lesson's title), in the current language."""
        self.selection: Selection | None = None
        self.viewer: Callable[[Project], None] | None = None
        """Builds the views (canvas, panels) of a project; the main window sets it. Raising means "cannot show it"."""
        self._project: Project | None = None
        self._runner: CommandRunner | None = None

    # ----------------------------------------------------------- project
    @property
    def has_project(self) -> bool:
        return self._project is not None

    @property
    def project(self) -> Project:
        """The live Project (edits made to it from Python show up on the canvas, and can be undone)."""
        assert self._project is not None, "no project is open yet"
        return self._project

    @property
    def runner(self) -> CommandRunner:
        """Runs commands on the undo stack: the one way the UI changes the Project."""
        assert self._runner is not None, "no project is open yet"
        return self._runner

    def run(self, command: ProjectCommand) -> bool:
        """Do ``command`` as one undo step; False (with a message) when the Project refused it."""
        return self.runner.run(command)

    def set_project(self, project: Project, path: Path | None = None, source_name: str | None = None) -> bool:
        """Open ``project`` (from ``path``, or read from code named ``source_name``); the undo history starts afresh.

        False when it could not be shown: then nothing changed (the project open
        before, its history and its file stay) and :attr:`open_failed` says why.
        """
        previous = self._project, self.file_path, self.source_name
        project.keep_unallocated = True  # the editor keeps a layer too large for memory unallocated, not refused
        self._project, self.file_path, self.source_name = project, path, source_name
        hint, self.name_hint = self.name_hint, None
        try:
            if self.viewer is not None:
                self.viewer(project)
        except Exception as exc:  # anything at all: a design that cannot be shown must not close the window
            self._project, self.file_path, self.source_name = previous
            self.name_hint = hint
            name = path.name if path is not None else source_name or self.tr("this project")
            _log.error("Could not show %s", path or name, exc_info=exc)
            if previous[0] is None:
                raise
            self.viewer(previous[0])  # put the views of the previous project back
            self.open_failed.emit(self._not_shown(name, exc))
            return False
        old = previous[0]
        if old is not None:
            old.events.reset.disconnect(self._design_replaced)
        if self._runner is not None:
            self._runner.detach()
            self._runner.deleteLater()
        self.undo_stack.clear()
        self._runner = CommandRunner(self.undo_stack, project, self)
        self._runner.failed.connect(self.show_message)
        project.events.reset.connect(self._design_replaced)
        self.project_replaced.emit(project)
        self.undo_stack.setClean()
        return True

    @staticmethod
    def _not_shown(name: str, exc: Exception) -> str:
        """Why ``name`` is not open, in words a learner can act on."""
        log = active_log()
        where = translate("Session", " The details are in LayerLab's log, {log}.").format(log=log) if log else ""
        if isinstance(exc, LayerLabError):  # typed errors speak to the learner already
            reason = f"{model_text(plain_message(exc)).rstrip('.').rstrip('。')}."
        else:
            reason = translate("Session", "it holds something LayerLab did not expect, and drawing it failed.")
        return translate("Session", "LayerLab could not show {name}: {reason} The project you had open is still open, "
                         "unchanged.").format(name=name, reason=reason) + where

    def _design_replaced(self) -> None:
        """project.model was edited directly: the undo history no longer fits the design."""
        QTimer.singleShot(0, self.undo_stack.clear)  # not from inside an undo step that noticed it
        self.show_message(self.tr("project.model was changed directly; LayerLab followed the change and cleared the "
                                  "undo history."))

    # -------------------------------------------------------------- file
    def display_name(self) -> str:
        """The file's name without ``.pt``, the code file's name, the lesson's title, or "Untitled"."""
        if self.file_path is not None:
            return self.file_path.stem
        if self.source_name:
            return self.source_name
        return self.name_hint() if self.name_hint is not None else self.tr("Untitled")

    def mark_saved(self, path: Path) -> None:
        """The project was written to ``path``: that is its file now, and it has no unsaved changes."""
        self.file_path = path
        self.undo_stack.setClean()
        self.file_changed.emit()
        self.saved.emit(path)

    def mark_recovered(self) -> None:
        """The project came from an autosave: it is unsaved work until the user saves it."""
        self.undo_stack.resetClean()
        self.show_message(self.tr("Recovered the autosaved project; save it to keep it."))

    # --------------------------------------------------------- selection
    def selected_nodes(self) -> list[Node]:
        """The selected blocks and groups, in data-flow order."""
        return self.selection.selected_nodes() if self.selection is not None else []

    def select_nodes(self, nodes: list[Node]) -> None:
        """Select exactly ``nodes`` (and show the last of them)."""
        if self.selection is not None:
            self.selection.select_nodes(nodes)

    # ----------------------------------------------------------- message
    def show_message(self, text: str) -> None:
        """Tell the user something (a refusal, a notice); nothing else happens. What the model said is translated."""
        self.message.emit(model_text(text))
