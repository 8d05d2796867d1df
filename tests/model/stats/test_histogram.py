"""Histograms equal numpy's on the same data; statistics, NaN/inf, dtypes, several tensors, cancelling."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from editor.model.stats import histogram as histogram_module
from editor.model.stats.histogram import HistogramCancelled, compute_histogram


def reference(tensors, data):
    """numpy.histogram on the same values (as the dtype they were compared in), NaN/inf left out."""
    if isinstance(tensors, torch.Tensor):
        tensors = [tensors]
    dtype = torch.float32 if data.dtype == "float32" else torch.float64
    values = np.concatenate([t.detach().reshape(-1).to(dtype).numpy() for t in tensors] or [np.empty(0)])
    values = values[np.isfinite(values)]
    return np.histogram(values, bins=data.bins)  # numpy's own range: the values' min and max, in their dtype


def assert_like_numpy(tensors, bins=60):
    data = compute_histogram(tensors, bins)
    counts, edges = reference(tensors, data)
    np.testing.assert_array_equal(data.counts, counts)
    np.testing.assert_array_equal(data.edges, edges.astype(np.float64))
    assert data.counts.dtype == np.int64 and data.edges.dtype == np.float64 and len(data.edges) == bins + 1
    return data


@pytest.mark.parametrize("seed", range(12))
def test_random_arrays_equal_numpy(seed):
    g = torch.Generator().manual_seed(seed)
    n = int(torch.randint(1, 300_000, (1,), generator=g))
    bins = int(torch.randint(1, 500, (1,), generator=g))
    shape = [torch.randn(n, generator=g), torch.rand(n, generator=g) * 7 - 3,
             torch.randn(n, generator=g) * 1e-4 + 1.0, torch.randn(n, generator=g).exp()][seed % 4]
    assert_like_numpy(shape, bins)


def test_values_exactly_on_the_edges_equal_numpy():
    # Every edge itself, and its float neighbours: where a float formula (histc) and numpy disagree.
    for lo, hi, bins in [(-0.2236, 0.2236, 60), (0.0, 1.0, 10), (-3.1, 7.3, 37), (-1.0, 1.0, 500)]:
        edges = torch.from_numpy(np.histogram_bin_edges(np.empty(0, np.float32), bins, (lo, hi)))
        below = torch.nextafter(edges, torch.tensor(-math.inf, dtype=torch.float32))
        above = torch.nextafter(edges, torch.tensor(math.inf, dtype=torch.float32))
        values = torch.cat([edges, below[1:], above[:-1]]).repeat(3)
        data = assert_like_numpy(values, bins)
        assert data.min == float(edges[0]) and data.max == float(edges[-1])


def test_plain_histc_would_disagree_on_some_edges():
    """Why the counts do not come from torch.histc alone (if this ever passes, histc got exact)."""
    x = torch.randn(3_000_000, generator=torch.Generator().manual_seed(0))
    lo, hi = (float(v) for v in torch.aminmax(x))
    histc = torch.histc(x, 60, lo, hi).long().numpy()
    assert (histc != np.histogram(x.numpy(), 60, (lo, hi))[0]).any()
    assert_like_numpy(x)


@pytest.mark.parametrize("values", [
    torch.zeros(10), torch.full((7,), 3.0), torch.full((5,), -1e10), torch.tensor([2.5]),
    torch.arange(61.0), torch.arange(100), torch.arange(-5, 5, dtype=torch.int8),
    torch.tensor([True, False, True]), torch.linspace(-1, 1, 61),
    torch.randn(1000).half(), torch.randn(1000).bfloat16(), torch.randn(1000, dtype=torch.float64),
])
def test_edge_cases_equal_numpy(values):
    assert_like_numpy(values)


def test_all_equal_values_widen_like_numpy():
    data = assert_like_numpy(torch.full((4, 4), 1.0), bins=10)
    assert data.edges[0] == 0.5 and data.edges[-1] == 1.5
    assert data.counts.sum() == 16 and data.std == 0.0 and data.mean == 1.0


def test_empty_tensors():
    data = compute_histogram([torch.empty(0), torch.empty(3, 0)], 20)
    assert data.numel == 0 and data.counts.sum() == 0 and len(data.edges) == 21
    assert math.isnan(data.mean) and data.zero_fraction == 0.0
    assert compute_histogram([], 5).numel == 0


def test_nan_and_inf_are_counted_and_left_out():
    x = torch.tensor([1.0, math.nan, math.inf, -math.inf, 2.0, 0.0, math.nan])
    data = assert_like_numpy(x, bins=4)
    assert (data.nan, data.inf, data.numel, data.zeros) == (2, 2, 3, 1)
    assert (data.min, data.max, data.mean) == (0.0, 2.0, 1.0)
    only_nan = compute_histogram(torch.full((3,), math.nan), 5)
    assert only_nan.numel == 0 and only_nan.nan == 3


def test_statistics_match_torch():
    g = torch.Generator().manual_seed(1)
    x = torch.randn(200, 300, generator=g) * 0.3 + 0.1
    x[x.abs() < 0.05] = 0.0
    x[0, 0] = -0.0
    data = compute_histogram(x, 50)
    std, mean = torch.std_mean(x.double())
    assert data.mean == pytest.approx(float(mean), rel=1e-6)
    assert data.std == pytest.approx(float(std), rel=1e-5)  # unbiased, like torch.std
    assert (data.min, data.max) == (float(x.min()), float(x.max()))
    assert data.zeros == int((x == 0).sum()) and data.zero_fraction == pytest.approx(float((x == 0).double().mean()))
    assert data.numel == x.numel()


def test_std_survives_a_large_mean():
    x = torch.randn(100_000, generator=torch.Generator().manual_seed(2)) * 1e-3 + 1000.0
    data = assert_like_numpy(x)
    assert data.std == pytest.approx(float(x.double().std()), rel=1e-4)


def test_several_tensors_combined_like_one():
    g = torch.Generator().manual_seed(3)
    parts = [torch.randn(100, 20, generator=g), torch.rand(37, generator=g), torch.randn(3, 3, 3, 3, generator=g) * 4]
    data = assert_like_numpy(parts, bins=33)
    whole = compute_histogram(torch.cat([p.reshape(-1) for p in parts]), 33)
    np.testing.assert_array_equal(data.counts, whole.counts)
    assert data.numel == whole.numel and data.mean == pytest.approx(whole.mean)
    mixed = assert_like_numpy([torch.randn(50, generator=g), torch.arange(10)], bins=7)
    assert mixed.dtype == "float64"


def test_many_chunks_equal_numpy(monkeypatch):
    monkeypatch.setattr(histogram_module, "CHUNK", 1000)
    x = torch.randn(25_000, generator=torch.Generator().manual_seed(4))
    x[::97] = 0.0
    x[5] = math.nan
    data = assert_like_numpy([x, x[:333]], bins=45)
    assert data.zeros == int((x == 0).sum()) + int((x[:333] == 0).sum()) and data.nan == 2


def test_parameters_with_grad_and_non_contiguous_views():
    w = torch.nn.Parameter(torch.randn(30, 40))
    assert_like_numpy([w, w.detach().t()[::2]], bins=12)


def test_cancelled_between_chunks(monkeypatch):
    monkeypatch.setattr(histogram_module, "CHUNK", 100)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(HistogramCancelled):
        compute_histogram(torch.randn(10_000), 10, cancelled=cancelled)
    assert len(calls) == 4


def test_bins_must_be_positive():
    with pytest.raises(ValueError, match="at least one bin"):
        compute_histogram(torch.randn(5), 0)


def test_values_on_float32_edges_equal_the_plain_numpy_call():
    # -5 … 4 in 234 bins: every integer falls on an edge. For float32 values numpy works its edges out in
    # float32 (edge 182 is 2.0000005, not 2.0), so 2.0 belongs to bin 181: np.histogram(values, 234) says so.
    values = torch.arange(-5, 5, dtype=torch.float32).repeat(100)
    data = compute_histogram(values, 234)
    counts, edges = np.histogram(values.numpy(), 234)
    np.testing.assert_array_equal(data.counts, counts)
    np.testing.assert_array_equal(data.edges, edges.astype(np.float64))
    assert data.counts[181] == 100 and data.counts[182] == 0
