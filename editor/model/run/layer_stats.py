"""Per-block statistics of a run: shape, mean, std, min, max, the fraction of exact zeros, a sparkline.

A :class:`StatsCollector` takes each block's output as the forward produces it.
On the CPU (float32) it copies each output into the next row of a kept buffer
as it comes, and lets it go, so the forward's allocator reuses its memory. Once about
``CHUNK_BYTES`` of one shape have come (a 100-layer MLP's all of them: a few
calls over many outputs cost far less than many calls over a few), it reduces
them together and finishes their numbers, so memory stays bounded by a chunk.
The reductions of a chunk are a handful of vectorized kernels: sums, sums of
squares as vector norms, min and max, and last, over the copy itself, the
non-zero counts (the sum of ``x != 0`` as floats). On other devices, where kernels run
asynchronously, outputs are held and everything is reduced once at the end, in
one stack per shape, and read once. The sparklines (:mod:`editor.model.run.sparklines`)
of a chunk's outputs are binned together, from a small sample of each. The work
after the forward is a few calls per chunk, not per output: right after a forward
the caches hold its weights, and every call into torch or NumPy then costs several
times what it costs warm, so the kept workspace's views are made once, and each
output's numbers are settled in one loop over Python floats.

Numbers equal torch's own (``out.mean()``, ``out.std()``, …): where the mean
dwarfs the spread the one-pass variance would lose digits, so those rows are
computed again the exact two-pass way; outputs with NaN or Inf (or sums that
overflow) are computed one by one in double precision.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from editor.model.run import row_buffers
from editor.model.run.sparklines import (  # noqa: F401 - SPARK_RUN and sample_step, as offered here
    SPARK_BINS,
    SPARK_RUN,
    SPARK_SAMPLE,
    bin_counts,
    bin_offsets,
    sample_step,
    sample_views,
    spark_sample,
)

CHUNK_BYTES = 1 << 23
"""About how many bytes of outputs the CPU reduces at once (kept until then, with a stacked copy as large)."""
MAX_CHUNK_ROWS = 512
KEPT_VIEWS = 4
"""Chunk sizes whose views a kept workspace keeps (:func:`_views`)."""
FAINT_SQUARES = 1e-30
"""Sums of float32 squares below this are done again in double precision (squares under ~1e-38 lose digits)."""
EXACT_COUNT = 1 << 24
"""Values of one output up to which float32 counts them exactly (larger ones are counted in integers)."""


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
    nonfinite: float = 0.0
    """The fraction of values that are NaN or infinite (the other numbers are then over the finite values alone)."""


Key = tuple[tuple[int, ...], torch.device, torch.dtype]


@dataclass
class _Part:
    """The reductions of one chunk of same-shaped outputs: one column per output.

    ``numbers`` rows: the sum, the 2-norm, the number of values that are not zero, the min and
    the max.
    """

    members: list[int]
    numbers: torch.Tensor
    sample: torch.Tensor
    """(Neither is read once ``counts`` is set: on the CPU they are a workspace's, given back.)"""
    nonzero: torch.Tensor | None = None
    """The counts of values that are not zero, in integers, for outputs too large to count in ``numbers``."""
    settled: list[list[float]] | None = None
    """Once settled: each output's mean, std, min, max and (once counted) fraction of zeros, five lists of floats."""
    counts: list[list[int]] | None = None
    """Once binned: each output's sparkline counts."""


@dataclass
class _Gathering:
    """The outputs of one shape gathered for one chunk.

    On the CPU (float32) each output is copied into the next row of a kept buffer (``rows``: the
    buffer's rows, each viewed as ``shape``) as it comes, and let go; ``filled`` rows hold copies so far.
    """

    members: list[int]
    capacity: int
    buffer: torch.Tensor | None = None
    rows: list[torch.Tensor] | None = None
    filled: int = 0
    key: Key | None = None
    space: row_buffers.Workspace | None = None
    """Where ``buffer`` and ``rows`` come from, with the arrays the chunk's reductions write into."""

    def copy(self, out: torch.Tensor) -> None:
        """Copy ``out`` into the next row.

        One output at a time: a copy below torch's grain size runs on this thread alone, from
        this core's cache, where a stack of several would be split between threads.
        """
        assert self.rows is not None
        self.rows[self.filled].copy_(out.detach() if out.requires_grad else out)  # nothing autograd should see
        self.filled += 1


class StatsCollector:
    """Gathers block outputs during a forward pass and gives every block's :class:`LayerStats` at the end.

    ``seconds`` is the time :meth:`add` spent on statistics (copying and reducing), so that the
    forward's own time can leave it out.
    """

    def __init__(self, stream: bool = True) -> None:
        self._stream = stream
        self._names: list[tuple[str, str, tuple[int, ...]]] = []
        self._outputs: list[torch.Tensor | None] = []
        self._gathering: dict[Key, _Gathering] = {}
        self._parts: dict[Key, list[_Part]] = {}
        self._done: dict[int, LayerStats] = {}
        self._last: _Gathering | None = None
        """The chunk the last output was copied into (the next output often has the same shape)."""
        self.seconds = 0.0

    def add(self, path: str, kind: str, out: torch.Tensor) -> None:
        """Take block ``path``'s output (on the CPU: copied now, reduced once a chunk is full)."""
        start = time.perf_counter()
        last = self._last
        if last is not None and out.shape == last.key[0] and out.dtype is torch.float32 and out.is_cpu:
            members = last.members  # the common case, made short: another output of the shape before, copied now
            members.append(len(self._names))
            self._names.append((path, kind, tuple(out.shape)))
            self._outputs.append(None)
            last.copy(out)
            if len(members) >= last.capacity:
                self._reduce(last.key)
        else:
            self._add(path, kind, out)
        self.seconds += time.perf_counter() - start

    def _add(self, path: str, kind: str, out: torch.Tensor) -> None:
        index = len(self._names)
        shape = out.shape
        self._names.append((path, kind, tuple(shape)))
        key = (shape, out.device, out.dtype)
        gathering = self._gathering.get(key)
        if gathering is None:
            if out.numel() == 0:
                self._outputs.append(None)
                self._done[index] = LayerStats(path, kind, tuple(shape), math.nan, math.nan, math.nan, math.nan, 0.0)
                return
            gathering = self._gathering[key] = self._start(key, out.numel())
        members = gathering.members
        members.append(index)
        if gathering.buffer is not None:  # copied now and let go: the forward's allocator reuses its memory
            self._outputs.append(None)
            gathering.copy(out)
            self._last = gathering if key[1].type == "cpu" and key[2] == torch.float32 else None
        else:
            self._outputs.append(out)
        if len(members) >= gathering.capacity:
            self._reduce(key)

    def before_in_place(self) -> None:
        """The next block changes the last output in place (``ReLU(inplace=True)``): copy it now, or keep a copy."""
        if not self._outputs:
            return
        index = len(self._outputs) - 1
        for gathering in self._gathering.values():
            if gathering.members and gathering.members[-1] == index:
                if gathering.buffer is None and self._outputs[index] is not None:  # (a buffer holds its copy)
                    self._outputs[index] = self._outputs[index].detach().clone()
                return

    def finish(self) -> list[LayerStats]:
        """Every block's statistics, in the order the outputs were added."""
        for key in list(self._gathering):
            self._reduce(key)
        with torch.no_grad():
            for key, parts in self._parts.items():
                if not _at_hand(key[1]):  # read once per shape, now that every kernel is queued
                    numbers = parts[0].numbers if len(parts) == 1 else torch.cat([p.numbers for p in parts], dim=1)
                    whole = _Part([i for part in parts for i in part.members], numbers,
                                  torch.cat([part.sample for part in parts]))
                    read = numbers.cpu().tolist()  # (float32 numbers are exact as Python floats)
                    self._settle(key, whole, read, lambda row, whole=whole: self._outputs[whole.members[row]])
                    _count_zeros(key, whole, read[2], parts)
                    parts = [whole]
                self._finish_key(key, parts)
        found = self._done
        names = self._names
        self._gathering, self._parts, self._done, self._outputs, self._names, self._last = {}, {}, {}, [], [], None
        return [found[i] for i in range(len(names))]

    def _start(self, key: Key, count: int) -> _Gathering:
        """A new chunk for outputs of ``key``: copied into a kept buffer on the CPU (float32), else held."""
        shape, device, dtype = key
        streams = self._stream and _at_hand(device)
        if not streams:
            return _Gathering([], sys.maxsize, key=key)
        capacity = _chunk_rows(count)
        if dtype != torch.float32:
            return _Gathering([], capacity, key=key)
        self._make_room(capacity * count * 4)
        space = row_buffers.take(tuple(shape), capacity, min(count, SPARK_SAMPLE))
        return _Gathering([], capacity, space.buffer, space.rows, key=key, space=space)

    def _make_room(self, need: int) -> None:
        """Reduce the oldest chunks early while the buffers of all open ones would exceed ``ACTIVE_BYTES``."""
        for key, gathering in list(self._gathering.items()):
            held = sum(g.buffer.numel() * 4 for g in self._gathering.values() if g.buffer is not None)
            if held + need <= ACTIVE_BYTES:
                return
            if gathering.buffer is not None:
                self._reduce(key)

    def _reduce(self, key: Key) -> None:
        gathering = self._gathering.pop(key)
        if gathering is self._last:
            self._last = None
        members = gathering.members
        shape, device, dtype = key
        count = math.prod(shape)
        space = gathering.space
        with torch.no_grad():  # statistics are not part of anything autograd should see
            if space is not None:  # copied as they came (its rows are outputs already, flat), into kept memory
                views = _views(space, tuple(shape), len(members))
                rows, numbers, sample = views.rows, views.numbers, views.sample
                views.targets.copy_(views.sources)  # the sparkline's sample
            else:
                wide = _reduced_dtype(dtype)
                stacked = torch.stack([self._outputs[i] if dtype == wide else self._outputs[i].to(wide)
                                       for i in members])
                rows = stacked.reshape(len(members), count)  # a copy where strides need one (channels_last)
                numbers = torch.zeros((5, len(members)), dtype=rows.dtype, device=device)
                sample = spark_sample(rows, tuple(shape))
            sums, norms, nonzero, lows, highs = numbers.unbind(0) if space is None else views.columns
            torch.sum(rows, 1, out=sums)
            torch.linalg.vector_norm(rows, dim=1, out=norms)
            torch.amin(rows, 1, out=lows)
            torch.amax(rows, 1, out=highs)
            part = _Part(members, numbers, sample=sample)
            if _at_hand(device):  # settle the numbers while the values are at hand too
                values = numbers.numpy() if space is None else views.values
                def original(row: int) -> torch.Tensor:  # a copy's row, else the output itself (its own dtype)
                    return rows[row].view(shape) if space is not None else self._outputs[members[row]]

                # (the zero-count row is not counted yet: whatever a kept workspace held there is not read)
                self._settle(key, part, values.tolist(), original)
            # last, over the stacked copy itself (one buffer less to keep in cache): the values that are not zero,
            # as the sum of 1.0 where a value is not 0 (exact while a row has at most 2**24 values)
            if count <= EXACT_COUNT:
                torch.sum(torch.ne(rows, 0, out=rows), 1, out=nonzero)
            else:
                part.nonzero = torch.count_nonzero(rows, dim=1)
        if _at_hand(device):
            _count_zeros(key, part, values[2].tolist(), [part])
            # now, while the sample is this chunk's (a kept workspace's is the next chunk's)
            part.counts = (bin_counts(sample.numpy(), values[3], values[4]) if space is None
                           else bin_counts(views.sample_np, values[3], values[4], views.bins, views.offsets))
            for index in members:
                self._outputs[index] = None
        if space is not None:
            row_buffers.give(tuple(shape), space, CHUNK_BYTES)
        self._parts.setdefault(key, []).append(part)

    def _settle(self, key: Key, part: _Part, numbers: list[list[float]],
                values: Callable[[int], torch.Tensor]) -> None:
        """Each output's mean, std, min and max from its sums (``numbers``' rows), in double precision.

        Rare outputs need their values again (``values(row)``): NaN or Inf, sums too large for
        float32, a mean that dwarfs the spread (one pass loses digits there: the float32 sum of
        squares of a million values is good to a few millionths, and ``squares - count * mean**2``
        loses as many digits as the mean is times the spread), and values so small (below about
        1e-15) that float32 squares lose them to underflow.
        """
        count = math.prod(key[0])
        degrees = max(count - 1, 1)
        faint = FAINT_SQUARES if _reduced_dtype(key[2]) == torch.float32 else 0.0
        means: list[float] = []
        stds: list[float] = []
        for row, (total, norm, low, high) in enumerate(zip(numbers[0], numbers[1], numbers[3], numbers[4])):
            squares = norm * norm
            every = total + squares + low + high
            if every - every != 0.0:  # NaN or Inf in one of them (the output, or sums too large for float32)
                index = part.members[row]
                path, kind, _ = self._names[index]
                self._done[index] = _one_by_one(path, kind, values(row))
                means.append(math.nan)
                stds.append(math.nan)
                continue
            mean = total / count
            centred = squares - count * mean * mean
            if high == low:  # every value the same
                mean, spread = low, 0.0
            elif centred < 1e-2 * squares or squares < faint:  # two passes: the exact spread
                flat = values(row).detach().reshape(-1)
                flat = flat.to(_reduced_dtype(flat.dtype))
                shift = torch.tensor(mean, dtype=flat.dtype, device=flat.device)
                spread = float((flat - shift).double().square().sum()) / degrees
            else:
                spread = centred / degrees
            means.append(mean)
            stds.append(math.sqrt(spread))
        part.settled = [means, stds, numbers[3], numbers[4], []]

    def _finish_key(self, key: Key, parts: list[_Part]) -> None:
        """The sparklines of every output of shape ``key`` (all at once), and their :class:`LayerStats`."""
        if len(parts) == 1:  # (most often: one chunk)
            members, settled, counts = parts[0].members, parts[0].settled, parts[0].counts
        else:
            members = [i for part in parts for i in part.members]
            settled = [[value for part in parts for value in part.settled[field]] for field in range(5)]
            counts = None if parts[0].counts is None else [row for part in parts for row in part.counts]
        if counts is None:  # read once, at the end (another device)
            extremes = torch.cat([part.numbers[3:5] for part in parts], dim=1).cpu().numpy()
            counts = bin_counts(torch.cat([part.sample for part in parts]).cpu().numpy(), extremes[0], extremes[1])
        names, done, made = self._names, self._done, _made
        for index, histogram, mean, std, low, high, zeros in zip(members, counts, *settled, strict=True):
            if index not in done:
                path, kind, shape = names[index]
                done[index] = made(path, kind, shape, mean, std, low, high, zeros, tuple(histogram))


def _made(path: str, kind: str, shape: tuple[int, ...], mean: float, std: float, low: float, high: float,
          zeros: float, histogram: tuple[int, ...]) -> LayerStats:
    """``LayerStats(...)`` of a finite output, made without the frozen dataclass's ``__init__``.

    That ``__init__`` sets each field through ``object.__setattr__`` (about 1.5 µs a row); this
    sets the same fields at once. The result is equal to the constructor's.
    """
    stats = _new_stats(LayerStats)
    stats.__dict__.update(path=path, kind=kind, shape=shape, mean=mean, std=std, min=low, max=high, zeros=zeros,
                          histogram=histogram, finite=True, nonfinite=0.0)
    return stats


_new_stats = object.__new__


def _reduced_dtype(dtype: torch.dtype) -> torch.dtype:
    """What outputs of ``dtype`` are reduced in: float32, or float64 for float64 and whole numbers (in float32 they
    would lose digits: 1e-50 would count as a zero, and 2**40 + 1 as 2**40)."""
    return torch.float32 if dtype in (torch.float32, torch.float16, torch.bfloat16) else torch.float64


def _at_hand(device: torch.device) -> bool:
    """Whether numbers on ``device`` can be read at once (the CPU); elsewhere kernels run asynchronously, and the
    numbers are read once, at the end."""
    return device.type == "cpu"


def _count_zeros(key: Key, part: _Part, nonzero: list[float], parts: list[_Part]) -> None:
    """The fraction of exact zeros of each output of ``part`` (made of ``parts``), from the counts of the others."""
    count = math.prod(key[0])
    if count > EXACT_COUNT:  # counted in integers
        nonzero = [n for p in parts if p.nonzero is not None for n in p.nonzero.cpu().tolist()]
    assert part.settled is not None
    part.settled[4] = [(count - n) / count for n in nonzero]


@dataclass(frozen=True)
class _Views:
    """What a chunk of ``n`` outputs reads and writes in a kept workspace, viewed once (views cost a few µs each)."""

    rows: torch.Tensor
    """``(n, count)``: a row per output."""
    numbers: torch.Tensor
    """``(5, n)``: the chunk's sums, 2-norms, counts of values that are not zero, minima and maxima."""
    columns: tuple[torch.Tensor, ...]
    """``numbers``' rows."""
    values: np.ndarray
    """``numbers`` as NumPy (the same memory)."""
    sample: torch.Tensor
    """``(n, sampled)``: the values each output's sparkline is binned from."""
    sample_np: np.ndarray
    sources: torch.Tensor
    """The sample's values in ``rows`` (a strided view), …"""
    targets: torch.Tensor
    """… and where they go in ``sample``: ``targets.copy_(sources)`` takes the sample."""
    bins: np.ndarray
    offsets: np.ndarray


def _views(space: row_buffers.Workspace, shape: tuple[int, ...], n: int) -> _Views:
    """The views of ``space`` (for outputs of ``shape``) that a chunk of ``n`` outputs uses, made on first use."""
    views = space.views.get(n)
    if views is None:
        if len(space.views) >= KEPT_VIEWS:  # (a design's chunks come in a few sizes; others are rare)
            space.views.clear()
        rows = space.buffer[:n]
        numbers = space.numbers[:, :n]
        sample = space.sample[:n]
        sources, targets = sample_views(rows, shape, sample)
        views = space.views[n] = _Views(rows, numbers, numbers.unbind(0), numbers.numpy(), sample, sample.numpy(),
                                        sources, targets, space.bins[:n], bin_offsets(n))
    return views


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
        nonfinite = 1.0 - shown.numel() / values.numel()
        if shown.numel() == 0:
            return LayerStats(path, kind, shape, math.nan, math.nan, math.nan, math.nan, zeros, (), False, nonfinite)
        low, high = float(shown.min()), float(shown.max())
        std = float(shown.std()) if shown.numel() > 1 else 0.0
        sample = spark_sample(shown[None], shape if finite else (shown.numel(),))[0]
        width = max(high - low, torch.finfo(torch.float64).tiny)
        bins = ((sample - low) * (SPARK_BINS / width)).nan_to_num_(0).long().clamp_(0, SPARK_BINS - 1)
        histogram = tuple(torch.bincount(bins, minlength=SPARK_BINS).tolist())
        return LayerStats(path, kind, shape, float(shown.mean()), std, low, high, zeros, histogram, finite, nonfinite)


ACTIVE_BYTES = 4 * CHUNK_BYTES
"""At most this many bytes of copied outputs wait in open chunks (outputs of many shapes: the oldest go early)."""
