"""The main window while PyTorch loads, and the hand-over to the editor that is built in its place.

A :class:`LoadingShell` fills a main window with torch-free parts, laid out
exactly as the editor lays out its own (the same dock names, areas and tab
titles, so the saved panel layout applies from the first frame):

- the real palette (search and categories work; a double-click adds a layer);
- a :class:`~editor.ui.loading.pending.PendingCanvas` that takes drops;
- "Loading PyTorch…" panels for the inspector, the history and each bottom tab;
- a toolbar and menus that say what waits for torch (Quit and the panel toggles work).

:meth:`LoadingShell.hand_over` takes out the toolbar and menus and returns a
:class:`Handover`: the docks (which stay where they are; the editor puts its
panels into them), the palette as it is, the pending blocks and the file to open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStatusBar, QTabWidget, QWidget

from editor.ui.i18n import keep_translated, translate
from editor.ui.loading.pending import PendingBlock, PendingCanvas
from editor.ui.loading.placeholders import LoadingPanel, loading_menus, loading_text, loading_toolbar
from editor.ui.palette import Palette

BOTTOM_TABS: tuple[Callable[[], str], ...] = (
    lambda: translate("MainWindow", "Parameters"), lambda: translate("MainWindow", "Histogram"),
    lambda: translate("MainWindow", "Code"), lambda: translate("MainWindow", "Run"))
"""The bottom tabs that need torch, titled as the main window titles them."""


@dataclass
class Handover:
    """What the shell hands to the editor built in its place: its docks and palette, and what the learner did."""

    docks: dict[str, QDockWidget]
    """The docks by objectName, where they are (the editor puts its panels in them)."""
    palette: Palette
    default_state: QByteArray
    """The docks' default layout (for "Reset Panel Layout")."""
    blocks: list[PendingBlock] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class LoadingShell(QObject):
    """The torch-free parts of a main window while PyTorch loads (see the module's docstring)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.palette = Palette()
        self.canvas = PendingCanvas()
        self.palette.kind_activated.connect(self.canvas.add)
        self.canvas.files_dropped.connect(self.open_when_ready)
        self.canvas.message.connect(self.show_message)
        self.files: list[str] = []
        self.default_state = QByteArray()
        """The docks' default layout; the main window sets it once it has arranged them."""
        window.setCentralWidget(self.canvas)
        self.panels: list[LoadingPanel] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("loadingTabs")
        self.tabs.setDocumentMode(True)
        for title in BOTTOM_TABS:
            index = self.tabs.addTab(self._panel(), "")
            keep_translated(self.tabs, lambda text, i=index: self.tabs.setTabText(i, text), title)
        self.tabs.addTab(self._panel(), "print(net)")
        self.docks = self._make_docks()
        self.toolbar = loading_toolbar()
        window.addToolBar(self.toolbar)
        self.status = QStatusBar()
        self.status.setObjectName("loadingStatus")
        window.setStatusBar(self.status)
        self.show_message(loading_text())
        self.menus = loading_menus(window, self.docks.values())
        window.setWindowTitle("LayerLab")

    def _panel(self) -> LoadingPanel:
        panel = LoadingPanel()
        self.panels.append(panel)
        return panel

    def _make_docks(self) -> dict[str, QDockWidget]:
        def dock(title: Callable[[], str], name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
            d = QDockWidget(self.window)
            d.setObjectName(name)
            keep_translated(d, d.setWindowTitle, title)
            d.setWidget(widget)
            self.window.addDockWidget(area, d)
            return d

        left, right, bottom = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                               Qt.DockWidgetArea.BottomDockWidgetArea)
        docks = {
            "palette": dock(lambda: translate("MainWindow", "Layers"), "paletteDock", self.palette, left),
            "inspector": dock(lambda: translate("MainWindow", "Inspector"), "inspectorDock", self._panel(), right),
            "history": dock(lambda: translate("MainWindow", "History"), "historyDock", self._panel(), right),
            "bottom": dock(lambda: translate("MainWindow", "Model"), "bottomDock", self.tabs, bottom),
        }
        return docks  # the main window arranges them as it arranges its own

    def show_message(self, text: str) -> None:
        """Say something in the status bar (until the next message)."""
        self.status.showMessage(text)

    def open_when_ready(self, paths: list[str] | Path) -> None:
        """Open a file once the editor is ready, and say so on the canvas.

        ``paths``: the project given on the command line, or dropped files (of
        which the first project, or else the first ``.py`` file, is taken).
        """
        if isinstance(paths, Path):
            chosen: str | None = str(paths)
        else:
            projects = [p for p in paths if p.lower().endswith((".pt", ".pth"))]
            code = [p for p in paths if p.lower().endswith(".py")]
            chosen = (projects or code or [None])[0]
            if chosen is None:
                self.show_message(translate("MainWindow",
                                            "Drop a LayerLab project (.pt) or Python code (.py) to open it."))
                return
        self.files = [chosen]
        self.canvas.set_note(translate("Loading", "{name} opens once PyTorch is loaded").format(
            name=Path(chosen).name))

    def show_failure(self, message: str) -> None:
        """PyTorch could not be loaded: every waiting panel says why (``message``, in plain words)."""
        for panel in self.panels:
            panel.show_failure(message)
        self.canvas.show_failure(message)
        self.show_message(message)

    def hand_over(self) -> Handover:
        """Take the shell's toolbar and menus out of the window; hand over its docks and palette.

        The docks stay where they are (the editor puts its panels into them,
        so the layout does not move), the palette as it is, search included.
        What is taken out is deleted at once, not later, so that the window
        holds only the editor's parts when it builds them next.
        """
        window = self.window
        docks = {d.objectName(): d for d in self.docks.values()}
        handover = Handover(docks, self.palette, self.default_state, self.canvas.blocks(), list(self.files))
        self.palette.kind_activated.disconnect(self.canvas.add)
        window.removeToolBar(self.toolbar)
        window.menuBar().clear()
        for obj in (self.toolbar, *self.menus):  # the canvas and the status bar: the editor's replace them
            if shiboken6.isValid(obj):
                shiboken6.delete(obj)
        self.docks.clear()
        self.panels.clear()
        return handover
