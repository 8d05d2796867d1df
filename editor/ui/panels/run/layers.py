"""The Run tab's per-block table: output shape, mean, std, min, max, zeros and a histogram sparkline.

One row per block in data-flow order, so a learner sees at a glance how the
signal's spread grows or vanishes with depth (std), and where ReLUs die
(zeros). Clicking a row asks for the block to be selected on the canvas.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from editor.model.catalog.shape_rules import fmt
from editor.model.run.forward import LayerStats
from editor.ui import theme
from editor.ui.i18n import QT_TRANSLATE_NOOP, on_language_change, translate

COLUMNS = ("block", "layer", "output shape", "mean", "std", "min", "max", "zeros", "values")
LABELS = {  # the headers, in the current language (context LayerStats)
    "block": QT_TRANSLATE_NOOP("LayerStats", "block"), "layer": QT_TRANSLATE_NOOP("LayerStats", "layer"),
    "output shape": QT_TRANSLATE_NOOP("LayerStats", "output shape"), "mean": QT_TRANSLATE_NOOP("LayerStats", "mean"),
    "std": QT_TRANSLATE_NOOP("LayerStats", "std"), "min": QT_TRANSLATE_NOOP("LayerStats", "min"),
    "max": QT_TRANSLATE_NOOP("LayerStats", "max"), "zeros": QT_TRANSLATE_NOOP("LayerStats", "zeros"),
    "values": QT_TRANSLATE_NOOP("LayerStats", "values"),
}
TIPS = {
    "mean": QT_TRANSLATE_NOOP("LayerStats", "The mean of the block's output over the whole batch."),
    "std": QT_TRANSLATE_NOOP("LayerStats", "The spread of the block's output. If it shrinks towards 0 or grows block "
                             "after block, the signal vanishes or explodes with depth: try another init."),
    "zeros": QT_TRANSLATE_NOOP("LayerStats", "The fraction of outputs that are exactly 0. After a ReLU, a high value "
                               "means many dead units."),
    "values": QT_TRANSLATE_NOOP("LayerStats", "A histogram of the block's output values, from min (left) to max "
                                "(right); for big outputs, of 256 evenly spaced values."),
}
SPARK = COLUMNS.index("values")


def _share(fraction: float) -> str:
    """A fraction as a percentage that never reads 0% or 100% when it is neither."""
    if 0 < fraction < 0.01:
        return "<1%"
    if 0.99 < fraction < 1:
        return ">99%"
    return f"{fraction:.0%}"


def _number(value: float) -> str:
    if math.isnan(value):
        return "—"
    return f"{value:.4g}"


class LayerStatsModel(QAbstractTableModel):
    """Rows of :class:`~editor.model.run.forward.LayerStats`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LayerStats] = []

    def set_rows(self, rows: list[LayerStats]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("LayerStats", LABELS[COLUMNS[section]])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = TIPS.get(COLUMNS[section])
            return translate("LayerStats", tip) if tip else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "block": row.path, "layer": row.kind, "output shape": fmt(row.shape), "mean": _number(row.mean),
                "std": _number(row.std), "min": _number(row.min), "max": _number(row.max),
                "zeros": _share(row.zeros), "values": "",
            }[column]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("mean", "std", "min", "max", "zeros"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.finite:
            return theme.ERROR
        if role == Qt.ItemDataRole.ToolTipRole and not row.finite:
            return translate("LayerStats", "{share} of this output is NaN or Inf: its mean, std, min, max and "
                             "histogram are over the other values alone.").format(share=_share(row.nonfinite))
        return None


class SparklineDelegate(QStyledItemDelegate):
    """Draws a row's 16-bin histogram as small bars in the block's category colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        row: LayerStats | None = index.data(Qt.ItemDataRole.UserRole)
        if row is None or not row.histogram:
            return
        rect = QRectF(option.rect).adjusted(4, 4, -4, -4)
        peak = max(row.histogram) or 1
        width = rect.width() / len(row.histogram)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind_color(row.kind))
        for i, count in enumerate(row.histogram):
            height = rect.height() * count / peak
            painter.drawRect(QRectF(rect.left() + i * width, rect.bottom() - height, max(width - 1, 1), height))
        painter.restore()


class LayerStatsTable(QTableView):
    """The per-block table (objectName ``runLayers``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runLayers")
        self.stats_model = LayerStatsModel(self)
        self.setModel(self.stats_model)
        self.setItemDelegateForColumn(SPARK, SparklineDelegate(self))
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SPARK, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Headers and tooltips in the current language."""
        self.stats_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_rows(self, rows: list[LayerStats]) -> None:
        self.stats_model.set_rows(rows)

    def path_at(self, row: int) -> str:
        return self.stats_model.rows[row].path
