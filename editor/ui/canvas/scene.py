"""The canvas scene: one item per block and group, kept in step with the Project by its events.

The scene keeps its own tree of items that mirrors the design. Each Project
event names a path that is valid in that mirror at the moment the event
arrives (an insert's new path, a removal's old one), so the scene applies the
same change to its mirror and touches only the items involved. There is no
full rebuild after an edit; a relayout only moves the items that shifted.

Items never call the scene: they emit on the scene's :class:`ItemSignals`
hub (``item_signals``), which the scene listens to here.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from editor.model.catalog.shape_rules import fmt
from editor.model.design.tree import Block, Group, Node, path_key, paths
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.canvas.decorations import EmptyHint, EndpointItem, InsertionMarker, ReplaceMarker, ShareLinks
from editor.ui.canvas.drop_targets import DropTargets
from editor.ui.canvas.items import GAP, HEADER, MARGIN, PAD, WIDTH, BlockItem, GroupItem, ItemSignals, NodeItem
from editor.ui.i18n import on_language_change


class CanvasScene(DropTargets, QGraphicsScene):
    """Items for the design of one Project."""

    fix_requested = Signal(object)
    """The fix button of a block was clicked (carries the block's node)."""

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items move often; few hit tests
        self.project = project
        self.item_signals = ItemSignals(self)
        self.item_signals.collapse_clicked.connect(self.toggle_collapsed)
        self.item_signals.fix_clicked.connect(self.fix_requested)
        self.item_signals.hover_changed.connect(self.highlight_shared)
        self.width = float(WIDTH)
        self.top: list[NodeItem] = []
        self.items_by_node: dict[Node, NodeItem] = {}
        self.input_item = EndpointItem("input")
        self.output_item = EndpointItem("output")
        self.marker = InsertionMarker()
        self.replace_marker = ReplaceMarker()
        self.links = ShareLinks()
        self.hint = EmptyHint()
        self._had_links = False
        self._linked: list[BlockItem] = []  # the blocks lit up by highlight_shared
        self._origins: dict[Node, tuple[Node, bool]] = {}  # copy → (original, fresh weights): see note_origins
        for item in (self.input_item, self.output_item, self.marker, self.replace_marker, self.links, self.hint):
            self.addItem(item)
        self._connect()
        self.rebuild()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Every item's words again, in the current language."""
        for item in self.items_by_node.values():
            item.refresh()
        self._on_edited()
        self.hint.update()

    def refresh_training_modes(self) -> None:
        """Blocks whose module went to eval mode or back (the Run tab's switch, a script) say so again."""
        for item in self.items_by_node.values():
            if isinstance(item, BlockItem) and item.shows_eval != (item.block.layer.module.training is False):
                item.refresh()

    # ----------------------------------------------------------- wiring
    def _handlers(self) -> dict[str, object]:
        return {
            "inserted": self._on_inserted, "removed": self._on_removed, "changed": self._on_changed,
            "moved": self._on_moved, "grouped": self._on_grouped, "ungrouped": self._on_ungrouped,
            "shapes_changed": self._on_shapes, "settings_changed": self._on_settings, "reset": self.rebuild,
            "collapsed": self._on_collapsed, "weights_changed": self._on_weights, "edited": self._on_edited,
        }

    def _connect(self) -> None:
        for name, handler in self._handlers().items():
            getattr(self.project.events, name).connect(handler)

    def detach(self) -> None:
        """Stop following the project (the scene is about to be dropped)."""
        for name, handler in self._handlers().items():
            getattr(self.project.events, name).disconnect(handler)

    # ------------------------------------------------------------ items
    def _make(self, node: Node, depth: int, parent: GroupItem | None) -> NodeItem:
        if isinstance(node, Group):
            item: NodeItem = GroupItem(node, depth, self.item_signals, parent)
            for child in node.children:
                item.child_items.append(self._make(child, depth + 1, item))  # type: ignore[attr-defined]
        else:
            item = BlockItem(node, self.item_signals, parent)  # type: ignore[arg-type]
        if parent is None:
            self.addItem(item)
        self.items_by_node[node] = item
        if node in self._origins:
            item.set_origin(self._origin_text(node))
        return item

    def _forget(self, item: NodeItem) -> None:
        self.items_by_node.pop(item.node, None)
        if isinstance(item, GroupItem):
            for child in item.child_items:
                self._forget(child)

    def rebuild(self) -> None:
        """Make every item afresh (a new or reloaded design)."""
        for item in self.top:
            self._forget(item)
            self.removeItem(item)
        self.top = [self._make(node, 0, None) for node in self.project.root.children]
        self._on_settings("input_shape")
        self.relayout()

    def _siblings(self, path: str) -> tuple[list[NodeItem], GroupItem | None, int]:
        """The mirror's list that holds ``path``, the group item owning it, and the index."""
        parts = [int(p) for p in path.split(".")]
        items, owner = self.top, None
        for i in parts[:-1]:
            owner = items[i]
            items = owner.child_items  # type: ignore[union-attr]
        return items, owner, parts[-1]  # type: ignore[return-value]

    def item_at_path(self, path: str) -> NodeItem:
        items, _, index = self._siblings(path)
        return items[index]

    def _depth(self, owner: GroupItem | None) -> int:
        return 0 if owner is None else owner.depth + 1

    def _attach(self, item: NodeItem, owner: GroupItem | None) -> None:
        if owner is None:
            if item.scene() is None:
                self.addItem(item)
            item.setParentItem(None)
        else:
            item.setParentItem(owner)
        self._set_depth(item, self._depth(owner))

    def _set_depth(self, item: NodeItem, depth: int) -> None:
        if isinstance(item, GroupItem):
            item.depth = depth
            item.setZValue(-1 - depth * 0.01)
            for child in item.child_items:
                self._set_depth(child, depth + 1)

    # ----------------------------------------------------------- events
    def _on_inserted(self, path: str) -> None:
        items, owner, index = self._siblings(path)
        item = self._make(self.project.node(path), self._depth(owner), owner)
        items.insert(index, item)
        self._after_structure(owner, index)

    def _on_removed(self, path: str) -> None:
        items, owner, index = self._siblings(path)
        item = items.pop(index)
        self._forget(item)
        if item.scene() is self:
            self.removeItem(item)
        self._after_structure(owner, index)

    def _on_moved(self, source: str, destination: str) -> None:
        items, owner, index = self._siblings(source)
        item = items.pop(index)
        target, new_owner, new_index = self._siblings(destination)
        target.insert(new_index, item)
        self._attach(item, new_owner)
        self._refresh_groups(owner)
        self._refresh_groups(new_owner)
        self.relayout(min(self._top_index(owner, index), self._top_index(new_owner, new_index)))

    def _on_grouped(self, path: str, count: int) -> None:
        items, owner, index = self._siblings(path)
        node = self.project.node(path)
        members = items[index:index + count]
        group = GroupItem(node, self._depth(owner), self.item_signals, owner)  # type: ignore[arg-type]
        if owner is None:
            self.addItem(group)
        self.items_by_node[node] = group
        items[index:index + count] = [group]
        for member in members:
            member.setParentItem(group)
            group.child_items.append(member)
        self._set_depth(group, self._depth(owner))
        self._after_structure(owner, index)

    def _on_ungrouped(self, path: str, count: int) -> None:
        items, owner, index = self._siblings(path)
        group = items[index]
        assert isinstance(group, GroupItem)
        members = group.child_items
        items[index:index + 1] = members
        for member in members:
            self._attach(member, owner)
        self.items_by_node.pop(group.node, None)
        group.child_items = []
        self.removeItem(group)
        self._after_structure(owner, index)

    def _on_changed(self, path: str) -> None:
        item = self.item_at_path(path)
        item.refresh()
        self._refresh_ancestors(item)
        self.relayout(self._top_index_of(item))

    def _on_shapes(self, paths: tuple[str, ...]) -> None:
        grew: list[int] = []
        groups: dict[int, GroupItem] = {}
        for path in paths:
            item = self.items_by_node.get(self.project.node(path))
            if item is not None:
                before = item.height()
                item.refresh()
                if item.height() != before:
                    grew.append(self._top_index_of(item))
                parent = item.parentItem()
                while isinstance(parent, GroupItem):
                    groups[id(parent)] = parent
                    parent = parent.parentItem()
        for group in groups.values():
            group.refresh()
        self._update_output()
        if grew:
            self.relayout(min(grew))

    def _on_weights(self, paths: tuple[str, ...]) -> None:
        return  # counts and shapes do not change with values

    def _on_settings(self, name: str) -> None:
        shape = self.project.input_shape
        if shape is None:
            text = self.tr("input: shape not set")
        elif self.project.input_dtype == "long":
            text = self.tr("input {shape} (token ids)").format(shape=fmt(shape))
        else:
            text = self.tr("input {shape}").format(shape=fmt(shape))
        note = self.tr("inferred from the first layer") if self.project.input_is_inferred and shape else ""
        if shape is None:
            note = self.tr("set an input shape in the toolbar")
        self.input_item.set_text(text, note)
        self._update_output()

    def _on_edited(self) -> None:
        """An operation (or undo, redo) finished: the input and output labels read the settled shapes.

        ``settings_changed`` can arrive in the middle of an operation (a whole
        design replaced by code), before the shapes are worked out again.
        """
        self._on_settings("")
        for node in self._origins:
            item = self.items_by_node.get(node)
            if item is not None:
                item.set_origin(self._origin_text(node))

    def note_origins(self, copies: list[Node], originals: list[Node], fresh: bool) -> None:
        """Say on each copy's quiet line which block it was duplicated from ("copy of 2", "fresh copy of 2").

        A view note for this session, like a hover: the design (and so the
        saved file and the exported code) keeps no such history, as a module
        made by ``copy.deepcopy`` does not remember its original either.
        """
        for copy, original in zip(copies, originals, strict=True):
            self._origins[copy] = (original, fresh)
            item = self.items_by_node.get(copy)
            if item is not None:
                item.set_origin(self._origin_text(copy))

    def _origin_text(self, node: Node) -> str:
        original, fresh = self._origins[node]
        if not self.project.is_attached(original):
            return self.tr("fresh copy of a deleted block") if fresh else self.tr("copy of a deleted block")
        where = self.project.path_of(original)
        return (self.tr("fresh copy of block {path}") if fresh else self.tr("copy of block {path}")).format(path=where)

    def _on_collapsed(self, path: str, collapsed: bool) -> None:
        item = self.item_at_path(path)
        item.refresh()
        self.relayout(self._top_index_of(item))

    def toggle_collapsed(self, item: GroupItem) -> None:
        """Collapse or expand a group (view state: not an undo step)."""
        self.project.set_collapsed(self.project.path_of(item.node), not item.collapsed)

    def _update_output(self) -> None:
        shape = self.project.output_shape
        error = self.project.shape_error
        if error is not None:
            self.output_item.set_text(self.tr("output: unknown"),
                                      self.tr("fix the shape error at block {path} first").format(path=error.path))
        elif shape is None:
            self.output_item.set_text(self.tr("output"), "")
        else:
            self.output_item.set_text(self.tr("output {shape}").format(shape=fmt(shape)), "")

    def _after_structure(self, owner: GroupItem | None, index: int) -> None:
        self._refresh_groups(owner)
        self.relayout(self._top_index(owner, index))

    def _refresh_groups(self, owner: GroupItem | None) -> None:
        if owner is not None:
            owner.refresh()
            self._refresh_ancestors(owner)

    def _top_index(self, owner: GroupItem | None, index: int) -> int:
        """The top-level position from which a change at ``index`` of ``owner`` can move items."""
        return index if owner is None else self._top_index_of(owner)

    def _top_index_of(self, item: NodeItem) -> int:
        top = item
        while isinstance(top.parentItem(), GroupItem):
            top = top.parentItem()  # type: ignore[assignment]
        try:
            return self.top.index(top)
        except ValueError:
            return 0

    def _refresh_ancestors(self, item: NodeItem) -> None:
        parent = item.parentItem()
        while isinstance(parent, GroupItem):
            parent.refresh()
            parent = parent.parentItem()

    # ----------------------------------------------------------- layout
    def relayout(self, start: int = 0) -> None:
        """Stack items top to bottom from top-level item ``start`` on (the ones above it stay put)."""
        x = MARGIN
        y = MARGIN
        self.input_item.setPos(x, y)
        y += 30 + GAP
        start = max(0, min(start, len(self.top)))
        if start:
            previous = self.top[start - 1]
            y = previous.pos().y() + previous.height() + GAP
        y = self._stack(self.top[start:], x, y, self.width)
        self.hint.setVisible(not self.top)
        if not self.top:
            self.hint.setPos(x, y)
            y += self.hint.boundingRect().height() + GAP
        self.output_item.setPos(x, y)
        y += 30
        self._update_links()
        self.setSceneRect(QRectF(0, 0, self.width + 2 * MARGIN + 60, y + MARGIN))

    def set_width(self, width: float) -> None:
        """Make blocks ``width`` wide (the view fits them to the window)."""
        width = float(round(width))
        if width != self.width:
            self.width = width
            for item in (self.input_item, self.output_item, self.hint):
                item.prepareGeometryChange()
                item.width = width
            self.relayout()

    def _stack(self, items: list[NodeItem], x: float, y: float, width: float) -> float:
        for item in items:
            item.set_width(width)
            item.setPos(x, y)
            if isinstance(item, GroupItem):
                visible = not item.collapsed
                inner = self._stack(item.child_items, PAD, HEADER, width - 2 * PAD) - HEADER - GAP
                new_inner = max(inner, 0.0) if item.child_items else 14.0
                if new_inner != item.inner_height:
                    item.prepareGeometryChange()
                    item.inner_height = new_inner
                for child in item.child_items:
                    child.setVisible(visible)
            y += item.height() + GAP
        return y

    def _update_links(self) -> None:
        curves = []
        shared: dict[int, list[BlockItem]] = {}
        layers = [layer for layer in self.project.layers() if len(layer.blocks) > 1]
        if not layers and not self._had_links:
            return
        for item in self.items_by_node.values():
            if isinstance(item, BlockItem) and item.share_index is not None:
                item.share_index = None
                item.update()  # its badge and colour go (a block still shared gets them back below)
        for layer in layers:
            shared[id(layer)] = [i for b in layer.blocks if isinstance(i := self.items_by_node.get(b), BlockItem)]
        self._had_links = bool(layers)
        table = paths(self.project.root)  # one walk: a block's own path() would scan its siblings every time
        ordered = sorted(shared.values(), key=lambda group: min(path_key(table[i.block]) for i in group))
        for index, group in enumerate(ordered):
            color = theme.share_color(index)
            visible = [i for i in group if i.isVisible() or i.parentItem() is None]
            for item in group:
                item.share_index = index
                item.update()
            anchors = sorted((i.mapToScene(QPointF(i.width, 16)) for i in visible), key=lambda p: p.y())
            for a, b in itertools.pairwise(anchors):
                path = QPainterPath(a)
                bulge = MARGIN + 10 + min((b.y() - a.y()) * 0.08, 30)
                path.cubicTo(QPointF(a.x() + bulge, a.y()), QPointF(b.x() + bulge, b.y()), b)
                curves.append((path, color, index))
        self.links.set_curves(curves)

    def highlight_shared(self, node: Node | None) -> None:
        """The mouse is over ``node`` (None: over no block): light up every block holding its module, and its curve."""
        layer = node.layer if isinstance(node, Block) and len(node.layer.blocks) > 1 else None
        for item in self._linked:
            item.set_linked(False)
        self._linked = [] if layer is None else [
            i for b in layer.blocks if isinstance(i := self.items_by_node.get(b), BlockItem)]
        for item in self._linked:
            item.set_linked(True)
        index = None
        if layer is not None:
            item = self.items_by_node.get(node)
            index = item.share_index if isinstance(item, BlockItem) else None
        self.links.set_highlighted(index)

    # -------------------------------------------------------- dropping
    # -------------------------------------------------------- selection
    def selected_nodes(self) -> list[Node]:
        """Selected blocks and groups in data-flow order (a block inside a selected group is left out)."""
        chosen = {item.node for item in self.selectedItems() if isinstance(item, NodeItem)}
        result = []
        for node in chosen:
            if not any(ancestor in chosen for ancestor in node.ancestors()):
                result.append(node)
        return sorted(result, key=lambda n: n.indices())

    def select_nodes(self, nodes: list[Node]) -> None:
        """Select exactly these nodes."""
        self.clearSelection()
        for node in nodes:
            item = self.items_by_node.get(node)
            if item is not None:
                item.setSelected(True)

    def ordered_blocks(self) -> list[NodeItem]:
        """Every visible block and group item in data-flow order."""
        out: list[NodeItem] = []

        def visit(items: list[NodeItem]) -> None:
            for item in items:
                out.append(item)
                if isinstance(item, GroupItem) and not item.collapsed:
                    visit(item.child_items)

        visit(self.top)
        return out


__all__ = ["Block", "CanvasScene"]
