"""Helpers for UI tests: hand-built drag events and points on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def settle(qtbot=None) -> None:
    """Let queued events, timers at zero and deferred deletions run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def drag_event(cls, point: QPoint, mime: QMimeData, actions=None):
    """A QDragEnterEvent/QDragMoveEvent at ``point`` (newer PySide wants QPointF, older QPoint)."""
    actions = actions if actions is not None else Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    args = (actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return cls(QPointF(point), *args)
    except TypeError:
        return cls(QPoint(point), *args)


def drag_to(view, mime: QMimeData, scene_pos: QPointF) -> QDropEvent:
    """Send hand-built QDragEnter/QDragMove/QDrop events to the view's viewport (QTest cannot start a QDrag)."""
    point = view.mapFromScene(scene_pos)
    viewport = view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    QApplication.sendEvent(viewport, drag_event(QDragEnterEvent, point, mime, actions))
    QApplication.sendEvent(viewport, drag_event(QDragMoveEvent, point, mime, actions))
    drop = QDropEvent(QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return drop


def gap_between(scene, upper_path: str | None, lower_path: str | None) -> QPointF:
    """A scene point in the gap between two items (either may be None for "before the first"/"after the last")."""
    if upper_path is not None:
        upper = scene.item_at_path(upper_path).sceneBoundingRect()
        y = upper.bottom() + 3
        x = upper.center().x()
    else:
        lower = scene.item_at_path(lower_path).sceneBoundingRect()
        y = lower.top() - 3
        x = lower.center().x()
    return QPointF(x, y)


def viewport_point(view, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def show_table(window, project):
    """Open ``project`` in ``window`` and bring the Parameters tab to the front; returns the table."""
    window.set_project(project)
    table = window.parameter_table
    window.bottom_tabs.setCurrentWidget(table)
    settle()
    return table
