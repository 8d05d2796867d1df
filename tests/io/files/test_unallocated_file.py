"""Saving a design with layers kept unallocated: the design without their weights, and opening it so (issue #16)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch import nn

from editor import Project
from editor.io.files.project_file import open_project, to_payload
from editor.io.files.weights import export_weights
from editor.model.errors import RunError


def _design() -> Project:
    p = Project(seed=5)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=8, out_features=1000)
    p.append_layer("Tanh")
    p.append_layer("Linear", in_features=1000, out_features=4)
    p.extend([p[0]])  # the unallocated layer shared at a second place
    return p


def test_the_file_marks_the_layer_and_holds_only_allocated_weights(free, tmp_path: Path) -> None:
    p = _design()
    assert p.unallocated() == ["0", "3"]
    payload = to_payload(p)
    layers = payload["design"]["layers"]
    assert layers[0]["unallocated"] is True and "unallocated" not in layers[2]
    assert sorted(payload["state_dict"]) == ["2.bias", "2.weight"]
    path = tmp_path / "big.pt"
    p.save(path)
    plain = torch.load(path, weights_only=True)
    assert all(not t.is_meta for t in plain["state_dict"].values())


def test_opening_restores_it_unallocated_even_with_room(free, tmp_path: Path) -> None:
    path = tmp_path / "big.pt"
    p = _design()
    p.save(path)
    free["bytes"] = 10**9  # this machine has room: it still opens unallocated
    opened = open_project(path).project
    assert opened.unallocated() == ["0", "3"]
    assert opened[0] is opened[3]
    assert torch.equal(opened[2].weight, p[2].weight)
    opened.materialize()
    torch.manual_seed(5)
    script = nn.Sequential(nn.Linear(8, 1000), nn.Tanh(), nn.Linear(1000, 4))
    assert torch.equal(opened[0].weight, script[0].weight)  # worked out from the seed: the script's values
    assert opened.weights_from_seed


def test_a_damaged_flag_is_refused(free, tmp_path: Path) -> None:
    payload = to_payload(_design())
    payload["design"]["layers"][0]["unallocated"] = "yes"
    path = tmp_path / "bad.pt"
    torch.save(payload, path)
    with pytest.raises(Exception, match=r"design\.layers\[0\]\.unallocated: expected bool"):
        open_project(path)


def test_an_allocated_layer_missing_its_weights_is_still_refused(free, tmp_path: Path) -> None:
    payload = to_payload(_design())
    del payload["design"]["layers"][0]["unallocated"]
    path = tmp_path / "bad.pt"
    torch.save(payload, path)
    free["bytes"] = 10**9
    with pytest.raises(Exception, match=r"no value for '0\.weight'"):
        open_project(path)


def test_exporting_weights_is_refused_while_a_layer_is_unallocated(free, tmp_path: Path) -> None:
    with pytest.raises(RunError, match=r"Exporting weights needs every block in memory, but block 0 is not allocated"):
        export_weights(_design(), tmp_path / "w.pt")
    assert not (tmp_path / "w.pt").exists()
