"""View → Language: English, 简体中文 or the system's language, remembered in the settings, applied at once.

The choice is kept under the settings key ``language`` (``"en"``, ``"zh_CN"`` or
``"system"``, the default). :func:`apply_saved_language` installs it when the
application starts; choosing in the menu installs the new translators and every
panel retranslates itself, without a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from editor.ui import i18n
from editor.ui.window.settings import app_settings

LANGUAGE_KEY = "language"
"""The settings key of the chosen language."""


def saved_choice() -> str:
    """The language chosen in the settings: ``"en"``, ``"zh_CN"`` or ``"system"``."""
    value = app_settings().value(LANGUAGE_KEY, i18n.SYSTEM)
    return value if isinstance(value, str) and (value in i18n.LANGUAGES or value == i18n.SYSTEM) else i18n.SYSTEM


def apply_saved_language() -> str:
    """Install the language the settings choose (the system's by default); returns it."""
    language = i18n.resolve(saved_choice())
    i18n.languages().install(language)
    return i18n.current_language()


class LanguageMenu(QObject):
    """The View → Language submenu (objectName ``menuLanguage``): one checkable action per choice."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.menu = QMenu(parent)
        self.menu.setObjectName("menuLanguage")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for choice in (i18n.SYSTEM, *i18n.LANGUAGES):
            action = QAction(i18n.LANGUAGES.get(choice, ""), self.menu)
            action.setObjectName(f"actionLanguage_{choice}")
            action.setCheckable(True)
            action.setData(choice)
            action.triggered.connect(lambda checked=False, c=choice: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[choice] = action
        self.menu.insertSeparator(self.actions[i18n.ENGLISH])
        self.actions[saved_choice()].setChecked(True)
        self.retranslate()
        i18n.on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Language"))
        system = i18n.LANGUAGES[i18n.resolve(i18n.SYSTEM)]
        self.actions[i18n.SYSTEM].setText(self.tr("&System Language ({language})").format(language=system))
        self.actions[i18n.SYSTEM].setStatusTip(self.tr("Follow the language of the desktop"))
        for language in i18n.LANGUAGES:
            self.actions[language].setStatusTip(self.tr("Show LayerLab in this language, from now on"))

    def choose(self, choice: str) -> None:
        """Remember ``choice`` and show LayerLab in it now."""
        app_settings().setValue(LANGUAGE_KEY, choice)
        self.actions[choice].setChecked(True)
        i18n.languages().install(i18n.resolve(choice))


__all__ = ["LANGUAGE_KEY", "LanguageMenu", "apply_saved_language", "saved_choice"]
