"""The base of every command: a QUndoCommand over one Project transaction.

A command's :meth:`ProjectCommand.perform` calls Project operations, nothing
else. :meth:`ProjectCommand.execute` runs it once inside a transaction (so a
refusal raises before anything reaches the undo stack); afterwards undo and
redo revert and replay that transaction, which restores the exact modules and
values, never fresh random ones.

Qt calls :meth:`~ProjectCommand.undo` and :meth:`~ProjectCommand.redo` from
C++ (``QUndoStack.undo``, ``setIndex`` from the Undo History panel), where a
Python exception cannot be handled: it would leave the stack half-moved, and
can take the interpreter down. So nothing escapes them. The Project replays
all or nothing; should a replay fail all the same, the design stays as it was,
the error is logged, and the command says so, in words, to whoever pushed it
(:class:`ReplayFailures`), so that the history, which no longer fits the
design, can be cleared. That is a plain psygnal signal: a command on a stack
never holds on to a Qt object.
"""

from __future__ import annotations

import logging

from psygnal import Signal
from PySide6.QtGui import QUndoCommand

from editor.model.design.transaction import Transaction
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.model.words import message_of, say

_log = logging.getLogger(__name__)


class ReplayFailures:
    """Where commands report an undo or redo that could not be done (the design was left as it was)."""

    failed = Signal(object)
    """Why, in words (a ``str``; what the model said stays translatable: ``editor.ui.i18n.model_text``)."""


class ProjectCommand(QUndoCommand):
    """One undoable step made of Project operations."""

    merge_id = -1

    def __init__(self, project: Project, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.transactions: list[Transaction] = []
        self._fresh = False
        self.replay_error: str | None = None
        """Why the last undo or redo could not be done (the design was left as it was), or None."""
        self._failures: ReplayFailures | None = None

    def report_to(self, failures: ReplayFailures) -> None:
        """Tell ``failures`` (with :attr:`replay_error`) whenever an undo or redo of this step fails."""
        self._failures = failures

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
        self._replay("redo")

    def undo(self) -> None:
        self._replay("undo")

    def _replay(self, verb: str) -> None:
        """Undo or redo every transaction of this step; never raises (see the module's docstring)."""
        self.replay_error = None
        done: list[Transaction] = []
        try:
            for tx in (reversed(self.transactions) if verb == "undo" else self.transactions):
                if verb == "undo":
                    self.project.revert(tx)
                else:
                    self.project.replay(tx)
                done.append(tx)
        except Exception as exc:  # nothing may escape into Qt's C++ (see the module's docstring)
            self._failed(verb, exc, done)

    def _failed(self, verb: str, exc: Exception, done: list[Transaction]) -> None:
        """Take back the transactions already replayed (merged steps), then say what happened."""
        for tx in reversed(done):
            try:
                if verb == "undo":
                    self.project.replay(tx)
                else:
                    self.project.revert(tx)
            except Exception:  # the first failure is the one to report
                _log.exception("Could not take back part of %s of %r", verb, self.text())
                break
        _log.error("Could not %s %r", verb, self.text(), exc_info=exc)
        if isinstance(exc, LayerLabError):
            reason = message_of(exc)
        elif verb == "undo":
            reason = say("Could not undo {step!r}: something unexpected went wrong ({type}).", step=self.text(),
                         type=type(exc).__name__)
        else:
            reason = say("Could not redo {step!r}: something unexpected went wrong ({type}).", step=self.text(),
                         type=type(exc).__name__)
        if reason.endswith("."):
            self.replay_error = say("{reason} The undo history no longer fits the design, so it is cleared; the "
                                    "design itself is kept as it is.", reason=reason)
        else:
            self.replay_error = say("{reason}. The undo history no longer fits the design, so it is cleared; the "
                                    "design itself is kept as it is.", reason=reason)
        if self._failures is not None:
            try:
                self._failures.failed.emit(self.replay_error)
            except Exception:  # nothing may escape into Qt's C++
                _log.exception("Reporting a failed %s failed", verb)

    def id(self) -> int:
        return self.merge_id
