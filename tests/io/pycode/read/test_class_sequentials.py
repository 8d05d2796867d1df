"""Reading the textbook's ``MySequential`` and classes that hold an ``nn.Sequential``: real blocks, printed and drawn
exactly as the hand-written classes (constructed here, by trusted test code, after ``torch.manual_seed``)."""

from __future__ import annotations

import textwrap
from collections import OrderedDict

import pytest
import torch
from torch import nn

from editor import Project
from editor.io.errors import CodeImportError
from editor.model.custom.definitions import BlockDefinition, ChildSpec
from tests.io.pycode.read.test_class_import import assert_same, run, src

MY_SEQUENTIAL_CLASS = """
    class MySequential(nn.Module):
        def __init__(self, *args):
            super().__init__()
            for idx, module in enumerate(args):
                self._modules[str(idx)] = module

        def forward(self, X):
            for block in self._modules.values():
                X = block(X)  # noqa: N806
            return X
"""


class MySequential(nn.Module):
    """The textbook's class, written here as a learner writes it."""

    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            self._modules[str(idx)] = module

    def forward(self, X):  # noqa: N803  (the textbook's name)
        for block in self._modules.values():
            X = block(X)  # noqa: N806
        return X


def textbook(use: str) -> str:
    return src(textwrap.dedent(MY_SEQUENTIAL_CLASS).strip("\n") + "\n\n" + textwrap.dedent(use).strip("\n"))


@pytest.mark.parametrize("seed", [0, 42])
def test_my_sequential_becomes_a_block_that_prints_and_draws_like_the_class(seed):
    source = textbook("net = MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))")
    project = Project.from_code(source, seed=seed)
    torch.manual_seed(seed)
    reference = MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    assert len(project) == 1
    assert_same(project.model[0], reference)
    assert str(project.model[0]) == str(reference)  # print(net)
    x = torch.randn(2, 20)
    assert torch.equal(project.model(x), reference(x))
    assert project.definitions["MySequential"] == BlockDefinition("MySequential", (), (  # arguments as written
        ChildSpec("0", "Linear", (("in_features", "20"), ("out_features", "256"))), ChildSpec("1", "ReLU"),
        ChildSpec("2", "Linear", (("in_features", "256"), ("out_features", "10")))))
    assert project.weights_from_seed and not project.notices
    project.append_layer("Linear", in_features=10, out_features=3)  # the seed's stream goes on after it
    torch.manual_seed(seed)
    assert_same(project.model, nn.Sequential(MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10)),
                                             nn.Linear(10, 3)))


def test_my_sequential_among_layers_and_around_a_class_of_the_file():
    source = textbook("""
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))

            def forward(self, X):
                return X @ self.weight.data

        model = nn.Sequential(nn.Linear(8, 8), MySequential(MyLinear(8, 4), nn.Sequential(nn.Tanh(),
                              nn.Linear(4, 4))), nn.Linear(4, 2))
    """)
    project = Project.from_code(source, seed=5)
    reference = run(source, 5, "model")
    assert_same(project.model, reference)
    assert type(project.model[1]).__name__ == "MySequential"
    assert project.definitions["MySequential"].children[1].kind == "Sequential"
    assert any(".data" in note for note in project.notices)  # MyLinear's notice comes along
    x = torch.randn(3, 8)
    assert torch.equal(project.model(x), reference(x))


@pytest.mark.parametrize("use, why, compare", [
    ("shared = nn.Linear(4, 4)\nnet = MySequential(shared, nn.ReLU(), shared)", "made before the call", True),
    ("layer = nn.Linear(4, 4)\nnet = MySequential(nn.ReLU(), layer)", "made before the call", True),
    ("a = MySequential(nn.Linear(4, 4))\nnet = nn.Sequential(a, MySequential(nn.Linear(4, 2)))", "other layers",
     True),
    ("net = MySequential(nn.LazyLinear(4))\nnet(torch.rand(2, 3))", "learns its in_features", False),
])
def test_layers_that_cannot_be_its_own_read_as_a_sequential_with_a_notice(use, why, compare):
    source = textbook(use)
    project = Project.from_code(source, seed=1)
    if compare:  # the same keys and weights: only the class name in print(net) differs
        reference = run(source, 1, "net")
        mine, theirs = project.model.state_dict(), reference.state_dict()
        assert list(mine) == list(theirs) and all(torch.equal(mine[k], theirs[k]) for k in theirs)
    assert any("MySequential(...)" in n and "nn.Sequential" in n and why in n for n in project.notices), \
        project.notices


def test_a_tied_my_sequential_keeps_the_tie():
    source = textbook("shared = nn.Linear(4, 4)\nnet = MySequential(shared, nn.ReLU(), shared)")
    project = Project.from_code(source, seed=2)
    assert project.model[0] is project.model[2]  # one module at two places, as in the file
    mine, theirs = project.model.state_dict(), run(source, 2, "net").state_dict()
    assert list(mine) == list(theirs) and all(torch.equal(mine[k], theirs[k]) for k in theirs)


class NestMLP(nn.Module):
    """A class holding Sequentials: one nested, one with named entries; a numbered child; MySequential."""

    def __init__(self, width=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, width), nn.ReLU(), nn.Sequential(nn.Linear(width, 16), nn.ReLU()))
        self.named = nn.Sequential(OrderedDict([("fc", nn.Linear(16, 16)), ("act", nn.Tanh())]))
        self.seq = MySequential(nn.Linear(16, 8), nn.ReLU())
        self.add_module("3", nn.Linear(8, 8))
        self._modules["4"] = nn.Linear(8, width)

    def forward(self, X):  # noqa: N803  (the textbook's name)
        for layer in self.children():
            X = layer(X)  # noqa: N806
        return X


NEST_MLP_SOURCE = textbook("""
    from collections import OrderedDict

    class NestMLP(nn.Module):
        def __init__(self, width=32):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(20, width), nn.ReLU(), nn.Sequential(nn.Linear(width, 16), nn.ReLU()))
            self.named = nn.Sequential(OrderedDict([("fc", nn.Linear(16, 16)), ("act", nn.Tanh())]))
            self.seq = MySequential(nn.Linear(16, 8), nn.ReLU())
            self.add_module("3", nn.Linear(8, 8))
            self._modules["4"] = nn.Linear(8, width)

        def forward(self, X):
            for layer in self.children():
                X = layer(X)  # noqa: N806
            return X

    net = NestMLP(24)
""")


@pytest.mark.parametrize("seed", [0, 3])
def test_a_class_holding_sequentials_is_read_not_refused(seed):
    project = Project.from_code(NEST_MLP_SOURCE, seed=seed)
    torch.manual_seed(seed)
    reference = NestMLP(24)
    assert_same(project.model[0], reference)
    assert str(project.model[0]) == str(reference)
    x = torch.randn(2, 20)
    assert torch.equal(project.model(x), reference(x))
    definition = project.definitions["NestMLP"]
    assert [(c.name, c.kind) for c in definition.children] == [
        ("net", "Sequential"), ("named", "Sequential"), ("seq", "MySequential"), ("3", "Linear"), ("4", "Linear")]
    assert definition.children[0].children[0] == ChildSpec("0", "Linear", (("in_features", "20"),
                                                                           ("out_features", "width")))
    assert project.hyperparameters("0") == {"width": 24}
    project.set_hyperparameters("0", width=40)  # the Sequential child follows the block's hyperparameter
    assert project.model[0].net[0].out_features == 40 and project.model[0].get_submodule("4").out_features == 40


def test_my_sequential_inside_a_class_with_the_outer_arguments_is_a_sequential_child():
    source = textbook("""
        class Net(nn.Module):
            def __init__(self, n):
                super().__init__()
                self.body = MySequential(nn.Linear(n, n), nn.ReLU())

            def forward(self, X):
                return self.body(X)

        net = Net(6)
    """)
    project = Project.from_code(source, seed=4)
    assert_same(project.model[0].body[0], run(source, 4, "net").body.get_submodule("0"))
    assert project.definitions["Net"].children[0].kind == "Sequential"
    assert any("follows the constructor's arguments" in n for n in project.notices)


@pytest.mark.parametrize("body, words", [
    ('self.add_module("_x", nn.Linear(2, 2))', "not one LayerLab keeps"),
    ('self.add_module("01", nn.Linear(2, 2))', "not one LayerLab keeps"),
    ('self.add_module(name, nn.Linear(2, 2))', "name written out"),
    ('self._modules["0"] = nn.Linear(2, 2)\n                self.add_module("0", nn.Linear(2, 2))', "set twice"),
])
def test_named_submodules_are_checked_at_their_line(body, words):
    source = src(f"""
        name = "a"

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                {body}

            def forward(self, X):
                for layer in self.children():
                    X = layer(X)  # noqa: N806
                return X

        net = Net()
    """)
    with pytest.raises(CodeImportError, match=words) as info:
        Project.from_code(source)
    assert info.value.line is not None


def test_numbered_submodules_must_be_applied_in_turn():
    source = src("""
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.add_module("0", nn.Linear(2, 2))
                self.head = nn.Linear(2, 2)

            def forward(self, X):
                return self.head(X)

        net = Net()
    """)
    with pytest.raises(CodeImportError, match="numbered submodules") as info:
        Project.from_code(source)
    assert source.splitlines()[info.value.line - 1].strip() == "def forward(self, X):"


def test_sequentials_nested_too_deep_inside_a_class_are_refused_at_their_line():
    deep = "nn.ReLU()"
    for _ in range(20):
        deep = f"nn.Sequential({deep})"
    source = src(f"""
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = {deep}

            def forward(self, X):
                return self.body(X)

        net = Net()
    """)
    with pytest.raises(CodeImportError, match="nest more than 16 deep") as info:
        Project.from_code(source)
    assert source.splitlines()[info.value.line - 1].strip().startswith("self.body = nn.Sequential(")
