"""The Parameters tab (objectName ``parameterTable``): every parameter and buffer of the live model.

One header row per block (click its arrow, or double-click it, to fold it),
one row per parameter name as ``model.named_parameters(remove_duplicate=False)``
gives it, a buffers section, a totals row, and a "state_dict view" that lists
exactly the keys of ``model.state_dict()``. The table follows every edit,
initialization, load and device move, keeping the selection and the scroll
position; bursts of changes (a dragged spin box) are coalesced into one
update every 50 ms at most.

Beside the table, the values pane (``tensorValues``) prints the current row's
tensor exactly as ``print(model[0].weight)`` does. :meth:`ParameterTable.show_blocks`
follows the canvas selection: it unfolds the selected blocks, selects their
rows and scrolls to them, without hiding any other row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.design.tree import Block, Group, Node, blocks
from editor.model.errors import PathError
from editor.model.project.project import Project
from editor.model.stats.parameters import BUFFERS_EXPLANATION, PLAIN_EXPLANATION, STATE_DICT_EXPLANATION
from editor.ui import theme
from editor.ui.i18n import QT_TRANSLATE_NOOP, catalog_text, keep_translated, on_language_change, translate
from editor.ui.panels.following import follow
from editor.ui.panels.parameters.cells import (
    BUFFER,
    BUFFERS,
    HEADER,
    PARAM,
    PLAIN,
    PLAINS,
    STATE,
    TOTAL,
    Column,
    Entry,
)
from editor.ui.panels.parameters.table_model import ParameterTableModel
from editor.ui.panels.parameters.values import Printed, TensorValues, access, prompt
from editor.ui.panels.parameters.view import WIDTHS, NameDelegate, ParameterView

PARAMETER_CAPTION = QT_TRANSLATE_NOOP(
    "ParameterTable",
    "Parameters by block, named as model.named_parameters(remove_duplicate=False) names them: each is an "
    "nn.Parameter, which parameters() lists and an optimizer trains (a plain tensor attribute is neither). Untick "
    "requires_grad to freeze one: an optimizer then leaves it alone (a shared tensor is frozen everywhere it is "
    "used).")
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
        self.view.setItemDelegateForColumn(Column.NAME, NameDelegate(self.view))
        self._setup_view()

        self.state_toggle = QCheckBox()
        self.state_toggle.setObjectName("stateDictToggle")
        keep_translated(self, self.state_toggle.setText, lambda: self.tr("state_dict view"))
        keep_translated(self, self.state_toggle.setToolTip, lambda: self.tr(
            "List exactly the keys of model.state_dict(): parameters and persistent buffers, a shared module's "
            "tensors once per place it is used."))
        self.state_toggle.toggled.connect(self.set_state_view)
        self.expand_button = _tool_button(lambda: self._fold_all(False))
        keep_translated(self, self.expand_button.setText, lambda: self.tr("Expand all"))
        keep_translated(self, self.expand_button.setToolTip, lambda: self.tr("Unfold every block"))
        self.collapse_button = _tool_button(lambda: self._fold_all(True))
        keep_translated(self, self.collapse_button.setText, lambda: self.tr("Collapse all"))
        keep_translated(self, self.collapse_button.setToolTip, lambda: self.tr("Fold every block to its header row"))
        self.values = TensorValues()
        self.values_button = _tool_button(self._toggle_values)
        keep_translated(self, self.values_button.setText, lambda: self.tr("Values"))
        keep_translated(self, self.values_button.setToolTip, lambda: self.tr(
            "Show or hide the values of the current tensor, as print() shows them"))
        self.values_button.setObjectName("tensorValuesToggle")
        self.values_button.setCheckable(True)
        self.values_button.setChecked(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(self.state_toggle)
        bar.addSpacing(12)
        bar.addWidget(self.expand_button)
        bar.addWidget(self.collapse_button)
        bar.addWidget(self.values_button)
        bar.addSpacing(12)
        self.caption = QLabel(translate("ParameterTable", PARAMETER_CAPTION))
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
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("parameterSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.values)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self, singleShot=True, interval=50)
        self._timer.timeout.connect(self.refresh_now)
        self._structure = self._values = self._weights = False
        self._last_selected: tuple[str, str] | None = None
        self._revealing = False  # show_blocks is choosing the rows: a canvas selection, not the user's pick here
        self._revealed: list[tuple] | None = None  # the rows show_blocks selected (keys)
        self._pending_scroll: tuple[QPersistentModelIndex, QPersistentModelIndex] | None = None
        self.view.toggle_requested.connect(self._toggle)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table_model.requires_grad_toggled.connect(self.requires_grad_toggled)
        on_language_change(self, self.retranslate)
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
        view.setColumnHidden(Column.BLOCK, True)  # by block, each row sits under its block's own header row

    def _bring_gradients_forward(self) -> None:
        """Show the grad column right after numel (once a backward pass has left gradients): at the end, after the
        values' statistics, it was out of sight at the window's usual width."""
        self._move_gradients(self.view.horizontalHeader().visualIndex(Column.NUMEL) + 1)

    def _put_gradients_back(self) -> None:
        """The grad column last again, as before any backward pass (another project: its tensors have no .grad)."""
        self._move_gradients(self.view.horizontalHeader().count() - 1)

    def _move_gradients(self, place: int) -> None:
        columns = self.view.horizontalHeader()
        if columns.visualIndex(Column.GRADIENT) != place:
            columns.moveSection(columns.visualIndex(Column.GRADIENT), place)

    # -------------------------------------------------------------- project
    def set_project(self, project: Project) -> None:
        """Show ``project`` and follow its events."""
        self.project = follow(self.project, project, self._handlers())
        self._timer.stop()
        self._structure = self._values = self._weights = False
        self._last_selected = None
        self._revealed = self._pending_scroll = None
        self.table_model.set_source(project)
        self._put_gradients_back()
        self._update_values()

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

    def gradients_changed(self) -> None:
        """A backward pass left new ``.grad`` tensors: show their norms and means (the grad column, brought
        forward)."""
        self._bring_gradients_forward()
        self.table_model.values_changed()

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
        self._update_values()  # printed again only when the tensor, its values, device or requires_grad changed

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
        self.view.setColumnHidden(Column.BLOCK, not on)  # a flat list of keys: which block each is in
        self._update_caption()
        self._update_values()
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
        self._update_values()
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
            if not self._revealing:  # the canvas chose these rows: the window already follows its selection
                self.parameter_selected.emit(*chosen)

    # ------------------------------------------------- the canvas selection
    def show_block(self, path: str | None) -> None:
        """Bring the block (or group) at ``path`` into view, as :meth:`show_blocks`; None lets go of it."""
        self.show_blocks([] if path is None else [path])

    def show_blocks(self, paths: Sequence[str]) -> None:
        """Follow the canvas selection: unfold these blocks (a group: its blocks), select their rows, scroll there.

        No row is hidden: the blocks' header and tensor rows are selected, the
        first header becomes the current row (unless the current row is one of
        them already) and the first block is scrolled to the top when it is not
        in view. :attr:`parameter_selected` is not emitted for this. An empty
        ``paths`` (nothing selected on the canvas) clears the selection it made;
        rows the user picked in the table since stay.
        """
        if self.project is None:
            return
        if self._timer.isActive():
            self.refresh_now()  # an edit selected a new block: its rows first
        ranges = self._block_ranges(self._blocks_at(paths))
        model, chooser = self.table_model, self.view.selectionModel()
        if not ranges:
            if self._revealed is not None and self._selected_keys() == self._revealed:
                chooser.clearSelection()
            self._revealed = None
            return
        selection = QItemSelection()
        for first, end in ranges:
            selection.select(model.index(first, 0), model.index(end, len(Column) - 1))
        current = self.view.currentIndex()
        self._revealing = True
        try:
            if not current.isValid() or not any(first <= current.row() <= end for first, end in ranges):
                chooser.setCurrentIndex(model.index(ranges[0][0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._revealing = False
        self._revealed = self._selected_keys()
        self._pending_scroll = (QPersistentModelIndex(model.index(ranges[0][0], 0)),
                                QPersistentModelIndex(model.index(ranges[0][1], 0)))
        if self.view.isVisible():
            self._scroll_to_revealed()

    def _blocks_at(self, paths: Sequence[str]) -> list[Node]:
        """The blocks at ``paths``, a group standing for every block in it; paths that are gone are skipped."""
        assert self.project is not None
        found: list[Node] = []
        for path in paths:
            try:
                node = self.project.node(path)
            except PathError:
                continue
            members = [node] if isinstance(node, Block) else list(blocks(node)) if isinstance(node, Group) else []
            found.extend(b for b in members if all(b is not f for f in found))
        return found

    def _block_ranges(self, nodes: list[Node]) -> list[tuple[int, int]]:
        """The (first, last) rows of each block's section, unfolded; in the state_dict view, its keys' rows."""
        model = self.table_model
        if model.state_view:
            assert self.project is not None
            wanted = {self.project.path_of(n) for n in nodes}
            if wanted:
                model.fetch_all()
            rows = [r for r, e in enumerate(model.entries()) if e.row is not None and e.row.path in wanted]
            return [(r, r) for r in rows]
        keys = [(HEADER, node) for node in nodes]
        for key, row in model.find_rows(keys).items():
            if model.is_collapsed(model.entry(row)):
                model.toggle(model.rows_of([key])[key])  # rows below move: look the header up again
        found = model.rows_of(keys)
        return sorted((found[k], model.section_end(found[k])) for k in keys if k in found)

    def _selected_keys(self) -> list[tuple]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.table_model.entry(r).key for r in rows]

    def _scroll_to_revealed(self) -> None:
        """Scroll the first revealed block to the top, unless all of it is in view already."""
        pending, self._pending_scroll = self._pending_scroll, None
        if pending is None or not pending[0].isValid():
            return
        view = self.view
        first, last = (view.model().index(p.row(), 0) for p in pending)
        area = view.viewport().rect()
        if not (area.contains(view.visualRect(first)) and area.contains(view.visualRect(last))):
            view.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtTop)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending_scroll is not None:  # chosen while the tab was hidden: scroll once the rows are laid out
            QTimer.singleShot(0, self._scroll_to_revealed)

    # ------------------------------------------------------------- values
    def _toggle_values(self) -> None:
        self.values.setVisible(self.values_button.isChecked())
        self._update_values()

    def _update_values(self) -> None:
        """Print the current row's tensor in the values pane (a block header: each of its parameters)."""
        if self.values.isHidden():  # nobody reads it: print when it is shown again
            self.values.show_message(prompt())
            return
        index = self.view.currentIndex()
        entry = self.table_model.entry(index.row()) if index.isValid() else None
        if entry is not None and entry.row is not None:
            row = entry.row
            if self.table_model.state_view:  # state_dict() holds detached tensors: no requires_grad in the text
                self.values.show_tensor(f"model.state_dict()[{row.name!r}]", row.tensor, detach=True)
            else:
                self.values.show_tensor(access(row.name, row.buffer), row.tensor)
        elif entry is not None and entry.kind == HEADER and entry.section is not None:
            section = entry.section
            owner = access(section.key) if section.key else "model"
            if section.rows:
                self.values.show_tensors(self.tr("{owner}: each parameter, printed").format(owner=owner),
                                         [Printed(access(r.name), r.tensor) for r in section.rows])
            else:
                self.values.show_message(self.tr("{owner} ({title}) has no parameters: {code} is [].").format(
                    owner=owner, title=section.title, code=f"list({owner}.parameters())"))
        else:
            self.values.show_message(prompt())

    def retranslate(self) -> None:
        """Headers, rows, caption and values pane in the current language."""
        self.table_model.retranslate()
        index = self.view.currentIndex()
        self._update_caption(self.table_model.entry(index.row()) if index.isValid() else None)
        self._update_values()

    def _update_caption(self, entry: Entry | None = None) -> None:
        """Explain what the user looks at: the state_dict, the buffers (a buffer row is current), or parameters."""
        if self.table_model.state_view:
            text = catalog_text(STATE_DICT_EXPLANATION)
        elif entry is not None and entry.kind in (BUFFER, BUFFERS):
            text = catalog_text(BUFFERS_EXPLANATION)  # otherwise only a tooltip would say what persistent buffers are
        elif entry is not None and entry.kind in (PLAIN, PLAINS):
            text = catalog_text(PLAIN_EXPLANATION)  # the lesson: it looks like a parameter, but it is not one
        else:
            text = translate("ParameterTable", PARAMETER_CAPTION)
        self.caption.setText(text)


def _tool_button(slot: Callable[[], object]) -> QToolButton:
    """A flat tool button that calls ``slot`` (its text and tooltip are set where it is made)."""
    button = QToolButton()
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button
