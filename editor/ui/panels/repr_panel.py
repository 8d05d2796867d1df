"""The ``print(net)`` tab (objectName ``reprPanel``): exactly what ``print(model)`` prints, live."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.panels.following import follow


class ReprPanel(QPlainTextEdit):
    """Read-only text of ``repr(project.model)``, refreshed after edits (bursts coalesced)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprPanel")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(theme.font(0, mono=True))
        self.project: Project | None = None
        self._timer = QTimer(self, singleShot=True, interval=30)
        self._timer.timeout.connect(self.refresh)

    def set_project(self, project: Project) -> None:
        """Follow ``project``: its edits and design replacements refresh the text."""
        self.project = follow(self.project, project, dict.fromkeys(("edited", "reset"), self._schedule))
        self.refresh()

    def _schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Show ``print(model)`` now, keeping the scroll position."""
        if self.project is None:
            return
        text = str(self.project.model)
        if text == self.toPlainText():
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setPlainText(text)
        bar.setValue(min(position, bar.maximum()))
