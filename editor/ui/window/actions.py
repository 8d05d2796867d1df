"""The menu bar: File, Edit, View and Help, with standard shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

import editor
from editor.model.examples import EXAMPLES, TITLES

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

Key = QKeySequence.StandardKey


def shortcuts(shortcut, fallback: str | None = None) -> list[QKeySequence]:
    """The platform's keys for a standard action (or ``fallback`` where it has none, e.g. Quit on Windows)."""
    if isinstance(shortcut, Key):
        keys = QKeySequence.keyBindings(shortcut)
        return keys or ([QKeySequence(fallback)] if fallback else [])
    return [QKeySequence(shortcut)]


def _add(menu: QMenu, text: str, slot, shortcut=None, name: str = "", tip: str = "",
         fallback: str | None = None) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(slot)
    if shortcut is not None:
        action.setShortcuts(shortcuts(shortcut, fallback))
    if name:
        action.setObjectName(name)
    if tip:
        action.setStatusTip(tip)
    return action


def build_menus(window: MainWindow) -> dict[str, QMenu]:
    """Create the menu bar of ``window``; returns the menus by name."""
    bar = window.menuBar()
    menus = {}

    file_menu = bar.addMenu("&File")
    files = window.file_actions
    file_menu.addAction(files.new)
    file_menu.addAction(files.open)
    file_menu.addMenu(files.recent_menu)
    files.refresh_recent()
    examples = file_menu.addMenu("Open &Example")
    examples.setObjectName("menuExamples")
    for name in EXAMPLES:
        _add(examples, TITLES[name], lambda checked=False, n=name: open_example(window, n),
             name=f"actionExample_{name}")
    file_menu.addAction(window.code_actions.open_code)
    file_menu.addSeparator()
    file_menu.addAction(files.save)
    file_menu.addAction(files.save_as)
    file_menu.addSeparator()
    file_menu.addAction(files.load_weights)
    file_menu.addAction(files.export_weights)
    file_menu.addAction(window.code_actions.export_code)
    file_menu.addSeparator()
    _add(file_menu, "&Quit", window.close, Key.Quit, "actionQuit", fallback="Ctrl+Q")
    menus["file"] = file_menu

    edit_menu = bar.addMenu("&Edit")
    window.edit_actions.fill_menu(edit_menu)
    menus["edit"] = edit_menu

    view_menu = bar.addMenu("&View")
    view = window.view
    _add(view_menu, "Zoom &In", view.zoom_in, Key.ZoomIn, "actionZoomIn")
    _add(view_menu, "Zoom &Out", view.zoom_out, Key.ZoomOut, "actionZoomOut")
    _add(view_menu, "&Fit to Window", view.fit, "Ctrl+0", "actionFit")
    _add(view_menu, "&Actual Size", view.zoom_reset, "Ctrl+1", "actionActualSize")
    view_menu.addSeparator()
    for dock in window.docks.values():
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    _add(view_menu, "&Reset Panel Layout", window.reset_layout, name="actionResetLayout")
    menus["view"] = view_menu

    help_menu = bar.addMenu("&Help")
    _add(help_menu, "PyTorch &nn Documentation",
         lambda: QDesktopServices.openUrl(QUrl("https://docs.pytorch.org/docs/stable/nn.html")), Key.HelpContents)
    _add(help_menu, "&About LayerLab", lambda: about(window), name="actionAbout")
    menus["help"] = help_menu
    return menus


def open_example(window: MainWindow, name: str) -> None:
    from editor.ui.window.files import maybe_save

    if maybe_save(window):
        window.set_project(EXAMPLES[name](0))


def about(window: MainWindow) -> None:
    import torch

    QMessageBox.about(window, "About LayerLab",
                      f"<h3>LayerLab {editor.__version__}</h3>"
                      "<p>Build PyTorch networks from blocks. The canvas is a real <code>nn.Sequential</code>: "
                      "what you see is what <code>print(model)</code> prints.</p>"
                      f"<p>torch {torch.__version__}</p>")
