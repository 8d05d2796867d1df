"""Panels ask whether the weights are the seed's only as far as the GUI thread can afford."""

from __future__ import annotations

import torch
from torch import nn

from editor import Project


def test_panels_do_not_settle_an_unknown_status_of_a_design_of_many_layers(monkeypatch):
    from editor.ui.panels import seed_check

    torch.manual_seed(123)
    p = Project.from_module(nn.Sequential(*[nn.Linear(2, 2) for _ in range(5)]), seed=0)
    assert p.seeds.status is None
    monkeypatch.setattr(seed_check, "CHECK_LAYERS", 4)
    assert seed_check.from_seed(p) is None and p.seeds.status is None
    monkeypatch.setattr(seed_check, "CHECK_LAYERS", 5)
    assert seed_check.from_seed(p) is False  # built after seed 123, not 0
