"""Where LayerLab keeps its settings (window layout, recent files)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def app_settings() -> QSettings:
    """LayerLab's settings (an INI file in the user's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LayerLab", "LayerLab")
