"""What the canvas draws while PyTorch loads: pending blocks, the input and output ends, and a hint.

They look like the editor's canvas items (same sizes, colours and stripe), in
a pending style: a dashed outline, and "…" where the output shape and the
parameter count will be once torch has built the layer.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from editor.ui import theme

BLOCK_HEIGHT = 46
END_HEIGHT = 30
RADIUS = 7
STRIPE = 6


class PendingBlockItem(QGraphicsItem):
    """One layer added while PyTorch loads: its kind, its place, and "…" for its shape and parameters."""

    def __init__(self, kind: str, index: int, width: float) -> None:
        super().__init__()
        self.kind = kind
        self.index = index
        self.width = width
        self.note = ""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def set_geometry(self, index: int, width: float) -> None:
        if width != self.width:
            self.prepareGeometryChange()
            self.width = width
        if index != self.index:
            self.index = index
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(-1, -1, self.width + 2, BLOCK_HEIGHT + 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = QRectF(0.5, 0.5, self.width - 1, BLOCK_HEIGHT - 1)
        selected = self.isSelected()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(theme.ACCENT if selected else theme.border(), 2 if selected else 1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(theme.mix(theme.base(), theme.ACCENT, 0.10) if selected else theme.base())
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.save()
        painter.setClipRect(QRectF(0, 0, STRIPE, BLOCK_HEIGHT))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.mix(theme.kind_color(self.kind), theme.base(), 0.35))
        painter.drawRoundedRect(QRectF(0.5, 0.5, STRIPE + RADIUS, BLOCK_HEIGHT - 1), RADIUS, RADIUS)
        painter.restore()
        left, right = STRIPE + 12, self.width - 12
        painter.setFont(theme.font(0.5, bold=True))
        painter.setPen(theme.text())
        painter.drawText(QRectF(left, 6, right - left - 40, 20), Qt.AlignmentFlag.AlignVCenter, self.kind)
        painter.setFont(theme.font(-0.5, mono=True))
        painter.setPen(theme.muted())
        painter.drawText(QRectF(right - 40, 6, 40, 20), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "…")
        small = theme.font(-1.5)
        painter.setFont(small)
        painter.drawText(QRectF(right - 40, 26, 40, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "…")
        quiet = f"{self.index}  ·  {self.note}" if self.note else str(self.index)
        painter.drawText(QRectF(left, 26, right - left - 50, 16), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(small).elidedText(quiet, Qt.TextElideMode.ElideRight, right - left - 50))


class EndItem(QGraphicsItem):
    """The input at the top or the output at the bottom, as a pill with a quiet note beside it."""

    def __init__(self, text: str, width: float) -> None:
        super().__init__()
        self.text = text
        self.note = ""
        self.width = width

    def set_text(self, text: str, note: str = "") -> None:
        self.text, self.note = text, note
        self.update()

    def set_width(self, width: float) -> None:
        self.prepareGeometryChange()
        self.width = width

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, END_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = theme.font(0, bold=True)
        pill = QRectF(0, 2, QFontMetricsF(font).horizontalAdvance(self.text) + 28, 26)
        painter.setPen(QPen(theme.border(), 1))
        painter.setBrush(theme.mix(theme.base(), theme.text(), 0.06))
        painter.drawRoundedRect(pill, 13, 13)
        painter.setFont(font)
        painter.setPen(theme.text())
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.note:
            painter.setFont(theme.font(-1.5))
            painter.setPen(theme.muted())
            painter.drawText(QRectF(pill.width() + 10, 2, self.width - pill.width() - 10, 26),
                             Qt.AlignmentFlag.AlignVCenter, self.note)


class HintItem(QGraphicsItem):
    """Where to drop, while the design is empty: a dashed frame with a title and a quieter line."""

    HEIGHT = 136

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.title = ""
        self.detail = ""

    def set_text(self, title: str, detail: str) -> None:
        self.title, self.detail = title, detail
        self.update()

    def set_width(self, width: float) -> None:
        self.prepareGeometryChange()
        self.width = width

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, self.HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(theme.mix(theme.ACCENT, theme.base(), 0.4), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(theme.mix(theme.base(), theme.ACCENT, 0.03))
        painter.drawRoundedRect(QRectF(1, 1, self.width - 2, self.HEIGHT - 2), 10, 10)
        painter.setFont(theme.font(1.5, bold=True))
        painter.setPen(theme.text())
        painter.drawText(QRectF(16, 18, self.width - 32, 30), Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setFont(theme.font(-1))
        painter.setPen(theme.muted())
        painter.drawText(QRectF(24, 52, self.width - 48, self.HEIGHT - 60),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         self.detail)
