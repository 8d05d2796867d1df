"""Import from code: torch's lazy layers (``nn.LazyLinear(10)``) become catalog layers that follow the input.

The reference is running the (trusted, test-only) source, whose model(X)
materializes the lazy layers; the importer never runs it (issue #18).
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import CodeImportError, Project
from editor.io.pycode.read import find_models
from editor.model.catalog.build import lazy_kinds
from tests.io.pycode.test_code_import_init import run_source, src


def same_parameters(project: Project, reference: nn.Module) -> None:
    """Parameters bit for bit (buffers differ: the source's forward pass updates BatchNorm's statistics)."""
    mine, theirs = dict(project.model.named_parameters()), dict(reference.named_parameters())
    assert list(mine) == list(theirs)
    for key, value in theirs.items():
        assert torch.equal(mine[key], value), key


def imported(source: str, name: str = "net") -> Project:
    project = Project.from_code(source)
    assert project.weights_from_seed
    same_parameters(project, run_source(source, 0, name))
    return project


D2L = src("""
import torch
from torch import nn

X = torch.rand(2, 20)
torch.manual_seed(0)
net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
net(X)
""")


def test_d2l_lazy_mlp_becomes_linear_blocks_that_follow_the_input():
    project = imported(D2L)
    assert [type(m) for m in project.model] == [nn.Linear, nn.ReLU, nn.Linear]
    assert (project[0].in_features, project[2].in_features) == (20, 256)
    assert project.auto("0") == project.auto("2") == {"in_features"}
    assert project.input_shape == (2, 20)
    [notice] = project.notices
    assert "nn.LazyLinear(256) (line 6) became a Linear with in_features=20" in notice
    assert "first forward pass" in notice and "torch.rand(2, 20)" in notice
    project.input_shape = (2, 30)  # it keeps following the input, as a lazy layer would
    assert project[0].in_features == 30 and project.weights_from_seed


def test_lazy_layers_draw_after_the_others_in_data_flow_order():
    """torch draws a lazy layer's weights at the first forward pass: after every layer built eagerly."""
    project = imported(src("""
import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.LazyConv2d(8, 3, padding=1), nn.LazyBatchNorm2d(), nn.ReLU(), nn.Flatten(),
                    nn.Linear(8 * 8 * 8, 16), nn.LazyLinear(4))
net(torch.ones(2, 3, 8, 8))
"""))
    assert project.construction_order() == ["4", "0", "1", "2", "3", "5"]
    assert project.input_shape == (2, 3, 8, 8)
    again = Project.from_code(project.to_code())  # exported code constructs the eager Linear first
    same_parameters(again, project.model)
    exact = {k: v.clone() for k, v in project.model.state_dict().items()}
    project.reset_parameters()
    assert all(torch.equal(project.model.state_dict()[k], v) for k, v in exact.items())
    project.set_hyperparameters("4", out_features=12)  # the lazy Linear after it follows; still the seed's
    assert project[5].in_features == 12 and project.weights_from_seed
    changed = {k: v.clone() for k, v in project.model.state_dict().items()}
    project.reset_parameters()  # in the recorded construction order: the same values
    assert all(torch.equal(project.model.state_dict()[k], v) for k, v in changed.items())


LAZY_CASES = {
    "LazyLinear": ("nn.LazyLinear(3)", "torch.ones(2, 5)"),
    "LazyConv1d": ("nn.LazyConv1d(4, 3)", "torch.ones(2, 3, 10)"),
    "LazyConv2d": ("nn.LazyConv2d(4, 3, groups=2)", "torch.ones(2, 6, 8, 8)"),
    "LazyConv3d": ("nn.LazyConv3d(2, 3)", "torch.ones(1, 2, 5, 5, 5)"),
    "LazyConvTranspose1d": ("nn.LazyConvTranspose1d(4, 3, stride=2)", "torch.ones(2, 3, 10)"),
    "LazyConvTranspose2d": ("nn.LazyConvTranspose2d(4, 3)", "torch.ones(2, 3, 6, 6)"),
    "LazyBatchNorm1d": ("nn.LazyBatchNorm1d()", "torch.ones(2, 5)"),
    "LazyBatchNorm2d": ("nn.LazyBatchNorm2d(momentum=0.2)", "torch.ones(2, 3, 4, 4)"),
    "LazyInstanceNorm2d": ("nn.LazyInstanceNorm2d()", "torch.ones(2, 3, 4, 4)"),  # affine=True, unlike the eager one
}


def test_every_lazy_kind_the_catalog_stands_for_is_covered():
    assert {path.rpartition(".")[2] for path in lazy_kinds()} == set(LAZY_CASES)


@pytest.mark.parametrize("name", sorted(LAZY_CASES))
def test_each_lazy_kind_is_read_with_torchs_own_defaults(name):
    layer, batch = LAZY_CASES[name]
    source = src(f"""
import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Identity(), {layer})
net({batch})
""")
    project = imported(source)
    reference = run_source(source, 0)
    assert repr(project.model) == repr(reference)  # the hyperparameters torch materialized, defaults included
    kind, follows = lazy_kinds()[f"torch.nn.{name}"]
    assert type(project[1]).__name__ == kind.name and project.auto("1") == {follows}


def test_import_forms_and_a_lazy_layer_used_twice():
    project = imported(src("""
import torch
import torch.nn
from torch.nn import LazyLinear

torch.manual_seed(0)
shared = LazyLinear(8)
net = torch.nn.Sequential(torch.nn.Linear(4, 8), shared, torch.nn.ReLU(), shared, torch.nn.LazyLinear(2))
x = torch.zeros(3, 4)
net(x)
"""))
    assert project[1] is project[3] and project[1].in_features == 8
    star = Project.from_code("from torch.nn import *\nnet = Sequential(Linear(4, 8), LazyLinear(2))\n")
    assert star[1].in_features == 8 and star.auto("1") == {"in_features"}


def test_a_block_init_applied_to_a_lazy_layer_after_the_first_forward_pass():
    """d2l: net[0].apply(init_xavier) once net(X) has sized the lazy layers."""
    project = imported(src("""
import torch
from torch import nn

def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)

torch.manual_seed(0)
net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))
X = torch.zeros(2, 4)
net(X)
net[0].apply(init_xavier)
"""))
    [rule] = project.init_rules
    assert (rule.function, rule.parameters, rule.layers is not None) == ("xavier_uniform_", "weight", True)
    assert project[0].in_features == 4


def test_a_builder_takes_its_batch_from_the_module_level_call():
    project = imported(src("""
import torch
from torch import nn

def build_model():
    return nn.Sequential(nn.LazyConv1d(4, 3), nn.ReLU(), nn.Flatten(), nn.LazyLinear(2))

torch.manual_seed(0)
net = build_model()
net(torch.zeros(2, 3, 10))
"""))  # the file's net: build_model() after the seed, sized by its first batch
    assert project[0].in_channels == 3 and project[3].in_features == 32


def test_lazy_projects_survive_saving_and_opening(tmp_path):
    project = imported(D2L)
    path = tmp_path / "lazy.pt"
    project.save(path)
    opened = Project.load(path)
    assert opened.auto("0") == {"in_features"} and opened.weights_from_seed
    same_parameters(opened, project.model)


def test_the_model_list_says_the_lazy_layers_are_sized_by_the_input():
    [model] = find_models(D2L)
    assert "parameters before its lazy layers are sized by the input" in model.summary and model.lazy


@pytest.mark.parametrize(("code", "construct", "words"), [
    ("net = nn.Sequential(nn.LazyLinear(3))\n", "a lazy layer", "never runs the model on a batch"),
    ("net = nn.Sequential(nn.Linear(4, 5), nn.LazyConv2d(3, 3))\n", "a lazy layer", "receives (1, 5)"),
    ("net = nn.Sequential(nn.Linear(4, 5), nn.Linear(6, 2), nn.LazyLinear(3))\n", "a lazy layer",
     "nn.Linear(...) on line 2 cannot take (1, 5)"),
    ("net = nn.Sequential(nn.LazyBatchNorm3d())\n", "nn.LazyBatchNorm3d", "lazy form of nn.BatchNorm3d"),
    ("net = nn.Sequential(nn.Linear(4, 5), nn.LazyLinear(3, device='cuda'))\n", "nn.LazyLinear(...)",
     "'device' argument of nn.LazyLinear"),
    ("net = nn.Sequential(nn.Linear(4, 5), nn.LazyLinear(-3))\n", "nn.LazyLinear(...)",
     "nn.LazyLinear: out_features must be"),
])
def test_lazy_layers_that_cannot_be_read_are_errors_at_their_place(code, construct, words):
    with pytest.raises(CodeImportError) as info:
        Project.from_code("from torch import nn\n" + code)
    error = info.value
    assert error.construct == construct and words in str(error), error
    assert error.line == 2 and error.column is not None


def test_a_live_lazy_module_is_explained():
    from editor import UnsupportedLayerError

    with pytest.raises(UnsupportedLayerError, match="no weights until its first forward pass"):
        Project.from_module(nn.Sequential(nn.LazyLinear(3)))
