"""The Run tab's split between the run (left) and the training box (right), which gets the width its fields need."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget


class RoomForTraining(QSplitter):
    """A horizontal splitter of ``left`` and a scroll area holding the training box that, as it is resized, widens
    the scroll area up to what the box needs (its minimum width, and a scroll bar's) while the left side can spare
    it. Shared by stretch alone, the box's fields were cut off behind a scroll bar at 1280 pixels, with room to
    spare on the left."""

    def __init__(self, left: QWidget, right: QScrollArea) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.make_room()

    def make_room(self) -> None:
        """Give the training box the width it needs, from what the left side has beyond its own minimum."""
        if self.count() != 2:
            return
        scroll = self.widget(1)
        assert isinstance(scroll, QScrollArea)
        box = scroll.widget()
        if box is None:
            return
        needs = box.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth()
        left, right = self.sizes()
        give = min(needs - right, left - self.widget(0).minimumSizeHint().width())
        if give > 0:
            self.setSizes([left - give, right + give])
