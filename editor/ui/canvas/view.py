"""The canvas view (objectName ``canvas``): drops, drags, selection, zoom and pan.

Gestures become intents (signals); the main window turns them into commands.
The view never changes the Project itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QWidget

from editor.model.design.tree import Group, Node
from editor.ui import theme
from editor.ui.canvas.items import GroupItem, NodeItem
from editor.ui.canvas.scene import MARGIN, CanvasScene
from editor.ui.palette import KIND_MIME

MIN_ZOOM, MAX_ZOOM = 0.2, 3.0
FIT_MIN_ZOOM = 0.7
"""Fit to Window never zooms out further: below this the blocks' small text is no longer readable."""


def slot_path(group: Group, index: int) -> str:
    """The path a block inserted at ``index`` of ``group`` gets."""
    prefix = group.path()
    return f"{prefix}.{index}" if prefix else str(index)


class CanvasView(QGraphicsView):
    """Shows a :class:`CanvasScene`; turns drags and keys into intents."""

    insert_requested = Signal(str, str)
    """Insert a new layer of this kind (second) at this path (first)."""

    replace_requested = Signal(str, str)
    """Put a new layer of this kind (second) in place of the block at this path (first): a drop onto a block."""

    move_requested = Signal(list, object, int)
    """Move these nodes into this group at this index (the index counts the group as it is now)."""

    use_again_requested = Signal(object, object, int)
    """Alt-drag: place this node's module once more (first) into this group (second) at this index (third)."""

    files_dropped = Signal(list)
    """Files were dropped on the canvas (paths)."""

    context_requested = Signal(QPoint)
    """The context menu was asked for at this global position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setAcceptDrops(True)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(theme.canvas_background())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._press: tuple[QPointF, NodeItem, Qt.KeyboardModifier] | None = None
        self._dragging: list[Node] | None = None
        self._pan: QPoint | None = None
        self._anchor: NodeItem | None = None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """The desktop switched between light and dark: the canvas and its blocks take the new colours."""
        if event.type() == QEvent.Type.PaletteChange:
            self.setBackgroundBrush(theme.canvas_background())
            if self.scene() is not None:
                self.scene().update()
        super().changeEvent(event)

    @property
    def canvas(self) -> CanvasScene:
        return self.scene()  # type: ignore[return-value]

    # -------------------------------------------------------- selection
    def selected_nodes(self) -> list[Node]:
        """The selected blocks and groups, in data-flow order (none while no design is shown)."""
        scene = self.scene()
        return scene.selected_nodes() if isinstance(scene, CanvasScene) else []

    def select_nodes(self, nodes: list[Node]) -> None:
        """Select exactly ``nodes`` and scroll the last of them into view."""
        scene = self.scene()
        if not isinstance(scene, CanvasScene):
            return
        scene.select_nodes(nodes)
        if nodes:
            item = scene.items_by_node.get(nodes[-1])
            if item is not None:
                self.ensureVisible(item.sceneBoundingRect(), 30, 40)

    # ------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(max(self.zoom() * factor, MIN_ZOOM), MAX_ZOOM)
        self.scale(target / self.zoom(), target / self.zoom())

    def zoom_in(self) -> None:
        self.zoom_by(1.2)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.2)

    def zoom_reset(self) -> None:
        self.resetTransform()

    def fit(self) -> None:
        """Fit the whole design in the window, between :data:`FIT_MIN_ZOOM` and 100 %.

        A design too tall to fit at a readable size stays readable: it is
        shown from its top (the input), and the rest is a scroll away.
        """
        self.resetTransform()
        rect = self.canvas.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        view = self.viewport().rect()
        factor = min(view.width() / max(rect.width(), 1), view.height() / max(rect.height(), 1), 1.0)
        factor = max(factor, FIT_MIN_ZOOM)
        self.scale(factor, factor)
        self.fit_width()
        rect = self.canvas.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        if rect.height() * factor <= view.height():
            self.centerOn(rect.center())
        else:
            self.centerOn(rect.center().x(), rect.top() + view.height() / factor / 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_width()

    def fit_width(self) -> None:
        """Size the blocks to the window: between 300 and 560 px wide at 100 % zoom."""
        if isinstance(self.scene(), CanvasScene):
            room = self.viewport().width() / max(self.zoom(), 1e-3) - 2 * MARGIN - 50
            self.canvas.set_width(min(max(room, 300.0), 560.0))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
        else:
            super().wheelEvent(event)

    # ------------------------------------------------------- drag & drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        data = event.mimeData()
        if data.hasFormat(KIND_MIME) or data.hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def _dragged_kind(self, event: QDropEvent) -> str:
        return bytes(event.mimeData().data(KIND_MIME).data()).decode("utf-8")

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasFormat(KIND_MIME):
            pos = self.mapToScene(event.position().toPoint())
            target = self.canvas.replace_target_at(pos)
            if target is not None:
                self.canvas.show_marker(None, target, self.tr("Replace with {kind}").format(
                    kind=self._dragged_kind(event)))
                event.acceptProposedAction()
                return
            slot = self.canvas.slot_at(pos)
            self.canvas.show_marker(slot[2] if slot else None)
            event.acceptProposedAction() if slot else event.ignore()
        elif event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt override
        self.canvas.show_marker(None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.canvas.show_marker(None)
        data = event.mimeData()
        if data.hasFormat(KIND_MIME):
            kind = self._dragged_kind(event)
            pos = self.mapToScene(event.position().toPoint())
            target = self.canvas.replace_target_at(pos)
            if kind and target is not None:
                event.acceptProposedAction()
                self.replace_requested.emit(target.node.path(), kind)
                return
            slot = self.canvas.slot_at(pos)
            if kind and slot is not None:
                event.acceptProposedAction()
                self.insert_requested.emit(slot_path(slot[0], slot[1]), kind)
                return
        elif data.hasUrls():
            event.acceptProposedAction()
            self.files_dropped.emit([url.toLocalFile() for url in data.urls() if url.isLocalFile()])
            return
        event.ignore()

    # ------------------------------------------------------------ mouse
    def _node_item_at(self, pos: QPoint) -> NodeItem | None:
        item = self.itemAt(pos)
        return item if isinstance(item, NodeItem) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        item = self._node_item_at(event.position().toPoint())
        on_arrow = isinstance(item, GroupItem) and item.arrow_rect().contains(
            item.mapFromScene(self.mapToScene(event.position().toPoint())))
        if item is not None and not on_arrow and event.button() == Qt.MouseButton.RightButton:
            # The context menu acts on what was clicked. Qt's default would treat the press as one on empty
            # space (items take left presses only) and clear the selection first.
            if not item.isSelected():
                self.canvas.select_nodes([item.node])
                self._anchor = item
            event.accept()
            return
        if item is None or on_arrow or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            item.setSelected(not item.isSelected())
            self._anchor = item
        elif modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor is not None:
            self._select_range(self._anchor, item)
        elif not item.isSelected():
            self.canvas.select_nodes([item.node])
            self._anchor = item
        self._press = (event.position(), item, modifiers)
        event.accept()

    def _select_range(self, a: NodeItem, b: NodeItem) -> None:
        order = self.canvas.ordered_blocks()
        if a not in order or b not in order:
            return
        i, j = sorted((order.index(a), order.index(b)))
        self.canvas.select_nodes([item.node for item in order[i:j + 1]])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pan is not None:
            delta = event.position().toPoint() - self._pan
            self._pan = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._press is not None:
            start, item, _ = self._press
            distance = (event.position() - start).manhattanLength()
            if self._dragging is None and distance >= QApplication.startDragDistance():
                self._dragging = self.canvas.selected_nodes() or [item.node]
                self.viewport().setCursor(Qt.CursorShape.DragMoveCursor)
            if self._dragging is not None:
                again = event.modifiers() & Qt.KeyboardModifier.AltModifier and len(self._dragging) == 1
                self.viewport().setCursor(Qt.CursorShape.DragCopyCursor if again else Qt.CursorShape.DragMoveCursor)
                slot = self.canvas.slot_at(self.mapToScene(event.position().toPoint()), set(self._dragging))
                self.canvas.show_marker(slot[2] if slot else None)
                self.ensureVisible(self.mapToScene(event.position().toPoint()).x(),
                                   self.mapToScene(event.position().toPoint()).y(), 1, 1, 20, 40)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pan is not None:
            self._pan = None
            self.viewport().unsetCursor()
            return
        if self._press is not None:
            _, item, modifiers = self._press
            dragged, self._press, self._dragging = self._dragging, None, None
            self.canvas.show_marker(None)
            self.viewport().unsetCursor()
            if dragged is not None:
                slot = self.canvas.slot_at(self.mapToScene(event.position().toPoint()), set(dragged))
                again = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier) and len(dragged) == 1
                if slot is not None and again:
                    self.use_again_requested.emit(dragged[0], slot[0], slot[1])
                elif slot is not None:
                    self.move_requested.emit(dragged, slot[0], slot[1])
            elif not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                self.canvas.select_nodes([item.node])
                self._anchor = item
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        item = self._node_item_at(event.position().toPoint())
        if isinstance(item, GroupItem):
            self.canvas.toggle_collapsed(item)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.context_requested.emit(event.globalPos())

    # -------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.canvas.clearSelection()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self._step_selection(-1 if key == Qt.Key.Key_Up else 1,
                                 extend=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        super().keyPressEvent(event)

    def _step_selection(self, step: int, extend: bool = False) -> None:
        order = self.canvas.ordered_blocks()
        if not order:
            return
        selected = [i for i, item in enumerate(order) if item.isSelected()]
        if not selected:
            index = 0 if step > 0 else len(order) - 1
        else:
            index = min(max((selected[-1] if step > 0 else selected[0]) + step, 0), len(order) - 1)
        target = order[index]
        if extend:
            target.setSelected(True)
        else:
            self.canvas.select_nodes([target.node])
            self._anchor = target
        self.ensureVisible(target.sceneBoundingRect(), 20, 40)
