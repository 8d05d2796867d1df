"""Runs commands on a QUndoStack, and records edits made from scripts as undo steps too."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from editor.commands.base import ProjectCommand
from editor.commands.edits import ScriptedEditCommand
from editor.model.design.transaction import Transaction
from editor.model.errors import LayerLabError
from editor.model.project.project import Project


class CommandRunner(QObject):
    """The one way the UI changes the Project: ``runner.run(SomeCommand(...))``."""

    failed = Signal(str)
    """A command was refused; the message says why (nothing changed)."""

    def __init__(self, stack: QUndoStack, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.project = project
        self._running = False
        project.events.transaction_done.connect(self._scripted)

    def detach(self) -> None:
        """Stop listening to the project (before another one replaces it)."""
        self.project.events.transaction_done.disconnect(self._scripted)

    def run(self, command: ProjectCommand) -> bool:
        """Do ``command`` and push it; False (and :attr:`failed`) when the Project refused it."""
        self._running = True
        try:
            changed = command.execute()
        except LayerLabError as exc:
            self.failed.emit(str(exc))
            return False
        finally:
            self._running = False
        if changed:
            self.stack.push(command)
        return changed

    def _scripted(self, tx: Transaction) -> None:
        if self._running or not tx:
            return
        command = ScriptedEditCommand(self.project, tx.name)
        command.adopt(tx)
        self.stack.push(command)
