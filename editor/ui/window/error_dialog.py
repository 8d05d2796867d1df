"""The dialog (objectName ``errorDialog``) that tells a learner about an error nobody expected.

It says what happened in a plain sentence and what became of their work;
the technical report (versions and traceback) waits behind a "Details"
expander, and "Copy report" puts it on the clipboard for a bug report. It
names the log file that keeps the report, and can count the errors that
happen while it is open, so a flood of them makes one dialog, not many.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.ui import theme

TITLE = "LayerLab: something went wrong"


class ErrorDialog(QDialog):
    """A calm message about an unexpected error, with the report behind "Details" and "Copy report"."""

    def __init__(self, summary: str, report: str, log_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("LayerLab: something went wrong"))
        self.setSizeGripEnabled(True)
        self.report = report

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(summary)
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        where = (self.tr("LayerLab keeps running. A report of what happened is in the log, {log}.").format(
            log=log_path) if log_path is not None else self.tr("LayerLab keeps running."))
        self.log_note = QLabel(" ".join([where, self.tr(
            "If something looks wrong now, save your work and restart LayerLab.")]))
        self.log_note.setObjectName("errorLogNote")
        self.log_note.setWordWrap(True)
        self.log_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_note.setStyleSheet(f"color: {theme.muted().name()};")
        self.more = QLabel()
        self.more.setObjectName("errorMore")
        self.more.setWordWrap(True)
        self.more.hide()

        self.details_toggle = QToolButton()
        self.details_toggle.setObjectName("errorDetailsToggle")
        self.details_toggle.setText(self.tr("Details"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.setStyleSheet("QToolButton { border: none; padding: 2px 0; }")
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.toggled.connect(self.show_details)
        self.details = QPlainTextEdit(report)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(220)
        self.details.hide()

        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("copyReportButton")
        self.copy_button.setToolTip(self.tr("Copy the versions and the technical details, to paste into a bug report"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_report)
        self.log_button = QPushButton(self.tr("Show log folder"))
        self.log_button.setObjectName("showLogFolderButton")
        self.log_button.setAutoDefault(False)
        self.log_button.setVisible(log_path is not None)
        if log_path is not None:
            folder = QUrl.fromLocalFile(str(log_path.parent))
            self.log_button.clicked.connect(lambda: QDesktopServices.openUrl(folder))
        self.close_button = QPushButton(self.tr("Continue"))
        self.close_button.setObjectName("errorContinueButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()  # the way on (Continue) apart from the tools for a bug report
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        text = QVBoxLayout()
        text.setSpacing(10)
        text.addWidget(self.summary)
        text.addWidget(self.log_note)
        text.addWidget(self.more)
        text.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.resize(560, layout.totalHeightForWidth(560))

    def show_details(self, shown: bool) -> None:
        """Open or close the technical details."""
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)
        if shown:
            self.resize(max(self.width(), 760), max(self.height(), 520))
        else:
            self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))

    def copy_report(self) -> None:
        """Put the report on the clipboard (the button says so for a moment)."""
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self, lambda: self.copy_button.setText(self.tr("Copy report")))

    def set_more(self, count: int) -> None:
        """``count`` more unexpected errors happened while the dialog was open (they are in the log too)."""
        self.more.setText(self.tr("1 more error happened while this message was open.") if count == 1 else
                          self.tr("{count} more errors happened while this message was open.").format(count=count))
        self.more.setVisible(count > 0)
