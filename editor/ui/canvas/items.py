"""Canvas items: blocks and groups, and the signal hub they speak through.

Items read what they show from their tree node when they refresh; they never
change the Project and never call the scene or the view. A click that means
something beyond the item (collapse a group, apply a fix) is emitted on the
:class:`ItemSignals` hub the item was given at construction; the scene owns
the hub and listens to it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
)

from editor.model.catalog.build import format_bytes
from editor.model.catalog.hyperparameters import block_label
from editor.model.catalog.shape_rules import fmt
from editor.model.catalog.unallocated import unallocated_info
from editor.model.design.tree import Block, Group, Node, walk
from editor.ui import theme
from editor.ui.i18n import catalog_text, fix_text, model_text, translate

MARGIN = 40
"""Room around the stack of blocks on the canvas."""
WIDTH = 500
BLOCK_HEIGHT = 46
ERROR_HEIGHT = 74
GAP = 10
HEADER = 32
PAD = 12
RADIUS = 7
STRIPE = 6


class ItemSignals(QObject):
    """What canvas items announce. One hub per scene, shared by all its items.

    QGraphicsItem is not a QObject, and a QGraphicsObject per item would cost a
    QObject (and a connection) for every block of a large design; one hub
    keeps items light while still letting them speak only in signals.
    """

    collapse_clicked = Signal(object)
    """The collapse arrow of a group was clicked (carries the :class:`GroupItem`)."""

    fix_clicked = Signal(object)
    """The fix button of a block was clicked (carries the block's tree node)."""

    hover_changed = Signal(object)
    """The mouse entered a block (carries its tree node) or left it (None)."""


class HoverItem(QGraphicsItem):
    """An item that looks different under the mouse (``hovered``)."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.hovered = False
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt override
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt override
        self.hovered = False
        self.update()


class NodeItem(HoverItem):
    """Common to blocks and groups: the node, a width, selection and hover looks."""

    def __init__(self, node: Node, signals: ItemSignals, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.node = node
        self.signals = signals
        self.width = float(WIDTH)
        self.origin = ""  # which block this one was duplicated from, when known ("copy of block 2")
        self._rect: QRectF | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def set_origin(self, text: str) -> None:
        """Show ``text`` (e.g. "fresh copy of block 2") on the quiet line."""
        if text != self.origin:
            self.origin = text
            self.update()

    def set_width(self, width: float) -> None:
        if width != self.width:
            self.prepareGeometryChange()
            self.width = width
            self._rect = None

    def height(self) -> float:  # pragma: no cover - overridden
        raise NotImplementedError

    def prepareGeometryChange(self) -> None:  # noqa: N802 - Qt override
        super().prepareGeometryChange()  # asks for the old boundingRect, so forget it only afterwards
        self._rect = None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        # Qt asks for this very often while items move; cache it until the geometry changes.
        if self._rect is None:
            self._rect = QRectF(-1, -1, self.width + 2, self.height() + 2)
        return self._rect

    def path_text(self) -> str:
        return self.node.path() if self.node.parent is not None else ""

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class BlockItem(NodeItem):
    """One block: "Linear 20 → 10", its path, output shape and parameter count."""

    def __init__(self, node: Block, signals: ItemSignals, parent: QGraphicsItem | None = None) -> None:
        super().__init__(node, signals, parent)
        self.title = ""
        self.kind_name = ""
        self.shape_text = ""
        self.count = ""
        self.extra = ""
        self.shows_eval = False  # whether it says "eval mode" (its module's training flag is off)
        self.error = ""
        self.unallocated = ""  # "not allocated: needs 40.0 GiB" while the layer is kept on the meta device
        self.share_index: int | None = None
        self.linked = False  # another reference of the same module is under the mouse
        self.fix_button = FixButton(self)
        self.refresh()

    @property
    def block(self) -> Block:
        return self.node  # type: ignore[return-value]

    def height(self) -> float:
        return ERROR_HEIGHT if self.error else BLOCK_HEIGHT

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt override
        super().hoverEnterEvent(event)
        self.signals.hover_changed.emit(self.node)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt override
        super().hoverLeaveEvent(event)
        self.signals.hover_changed.emit(None)

    def set_linked(self, linked: bool) -> None:
        """Show that this block holds the module of the block under the mouse."""
        if linked != self.linked:
            self.linked = linked
            self.update()

    def refresh(self) -> None:
        """Re-read the block's layer, shape and error."""
        layer = self.block.layer
        title = block_label(layer.kind, layer.params)
        error = self.node.error
        error_text = model_text(error.sentence) if error is not None else ""
        if bool(error_text) != bool(self.error):
            self.prepareGeometryChange()
        self.kind_name = layer.kind.name
        self.title = title
        spec = self.node.out_spec
        self.shape_text = fmt(spec.shape) if spec is not None and hasattr(spec, "shape") else ("—" if not error else "")
        self.count = theme.format_count(sum(p.numel() for p in layer.module.parameters()))
        notes = []
        if layer.auto:
            notes.append(translate("BlockItem", "auto {names}").format(names=", ".join(sorted(layer.auto))))
        self.shows_eval = layer.module.training is False
        if self.shows_eval:
            notes.append(translate("BlockItem", "eval mode"))
        self.extra = " · ".join(notes)
        kept = unallocated_info(layer.module)
        self.unallocated = translate("BlockItem", "not allocated: needs {size}").format(
            size=format_bytes(kept.needs)) if kept is not None else ""
        self.error = error_text
        fix = error.fix if error is not None else None
        self.fix_button.set_fix(_short_fix(fix.label, self.path_text()) if fix else "")
        self.fix_button.setPos(self.width - self.fix_button.width - 10, BLOCK_HEIGHT + 2)
        tip = [f"<b>{layer.kind.name}</b> — {catalog_text(layer.kind.description)}"]
        if kept is not None:
            tip.append("<br>" + translate("BlockItem", "Its parameters would not fit in memory, so they are not "
                                                       "allocated: shapes, counts, print(net), code and saving the "
                                                       "design work. Materialize it to run it."))
        if error is not None:
            heading = translate("BlockItem", "Shape error:")
            tip.append(f"<br><span style='color:{theme.ERROR.name()}'><b>{heading}</b> {error_text}</span>")
            if error.in_shape is not None:
                tip.append("<br>" + translate("BlockItem", "Gets {shape}; expects {expected}.").format(
                    shape=fmt(error.in_shape), expected=model_text(error.expected)))
        self.setToolTip("".join(tip))
        self.update()

    def set_width(self, width: float) -> None:
        super().set_width(width)
        self.fix_button.setPos(self.width - self.fix_button.width - 10, BLOCK_HEIGHT + 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = QRectF(0, 0, self.width, self.height())
        selected = self.isSelected()
        fill = theme.block_fill()
        if self.error:
            fill = theme.mix(fill, theme.ERROR, 0.07)
        elif selected:
            fill = theme.mix(fill, theme.ACCENT, 0.10)
        elif self.linked and self.share_index is not None:
            fill = theme.mix(fill, theme.share_color(self.share_index), 0.10)
        elif self.hovered:
            fill = theme.mix(fill, theme.text(), 0.03)
        outline = theme.ERROR if self.error else (theme.ACCENT if selected else theme.border())
        if self.linked and self.share_index is not None and not (self.error or selected):
            outline = theme.share_color(self.share_index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline, 2 if (selected or self.error or self.linked) else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        # category stripe: the left end of a rounded rectangle, clipped to a thin band
        painter.save()
        painter.setClipRect(QRectF(0, 0, STRIPE, self.height()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind_color(self.kind_name))
        painter.drawRoundedRect(QRectF(0.5, 0.5, STRIPE + RADIUS, self.height() - 1), RADIUS, RADIUS)
        painter.restore()

        left = STRIPE + 12
        right = self.width - 12
        title_font = theme.font(0.5)
        small = theme.font(-1.5)
        mono = theme.font(-0.5, mono=True)
        # row 1: kind (bold) + key hyperparameters, output shape on the right
        painter.setFont(mono)
        shape_w = QFontMetricsF(mono).horizontalAdvance(self.shape_text) if self.shape_text else 0.0
        badge_space = 22 if self.share_index is not None else 0
        painter.setPen(theme.ERROR if self.error else theme.text())
        shape_text = self.shape_text if not self.error else translate("BlockItem", "shape error")
        if self.error:
            painter.setFont(theme.font(-0.5, bold=True))
            shape_w = QFontMetricsF(painter.font()).horizontalAdvance(shape_text)
        painter.drawText(QRectF(right - shape_w, 6, shape_w + 1, 20),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shape_text)
        name, _, rest = self.title.partition(" ")
        bold = theme.font(0.5, bold=True)
        painter.setFont(bold)
        painter.setPen(theme.text())
        name_w = QFontMetricsF(bold).horizontalAdvance(name + " ")
        painter.drawText(QRectF(left, 6, name_w + 2, 20), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(title_font)
        room = right - shape_w - 16 - badge_space - left - name_w
        text = QFontMetricsF(title_font).elidedText(rest, Qt.TextElideMode.ElideRight, max(room, 10))
        painter.drawText(QRectF(left + name_w, 6, room + 2, 20), Qt.AlignmentFlag.AlignVCenter, text)
        if self.share_index is not None:
            color = theme.share_color(self.share_index)
            center = QPointF(right - shape_w - 16, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(center, 7, 7)
            painter.setPen(QColor("white"))
            painter.setFont(theme.font(-2.5, bold=True))
            painter.drawText(QRectF(center.x() - 7, center.y() - 7, 14, 14), Qt.AlignmentFlag.AlignCenter,
                             "ABCDEFGH"[self.share_index % 8])
        # row 2: path and notes (quiet), parameter count on the right
        painter.setFont(small)
        painter.setPen(theme.muted())
        count_w = QFontMetricsF(small).horizontalAdvance(self.count)
        painter.drawText(QRectF(right - count_w, 26, count_w + 1, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.count)
        if self.unallocated:  # a quiet dashed pill left of the count
            pill_w = QFontMetricsF(small).horizontalAdvance(self.unallocated) + 14
            pill = QRectF(right - count_w - 10 - pill_w, 27.5, pill_w, 15)
            painter.setPen(QPen(theme.muted(), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pill, 7.5, 7.5)
            painter.setPen(theme.muted())
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.unallocated)
            count_w += pill_w + 10
        quiet = self.path_text()
        if self.node.label:
            quiet += f"  “{self.node.label}”"
        for note in (self.origin, self.extra):
            quiet += "  ·  " + note if note else ""
        painter.drawText(QRectF(left, 26, right - count_w - left - 12, 16), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(small).elidedText(quiet, Qt.TextElideMode.ElideRight,
                                                         right - count_w - left - 12))
        if self.error:
            painter.setPen(theme.ERROR)
            painter.setFont(theme.font(-1))
            room = right - left - (self.fix_button.width + 12 if self.fix_button.isVisible() else 0)
            painter.drawText(QRectF(left, BLOCK_HEIGHT, room, 24), Qt.AlignmentFlag.AlignVCenter,
                             QFontMetricsF(painter.font()).elidedText(self.error, Qt.TextElideMode.ElideRight, room))


def _short_fix(label: str, path: str) -> str:
    """A fix's label for the button on its own block: in English without "on block 1.0" (the button says where)."""
    shown = model_text(label)
    if shown == label:
        return shown.replace(" on block {path}", "").replace(" before block {path}", "")
    return fix_text(label, path)


class FixButton(HoverItem):
    """The one-click fix on a block with a shape error."""

    def __init__(self, parent: BlockItem) -> None:
        super().__init__(parent)
        self.label = ""
        self.width = 0.0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setVisible(False)

    def set_fix(self, label: str) -> None:
        self.prepareGeometryChange()
        self.label = translate("BlockItem", "Fix: {fix}").format(fix=label) if label else ""
        metrics = QFontMetricsF(theme.font(-1, bold=True))
        self.width = min(metrics.horizontalAdvance(self.label) + 20, 260) if label else 0.0
        self.setVisible(bool(label))
        self.setToolTip(translate("BlockItem", "Apply the suggested fix: {fix}").format(fix=label) if label else "")

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, 22)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.ERROR if self.hovered else theme.mix(theme.ERROR, theme.base(), 0.15))
        painter.drawRoundedRect(self.boundingRect(), 11, 11)
        painter.setPen(QColor("white"))
        painter.setFont(theme.font(-1, bold=True))
        text = QFontMetricsF(painter.font()).elidedText(self.label, Qt.TextElideMode.ElideRight, self.width - 16)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, text)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        block = self.parentItem()
        if isinstance(block, BlockItem) and self.boundingRect().contains(event.pos()):
            block.signals.fix_clicked.emit(block.node)


class GroupItem(NodeItem):
    """A nested Sequential: a tinted frame with a header, its children inside."""

    def __init__(self, node: Group, depth: int, signals: ItemSignals, parent: QGraphicsItem | None = None) -> None:
        super().__init__(node, signals, parent)
        self.depth = depth
        self.child_items: list[NodeItem] = []
        self.inner_height = 0.0
        self.inner_error: Node | None = None
        self._was_collapsed = node.collapsed
        self.shape_text = ""
        self.count = ""
        self.setZValue(-1 - depth * 0.01)
        self.refresh()

    @property
    def group(self) -> Group:
        return self.node  # type: ignore[return-value]

    @property
    def collapsed(self) -> bool:
        return self.group.collapsed

    def height(self) -> float:
        return HEADER if self.collapsed else HEADER + self.inner_height + PAD

    def arrow_rect(self) -> QRectF:
        return QRectF(6, 4, 24, HEADER - 8)

    def refresh(self) -> None:
        if self.collapsed != self._was_collapsed:
            self.prepareGeometryChange()
            self._was_collapsed = self.collapsed
        spec = self.node.out_spec
        self.shape_text = fmt(spec.shape) if spec is not None and hasattr(spec, "shape") else ""
        seen: set[int] = set()
        total = 0
        for p in self.group.sequential.parameters():
            if id(p) not in seen:
                seen.add(id(p))
                total += p.numel()
        self.count = theme.format_count(total)
        self.inner_error = next((n for n in walk(self.group) if n.error is not None), None)
        n = len(self.group.children)
        tip = (translate("GroupItem", "A nested nn.Sequential with 1 block.") if n == 1 else
               translate("GroupItem", "A nested nn.Sequential with {count} blocks.").format(count=n))
        tip += " " + (translate("GroupItem", "Click the arrow to expand it.") if self.collapsed
                      else translate("GroupItem", "Click the arrow to collapse it."))
        if self.inner_error is not None:
            inside = translate("GroupItem", "Shape error inside, at block {path}: {sentence}").format(
                path=self.inner_error.path(), sentence=model_text(self.inner_error.error.sentence))  # type: ignore[union-attr]
            tip += f"<br><span style='color:{theme.ERROR.name()}'>{inside}</span>"
        self.setToolTip(tip)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = QRectF(0, 0, self.width, self.height())
        selected = self.isSelected()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hidden_error = self.inner_error is not None and self.collapsed
        outline = theme.ERROR if hidden_error else (
            theme.ACCENT if selected else theme.mix(theme.border(), theme.ACCENT, 0.25))
        painter.setPen(QPen(outline, 2 if (selected or hidden_error) else 1))
        painter.setBrush(theme.group_fill(self.depth))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS + 2, RADIUS + 2)
        # collapse arrow
        arrow = self.arrow_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.muted())
        c = arrow.center()
        if self.collapsed:
            points = [QPointF(c.x() - 3, c.y() - 5), QPointF(c.x() + 4, c.y()), QPointF(c.x() - 3, c.y() + 5)]
        else:
            points = [QPointF(c.x() - 5, c.y() - 3), QPointF(c.x() + 5, c.y() - 3), QPointF(c.x(), c.y() + 4)]
        painter.drawPolygon(points)
        left = 32
        right = self.width - 12
        bold = theme.font(0, bold=True)
        painter.setFont(bold)
        painter.setPen(theme.text())
        title = "Sequential" + (f" “{self.node.label}”" if self.node.label else "")
        title_w = QFontMetricsF(bold).horizontalAdvance(title)
        painter.drawText(QRectF(left, 0, title_w + 2, HEADER), Qt.AlignmentFlag.AlignVCenter, title)
        if self.inner_error is not None:
            shape_font, shape_pen = theme.font(-0.5, bold=True), theme.ERROR
            shown = translate("GroupItem", "shape error at {path}").format(path=self.inner_error.path())
        else:
            shape_font, shape_pen = theme.font(-0.5, mono=True), theme.text()
            shown = self.shape_text
        shape_w = QFontMetricsF(shape_font).horizontalAdvance(shown)
        painter.setFont(shape_font)
        painter.setPen(shape_pen)
        painter.drawText(QRectF(right - shape_w, 0, shape_w + 1, HEADER),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
        small = theme.font(-1.5)
        painter.setFont(small)
        painter.setPen(theme.muted())
        n = len(self.group.children)
        blocks = translate("GroupItem", "1 block") if n == 1 else translate("GroupItem", "{count} blocks").format(
            count=n)
        info = f"{self.path_text()}  ·  {blocks}  ·  {self.count}"
        info += f"  ·  {self.origin}" if self.origin else ""
        room = max(right - shape_w - 12 - (left + title_w + 10), 0)
        painter.drawText(QRectF(left + title_w + 10, 0, room, HEADER), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(small).elidedText(info, Qt.TextElideMode.ElideRight, room))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.arrow_rect().contains(event.pos()):
            event.accept()
            self.signals.collapse_clicked.emit(self)
            return
        super().mousePressEvent(event)
