"""torch's lazy layers the catalog stands for: a kind whose one input size follows the input (issue #18)."""

from __future__ import annotations

import pytest
from torch import nn

from editor import UnsupportedLayerError
from editor.model.catalog.build import kind_of, lazy_kinds, torch_class


def test_lazy_layers_map_to_the_kind_they_become():
    found = lazy_kinds()
    assert {"torch.nn.LazyLinear", "torch.nn.LazyConv1d", "torch.nn.LazyConv2d", "torch.nn.LazyBatchNorm1d",
            "torch.nn.LazyBatchNorm2d"} <= set(found)
    for path, (kind, name) in found.items():
        lazy = getattr(nn, path.rpartition(".")[2])
        assert lazy.cls_to_become is torch_class(kind)
        assert kind.auto_names == (name,)
    assert found["torch.nn.LazyLinear"][1] == "in_features"
    assert "torch.nn.LazyBatchNorm3d" not in found  # BatchNorm3d is not in the catalog


@pytest.mark.parametrize("module", [nn.LazyLinear(3), nn.LazyConv2d(4, 3), nn.LazyBatchNorm1d()])
def test_a_live_lazy_module_gets_a_way_forward(module):
    with pytest.raises(UnsupportedLayerError, match=r"no weights until its first forward pass.*\"auto\""):
        kind_of(module)
