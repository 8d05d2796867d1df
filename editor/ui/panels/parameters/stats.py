"""Statistics of parameters for the table: computed on demand, cached, large tensors off the GUI thread.

The table asks for the statistics of the rows it paints, and only those. A
small tensor is summarized at once (a few microseconds); a large one is
handed to a :class:`~editor.ui.jobs.JobRunner` worker and the table shows "…"
until the result arrives. Results are cached per tensor and its version
counter (``tensor._version``, which every in-place change bumps), so a value
that changed is never shown stale and an unchanged one is never computed twice.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial

import torch
from PySide6.QtCore import QObject, Signal

from editor.model.stats.parameters import TensorStats, tensor_stats
from editor.ui.jobs import Job, JobContext, JobRunner

INLINE_LIMIT = 1 << 16
"""Tensors with at most this many elements are summarized on the GUI thread (well under a millisecond)."""

PENDING = object()
"""What :meth:`StatsCache.get` returns while a worker computes the answer."""


@dataclass(frozen=True)
class _Entry:
    ref: weakref.ref
    version: int
    device: torch.device
    stats: TensorStats | None


def version_of(tensor: torch.Tensor) -> int:
    """The tensor's in-place change counter: every in-place op (fill_, an optimizer step, loading) bumps it."""
    return tensor._version  # noqa: SLF001 - torch offers no public name for this counter


def _summarize(tensor: torch.Tensor, context: JobContext) -> TensorStats:
    """The job: one tensor's statistics."""
    return tensor_stats(tensor)


class StatsCache(QObject):
    """Mean, std, min and max per tensor; :attr:`ready` fires when a worker delivered a result."""

    ready = Signal()

    def __init__(self, parent: QObject | None = None, inline_limit: int = INLINE_LIMIT) -> None:
        super().__init__(parent)
        self.inline_limit = inline_limit
        self._entries: dict[int, _Entry] = {}
        self._pending: dict[tuple[int, int], Job[TensorStats]] = {}
        self._jobs = JobRunner(self, threads=2)

    def get(self, tensor: torch.Tensor) -> TensorStats | object | None:
        """The statistics of ``tensor``, None when it has none, or :data:`PENDING` while a worker computes them."""
        version = version_of(tensor)
        entry = self._entries.get(id(tensor))
        if entry is not None and entry.ref() is tensor and entry.version == version \
                and entry.device == tensor.device:
            return entry.stats
        if tensor.numel() <= self.inline_limit or tensor.is_meta:
            stats = tensor_stats(tensor)
            self._store(tensor, version, stats)
            return stats
        key = (id(tensor), version)
        if key not in self._pending:
            # The callbacks hold the tensor only until the result arrives (or the job is cancelled).
            self._pending[key] = self._jobs.submit(
                partial(_summarize, tensor),
                on_done=partial(self._store_result, key, tensor, version),
                on_error=partial(self._failed, key, tensor, version))
        return PENDING

    def clear(self) -> None:
        """Forget every result (values changed); jobs under way are cancelled and their results dropped."""
        self._entries.clear()
        self._pending.clear()
        self._jobs.cancel_all()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running jobs (tests and shutdown); True when none is left."""
        return self._jobs.wait(msecs)

    def _store(self, tensor: torch.Tensor, version: int, stats: TensorStats | None) -> None:
        self._entries[id(tensor)] = _Entry(weakref.ref(tensor), version, tensor.device, stats)

    def _store_result(self, key: tuple[int, int], tensor: torch.Tensor, version: int,
                      stats: TensorStats | None) -> None:
        self._pending.pop(key, None)
        self._store(tensor, version, stats)
        self.ready.emit()

    def _failed(self, key: tuple[int, int], tensor: torch.Tensor, version: int, message: str) -> None:
        # E.g. the device went away mid-way: show nothing rather than an error in every cell.
        self._store_result(key, tensor, version, None)
