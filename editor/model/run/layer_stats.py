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
one stack per shape, and read once. The sparklines of every output of a shape
are binned together at the end, from a small sample of each.

Numbers equal torch's own (``out.mean()``, ``out.std()``, …): where the mean
dwarfs the spread the one-pass variance would lose digits, so those rows are
computed again the exact two-pass way; outputs with NaN or Inf (or sums that
overflow) are computed one by one in double precision.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from editor.model.run import row_buffers

SPARK_BINS = 16
SPARK_SAMPLE = 256
"""Values of each output its sparkline is binned from (all of them when it has no more)."""
CHUNK_BYTES = 1 << 23
"""About how many bytes of outputs the CPU reduces at once (kept until then, with a stacked copy as large)."""
SPARK_RUN = 8
"""Consecutive values taken at each place of a larger output (8 float32: half a cache line)."""
MAX_CHUNK_ROWS = 512
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
    settled: np.ndarray | None = None
    """Once settled: rows mean, std, min, max and the fraction of zeros, in double precision."""
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
                    numbers_np = numbers.double().cpu().numpy()
                    self._settle(key, whole, numbers_np, lambda row, whole=whole: self._outputs[whole.members[row]])
                    _count_zeros(key, whole, numbers_np[2], parts)
                    parts = [whole]
                self._finish_key(key, parts)
        found = self._done
        self._gathering, self._parts, self._done, self._outputs = {}, {}, {}, []
        return [found[i] for i in range(len(self._names))]

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
        with torch.no_grad():  # statistics are not part of anything autograd should see
            buffer = gathering.buffer
            if buffer is not None:  # copied as they came (its rows are outputs already, flat)
                rows = buffer if len(members) == len(buffer) else buffer[: len(members)]
            else:
                stacked = torch.stack([self._outputs[i] if dtype == torch.float32 else self._outputs[i].float()
                                       for i in members])
                rows = stacked.reshape(len(members), count)  # a copy where strides need one (channels_last)
            space = gathering.space
            if space is None:
                numbers = torch.zeros((5, len(members)), dtype=rows.dtype, device=device)
            else:  # kept memory: fresh pages would cost a fault each
                numbers = space.numbers if len(members) == gathering.capacity else space.numbers[:, : len(members)]
            sums, norms, nonzero, lows, highs = numbers.unbind(0)
            sample = spark_sample(rows, tuple(shape), None if space is None else space.sample[: len(members)])
            torch.sum(rows, 1, out=sums)
            torch.linalg.vector_norm(rows, dim=1, out=norms)
            torch.amin(rows, 1, out=lows)
            torch.amax(rows, 1, out=highs)
            part = _Part(members, numbers, sample=sample)
            if _at_hand(device):  # settle the numbers while the values are at hand too
                values = numbers.numpy()
                def original(row: int) -> torch.Tensor:  # a copy's row, else the output itself (its own dtype)
                    return rows[row].view(shape) if gathering.buffer is not None else self._outputs[members[row]]

                with np.errstate(invalid="ignore"):  # (the zero-count row is not counted yet: whatever a kept
                    wide = values.astype(np.float64)  # workspace held there, NaN bits too, is not read)
                self._settle(key, part, wide, original)
            # last, over the stacked copy itself (one buffer less to keep in cache): the values that are not zero,
            # as the sum of 1.0 where a value is not 0 (exact while a row has at most 2**24 values)
            if count <= EXACT_COUNT:
                torch.sum(torch.ne(rows, 0, out=rows), 1, out=nonzero)
            else:
                part.nonzero = torch.count_nonzero(rows, dim=1)
        if _at_hand(device):
            _count_zeros(key, part, values[2].astype(np.float64), [part])
            bins = None if space is None else space.bins[: len(members)]
            part.counts = _bin_counts(sample.numpy(), values[3:5], bins)  # now: the sample is the workspace's
            for index in members:
                self._outputs[index] = None
        if space is not None:
            row_buffers.give(tuple(shape), space, CHUNK_BYTES)
        self._parts.setdefault(key, []).append(part)

    def _settle(self, key: Key, part: _Part, numbers: np.ndarray, values: Callable[[int], torch.Tensor]) -> None:
        """Each output's mean, std, min and max from its sums, in double precision, all rows at once.

        Rare outputs need their values again (``values(row)``): NaN or Inf, sums too large for
        float32, a mean that dwarfs the spread (one pass loses digits there).
        """
        count = math.prod(key[0])
        settled = np.empty((5, numbers.shape[1]))  # rows: mean, std, min, max, and the fraction of zeros (later)
        mean, spread = settled[0], settled[1]
        sums, norms = numbers[0], numbers[1]
        settled[2:4] = numbers[3:5]
        with np.errstate(all="ignore"):  # rows with NaN or Inf, or sums that overflowed, are done again below
            np.divide(sums, count, out=mean)
            squares = norms * norms
            centred = squares - count * mean * mean
            np.maximum(centred, 0.0, out=centred)
            np.divide(centred, max(count - 1, 1), out=spread)
            finite = np.isfinite(settled[:4]).all(0)  # (the sums and squares too, through the mean and the spread)
            again = centred < 1e-3 * squares
            again |= ~finite
        for row in np.flatnonzero(again).tolist():
            index = part.members[row]
            out = values(row)
            if not finite[row]:
                path, kind, _ = self._names[index]
                self._done[index] = _one_by_one(path, kind, out)  # NaN or Inf, or sums too large for float32
                continue
            flat = out.detach().reshape(-1).float()  # two passes: the exact spread
            shift = torch.tensor(float(mean[row]), dtype=torch.float32, device=flat.device)
            spread[row] = float((flat - shift).double().square().sum()) / max(count - 1, 1)
        np.sqrt(spread, out=spread)
        part.settled = settled

    def _finish_key(self, key: Key, parts: list[_Part]) -> None:
        """The sparklines of every output of shape ``key`` (all at once), and their :class:`LayerStats`."""
        if len(parts) == 1:  # (most often: one chunk)
            members, settled, counts = parts[0].members, parts[0].settled, parts[0].counts
        else:
            members = [i for part in parts for i in part.members]
            settled = np.concatenate([part.settled for part in parts], axis=1)
            counts = None if parts[0].counts is None else [row for part in parts for row in part.counts]
        if counts is None:  # read once, at the end (another device)
            counts = _bin_counts(torch.cat([part.sample for part in parts]).cpu().numpy(),
                                 torch.cat([part.numbers[3:5] for part in parts], dim=1).cpu().numpy())
        names, done, made = self._names, self._done, _made
        for index, histogram, mean, std, low, high, zeros in zip(members, counts, *settled.tolist(), strict=True):
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


def _at_hand(device: torch.device) -> bool:
    """Whether numbers on ``device`` can be read at once (the CPU); elsewhere kernels run asynchronously, and the
    numbers are read once, at the end."""
    return device.type == "cpu"


def _count_zeros(key: Key, part: _Part, nonzero: np.ndarray, parts: list[_Part]) -> None:
    """The fraction of exact zeros of each output of ``part`` (made of ``parts``), from the counts of the others."""
    count = math.prod(key[0])
    if count > EXACT_COUNT:  # counted in integers
        nonzero = np.concatenate([p.nonzero.cpu().numpy() for p in parts if p.nonzero is not None]).astype(np.float64)
    assert part.settled is not None
    part.settled[4] = (count - nonzero) / count


def _bin_counts(sample: np.ndarray, extremes: np.ndarray, bins: np.ndarray | None = None) -> list[list[int]]:
    """Per row of ``sample``, its counts over ``SPARK_BINS`` equal bins from that row's min to its max.

    ``extremes`` holds the rows' minima and maxima. NaN counts in the first bin, infinities at the ends.
    ``sample`` is scaled in place; the bin numbers go into ``bins`` (intp, of its shape) when given.
    """
    rows = len(sample)
    scaled = sample
    with np.errstate(all="ignore"):  # overflowing widths and NaN rows are dealt with below
        width = np.maximum(extremes[1] - extremes[0], np.finfo(np.float32).tiny)
        np.subtract(scaled, extremes[0][:, None], out=scaled)
        scaled *= (np.float32(SPARK_BINS) / width)[:, None]
    np.fmax(scaled, 0, out=scaled)  # NaN goes to the first bin (fmax takes the number), -Inf too
    np.minimum(scaled, SPARK_BINS - 1, out=scaled)
    if bins is None:
        bins = scaled.astype(np.intp)
    else:
        np.copyto(bins, scaled, casting="unsafe")  # as astype does: towards zero
    bins += np.arange(0, rows * SPARK_BINS, SPARK_BINS, dtype=np.intp)[:, None]
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


def spark_sample(rows: torch.Tensor, shape: tuple[int, ...], out: torch.Tensor | None = None) -> torch.Tensor:
    """A copy of at most ``SPARK_SAMPLE`` values of each row of ``rows`` (2-d, each row an output of ``shape``), for
    its sparkline.

    A row of up to that many values is taken whole. A longer one gives runs of ``SPARK_RUN``
    consecutive values from evenly spaced places, ``sample_step(shape)`` apart: the copy reads a
    few cache lines of each row instead of one for every value taken, and the runs fall on every
    part of a row of the output (each feature of a (batch, features) output), not on its first
    values again and again. With ``out`` (of the sample's shape) the copy goes there.
    """
    count = rows.shape[1]
    if count <= SPARK_SAMPLE:
        return rows.clone() if out is None else out.copy_(rows)
    places = SPARK_SAMPLE // SPARK_RUN
    step = sample_step(shape)
    along = rows.stride(1)  # 1 for a buffer's rows; a strided or expanded output's own step otherwise
    runs = rows.as_strided((len(rows), places, SPARK_RUN), (rows.stride(0), step * along, along),
                           rows.storage_offset())
    # a copy, always (runs that touch would make a view of the rows, which the zero count overwrites)
    if out is not None:
        return out.view(len(rows), places, SPARK_RUN).copy_(runs).view(len(rows), SPARK_SAMPLE)
    return runs.clone(memory_format=torch.contiguous_format).view(len(rows), SPARK_SAMPLE)


@functools.lru_cache(maxsize=64)
def sample_step(shape: tuple[int, ...]) -> int:
    """How far apart the sample's runs start in an output of ``shape`` (of more than ``SPARK_SAMPLE`` values).

    The widest step that fits: for outputs of up to about 500 values, just that; for larger ones, a
    multiple of ``SPARK_RUN`` (a run then lies in one cache line)
    whose quotient by it shares no factor with the trailing sizes of ``shape`` (the last size, the
    last two sizes' product, …) once their own factors of ``SPARK_RUN`` are taken out. With
    (64, 256) that is 520, not 512: each run then starts 8 features further along a row than the
    last, and the 32 runs cover all 256 features instead of features 0 to 7 of every other row.
    """
    count = math.prod(shape)
    places = SPARK_SAMPLE // SPARK_RUN
    widest = (count - SPARK_RUN) // (places - 1)  # the last run ends inside the output (at least SPARK_RUN)
    if widest < 2 * SPARK_RUN:  # a small output (up to ~500 values): runs as far apart as they fit
        return widest
    widest //= SPARK_RUN
    trailing = [size // math.gcd(size, SPARK_RUN) for size in itertools.accumulate(reversed(shape), operator.mul)]
    quotient = widest
    while quotient > 1 and any(math.gcd(quotient, size) != 1 for size in trailing):
        quotient -= 1
    return max(1, quotient) * SPARK_RUN


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
