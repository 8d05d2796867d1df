"""The base of every command: a QUndoCommand over one Project transaction.

A command's :meth:`ProjectCommand.perform` calls Project operations, nothing
else. :meth:`ProjectCommand.execute` runs it once inside a transaction (so a
refusal raises before anything reaches the undo stack); afterwards undo and
redo revert and replay that transaction, which restores the exact modules and
values, never fresh random ones.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from editor.model.design.transaction import Transaction
from editor.model.project.project import Project


class ProjectCommand(QUndoCommand):
    """One undoable step made of Project operations."""

    merge_id = -1

    def __init__(self, project: Project, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.transactions: list[Transaction] = []
        self._fresh = False

    def perform(self) -> None:  # pragma: no cover - every command overrides it
        """Call the Project operations this command stands for."""
        raise NotImplementedError

    def execute(self) -> bool:
        """Do it now; raises the Project's error if it is refused. True when something changed."""
        with self.project.transaction(self.text()) as tx:
            self.perform()
        self.transactions = [tx]
        self._fresh = True
        return bool(tx)

    def adopt(self, tx: Transaction) -> None:
        """Stand for a transaction that already ran (an edit made from a script)."""
        self.transactions = [tx]
        self._fresh = True

    def redo(self) -> None:
        if self._fresh:  # pushing calls redo(); execute() already did the work
            self._fresh = False
            return
        for tx in self.transactions:
            self.project.replay(tx)

    def undo(self) -> None:
        for tx in reversed(self.transactions):
            self.project.revert(tx)

    def id(self) -> int:
        return self.merge_id
