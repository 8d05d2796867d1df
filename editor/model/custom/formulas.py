"""Helpers the catalog's formulas call (parameter counts, auto values, constraints): plain Python, no torch.

``FORMULA_FUNCTIONS`` is what :func:`editor.model.custom.expr.compile_expression`
gets for catalog formulas; the expression module re-exports all of these.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any


def prod(values: Any) -> Any:
    """The product of a tuple of numbers (1 for an empty one)."""
    if not isinstance(values, (tuple, list)):
        return values
    return math.prod(values)


def ntuple(value: Any, n: int) -> tuple[Any, ...]:
    """``value`` as an ``n``-tuple: ``3`` becomes ``(3, 3)`` for ``n=2``, tuples stay."""
    if isinstance(value, (tuple, list)):
        return tuple(value)
    return (value,) * n


def _pairs(a: Any, b: Any) -> list[tuple[Any, Any]]:
    left = a if isinstance(a, (tuple, list)) else (a,)
    right = b if isinstance(b, (tuple, list)) else (b,) * len(left)
    if len(left) == 1 and len(right) > 1:
        left = tuple(left) * len(right)
    return list(zip(left, right, strict=True))


def each_lt(a: Any, b: Any) -> bool:
    """Every entry of ``a`` is below the matching entry of ``b`` (scalars broadcast)."""
    return all(x < y for x, y in _pairs(a, b))


def each_le(a: Any, b: Any) -> bool:
    """Every entry of ``a`` is at most the matching entry of ``b`` (scalars broadcast)."""
    return all(x <= y for x, y in _pairs(a, b))


def each_max(a: Any, b: Any) -> tuple[Any, ...]:
    """The entry-wise maximum of two tuples."""
    return tuple(max(x, y) for x, y in _pairs(a, b))


def each_half(kernel: Any) -> tuple[Any, ...]:
    """Half of each kernel size, rounded down."""
    return tuple(k // 2 for k in ntuple(kernel, 1))


def each_half_span(kernel: Any, dilation: Any) -> tuple[Any, ...]:
    """Half of each dilated kernel span ``((k - 1) * d + 1) // 2``."""
    return tuple(((k - 1) * d + 1) // 2 for k, d in _pairs(kernel, dilation))


FORMULA_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "each_lt": each_lt,
    "each_le": each_le,
    "each_max": each_max,
    "each_half": each_half,
    "each_half_span": each_half_span,
    "prod": prod,
    "ntuple": ntuple,
    "min": min,
    "max": max,
    "abs": abs,
    "len": len,
    "int": int,
}
