"""Code export of custom layers: real classes that behave like the editor's and give the same weights."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
import torch
from torch import nn

from editor import Project
from editor.io.pycode.export.writer import write_code
from editor.model.custom.definitions import BlockDefinition, ChildSpec, LayerDefinition, ParameterSpec
from tests.io.pycode.test_code_export import assert_same_model, run_exported
from tests.model.custom.textbook import CENTERED, MY_LINEAR, NET, PLAIN_LINEAR


def textbook() -> Project:
    p = Project(seed=8)
    p.define_layer(CENTERED)
    p.define_layer(MY_LINEAR)
    p.define_block(NET)
    p.append_layer("Net", input_nodes=784, hidden_nodes=256, output_nodes=8)
    p.append_layer("MyLinear", in_units=8, units=20)
    p.append_layer("CenteredLayer")
    return p


def every_feature() -> Project:
    p = Project(seed=21)
    p.define_layer(PLAIN_LINEAR)
    p.define_layer(LayerDefinition(
        "Scaled", "clamp(softmax(x * scale, dim=-1), min=0.01) + torch.tanh(x.mean(dim=0, keepdim=True)) @ w",
        (("n", 4), ("scale", 2.0)), (ParameterSpec("w", ("n", "n"), "xavier_uniform_"),
                                     ParameterSpec("shift", (), "normal_(std=0.01)"))))
    p.define_block(BlockDefinition("Stack", (("width", 4),), (
        ChildSpec("first", "Scaled", (("n", "width"),)),
        ChildSpec("act", "LeakyReLU", (("negative_slope", "0.2"),)),
        ChildSpec("ln", "LayerNorm", (("normalized_shape", "(width,)"),)),
        ChildSpec("drop", "Dropout", (("p", "0.0"),)),
        ChildSpec("proj", "PlainLinear", (("in_units", "width"), ("units", "width * 2"))),
    )))
    p.define_block(BlockDefinition("Outer", (("k", 4),), (ChildSpec("inner", "Stack", (("width", "k"),)),
                                                         ChildSpec("head", "Linear", (("in_features", "k * 2"),
                                                                                      ("out_features", "3")))),
                                   "head(inner(x) + 1)"))
    p.input_shape = (5, 4)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("Outer")
    p.append_layer("Scaled", n=3)
    return p


def test_textbook_classes_are_written_as_a_learner_would():
    code = textbook().to_code()
    assert "class CenteredLayer(nn.Module):" in code
    assert "        return x - x.mean()" in code
    assert "class MyLinear(nn.Module):" in code
    assert "    def __init__(self, in_units=20, units=10):" in code  # the defaults, as Python default arguments
    assert "        self.weight = nn.Parameter(torch.randn(in_units, units))" in code
    assert "        return F.relu(x @ self.weight + self.bias)" in code
    assert "class Net(nn.Module):" in code and "        self.hidden = nn.Linear(input_nodes, hidden_nodes)" in code
    assert "        return self.out(F.relu(self.hidden(x)))" in code
    assert "import torch.nn.functional as F" in code
    assert "nn.Sequential(Net(784, 256, 8), MyLinear(8, 20), CenteredLayer())" in code
    tree = ast.parse(code)
    assert [n.name for n in tree.body if isinstance(n, ast.ClassDef)] == ["Net", "MyLinear", "CenteredLayer"]


@pytest.mark.parametrize("make", [textbook, every_feature])
def test_exported_classes_rebuild_the_editors_model_bit_for_bit(make):
    project = make()
    assert project.weights_from_seed
    model = run_exported(project.to_code())
    assert_same_model(model, project)
    x = torch.randn(5, project.input_shape[-1] if project.input_shape else 784)
    model.eval()
    project.model.eval()
    with torch.no_grad():
        assert torch.equal(model(x), project.model(x))
    for (name, mine), (_, theirs) in zip(model.named_modules(), project.model.named_modules(), strict=True):
        assert type(mine).__name__ == type(theirs).__name__, name


def test_plain_tensors_stay_plain_in_the_exported_class():
    p = Project(seed=2)
    p.define_layer(PLAIN_LINEAR)
    p.append_layer("PlainLinear")
    code = p.to_code()
    assert "        self.weight = torch.randn(in_units, units)  # a plain tensor" in code
    assert "        self.bias = nn.Parameter(torch.zeros(units))" in code
    model = run_exported(code)
    assert [n for n, _ in model.named_parameters()] == ["0.bias"]
    assert torch.equal(model[0].weight, p.model[0].weight)


def test_only_used_definitions_are_written_and_hostile_descriptions_stay_text():
    p = Project()
    p.define_layer(LayerDefinition("Unused", "x * 2"))
    p.define_layer(LayerDefinition("Used", "x + 1", description='"""\nimport os; os.system("echo pwned")\n'))
    p.append_layer("Used")
    code = p.to_code()
    assert "class Unused" not in code and "class Used(nn.Module):" in code
    tree = ast.parse(code)
    assert not any(isinstance(n, ast.Import) and any(a.name == "os" for a in n.names) for n in ast.walk(tree))


def test_export_round_trips_through_a_fresh_interpreter(tmp_path):
    project = textbook()
    path = tmp_path / "custom_model.py"
    write_code(project, path)
    script = (
        "import sys, torch\n"
        "sys.modules['editor'] = None\n"
        f"import importlib.util\nspec = importlib.util.spec_from_file_location('m', {str(path)!r})\n"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        "torch.manual_seed(m.SEED); model = m.build_model()\n"
        f"torch.save({{'repr': repr(model), 'state': model.state_dict()}}, {str(tmp_path / 'out.pt')!r})\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120, capture_output=True)
    out = torch.load(tmp_path / "out.pt", weights_only=True)
    assert out["repr"] == repr(project.model)
    for key, value in project.model.state_dict().items():
        assert torch.equal(out["state"][key], value), key


def test_saved_weights_load_into_the_exported_classes(tmp_path):
    project = textbook()
    with torch.no_grad():
        project.model[1].weight.mul_(3)
    assert not project.weights_from_seed
    code = project.to_code(weights_file="w.pt")
    torch.save(project.model.state_dict(), tmp_path / "w.pt")
    model = run_exported(code)
    model.load_state_dict(torch.load(tmp_path / "w.pt", weights_only=True))
    assert isinstance(model, nn.Sequential) and torch.equal(model[1].weight, project.model[1].weight)
