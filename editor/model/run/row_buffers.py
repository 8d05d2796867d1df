"""The memory the Run tab's statistics work in on the CPU, kept between runs.

A :class:`Workspace` holds a ``(capacity, count)`` float32 buffer that block
outputs are copied into, one row each (with its rows each viewed as an output's
shape, made once: indexing the buffer anew for each output costs about a
microsecond), and the arrays its reductions write into: the numbers, the
sparkline sample and the sample's bin numbers. Fresh pages cost more than the
statistics themselves (a page fault for every 4 KiB), so the most recently used
workspaces are kept for the next run. A workspace taken is the taker's alone until
it is given back.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

KEPT = 8
"""Workspaces kept between runs, the most recently used."""


@dataclass
class Workspace:
    """Memory for one chunk of ``capacity`` outputs of one shape."""

    buffer: torch.Tensor
    """``(capacity, count)`` float32: a row per output."""
    rows: list[torch.Tensor]
    """The buffer's rows, each viewed as the outputs' shape."""
    numbers: torch.Tensor
    """``(5, capacity)`` float32: each output's sum, 2-norm, count of values that are not zero, min and max."""
    sample: torch.Tensor
    """``(capacity, sampled)`` float32: the values each output's sparkline is binned from."""
    bins: np.ndarray
    """``(capacity, sampled)`` intp: the sample's bin numbers."""
    views: dict[int, Any] = field(default_factory=dict)
    """The taker's views of the above for a chunk of so many outputs, made once (each view costs a few µs)."""


_kept: dict[tuple[tuple[int, ...], int], Workspace] = {}
_lock = threading.Lock()
# One store for the process, not one per thread: runs execute on Qt's pool threads, and tensors kept in
# a thread's own storage would be freed while Python tears that thread's state down, which crashed.


def take(shape: tuple[int, ...], capacity: int, sampled: int) -> Workspace:
    """A workspace for ``capacity`` outputs of ``shape``, ``sampled`` values of each for its sparkline."""
    with _lock:
        kept = _kept.pop((shape, capacity), None)
    if kept is not None:
        return kept
    def made(*size: int) -> torch.Tensor:  # float32 on the CPU whatever torch's defaults are (a script may set them)
        return torch.empty(size, dtype=torch.float32, device="cpu")

    buffer = made(capacity, math.prod(shape))
    return Workspace(buffer, list(buffer.view(capacity, *shape).unbind(0)), made(5, capacity), made(capacity, sampled),
                     np.empty((capacity, sampled), dtype=np.intp))


def give(shape: tuple[int, ...], space: Workspace, largest: int) -> None:
    """Keep ``space`` (taken for ``shape``) for the next run, if its buffer has at most ``largest`` bytes (a larger
    one serves one run); the oldest kept one goes beyond ``KEPT``."""
    if space.buffer.numel() * space.buffer.element_size() > largest:
        return
    with _lock:
        _kept[(shape, len(space.buffer))] = space
        while len(_kept) > KEPT:
            _kept.pop(next(iter(_kept)))
