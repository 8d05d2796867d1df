"""Texts the model says to a learner, in English, ready to be said in another language.

The model and io layers never import Qt, so they cannot call ``tr()``. They
write their messages with :func:`say` instead::

    raise ValidationError(say("Block {path}: {kind} needs at least {n} inputs.", path=path, kind=kind, n=2))

:func:`say` returns a :class:`Said`: a ``str`` whose text is the English
message (so code, tests and logs that read ``str(error)`` see exactly what they
always saw), which also remembers its ``template`` and ``values``. The ui
translates the template (context ``Model``) and fills in the same values
(``editor.ui.i18n.model_text``); a value that is itself a :class:`Said` is
translated too, so messages compose: ``say("{where}{problem}", where=..., problem=...)``.

Rules for templates (the build script collects every literal ``say("...")``
for the translators, so the template must be a literal string):

- Named fields only: ``{path}``, ``{count:,}``, ``{name!r}``; no positional ``{}``.
- What a learner typed, PyTorch identifiers and numbers go into fields, never
  into the template, so one template serves every value.
- A sentence per template where possible; compose longer texts from parts.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


class Said(str):
    """An English message that keeps its ``template`` and ``values`` for translation.

    It is a ``str`` equal to ``template.format(**values)``. Joining it to other
    text (``+``, f-strings) gives a plain ``str`` and loses the translation: use
    :func:`say` with a field for the part instead, or :func:`join`.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> Said:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickles and copies keep the template
        return (Said, (self.template, self.values))


def say(template: str, /, **values: Any) -> Said:
    """The English text of ``template`` with ``values`` filled in, remembering both (see the module docs)."""
    return Said(template, values)


def join(parts: Iterable[str], separator: str = " ") -> Said:
    """``parts`` joined by ``separator``, each part kept translatable (for texts built sentence by sentence)."""
    parts = [part for part in parts if part]
    fields = {f"part{i}": part for i, part in enumerate(parts)}
    template = separator.replace("{", "{{").replace("}", "}}").join("{" + name + "}" for name in fields)
    return Said(template, fields)


def message_of(error: BaseException) -> str:
    """The message ``error`` was raised with: a :class:`Said` where the model said it, else ``str(error)``."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Said) else str(error)


def closest(name: object, names: Iterable[str]) -> str | None:
    """The one of ``names`` that ``name`` most likely meant (``relu``, ``nn.ReLU``, ``RelU``, ``Linaer``), or None.

    The same name in other letter case first, then the nearest spelling (``difflib``), after
    dropping a ``torch.nn.`` or ``nn.`` in front.
    """
    if not isinstance(name, str) or not name:
        return None
    bare = name.removeprefix("torch.").removeprefix("nn.")
    known = list(names)
    same = [known_name for known_name in known if known_name.lower() == bare.lower()]
    if same:
        return same[0]
    near = difflib.get_close_matches(bare, known, n=1, cutoff=0.75) or difflib.get_close_matches(
        bare.lower(), [k.lower() for k in known], n=1, cutoff=0.75)
    if not near:
        return None
    return next(k for k in known if k == near[0] or k.lower() == near[0])


def format_bytes(count: float) -> str:
    """A byte count for people, in units of 1024 as torch and nvidia-smi count memory: ``1.0 KiB``, ``3.4 GiB``."""
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if abs(value) < 1024 or unit == "PiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} PiB"  # pragma: no cover
