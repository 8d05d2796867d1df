"""Where LayerLab keeps its settings (window layout, recent files, the welcome screen at start-up)."""

from __future__ import annotations

from editor.ui.app_settings import app_settings as app_settings  # (it was made here: still offered)

WELCOME_AT_START = "welcome/showAtStartup"
"""Whether the welcome screen opens when LayerLab starts (the "Show at start-up" box; on until unticked)."""


def show_welcome_at_start() -> bool:
    """Whether to show the welcome screen at start-up (an INI file hands a bool back as text)."""
    return str(app_settings().value(WELCOME_AT_START, True)).lower() not in ("false", "0", "no")


def set_show_welcome_at_start(show: bool) -> None:
    app_settings().setValue(WELCOME_AT_START, bool(show))
