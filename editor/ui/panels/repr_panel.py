"""The ``print(net)`` tab (objectName ``reprPanel``): exactly what ``print(model)`` prints, live."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
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
        self._stale = False
        self._timer = QTimer(self, singleShot=True, interval=30)
        self._timer.timeout.connect(self.refresh)

    def set_project(self, project: Project) -> None:
        """Follow ``project``: its edits and design replacements refresh the text."""
        self.project = follow(self.project, project, dict.fromkeys(("edited", "reset"), self._schedule))
        self.refresh()

    def _schedule(self) -> None:
        """Refresh soon, or, while the tab is hidden, when it is shown (printing 10,000 blocks and laying out
        the text took a tenth of a second of every edit)."""
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Show ``print(model)`` now, keeping the scroll position."""
        self._stale = False
        if self.project is None:
            return
        text = str(self.project.model)
        if text == self.toPlainText():
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setPlainText(text)
        bar.setValue(min(position, bar.maximum()))
