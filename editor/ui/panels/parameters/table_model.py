"""The parameter table's Qt model: rows over the live model, grouped by block, made lazily.

Rows come from a :class:`~editor.model.stats.parameters.ParameterListing` one
block at a time: the model holds only the rows fetched so far
(``canFetchMore``/``fetchMore``), so a design with ten thousand tensors opens
as fast as a small one. Every value is read from the live tensor when a cell
is painted; statistics come from a :class:`StatsCache` (large tensors in a
worker thread). Ticking ``requires_grad`` never changes a tensor here: it
emits :attr:`ParameterTableModel.requires_grad_toggled`, which the window
turns into an undoable command.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from torch import nn

from editor.model.project.project import Project
from editor.model.stats.parameters import ParameterListing, TensorRow, Totals
from editor.ui import theme
from editor.ui.i18n import translate
from editor.ui.panels.parameters import text
from editor.ui.panels.parameters.cells import (
    BUFFER,
    BUFFERS,
    HEADER,
    HEADER_TIPS,
    HEADERS,
    NUMERIC,
    PARAM,
    PLAIN,
    PLAINS,
    STATE,
    STATE_TOTAL,
    STATS,
    TOTAL,
    Column,
    Entry,
    number,
    section_key,
)
from editor.ui.panels.parameters.stats import PENDING, StatsCache

Index = QModelIndex | QPersistentModelIndex
_BUFFERS_KEY = "buffers"
_PLAINS_KEY = "plains"
WARNING = QColor("#B26B00")
"""Plain tensor attributes are written in this colour: they look like parameters but are not."""
_ROLE = Qt.ItemDataRole


class ParameterTableModel(QAbstractTableModel):
    """Parameters (grouped by block, collapsible), buffers and totals; or the keys of ``state_dict()``."""

    requires_grad_toggled = Signal(str, str, bool)
    """A requires_grad box was ticked: (block path, parameter name inside the block or "" for all, new flag)."""

    BATCH = 200
    """Rows fetched at a time."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.source: Project | nn.Module | None = None
        self.listing: ParameterListing | None = None
        self.state_view = False
        self._entries: list[Entry] = []
        self._chunks: Iterator[list[Entry]] | None = None
        self._collapse_default = False
        self._toggled: set[object] = set()  # sections whose fold state differs from the default
        self._totals: Totals | None = None
        self._plain: list[TensorRow] | None = None
        self.stats = StatsCache(self)
        self.stats.ready.connect(self._stats_arrived)

    # ---------------------------------------------------------------- source
    def set_source(self, source: Project | nn.Module | None) -> None:
        """Show ``source`` (a Project, or any module); folds and cached statistics start afresh."""
        self.source = source
        self._toggled.clear()
        self._collapse_default = False
        self.stats.clear()
        self.rebuild()

    def set_state_view(self, on: bool) -> None:
        """List exactly the keys of ``model.state_dict()`` (True) or the parameters by block (False)."""
        if bool(on) != self.state_view:
            self.state_view = bool(on)
            self.rebuild()

    def rebuild(self, min_rows: int = 0) -> None:
        """Read the model again (its structure changed), keeping at least ``min_rows`` rows fetched."""
        self.beginResetModel()
        self.listing = ParameterListing(self.source) if self.source is not None else None
        self._totals = None
        self._plain = None
        self._entries = []
        self._chunks = self._generate()
        self._entries.extend(self._pull(max(min_rows, self.BATCH)))
        self.endResetModel()

    def values_changed(self) -> None:
        """Values, devices or requires_grad changed (not the structure): repaint every cell."""
        self._totals = None
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, len(Column) - 1))

    def weights_changed(self) -> None:
        """Parameter values changed: statistics are computed again."""
        self.stats.clear()
        self.values_changed()

    def _stats_arrived(self) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0, Column.MEAN), self.index(len(self._entries) - 1, len(Column) - 1))

    # ------------------------------------------------------------- the rows
    def _generate(self) -> Iterator[list[Entry]]:
        listing = self.listing
        if listing is None:
            return
        if self.state_view:
            rows = listing.state_dict_rows()
            yield [Entry(STATE_TOTAL)]
            for start in range(0, len(rows), 64):
                yield [Entry(STATE, row) for row in rows[start:start + 64]]
            return
        yield [Entry(TOTAL)]
        for section in listing.sections():
            yield self._section_entries(Entry(HEADER, section=section))
        if listing.buffer_rows():
            yield self._section_entries(Entry(BUFFERS))
        if self.plain_rows():
            yield self._section_entries(Entry(PLAINS))

    def _children(self, header: Entry) -> list[Entry]:
        if header.kind == BUFFERS:
            assert self.listing is not None
            return [Entry(BUFFER, row) for row in self.listing.buffer_rows()]
        if header.kind == PLAINS:
            return [Entry(PLAIN, row) for row in self.plain_rows()]
        assert header.section is not None
        return [Entry(PARAM, row, header.section) for row in header.section.rows]

    def _section_entries(self, header: Entry) -> list[Entry]:
        return [header] if self.is_collapsed(header) else [header, *self._children(header)]

    def _pull(self, count: int) -> list[Entry]:
        """The next whole blocks, at least ``count`` rows of them (fewer when none are left)."""
        taken: list[Entry] = []
        while self._chunks is not None and len(taken) < count:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._chunks = None
            else:
                taken.extend(chunk)
        return taken

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt override
        return not parent.isValid() and self._chunks is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt override
        if parent.isValid() or self._chunks is None:
            return
        taken = self._pull(self.BATCH)
        if taken:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(taken) - 1)
            self._entries.extend(taken)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Materialize every row (tests; 'expand all' on a small design)."""
        while self._chunks is not None:
            self.fetchMore()

    def entry(self, row: int) -> Entry:
        """The row at ``row``."""
        return self._entries[row]

    def entries(self) -> list[Entry]:
        """The rows fetched so far (a copy)."""
        return list(self._entries)

    def rows_of(self, keys: Iterable[tuple]) -> dict[tuple, int]:
        """The current row of each of ``keys`` (see :attr:`Entry.key`) that is among the fetched rows."""
        wanted = set(keys)
        found: dict[tuple, int] = {}
        for row, entry in enumerate(self._entries):
            key = entry.key
            if key in wanted and key not in found:
                found[key] = row
        return found

    def find_rows(self, keys: Iterable[tuple]) -> dict[tuple, int]:
        """Like :meth:`rows_of`, fetching more rows until every key is found (or no rows are left to fetch)."""
        wanted = set(keys)
        found = self.rows_of(wanted)
        while len(found) < len(wanted) and self._chunks is not None:
            self.fetchMore()
            found = self.rows_of(wanted)
        return found

    def section_end(self, row: int) -> int:
        """The last row of the section whose header is at ``row`` (the header itself when folded or empty)."""
        end = row
        while end + 1 < len(self._entries) and self._entries[end + 1].kind in (PARAM, BUFFER, PLAIN):
            end += 1
        return end

    def span_rows(self) -> list[int]:
        """Rows whose text runs across the whole table (totals, the buffers header)."""
        return [row for row, e in enumerate(self._entries) if e.kind in (TOTAL, STATE_TOTAL, BUFFERS, PLAINS)]

    def plain_rows(self) -> list[TensorRow]:
        """The custom layers' plain tensor attributes (read once per rebuild: the design's structure)."""
        if self._plain is None:
            self._plain = self.listing.plain_rows() if self.listing is not None else []
        return self._plain

    @property
    def totals(self) -> Totals | None:
        """Counts over the whole model (made when first painted, again after changes)."""
        if self._totals is None and self.listing is not None:
            self._totals = self.listing.totals()
        return self._totals

    # ------------------------------------------------------------ folding
    def is_collapsed(self, header: Entry) -> bool:
        """Whether the block (or buffers or plain-tensors section) of this header row is folded."""
        return self._collapse_default != (_fold_key(header) in self._toggled)

    def toggle(self, row: int) -> None:
        """Fold or unfold the block (or the buffers section) whose header is at ``row``."""
        header = self._entries[row]
        if header.kind not in (HEADER, BUFFERS, PLAINS):
            return
        key = _fold_key(header)
        collapsed = self.is_collapsed(header)
        self._toggled ^= {key}
        children = self._children(header)
        if collapsed and children:
            self.beginInsertRows(QModelIndex(), row + 1, row + len(children))
            self._entries[row + 1:row + 1] = children
            self.endInsertRows()
        elif children:
            self.beginRemoveRows(QModelIndex(), row + 1, row + len(children))
            del self._entries[row + 1:row + 1 + len(children)]
            self.endRemoveRows()
        first = self.index(row, 0)
        self.dataChanged.emit(first, first)

    def set_all_collapsed(self, collapsed: bool) -> None:
        """Fold (or unfold) every block."""
        self._collapse_default = bool(collapsed)
        self._toggled.clear()
        self.rebuild()

    # ---------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == _ROLE.DisplayRole:
            return translate("ParameterTable", HEADERS[section])
        if role == _ROLE.ToolTipRole:
            return translate("ParameterTable", HEADER_TIPS[section])
        if role == _ROLE.TextAlignmentRole:
            right = section in NUMERIC
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        """The language changed: every header and cell says its words again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(Column) - 1))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.GRAD and self._checkable(self._entries[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _checkable(self, entry: Entry) -> bool:
        if entry.kind == HEADER:
            return True
        if entry.kind == PLAIN:
            return False  # not a parameter: autograd never trains it, so there is nothing to freeze
        return entry.row is not None and entry.row.requires_grad is not None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == _ROLE.DisplayRole:
            return self._display(entry, column)
        if role == _ROLE.CheckStateRole:
            return self._check(entry) if column == Column.GRAD and self._checkable(entry) else None
        if role == _ROLE.ToolTipRole:
            return text.tooltip(entry, column, self)
        if role == _ROLE.TextAlignmentRole:
            right = column in NUMERIC and entry.kind not in (TOTAL, STATE_TOTAL, BUFFERS, PLAINS)
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == _ROLE.FontRole:
            bold = entry.kind in (HEADER, TOTAL, STATE_TOTAL, BUFFERS, PLAINS)
            mono = column in NUMERIC and entry.kind not in (TOTAL, STATE_TOTAL, BUFFERS, PLAINS)
            return theme.font(0, bold=bold and column in (Column.NAME, Column.NUMEL), mono=mono)
        if role == _ROLE.ForegroundRole:
            return self._foreground(entry, column)
        if role == _ROLE.BackgroundRole:
            return self._background(entry)
        return None

    def _display(self, entry: Entry, column: Column) -> str | None:
        if entry.row is None:
            return text.summary(entry, column, self)
        if column in STATS:
            stats = self.stats.get(entry.row.tensor)
            if stats is PENDING:
                return "…"
            return "—" if stats is None else number(getattr(stats, column.name.lower()))
        if column == Column.GRADIENT:
            return self._gradient(entry.row.tensor)
        return text.cell(entry, column)

    def _gradient(self, tensor: Any) -> str:
        """``.grad``'s norm and mean, from the same (off-thread for big tensors) statistics as the values'."""
        grad = getattr(tensor, "grad", None)
        if grad is None:
            return "—"
        stats = self.stats.get(grad)
        if stats is PENDING:
            return "…"
        if stats is None:
            return "—"
        n = grad.numel()
        spread = stats.std**2 * (n - 1) if n > 1 else 0.0  # one value has no (unbiased) std: NaN, and no spread
        squares = spread + n * stats.mean**2  # Σg² from mean and unbiased std
        return f"{number(max(squares, 0.0) ** 0.5)}, {number(stats.mean)}"

    def _check(self, entry: Entry) -> Qt.CheckState:
        if entry.kind == HEADER:
            assert entry.section is not None
            flags = {row.tensor.requires_grad for row in entry.section.rows}
            if flags == {True}:
                return Qt.CheckState.Checked
            return Qt.CheckState.Unchecked if flags == {False} else Qt.CheckState.PartiallyChecked
        assert entry.row is not None
        return Qt.CheckState.Checked if entry.row.requires_grad else Qt.CheckState.Unchecked

    def _foreground(self, entry: Entry, column: Column) -> QColor | None:
        if entry.kind == PLAINS or (entry.kind == PLAIN and column in (Column.NAME, Column.GRAD)):
            return WARNING
        if entry.row is not None and entry.row.buffer and column == Column.GRAD:
            return theme.muted()
        if column in (Column.BLOCK, Column.SHARED, Column.DEVICE, Column.DTYPE) and entry.kind != HEADER:
            return theme.muted()
        if entry.kind == HEADER and column not in (Column.NAME, Column.GRAD):
            return theme.muted()
        return None

    def _background(self, entry: Entry) -> QColor | None:
        if entry.kind in (HEADER, BUFFERS):
            return theme.mix(theme.base(), theme.ACCENT, 0.07)
        if entry.kind == PLAINS:
            return theme.mix(theme.base(), WARNING, 0.12)
        if entry.kind == PLAIN:
            return theme.mix(theme.base(), WARNING, 0.05)
        if entry.kind in (TOTAL, STATE_TOTAL):
            return theme.mix(theme.base(), theme.text(), 0.06)
        return None

    def setData(self, index: Index, value: Any, role: int = _ROLE.EditRole) -> bool:  # noqa: N802 - Qt override
        if role != _ROLE.CheckStateRole or index.column() != Column.GRAD or not index.isValid():
            return False
        entry = self._entries[index.row()]
        if not self._checkable(entry):
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        flag = state == Qt.CheckState.Checked.value
        if entry.kind == HEADER:
            assert entry.section is not None
            self.requires_grad_toggled.emit(entry.section.path, "", flag)
        else:
            assert entry.row is not None
            self.requires_grad_toggled.emit(entry.row.path, entry.row.local, flag)
        self.values_changed()  # a shared tensor shows in other rows too
        return True


def _fold_key(header: Entry) -> object:
    """What a header row's fold state is kept under: its block, or the buffers or plain-tensors section."""
    if header.kind == BUFFERS:
        return _BUFFERS_KEY
    if header.kind == PLAINS:
        return _PLAINS_KEY
    return section_key(header.section)
