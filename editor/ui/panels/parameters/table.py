"""The Parameters tab (objectName ``parameterTable``): every parameter and buffer of the live model.

One header row per block (click its arrow, or double-click it, to fold it),
one row per parameter name as ``model.named_parameters(remove_duplicate=False)``
gives it, a buffers section, a totals row, and a "state_dict view" that lists
exactly the keys of ``model.state_dict()``. The table follows every edit,
initialization, load and device move, keeping the selection and the scroll
position; bursts of changes (a dragged spin box) are coalesced into one
update every 50 ms at most.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.project.project import Project
from editor.model.stats.parameters import BUFFERS_EXPLANATION, STATE_DICT_EXPLANATION
from editor.ui import theme
from editor.ui.panels.following import follow
from editor.ui.panels.parameters.cells import BUFFER, BUFFERS, HEADER, PARAM, STATE, TOTAL, Column, Entry
from editor.ui.panels.parameters.table_model import ParameterTableModel

PARAMETER_CAPTION = (
    "Parameters by block, named as model.named_parameters(remove_duplicate=False) names them. Untick "
    "requires_grad to freeze one: an optimizer then leaves it alone (a shared tensor is frozen everywhere it is "
    "used)."
)
ARROW_WIDTH = 22
"""Pixels at the left of a header row that fold it when clicked."""
WIDTHS = {Column.NAME: 210, Column.BLOCK: 150, Column.SHAPE: 130, Column.DTYPE: 70, Column.DEVICE: 60,
          Column.GRAD: 110, Column.NUMEL: 80, Column.MEAN: 82, Column.STD: 82, Column.MIN: 82, Column.MAX: 82}


class _NameDelegate(QStyledItemDelegate):
    """Paints the name column: a category stripe on block headers, parameter names indented under them."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        entry = model.entry(index.row()) if isinstance(model, ParameterTableModel) else None
        if entry is not None and entry.kind == HEADER and entry.section is not None:
            self._paint_shifted(painter, option, index, 6)
            rect = option.rect  # type: ignore[attr-defined]
            painter.fillRect(rect.x(), rect.y() + 1, 3, rect.height() - 2, theme.kind_color(entry.section.kind))
        elif entry is not None and entry.kind in (PARAM, BUFFER):
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
        return isinstance(model, ParameterTableModel) and model.entry(row).kind in (HEADER, BUFFERS)


@dataclass
class _ViewState:
    """What the user was looking at, by what the rows stand for (rows move when blocks are inserted)."""

    selected: list[tuple]
    current: tuple | None
    current_column: int
    anchor: tuple | None
    scroll: int
    horizontal: int
    fetched: int


class ParameterTable(QWidget):
    """The Parameters tab: a toolbar row, a caption and the table (``.view``, ``.table_model``)."""

    parameter_selected = Signal(str, str)
    """The current row changed: (block path, name inside the block, e.g. "weight"; "" for a block's header row).

    The totals row gives ("", ""). The name can be a buffer's ("running_mean").
    """

    requires_grad_toggled = Signal(str, str, bool)
    """The user ticked requires_grad: (block path, parameter name or "" for the whole block, new flag)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameterTable")
        self.project: Project | None = None
        self.table_model = ParameterTableModel(self)
        self.view = ParameterView()
        self.view.setObjectName("parameterView")
        self.view.setModel(self.table_model)
        self.view.setItemDelegateForColumn(Column.NAME, _NameDelegate(self.view))
        self._setup_view()

        self.state_toggle = QCheckBox("state_dict view")
        self.state_toggle.setObjectName("stateDictToggle")
        self.state_toggle.setToolTip("List exactly the keys of model.state_dict(): parameters and persistent "
                                     "buffers, a shared module's tensors once per place it is used.")
        self.state_toggle.toggled.connect(self.set_state_view)
        self.expand_button = _tool_button("Expand all", "Unfold every block", lambda: self._fold_all(False))
        self.collapse_button = _tool_button("Collapse all", "Fold every block to its header row",
                                            lambda: self._fold_all(True))
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(self.state_toggle)
        bar.addSpacing(12)
        bar.addWidget(self.expand_button)
        bar.addWidget(self.collapse_button)
        bar.addSpacing(12)
        self.caption = QLabel(PARAMETER_CAPTION)
        self.caption.setObjectName("parameterCaption")
        self.caption.setWordWrap(True)
        self.caption.setFont(theme.font(-1))
        self.caption.setStyleSheet(f"color: {theme.muted().name()}; padding: 2px 6px;")
        # Room for three lines: the explanations differ in length, and the table should not jump when they change.
        self.caption.setMinimumHeight(3 * self.caption.fontMetrics().lineSpacing() + 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar.addWidget(self.caption, 1)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self, singleShot=True, interval=50)
        self._timer.timeout.connect(self.refresh_now)
        self._structure = self._values = self._weights = False
        self._last_selected: tuple[str, str] | None = None
        self.view.toggle_requested.connect(self._toggle)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table_model.requires_grad_toggled.connect(self.requires_grad_toggled)
        for signal in (self.table_model.modelReset, self.table_model.rowsInserted, self.table_model.rowsRemoved):
            signal.connect(self._update_spans)

    def _setup_view(self) -> None:
        view = self.view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A little air in every cell: a right-aligned shape no longer runs into the dtype after it.
        view.setStyleSheet("QTableView::item { padding-left: 4px; padding-right: 6px; }")
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring: big tables open fast
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        columns = view.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        for column, width in WIDTHS.items():
            view.setColumnWidth(column, width)

    # -------------------------------------------------------------- project
    def set_project(self, project: Project) -> None:
        """Show ``project`` and follow its events."""
        self.project = follow(self.project, project, self._handlers())
        self._timer.stop()
        self._structure = self._values = self._weights = False
        self._last_selected = None
        self.table_model.set_source(project)

    def _handlers(self) -> dict[str, Callable[..., None]]:
        structure = ("inserted", "removed", "changed", "moved", "grouped", "ungrouped", "reset")
        return {**dict.fromkeys(structure, self._on_structure), "weights_changed": self._on_weights,
                "settings_changed": self._on_setting, "requires_grad_changed": self._on_values}

    def _on_structure(self, *args: object) -> None:
        self._structure = True
        self._schedule()

    def _on_weights(self, *args: object) -> None:
        self._weights = True
        self._schedule()

    def _on_values(self, *args: object) -> None:
        self._values = True
        self._schedule()

    def _on_setting(self, name: str) -> None:
        if name == "device":
            self._on_weights()

    def _schedule(self) -> None:
        if not self._timer.isActive():  # a throttle, not a debounce: a long drag still updates as it goes
            self._timer.start()

    def refresh_now(self) -> None:
        """Bring the table up to date with the project now (normally 50 ms after a change)."""
        self._timer.stop()
        structure, values, weights = self._structure, self._values, self._weights
        self._structure = self._values = self._weights = False
        if structure:
            if weights:
                self.table_model.stats.clear()
            state = self._save_state()
            self.table_model.rebuild(min_rows=state.fetched)
            self._restore_state(state)
        elif weights:
            self.table_model.weights_changed()
        elif values:
            self.table_model.values_changed()

    # ---------------------------------------------------------- view state
    def _save_state(self) -> _ViewState:
        model, view = self.table_model, self.view
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        current = view.currentIndex()
        top = view.rowAt(0)
        return _ViewState(
            selected=[model.entry(r).key for r in rows],
            current=model.entry(current.row()).key if current.isValid() else None,
            current_column=current.column() if current.isValid() else 0,
            anchor=model.entry(top).key if top >= 0 else None,
            scroll=view.verticalScrollBar().value(),
            horizontal=view.horizontalScrollBar().value(),
            fetched=model.rowCount(),
        )

    def _restore_state(self, state: _ViewState) -> None:
        model, view = self.table_model, self.view
        wanted = [*state.selected, *(k for k in (state.current, state.anchor) if k is not None)]
        rows = model.rows_of(wanted)
        selection = QItemSelection()
        last = len(Column) - 1
        for key in state.selected:
            if key in rows:
                selection.select(model.index(rows[key], 0), model.index(rows[key], last))
        chooser = view.selectionModel()
        chooser.blockSignals(True)  # the same row keeps standing for the same thing: not a new selection
        if state.current in rows:
            chooser.setCurrentIndex(model.index(rows[state.current], state.current_column),
                                    QItemSelectionModel.SelectionFlag.NoUpdate)
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        chooser.blockSignals(False)
        if view.currentIndex().isValid():
            self._current_changed(view.currentIndex())  # the same parameter may have a new path now
        view.viewport().update()
        view.doItemsLayout()  # the scroll bars learn the new row count now, not at the next paint
        bar = view.verticalScrollBar()
        anchor_row = rows.get(state.anchor) if state.anchor is not None else None
        # Scrolling is per row, so the bar's value is the top row: the row that was on top stays on top.
        bar.setValue(anchor_row if anchor_row is not None else min(state.scroll, bar.maximum()))
        view.horizontalScrollBar().setValue(state.horizontal)

    # ------------------------------------------------------------- actions
    def set_state_view(self, on: bool) -> None:
        """Show exactly the keys of ``model.state_dict()`` (True) or the parameters by block."""
        if self.state_toggle.isChecked() != bool(on):
            self.state_toggle.setChecked(bool(on))  # comes back here through toggled
            return
        self.table_model.set_state_view(on)
        self._update_caption()
        self.expand_button.setEnabled(not on)
        self.collapse_button.setEnabled(not on)

    def _fold_all(self, collapsed: bool) -> None:
        state = self._save_state()
        self.table_model.set_all_collapsed(collapsed)
        self._restore_state(state)

    def _toggle(self, row: int) -> None:
        self.table_model.toggle(row)

    def _update_spans(self, *args: object) -> None:
        view = self.view
        view.clearSpans()
        for row in self.table_model.span_rows():
            view.setSpan(row, 0, 1, len(Column))

    def _current_changed(self, current: QModelIndex | QPersistentModelIndex, previous: object = None) -> None:
        if not current.isValid():
            return
        entry = self.table_model.entry(current.row())
        self._update_caption(entry)
        if entry.kind == HEADER and entry.section is not None:
            chosen = (entry.section.path, "")
        elif entry.kind in (PARAM, BUFFER, STATE) and entry.row is not None:
            chosen = (entry.row.path, entry.row.local)
        elif entry.kind == TOTAL:
            chosen = ("", "")
        else:
            return
        if chosen != self._last_selected:
            self._last_selected = chosen
            self.parameter_selected.emit(*chosen)


    def _update_caption(self, entry: Entry | None = None) -> None:
        """Explain what the user looks at: the state_dict, the buffers (a buffer row is current), or parameters."""
        if self.table_model.state_view:
            text = STATE_DICT_EXPLANATION
        elif entry is not None and entry.kind in (BUFFER, BUFFERS):
            text = BUFFERS_EXPLANATION  # otherwise only a tooltip would say what persistent buffers are
        else:
            text = PARAMETER_CAPTION
        self.caption.setText(text)


def _tool_button(text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button
