"""A class of the file read as data (ClassIR): hyperparameters, parameters, children, forward; nothing run."""

from __future__ import annotations

import ast
import textwrap

import pytest

from editor.io.pycode.read.classes import (
    REQUIRED,
    ChildIR,
    ClassIR,
    Hyperparameter,
    InitCall,
    ParameterIR,
    analyze_class,
)
from editor.io.pycode.read.classes.instances import class_context
from editor.io.pycode.read.statements import SourceReader

HEAD = "import math\nimport torch\nfrom torch import nn\nimport torch.nn.functional as F\n"


def read(body: str, name: str) -> ClassIR:
    source = HEAD + textwrap.dedent(body)
    reader = SourceReader(source, ast.parse(source))
    reader.read_module()
    ref = reader.globals.names[name]
    return analyze_class(ref, class_context(reader, ref))


def test_centered_layer_is_an_expression_layer():
    ir = read("""
        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.mean()
    """, "CenteredLayer")
    assert ir.is_layer and ir.forward == "x - x.mean()"
    assert ir.hyperparameters == () and ir.parameters == () and ir.children == ()
    assert (ir.line, ir.column) == (6, 1)


def test_my_linear_reads_parameters_locals_and_data():
    ir = read("""
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units,))

            def forward(self, X):
                linear = torch.matmul(X, self.weight.data) + self.bias.data
                return F.relu(linear)
    """, "MyLinear")
    assert ir.hyperparameters == (Hyperparameter("in_units", REQUIRED), Hyperparameter("units", REQUIRED))
    assert [(p.name, p.shape, p.fill, p.registered) for p in ir.parameters] == [
        ("weight", ("in_units", "units"), "randn", True), ("bias", ("units",), "randn", True)]
    assert ir.forward == "relu(matmul(x, weight) + bias)"


def test_fills_inits_plain_tensors_and_hyperparameter_copies():
    ir = read("""
        class Scaled(nn.Module):
            def __init__(self, n, scale=2.0, *, k=3):
                super(Scaled, self).__init__()
                self.scale = scale
                hidden = 2 * n + k
                self.w = nn.Parameter(torch.empty((n, hidden)))
                nn.init.normal_(self.w, std=0.01)
                self.mask = torch.rand(size=(hidden,))
                self.b = nn.Parameter(torch.zeros(hidden))

            def forward(self, x):
                return (x @ self.w + self.b) * self.mask * self.scale
    """, "Scaled")
    assert ir.hyperparameters == (Hyperparameter("n"), Hyperparameter("scale", 2.0), Hyperparameter("k", 3))
    w, mask, b = ir.parameters
    assert (w.shape, w.fill, w.registered) == (("n", "2 * n + k"), "empty", True)
    assert w.init == InitCall("normal_", (("std", "0.01"),), 12, 9)
    assert (mask.shape, mask.fill, mask.registered, mask.init) == (("2 * n + k",), "rand", False, None)
    assert (b.shape, b.fill) == (("2 * n + k",), "zeros")
    assert ir.forward == "(x @ w + b) * mask * scale"


def test_module_constants_are_worked_out_where_they_are_used():
    ir = read("""
        HIDDEN = 64
        EPS = 1e-5
        class Norm(nn.Module):
            def __init__(self, n=HIDDEN // 2):
                nn.Module.__init__(self)
                self.gamma = nn.Parameter(torch.ones(n * HIDDEN))
                nn.init.uniform_(self.gamma, a=-1 / math.sqrt(HIDDEN), b=1 / math.sqrt(HIDDEN))

            def forward(self, X):
                return self.gamma * X / (X.std(dim=-1, keepdim=True) + EPS)
    """, "Norm")
    assert ir.hyperparameters == (Hyperparameter("n", 32),)
    assert ir.parameters[0].shape == ("n * 64",)
    assert ir.parameters[0].init.arguments == (("a", "-0.125"), ("b", "0.125"))
    assert ir.forward == "gamma * x / (x.std(dim=-1, keepdim=True) + 1e-05)"


def test_net_with_constructor_hyperparameters_is_a_block():
    ir = read("""
        class Net(nn.Module):
            def __init__(self, num_inputs, num_hiddens, num_outputs):
                super().__init__()
                self.hidden = nn.Linear(num_inputs, num_hiddens)
                self.output = nn.Linear(num_hiddens, out_features=num_outputs, bias=False)

            def forward(self, X):
                return self.output(F.relu(self.hidden(X)))
    """, "Net")
    assert not ir.is_layer and not ir.in_order
    assert ir.children == (
        ChildIR("hidden", "Linear", (("in_features", "num_inputs"), ("out_features", "num_hiddens")), (), 9, 23),
        ChildIR("output", "Linear", (("in_features", "num_hiddens"), ("out_features", "num_outputs"),
                                     ("bias", "False")), (), 10, 23))
    assert ir.forward == "output(relu(hidden(x)))"


@pytest.mark.parametrize("forward", [
    "X = self.fc1(X)\nX = self.act(X)\nreturn self.fc2(X)",
    "return self.fc2(self.act(self.fc1(X)))",
    "for block in self._modules.values():\n    X = block(X)\nreturn X",
    "for m in self.children():\n    X = m(X)\nreturn X",
])
def test_children_applied_in_order_need_no_forward(forward):
    forward = textwrap.indent(forward, " " * 16).lstrip()
    ir = read(f"""
        class Mlp(nn.Module):
            def __init__(self, width=8):
                super().__init__()
                self.fc1 = nn.Linear(4, width)
                self.act = nn.ReLU()
                self.fc2 = nn.Linear(width, 2)

            def forward(self, X):
                {forward}
    """, "Mlp")
    assert ir.in_order and ir.forward == "fc2(act(fc1(x)))"


def test_children_out_of_order_keep_their_forward():
    ir = read("""
        class Twice(nn.Module):
            def __init__(self):
                super().__init__()
                self.a = nn.Linear(4, 4)
                self.b = nn.Tanh()

            def forward(self, X):
                X = self.b(X)
                X = self.a(X) + X
                return self.a(X)
    """, "Twice")
    assert not ir.in_order and ir.forward == "a(a(b(x)) + b(x))"


def test_a_class_of_the_file_as_a_child_binds_its_arguments():
    ir = read("""
        class MyLinear(nn.Module):
            def __init__(self, in_units, units=10):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))

            def forward(self, X):
                return X @ self.weight

        class Net(nn.Module):
            def __init__(self, n):
                super().__init__()
                self.first = MyLinear(n)
                self.second = MyLinear(units=n + 1, in_units=10)

            def forward(self, X):
                return self.second(self.first(X))
    """, "Net")
    assert [(c.kind, c.arguments) for c in ir.children] == [
        ("MyLinear", (("in_units", "n"),)), ("MyLinear", (("in_units", "10"), ("units", "n + 1")))]
    assert ir.in_order


@pytest.mark.parametrize("register", ["self._modules[str(idx)] = module", "self.add_module(str(idx), module)"])
def test_my_sequential_takes_its_children_from_star_args(register):
    ir = read(f"""
        class MySequential(nn.Module):
            def __init__(self, *args):
                super().__init__()
                for idx, module in enumerate(args):
                    {register}

            def forward(self, X):
                for block in self._modules.values():
                    X = block(X)
                return X
    """, "MySequential")
    assert ir.varargs == "args" and ir.in_order and ir.forward is None and not ir.is_layer


def test_reading_a_class_draws_no_random_numbers_and_runs_nothing():
    import torch

    before = torch.get_rng_state()
    read("""
        class MyLinear(nn.Module):
            def __init__(self, in_units=3, units=2):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))

            def forward(self, X):
                return X @ self.weight
    """, "MyLinear")
    assert torch.equal(before, torch.get_rng_state())


def test_parameter_ir_positions_point_at_the_call():
    ir = read("""
        class L(nn.Module):
            def __init__(self):
                super().__init__()
                self.w = nn.Parameter(torch.randn(2, 3))

            def forward(self, x):
                return x @ self.w
    """, "L")
    assert ir.parameters == (ParameterIR("w", ("2", "3"), "randn", None, True, 9, 18),)


def test_torch_normal_is_an_empty_tensor_filled_by_normal():
    ir = read("""
        class Scratch(nn.Module):
            def __init__(self, num_inputs, num_hiddens):
                super().__init__()
                self.W1 = nn.Parameter(torch.normal(0, 0.01, (num_inputs, num_hiddens)))
                self.W2 = torch.normal(mean=0.5, std=2, size=(num_hiddens, 3), requires_grad=True)

            def forward(self, X):
                return torch.relu(X @ self.W1) @ self.W2
    """, "Scratch")
    w1, w2 = ir.parameters
    assert (w1.shape, w1.fill, w1.registered) == (("num_inputs", "num_hiddens"), "empty", True)
    assert w1.init == InitCall("normal_", (("mean", "0"), ("std", "0.01")), 9, 32)
    assert (w2.shape, w2.registered, w2.init.arguments) == (("num_hiddens", "3"), False, (("mean", "0.5"),
                                                                                        ("std", "2")))
