"""LayerLab's settings file, for every part of the interface (the window's own keys are in ``window.settings``)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

LAST_FOLDER = "lastFolder"
"""The settings key of the folder a file was last opened from or saved to."""


def app_settings() -> QSettings:
    """LayerLab's settings (an INI file in the user's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LayerLab", "LayerLab")
