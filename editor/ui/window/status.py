"""The status bar: parameters (shared ones once), memory, device and shape status, and the session's messages.

The shape status can be a long sentence (a shared layer's error names both
places and how to fix it). It is drawn elided, with the whole text in its
tooltip, so that it never asks for more width than the window has: a label
that wants its full text's width would widen the main window past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.model.catalog.build import format_bytes
from editor.ui import theme
from editor.ui.i18n import model_text, on_language_change
from editor.ui.window.session import Session

MESSAGE_MS = 10_000
"""How long a short message stays; a longer one stays as long as it takes to read (:data:`READING_MS` a
character), up to :data:`LONGEST_MS`."""
READING_MS = 60
LONGEST_MS = 60_000


def message_ms(text: str) -> int:
    """How long the status bar shows ``text``: at least :data:`MESSAGE_MS`, longer for a long one."""
    return min(max(MESSAGE_MS, READING_MS * len(text)), LONGEST_MS)


class ElidedLabel(QLabel):
    """One line of text that shrinks with the room it gets, ending in "…"; the tooltip holds all of it.

    Its minimum width is small, so the layout never grows the window to fit the text.
    """

    MIN_WIDTH = 60

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.MIN_WIDTH, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.MIN_WIDTH, super().sizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn now: all of it, or its start and "…" when it does not fit."""
        room = max(self.contentsRect().width(), 0)
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.style().drawItemText(painter, self.contentsRect(), align, self.palette(), self.isEnabled(),
                                  self.shown_text(), self.foregroundRole())
        painter.end()


class DesignStatus(QStatusBar):
    """Totals of the design, refreshed after every edit; the session's messages show here for a while."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.session = session
        session.message.connect(self.show_message)
        self.messageChanged.connect(self.setToolTip)  # a message is drawn clipped: hovering shows all of it
        self.params = QLabel()
        self.params.setObjectName("statusParams")
        self.device = QLabel()
        self.device.setObjectName("statusDevice")
        self.shapes = ElidedLabel()
        self.shapes.setObjectName("statusShapes")
        for label in (self.params, self.device):
            self.addPermanentWidget(label)
        self.addWidget(self.shapes, 1)
        self.messageChanged.connect(self._make_way)
        self._about_design = ""
        on_language_change(self, self.retranslate)

    def _make_way(self, message: str = "") -> None:
        """The shapes line gives way to a message (both drawn at once overlapped), and comes back after it.

        QStatusBar hides it itself, but not when the bar is first shown after a message: a
        message shown as the editor goes live (``layerlab --lesson 3``) was drawn over it.
        """
        self.shapes.setVisible(not (message or self.currentMessage()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._make_way()

    def retranslate(self) -> None:
        if self.session.has_project:
            self.refresh()

    def show_message(self, text: str) -> None:
        """Show ``text`` for as long as it takes to read (a bound method, so Qt drops the connection with the
        widget); hovering shows all of a message drawn clipped."""
        self.showMessage(text, message_ms(text))

    def show_design_message(self, text: str) -> None:
        """Show ``text``, which is about the design as it is now (a run refused): the next edit, or another design,
        takes it away (it said "The design is empty" over a design just opened)."""
        self.show_message(text)
        self._about_design = text

    def design_changed(self, *args: object) -> None:
        """The design changed: a message about it as it was goes."""
        if self._about_design and self.currentMessage() == self._about_design:
            self.clearMessage()
        self._about_design = ""

    def refresh(self) -> None:
        """Show the totals of the session's project."""
        project = self.session.project
        totals = project.parameter_totals()
        text = self.tr("{total} params · {trainable} trainable · {size}").format(
            total=f"{totals.count:,}", trainable=f"{totals.trainable:,}", size=format_bytes(totals.bytes))
        if totals.unallocated:
            text = self.tr("{totals} ({size} not allocated)").format(totals=text,
                                                                     size=format_bytes(totals.unallocated))
        self.params.setText(text)
        self.params.setToolTip(self.tr("Shared parameters are counted once, as model.parameters() yields them."))
        mode = self.tr("train mode") if project.model.training else self.tr("eval mode")
        self.device.setText(f"  {project.device} · {mode}  ")
        self.device.setToolTip(self.tr(
            "The model lives on {device} and is in {mode} ({call}): it decides what Dropout and BatchNorm do. "
            "The Run tab switches it.").format(device=project.device, mode=mode,
                                               call="model.train()" if project.model.training else "model.eval()"))
        error = project.shape_error
        if error is None:
            shape = project.output_shape
            if shape:
                self.shapes.setText(self.tr("Shapes OK · output {shape}").format(shape=shape))
            elif project.root.children:  # nothing says what comes in (a first custom layer of any size)
                self.shapes.setText(self.tr("Shapes unknown: set the input shape in the toolbar (e.g. 3, 20) to "
                                            "see them"))
            else:  # nothing to check yet
                self.shapes.setText(self.tr("Empty design: drag a layer from the Layers list onto the canvas"))
            self.shapes.setStyleSheet("")
        else:
            self.shapes.setText(self.tr("Shape error at block {path}: {sentence}").format(
                path=error.path, sentence=model_text(error.sentence)))
            self.shapes.setStyleSheet(f"color: {theme.ERROR.name()};")
            self.shapes.setToolTip(model_text(error))


__all__ = ["DesignStatus", "ElidedLabel"]
