"""Issue #13: the Run tab's per-block statistics equal torch's own, however the values lie."""

from __future__ import annotations

import pytest
import torch

from editor.model.run import layer_stats
from editor.model.run.forward import all_stats
from editor.model.run.layer_stats import StatsCollector


@pytest.mark.parametrize("offset, scale", [(0.0, 1.0), (1000.0, 0.001), (-5e4, 3.0), (0.0, 1e-20), (7.0, 0.0)])
def test_statistics_match_torch_even_when_the_mean_dwarfs_the_spread(offset, scale):
    torch.manual_seed(0)
    outputs = [("0", "Linear", torch.randn(64, 256) * scale + offset),
               ("1", "ReLU", (torch.randn(64, 256) * scale + offset).relu()),
               ("2", "Linear", torch.randn(64, 256) * scale * 2 + offset)]
    for (_, _, out), stats in zip(outputs, all_stats(outputs), strict=True):
        exact = out.double()
        assert stats.mean == pytest.approx(float(exact.mean()), rel=1e-5, abs=1e-6 * max(1.0, abs(offset)))
        assert stats.std == pytest.approx(float(exact.std()), rel=1e-3, abs=1e-12)
        assert stats.min == float(out.min()) and stats.max == float(out.max())
        assert stats.zeros == float((out == 0).sum()) / out.numel()


def test_statistics_gathered_while_the_forward_runs_equal_those_computed_after_it():
    """The CPU reduces outputs a chunk at a time as they come; interleaved shapes and many chunks change nothing."""
    from editor.model.run.layer_stats import StatsCollector, _chunk_rows

    torch.manual_seed(1)
    outputs = []
    for i in range(3 * _chunk_rows(64 * 256) + 5):
        shape = (64, 256) if i % 3 else (7, 5)
        outputs.append((str(i), "Linear", torch.randn(shape).relu() if i % 2 else torch.randn(shape)))
    streamed = StatsCollector()
    for path, kind, out in outputs:
        streamed.add(path, kind, out)
    assert streamed.finish() == all_stats(outputs)
    for (_, _, out), stats in zip(outputs, all_stats(outputs), strict=True):
        assert stats.mean == pytest.approx(float(out.double().mean()), rel=1e-5, abs=1e-7)
        assert stats.std == pytest.approx(float(out.double().std()), rel=1e-4, abs=0)
        assert stats.zeros == float((out == 0).sum()) / out.numel()
        assert sum(stats.histogram) == min(out.numel(), 256)  # a sample of at most 256 values


def test_sums_too_large_for_float32_are_computed_in_double_precision():
    values = torch.full((4, 8), 3e38)
    values[0, 0] = -3e38
    stats = all_stats([("0", "Linear", values)])[0]
    assert stats.finite
    assert stats.mean == pytest.approx(float(values.double().mean()))
    assert stats.std == pytest.approx(float(values.double().std()))
    assert (stats.min, stats.max) == (float(values.min()), float(values.max()))


def test_nan_and_inf_rows_are_marked_and_described_by_their_finite_values():
    out = torch.tensor([[1.0, float("nan")], [3.0, float("inf")], [0.0, 5.0]])
    clean = torch.tensor([[2.0, 4.0]])
    bad, good = all_stats([("0", "Linear", out), ("1", "Linear", clean)])
    assert not bad.finite and good.finite
    assert (bad.min, bad.max) == (0.0, 5.0)
    assert bad.mean == pytest.approx(9.0 / 4)
    assert bad.zeros == pytest.approx(1 / 6)
    assert (good.mean, good.min, good.max) == (3.0, 2.0, 4.0)


def test_the_cpu_copies_each_output_as_it_comes_and_lets_it_go():
    """A 100-layer run keeps no output alive (the forward reuses their memory)."""
    import gc
    import weakref

    from editor.model.run.layer_stats import StatsCollector, _chunk_rows

    torch.manual_seed(2)
    rows = _chunk_rows(64 * 256)
    collector = StatsCollector()
    kept, expected = [], []
    for i in range(2 * rows + 3):
        out = torch.randn(64, 256).relu()
        kept.append(weakref.ref(out))
        expected.append((str(i), "ReLU", out.clone()))
        collector.add(str(i), "ReLU", out)
        del out
    gc.collect()
    alive = [ref() is not None for ref in kept]
    assert not any(alive)  # each was copied as it came
    assert collector.finish() == all_stats(expected)
    gc.collect()
    assert not any(ref() is not None for ref in kept)


def test_outputs_of_many_shapes_wait_in_a_bounded_amount_of_memory(monkeypatch):
    """Chunks of many shapes open at once: the oldest are reduced early, and nothing changes in the numbers."""
    from editor.model.run import layer_stats

    monkeypatch.setattr(layer_stats, "ACTIVE_BYTES", 3 * 64 * 256 * 4)
    monkeypatch.setattr(layer_stats, "CHUNK_BYTES", 2 * 64 * 256 * 4)
    torch.manual_seed(4)
    outputs = [(str(i), "Linear", torch.randn(64, 256 + i % 5)) for i in range(23)]
    collector = layer_stats.StatsCollector()
    for path, kind, out in outputs:
        collector.add(path, kind, out)
        held = sum(g.buffer.numel() * 4 for g in collector._gathering.values() if g.buffer is not None)
        assert held <= layer_stats.ACTIVE_BYTES
    for (_, _, out), stats in zip(outputs, collector.finish(), strict=True):
        assert stats.mean == pytest.approx(float(out.double().mean()), rel=1e-5, abs=1e-7)
        assert (stats.min, stats.max) == (float(out.min()), float(out.max()))


def test_chunks_that_take_turns_in_one_kept_workspace_keep_their_own_numbers_and_sparklines(monkeypatch):
    """Each chunk's numbers, sample and bins live in a workspace given back as the chunk is reduced, which the
    next chunk of the shape (and the next run) takes again: every output keeps what it would have alone."""
    from editor.model.run import layer_stats, row_buffers

    monkeypatch.setattr(row_buffers, "_kept", {})
    monkeypatch.setattr(layer_stats, "CHUNK_BYTES", 3 * 16 * 40 * 4)  # chunks of 3 outputs of (16, 40)
    torch.manual_seed(7)
    outputs = [(str(i), "ReLU" if i % 2 else "Linear", torch.randn(16, 40).relu_() if i % 2 else torch.randn(16, 40)
                * (i + 1)) for i in range(11)]
    alone = [layer_stats.all_stats([output])[0] for output in outputs]
    for _ in range(2):  # the second run takes the first's workspace
        collector = layer_stats.StatsCollector()
        for path, kind, out in outputs:
            collector.add(path, kind, out)
        assert collector.finish() == alone
    assert len(row_buffers._kept) == 1


def test_double_precision_outputs_are_held_not_copied_and_match_torch():
    outputs = [(str(i), "Linear", torch.randn(8, 9, dtype=torch.float64) * (i + 1)) for i in range(5)]
    for (_, _, out), stats in zip(outputs, all_stats(outputs), strict=True):
        assert stats.mean == pytest.approx(float(out.mean()), rel=1e-5, abs=1e-7)
        assert stats.std == pytest.approx(float(out.std()), rel=1e-5)


def test_numbers_read_once_at_the_end_as_on_a_gpu_equal_those_read_at_once(monkeypatch):
    """On a GPU every chunk's numbers are read in one transfer at the end (here the CPU plays that part)."""
    from editor.model.run import layer_stats

    torch.manual_seed(5)
    outputs = [(str(i), "Linear", torch.randn(16, 32) * (i + 1)) for i in range(6)]
    outputs += [("6", "ReLU", torch.randn(16, 32).relu()), ("7", "Linear", torch.tensor([[1.0, float("nan")]])),
                ("8", "Linear", torch.full((4, 4), 1000.0) + torch.arange(16.0).view(4, 4) * 1e-4)]
    at_once = all_stats(outputs)
    monkeypatch.setattr(layer_stats, "_at_hand", lambda device: False)
    collector = layer_stats.StatsCollector()
    for path, kind, out in outputs:
        collector.add(path, kind, out)
    assert collector.finish() == at_once


def test_channels_last_outputs_and_double_precision_fallbacks():
    """Outputs with channels_last strides are read in any path; a float64 output's own values serve its fallback."""
    from editor.model.run import layer_stats

    nhwc = torch.randn(2, 5, 6, 8).permute(0, 3, 1, 2)  # channels_last strides
    huge = torch.tensor([1e300, -1e300, 0.0], dtype=torch.float64)  # its float32 copy would be ±inf
    for stats, out in zip(all_stats([("0", "K", nhwc), ("1", "K", huge)]), (nhwc, huge), strict=True):
        assert stats.finite and (stats.min, stats.max) == (float(out.min()), float(out.max()))
    collector = layer_stats.StatsCollector()
    collector.add("0", "K", nhwc)
    assert collector.finish()[0].mean == pytest.approx(float(nhwc.double().mean()), abs=1e-7)


def test_a_block_that_changes_its_input_in_place_does_not_change_the_stats_of_the_block_before():
    from torch import nn

    from editor import Project

    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(8, 16), nn.ReLU(inplace=True), nn.Linear(16, 4),
                                          nn.ReLU(inplace=True)))
    p.input_shape = (32, 8)
    result = p.run(batch=32)
    x = result.input
    with torch.no_grad():
        first = p.model[0](x)
    stats = result.layers["0"]
    assert stats.min == float(first.min()) < 0 and stats.zeros == 0.0
    assert stats.mean == pytest.approx(float(first.double().mean()), abs=1e-6)
    assert result.layers["1"].min == 0.0 and result.layers["1"].zeros > 0.2


def test_buffers_larger_than_a_chunk_are_not_kept_between_runs(monkeypatch):
    from editor.model.run import layer_stats, row_buffers

    monkeypatch.setattr(row_buffers, "_kept", {})
    monkeypatch.setattr(layer_stats, "CHUNK_BYTES", 4 * 1000)
    collector = layer_stats.StatsCollector()
    collector.add("0", "Linear", torch.randn(10, 300))  # 12 KiB: a buffer for it serves this run only
    collector.add("1", "Linear", torch.randn(10, 20))  # 800 B: its buffer is kept
    collector.finish()
    assert [shape for shape, _ in row_buffers._kept] == [(10, 20)]


def test_zeros_of_outputs_too_large_to_count_in_float32_are_counted_in_integers(monkeypatch) -> None:
    """Zeros are counted as a float32 sum of ones while that is exact (2**24 values); beyond, in integers."""
    monkeypatch.setattr(layer_stats, "EXACT_COUNT", 10)
    outputs = [(str(i), "ReLU", torch.randn(4, 6).relu()) for i in range(3)]
    streamed = StatsCollector()
    for path, kind, out in outputs:
        streamed.add(path, kind, out)
    for (_, _, out), stats in zip(outputs, streamed.finish(), strict=True):
        assert stats.zeros == float((out == 0).sum()) / out.numel()
    for (_, _, out), stats in zip(outputs, all_stats(outputs), strict=True):  # held, then reduced together
        assert stats.zeros == float((out == 0).sum()) / out.numel()


@pytest.mark.parametrize("count", [256, 257, 260, 287, 288, 1000])
def test_sparklines_of_outputs_just_over_the_sample_are_their_own(count):
    """Outputs whose sample runs are whole segments (257 to 287 values): the sample must be a copy, not a view of
    the buffer that the zero count overwrites."""
    from editor.model.run.layer_stats import StatsCollector, _one_by_one

    torch.manual_seed(count)
    outputs = [torch.randn(1, count).relu() for _ in range(3)]
    collector = StatsCollector()
    for i, out in enumerate(outputs):
        collector.add(str(i), "ReLU", out)
    for stats, out in zip(collector.finish(), outputs, strict=True):
        assert stats.histogram == _one_by_one(stats.path, "ReLU", out).histogram


def test_a_sparkline_sees_every_feature_not_only_the_first_ones():
    """A (batch, features) output whose first 8 features are dead: the sample meets the live ones too."""
    out = torch.ones(64, 256)
    out[:, :8] = 0.0
    stats = all_stats([("0", "ReLU", out)])[0]
    assert sum(stats.histogram) == 256
    assert stats.histogram[0] == 8 and stats.histogram[-1] == 248  # each feature sampled once


@pytest.mark.parametrize("shape", [(64, 256), (2, 16, 28, 28), (8, 3, 32, 32), (3, 1000), (1, 257), (5, 7, 11)])
def test_the_sample_s_runs_fit_and_spread_over_the_output(shape):
    import math

    from editor.model.run.layer_stats import SPARK_RUN, SPARK_SAMPLE, sample_step

    step = sample_step(shape)
    count = math.prod(shape)
    places = SPARK_SAMPLE // SPARK_RUN
    assert step >= SPARK_RUN and (places - 1) * step + SPARK_RUN <= count
    assert step % SPARK_RUN == 0 or step < 2 * SPARK_RUN  # a run in one cache line, but for small outputs
    last = shape[-1]
    starts = {i * step % last for i in range(places)}
    assert len(starts) == min(places, last // math.gcd(step, last))  # no start repeats before it must
    assert sample_step((64, 256)) == 520
    assert sample_step((2, 200)) == 12  # runs spread over all 400 values, not the first 256


def test_sparklines_of_strided_and_expanded_outputs_read_their_own_values():
    """Outputs whose sums overflow float32 are done one by one from the output itself, which may be a strided or
    an expanded view: the sample follows its strides."""
    strided = torch.arange(1200, dtype=torch.float64).mul(1e36)[::2]  # 600 values up to 1.2e39, stride 2
    expanded = torch.tensor(1e39, dtype=torch.float64).expand(300)  # stride 0
    got = all_stats([("0", "Linear", strided), ("1", "Linear", expanded)])
    assert got[0].histogram == all_stats([("0", "Linear", strided.contiguous())])[0].histogram
    assert sum(got[0].histogram) == 256 and got[0].max == float(strided.max())
    assert sum(got[1].histogram) == 256 and got[1].min == got[1].max == 1e39


def test_a_script_s_default_dtype_and_device_do_not_reach_the_kept_workspaces(monkeypatch):
    """torch.set_default_dtype(torch.float64) in a script: a float32 design still runs, with float32 numbers."""
    from editor.model.run import layer_stats, row_buffers

    monkeypatch.setattr(row_buffers, "_kept", {})
    outputs = [(str(i), "Linear", torch.randn(6, 300) * (i + 1)) for i in range(3)]
    expected = layer_stats.all_stats(outputs)
    before = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        collector = layer_stats.StatsCollector()
        for path, kind, out in outputs:
            collector.add(path, kind, out)
        assert collector.finish() == expected
    finally:
        torch.set_default_dtype(before)


def test_a_kept_workspace_serves_chunks_of_every_size_with_their_own_views(monkeypatch):
    """Runs of 3, 5, 2, … outputs of one shape take the same kept workspace, each viewing its first rows; the views
    of a few sizes are kept with it, and each run's statistics equal those of its outputs alone."""
    from editor.model.run import layer_stats, row_buffers

    monkeypatch.setattr(row_buffers, "_kept", {})
    torch.manual_seed(3)
    for size in (3, 5, 2, 3, 7, 1, 6, 4, 5):
        outputs = [(str(i), "Linear", torch.randn(8, 40) * (i + size)) for i in range(size)]
        collector = layer_stats.StatsCollector()
        for path, kind, out in outputs:
            collector.add(path, kind, out)
        assert collector.finish() == [layer_stats.all_stats([output])[0] for output in outputs]
    (space,) = row_buffers._kept.values()
    assert 1 <= len(space.views) <= layer_stats.KEPT_VIEWS


def _every_path(outputs):
    """Each output's statistics streamed (the CPU's kept workspaces), held, and read once at the end as on a GPU."""
    from unittest import mock

    streamed = StatsCollector()
    for path, kind, out in outputs:
        streamed.add(path, kind, out)
    found = [streamed.finish(), all_stats(outputs)]
    with mock.patch.object(layer_stats, "_at_hand", lambda device: False):
        late = StatsCollector()
        for path, kind, out in outputs:
            late.add(path, kind, out)
        found.append(late.finish())
    return found


@pytest.mark.parametrize("make", [
    lambda: torch.tensor([[1e-30, -1e-30, 2e-30, -2e-30]]),  # squares that underflow, a mean of exactly 0
    lambda: torch.rand(8, 40) * 1e-23 + 3e-23,  # squares in float32's denormals
    lambda: torch.randn(8, 40) * 1e-22,
    lambda: torch.randn(4, 1 << 20) + 31,  # a million values whose mean is 31 times their spread
])
def test_the_spread_of_faint_values_and_of_a_million_values_with_a_large_mean_matches_torch(make):
    """Found by a review: float32 sums of squares lose tiny values to underflow, and a million of them are good to a
    few millionths only, which the one-pass variance magnifies by the mean's square over the spread's."""
    torch.manual_seed(0)
    out = make()
    for stats in (found[0] for found in _every_path([("0", "Linear", out)])):
        assert stats.std == pytest.approx(float(out.double().std()), rel=1e-4, abs=0)
        assert stats.mean == pytest.approx(float(out.double().mean()), rel=1e-5, abs=1e-12 * float(out.abs().max()))


def test_double_precision_and_whole_number_outputs_keep_their_digits():
    """float64 and integer outputs are reduced in float64: in float32 1e-50 counted as a zero, and 2**40 + 99 as
    2**40."""
    torch.manual_seed(0)
    faint = torch.randn(8, 40, dtype=torch.float64) * 1e-50
    close = torch.randn(8, 40, dtype=torch.float64) * 1e-10 + 1
    large = torch.randint(2**40, 2**40 + 100, (8, 40))
    outputs = [("0", "Linear", faint), ("1", "Linear", close), ("2", "Embedding", large)]
    for found in _every_path(outputs):
        for stats, (_, _, out) in zip(found, outputs, strict=True):
            exact = out.double()
            assert (stats.min, stats.max) == (float(exact.min()), float(exact.max()))
            assert stats.zeros == 0.0
            assert stats.std == pytest.approx(float(exact.std()), rel=1e-6, abs=0)
            assert stats.mean == pytest.approx(float(exact.mean()), rel=1e-12, abs=0)


def test_outputs_whose_values_are_all_the_same_have_that_mean_and_no_spread():
    outputs = [(str(i), "Linear", torch.full((64, 256), value)) for i, value in enumerate((0.1, -7.0, 1e-30, 3e-39))]
    for found in _every_path(outputs):
        for stats, (_, _, out) in zip(found, outputs, strict=True):
            assert stats.std == 0.0 and stats.mean == stats.min == stats.max == float(out[0, 0])


def test_a_collector_serves_a_second_run_after_it_finished_the_first():
    collector = StatsCollector()
    for run in range(2):
        outputs = [(str(i), "Linear", torch.randn(4, 5) + run) for i in range(3)]
        for path, kind, out in outputs:
            collector.add(path, kind, out)
        assert collector.finish() == all_stats(outputs)
