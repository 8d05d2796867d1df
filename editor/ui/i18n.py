"""Languages: LayerLab in English and Simplified Chinese, through Qt's translation system.

The English texts in the code are the source; ``resources/translations/layerlab_zh_CN.ts``
holds their Chinese, compiled to ``layerlab_zh_CN.qm`` (``python resources/translations/build.py``
updates both). Qt's own ``qtbase_zh_CN.qm`` translates the standard dialogs' buttons.

- :func:`translate` is ``QCoreApplication.translate`` under a name ``lupdate`` finds:
  ``translate("Context", "text")``. Classes that are QObjects use ``self.tr("text")``.
  Texts with values use named fields filled after translating:
  ``self.tr("Saved {path}").format(path=path)``.
- :func:`languages` is the one :class:`Languages` of the application: it swaps the
  translators and then emits ``changed``. Everything that sets a text in code
  connects a ``retranslate`` method with :func:`on_language_change`, or sets a
  fixed text with :func:`keep_translated`, which sets it again in each new
  language: the language changes at once, without a restart.
- :func:`resolve` turns the saved choice (``"en"``, ``"zh_CN"`` or ``"system"``)
  into a language, following the system's UI languages for ``"system"``.

What the model says (errors, fixes, reasons) is written with ``editor.model.words.say``
and shown through :func:`model_text` (context ``Model``; the build script collects
every ``say("...")`` template).

Layer descriptions and hyperparameter help come from the catalog, which is
plain data without Qt: :func:`catalog_text` translates them when they are
shown (context ``Catalog``; the build script lists every catalog text for
``lupdate``). What a learner typed (labels, custom layers) is never translated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal

from editor import resources
from editor.commands.texts import MODEL, said_text, sentences
from editor.model.words import Said

ENGLISH = "en"
CHINESE = "zh_CN"
SYSTEM = "system"

LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
"""The languages LayerLab speaks, each named in itself (so a learner finds theirs whatever is showing)."""

CATALOG = "Catalog"
"""The translation context of the catalog's texts (descriptions, hyperparameter help, categories)."""


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language (``text`` itself where there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation in ``context`` without translating it (translate it where it is shown)."""
    return text


def model_text(text: str | BaseException | None) -> str:
    """What the model said (a message, or an error's message) in the current language.

    See :func:`editor.commands.texts.said_text`, which this is: a
    :class:`~editor.model.words.Said` is translated from its template (context
    ``Model``), its values filled in; any other text is shown as it is.
    """
    return said_text(text)


def fix_text(label: str, path: str) -> str:
    """A suggested fix's label in the current language, at block ``path`` (labels hold a ``{path}`` placeholder)."""
    return model_text(label).replace("{path}", path)


def catalog_text(text: str) -> str:
    """A catalog text (a description, a hyperparameter's help) in the current language.

    A custom kind's texts are made with ``say`` (they hold its name): those translate as the model's.
    """
    if isinstance(text, Said):
        return model_text(text)
    return QCoreApplication.translate(CATALOG, text) if text else text


def translations_folder() -> Path:
    """Where the compiled translations (``layerlab_*.qm``) are: ``resources/translations``."""
    return resources.translations_folder()


def resolve(choice: str, ui_languages: list[str] | None = None) -> str:
    """The language for ``choice``: itself, or for ``"system"`` the first of the system's UI languages we speak.

    Any Chinese (Simplified or Traditional) gets Simplified Chinese, the only Chinese
    there is; anything else we do not speak gets English.
    """
    if choice in LANGUAGES:
        return choice
    for name in QLocale.system().uiLanguages() if ui_languages is None else ui_languages:
        base = name.replace("_", "-").split("-")[0].lower()
        if base == "en":
            return ENGLISH
        if base == "zh":
            return CHINESE
    return ENGLISH


class Languages(QObject):
    """The application's translators: :meth:`install` swaps them and emits ``changed``.

    Qt also sends every widget a ``LanguageChange`` event, which its own widgets
    (standard buttons, dialogs) follow by themselves.
    """

    changed = Signal(str)
    """The language is now this one (``"en"`` or ``"zh_CN"``); everything showing text retranslates."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = ENGLISH
        self._translators: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Show LayerLab in ``language``; False (and English) when its translation cannot be loaded."""
        if language not in LANGUAGES:
            raise ValueError(f"LayerLab does not speak {language!r}: choose one of {', '.join(LANGUAGES)}.")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("Create the QApplication before choosing a language.")
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        loaded = True
        if language != ENGLISH:
            ours = QTranslator(self)
            try:
                loaded = ours.load(f"layerlab_{language}", str(translations_folder()))
            except resources.ResourceMissingError:
                loaded = False  # an incomplete installation: English, which is always there
            if loaded:
                self._translators.append(ours)
                qt = QTranslator(self)  # Qt's own: the standard buttons (Save, Cancel…) and dialogs
                if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                    self._translators.append(qt)
        for translator in self._translators:
            app.installTranslator(translator)
        self.current = language if loaded else ENGLISH
        self.changed.emit(self.current)
        return loaded


def languages() -> Languages:
    """The application's :class:`Languages` (made on first use, owned by the QCoreApplication)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Create the QApplication before asking for its languages.")
    found = app.findChild(Languages, "layerlabLanguages")
    if found is None:
        found = Languages(app)
        found.setObjectName("layerlabLanguages")
    return found


def current_language() -> str:
    """``"en"`` or ``"zh_CN"``: the language LayerLab shows now."""
    return languages().current if QCoreApplication.instance() is not None else ENGLISH


def on_language_change(receiver: QObject, retranslate: Callable[[], object]) -> None:
    """Call ``retranslate`` whenever the language changes, while ``receiver`` lives.

    The connection goes through a small child of ``receiver``, so that Qt drops it
    together with ``receiver``: a closure never runs on a deleted widget.
    """
    relay = _Relay(receiver, retranslate)
    languages().changed.connect(relay.fire)


class _Relay(QObject):
    """Calls one function on each language change; a child of the object the function belongs to."""

    def __init__(self, owner: QObject, function: Callable[[], object]) -> None:
        super().__init__(owner)
        self.function = function

    def fire(self, *args: object) -> None:
        self.function()


class _KeptTexts(QObject):
    """The texts :func:`keep_translated` set on behalf of one owner, set again in each new language."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setObjectName("layerlabKeptTexts")
        self.items: list[tuple[Callable[[str], object], Callable[[], str]]] = []
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        alive = []
        for setter, text in self.items:
            target = getattr(setter, "__self__", None)
            if target is not None and not shiboken6.isValid(target):
                continue  # its widget or action is gone
            setter(text())
            alive.append((setter, text))
        self.items = alive


def keep_translated(owner: QObject, setter: Callable[[str], object], text: Callable[[], str]) -> str:
    """``setter(text())`` now and again whenever the language changes, while ``owner`` lives; returns the text.

    ``text`` translates: ``keep_translated(self, action.setText, lambda: self.tr("&Copy"))``.
    """
    value = text()
    setter(value)
    keeper = owner.findChild(_KeptTexts, "layerlabKeptTexts", Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _KeptTexts(owner)
    keeper.items.append((setter, text))
    return value


__all__ = ["CATALOG", "CHINESE", "ENGLISH", "LANGUAGES", "MODEL", "QT_TRANSLATE_NOOP", "SYSTEM", "Languages",
           "catalog_text", "current_language", "fix_text", "keep_translated", "languages", "model_text",
           "on_language_change", "resolve", "sentences", "translate", "translations_folder"]
