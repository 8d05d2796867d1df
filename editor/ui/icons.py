"""Icons drawn with QPainter: one per layer category, and the app icon. No image files needed."""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from editor.ui import theme

SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _glyph(painter: QPainter, name: str) -> None:
    """White line art for a category, on a 32 px tile."""
    pen = QPen(QColor("white"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if name == "linear":  # fully connected: dots joined
        left = [QPointF(10, 10), QPointF(10, 22)]
        right = [QPointF(22, 8), QPointF(22, 16), QPointF(22, 24)]
        for a in left:
            for b in right:
                painter.drawLine(a, b)
    elif name == "conv":  # a kernel on a grid
        painter.drawRect(QRectF(8, 8, 16, 16))
        painter.drawLine(QPointF(8, 16), QPointF(24, 16))
        painter.drawLine(QPointF(16, 8), QPointF(16, 24))
    elif name == "pool":  # four into one
        for x, y in ((9, 9), (17, 9), (9, 17), (17, 17)):
            painter.drawRect(QRectF(x, y, 6, 6))
    elif name == "norm":  # a bell curve
        path = QPainterPath(QPointF(6, 23))
        for i in range(21):
            x = 6 + i
            y = 23 - 14 * math.exp(-((x - 16) ** 2) / 18)
            path.lineTo(QPointF(x, y))
        painter.drawPath(path)
    elif name == "dropout":  # some dots missing
        for i, (x, y) in enumerate(((10, 10), (16, 10), (22, 10), (10, 16), (16, 16), (22, 16), (10, 22),
                                    (16, 22), (22, 22))):
            if i in (1, 5, 6):
                painter.drawEllipse(QPointF(x, y), 1.2, 1.2)
            else:
                painter.setBrush(QColor("white"))
                painter.drawEllipse(QPointF(x, y), 2, 2)
                painter.setBrush(Qt.BrushStyle.NoBrush)
    elif name == "activation":  # a ReLU hinge
        painter.drawPolyline([QPointF(6, 20), QPointF(16, 20), QPointF(26, 8)])
    elif name == "shape":  # reshape arrows
        painter.drawRect(QRectF(7, 11, 8, 10))
        painter.drawLine(QPointF(17, 16), QPointF(25, 16))
        painter.drawPolyline([QPointF(22, 13), QPointF(25, 16), QPointF(22, 19)])
    elif name == "embedding":  # a lookup table
        for y in (10, 16, 22):
            painter.drawLine(QPointF(9, y), QPointF(23, y))
        painter.drawLine(QPointF(13, 8), QPointF(13, 24))
    elif name == "transformer":  # attention arcs
        painter.drawArc(QRectF(7, 9, 18, 14), 0, 180 * 16)
        painter.drawArc(QRectF(11, 13, 10, 8), 0, 180 * 16)
        painter.drawLine(QPointF(7, 22), QPointF(25, 22))
    else:
        painter.drawEllipse(QPointF(16, 16), 6, 6)


@functools.cache
def category_icon(category: str) -> QIcon:
    """The palette icon of a category: its colour, rounded, with a glyph."""
    from editor.model import catalog

    pixmap, painter = _canvas()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.category_color(category))
    painter.drawRoundedRect(QRectF(1, 1, SIZE - 2, SIZE - 2), 7, 7)
    try:
        glyph = catalog.category(category).icon
    except KeyError:
        glyph = ""
    _glyph(painter, glyph)
    painter.end()
    return QIcon(pixmap)


@functools.cache
def app_icon() -> QIcon:
    """Three stacked blocks in the category colours."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, color in enumerate(("#4C78A8", "#D4A82A", "#59A14F")):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(QRectF(8, 6 + i * 18, 48, 14), 4, 4)
    painter.end()
    return QIcon(pixmap)
