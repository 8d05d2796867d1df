"""Where a drop on the canvas lands: a slot between blocks (at any depth), or a block a palette layer replaces.

A part of :class:`~editor.ui.canvas.scene.CanvasScene`, which provides ``project``, ``top`` (the top-level
items), ``width``, and the two markers these show (``marker``, ``replace_marker``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from editor.model.design.tree import Group, Node
from editor.ui.canvas.items import GAP, HEADER, MARGIN, PAD, BlockItem, GroupItem


class DropTargets:
    """The scene's answers for a drag: where it would insert, what it would replace, and the marker showing it."""

    def slot_at(self, pos: QPointF, forbidden: set[Node] | None = None) -> tuple[Group, int, QRectF] | None:
        """Where a drop at ``pos`` lands: (group, index, marker line) or None when nowhere.

        Dropping inside a group's frame puts the block in that group (at any
        depth); between top-level items it goes at that level.
        """
        forbidden = forbidden or set()
        group: Group = self.project.root
        items = self.top
        owner: GroupItem | None = None
        descended = True
        while descended:
            descended = False
            for item in items:
                if isinstance(item, GroupItem) and not item.collapsed:
                    rect = item.sceneBoundingRect().adjusted(1, HEADER - 6, -1, -4)
                    if rect.contains(pos):
                        if item.node in forbidden:
                            return None
                        group, items, owner, descended = item.group, item.child_items, item, True
                        break
        index = sum(1 for item in items if item.sceneBoundingRect().center().y() < pos.y())
        if owner is None:
            x, width = MARGIN, self.width
            top = MARGIN + 30 + GAP
        else:
            origin = owner.scenePos()
            x, width, top = origin.x() + PAD, owner.width - 2 * PAD, origin.y() + HEADER
        if index < len(items):
            y = items[index].scenePos().y() - GAP / 2
        elif items:
            last = items[-1]
            y = last.scenePos().y() + last.height() + GAP / 2
        else:
            y = top + 4
        return group, index, QRectF(x, y, width, 0)

    def replace_target_at(self, pos: QPointF) -> BlockItem | None:
        """The block that a palette layer dropped at ``pos`` replaces: one whose middle half is there (else None).

        Near a block's top or bottom edge, and in the gaps, a drop inserts.
        """
        for item in self.items(pos):
            if isinstance(item, BlockItem) and item.isVisible():
                top, height = item.scenePos().y(), item.height()
                return item if top + height / 4 <= pos.y() <= top + height * 3 / 4 else None
        return None

    def show_marker(self, line: QRectF | None, replacing: BlockItem | None = None, text: str = "") -> None:
        """Show the insertion marker on ``line``, or the block ``replacing`` outlined with ``text`` (None: neither)."""
        if line is None:
            self.marker.setVisible(False)
        else:
            self.marker.show_at(line.x(), line.y(), line.width())
        if replacing is None:
            self.replace_marker.setVisible(False)
        else:
            self.replace_marker.show_at(replacing.sceneBoundingRect().adjusted(1, 1, -1, -1), text)
