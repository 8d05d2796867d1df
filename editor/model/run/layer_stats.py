"""Per-block statistics of a run: shape, mean, std, min, max, the fraction of exact zeros, a sparkline.

A :class:`StatsCollector` takes each block's output as the forward produces it.
On the CPU it reduces the outputs a small chunk at a time, while they are still
in the processor's cache (a chunk of about ``CHUNK_BYTES``: reading a hundred
cold outputs back after the pass costs more than the statistics themselves).
The reductions of a chunk are a handful of vectorized kernels over a stack of
same-shaped outputs: sums as a matrix-vector product, sums of squares and
non-zero counts as vector norms, min and max. On other devices, where kernels
run asynchronously, everything is reduced once at the end, in one stack per
shape. :meth:`StatsCollector.finish` turns the per-row sums into statistics
with a few small kernels per shape and one transfer to the CPU.

Numbers equal torch's own (``out.mean()``, ``out.std()``, …): where the mean
dwarfs the spread the one-pass variance would lose digits, so those rows are
computed again the exact two-pass way; outputs with NaN or Inf (or sums that
overflow) are computed one by one in double precision.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

import torch

SPARK_BINS = 16
SPARK_SAMPLE = 256
CHUNK_BYTES = 1 << 20
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

    ``seconds`` is the time :meth:`add` spent reducing (so the forward's own time can leave it out).
    """

    def __init__(self, stream: bool = True) -> None:
        self._stream = stream
        self._entries: list[tuple[str, str, torch.Tensor]] = []
        self._pending: dict[Key, list[int]] = {}
        self._parts: dict[Key, list[_Part]] = {}
        self._empty: dict[int, LayerStats] = {}
        self.seconds = 0.0

    def add(self, path: str, kind: str, out: torch.Tensor) -> None:
        """Take block ``path``'s output (reduced now, on the CPU, once a chunk is full)."""
        index = len(self._entries)
        self._entries.append((path, kind, out))
        shape = tuple(out.shape)
        count = math.prod(shape)
        if count == 0:
            self._empty[index] = LayerStats(path, kind, shape, math.nan, math.nan, math.nan, math.nan, 0.0)
            return
        key = (shape, out.device, out.dtype)
        members = self._pending.setdefault(key, [])
        members.append(index)
        if self._stream and out.device.type == "cpu" and len(members) >= _chunk_rows(count):
            start = time.perf_counter()
            self._reduce(key)
            self.seconds += time.perf_counter() - start

    def finish(self) -> list[LayerStats]:
        """Every block's statistics, in the order the outputs were added."""
        for key, members in self._pending.items():
            if members:
                self._reduce(key)
        found = dict(self._empty)
        with torch.no_grad():
            for key, parts in self._parts.items():
                found.update(self._finish_key(key, parts))
        self._pending.clear()
        self._parts.clear()
        return [found[i] for i in range(len(self._entries))]

    def _reduce(self, key: Key) -> None:
        members = self._pending[key]
        self._pending[key] = []
        shape, device, dtype = key
        count = math.prod(shape)
        tensors = [self._entries[i][2] for i in members]
        with torch.no_grad():  # statistics are not part of anything autograd should see
            if dtype == torch.float32:  # stacked straight into a kept buffer: no per-output copies
                rows = torch.stack(tensors, out=_scratch("rows", (len(members), *shape), dtype, device))
            else:
                rows = torch.stack([t.float() for t in tensors])
            rows = rows.view(len(members), count)
            ones = _scratch("ones", (count,), rows.dtype, device, fill=1.0)
            scratch = _scratch("work", tuple(rows.shape), rows.dtype, device)
            part = _Part(members, torch.stack([
                rows @ ones,
                torch.linalg.vector_norm(rows, dim=1),
                torch.linalg.vector_norm(torch.sign(rows, out=scratch), dim=1),
                rows.amin(dim=1),
                rows.amax(dim=1),
            ]), sample=rows[:, :: max(1, count // SPARK_SAMPLE)].clone())
        self._parts.setdefault(key, []).append(part)

    def _finish_key(self, key: Key, parts: list[_Part]) -> dict[int, LayerStats]:
        """The statistics of every output of shape ``key``: a few kernels for the sparklines, the rest in Python.

        The per-output numbers are a handful of floats each, so after one transfer they are finished
        in double precision in Python, cheaper than a dozen tiny kernels.
        """
        count = math.prod(key[0])
        members = [i for part in parts for i in part.members]
        numbers_t = parts[0].numbers if len(parts) == 1 else torch.cat([part.numbers for part in parts], dim=1)
        sample = parts[0].sample if len(parts) == 1 else torch.cat([part.sample for part in parts])
        low, high = numbers_t[3], numbers_t[4]
        width = (high - low).clamp_min(torch.finfo(low.dtype).tiny)
        bins = ((sample - low[:, None]) * (SPARK_BINS / width)[:, None]).nan_to_num_(0).long().clamp_(0, SPARK_BINS - 1)
        bins += torch.arange(len(members), device=bins.device)[:, None] * SPARK_BINS
        counts = torch.bincount(bins.reshape(-1), minlength=SPARK_BINS * len(members)).reshape(len(members), -1)
        sums, norms, nonzero_norms, lows, highs = numbers_t.double().cpu().tolist()
        histograms = counts.cpu().tolist()
        found = {}
        for row, index in enumerate(members):
            path, kind, out = self._entries[index]
            mean = sums[row] / count
            squares = norms[row] * norms[row]
            zeros = count - round(nonzero_norms[row] * nonzero_norms[row])
            centred = max(squares - count * mean * mean, 0.0)
            spread = centred / max(count - 1, 1)
            if not all(map(math.isfinite, (mean, spread, lows[row], highs[row]))):
                found[index] = _one_by_one(path, kind, out)  # rare: NaN or Inf, or sums too large for float32
                continue
            if centred < 1e-3 * squares:  # the mean dwarfs the spread: one pass loses digits, so two passes
                values = out.detach().reshape(-1).float()
                shift = torch.tensor(mean, dtype=torch.float32, device=values.device)
                spread = float((values - shift).double().square().sum()) / max(count - 1, 1)
            found[index] = LayerStats(path, kind, tuple(out.shape), mean, math.sqrt(spread), lows[row], highs[row],
                                      zeros / count, tuple(histograms[row]))
        return found


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
