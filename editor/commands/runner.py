"""Runs commands on a QUndoStack, and records edits made from scripts as undo steps too."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from editor.commands.base import ProjectCommand, ReplayFailures
from editor.commands.edits import ScriptedEditCommand
from editor.model.design.transaction import Transaction
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.model.words import message_of


class CommandRunner(QObject):
    """The one way the UI changes the Project: ``runner.run(SomeCommand(...))``."""

    failed = Signal(object)
    """A command was refused (nothing changed), or an undo or redo could not be done; the message (a ``str``) says
    why. What the model said stays translatable (``editor.ui.i18n.model_text``)."""

    def __init__(self, stack: QUndoStack, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.project = project
        self._running = False
        self._replays = ReplayFailures()
        self._clearing = False
        project.events.transaction_done.connect(self._scripted)
        self._replays.failed.connect(self._replay_failed)

    def detach(self) -> None:
        """Stop listening to the project (before another one replaces it)."""
        self.project.events.transaction_done.disconnect(self._scripted)
        self._replays.failed.disconnect(self._replay_failed)

    def run(self, command: ProjectCommand) -> bool:
        """Do ``command`` and push it; False (and :attr:`failed`) when the Project refused it."""
        self._running = True
        try:
            changed = command.execute()
        except LayerLabError as exc:
            self.failed.emit(message_of(exc))
            return False
        finally:
            self._running = False
        if changed:
            self._push(command)
        return changed

    def _push(self, command: ProjectCommand) -> None:
        command.report_to(self._replays)
        self.stack.push(command)

    def _scripted(self, tx: Transaction) -> None:
        if self._running or not tx:
            return
        command = ScriptedEditCommand(self.project, tx.name)
        command.adopt(tx)
        self._push(command)

    def _replay_failed(self, message: object) -> None:
        """An undo or redo failed (the design is as it was): say so once, and clear the history that no longer fits.

        The stack is cleared once control is back in the event loop, never from inside the undo step that
        failed (Qt is still using it); until then, further steps are refused by the Project, changing nothing.
        """
        if self._clearing:
            return
        self._clearing = True
        self.failed.emit(message)
        QTimer.singleShot(0, self, self.clear_history)

    def clear_history(self) -> None:
        """Forget every undo step (after a failed undo or redo)."""
        self._clearing = False
        self.stack.clear()
