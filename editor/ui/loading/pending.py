"""The canvas while PyTorch loads: layers dropped on it wait as pending blocks until the editor can build them.

A drop (or a double-click in the palette) records a :class:`PendingBlock`: the
catalog kind and the hyperparameters a new block of it starts with. Nothing
is built: building a layer needs torch. When the editor is ready, the main
window adds the pending blocks to the design, in order, as ordinary commands
(each one undoable, exactly as if it had been dropped then).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsLineItem, QGraphicsScene, QGraphicsView, QWidget

from editor.model import catalog
from editor.model.errors import ValidationError
from editor.ui import theme
from editor.ui.i18n import model_text, on_language_change, translate
from editor.ui.loading.pending_items import BLOCK_HEIGHT, END_HEIGHT, EndItem, HintItem, PendingBlockItem
from editor.ui.palette import KIND_MIME

MAX_PENDING = 200
"""At most this many layers wait for PyTorch; a drop beyond that is refused with a message."""

MARGIN = 40
GAP = 10


@dataclass(frozen=True)
class PendingBlock:
    """A layer added while PyTorch loads: its catalog kind and the hyperparameters it starts with."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, kind: str) -> PendingBlock:
        """A new block of the catalog kind ``kind``, with the catalog's defaults.

        Raises :class:`~editor.model.errors.ValidationError` for a name the catalog does not know.
        """
        if not catalog.has_kind(kind):
            raise ValidationError(f"There is no layer called {kind[:60]!r} in the palette; drag one of the "
                                  f"layers listed there onto the canvas.", field="kind")
        return cls(kind, catalog.kind(kind).defaults())


class PendingCanvas(QGraphicsView):
    """Takes layers while PyTorch loads and shows them as pending blocks (objectName ``pendingCanvas``).

    Delete removes the selected pending blocks. Files dropped here are
    passed on (:attr:`files_dropped`): they open when the editor is ready.
    """

    changed = Signal()
    """The pending blocks changed."""

    message = Signal(str)
    """Something to tell the learner (a refused drop)."""

    files_dropped = Signal(list)
    """Files were dropped (paths): open them when the editor is ready."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingCanvas")
        self.setAcceptDrops(True)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(theme.canvas_background())
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._width = 500.0
        self._items: list[PendingBlockItem] = []
        self._blocks: list[PendingBlock] = []
        self._note = ""
        self._failure = ""
        self.input_end = EndItem("", self._width)
        self.output_end = EndItem("", self._width)
        self.hint = HintItem(self._width)
        self.marker = QGraphicsLineItem()
        self.marker.setPen(QPen(theme.ACCENT, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self.marker.setZValue(10)
        self.marker.hide()
        for item in (self.input_end, self.output_end, self.hint, self.marker):
            self._scene.addItem(item)
        on_language_change(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.output_end.set_text(translate("PendingCanvas", "output"))
        if self._failure:
            self.input_end.set_text(translate("PendingCanvas", "input"))
            self.hint.set_text(translate("PendingCanvas", "PyTorch could not be loaded"), self._failure)
        else:
            self.input_end.set_text(translate("PendingCanvas", "input"), self._note or translate(
                "PendingCanvas", "shapes follow once PyTorch is loaded"))
            self.hint.set_text(translate("PendingCanvas", "Drag layers here from the palette"), translate(
                "PendingCanvas", "PyTorch is loading. Layers you add now wait here and join the design as soon as "
                "it is ready; each one can be undone."))
        self._layout()

    # ------------------------------------------------------------ blocks
    def blocks(self) -> list[PendingBlock]:
        """The pending blocks, top to bottom."""
        return list(self._blocks)

    def block_items(self) -> list[PendingBlockItem]:
        """The pending blocks' items, top to bottom."""
        return list(self._items)

    def add(self, kind: str, index: int | None = None) -> bool:
        """Add a pending block of ``kind`` at ``index`` (the end by default); False (and a message) if refused."""
        if len(self._blocks) >= MAX_PENDING:
            self.message.emit(translate("PendingCanvas", "{count} layers are waiting for PyTorch already; add more "
                                        "once it is ready.").format(count=MAX_PENDING))
            return False
        try:
            block = PendingBlock.of(kind)
        except ValidationError as exc:
            self.message.emit(model_text(exc))
            return False
        index = len(self._blocks) if index is None else min(max(index, 0), len(self._blocks))
        item = PendingBlockItem(block.kind, index, self._width)
        self._scene.addItem(item)
        self._blocks.insert(index, block)
        self._items.insert(index, item)
        self._layout()
        self._scene.clearSelection()
        item.setSelected(True)
        self.changed.emit()
        return True

    def remove_selected(self) -> int:
        """Remove the selected pending blocks; returns how many."""
        keep = [(b, i) for b, i in zip(self._blocks, self._items, strict=True) if not i.isSelected()]
        removed = [i for i in self._items if i.isSelected()]
        for item in removed:
            self._scene.removeItem(item)
        self._blocks = [b for b, _ in keep]
        self._items = [i for _, i in keep]
        if removed:
            self._layout()
            self.changed.emit()
        return len(removed)

    def show_failure(self, message: str) -> None:
        """PyTorch could not be loaded: say so (``message``) where the hint was, instead of promising it."""
        self._failure = message
        self.retranslate()

    def set_note(self, text: str) -> None:
        """A quiet line beside the input, e.g. which file opens when the editor is ready."""
        self._note = text
        self.retranslate()

    # ------------------------------------------------------------ layout
    def _layout(self) -> None:
        y = 0.0
        self.input_end.setPos(0, y)
        y += END_HEIGHT + GAP
        self.hint.setVisible(not self._items)
        if not self._items:
            self.hint.setPos(0, y)
            y += HintItem.HEIGHT + GAP
        for index, item in enumerate(self._items):
            item.set_geometry(index, self._width)
            item.setPos(0, y)
            y += BLOCK_HEIGHT + GAP
        self.output_end.setPos(0, y)
        self._scene.setSceneRect(-MARGIN, -MARGIN, self._width + 2 * MARGIN, y + END_HEIGHT + 2 * MARGIN)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        width = min(max(self.viewport().width() - 2 * MARGIN - 50, 300.0), 560.0)
        if width != self._width:
            self._width = width
            for item in (self.input_end, self.output_end, self.hint):
                item.set_width(width)
            self._layout()

    def _slot_at(self, y: float) -> int:
        """Where a drop at scene height ``y`` goes: before the first block whose middle is below it."""
        for index, item in enumerate(self._items):
            if y < item.y() + BLOCK_HEIGHT / 2:
                return index
        return len(self._items)

    def _show_marker(self, index: int | None) -> None:
        if index is None:
            self.marker.hide()
            return
        top = END_HEIGHT + GAP
        y = top + index * (BLOCK_HEIGHT + GAP) - GAP / 2 if self._items else top + HintItem.HEIGHT / 2
        self.marker.setLine(4, y, self._width - 4, y)
        self.marker.setVisible(bool(self._items))

    # ------------------------------------------------------- drag & drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        data = event.mimeData()
        if data.hasFormat(KIND_MIME) or data.hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def _scene_y(self, event: QDropEvent) -> float:
        return self.mapToScene(event.position().toPoint()).y()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        data = event.mimeData()
        if data.hasFormat(KIND_MIME):
            self._show_marker(self._slot_at(self._scene_y(event)))
            event.acceptProposedAction()
        elif data.hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt override
        self._show_marker(None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self._show_marker(None)
        data = event.mimeData()
        if data.hasFormat(KIND_MIME):
            kind = bytes(data.data(KIND_MIME).data()).decode("utf-8", errors="replace")[:200]
            if self.add(kind, self._slot_at(self._scene_y(event))):
                event.acceptProposedAction()
                return
        elif data.hasUrls():
            event.acceptProposedAction()
            self.files_dropped.emit([url.toLocalFile() for url in data.urls() if url.isLocalFile()])
            return
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.remove_selected():
            return
        super().keyPressEvent(event)
