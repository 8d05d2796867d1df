"""What the model said (:mod:`editor.model.words`), in the current language: for undo names and the ui.

The model writes its messages with ``say()``: English text that keeps its
template and values. :func:`said_text` translates the template (context
``Model``) and fills in the values, translating those that were said too.
The ui shows every model text through it (``editor.ui.i18n.model_text``), and
commands name their undo steps with it where a step's name holds a model text
(an init rule's description, a fix's label).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.model.words import Said, message_of

MODEL = "Model"
"""The translation context of what the model and io layers say."""


def said_text(text: str | BaseException | None) -> str:
    """``text`` (or an error's message) in the current language; text that was not said is shown as it is.

    A translation whose fields do not fit the values falls back to the English text rather than failing.
    """
    if text is None:
        return ""
    if isinstance(text, BaseException):
        text = message_of(text)
    if not isinstance(text, Said):
        return str(text)
    values = {name: said_text(value) if isinstance(value, Said) else value for name, value in text.values.items()}
    if _is_sentences(text):
        return sentences(*(str(values[f"part{i}"]) for i in range(len(values))))
    try:
        return QCoreApplication.translate(MODEL, text.template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)


FULL_WIDTH_END = tuple("。！？；：，、）」』】")
"""Chinese punctuation that a sentence or clause ends with: no space follows it, whatever comes next."""


def _is_sentences(text: Said) -> bool:
    """Whether ``text`` is sentences joined with spaces by :func:`~editor.model.words.join`."""
    names = [f"part{i}" for i in range(len(text.values))]
    return bool(names) and list(text.values) == names and text.template == " ".join("{" + n + "}" for n in names)


def sentences(*parts: str) -> str:
    """Sentences in the current language joined with spaces, except after full-width punctuation
    ("第一句。第二句", not "第一句。 第二句"); empty parts are left out."""
    joined = ""
    for part in parts:
        if part:
            joined += part if not joined or joined.endswith(FULL_WIDTH_END) else " " + part
    return joined


__all__ = ["MODEL", "said_text", "sentences"]
