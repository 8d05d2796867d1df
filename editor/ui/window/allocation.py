"""Materialize…: allocating the layers kept unallocated, after asking (Edit menu and the block context menu).

A layer too large for memory is kept unallocated on the meta device (the
session's project has ``keep_unallocated``). :class:`MaterializeActions` owns
the action that allocates it: the selected blocks' layers, or every one when
nothing unallocated is selected. It first asks, saying how much memory that
needs and how much is free, and refuses in words, with both numbers, when the
free memory cannot hold it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editor.commands.allocation import MaterializeCommand
from editor.model.catalog.build import format_bytes
from editor.model.catalog.memory import available_memory
from editor.model.catalog.unallocated import is_unallocated
from editor.model.project.allocation import MARGIN
from editor.ui.i18n import keep_translated
from editor.ui.window.session import Session


class MaterializeActions(QObject):
    """The Materialize… action: ask, then allocate layers kept unallocated as one undo step."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.materialize = QAction(parent)
        self.materialize.setObjectName("actionMaterialize")
        keep_translated(parent, self.materialize.setText, lambda: self.tr("&Materialize…"))
        tip = (lambda: self.tr("Allocate the memory of blocks kept unallocated because they did not fit, so that "
                               "they can run"))
        keep_translated(parent, self.materialize.setStatusTip, tip)
        keep_translated(parent, self.materialize.setToolTip, tip)
        self.materialize.triggered.connect(self.on_materialize)
        self.refresh()

    def refresh(self) -> None:
        """Enabled while some block of the design is not allocated (asked when a menu opens: no cost per edit)."""
        has = self.session.has_project and any(is_unallocated(layer.module)
                                                 for layer in self.session.project.layers())
        self.materialize.setEnabled(has)

    def target(self) -> str | None:
        """The one selected block or group that holds unallocated layers; None means the whole design."""
        nodes = self.session.selected_nodes()
        project = self.session.project
        chosen = [n.path() for n in nodes if not project.is_allocated(n.path())]
        return chosen[0] if len(chosen) == 1 else None

    def on_materialize(self) -> None:
        project = self.session.project
        path = self.target()
        need = project.memory_to_materialize(path)
        if need == 0:
            self.session.show_message(self.tr("Every block is allocated already."))
            return
        have = available_memory()
        what = (self.tr("Block {path}").format(path=path) if path is not None else self.tr("The design"))
        if need * MARGIN > have:
            QMessageBox.warning(self.parent_widget, self.tr("Not enough memory"), self.tr(
                "{what} needs {need} of memory to be materialized, but only {have} is free now, so it stays "
                "unallocated. Make its layers smaller, or close other programs and try again.").format(
                what=what, need=format_bytes(need), have=format_bytes(have)))
            return
        answer = QMessageBox.question(self.parent_widget, self.tr("Materialize"), self.tr(
            "{what} needs {need} of memory; {have} is free now. Allocate it and draw its values from the seed?").format(
            what=what, need=format_bytes(need), have=format_bytes(have)))
        if answer == QMessageBox.StandardButton.Yes:
            # The design changes in place, so this runs on the GUI thread; the busy cursor says it is working.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.session.run(MaterializeCommand(project, path))
            finally:
                QApplication.restoreOverrideCursor()


__all__ = ["MaterializeActions"]
