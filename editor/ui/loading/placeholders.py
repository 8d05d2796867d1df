"""Stand-ins for the parts that need PyTorch while it loads: a calm panel, and menus that say why they wait."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.ui import icons
from editor.ui.i18n import keep_translated, translate


def loading_text() -> str:
    """"Loading PyTorch…", in the current language."""
    return translate("Loading", "Loading PyTorch…")


def waiting_tip() -> str:
    """Why something is not available yet, and that it will be."""
    return translate("Loading", "Loading PyTorch… this becomes available in a moment.")


class LoadingPanel(QWidget):
    """A panel that needs PyTorch, while it loads (objectName ``loadingPanel``).

    It says "Loading PyTorch…" with a busy bar, or, when torch could not be
    loaded, why (:meth:`show_failure`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadingPanel")
        self.label = QLabel()
        self.label.setObjectName("loadingText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: palette(placeholder-text);")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: how long the import takes is unknown
        self.bar.setTextVisible(False)
        self.bar.setMaximumSize(160, 6)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._failure = ""
        keep_translated(self, self._set_text, loading_text)

    def _set_text(self, text: str) -> None:
        if not self._failure:
            self.label.setText(text)

    def text(self) -> str:
        """What the panel says now."""
        return self.label.text()

    def show_failure(self, message: str) -> None:
        """PyTorch could not be loaded: say why (``message``, in plain words) instead of waiting."""
        self._failure = message
        self.label.setText(message)
        self.label.setStyleSheet("")
        self.bar.hide()


def loading_menus(window: QMainWindow, docks: Iterable[QDockWidget]) -> list[QMenu]:
    """File, Edit, View and Help while PyTorch loads; returns the menus (the editor's own replace them).

    What needs torch is disabled with a tooltip that says so; Quit and the
    panels' toggles work.
    """
    bar = window.menuBar()

    def menu(title: Callable[[], str], name: str) -> QMenu:
        m = QMenu(bar)
        m.setObjectName(name)
        m.setToolTipsVisible(True)
        keep_translated(m, m.setTitle, title)
        bar.addMenu(m)
        return m

    def waiting(m: QMenu) -> None:
        action = m.addAction("")
        action.setObjectName("actionLoading")
        keep_translated(m, action.setText, loading_text)
        keep_translated(m, action.setToolTip, waiting_tip)
        keep_translated(m, action.setStatusTip, waiting_tip)
        action.setEnabled(False)

    file_menu = menu(lambda: translate("Menus", "&File"), "loadingMenuFile")
    waiting(file_menu)
    file_menu.addSeparator()
    quit_action = file_menu.addAction("")
    keep_translated(file_menu, quit_action.setText, lambda: translate("Menus", "&Quit"))
    quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
    quit_action.triggered.connect(window.close)
    edit_menu = menu(lambda: translate("Menus", "&Edit"), "loadingMenuEdit")
    waiting(edit_menu)
    edit_menu.menuAction().setEnabled(False)
    keep_translated(edit_menu, edit_menu.menuAction().setToolTip, waiting_tip)
    view_menu = menu(lambda: translate("Menus", "&View"), "loadingMenuView")
    for dock in docks:
        view_menu.addAction(dock.toggleViewAction())
    help_menu = menu(lambda: translate("Menus", "&Help"), "loadingMenuHelp")
    waiting(help_menu)
    return [file_menu, edit_menu, view_menu, help_menu]


def loading_toolbar() -> QToolBar:
    """The design toolbar (input shape, seed, initialize, reset, device) until torch is loaded: there, but disabled.

    The same fields and buttons, so that nothing moves when the editor's toolbar takes its place.
    """
    bar = QToolBar()
    bar.setObjectName("designToolbar")

    def label(title: Callable[[], str]) -> None:
        text = QLabel()
        keep_translated(text, text.setText, lambda: "  " + title() + " ")
        text.setStyleSheet("color: palette(placeholder-text);")
        text.setEnabled(False)
        bar.addWidget(text)

    def add(widget: QWidget) -> None:
        keep_translated(widget, widget.setToolTip, waiting_tip)
        widget.setEnabled(False)
        bar.addWidget(widget)

    for title, width in ((lambda: translate("DesignToolbar", "Input"), 150),
                         (lambda: translate("DesignToolbar", "Seed"), 110)):
        label(title)
        field = QLineEdit(placeholderText="…")  # filled in from the design once torch is loaded
        field.setFixedWidth(width)
        add(field)
    for title, icon_name in ((lambda: translate("DesignToolbar", "Initialize…"), "initialize"),
                             (lambda: translate("DesignToolbar", "Reset from seed"), "reset-seed")):
        button = QToolButton()
        button.setIcon(icons.icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        keep_translated(button, button.setText, title)
        add(button)
    bar.addSeparator()
    label(lambda: translate("DesignToolbar", "Device"))
    device = QComboBox()
    device.addItem("…")
    add(device)
    return bar
