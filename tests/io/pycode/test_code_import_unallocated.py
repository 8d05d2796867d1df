"""Reading code in the editor keeps a layer too large for memory unallocated; scripts still get a refusal (#16)."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor.io.errors import CodeImportError
from editor.io.pycode.read.reader import import_code
from editor.model.catalog.unallocated import keeping_unallocated

SOURCE = """import torch
import torch.nn as nn

torch.manual_seed(3)
net = nn.Sequential(nn.Linear(4, 8), nn.Linear(8, 1000), nn.Tanh(), nn.Linear(1000, 2))
"""


def test_a_script_is_refused_with_both_numbers(free) -> None:
    with pytest.raises(CodeImportError) as caught:
        import_code(SOURCE)
    assert "memory is free" in str(caught.value)


def test_the_editor_keeps_the_layer_that_does_not_fit_and_the_others_get_the_source_values(free) -> None:
    with keeping_unallocated():
        p = import_code(SOURCE)
    assert p.unallocated() == ["1"]
    assert p.model[1].weight.is_meta and not p.model[0].weight.is_meta and not p.model[3].weight.is_meta
    torch.manual_seed(3)
    plain = nn.Sequential(nn.Linear(4, 8), nn.Linear(8, 1000), nn.Tanh(), nn.Linear(1000, 2))
    for i in (0, 3):  # the draws of the unallocated layer were replayed: the layer after it is the source's
        assert torch.equal(p.model[i].weight, plain[i].weight) and torch.equal(p.model[i].bias, plain[i].bias)
    assert p.count_parameters() == sum(t.numel() for t in plain.parameters())
