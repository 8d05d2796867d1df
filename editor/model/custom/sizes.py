"""How large an expression's tensors would be, worked out from shapes before anything is computed.

The expression evaluator (:mod:`editor.model.custom.expr`) refuses an operation whose result would
hold more values than its limit; these give the result's shape by torch's rules.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def shape_of(value: Any) -> tuple[int, ...] | None:
    """``value``'s shape as a tuple of ints (None for anything without one, and for strings)."""
    shape = getattr(value, "shape", None)
    if shape is None or isinstance(value, (str, bytes)):
        return None
    try:
        return tuple(int(s) for s in shape)
    except (TypeError, ValueError):
        return None


def numel(value: Any) -> int:
    """How many values ``value`` holds (1 for a number)."""
    return math.prod(shape_of(value) or ())


def broadcast_shape(shapes: Sequence[tuple[int, ...]]) -> tuple[int, ...] | None:
    """The shape ``shapes`` broadcast to, by torch's rules (None when they do not broadcast)."""
    rank = max((len(s) for s in shapes), default=0)
    result = []
    for axis in range(rank):
        sizes = {s[axis - rank + len(s)] for s in shapes if axis - rank + len(s) >= 0} - {1}
        if len(sizes) > 1:
            return None
        result.append(sizes.pop() if sizes else 1)
    return tuple(result)


def matmul_shape(a: tuple[int, ...] | None, b: tuple[int, ...] | None) -> tuple[int, ...] | None:
    """The shape ``a @ b`` has, by torch's rules (None when either is not a tensor or they do not fit)."""
    if a is None or b is None or not a or not b:
        return None
    left = (1, *a) if len(a) == 1 else a
    right = (*b, 1) if len(b) == 1 else b
    if left[-1] != right[-2]:
        return None
    batch = broadcast_shape([left[:-2], right[:-2]])
    if batch is None:
        return None
    return (*batch, *((left[-2],) if len(a) > 1 else ()), *((right[-1],) if len(b) > 1 else ()))
