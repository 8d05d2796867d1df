"""Bin counts that equal ``numpy.histogram``'s, counted with torch chunk by chunk on the values' device.

Why not plain ``torch.histc``: it places ``x`` in bin
``int((x - lo) * bins / (hi - lo))`` computed in the values' float type,
while numpy compares ``x`` with its edges ``linspace(lo, hi, bins + 1)``
rounded to that type. The two disagree for values within a few ulps of an
interior edge (about 40 of 50 million normal values), and no float formula
can tell such values apart from the edge (it has fewer digits there than the
values themselves).

So :class:`BinCounter` counts each chunk in ``K`` sub-bins per bin
(``torch.bincount`` of a scaled copy: cheaper than ``histc``), with ``K``
small enough that rounding stays far below one sub-bin. A value whose
sub-bin does not touch an edge is more than a sub-bin away from every edge,
so its bin is certain. The few values in the sub-bins touching an edge, and
in zero's sub-bin, are picked out in the same pass (one table look-up) and
placed with numpy's own rule; the zeros are counted among them.
When the range is so narrow next to the values' size that no such ``K``
exists, whole chunks go to numpy (exact, slower, only for such degenerate data).
"""

from __future__ import annotations

import math

import numpy as np
import torch

MAX_SUBBINS = 1024
MIN_SUBBINS = 4


def numpy_edges(lo: float, hi: float, bins: int, dtype: torch.dtype) -> np.ndarray:
    """The edges ``numpy.histogram(values, bins)`` uses for values of ``dtype`` from ``lo`` to ``hi``, as float64.

    The range is handed over as scalars of the values' dtype, as numpy's own
    default (``values.min()``, ``values.max()``) is: for float32 numpy then
    works the edges out in float32, which puts some of them an ulp away from
    the float64 edges a Python-float ``range=`` would give.
    """
    np_dtype = np.float32 if dtype == torch.float32 else np.float64
    edges = np.histogram_bin_edges(np.empty(0, np_dtype), bins=bins, range=(np_dtype(lo), np_dtype(hi)))
    return edges.astype(np.float64)


def numpy_counts(values: np.ndarray, lo: float, hi: float, bins: int) -> np.ndarray:
    """numpy's own counts (``np.histogram(values, bins)`` over the whole data's range): the reference."""
    kind = values.dtype.type
    return np.histogram(values, bins=bins, range=(kind(lo), kind(hi)))[0].astype(np.int64)


class BinCounter:
    """Counts finite values in ``[lo, hi]`` (of the work dtype) into ``bins`` bins exactly as numpy does."""

    def __init__(self, lo: float, hi: float, bins: int, dtype: torch.dtype) -> None:
        self.lo, self.hi, self.bins, self.dtype = lo, hi, bins, dtype
        eps = 2.0**-24 if dtype == torch.float32 else 2.0**-53
        ratio = max(abs(lo), abs(hi)) / (hi - lo)
        # Worst-case rounding, in sub-bins: our position (a few ulps of bins·K) and numpy's rounded edges
        # (an ulp of the values, ~ratio·bins·K ulps of the position); keep it under a quarter of a sub-bin.
        limit = 0.25 / (bins * eps * (8 + 4 * ratio))
        subbins = 2 ** int(math.log2(limit)) if limit >= 1 else 0
        self.subbins = min(subbins, MAX_SUBBINS)
        self.exact = self.subbins >= MIN_SUBBINS
        """False for degenerate ranges: then every chunk is counted by numpy (on the CPU)."""
        k = max(self.subbins, 1)
        self.scale = bins * k / (hi - lo)
        # Sub-bin q = int((x - lo)·scale) + K + 1: the sub-bins touching edge i are then ≡ 0 and 1 (mod K),
        # and a little rounding past either end stays non-negative.
        self.offset = k + 1 - lo * self.scale
        self.length = bins * k + k + 2
        self.has_zero = lo <= 0.0 <= hi
        self._fine: dict[torch.device, torch.Tensor] = {}
        self._offsets: dict[torch.device, torch.Tensor] = {}
        self._tables: dict[torch.device, torch.Tensor] = {}
        self._picked: list[torch.Tensor] = []
        self._buffers: dict[tuple[torch.device, torch.dtype], tuple[torch.Tensor, ...]] = {}
        self._counts = np.zeros(bins, np.int64)
        self._zeros = 0

    def _quantise(self, chunk: torch.Tensor) -> torch.Tensor:
        """The sub-bin of every value (int32), computed into reused buffers.

        Fresh chunk-sized temporaries would be mapped and unmapped by the
        allocator for every chunk, and their page faults cost more than the
        arithmetic (several times more with two threads).
        """
        device = chunk.device
        offset = self._offsets.get(device)
        if offset is None:
            offset = self._offsets[device] = torch.tensor(self.offset, dtype=chunk.dtype, device=device)
        n = chunk.numel()
        buffers = self._buffers.get((device, chunk.dtype))
        if buffers is None or buffers[0].numel() < n:
            buffers = self._buffers[(device, chunk.dtype)] = (
                torch.empty(n, dtype=chunk.dtype, device=device), torch.empty(n, dtype=torch.int32, device=device),
                torch.empty(n, dtype=torch.bool, device=device))
        position = torch.add(offset, chunk, alpha=self.scale, out=buffers[0][:n])
        return buffers[1][:n].copy_(position)

    def _table(self, chunk: torch.Tensor) -> torch.Tensor:
        """Which sub-bins to pick out: the two touching each edge, and zero's (so zeros are counted exactly)."""
        table = self._tables.get(chunk.device)
        if table is None:
            q = np.arange(self.length)
            marked = (q % self.subbins) <= 1
            if self.has_zero:  # zero's sub-bin and its neighbours (a vectorised add may round differently)
                zeros = torch.zeros(1, dtype=chunk.dtype, device=chunk.device)  # not through the shared buffers
                zero = int(torch.add(self._offsets[chunk.device], zeros, alpha=self.scale).to(torch.int32)[0])
                marked[max(zero - 1, 0):zero + 2] = True
            table = self._tables[chunk.device] = torch.from_numpy(marked).to(chunk.device)
        return table

    def add(self, chunk: torch.Tensor) -> None:
        """Count ``chunk`` (1-D, finite, within ``[lo, hi]``, of the work dtype)."""
        if not self.exact:
            values = chunk.cpu().numpy()
            self._counts += numpy_counts(values, self.lo, self.hi, self.bins)
            self._zeros += values.size - int(np.count_nonzero(values))
            return
        sub = self._quantise(chunk)
        fine = torch.bincount(sub, minlength=self.length)
        if chunk.device in self._fine:
            self._fine[chunk.device] += fine
        else:
            self._fine[chunk.device] = fine
        near = torch.index_select(self._table(chunk), 0, sub,
                                  out=self._buffers[(chunk.device, chunk.dtype)][2][:sub.numel()])
        self._picked.append(chunk[near.nonzero().view(-1)])

    def result(self) -> tuple[np.ndarray, int]:
        """The counts of everything added, and how many of the values were zero (±0.0)."""
        counts = self._counts.copy()
        zeros = self._zeros
        k = self.subbins
        for device, fine in self._fine.items():
            kept = fine.cpu().numpy().copy()
            kept[self._tables[device].cpu().numpy()] = 0  # picked values are counted by numpy below
            counts += kept[k + 1:k + 1 + self.bins * k].reshape(self.bins, k).sum(axis=1)
        if self._picked:
            picked = torch.cat([p.cpu() for p in self._picked]).numpy()
            counts += numpy_counts(picked, self.lo, self.hi, self.bins)
            if self.has_zero:  # every zero sits in zero's sub-bin, which is picked
                zeros += picked.size - int(np.count_nonzero(picked))
        return counts, zeros
