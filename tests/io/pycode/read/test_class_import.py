"""The textbook's classes imported from code: the same modules, bit for bit, as running the class with the seed.

The reference is always built by running trusted test code (a class written
here, or the test source executed by the test itself); the reader under test
never executes anything.
"""

from __future__ import annotations

import textwrap

import pytest
import torch
import torch.nn.functional as F  # noqa: N812  (as the textbook writes it)
from torch import nn

from editor import Project
from editor.model.custom.definitions import BlockDefinition, ChildSpec, LayerDefinition, ParameterSpec

HEAD = "import torch\nfrom torch import nn\nimport torch.nn.functional as F\n"


def src(text: str) -> str:
    return HEAD + textwrap.dedent(text).strip("\n") + "\n"


def run(source: str, seed: int, name: str) -> nn.Module:
    """The reference: run the (trusted) test source after torch.manual_seed(seed) and take ``name``."""
    namespace: dict = {"__name__": "reference"}
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        exec(compile(source, "<test source>", "exec"), namespace)  # trusted test code, never the reader
        return namespace[name]


def assert_same(mine: nn.Module, theirs: nn.Module) -> None:
    assert repr(mine) == repr(theirs)
    a, b = mine.state_dict(), theirs.state_dict()
    assert list(a) == list(b)
    for key, value in b.items():
        assert torch.equal(a[key], value), key


class HandWrittenNet(nn.Module):
    """The hand-written model class (written here, as a learner writes it)."""

    def __init__(self, num_inputs, num_hiddens, num_outputs):
        super().__init__()
        self.hidden = nn.Linear(num_inputs, num_hiddens)
        self.output = nn.Linear(num_hiddens, num_outputs)

    def forward(self, X):  # noqa: N803  (the textbook's name)
        return self.output(F.relu(self.hidden(X)))


class HandWrittenLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units,))

    def forward(self, X):  # noqa: N803  (the textbook's name)
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)


NET = src("""
    class Net(nn.Module):
        def __init__(self, num_inputs, num_hiddens, num_outputs):
            super().__init__()
            self.hidden = nn.Linear(num_inputs, num_hiddens)
            self.output = nn.Linear(num_hiddens, num_outputs)

        def forward(self, X):
            return self.output(F.relu(self.hidden(X)))

    net = Net(784, 256, 8)
""")

MY_LINEAR = src("""
    class MyLinear(nn.Module):
        def __init__(self, in_units, units):
            super().__init__()
            self.weight = nn.Parameter(torch.randn(in_units, units))
            self.bias = nn.Parameter(torch.randn(units,))

        def forward(self, X):
            linear = torch.matmul(X, self.weight.data) + self.bias.data
            return F.relu(linear)

    linear = MyLinear(5, 3)
""")

CENTERED = src("""
    class CenteredLayer(nn.Module):
        def __init__(self):
            super().__init__()

        def forward(self, X):
            return X - X.mean()

    net = nn.Sequential(nn.Linear(8, 128), CenteredLayer())
""")


@pytest.mark.parametrize("seed", [0, 42])
def test_net_784_256_8_equals_the_hand_written_class(seed):
    project = Project.from_code(NET, seed=seed)
    torch.manual_seed(seed)
    reference = HandWrittenNet(784, 256, 8)
    imported = project.model[0]
    assert type(imported).__name__ == "Net" and len(project) == 1
    a, b = imported.state_dict(), reference.state_dict()
    assert list(a) == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"] == list(b)
    assert all(torch.equal(a[k], b[k]) for k in b)
    x = torch.randn(2, 784)
    assert torch.equal(imported(x), reference(x))
    definition = project.definitions["Net"]
    assert definition == BlockDefinition(
        "Net", (("num_inputs", 784), ("num_hiddens", 256), ("num_outputs", 8)),
        (ChildSpec("hidden", "Linear", (("in_features", "num_inputs"), ("out_features", "num_hiddens"))),
         ChildSpec("output", "Linear", (("in_features", "num_hiddens"), ("out_features", "num_outputs")))),
        "output(relu(hidden(x)))", description=definition.description)
    assert project.hyperparameters("0") == {"num_inputs": 784, "num_hiddens": 256, "num_outputs": 8}


def test_my_linear_matches_a_hand_written_module_bit_for_bit():
    project = Project.from_code(MY_LINEAR, seed=7)
    torch.manual_seed(7)
    reference = HandWrittenLinear(5, 3)
    imported = project.model[0]
    assert torch.equal(imported.weight, reference.weight) and torch.equal(imported.bias, reference.bias)
    assert isinstance(imported.weight, nn.Parameter)
    x = torch.randn(4, 5)
    assert torch.equal(imported(x), reference(x))
    assert project.definitions["MyLinear"] == LayerDefinition(
        "MyLinear", "relu(matmul(x, weight) + bias)", (("in_units", 5), ("units", 3)),
        (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",))),
        description=project.definitions["MyLinear"].description)
    assert project.weights_from_seed
    before = {k: v.clone() for k, v in project.model.state_dict().items()}
    project.reset_parameters()  # the seed gives them again
    assert all(torch.equal(v, before[k]) for k, v in project.model.state_dict().items())


def test_centered_layer_output_has_mean_zero():
    project = Project.from_code(CENTERED, seed=1)
    assert_same(project.model, run(CENTERED, 1, "net"))
    y = project.model(torch.rand(4, 8))
    assert abs(float(y.mean().detach())) < 1e-6
    assert project.definitions["CenteredLayer"].forward == "x - x.mean()"


def test_layers_between_catalog_layers_keep_the_files_draw_order():
    source = src("""
        class MyLinear(nn.Module):
            def __init__(self, in_units, units=10):
                super().__init__()
                self.weight = nn.Parameter(torch.empty(in_units, units))
                nn.init.kaiming_uniform_(self.weight, a=5 ** 0.5)
                self.bias = nn.Parameter(torch.zeros(units))
                self.noise = torch.rand(units)

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias) + self.noise

        model = nn.Sequential(nn.Linear(20, 8), MyLinear(8), nn.ReLU(), MyLinear(10, units=4), nn.Linear(4, 2))
    """)
    project = Project.from_code(source, seed=3)
    reference = run(source, 3, "model")
    assert_same(project.model, reference)
    for i in (1, 3):  # the plain tensor attribute: not in the state dict, the same values, not a parameter
        assert torch.equal(project.model[i].noise, reference[i].noise)
        assert "noise" not in dict(project.model[i].named_parameters())
    x = torch.randn(3, 20)
    assert torch.equal(project.model(x), reference(x))
    spec = project.definitions["MyLinear"].parameters
    assert [(p.name, p.init, p.registered) for p in spec] == [
        ("weight", "kaiming_uniform_(a=2.23606797749979)", True), ("bias", "zeros", True),
        ("noise", "rand", False)]


def test_classes_inside_classes_with_defaults():
    source = src("""
        WIDTH = 16

        class MyLinear(nn.Module):
            def __init__(self, in_units, units=WIDTH):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))

            def forward(self, X):
                return X @ self.weight

        class Block(nn.Module):
            def __init__(self, n_in, scale=2):
                super().__init__()
                self.first = MyLinear(n_in)
                self.act = nn.Tanh()
                self.second = nn.Linear(WIDTH, n_in * scale)

            def forward(self, X):
                for block in self._modules.values():
                    X = block(X)
                return X

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.a = Block(4)
                self.b = Block(8, scale=1)

            def forward(self, X):
                return self.b(self.a(X))

        net = Net()
    """)
    project = Project.from_code(source, seed=11)
    reference = run(source, 11, "net")
    assert_same(project.model[0], reference)
    x = torch.randn(2, 4)
    assert torch.equal(project.model(x), reference(x))
    assert list(project.definitions) == ["MyLinear", "Block", "Net"]
    block = project.definitions["Block"]
    assert block.hyperparameters == (("n_in", 4), ("scale", 2)) and block.forward is None
    assert block.children[2] == ChildSpec("second", "Linear", (("in_features", "16"), ("out_features",
                                                                                        "n_in * scale")))


def test_a_function_that_returns_an_instance_is_a_model_and_the_file_seed_is_used():
    source = NET.replace("net = Net(784, 256, 8)", "torch.manual_seed(5)\ndef build_model():\n"
                                                  "    return Net(20, 30, 4)\n")
    project = Project.from_code(source)
    assert project.seed == 5 and len(project) == 1
    torch.manual_seed(5)
    reference = HandWrittenNet(20, 30, 4)
    a, b = project.model[0].state_dict(), reference.state_dict()
    assert list(a) == list(b) and all(torch.equal(a[k], b[k]) for k in b)


def test_init_rules_and_freezing_reach_inside_a_class():
    source = src("""
        class Net(nn.Module):
            def __init__(self, n):
                super().__init__()
                self.hidden = nn.Linear(n, 8)
                self.out = nn.Linear(8, 2)

            def forward(self, X):
                return self.out(torch.relu(self.hidden(X)))

        def init_normal(m):
            if type(m) == nn.Linear:
                nn.init.normal_(m.weight, mean=0, std=0.01)
                nn.init.zeros_(m.bias)

        model = nn.Sequential(Net(4), nn.Linear(2, 2))
        model.apply(init_normal)
        model[0].hidden.weight.requires_grad_(False)
    """)
    project = Project.from_code(source, seed=9)
    reference = run(source, 9, "model")
    assert_same(project.model, reference)
    assert [n for n, p in project.model.named_parameters() if not p.requires_grad] == ["0.hidden.weight"]


def test_the_same_class_called_with_other_values_shares_one_definition():
    source = NET.replace("net = Net(784, 256, 8)", "model = nn.Sequential(Net(8, 16, 4), Net(4, 4, 2))")
    project = Project.from_code(source, seed=4)
    assert_same(project.model, run(source, 4, "model"))
    assert list(project.definitions) == ["Net"]
    assert project.definitions["Net"].defaults() == {"num_inputs": 8, "num_hiddens": 16, "num_outputs": 4}
    assert project.hyperparameters("1") == {"num_inputs": 4, "num_hiddens": 4, "num_outputs": 2}


def test_an_imported_project_saves_and_opens_with_its_definitions(tmp_path):
    project = Project.from_code(MY_LINEAR, seed=7)
    project.save(tmp_path / "p.pt")
    opened = Project.load(tmp_path / "p.pt")
    assert dict(opened.definitions) == dict(project.definitions)
    assert_same(opened.model, project.model)


def test_torch_normal_parameters_are_bit_for_bit_the_files():
    source = src("""
        class Scratch(nn.Module):
            def __init__(self, num_inputs, num_hiddens):
                super().__init__()
                self.W1 = nn.Parameter(torch.normal(0, 0.01, (num_inputs, num_hiddens)))
                self.b1 = nn.Parameter(torch.zeros(num_hiddens))
                self.W2 = torch.normal(mean=0.5, std=2, size=(num_hiddens, 3), requires_grad=True)

            def forward(self, X):
                return torch.relu(X @ self.W1 + self.b1) @ self.W2

        net = Scratch(4, 3)
    """)
    project = Project.from_code(source, seed=3)
    imported, reference = project.model[0], run(source, 3, "net")
    for name in ("W1", "b1", "W2"):
        assert torch.equal(getattr(imported, name), getattr(reference, name)), name
    assert list(imported.state_dict()) == ["W1", "b1"]


def test_data_in_forward_is_read_with_a_notice():
    project = Project.from_code(MY_LINEAR)
    assert [n[:40] for n in project.notices] == ["Line 11: self.weight.data is read as sel",
                                                 "Line 11: self.bias.data is read as self."]
    assert all("gradients" in n for n in project.notices)
    nested = MY_LINEAR.replace("linear = MyLinear(5, 3)", textwrap.dedent("""
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.inner = MyLinear(5, 3)

            def forward(self, X):
                return self.inner(X)

        net = Net()
    """))
    assert len(Project.from_code(nested).notices) == 2


def test_apply_and_freezing_on_a_model_that_is_one_instance():
    source = NET + textwrap.dedent("""
        def init_normal(m):
            if type(m) == nn.Linear:
                nn.init.normal_(m.weight, mean=0, std=0.01)
                nn.init.zeros_(m.bias)

        net.apply(init_normal)
        net.hidden.weight.requires_grad_(False)
    """)
    project = Project.from_code(source, seed=2)
    assert_same(project.model[0], run(source, 2, "net"))
    assert project.notices == [] and [r.function for r in project.init_rules] == ["normal_", "zeros_"]
    assert [n for n, p in project.model.named_parameters() if not p.requires_grad] == ["0.hidden.weight"]
