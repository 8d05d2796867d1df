"""The parameter listing (what the parameter table shows) and freezing parameters."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from editor import Project
from editor.io.files.design_data import DesignDataError, design_to_data, project_from_data
from editor.model import examples
from editor.model.errors import StructureError
from editor.model.stats.parameters import STATE_DICT_EXPLANATION, ParameterListing, tensor_stats


class Scaled(nn.Module):
    """A custom layer: a learned scale next to a plain tensor attribute (not a parameter)."""

    def __init__(self) -> None:
        super().__init__()
        self.scale = nn.Parameter(torch.ones(3))
        self.offset = torch.zeros(3)  # a plain attribute: not in parameters(), not in state_dict()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.scale + self.offset


def names(rows):
    return [r.name for r in rows]


def test_linear_weight_and_bias():
    torch.manual_seed(0)
    rows = ParameterListing(nn.Sequential(nn.Linear(2, 2))).parameter_rows()
    assert [(r.name, r.local, r.shape, r.dtype, r.device, r.requires_grad, r.numel) for r in rows] == [
        ("0.weight", "weight", (2, 2), "float32", "cpu", True, 4),
        ("0.bias", "bias", (2,), "float32", "cpu", True, 2),
    ]
    project = Project(seed=0)
    project.append_layer("Linear", in_features=2, out_features=2)
    listing = ParameterListing(project)
    (section,) = listing.sections()
    assert (section.path, section.key, section.title, section.numel) == ("0", "0", "Linear", 6)
    assert names(section.rows) == ["0.weight", "0.bias"]
    assert section.rows[0].tensor is project.model[0].weight


def test_custom_layer_lists_only_its_parameter():
    model = nn.Sequential(nn.Linear(3, 3), Scaled())
    listing = ParameterListing(model)
    assert names(listing.parameter_rows()) == ["0.weight", "0.bias", "1.scale"]
    assert [(s.path, s.title) for s in listing.sections()] == [("0", "Linear"), ("1", "Scaled")]
    assert names(listing.state_dict_rows()) == list(model.state_dict()) == ["0.weight", "0.bias", "1.scale"]
    assert listing.buffer_rows() == []


def test_batchnorm_buffers():
    project = examples.cnn()
    listing = ParameterListing(project)
    buffers = listing.buffer_rows()
    assert [(r.name, r.local, r.path, r.requires_grad, r.persistent) for r in buffers] == [
        ("0.1.running_mean", "running_mean", "0.1", None, True),
        ("0.1.running_var", "running_var", "0.1", None, True),
        ("0.1.num_batches_tracked", "num_batches_tracked", "0.1", None, True),
    ]
    assert buffers[2].dtype == "int64" and buffers[2].shape == ()
    assert not any(r.buffer for r in listing.parameter_rows())
    assert listing.totals().buffers == 3 and listing.totals().buffer_elements == 33


def test_non_persistent_buffers_are_marked():
    layer = nn.Linear(2, 2)
    layer.register_buffer("mask", torch.ones(2, 2), persistent=False)
    layer.register_buffer("count", torch.zeros(()))
    listing = ParameterListing(nn.Sequential(layer))
    assert [(r.name, r.persistent) for r in listing.buffer_rows()] == [("0.mask", False), ("0.count", True)]
    assert names(listing.state_dict_rows()) == list(nn.Sequential(layer).state_dict())


@pytest.mark.parametrize("make", [examples.mlp, examples.nested, examples.cnn, examples.tied])
def test_rows_follow_torch_names(make):
    project = make()
    listing = ParameterListing(project)
    model = project.model
    assert names(listing.parameter_rows()) == [n for n, _ in model.named_parameters(remove_duplicate=False)]
    assert names(listing.buffer_rows()) == [n for n, _ in model.named_buffers(remove_duplicate=False)]
    assert names(listing.state_dict_rows()) == list(model.state_dict().keys())
    totals = listing.totals()
    assert totals.parameters == sum(p.numel() for p in model.parameters()) == project.count_parameters()
    assert totals.tensors == len(list(model.parameters()))
    assert totals.bytes == project.parameter_bytes()


def test_shared_parameters_counted_once():
    project = examples.tied()
    listing = ParameterListing(project)
    rows = {r.name: r for r in listing.parameter_rows()}
    assert len(rows) == 8 and len(list(project.model.parameters())) == 6
    assert rows["2.weight"].tensor is rows["4.weight"].tensor
    assert rows["2.weight"].shared_with == ("4.weight",) and rows["4.bias"].shared_with == ("2.bias",)
    assert rows["0.weight"].shared_with == ()
    sections = {s.path: s for s in listing.sections()}
    assert sections["2"].shared_paths == ("4",) and sections["4"].shared_paths == ("2",)
    totals = listing.totals()
    assert (totals.tensors, totals.parameters, totals.shared_tensors) == (6, 4 * 8 + 8 + 8 * 8 + 8 + 8 + 1, 2)
    assert totals.trainable == totals.parameters


def test_labelled_and_nested_names():
    project = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.Sequential(nn.ReLU(), nn.Linear(4, 2))))
    project.set_label("1", "head")
    project.set_label("1.1", "out")
    rows = ParameterListing(project).parameter_rows()
    assert names(rows) == ["0.weight", "0.bias", "head.out.weight", "head.out.bias"]
    assert (rows[2].path, rows[2].local, rows[2].title) == ("1.1", "weight", "Linear · out")
    assert names(rows) == [n for n, _ in project.model.named_parameters()]


def test_nested_submodule_names_inside_a_block():
    project = Project(seed=0)
    project.append_layer("TransformerEncoderLayer", d_model=8, nhead=2, dim_feedforward=16)
    rows = ParameterListing(project).parameter_rows()
    assert names(rows) == [n for n, _ in project.model.named_parameters()]
    assert rows[2].local == "self_attn.out_proj.weight" and rows[2].path == "0"


def test_state_dict_view_and_explanation():
    project = examples.tied()
    rows = ParameterListing(project).state_dict_rows()
    assert names(rows) == list(project.model.state_dict().keys())
    assert len(rows) == 8 > len(list(project.model.parameters()))
    assert "buffers" in STATE_DICT_EXPLANATION.lower() and "parameters()" in STATE_DICT_EXPLANATION
    cnn = ParameterListing(examples.cnn()).state_dict_rows()
    assert [r.name for r in cnn if r.buffer] == ["0.1.running_mean", "0.1.running_var", "0.1.num_batches_tracked"]
    assert cnn[0].path == "0.0" and cnn[4].path == "0.1"


def test_stats_equal_torch():
    torch.manual_seed(3)
    values = torch.randn(40, 7)
    stats = tensor_stats(nn.Parameter(values))
    std, mean = torch.std_mean(values)
    assert stats is not None
    assert stats.mean == pytest.approx(mean.item()) and stats.std == pytest.approx(std.item())
    assert stats.min == values.min().item() and stats.max == values.max().item()
    count = tensor_stats(torch.tensor(5))  # an integer buffer like num_batches_tracked
    assert count is not None and (count.mean, count.min, count.max) == (5.0, 5.0, 5.0) and math.isnan(count.std)
    half = tensor_stats(values.half())
    assert half is not None and half.mean == pytest.approx(mean.item(), abs=1e-3)
    assert tensor_stats(torch.empty(0)) is None and tensor_stats(torch.empty(3, device="meta")) is None


def test_freeze_is_undoable_and_shared():
    project = examples.tied()
    tensor = project.model[2].weight
    project.set_requires_grad("2", "weight", False)
    assert not tensor.requires_grad and project.frozen("4") == ["weight"] and project.frozen("0") == []
    assert project.count_parameters(trainable_only=True) == project.count_parameters() - 64
    project.set_requires_grad("0", None, False)
    assert project.frozen("0") == ["weight", "bias"]
    project.set_requires_grad("0", None, True)
    assert project.frozen("0") == []


def test_freeze_transaction_revert_and_replay():
    project = examples.cnn()
    with project.transaction("Freeze") as tx:
        project.set_requires_grad("0", None, False)  # a group: every block inside it
    assert project.frozen("0.0") == ["weight", "bias"] and project.frozen("0.1") == ["weight", "bias"]
    assert project.frozen("1.0") == []
    project.revert(tx)
    assert project.frozen("0.0") == [] and project.frozen("0.1") == []
    project.replay(tx)
    assert project.frozen("0.1") == ["weight", "bias"]


def test_freeze_events_and_no_op():
    project = examples.tied()
    seen = []
    project.events.requires_grad_changed.connect(seen.append)
    project.set_requires_grad("4", "bias", False)
    assert seen == [("2", "4")]
    edited = []
    project.events.edited.connect(lambda: edited.append(1))
    project.set_requires_grad("4", "bias", False)  # already frozen: nothing to do, no event
    assert len(seen) == 1 and edited == []


def test_freeze_refuses_clearly():
    project = examples.mlp()
    with pytest.raises(StructureError, match=r"no parameter 'kernel'.*weight, bias"):
        project.set_requires_grad("0", "kernel", False)
    with pytest.raises(StructureError, match="ReLU has no parameters"):
        project.set_requires_grad("1", None, False)
    assert all(p.requires_grad for p in project.model.parameters())


def test_frozen_round_trip_in_design_data():
    project = examples.tied()
    project.set_requires_grad("2", "weight", False)
    data = design_to_data(project)
    assert [layer.get("frozen") for layer in data["layers"]] == [None, None, ["weight"], None, None, None]
    opened = project_from_data(data, seed=0, state_dict=project.model.state_dict())
    assert opened.frozen("2") == ["weight"] and opened.frozen("4") == ["weight"]
    assert opened.model[2].weight is opened.model[4].weight
    assert [p.requires_grad for p in opened.model.parameters()] == [p.requires_grad for p in project.model.parameters()]
    fresh = project_from_data(data, seed=0)  # without weights: freshly built modules, still frozen
    assert fresh.frozen("2") == ["weight"]


def test_frozen_absent_or_bad_in_design_data():
    data = design_to_data(examples.mlp())
    assert all("frozen" not in layer for layer in data["layers"])  # old files have no "frozen": all trainable
    assert all(p.requires_grad for p in project_from_data(data).model.parameters())
    data["layers"][0]["frozen"] = ["kernel"]
    with pytest.raises(DesignDataError, match=r"design.layers\[0\].frozen: 'kernel' is not a parameter of Linear"):
        project_from_data(data)
    data["layers"][0]["frozen"] = "weight"
    with pytest.raises(DesignDataError, match="expected a list of parameter names"):
        project_from_data(data)


def test_frozen_survives_a_project_file(tmp_path):
    project = examples.cnn()
    project.set_requires_grad("0.1", "bias", False)
    project.save(tmp_path / "frozen.pt")
    opened = Project.load(tmp_path / "frozen.pt")
    assert opened.frozen("0.1") == ["bias"] and opened.frozen("0.0") == []
    assert opened.count_parameters(trainable_only=True) == project.count_parameters(trainable_only=True)


def test_a_tensor_shared_between_two_modules():
    first, second = nn.Linear(3, 3), nn.Linear(3, 3)
    second.weight = first.weight  # tied by hand: two modules, one tensor
    model = nn.Sequential(first, nn.ReLU(), second)
    for source in (model, Project.from_module(model)):
        listing = ParameterListing(source)
        rows = {r.name: r for r in listing.parameter_rows()}
        assert rows["0.weight"].shared_with == ("2.weight",) and rows["2.weight"].shared_with == ("0.weight",)
        assert rows["0.bias"].shared_with == () and rows["2.bias"].shared_with == ()
        totals = listing.totals()
        assert (totals.tensors, totals.parameters, totals.shared_tensors) == (3, 9 + 3 + 3, 1)
