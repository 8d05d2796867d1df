"""The parameter table's view: folding a block by its arrow, a double-click or Left/Right; the name column's look.

:class:`ParameterView` is the ``QTableView`` (objectName ``parameterView``);
:class:`NameDelegate` paints the name column: a category stripe on a block's
header row, tensor names indented under it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from editor.ui import theme
from editor.ui.panels.parameters.cells import BUFFER, BUFFERS, HEADER, PARAM, PLAIN, PLAINS, Column
from editor.ui.panels.parameters.table_model import ParameterTableModel

ARROW_WIDTH = 22
"""Pixels at the left of a header row that fold it when clicked."""
WIDTHS = {Column.NAME: 196, Column.BLOCK: 150, Column.SHAPE: 130, Column.DTYPE: 70, Column.DEVICE: 60,
          Column.GRAD: 110, Column.NUMEL: 80, Column.MEAN: 82, Column.STD: 82, Column.MIN: 82, Column.MAX: 82,
          Column.GRADIENT: 160}


class NameDelegate(QStyledItemDelegate):
    """Paints the name column: a category stripe on block headers, parameter names indented under them."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        entry = model.entry(index.row()) if isinstance(model, ParameterTableModel) else None
        if entry is not None and entry.kind == HEADER and entry.section is not None:
            self._paint_shifted(painter, option, index, 6)
            rect = option.rect  # type: ignore[attr-defined]
            painter.fillRect(rect.x(), rect.y() + 1, 3, rect.height() - 2, theme.kind_color(entry.section.kind))
        elif entry is not None and entry.kind in (PARAM, BUFFER, PLAIN):
            self._paint_shifted(painter, option, index, ARROW_WIDTH - 4)
        else:
            super().paint(painter, option, index)

    def _paint_shifted(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, dx: int) -> None:
        """Paint the cell ``dx`` pixels to the right, the gap in the row's own colour (or the selection's)."""
        rect = option.rect  # type: ignore[attr-defined]
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(rect.x(), rect.y(), dx, rect.height(), option.palette.highlight())  # type: ignore[attr-defined]
        else:
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            if background is not None:
                painter.fillRect(rect.x(), rect.y(), dx, rect.height(), background)
        shifted = QStyleOptionViewItem(option)
        shifted.rect.adjust(dx, 0, 0, 0)  # type: ignore[attr-defined]
        super().paint(painter, shifted, index)


class ParameterView(QTableView):
    """The table view: folds a block on a click on its arrow, a double-click, or the Left/Right keys."""

    toggle_requested = Signal(int)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == Column.NAME and self._is_header(index.row()):
            x = event.position().x() - self.visualRect(index).x()
            if x < ARROW_WIDTH:
                self.toggle_requested.emit(index.row())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() != Column.GRAD and self._is_header(index.row()):
            self.toggle_requested.emit(index.row())
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        model = self.model()
        if index.isValid() and self._is_header(index.row()) and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            assert isinstance(model, ParameterTableModel)
            collapsed = model.is_collapsed(model.entry(index.row()))
            if collapsed == (event.key() == Qt.Key.Key_Right):
                self.toggle_requested.emit(index.row())
            return
        super().keyPressEvent(event)

    def _is_header(self, row: int) -> bool:
        model = self.model()
        return isinstance(model, ParameterTableModel) and model.entry(row).kind in (HEADER, BUFFERS, PLAINS)
