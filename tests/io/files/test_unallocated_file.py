"""Saving a design with layers kept unallocated: the design without their weights, and opening it so (issue #16)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch import nn

from editor import Project
from editor.io.errors import ProjectFileError
from editor.io.files.project_file import open_project, to_payload
from editor.io.files.weights import export_weights
from editor.model.errors import RunError, StructureError
from tests.model.custom.textbook import NET, PLAIN_LINEAR, Net


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


def test_an_unallocated_layers_plain_tensor_is_left_out_and_materializes_from_the_seed(free, tmp_path: Path) -> None:
    """Saving copied every plain tensor's values, and a meta tensor has none: saving (and autosave) crashed."""
    p = Project(seed=1)
    p.keep_unallocated = True
    p.define_layer(PLAIN_LINEAR)
    p.append_layer("PlainLinear", in_units=4, units=2000)  # its plain weight alone is 31.2 KiB
    p.append_layer("PlainLinear", in_units=2000, units=3)
    assert p.unallocated() == ["0"] and p.model[0].weight.is_meta
    payload = to_payload(p)
    assert list(payload["plain_tensors"]) == ["1.weight"] and payload["design"]["layers"][0]["unallocated"] is True
    path = tmp_path / "plain.pt"
    p.save(path)
    opened = open_project(path).project
    assert opened.unallocated() == ["0"] and opened.model[0].weight.is_meta
    assert torch.equal(opened.model[1].weight, p.model[1].weight) and opened.weights_from_seed
    free["bytes"] = 10**9
    payload["plain_tensors"]["0.weight"] = torch.zeros(4, 2000)  # values for a layer the file marks unallocated
    torch.save(payload, tmp_path / "bad.pt")
    with pytest.raises(ProjectFileError, match=r"plain_tensors: '0\.weight' is not a plain tensor of the design"):
        open_project(tmp_path / "bad.pt")
    opened.materialize()
    torch.manual_seed(1)
    first, second = torch.randn(4, 2000), torch.randn(2000, 3)  # PlainLinear's weight; its bias is zeros
    assert torch.equal(opened.model[0].weight, first) and torch.equal(opened.model[1].weight, second)
    assert opened.weights_from_seed


def test_a_custom_block_kept_unallocated_opens_and_materializes_from_the_seed(free, tmp_path: Path) -> None:
    """Opening built the block unallocated, but its children were built (and refused) as ordinary layers."""
    p = Project(seed=1)
    p.keep_unallocated = True
    p.define_block(NET)
    p.append_layer("Net", input_nodes=4, hidden_nodes=2000, output_nodes=2)  # Net.hidden alone is 39.1 KiB
    p.append_layer("Linear", in_features=2, out_features=3)
    path = tmp_path / "net.pt"
    p.save(path)
    opened = open_project(path).project
    assert opened.unallocated() == ["0"] and opened.model[0].hidden.weight.is_meta
    assert torch.equal(opened.model[1].weight, p.model[1].weight)
    free["bytes"] = 10**9
    opened.materialize()
    torch.manual_seed(1)
    script = nn.Sequential(Net(4, 2000, 2), nn.Linear(2, 3))
    for name, value in script.state_dict().items():
        assert torch.equal(opened.model.state_dict()[name], value), name
    assert opened.weights_from_seed


def test_a_block_made_from_a_group_opens_unallocated_once_grown_too_large(free, tmp_path: Path) -> None:
    p = Project(seed=2)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)
    p.append_layer("ReLU")
    p.append_layer("Linear", in_features=2000, out_features=2)
    p.group(["0", "1", "2"])
    before = p.to_code()
    with pytest.raises(StructureError, match=r"Block 0\.0 in this group is not allocated.*Materialize it first"):
        p.make_block("0", "Wide", {"hidden": ["0.out_features", "2.in_features"]})  # its values would be lost
    assert p.to_code() == before and "Wide" not in p.definitions
    p.set_hyperparameters("0.0", out_features=20)
    p.set_hyperparameters("0.2", in_features=20)
    p.make_block("0", "Wide", {"hidden": ["0.out_features", "2.in_features"]})
    p.set_hyperparameters("0", hidden=2000)
    assert p.unallocated() == ["0"]
    p.save(tmp_path / "wide.pt")
    opened = open_project(tmp_path / "wide.pt").project
    assert opened.unallocated() == ["0"] and opened.kind("0").name == "Wide"
    assert opened.model[0].linear0.weight.shape == (2000, 4) and opened.model[0].linear0.weight.is_meta
