"""The main window's panel layout: the docks' default places and sizes, and the layout kept between starts.

:class:`DockLayout` is the main window's base: the default arrangement (also
the loading shell's, so the editor takes over its places), fitting the bottom
panels to the real window on the first show, saving and restoring the layout
(``QSettings``), and Reset Panel Layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from editor.ui import theme
from editor.ui.window.settings import app_settings

if TYPE_CHECKING:
    from editor.ui.loading.shell import LoadingShell

LAYOUT_VERSION = 3  # 2: the Run tab wants a taller bottom dock; 3: taller still, for the training plots
MIN_CANVAS_HEIGHT = 220
"""The canvas's least height in a restored layout (pixels)."""


def scrolled_column(name: str, *parts: QWidget) -> QScrollArea:
    """``parts`` stacked in a column (objectName ``name``) with a thin line between them, scrolled vertically."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    column = QWidget()
    column.setObjectName(name)
    column_layout = QVBoxLayout(column)
    column_layout.setContentsMargins(0, 0, 0, 0)
    column_layout.setSpacing(0)
    for index, part in enumerate(parts):
        if index:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet(f"color: {theme.border().name()};")
            column_layout.addWidget(line)
        column_layout.addWidget(part)
    column_layout.addStretch(1)
    scroll.setWidget(column)
    return scroll


class DockLayout(QMainWindow):
    """A main window whose docks start in LayerLab's default places and come back where the learner left them."""

    docks: dict[str, QDockWidget]
    loading: LoadingShell | None
    _default_state: QByteArray

    def _place_dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea,
                    kept: dict[str, QDockWidget] | None = None) -> QDockWidget:
        """A dock ``name`` holding ``widget``: the loading shell's ``kept`` one where it has it (only its content
        changes, where the learner sees it already), else a new one in ``area``."""
        if kept is not None and name in kept:
            dock, old = kept[name], kept[name].widget()
            dock.setWidget(widget)
            widget.show()  # the dock is on screen: Qt leaves new content hidden
            if old is not None and old is not widget:
                old.deleteLater()
            return dock
        dock = QDockWidget(title, self)  # titled in retranslate
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _arrange_docks(self, docks: dict[str, QDockWidget]) -> None:
        """The default layout of the docks (the loading shell's too, so that the editor takes over its places)."""
        self.tabifyDockWidget(docks["inspector"], docks["history"])
        docks["inspector"].raise_()
        self.resizeDocks([docks["palette"], docks["inspector"]], [230, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([docks["bottom"]], [380], Qt.Orientation.Vertical)  # tall enough to read code and runs

    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._fit_docks = not (isinstance(state, QByteArray) and self.restoreState(state, LAYOUT_VERSION))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """On the first show without a saved layout, give the bottom panels their share of the real window.

        Dock sizes asked for before the window has its size are scaled down with it, which left the
        Run tab's per-block table a few rows tall; the default layout is taken again once it fits.
        """
        super().showEvent(event)
        if getattr(self, "_fit_docks", False):
            self._fit_docks = False
            QTimer.singleShot(0, self._fit_bottom_dock)
        elif not getattr(self, "_canvas_checked", False):
            self._canvas_checked = True
            QTimer.singleShot(0, self._keep_canvas_visible)

    def _bottom_dock(self) -> QDockWidget | None:
        return self.docks["bottom"] if self.loading is None else self.loading.docks.get("bottomDock")

    def _fit_bottom_dock(self) -> None:
        bottom = self._bottom_dock()
        if bottom is None:
            return
        self.resizeDocks([bottom], [max(360, round(self.height() * 0.4))], Qt.Orientation.Vertical)
        QTimer.singleShot(0, self._keep_default_layout)  # once the docks have their new sizes

    def _keep_canvas_visible(self) -> None:
        """A restored layout keeps the learner's dock sizes, but never leaves the canvas less than
        ``MIN_CANVAS_HEIGHT`` tall (a bottom panel dragged tall in a larger window can bury it)."""
        central, bottom = self.centralWidget(), self._bottom_dock()
        if central is None or bottom is None or bottom.isFloating() or not bottom.isVisible():
            return
        missing = MIN_CANVAS_HEIGHT - central.height()
        if missing > 0:
            self.resizeDocks([bottom], [max(bottom.minimumSizeHint().height(), bottom.height() - missing)],
                             Qt.Orientation.Vertical)

    def _keep_default_layout(self) -> None:
        if self.loading is not None:
            self.loading.default_state = self.saveState(LAYOUT_VERSION)
        else:
            self._default_state = self.saveState(LAYOUT_VERSION)

    def save_layout(self) -> None:
        """Remember window geometry and panel layout for the next start."""
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(LAYOUT_VERSION))

    def reset_layout(self) -> None:
        """Put the panels back where they started."""
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for d in self.docks.values():
            d.show()


__all__ = ["LAYOUT_VERSION", "MIN_CANVAS_HEIGHT", "DockLayout"]
