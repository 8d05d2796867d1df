"""A problem's first sentence for a file message, still translatable where the model said it.

When a project file cannot be opened, the message quotes the problem the
design reported, cut to its first sentence (the advice after it is for
editing a design in the app, not for a file). Cutting the English text would
lose the :class:`~editor.model.words.Said` the ui translates; :func:`first_sentence`
cuts the ``Said`` instead where the cut falls between parts it was composed of.
"""

from __future__ import annotations

import re
import string

from editor.model.words import Said, message_of

_BREAK = re.compile(r"(?<!e\.g)\.\s+(?=[A-Z])")
_JOIN = re.compile(r"\{part\d+\}(?: \{part\d+\})*")


def _plain(text: object) -> str:
    """The problem's English on one line."""
    return " ".join(str(text).split())


def first_sentence(problem: object, limit: int) -> tuple[str, bool]:
    """``problem``'s first sentence, at most ``limit`` characters, and whether it ends with its own period.

    ``problem`` is an error or a text. The sentence is a ``Said`` (translatable) when the
    problem was said and the cut falls at the end of one of its parts; else plain English,
    without its final period (the caller's message adds one), cut short with "…" if long.
    """
    said = message_of(problem) if isinstance(problem, BaseException) else problem
    parts = _BREAK.split(_plain(said), maxsplit=1)
    first = parts[0] + ("." if len(parts) > 1 else "")
    if isinstance(said, Said) and len(first) <= limit:
        part = _part(said, first)
        if part is not None:
            return part, part.endswith(".")
    text = first.rstrip(".")
    return (text if len(text) <= limit else text[:limit - 1] + "…"), False


def _part(said: Said, target: str) -> Said | None:
    """The ``Said`` within ``said`` whose English is ``target`` (a start of ``said``'s), or None.

    Only a cut between the parts ``said`` was composed of keeps a template the
    translators know: the end of its last field, or of one of :func:`join`'s sentences.
    """
    if str(said) == target:
        return said
    pieces = list(string.Formatter().parse(said.template))
    _, last, spec, conversion = pieces[-1] if pieces else ("", None, None, None)
    value = said.values.get(last) if last is not None else None
    if isinstance(value, Said) and not spec and not conversion:
        before = Said(said.template[:said.template.rindex("{")], said.values)
        if target.startswith(before) and (inner := _part(value, target[len(before):])) is not None:
            return Said(said.template, {**said.values, last: inner})
    if _JOIN.fullmatch(said.template) and len(pieces) > 1:  # sentences joined: keep the first ones
        kept = {name: said.values[name] for _, name, _, _ in pieces[:-1]}
        return _part(Said(" ".join("{" + name + "}" for name in kept), kept), target)
    return None
