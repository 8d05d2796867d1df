"""The menu bar: File, Edit, View and Help, with standard shortcuts.

The menus only arrange actions that others own (files, code, editing) and
the canvas view's zoom slots; :func:`build_menus` is handed exactly those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QWidget

from editor.model.examples import EXAMPLES, TITLES
from editor.ui.canvas.view import CanvasView
from editor.ui.i18n import catalog_text, keep_translated, translate
from editor.ui.window.code_files import CodeActions
from editor.ui.window.editing import EditActions, set_shortcuts
from editor.ui.window.files import FileActions
from editor.ui.window.language import LanguageMenu
from editor.version import __version__

Key = QKeySequence.StandardKey


def shortcuts(shortcut, fallback: str | None = None) -> list[QKeySequence]:
    """The platform's keys for a standard action (or ``fallback`` where it has none, e.g. Quit on Windows)."""
    if isinstance(shortcut, Key):
        keys = QKeySequence.keyBindings(shortcut)
        return keys or ([QKeySequence(fallback)] if fallback else [])
    return [QKeySequence(shortcut)]


def _add(menu: QMenu, text: str | Callable[[], str], slot, shortcut=None, name: str = "",
         tip: Callable[[], str] | None = None, fallback: str | None = None) -> QAction:
    """An action in ``menu``; ``text`` and ``tip`` translate (callables), or ``text`` is a name that does not."""
    action = menu.addAction("")
    if callable(text):
        keep_translated(menu, action.setText, text)
    else:
        action.setText(text)
    action.triggered.connect(slot)
    if shortcut is not None:
        set_shortcuts(action, shortcut, fallback)
    if name:
        action.setObjectName(name)
    if tip is not None:
        keep_translated(menu, action.setStatusTip, tip)
    return action


def _menu(window: QMainWindow, title: Callable[[], str], name: str) -> QMenu:
    menu = window.menuBar().addMenu("")
    menu.setObjectName(name)
    keep_translated(menu, menu.setTitle, title)
    return menu


def build_menus(window: QMainWindow, files: FileActions, code: CodeActions, edits: EditActions, view: CanvasView,
                docks: Iterable[QDockWidget], reset_layout: Callable[[], None]) -> dict[str, QMenu]:
    """Fill the menu bar of ``window`` (which Quit closes); returns the menus by name."""
    menus = {}

    file_menu = _menu(window, lambda: translate("Menus", "&File"), "menuFile")
    file_menu.addAction(files.new)
    file_menu.addAction(files.open)
    file_menu.addMenu(files.recent_menu)
    files.refresh_recent()
    examples = file_menu.addMenu("")
    examples.setObjectName("menuExamples")
    keep_translated(examples, examples.setTitle, lambda: translate("Menus", "Open &Example"))
    for name in EXAMPLES:
        _add(examples, lambda n=name: catalog_text(TITLES[n]), lambda checked=False, n=name: files.open_example(n),
             name=f"actionExample_{name}")
    file_menu.addAction(code.open_code)
    file_menu.addSeparator()
    file_menu.addAction(files.save)
    file_menu.addAction(files.save_as)
    file_menu.addSeparator()
    file_menu.addAction(files.load_weights)
    file_menu.addAction(files.export_weights)
    file_menu.addAction(code.export_code)
    file_menu.addSeparator()
    _add(file_menu, lambda: translate("Menus", "&Quit"), window.close, Key.Quit, "actionQuit", fallback="Ctrl+Q")
    menus["file"] = file_menu

    edit_menu = _menu(window, lambda: translate("Menus", "&Edit"), "menuEdit")
    edits.fill_menu(edit_menu)
    menus["edit"] = edit_menu

    view_menu = _menu(window, lambda: translate("Menus", "&View"), "menuView")
    _add(view_menu, lambda: translate("Menus", "Zoom &In"), view.zoom_in, Key.ZoomIn, "actionZoomIn")
    _add(view_menu, lambda: translate("Menus", "Zoom &Out"), view.zoom_out, Key.ZoomOut, "actionZoomOut")
    _add(view_menu, lambda: translate("Menus", "&Fit to Window"), view.fit, "Ctrl+0", "actionFit")
    _add(view_menu, lambda: translate("Menus", "&Actual Size"), view.zoom_reset, "Ctrl+1", "actionActualSize")
    view_menu.addSeparator()
    for dock in docks:
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    _add(view_menu, lambda: translate("Menus", "&Reset Panel Layout"), reset_layout, name="actionResetLayout")
    view_menu.addSeparator()
    view_menu.addMenu(LanguageMenu(window).menu)
    menus["view"] = view_menu

    help_menu = _menu(window, lambda: translate("Menus", "&Help"), "menuHelp")
    _add(help_menu, lambda: translate("Menus", "PyTorch &nn Documentation"),
         lambda: QDesktopServices.openUrl(QUrl("https://docs.pytorch.org/docs/stable/nn.html")), Key.HelpContents,
         "actionTorchDocs")
    _add(help_menu, lambda: translate("Menus", "&About LayerLab"), lambda: about(window), name="actionAbout")
    menus["help"] = help_menu
    return menus


def about(parent: QWidget) -> None:
    """The About box: LayerLab's and torch's versions."""
    import torch

    QMessageBox.about(parent, translate("Menus", "About LayerLab"),
                      f"<h3>LayerLab {__version__}</h3><p>"
                      + translate("Menus", "Build PyTorch networks from blocks. The canvas is a real "
                                  "<code>nn.Sequential</code>: what you see is what <code>print(model)</code> prints.")
                      + f"</p><p>torch {torch.__version__}</p>")
