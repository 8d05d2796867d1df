"""The palette: the catalog by category, a search box, drag to the canvas, and quick-add (Ctrl+K)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.model import catalog
from editor.ui import icons

KIND_MIME = "application/x-layerlab-kind"
"""Palette drags carry only the layer kind's name, in this MIME type."""

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def kind_tooltip(kind: catalog.LayerKind) -> str:
    """The one-line description and the parameter-count formula, as rich text."""
    count = kind.formula_text if kind.param_count != "0" else "no parameters"
    return (f"<b>{kind.name}</b> <span style='color:gray'>({kind.category})</span><br>{kind.description}"
            f"<br><br><i>Parameters:</i> {count}")


def kind_mime(name: str) -> QMimeData:
    """Drag data for a palette kind."""
    data = QMimeData()
    data.setData(KIND_MIME, name.encode("utf-8"))
    data.setText(name)
    return data


class _CatalogModel(QStandardItemModel):
    """Categories and their kinds; kinds drag out as :data:`KIND_MIME`."""

    def __init__(self) -> None:
        super().__init__()
        bold = QFont()
        bold.setWeight(QFont.Weight.DemiBold)
        for category in catalog.categories():
            head = QStandardItem(icons.category_icon(category.name), category.name)
            head.setFont(bold)
            head.setToolTip(category.description)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(category.name + " " + category.description, SEARCH_ROLE)
            for kind in catalog.kinds_in(category.name):
                item = QStandardItem(kind.name)
                item.setData(kind.name, KIND_ROLE)
                item.setData(f"{kind.name} {kind.category} {kind.description}", SEARCH_ROLE)
                item.setToolTip(kind_tooltip(kind))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                head.appendRow(item)
            self.appendRow(head)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [KIND_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt override
        names = [i.data(KIND_ROLE) for i in indexes if i.data(KIND_ROLE)]
        return kind_mime(names[0] if names else "")


class _Filter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)


class Palette(QWidget):
    """The layer palette (objectName ``palette``)."""

    kind_activated = Signal(str)
    """A kind was double-clicked (or chosen with Enter): insert it after the selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.search = QLineEdit(placeholderText="Search layers…")
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("paletteSearch")
        self.model = _CatalogModel()
        self.proxy = _Filter()
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setObjectName("paletteTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.expandAll()
        hint = QLabel("Drag a layer onto the canvas, or double-click to add it after the selection.")
        hint.setWordWrap(True)
        hint.setObjectName("paletteHint")
        hint.setStyleSheet("color: palette(mid); font-size: 9pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._activate_first)
        self.tree.doubleClicked.connect(self._activate)

    def clear_search(self) -> None:
        """Show the whole catalog again (another project was opened: an old search would only hide layers)."""
        self.search.clear()
        self.tree.collapseAll()
        self.tree.expandAll()
        self.tree.clearSelection()
        self.tree.scrollToTop()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def visible_kinds(self) -> list[str]:
        """Kind names shown now (after filtering), in order."""
        names = []
        for row in range(self.proxy.rowCount()):
            head = self.proxy.index(row, 0)
            for sub in range(self.proxy.rowCount(head)):
                names.append(self.proxy.index(sub, 0, head).data(KIND_ROLE))
        return names

    def _activate(self, index: QModelIndex) -> None:
        name = index.data(KIND_ROLE)
        if name:
            self.kind_activated.emit(name)

    def _activate_first(self) -> None:
        names = self.visible_kinds()
        if names:
            self.kind_activated.emit(names[0])


class QuickAdd(QDialog):
    """A popup to pick a layer kind by typing: Ctrl+K inserts it after the selection; Replace with… swaps it in.

    ``prompt`` is the search field's placeholder, saying what the choice is for.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, prompt: str = "Add a layer: type its name, press Enter",
                 name: str = "quickAdd") -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName(name)
        self.setMinimumWidth(360)
        self.edit = QLineEdit(placeholderText=prompt)
        self.title = QLabel()
        self.title.setObjectName("quickAddTitle")
        self.title.setVisible(False)
        self.list = QListWidget()
        self.list.setMaximumHeight(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self._refresh)
        self.edit.returnPressed.connect(self._choose)
        self.list.itemActivated.connect(lambda item: self._choose())
        self.edit.installEventFilter(self)
        self._refresh("")

    def _refresh(self, text: str) -> None:
        self.list.clear()
        for kind in catalog.search(text):
            item = QListWidgetItem(icons.category_icon(kind.category), f"{kind.name}  —  {kind.description}")
            item.setData(KIND_ROLE, kind.name)
            item.setToolTip(kind_tooltip(kind))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if watched is self.edit and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Up):
            row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
            return True
        return super().eventFilter(watched, event)

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(KIND_ROLE))
            self.accept()

    def open_at(self, widget: QWidget, title: str = "") -> None:
        """Show centred near the top of ``widget``, with an empty search, under ``title`` when one is given."""
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.edit.clear()
        center = widget.mapToGlobal(widget.rect().center())
        self.move(center.x() - self.width() // 2, widget.mapToGlobal(widget.rect().topLeft()).y() + 60)
        self.show()
        self.edit.setFocus()
