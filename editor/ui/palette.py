"""The palette: the catalog by category, a search box, drag to the canvas, and quick-add (Ctrl+K).

Its last section, "My blocks", lists the learner's own layers and blocks: the
open project's definitions and those of the user's library
(:meth:`Palette.set_my_blocks`, given :class:`MyBlock` entries by the window).
They drag and double-click like any layer (the drag carries only the name);
their context menu asks to edit, remove, or save them to (or remove them from)
the library, as signals the window turns into commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.model import catalog
from editor.ui import icons
from editor.ui.i18n import catalog_text, keep_translated, on_language_change, translate

KIND_MIME = "application/x-layerlab-kind"
"""Palette drags carry only the layer kind's name, in this MIME type."""

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
MY_BLOCK_ROLE = Qt.ItemDataRole.UserRole + 3
"""On a "My blocks" row: its :class:`MyBlock`."""


@dataclass(frozen=True)
class MyBlock:
    """One row of "My blocks": a definition of the open project, of the user's library, or of both."""

    name: str
    summary: str
    """What it is, in a few words of code: ``x - x.mean()``, ``Linear, ReLU, Linear``."""
    is_block: bool
    """A composite block (else a custom layer)."""
    in_project: bool
    in_library: bool
    description: str = ""
    """What the learner wrote about it (shown as they wrote it, never translated)."""


def kind_tooltip(kind: catalog.LayerKind) -> str:
    """The one-line description and the parameter-count formula, as rich text (in the current language)."""
    count = catalog_text(kind.formula_text) if kind.param_count != "0" else translate("Palette", "no parameters")
    heading = translate("Palette", "Parameters:")
    return (f"<b>{kind.name}</b> <span style='color:gray'>({catalog_text(kind.category)})</span><br>"
            f"{catalog_text(kind.description)}<br><br><i>{heading}</i> {count}")


def search_text(kind: catalog.LayerKind) -> str:
    """What a search looks in: the name, category and description, in English and in the current language."""
    english = f"{kind.name} {kind.category} {kind.description}"
    return f"{english} {catalog_text(kind.category)} {catalog_text(kind.description)}"


def search_kinds(text: str) -> list[catalog.LayerKind]:
    """The catalog's search, then kinds whose category or description match in the current language."""
    found = catalog.search(text)
    needle = text.strip().lower()
    return found + [k for k in catalog.kinds() if k not in found and needle in search_text(k).lower()]


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
        self._heads: list[tuple[QStandardItem, catalog.Category]] = []
        self._items: list[tuple[QStandardItem, catalog.LayerKind]] = []
        for category in catalog.categories():
            head = QStandardItem(icons.category_icon(category.name), category.name)
            head.setFont(bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._heads.append((head, category))
            for kind in catalog.kinds_in(category.name):
                item = QStandardItem(kind.name)
                item.setData(kind.name, KIND_ROLE)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                self._items.append((item, kind))
                head.appendRow(item)
            self.appendRow(head)
        self.my_head = QStandardItem(icons.category_icon(catalog.CUSTOM_CATEGORY.name), "")
        self.my_head.setFont(bold)
        self.my_head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.my_blocks: list[MyBlock] = []
        self.appendRow(self.my_head)
        self.set_my_blocks([])

    def set_my_blocks(self, entries: Sequence[MyBlock]) -> None:
        """Show ``entries`` under "My blocks" (a hint on how to make one when there are none)."""
        self.my_blocks = list(entries)
        self.my_head.removeRows(0, self.my_head.rowCount())
        for entry in self.my_blocks:
            item = QStandardItem(entry.name)
            item.setData(entry.name, KIND_ROLE)
            item.setData(entry, MY_BLOCK_ROLE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            if not entry.in_project:  # only in the library: quieter until it is used here
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.my_head.appendRow(item)
        if not self.my_blocks:
            hint = QStandardItem("")
            hint.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.my_head.appendRow(hint)
        self.retranslate()

    def retranslate(self) -> None:
        """Category names, descriptions and tooltips in the current language (kind names stay torch's)."""
        for head, category in self._heads:
            head.setText(catalog_text(category.name))
            head.setToolTip(catalog_text(category.description))
            head.setData(f"{category.name} {category.description} {head.text()} {head.toolTip()}", SEARCH_ROLE)
        for item, kind in self._items:
            item.setData(search_text(kind), SEARCH_ROLE)
            item.setToolTip(kind_tooltip(kind))
        custom = catalog.CUSTOM_CATEGORY
        head = self.my_head
        head.setText(catalog_text(custom.name))
        head.setToolTip(catalog_text(custom.description))
        head.setData(f"{custom.name} {custom.description} {head.text()} {head.toolTip()}", SEARCH_ROLE)
        for row in range(head.rowCount()):
            item = head.child(row)
            entry = item.data(MY_BLOCK_ROLE)
            if isinstance(entry, MyBlock):
                item.setToolTip(my_block_tooltip(entry))
                item.setData(f"{entry.name} {entry.summary} {entry.description} {custom.name} {head.text()}",
                             SEARCH_ROLE)
            else:
                item.setText(translate("Palette", "None yet: Layer → New Custom Layer…"))
                item.setToolTip(translate("Palette", "Your own layers appear here. Make one with Layer → New "
                                          "Custom Layer…, or select a group and use Layer → Make Reusable "
                                          "Block…"))
                item.setData(f"{custom.name} {head.text()}", SEARCH_ROLE)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [KIND_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt override
        names = [i.data(KIND_ROLE) for i in indexes if i.data(KIND_ROLE)]
        return kind_mime(names[0] if names else "")


def my_block_tooltip(entry: MyBlock) -> str:
    """What a "My blocks" row is and where it is kept, as rich text (in the current language)."""
    what = (translate("Palette", "Your block: {summary}") if entry.is_block
            else translate("Palette", "Your layer: forward(x) = {summary}")).format(summary=_html(entry.summary))
    if entry.in_project and entry.in_library:
        where = translate("Palette", "In this project and saved in your library.")
    elif entry.in_project:
        where = translate("Palette", "In this project (not in your library).")
    else:
        where = translate("Palette", "In your library: adding it puts its definition into this project.")
    about = f"<br>{_html(entry.description)}" if entry.description else ""
    heading = catalog_text(catalog.CUSTOM_CATEGORY.name)
    return (f"<b>{entry.name}</b> <span style='color:gray'>({heading})</span><br>{what}{about}<br><br><i>{where}"
            f"</i><br>" + translate("Palette", "Right-click to edit, remove or save it."))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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

    new_definition_requested = Signal()
    """Make a new custom layer (the "My blocks" context menu)."""

    edit_definition_requested = Signal(str)
    """Edit the definition of this name (the project's, else the library's)."""

    remove_definition_requested = Signal(str)
    """Remove this definition from the project (refused in words while blocks use it)."""

    save_to_library_requested = Signal(str)
    """Save the project's definition of this name to the user's library."""

    remove_from_library_requested = Signal(str)
    """Delete this definition from the user's library (the project keeps its own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.search = QLineEdit()
        keep_translated(self, self.search.setPlaceholderText, lambda: self.tr("Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("paletteSearch")
        self.model = _CatalogModel()
        on_language_change(self, self.model.retranslate)
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
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        hint = QLabel()
        keep_translated(self, hint.setText, lambda: self.tr(
            "Drag a layer onto the canvas, or double-click to add it after the selection."))
        hint.setWordWrap(True)
        hint.setObjectName("paletteHint")
        hint.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")  # quiet in light and dark
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
        """Kind names shown now (after filtering), in order ("My blocks" last)."""
        names = []
        for row in range(self.proxy.rowCount()):
            head = self.proxy.index(row, 0)
            for sub in range(self.proxy.rowCount(head)):
                name = self.proxy.index(sub, 0, head).data(KIND_ROLE)
                if name:
                    names.append(name)
        return names

    # ------------------------------------------------------------ My blocks
    def set_my_blocks(self, entries: Sequence[MyBlock]) -> None:
        """List ``entries`` under "My blocks" (the project's definitions and the library's)."""
        self.model.set_my_blocks(entries)
        self.tree.expand(self.proxy.mapFromSource(self.model.my_head.index()))

    def my_blocks(self) -> list[MyBlock]:
        """The entries "My blocks" lists now (unfiltered)."""
        return list(self.model.my_blocks)

    def my_block_index(self, name: str) -> QModelIndex:
        """The tree index of the "My blocks" row called ``name`` (invalid when it is not shown)."""
        head = self.model.my_head
        for row in range(head.rowCount()):
            entry = head.child(row).data(MY_BLOCK_ROLE)
            if isinstance(entry, MyBlock) and entry.name == name:
                return self.proxy.mapFromSource(head.child(row).index())
        return QModelIndex()

    def reveal(self, name: str) -> None:
        """Scroll to the "My blocks" row ``name`` and select it (a definition was just made)."""
        index = self.my_block_index(name)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def definition_menu(self, entry: MyBlock | None) -> QMenu:
        """The context menu of a "My blocks" row (``None``: of the section itself)."""
        menu = QMenu(self)
        menu.setObjectName("myBlocksMenu")
        new = menu.addAction(self.tr("New Custom Layer…"))
        new.setObjectName("paletteNewCustomLayer")
        new.triggered.connect(self.new_definition_requested)
        if entry is None:
            return menu
        menu.addSeparator()
        name = entry.name
        edit = menu.addAction(self.tr("Edit Definition…"))
        edit.setObjectName("paletteEditDefinition")
        edit.triggered.connect(lambda: self.edit_definition_requested.emit(name))
        remove = menu.addAction(self.tr("Remove from Project"))
        remove.setObjectName("paletteRemoveDefinition")
        remove.setEnabled(entry.in_project)
        remove.triggered.connect(lambda: self.remove_definition_requested.emit(name))
        menu.addSeparator()
        save = menu.addAction(self.tr("Update in My Library") if entry.in_library else self.tr("Save to My Library"))
        save.setObjectName("paletteSaveToLibrary")
        save.setEnabled(entry.in_project)
        save.triggered.connect(lambda: self.save_to_library_requested.emit(name))
        unsave = menu.addAction(self.tr("Remove from My Library"))
        unsave.setObjectName("paletteRemoveFromLibrary")
        unsave.setEnabled(entry.in_library)
        unsave.triggered.connect(lambda: self.remove_from_library_requested.emit(name))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        source = self.proxy.mapToSource(index) if index.isValid() else QModelIndex()
        item = self.model.itemFromIndex(source) if source.isValid() else None
        if item is None or (item is not self.model.my_head and item.parent() is not self.model.my_head):
            return
        entry = item.data(MY_BLOCK_ROLE)
        menu = self.definition_menu(entry if isinstance(entry, MyBlock) else None)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(position))

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

    ``prompt`` is the search field's placeholder, saying what the choice is for
    (empty: "Add a layer…", in the current language); :meth:`set_hint` changes it.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, prompt: str = "", name: str = "quickAdd") -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName(name)
        self.setMinimumWidth(360)
        self.edit = QLineEdit(placeholderText=prompt)
        if not prompt:
            keep_translated(self, self.set_hint, lambda: self.tr("Add a layer: type its name, press Enter"))
        on_language_change(self, lambda: self._refresh(self.edit.text()))
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

    def set_hint(self, prompt: str) -> None:
        """The search field's placeholder: what the choice is for."""
        self.edit.setPlaceholderText(prompt)

    def _refresh(self, text: str) -> None:
        self.list.clear()
        for kind in search_kinds(text):
            item = QListWidgetItem(icons.category_icon(kind.category),
                                   f"{kind.name}  —  {catalog_text(kind.description)}")
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
