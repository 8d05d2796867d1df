"""The buffers the Run tab's statistics copy block outputs into, kept between runs.

A buffer is a ``(capacity, count)`` float32 tensor, with its rows each viewed as an
output's shape (made once: indexing the buffer anew for each output costs about a
microsecond). Fresh pages cost more than the statistics themselves, so the most
recently used buffers are kept for the next run. A buffer taken is the taker's alone
until it is given back.
"""

from __future__ import annotations

import math
import threading

import torch

KEPT = 8
"""Buffers kept between runs, the most recently used."""

_kept: dict[tuple[tuple[int, ...], int], tuple[torch.Tensor, list[torch.Tensor]]] = {}
_lock = threading.Lock()
# One store for the process, not one per thread: runs execute on Qt's pool threads, and tensors kept in
# a thread's own storage would be freed while Python tears that thread's state down, which crashed.


def take(shape: tuple[int, ...], capacity: int) -> tuple[torch.Tensor, list[torch.Tensor]]:
    """A ``(capacity, count)`` float32 buffer for outputs of ``shape``, and its rows, each viewed as ``shape``."""
    with _lock:
        kept = _kept.pop((shape, capacity), None)
    if kept is not None:
        return kept
    buffer = torch.empty((capacity, math.prod(shape)), dtype=torch.float32)
    return buffer, list(buffer.view(capacity, *shape).unbind(0))


def give(shape: tuple[int, ...], capacity: int, buffer: torch.Tensor, rows: list[torch.Tensor], largest: int) -> None:
    """Keep ``buffer`` (taken for ``shape`` and ``capacity``) for the next run, if it has at most ``largest`` bytes
    (a larger one serves one run); the oldest kept one goes beyond ``KEPT``."""
    if buffer.numel() * buffer.element_size() > largest:
        return
    with _lock:
        _kept[(shape, capacity)] = (buffer, rows)
        while len(_kept) > KEPT:
            _kept.pop(next(iter(_kept)))
