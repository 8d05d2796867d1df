"""The sparkline of a block's output: a small sample of its values, binned over its range.

At most ``SPARK_SAMPLE`` values of each output are taken (runs of consecutive
values spread over the whole output, see :func:`sample_step`) and counted in
``SPARK_BINS`` equal bins from the output's min to its max, many outputs at once.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator

import numpy as np
import torch

SPARK_BINS = 16
SPARK_SAMPLE = 256
"""Values of each output its sparkline is binned from (all of them when it has no more)."""
SPARK_RUN = 8
"""Consecutive values taken at each place of a larger output (8 float32: half a cache line)."""


def spark_sample(rows: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    """A copy of at most ``SPARK_SAMPLE`` values of each row of ``rows`` (2-d, each row an output of ``shape``), for
    its sparkline.

    A row of up to that many values is taken whole. A longer one gives runs of ``SPARK_RUN``
    consecutive values from evenly spaced places, ``sample_step(shape)`` apart: the copy reads a
    few cache lines of each row instead of one for every value taken, and the runs fall on every
    part of a row of the output (each feature of a (batch, features) output), not on its first
    values again and again.
    """
    sample = torch.empty((len(rows), min(rows.shape[1], SPARK_SAMPLE)), dtype=rows.dtype, device=rows.device)
    sources, targets = sample_views(rows, shape, sample)
    targets.copy_(sources)  # a copy, always (runs that touch would make a view of the rows, which the zero count
    return sample  # overwrites)


def sample_views(rows: torch.Tensor, shape: tuple[int, ...],
                 sample: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The values of ``rows`` that :func:`spark_sample` takes, and ``sample`` (contiguous, of the sample's shape)
    viewed alike, so that ``targets.copy_(sources)`` takes them."""
    count = rows.shape[1]
    if count <= SPARK_SAMPLE:
        return rows, sample
    places = SPARK_SAMPLE // SPARK_RUN
    step = sample_step(shape)
    along = rows.stride(1)  # 1 for a buffer's rows; a strided or expanded output's own step otherwise
    runs = rows.as_strided((len(rows), places, SPARK_RUN), (rows.stride(0), step * along, along),
                           rows.storage_offset())
    return runs, sample.view(len(rows), places, SPARK_RUN)


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


def bin_counts(sample: np.ndarray, lows: np.ndarray, highs: np.ndarray, bins: np.ndarray | None = None,
                offsets: np.ndarray | None = None) -> list[list[int]]:
    """Per row of ``sample``, its counts over ``SPARK_BINS`` equal bins from that row's min (``lows``) to its max
    (``highs``).

    NaN counts in the first bin, infinities at the ends. ``sample`` is scaled in place; the bin numbers
    go into ``bins`` (intp, of its shape) when given, with ``offsets`` (each row's first bin number, as
    a column: 0, ``SPARK_BINS``, …).
    """
    rows = len(sample)
    with np.errstate(all="ignore"):  # overflowing widths and NaN rows are dealt with below
        scale = np.float32(SPARK_BINS) / np.maximum(highs - lows, np.finfo(np.float32).tiny)
        np.subtract(sample, lows[:, None], out=sample)
        np.multiply(sample, scale[:, None], out=sample)
    np.fmax(sample, 0, out=sample)  # NaN goes to the first bin (fmax takes the number), -Inf too
    np.minimum(sample, SPARK_BINS - 1, out=sample)
    if bins is None:
        bins = sample.astype(np.intp)
    else:
        np.copyto(bins, sample, casting="unsafe")  # as astype does: towards zero
    bins += bin_offsets(rows) if offsets is None else offsets
    return np.bincount(bins.ravel(), minlength=SPARK_BINS * rows).reshape(rows, SPARK_BINS).tolist()


def bin_offsets(rows: int) -> np.ndarray:
    """Each of ``rows`` rows' first bin number in one count of them all, as a column."""
    return np.arange(0, rows * SPARK_BINS, SPARK_BINS, dtype=np.intp)[:, None]
