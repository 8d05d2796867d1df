"""Numbered children and Sequential children of a block (the textbook's ``MySequential``, a class holding an
``nn.Sequential``), hyperparameters that follow the input, and the memory message of a block without
hyperparameters.

Every reference is the hand-written class, constructed here after ``torch.manual_seed``.
"""

from __future__ import annotations

import time
from collections import OrderedDict

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.custom.blocks import MAX_NESTING, MAX_SPECS
from editor.model.custom.data import definition_from_data, definition_to_data
from editor.model.custom.definitions import (
    BlockDefinition,
    ChildSpec,
    DefinitionError,
    LayerDefinition,
    ParameterSpec,
    replace,
)
from editor.model.errors import MemoryLimitError
from tests.commands.design_checks import assert_same, snapshot
from tests.model.custom.textbook import MY_LINEAR, MyLinear


class MySequential(nn.Module):
    """The textbook's class, as a learner writes it."""

    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            self._modules[str(idx)] = module

    def forward(self, X):  # noqa: N803 - the textbook's spelling
        for block in self._modules.values():
            X = block(X)  # noqa: N806
        return X


class NestMLP(nn.Module):
    """A class holding nn.Sequentials (one nested, one with named entries) and a numbered child."""

    def __init__(self, width=64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, width), nn.ReLU(), nn.Sequential(MyLinear(width, 32), nn.ReLU()))
        self.named = nn.Sequential(OrderedDict([("fc", nn.Linear(32, 16)), ("act", nn.Tanh())]))
        self.add_module("2", nn.Linear(16, 16))

    def forward(self, x):
        for layer in self.children():
            x = layer(x)
        return x


MY_SEQUENTIAL = BlockDefinition("MySequential", (), (
    ChildSpec("0", "Linear", (("in_features", "20"), ("out_features", "256"))),
    ChildSpec("1", "ReLU"),
    ChildSpec("2", "Linear", (("in_features", "256"), ("out_features", "10")))))

NEST_MLP = BlockDefinition("NestMLP", (("width", 64),), (
    ChildSpec("net", "Sequential", children=(
        ChildSpec("0", "Linear", (("in_features", "20"), ("out_features", "width"))),
        ChildSpec("1", "ReLU"),
        ChildSpec("2", "Sequential", children=(ChildSpec("0", "MyLinear", (("in_units", "width"), ("units", "32"))),
                                               ChildSpec("1", "ReLU"))))),
    ChildSpec("named", "Sequential", children=(ChildSpec("fc", "Linear", (("in_features", "32"),
                                                                          ("out_features", "16"))),
                                               ChildSpec("act", "Tanh"))),
    ChildSpec("2", "Linear", (("in_features", "16"), ("out_features", "16")))))


def same_module(mine: nn.Module, theirs: nn.Module) -> None:
    assert repr(mine) == repr(theirs)
    a, b = mine.state_dict(), theirs.state_dict()
    assert list(a) == list(b)
    assert all(torch.equal(a[k], b[k]) for k in b)


@pytest.mark.parametrize("seed", [0, 7])
def test_my_sequential_prints_and_draws_like_the_hand_written_class(seed):
    p = Project(seed=seed)
    p.define_block(MY_SEQUENTIAL)
    p.append_layer("MySequential")
    p.append_layer("Linear", in_features=10, out_features=2)
    torch.manual_seed(seed)
    reference = nn.Sequential(MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10)), nn.Linear(10, 2))
    same_module(p.model, reference)
    assert p.weights_from_seed
    x = torch.randn(3, 20)
    assert torch.equal(p.model(x), reference(x))
    assert str(p.model[0]).startswith("MySequential(\n  (0): Linear(in_features=20, out_features=256")
    kind = p.custom_kind("MySequential")
    assert kind is not None and kind.count_parameters({}) == sum(t.numel() for t in reference[0].parameters())


def test_sequential_children_nest_and_draw_in_construction_order():
    p = Project(seed=3)
    p.define_layer(replace(MY_LINEAR, hyperparameters=(("in_units", 64), ("units", 32))))
    p.define_block(NEST_MLP)
    p.append_layer("NestMLP", width=48)
    torch.manual_seed(3)
    reference = NestMLP(48)
    same_module(p.model[0], reference)
    assert p.weights_from_seed
    x = torch.randn(2, 20)
    assert torch.equal(p.model(x), reference(x))
    assert NEST_MLP.uses() == ("Linear", "ReLU", "MyLinear", "Tanh")
    assert p.users_of("MyLinear") == ([], ["NestMLP"])
    assert p.shape_error is None


def test_editing_a_definition_with_sequential_children_is_one_undoable_step():
    p = Project(seed=1)
    p.define_layer(replace(MY_LINEAR, hyperparameters=(("in_units", 64), ("units", 32))))
    p.define_block(NEST_MLP)
    p.append_layer("NestMLP")
    before = snapshot(p)
    wider = replace(NEST_MLP, children=(*NEST_MLP.children[:2], ChildSpec("2", "Linear", (("in_features", "16"),
                                                                                         ("out_features", "8")))))
    with p.transaction("Edit") as tx:
        p.define_block(wider)
    assert p.model[0].get_submodule("2").out_features == 8
    after = snapshot(p)
    p.revert(tx)
    assert_same(snapshot(p), before, "undo")
    assert p.definitions["NestMLP"] == NEST_MLP
    p.replay(tx)
    assert_same(snapshot(p), after, "redo")


def test_a_block_saves_and_opens_with_its_sequential_children(tmp_path):
    p = Project(seed=2)
    p.define_layer(replace(MY_LINEAR, hyperparameters=(("in_units", 64), ("units", 32))))
    p.define_block(NEST_MLP)
    p.append_layer("NestMLP", width=16)
    p.save(tmp_path / "p.pt")
    again = Project.load(tmp_path / "p.pt")
    assert again.definitions == p.definitions
    same_module(again.model, p.model)
    assert definition_from_data(definition_to_data(NEST_MLP)) == NEST_MLP
    assert "children" not in definition_to_data(NEST_MLP)["children"][2]  # only a Sequential child has them


@pytest.mark.parametrize("child, words", [
    (lambda: ChildSpec("01", "Linear"), "leading zero"),
    (lambda: ChildSpec("1234567", "Linear"), "digits"),
    (lambda: ChildSpec("s", "Sequential", (("in_features", "3"),)), "takes no arguments"),
    (lambda: ChildSpec("s", "Linear", children=(ChildSpec("0", "ReLU"),)), "only a Sequential"),
    (lambda: ChildSpec("s", "Sequential", children=(ChildSpec("0", "ReLU"), ChildSpec("0", "Tanh"))), "two children"),
    (lambda: ChildSpec("s", "Sequential", children=("ReLU",)), "ChildSpec"),
])
def test_bad_children_are_refused_in_words(child, words):
    with pytest.raises(DefinitionError, match=words):
        child()


def test_nesting_and_size_are_bounded():
    spec = ChildSpec("0", "ReLU")
    for _ in range(MAX_NESTING):
        spec = ChildSpec("0", "Sequential", children=(spec,))
    with pytest.raises(DefinitionError, match=f"more than {MAX_NESTING} deep"):
        ChildSpec("0", "Sequential", children=(spec,))
    wide = ChildSpec("w", "Sequential", children=tuple(ChildSpec(str(i), "ReLU") for i in range(200)))
    with pytest.raises(DefinitionError, match=f"at most {MAX_SPECS}"):
        BlockDefinition("Big", (), tuple(replace_name(wide, f"w{i}") for i in range(MAX_SPECS // 200 + 1)))


def replace_name(spec: ChildSpec, name: str) -> ChildSpec:
    return ChildSpec(name, spec.kind, spec.arguments, spec.children)


def test_hostile_data_that_repeats_one_list_is_refused_before_it_costs_anything():
    entries: list = [{"name": str(i), "kind": "ReLU", "arguments": []} for i in range(200)]
    for _ in range(12):  # one list shared by 200 entries at every level: 200**12 children if walked naively
        entries = [{"name": str(i), "kind": "Sequential", "arguments": [], "children": entries} for i in range(200)]
    data = {"type": "block", "name": "Bomb", "hyperparameters": [], "children": entries[:1]}
    start = time.perf_counter()
    with pytest.raises(DefinitionError, match="at most"):
        definition_from_data(data)
    assert time.perf_counter() - start < 60  # bounded work (a generous bound: never assert real timings closely)


def test_numbered_and_named_children_share_one_namespace():
    with pytest.raises(DefinitionError, match="twice"):
        BlockDefinition("B", (), (ChildSpec("0", "ReLU"), ChildSpec("0", "Tanh")))
    with pytest.raises(DefinitionError, match="only a function name can be called"):  # not a numbered child
        BlockDefinition("B", (), (ChildSpec("0", "ReLU"),), "relu(x) + 0(x)")
    block = BlockDefinition("B", (), (ChildSpec("0", "ReLU"), ChildSpec("head", "Tanh")), "head(x)")
    assert not block.takes_layers and MY_SEQUENTIAL.takes_layers


def test_a_huge_block_without_hyperparameters_says_how_to_fix_it():
    p = Project()
    p.define_block(BlockDefinition("Huge", (), (ChildSpec("0", "Linear", (("in_features", "10**7"),
                                                                          ("out_features", "10**7"))),)))
    with pytest.raises(MemoryLimitError) as info:
        p.append_layer("Huge")
    text = str(info.value)
    assert "(e.g. )" not in text and "with these hyperparameters" not in text
    assert "edit Huge to make its layers smaller" in text
    with pytest.raises(MemoryLimitError, match=r"\(e\.g\. in_units\)"):  # one with hyperparameters names one
        p.define_layer(MY_LINEAR)
        p.append_layer("MyLinear", in_units=10**7, units=10**4)


AUTO_LINEAR = LayerDefinition("MyLinear", "relu(x @ weight + bias)", (("in_units", 20), ("units", 10)),
                              (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",))),
                              auto=("in_units",))


def test_a_hyperparameter_can_follow_the_inputs_last_dimension():
    p = Project(seed=4)
    p.define_layer(AUTO_LINEAR)
    p.input_shape = (3, 7)
    p.append_layer("MyLinear", units=5)
    assert p.hyperparameters("0") == {"in_units": 7, "units": 5}
    p.insert_layer(0, "Linear", in_features=7, out_features=9)
    assert p.hyperparameters("1") == {"in_units": 9, "units": 5}
    p.set_hyperparameters("0", out_features=6)  # it keeps following
    assert p.hyperparameters("1") == {"in_units": 6, "units": 5}
    assert p.weights_from_seed
    torch.manual_seed(4)
    same_module(p.model, nn.Sequential(nn.Linear(7, 6), MyLinear(6, 5)))
    p.append_layer("MyLinear", in_units=5, units=2)  # given: it stays as given
    p.set_hyperparameters("1", units=4)
    assert p.hyperparameters("2") == {"in_units": 5, "units": 2}
    assert definition_from_data(definition_to_data(AUTO_LINEAR)) == AUTO_LINEAR


@pytest.mark.parametrize("auto, words", [(("units", "units"), "twice"), (("width",), "not a hyperparameter"),
                                         (("scale",), "whole-number")])
def test_auto_is_checked(auto, words):
    with pytest.raises(DefinitionError, match=words):
        LayerDefinition("L", "x * scale", (("units", 3), ("scale", 2.0)), auto=auto)
