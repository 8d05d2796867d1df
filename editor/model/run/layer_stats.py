"""Per-block statistics of a run: shape, mean, std, min, max, the fraction of exact zeros, a sparkline.

A :class:`StatsCollector` takes each block's output as the forward produces it.
On the CPU it reduces the outputs a small chunk at a time, while they are still
in the processor's cache (a chunk of about ``CHUNK_BYTES``), finishes that
chunk's numbers at once and lets its outputs go, so the forward's allocator
reuses their memory. The reductions of a chunk are a handful of vectorized
kernels over one stacked copy of same-shaped outputs: sums, sums of squares as
vector norms, min and max, and last, over the copy itself, the non-zero counts
(the norm of ``sign``). On other devices, where kernels run asynchronously,
everything is reduced once at the end, in one stack per shape, with one
transfer to the CPU. The sparklines of every output of a shape are binned
together at the end, from a small sample of each.

Numbers equal torch's own (``out.mean()``, ``out.std()``, …): where the mean
dwarfs the spread the one-pass variance would lose digits, so those rows are
computed again the exact two-pass way; outputs with NaN or Inf (or sums that
overflow) are computed one by one in double precision.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from dataclasses import dataclass

import numpy as np
import torch

SPARK_BINS = 16
SPARK_SAMPLE = 256
CHUNK_BYTES = 1 << 21
"""About how many bytes of outputs the CPU reduces at once (they fit in a core's cache)."""
MAX_CHUNK_ROWS = 512


@dataclass(frozen=True)
class LayerStats:
    """What one block's output looked like in a run."""

    path: str
    kind: str
    shape: tuple[int, ...]
    mean: float
    std: float
    min: float
    max: float
    zeros: float
    """The fraction of values that are exactly 0 (dead ReLUs show here)."""
    histogram: tuple[int, ...] = ()
    """Counts over ``SPARK_BINS`` equal bins from min to max (a sparkline)."""
    finite: bool = True


Key = tuple[tuple[int, ...], torch.device, torch.dtype]


@dataclass
class _Part:
    """The reductions of one chunk of same-shaped outputs: one column per output.

    ``numbers`` rows: the sum, the 2-norm, the 2-norm of ``sign`` (its square counts the
    values that are not zero), the min and the max.
    """

    members: list[int]
    numbers: torch.Tensor
    sample: torch.Tensor


class StatsCollector:
    """Gathers block outputs during a forward pass and gives every block's :class:`LayerStats` at the end.

    On the CPU each chunk's numbers are finished as soon as it is reduced, and its outputs are let go
    (the forward's allocator reuses their memory, still in cache). ``seconds`` is the time
    :meth:`add` spent reducing (so the forward's own time can leave it out).
    """

    def __init__(self, stream: bool = True) -> None:
        self._stream = stream
        self._names: list[tuple[str, str, tuple[int, ...]]] = []
        self._outputs: list[torch.Tensor | None] = []
        self._pending: dict[Key, list[int]] = {}
        self._limits: dict[Key, int] = {}
        self._parts: dict[Key, list[_Part]] = {}
        self._rows: dict[int, tuple[float, float, float, float, float]] = {}
        self._done: dict[int, LayerStats] = {}
        self.seconds = 0.0

    def add(self, path: str, kind: str, out: torch.Tensor) -> None:
        """Take block ``path``'s output (reduced now, on the CPU, once a chunk is full)."""
        index = len(self._outputs)
        shape = out.shape
        self._names.append((path, kind, tuple(shape)))
        self._outputs.append(out)
        key = (shape, out.device, out.dtype)
        members = self._pending.get(key)
        if members is None:
            count = out.numel()
            if count == 0:
                self._done[index] = LayerStats(path, kind, tuple(shape), math.nan, math.nan, math.nan, math.nan, 0.0)
                self._outputs[index] = None
                return
            members = self._pending[key] = []
            streams = self._stream and out.device.type == "cpu"
            self._limits[key] = _chunk_rows(count) if streams else sys.maxsize
        members.append(index)
        if len(members) >= self._limits[key]:
            start = time.perf_counter()
            self._reduce(key)
            self.seconds += time.perf_counter() - start

    def finish(self) -> list[LayerStats]:
        """Every block's statistics, in the order the outputs were added."""
        for key, members in self._pending.items():
            if members:
                self._reduce(key)
        with torch.no_grad():
            for key, parts in self._parts.items():
                if key[1].type != "cpu":  # one transfer per shape, now that every kernel is queued
                    numbers = parts[0].numbers if len(parts) == 1 else torch.cat([p.numbers for p in parts], dim=1)
                    self._settle(key, [i for part in parts for i in part.members], numbers.double().cpu().tolist())
                self._histograms(key, parts)
        found = self._done
        self._pending, self._parts, self._rows, self._done, self._outputs = {}, {}, {}, {}, []
        return [found[i] for i in range(len(self._names))]

    def _reduce(self, key: Key) -> None:
        members = self._pending[key]
        self._pending[key] = []
        shape, device, dtype = key
        count = math.prod(shape)
        tensors = [self._outputs[i] for i in members]
        with torch.no_grad():  # statistics are not part of anything autograd should see
            if dtype == torch.float32:  # stacked straight into a kept buffer: no per-output copies
                rows = torch.stack(tensors, out=_scratch("rows", (len(members), *shape), dtype, device))
            else:
                rows = torch.stack([t.float() for t in tensors])
            rows = rows.view(len(members), count)
            numbers = torch.empty((5, len(members)), dtype=rows.dtype, device=device)
            torch.sum(rows, 1, out=numbers[0])
            torch.linalg.vector_norm(rows, dim=1, out=numbers[1])
            torch.amin(rows, 1, out=numbers[3])
            torch.amax(rows, 1, out=numbers[4])
            part = _Part(members, numbers, sample=rows[:, :: max(1, count // SPARK_SAMPLE)].clone())
            # last, over the stacked copy itself (one buffer less to keep in cache): the values that are not zero
            torch.linalg.vector_norm(torch.sign(rows, out=rows), dim=1, out=numbers[2])
        self._parts.setdefault(key, []).append(part)
        if device.type == "cpu":  # the numbers are at hand: finish them now and let the outputs go
            self._settle(key, members, numbers.double().tolist())

    def _settle(self, key: Key, members: list[int], numbers: list[list[float]]) -> None:
        """Each output's mean, std, min, max and zeros from its sums, in double precision in Python.

        The per-output numbers are a handful of floats each: cheaper in Python than a dozen tiny kernels.
        Rare outputs need their values again (NaN or Inf, sums too large for float32, a mean that dwarfs
        the spread); all others are let go.
        """
        count = math.prod(key[0])
        sums, norms, nonzero_norms, lows, highs = numbers
        for row, index in enumerate(members):
            mean = sums[row] / count
            squares = norms[row] * norms[row]
            centred = max(squares - count * mean * mean, 0.0)
            spread = centred / max(count - 1, 1)
            out = self._outputs[index]
            self._outputs[index] = None
            if not all(map(math.isfinite, (mean, spread, lows[row], highs[row]))):
                path, kind, _ = self._names[index]
                self._done[index] = _one_by_one(path, kind, out)  # rare: NaN or Inf, or sums too large for float32
                continue
            if centred < 1e-3 * squares:  # the mean dwarfs the spread: one pass loses digits, so two passes
                values = out.detach().reshape(-1).float()
                shift = torch.tensor(mean, dtype=torch.float32, device=values.device)
                spread = float((values - shift).double().square().sum()) / max(count - 1, 1)
            zeros = count - round(nonzero_norms[row] * nonzero_norms[row])
            self._rows[index] = (mean, math.sqrt(spread), lows[row], highs[row], zeros / count)

    def _histograms(self, key: Key, parts: list[_Part]) -> None:
        """The sparklines of every output of shape ``key``, all at once (in NumPy: small arrays, many steps)."""
        members = [i for part in parts for i in part.members]
        numbers = parts[0].numbers if len(parts) == 1 else torch.cat([part.numbers for part in parts], dim=1)
        sample = parts[0].sample if len(parts) == 1 else torch.cat([part.sample for part in parts])
        counts = _bin_counts(sample.cpu().numpy(), numbers[3:5].cpu().numpy())
        for index, histogram in zip(members, counts, strict=True):
            if index in self._done:
                continue
            path, kind, shape = self._names[index]
            mean, std, low, high, zeros = self._rows[index]
            self._done[index] = LayerStats(path, kind, shape, mean, std, low, high, zeros, tuple(histogram))


def _bin_counts(sample: np.ndarray, extremes: np.ndarray) -> list[list[int]]:
    """Per row of ``sample``, its counts over ``SPARK_BINS`` equal bins from that row's min to its max.

    ``extremes`` holds the rows' minima and maxima. NaN counts in the first bin, infinities at the ends.
    """
    rows = len(sample)
    low = extremes[0][:, None]
    with np.errstate(all="ignore"):  # overflowing widths and NaN rows are dealt with below
        width = np.maximum(extremes[1] - extremes[0], np.finfo(np.float32).tiny)[:, None]
        scaled = (sample - low) * (np.float32(SPARK_BINS) / width)
    np.nan_to_num(scaled, copy=False, nan=0.0)
    bins = np.clip(scaled, 0, SPARK_BINS - 1).astype(np.intp)
    bins += np.arange(rows, dtype=np.intp)[:, None] * SPARK_BINS
    return np.bincount(bins.ravel(), minlength=SPARK_BINS * rows).reshape(rows, SPARK_BINS).tolist()


def all_stats(outputs: list[tuple[str, str, torch.Tensor]]) -> list[LayerStats]:
    """Statistics of every block's output (``(path, kind, output)``), computed a shape at a time."""
    collector = StatsCollector(stream=False)
    for path, kind, out in outputs:
        collector.add(path, kind, out)
    return collector.finish()


def layer_stats(path: str, kind: str, out: torch.Tensor) -> LayerStats:
    """Statistics of one block's output."""
    return all_stats([(path, kind, out)])[0]


def _chunk_rows(count: int) -> int:
    """How many outputs of ``count`` values the CPU reduces together."""
    return max(1, min(MAX_CHUNK_ROWS, CHUNK_BYTES // (4 * count)))


def _one_by_one(path: str, kind: str, out: torch.Tensor) -> LayerStats:
    """One output's statistics in double precision, over its finite values (marked not finite when it has others)."""
    with torch.no_grad():
        values = out.detach().reshape(-1).double()
        zeros = float((values == 0).sum()) / values.numel()
        ok = torch.isfinite(values)
        finite = bool(ok.all())
        shown = values if finite else values[ok]
        shape = tuple(out.shape)
        if shown.numel() == 0:
            return LayerStats(path, kind, shape, math.nan, math.nan, math.nan, math.nan, zeros, (), False)
        low, high = float(shown.min()), float(shown.max())
        std = float(shown.std()) if shown.numel() > 1 else 0.0
        sample = shown[:: max(1, shown.numel() // SPARK_SAMPLE)]
        width = max(high - low, torch.finfo(torch.float64).tiny)
        bins = ((sample - low) * (SPARK_BINS / width)).nan_to_num_(0).long().clamp_(0, SPARK_BINS - 1)
        histogram = tuple(torch.bincount(bins, minlength=SPARK_BINS).tolist())
        return LayerStats(path, kind, shape, float(shown.mean()), std, low, high, zeros, histogram, finite)


_workspace = threading.local()
SCRATCH_LIMIT = 256 * 1024**2  # bytes kept between runs; larger buffers are made for one run only


def _scratch(name: str, shape: tuple[int, ...], dtype: torch.dtype, device: torch.device,
             fill: float | None = None) -> torch.Tensor:
    """A buffer of ``shape`` kept between runs on this thread (fresh pages cost more than the statistics).

    A kept buffer with more rows of the same row shape serves too (its first rows).

    With ``fill``, every value is ``fill`` (and stays so: such buffers are only read).
    """
    cache: dict[str, torch.Tensor] = _workspace.__dict__.setdefault("buffers", {})
    held = cache.get(name)
    if held is not None and held.dtype == dtype and held.device == device and held.shape[1:] == shape[1:] \
            and held.shape[0] >= shape[0]:
        return held[: shape[0]]  # the first rows: a run's last, shorter chunk reuses the buffer too
    buffer = torch.empty(shape, dtype=dtype, device=device) if fill is None else \
        torch.full(shape, fill, dtype=dtype, device=device)
    if buffer.numel() * buffer.element_size() <= SCRATCH_LIMIT:
        cache[name] = buffer
    else:
        cache.pop(name, None)
    return buffer
