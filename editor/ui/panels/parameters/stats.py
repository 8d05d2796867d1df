"""Statistics of parameters for the table: computed on demand, cached, large tensors off the GUI thread.

The table asks for the statistics of the rows it paints, and only those. A
small tensor is summarized at once (a few microseconds); a large one is
handed to a worker thread and the table shows "…" until the result arrives.
Results are cached per tensor and its version counter (``tensor._version``,
which every in-place change bumps), so a value that changed is never shown
stale and an unchanged one is never computed twice.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import torch
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.model.stats.parameters import TensorStats, tensor_stats

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


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""

    done = Signal(object, int, object)


class _StatsJob(QRunnable):
    """Summarizes one tensor in a worker thread."""

    def __init__(self, tensor: torch.Tensor, version: int, relay: _Relay) -> None:
        super().__init__()
        self.tensor, self.version, self.relay = tensor, version, relay

    def run(self) -> None:
        try:
            stats = tensor_stats(self.tensor)
        except RuntimeError:  # e.g. the device went away mid-way: show nothing rather than crash
            stats = None
        self.relay.done.emit(self.tensor, self.version, stats)
        self.tensor = None  # type: ignore[assignment]  # do not keep the tensor alive in the pool


class StatsCache(QObject):
    """Mean, std, min and max per tensor; :attr:`ready` fires when a worker delivered a result."""

    ready = Signal()

    def __init__(self, parent: QObject | None = None, inline_limit: int = INLINE_LIMIT) -> None:
        super().__init__(parent)
        self.inline_limit = inline_limit
        self._entries: dict[int, _Entry] = {}
        self._pending: set[tuple[int, int]] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.done.connect(self._store_result)

    def get(self, tensor: torch.Tensor) -> TensorStats | object | None:
        """The statistics of ``tensor``, None when it has none, or :data:`PENDING` while a worker computes them."""
        version = tensor._version
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
            self._pending.add(key)
            self._pool.start(_StatsJob(tensor, version, self._relay))
        return PENDING

    def clear(self) -> None:
        """Forget every result (values changed); queued jobs that have not started are dropped."""
        self._entries.clear()
        self._pending.clear()
        self._pool.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running jobs (tests and shutdown); True when none is left."""
        return self._pool.waitForDone(msecs)

    def _store(self, tensor: torch.Tensor, version: int, stats: TensorStats | None) -> None:
        self._entries[id(tensor)] = _Entry(weakref.ref(tensor), version, tensor.device, stats)

    def _store_result(self, tensor: torch.Tensor, version: int, stats: TensorStats | None) -> None:
        key = (id(tensor), version)
        if key not in self._pending:
            return  # cleared meanwhile: the values may have changed since the job started
        self._pending.discard(key)
        self._store(tensor, version, stats)
        self.ready.emit()
