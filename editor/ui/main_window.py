"""Deprecated home of the main window: use ``from editor.ui import MainWindow``.

Kept so that scripts written for earlier versions keep working; importing it warns.
"""

import warnings

from editor.ui.window.main_window import MainWindow

__all__ = ["MainWindow"]

warnings.warn("editor.ui.main_window moved; use 'from editor.ui import MainWindow'.", DeprecationWarning,
              stacklevel=2)
