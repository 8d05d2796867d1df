"""Histograms and summary statistics of parameter values, computed with torch on the tensors' own device.

``compute_histogram(tensors, bins)`` gives the bin counts and edges that
``numpy.histogram(values, bins=bins, range=(min, max))`` gives on the same
values, plus mean, std, min, max, the number of zeros and of NaN/inf values.

How (two sweeps over fixed-size chunks, so no tensor is ever concatenated or
copied whole, and a worker can stop between chunks):

1. ``torch.aminmax`` for the range, ``sum`` and ``dot`` for mean and variance
   (a shifted second pass only when those quick sums would cancel).
2. The counts and the zeros. ``torch.histc`` would disagree with numpy for
   values within a few ulps of a bin edge, so the counts come from a fine
   ``torch.bincount`` plus numpy's own rule for the few values next to an
   edge or at zero (see :mod:`editor.model.stats.histogram_exact`); on one CPU
   thread this costs about 1.3x ``histc`` + ``aminmax`` (``python -m bench histogram``).

The values are compared in float32 when every tensor is a floating-point type
of at most 32 bits (half and bfloat16 are widened exactly), otherwise
(float64, integers, bools) in float64 — as numpy does with such arrays.
NaN and ±inf are counted and left out of everything else. ``std`` is the
unbiased estimate (``correction=1``), like ``torch.std``; NaN for fewer than
two values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from editor.model.stats.histogram_exact import BinCounter, numpy_counts, numpy_edges
from editor.model.words import say

CHUNK = 1 << 18
"""Values per chunk on the CPU: small enough that a chunk's temporaries stay in cache."""
DEVICE_CHUNK = 1 << 24
"""Values per chunk on accelerators, where each operation costs a kernel launch."""


class HistogramCancelled(Exception):  # noqa: N818 - a signal to stop, not an error
    """The caller's ``cancelled()`` said a newer request replaced this one."""


@dataclass
class HistogramData:
    """Bin counts and edges of some values, and their summary statistics (NaN/inf left out)."""

    counts: np.ndarray  # int64, one per bin
    edges: np.ndarray  # float64, bins + 1 (numpy's edges, in the dtype the values were compared in)
    numel: int  # finite values counted
    mean: float
    std: float  # unbiased (correction=1), like torch.std
    min: float
    max: float
    zeros: int
    nan: int = 0
    inf: int = 0
    dtype: str = "float32"
    devices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def bins(self) -> int:
        return len(self.counts)

    @property
    def zero_fraction(self) -> float:
        """The share of (finite) values that are exactly zero; 0 for no values."""
        return self.zeros / self.numel if self.numel else 0.0

    @property
    def bin_width(self) -> float:
        return float(self.edges[1] - self.edges[0]) if len(self.edges) > 1 else 0.0


def work_dtype(tensors: Sequence[torch.Tensor]) -> torch.dtype:
    """The dtype values are compared in: float32 for floats up to 32 bits, else float64 (numpy's choice)."""
    small = (torch.float32, torch.float16, torch.bfloat16)
    return torch.float32 if all(t.dtype in small for t in tensors) else torch.float64


def _chunks(tensors: Sequence[torch.Tensor], dtype: torch.dtype) -> Iterator[torch.Tensor]:
    """Every value, chunk by chunk, as ``dtype`` (converted per chunk, never the whole tensor at once)."""
    for tensor in tensors:
        flat = tensor.detach().reshape(-1)
        for chunk in flat.split(CHUNK if flat.device.type == "cpu" else DEVICE_CHUNK):
            if dtype == torch.float64 and chunk.device.type == "mps":  # MPS has no float64
                chunk = chunk.cpu()
            yield chunk if chunk.dtype == dtype else chunk.to(dtype)


def _finite(chunk: torch.Tensor) -> tuple[torch.Tensor, int, int]:
    """The finite values of ``chunk`` and how many NaN and inf were left out."""
    keep = torch.isfinite(chunk)
    nan = int(torch.isnan(chunk).sum())
    finite = chunk[keep]
    return finite, nan, chunk.numel() - finite.numel() - nan


def compute_histogram(tensors: Sequence[torch.Tensor] | torch.Tensor, bins: int,
                      cancelled: Callable[[], bool] | None = None) -> HistogramData:
    """The histogram (``bins`` equal bins from min to max) and statistics of all values of ``tensors``.

    Raises :class:`HistogramCancelled` when ``cancelled()`` turns true (checked between chunks).
    """
    if isinstance(tensors, torch.Tensor):
        tensors = [tensors]
    if bins < 1:
        raise ValueError(say("A histogram needs at least one bin, not {bins}.", bins=bins))
    tensors = [t for t in tensors if t.numel()]
    stop = cancelled or (lambda: False)
    dtype = work_dtype(tensors)
    devices = tuple(dict.fromkeys(str(t.device) for t in tensors))
    with torch.no_grad():
        first = _first_sweep(tensors, dtype, stop)
        numel, lo, hi = first.numel, first.lo, first.hi
        if numel == 0:
            edges = numpy_edges(0.0, 1.0, bins, dtype)
            return HistogramData(np.zeros(bins, np.int64), edges, 0, math.nan, math.nan, math.nan, math.nan, 0,
                                 first.nan, first.inf, str(dtype).removeprefix("torch."), devices)
        try:
            edges = numpy_edges(lo, hi, bins, dtype)
        except ValueError:  # too narrow a range for float32 bins (numpy refuses them): compare in float64
            dtype = torch.float64
            edges = numpy_edges(lo, hi, bins, dtype)
        if lo == hi:  # every value is the same: one bin holds them all, numpy widens the range by ±0.5
            counts = numpy_counts(np.full(1, lo, _numpy_dtype(dtype)), lo, hi, bins) * numel
            zeros = numel if lo == 0 else 0
        else:
            counts, zeros = _second_sweep(tensors, dtype, bins, first, stop)
    mean, std = first.moments(tensors, dtype, stop)
    return HistogramData(counts.astype(np.int64), edges, numel, mean, std, lo, hi, zeros, first.nan, first.inf,
                         str(dtype).removeprefix("torch."), devices)


def _numpy_dtype(dtype: torch.dtype) -> type:
    return np.float32 if dtype == torch.float32 else np.float64


@dataclass
class _FirstSweep:
    """Range, sums and NaN/inf counts from the first pass."""

    numel: int = 0
    lo: float = math.inf
    hi: float = -math.inf
    total: float = 0.0
    squares: float = 0.0
    nan: int = 0
    inf: int = 0
    nonfinite_chunks: set[int] = field(default_factory=set)

    def moments(self, tensors: Sequence[torch.Tensor], dtype: torch.dtype,
                stop: Callable[[], bool]) -> tuple[float, float]:
        """Mean and unbiased std; a second, shifted pass when the quick sums would cancel."""
        n = self.numel
        if n == 0:
            return math.nan, math.nan
        mean = self.total / n
        if n < 2:
            return mean, math.nan
        if self.lo == self.hi:
            return self.lo, 0.0
        var = (self.squares - n * mean * mean) / (n - 1)
        # sum(x²) - n·mean² loses about log10(mean²/var) digits of float32 sums; shift by the mean instead.
        eps = 1e-7 if dtype == torch.float32 else 1e-16
        if not 0 < var < math.inf or mean * mean > var / (eps * 1e3):
            squares = 0.0
            for index, chunk in enumerate(_chunks(tensors, dtype)):
                if stop():
                    raise HistogramCancelled
                if index in self.nonfinite_chunks:
                    chunk = _finite(chunk)[0]
                shifted = chunk.to(torch.float64) - mean  # float64: no overflow, no cancellation
                squares += float(torch.dot(shifted, shifted))
            var = squares / (n - 1)
        return mean, math.sqrt(max(var, 0.0))


def _first_sweep(tensors: Sequence[torch.Tensor], dtype: torch.dtype, stop: Callable[[], bool]) -> _FirstSweep:
    sweep = _FirstSweep()
    for index, chunk in enumerate(_chunks(tensors, dtype)):
        if stop():
            raise HistogramCancelled
        lo, hi = (float(v) for v in torch.aminmax(chunk))
        if not (math.isfinite(lo) and math.isfinite(hi)):  # NaN propagates through aminmax; inf shows as a bound
            sweep.nonfinite_chunks.add(index)
            chunk, nan, inf = _finite(chunk)
            sweep.nan += nan
            sweep.inf += inf
            if not chunk.numel():
                continue
            lo, hi = (float(v) for v in torch.aminmax(chunk))
        sweep.numel += chunk.numel()
        sweep.lo, sweep.hi = min(sweep.lo, lo), max(sweep.hi, hi)
        sweep.total += float(chunk.sum())
        sweep.squares += float(torch.dot(chunk, chunk))
    return sweep


def _second_sweep(tensors: Sequence[torch.Tensor], dtype: torch.dtype, bins: int, first: _FirstSweep,
                  stop: Callable[[], bool]) -> tuple[np.ndarray, int]:
    """numpy's counts, and the number of zeros."""
    counter = BinCounter(first.lo, first.hi, bins, dtype)
    for index, chunk in enumerate(_chunks(tensors, dtype)):
        if stop():
            raise HistogramCancelled
        if index in first.nonfinite_chunks:
            chunk = _finite(chunk)[0]
        if chunk.numel():
            counter.add(chunk)
    return counter.result()
