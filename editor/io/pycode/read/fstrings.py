"""f-strings in a model's code: ``f'block {i}'``, a block's name built in a loop (d2l's ``block2``).

Numbers, strings and True/False/None are put in, with ``!r``/``!s``/``!a`` and a format spec of
their own (``{i:02d}``); widths and the result are bounded before anything is built.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Any, Protocol

import editor.io.pycode.read.values as cv
from editor.model.words import message_of, say

if TYPE_CHECKING:
    from editor.io.pycode.read.scope import Scope


class Reader(Protocol):
    """What of the code reader an f-string needs (:class:`~editor.io.pycode.read.evaluator.Reader`)."""

    def eval(self, node: ast.expr, scope: Scope) -> Any: ...

    def fail(self, node: ast.AST, message: str, construct: str) -> cv.CodeImportError: ...

    def _what(self, value: Any) -> str: ...

CONVERSIONS = {ord("r"): repr, ord("s"): str, ord("a"): ascii}


def fstring(reader: Reader, node: ast.JoinedStr, scope: Scope) -> str:
    """The text of ``node``, its values worked out by ``reader`` (never run); refused past the reader's limits."""
    parts: list[str] = []
    for part in node.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            parts.append(part.value)
            continue
        assert isinstance(part, ast.FormattedValue)
        value = reader.eval(part.value, scope)
        if value is not None and not isinstance(value, (bool, int, float, str)):
            raise reader.fail(part.value, say("an f-string here can hold numbers and strings, not {what}",
                                              what=reader._what(value)), "an f-string")  # noqa: SLF001
        spec = fstring(reader, part.format_spec, scope) if isinstance(part.format_spec, ast.JoinedStr) else ""
        if any(int(digits) > cv.MAX_ITEMS for digits in re.findall(r"\d+", spec)):  # f"{1:1000000000}"
            raise reader.fail(part, say("this f-string asks for a width beyond {limit:,} characters",
                                        limit=cv.MAX_ITEMS), "a huge string")
        value = CONVERSIONS[part.conversion](value) if part.conversion in CONVERSIONS else value
        try:
            parts.append(format(value, spec))
        except (ValueError, TypeError) as exc:
            raise reader.fail(part, say("this f-string cannot be formatted: {reason}", reason=message_of(exc)),
                              "an f-string") from None
        if sum(map(len, parts)) > cv.MAX_ITEMS:
            raise reader.fail(node, say("this f-string is far too long for a name"), "a huge string")
    return "".join(parts)
