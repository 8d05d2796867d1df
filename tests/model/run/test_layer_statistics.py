"""Issue #13: the Run tab's per-block statistics equal torch's own, however the values lie."""

from __future__ import annotations

import pytest
import torch

from editor.model.run.forward import all_stats


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
