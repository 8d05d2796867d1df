"""A layer's parameter count with its own numbers: ``in_features * out_features + …`` → ``20·10 + 10 = 210``.

The catalog writes each kind's count as an expression over its hyperparameters
(``LayerKind.param_count``). :func:`numbered_formula` puts a block's values in
the expression and writes it as a learner would on paper: products with ``·``,
a term that a switched-off option removes (``out_features if bias else 0``)
left out, ``prod(ntuple(kernel_size, 2))`` as ``3·3``. It reads the expression
with :mod:`ast` and evaluates only what it recognizes (numbers, names, + − ·
÷, ``x if cond else y``, ``and``/``or``/``not``, ``prod``/``ntuple``); for
anything else it answers None and the panel shows the count alone.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from typing import Any

MAX_SOURCE = 2000
"""Longest expression read (the catalog's are a line; a longer one is not worth numbering)."""


class _Unsupported(Exception):  # noqa: N818 - an internal signal, never seen outside this module
    """The expression uses something this module does not write out."""


@dataclass(frozen=True)
class _Term:
    """A piece of the formula: its text, its value, and whether it is a sum (needs brackets in a product)."""

    text: str | None  # None: a term that is left out (its value is 0 because an option is off)
    value: Any
    is_sum: bool = False


def numbered_formula(expression: str, values: dict[str, Any]) -> tuple[str, int] | None:
    """``("20·10 + 10", 210)`` for ``in_features * out_features + (out_features if bias else 0)``, or None.

    None when the expression holds something not written out here, or its value is not a whole number.
    """
    if not expression or len(expression) > MAX_SOURCE:
        return None
    try:
        tree = ast.parse(expression, mode="eval")
        term = _render(tree.body, values)
    except (SyntaxError, _Unsupported, KeyError, TypeError, ValueError, ZeroDivisionError, RecursionError):
        return None
    value = term.value
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return (term.text if term.text is not None else "0"), value


def _render(node: ast.AST, env: dict[str, Any]) -> _Term:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return _Term(_number(node.value), node.value)
    if isinstance(node, ast.Name):
        value = env[node.id]
        return _Term(_number(value) if _is_number(value) else None, value)
    if isinstance(node, ast.IfExp):
        chosen = node.body if _truth(node.test, env) else node.orelse
        term = _render(chosen, env)
        return _Term(None, 0) if term.value == 0 and term.text in ("0", None) else term
    if isinstance(node, ast.BinOp):
        return _binary(node, env)
    if _is_call(node, "prod", 1):
        values = _value(node.args[0], env)
        values = tuple(values) if isinstance(values, (tuple, list)) else (values,)
        if not all(_is_number(v) for v in values):
            raise _Unsupported("prod of something that is not numbers")
        return _Term("·".join(_number(v) for v in values), math.prod(values), False)
    raise _Unsupported(ast.dump(node))


def _binary(node: ast.BinOp, env: dict[str, Any]) -> _Term:
    left, right = _render(node.left, env), _render(node.right, env)
    if isinstance(node.op, ast.Add):
        parts = [t.text for t in (left, right) if t.text is not None]
        return _Term(" + ".join(parts) if parts else None, left.value + right.value, len(parts) > 1)
    if isinstance(node.op, ast.Sub):
        text = f"{_text(left)} − {_bracketed(right)}"
        return _Term(text, left.value - right.value, True)
    if isinstance(node.op, ast.Mult):
        return _Term(f"{_bracketed(left)}·{_bracketed(right)}", left.value * right.value)
    if isinstance(node.op, ast.FloorDiv):
        if right.value == 1:  # in_channels // groups with one group: just in_channels
            return _Term(left.text, left.value, left.is_sum)
        return _Term(f"({_bracketed(left)} ÷ {_bracketed(right)})", left.value // right.value)
    raise _Unsupported(type(node.op).__name__)


def _text(term: _Term) -> str:
    return term.text if term.text is not None else "0"


def _bracketed(term: _Term) -> str:
    return f"({_text(term)})" if term.is_sum else _text(term)


def _truth(node: ast.AST, env: dict[str, Any]) -> bool:
    return bool(_value(node, env))


def _value(node: ast.AST, env: dict[str, Any]) -> Any:
    """The value of a condition or an argument (names, constants, and/or/not, ntuple)."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.BoolOp):
        results = [_value(v, env) for v in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _value(node.operand, env)
    if _is_call(node, "ntuple", 2):
        value, count = _value(node.args[0], env), _value(node.args[1], env)
        return tuple(value) if isinstance(value, (tuple, list)) else (value,) * int(count)
    return _render(node, env).value


def _is_call(node: ast.AST, name: str, arguments: int) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
            and len(node.args) == arguments and not node.keywords)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


__all__ = ["numbered_formula"]
