"""Where LayerLab keeps its settings (window layout, recent files, the welcome screen at start-up)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def app_settings() -> QSettings:
    """LayerLab's settings (an INI file in the user's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LayerLab", "LayerLab")


WELCOME_AT_START = "welcome/showAtStartup"
"""Whether the welcome screen opens when LayerLab starts (the "Show at start-up" box; on until unticked)."""


def show_welcome_at_start() -> bool:
    """Whether to show the welcome screen at start-up (an INI file hands a bool back as text)."""
    return str(app_settings().value(WELCOME_AT_START, True)).lower() not in ("false", "0", "no")


def set_show_welcome_at_start(show: bool) -> None:
    app_settings().setValue(WELCOME_AT_START, bool(show))
