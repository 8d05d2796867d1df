"""LayerLab's Qt user interface.

- ``MainWindow`` (from ``window.main_window``): the editor window.
- ``app``: the QApplication, running the GUI, offscreen screenshots.
- ``window``, ``canvas``, ``panels``, ``dialogs``: the parts the window is built from.

``MainWindow`` is loaded on first use, so importing a small ui module (a
theme, an icon) does not build the whole window's import tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from editor.ui.window.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
