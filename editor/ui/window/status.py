"""The status bar: parameters (shared ones once), memory, device and shape status, and the session's messages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.model.catalog.build import format_bytes
from editor.ui import theme
from editor.ui.window.session import Session

MESSAGE_MS = 10_000


class DesignStatus(QStatusBar):
    """Totals of the design, refreshed after every edit; the session's messages show here for a while."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.session = session
        session.message.connect(self.show_message)
        self.params = QLabel()
        self.params.setObjectName("statusParams")
        self.device = QLabel()
        self.device.setObjectName("statusDevice")
        self.shapes = QLabel()
        self.shapes.setObjectName("statusShapes")
        for label in (self.params, self.device):
            self.addPermanentWidget(label)
        self.addWidget(self.shapes, 1)

    def show_message(self, text: str) -> None:
        """Show ``text`` for a while (a bound method, so Qt drops the connection with the widget)."""
        self.showMessage(text, MESSAGE_MS)

    def refresh(self) -> None:
        """Show the totals of the session's project."""
        project = self.session.project
        total = project.count_parameters()
        trainable = project.count_parameters(trainable_only=True)
        self.params.setText(f"{total:,} params · {trainable:,} trainable · {format_bytes(project.parameter_bytes())}")
        self.params.setToolTip("Shared parameters are counted once, as model.parameters() yields them.")
        self.device.setText(f"  {project.device}  ")
        error = project.shape_error
        if error is None:
            shape = project.output_shape
            self.shapes.setText("Shapes OK" + (f" · output {shape}" if shape else ""))
            self.shapes.setStyleSheet("")
            self.shapes.setToolTip("")
        else:
            self.shapes.setText(f"Shape error at block {error.path}: {error.sentence}")
            self.shapes.setStyleSheet(f"color: {theme.ERROR.name()};")
            self.shapes.setToolTip(str(error))
