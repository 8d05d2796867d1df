"""Canvas items that are not blocks: the input and output ends, the empty-design hint,
the insertion marker (a line between blocks), the replace marker (a block outlined)
and the curves that join shared blocks."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from editor.ui import theme
from editor.ui.canvas.items import RADIUS, WIDTH
from editor.ui.i18n import translate


class EndpointItem(QGraphicsItem):
    """The input (with its shape) at the top, the output at the bottom."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role
        self.text = role
        self.note = ""
        self.width = float(WIDTH)

    def set_text(self, text: str, note: str = "") -> None:
        self.text, self.note = text, note
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, 30)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = theme.font(0, bold=True)
        metrics = QFontMetricsF(font)
        pill_w = metrics.horizontalAdvance(self.text) + 28
        rect = QRectF(0, 2, pill_w, 26)
        painter.setPen(QPen(theme.border(), 1))
        painter.setBrush(theme.mix(theme.base(), theme.text(), 0.06))
        painter.drawRoundedRect(rect, 13, 13)
        painter.setFont(font)
        painter.setPen(theme.text())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.note:
            painter.setFont(theme.font(-1.5))
            painter.setPen(theme.muted())
            painter.drawText(QRectF(pill_w + 10, 2, self.width - pill_w - 10, 26), Qt.AlignmentFlag.AlignVCenter,
                             self.note)


class EmptyHint(QGraphicsItem):
    """Shown on an empty design: where to drop, and how else to add a layer."""

    def __init__(self) -> None:
        super().__init__()
        self.width = float(WIDTH)
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, 120)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.mix(theme.border(), theme.ACCENT, 0.4), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(theme.mix(theme.base(), theme.ACCENT, 0.03))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), RADIUS + 4, RADIUS + 4)
        painter.setPen(theme.text())
        painter.setFont(theme.font(1, bold=True))
        painter.drawText(QRectF(0, 26, self.width, 26), Qt.AlignmentFlag.AlignCenter,
                         translate("EmptyHint", "Drag layers here from the palette"))
        painter.setPen(theme.muted())
        painter.setFont(theme.font(-0.5))
        painter.drawText(QRectF(0, 56, self.width, 40), Qt.AlignmentFlag.AlignCenter,
                         translate("EmptyHint", "or press Ctrl+K and type a name, like Linear or Conv2d.\n"
                                   "Each block you add becomes a real layer in an nn.Sequential."))


class InsertionMarker(QGraphicsItem):
    """Where a dragged layer will land: an accent line with a dot at each end."""

    def __init__(self) -> None:
        super().__init__()
        self.width = 100.0
        self.setZValue(100)
        self.setVisible(False)

    def show_at(self, x: float, y: float, width: float) -> None:
        self.prepareGeometryChange()
        self.width = width
        self.setPos(x, y)
        self.setVisible(True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(-6, -6, self.width + 12, 12)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.ACCENT, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(0, 0), QPointF(self.width, 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(theme.ACCENT))
        painter.drawEllipse(QPointF(0, 0), 5, 5)
        painter.drawEllipse(QPointF(self.width, 0), 5, 5)


class ReplaceMarker(QGraphicsItem):
    """A dragged layer will replace a block: the block outlined, with "Replace with Sigmoid" on a tab.

    Unlike the insertion marker's line between blocks, it frames the block
    itself, so a drop onto a block and a drop between two never look alike.
    """

    def __init__(self) -> None:
        super().__init__()
        self.rect = QRectF()
        self.text = ""
        self.setZValue(100)
        self.setVisible(False)

    def show_at(self, rect: QRectF, text: str) -> None:
        """Outline ``rect`` (scene coordinates) and label it ``text``."""
        self.prepareGeometryChange()
        self.rect = QRectF(rect)
        self.text = text
        self.setVisible(True)
        self.update()

    def _tab(self) -> QRectF:
        metrics = QFontMetricsF(theme.font(-1, bold=True))
        width = metrics.horizontalAdvance(self.text) + 18
        return QRectF(self.rect.right() - width - 14, self.rect.top() - 11, width, 20)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect.adjusted(-5, -5, 5, 5).united(self._tab().adjusted(-2, -2, 2, 2))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(theme.ACCENT)
        fill.setAlphaF(0.10)
        painter.setBrush(fill)
        painter.setPen(QPen(theme.ACCENT, 3, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.drawRoundedRect(self.rect.adjusted(-2, -2, 2, 2), RADIUS + 2, RADIUS + 2)
        tab = self._tab()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.ACCENT)
        painter.drawRoundedRect(tab, 10, 10)
        painter.setPen(QColor("white"))
        painter.setFont(theme.font(-1, bold=True))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, self.text)


class ShareLinks(QGraphicsItem):
    """Soft curves in the right margin joining blocks that share one module."""

    def __init__(self) -> None:
        super().__init__()
        self.curves: list[tuple[QPainterPath, QColor, int]] = []
        self.highlighted: int | None = None  # the share index whose curves are drawn strong (hovered)
        self.rect = QRectF()
        self.setZValue(-5)

    def set_curves(self, curves: list[tuple[QPainterPath, QColor, int]]) -> None:
        """Curves with their colour and share index (the badge letter's number)."""
        self.prepareGeometryChange()
        self.curves = curves
        rect = QRectF()
        for path, _, _ in curves:
            rect = rect.united(path.boundingRect())
        self.rect = rect.adjusted(-4, -4, 4, 4)

    def set_highlighted(self, index: int | None) -> None:
        """Draw the curves of share ``index`` strong and the others faint (None: all as usual)."""
        if index != self.highlighted:
            self.highlighted = index
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path, color, index in self.curves:
            width = 2.2
            if self.highlighted is not None:
                if index == self.highlighted:
                    width = 3.6
                else:
                    color = QColor(color)
                    color.setAlphaF(0.35)
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)
