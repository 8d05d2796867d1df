"""The status bar: parameters (shared ones once), memory, device and shape status."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.model.catalog.build import format_bytes
from editor.model.project.project import Project
from editor.ui import theme


class DesignStatus(QStatusBar):
    """Totals of the design, refreshed after every edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.params = QLabel()
        self.params.setObjectName("statusParams")
        self.device = QLabel()
        self.device.setObjectName("statusDevice")
        self.shapes = QLabel()
        self.shapes.setObjectName("statusShapes")
        for label in (self.params, self.device):
            self.addPermanentWidget(label)
        self.addWidget(self.shapes, 1)

    def refresh(self, project: Project) -> None:
        total = project.count_params()
        trainable = project.count_params(trainable_only=True)
        self.params.setText(f"{total:,} params · {trainable:,} trainable · {format_bytes(project.param_bytes())}")
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
