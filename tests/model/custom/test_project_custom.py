"""Custom layers and blocks in a Project: the textbook's lessons, bit for bit, and every edit undoable exactly."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.custom.definitions import ChildSpec, DefinitionError, LayerDefinition, ParameterSpec, replace
from editor.model.errors import MemoryLimitError, ShapeError, StructureError, UnsupportedLayerError, ValidationError
from editor.model.stats.parameters import ParameterListing
from tests.model.custom.textbook import CENTERED, MY_LINEAR, NET, PLAIN_LINEAR, CenteredLayer, MyLinear, Net


def state(p: Project) -> tuple:
    return (repr(p.model), {k: v.clone() for k, v in p.model.state_dict().items()}, dict(p.definitions),
            p.paths(), [p.kind(path).name if p.kind(path) else None for path in p.paths()])


def same(a: tuple, b: tuple) -> None:
    assert a[0] == b[0] and a[2] == b[2] and a[3] == b[3] and a[4] == b[4]
    assert list(a[1]) == list(b[1]) and all(torch.equal(a[1][k], b[1][k]) for k in a[1])


def test_centered_layer_output_has_mean_zero():
    p = Project(seed=0)
    p.define_layer(CENTERED)
    p.append_layer("CenteredLayer")
    p.input_shape = (4, 8)
    y = p.model(torch.rand(4, 8) * 10 + 3)
    assert abs(y.mean().item()) < 1e-6
    assert repr(p.model[0]) == repr(CenteredLayer()) == "CenteredLayer()"
    assert p.infer_shapes() == {"0": (4, 8)}
    assert p.count_parameters() == 0


@pytest.mark.parametrize("seed", [0, 7, 2024])
def test_my_linear_equals_the_hand_written_module_bit_for_bit(seed):
    p = Project(seed=seed)
    p.define_layer(MY_LINEAR)
    p.insert_layer(0, "MyLinear", in_units=20, units=10)
    torch.manual_seed(seed)
    hand = MyLinear(20, 10)
    mine = p.model[0]
    assert torch.equal(mine.weight, hand.weight) and torch.equal(mine.bias, hand.bias)
    assert [n for n, _ in mine.named_parameters()] == [n for n, _ in hand.named_parameters()]
    assert isinstance(mine.weight, nn.Parameter) and p.weights_from_seed
    x = torch.randn(3, 20)
    assert torch.equal(mine(x), hand(x))
    assert p.kind(0).name == "MyLinear" and p.hyperparameters(0) == {"in_units": 20, "units": 10}
    assert p.count_parameters() == 210 and p.count_block_parameters(0) == 210


def test_composite_net_equals_the_hand_written_class_with_the_same_seed():
    p = Project(seed=5)
    p.define_block(NET)
    p.append_layer("Net", input_nodes=784, hidden_nodes=256, output_nodes=8)
    torch.manual_seed(5)
    hand = Net(784, 256, 8)
    assert repr(p.model[0]) == repr(hand)
    assert list(p.model[0].state_dict()) == list(hand.state_dict())
    assert all(torch.equal(a, b) for a, b in zip(p.model[0].state_dict().values(), hand.state_dict().values()))
    x = torch.randn(2, 784)
    assert torch.equal(p.model(x), hand(x))
    assert p.input_shape == (1, 784)  # inferred from its first child, like a Linear's
    assert p.infer_shapes() == {"0": (1, 8)}


def test_the_group_made_in_the_app_becomes_net_with_the_same_weights():
    p = Project(seed=5)
    p.append(nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 8)))
    p.reset_parameters()
    before = state(p)
    path = p.make_block("0", "Net", {"input_nodes": ["0.in_features"],
                                     "hidden_nodes": ["0.out_features", "2.in_features"],
                                     "output_nodes": ["2.out_features"]})
    assert path == "0" and p.kind(0).name == "Net"
    definition = p.definitions["Net"]
    assert definition.hyperparameters == (("input_nodes", 784), ("hidden_nodes", 256), ("output_nodes", 8))
    assert [c.kind for c in definition.children] == ["Linear", "ReLU", "Linear"]
    assert next(iter(before[1].values())).equal(p.model[0].linear0.weight)
    assert p.weights_from_seed  # the very values the seed gives: made in the same order
    torch.manual_seed(5)
    hand = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 8))
    x = torch.randn(2, 784)
    assert torch.equal(p.model(x), hand(x))
    p.append_layer("Net", input_nodes=8, hidden_nodes=4, output_nodes=2)
    assert p.infer_shapes()["1"] == (1, 2)


def test_make_block_refuses_in_words():
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 3), nn.Sequential(nn.ReLU())),
                                          nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4)), nn.ReLU()))
    with pytest.raises(StructureError, match="itself a group"):
        p.make_block("0", "A", {})
    with pytest.raises(DefinitionError, match="bound twice"):
        p.make_block("1", "A", {"n": ["0.in_features"], "m": ["0.in_features"]})
    with pytest.raises(DefinitionError, match="different values"):
        Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 3)))).make_block(
            "0", "A", {"n": ["0.in_features", "0.out_features"]})
    with pytest.raises(DefinitionError, match="has no hyperparameter 'units'"):
        p.make_block("1", "A", {"n": ["0.units"]})
    with pytest.raises(DefinitionError, match="the group has 2 children"):
        p.make_block("1", "A", {"n": ["5.in_features"]})
    with pytest.raises(DefinitionError, match="catalog"):
        p.make_block("1", "Linear", {})
    with pytest.raises(StructureError, match="choose a group"):
        p.make_block("2", "A", {})
    p.share("1.0", "1.1")
    with pytest.raises(StructureError, match="shares its module"):
        p.make_block("1", "A", {})
    assert not p.definitions


def test_redefining_updates_every_instance_as_one_undoable_step():
    p = Project(seed=1)
    p.define_layer(MY_LINEAR)
    p.input_shape = (2, 20)
    p.append_layer("MyLinear")
    p.append_layer("MyLinear", in_units=10, units=10)
    p.set_requires_grad("1", "weight", False)
    with torch.no_grad():
        p.model[0].weight.fill_(0.5)  # edited values are kept where shapes still fit
    before = state(p)
    wider = replace(MY_LINEAR, forward="tanh(x @ weight + bias + scale)", hyperparameters=(
        ("in_units", 20), ("units", 10), ("scale", 0.0)))
    with p.transaction("Edit") as tx:
        p.define_layer(wider)
    after = state(p)
    assert p.hyperparameters(0) == {"in_units": 20, "units": 10, "scale": 0.0}
    assert torch.equal(p.model[0].weight, torch.full((20, 10), 0.5))
    assert p.frozen("1") == ["weight"]
    x = torch.randn(2, 20)
    assert torch.equal(p.model[0](x), torch.tanh(x @ p.model[0].weight + p.model[0].bias + 0.0))
    p.revert(tx)
    same(state(p), before)
    assert p.definitions["MyLinear"] == MY_LINEAR
    p.replay(tx)
    same(state(p), after)


def test_a_redefinition_that_breaks_an_instance_changes_nothing():
    p = Project(seed=1)
    p.define_layer(MY_LINEAR)
    p.append_layer("MyLinear")
    before = state(p)
    broken = replace(MY_LINEAR, parameters=(ParameterSpec("weight", ("in_units - 25", "units")),),
                     hyperparameters=(("in_units", 30), ("units", 10)), forward="x @ weight")
    with pytest.raises(ValidationError, match="Block 0: MyLinear: the shape of weight needs whole numbers"):
        p.define_layer(broken)
    same(state(p), before)


def test_redefining_a_layer_rebuilds_the_blocks_that_use_it():
    p = Project(seed=2)
    p.define_layer(CENTERED)
    p.define_block(NET.__class__("Pair", (("n", 4),), (ChildSpec("lin", "Linear", (("in_features", "n"),
                                                                                   ("out_features", "n"))),
                                                     ChildSpec("center", "CenteredLayer"))))
    p.append_layer("Pair")
    p.define_layer(replace(CENTERED, forward="x - x.mean(dim=-1, keepdim=True)"))
    y = p.model(torch.randn(3, 4))
    assert torch.allclose(y.mean(dim=-1), torch.zeros(3), atol=1e-6)
    assert p.model[0].center.__class__.definition.forward == "x - x.mean(dim=-1, keepdim=True)"


def test_definitions_are_refused_in_words():
    p = Project()
    with pytest.raises(DefinitionError, match="catalog"):
        p.define_layer(LayerDefinition("ReLU", "x"))
    with pytest.raises(DefinitionError, match="takes a LayerDefinition"):
        p.define_layer(NET)
    p.define_layer(CENTERED)
    with pytest.raises(DefinitionError, match="already a custom layer"):
        p.define_block(NET.__class__("CenteredLayer", (), (ChildSpec("a", "ReLU"),)))
    with pytest.raises(DefinitionError, match="Define Missing first"):
        p.define_block(NET.__class__("B", (), (ChildSpec("a", "Missing"),)))
    with pytest.raises(UnsupportedLayerError, match="Your definitions: CenteredLayer"):
        p.append_layer("CenterdLayer")


def test_remove_definition_is_refused_while_used_and_undoable():
    p = Project()
    p.define_layer(MY_LINEAR)
    p.define_block(NET.__class__("Two", (), (ChildSpec("a", "MyLinear"),)))
    p.append_layer("MyLinear")
    with pytest.raises(StructureError, match="still used by block 0"):
        p.remove_definition("MyLinear")
    del p[0]
    with pytest.raises(StructureError, match="still a child of Two"):
        p.remove_definition("MyLinear")
    with p.transaction("Remove") as tx:
        p.remove_definition("Two")
    assert list(p.definitions) == ["MyLinear"]
    p.revert(tx)
    assert list(p.definitions) == ["MyLinear", "Two"]
    with pytest.raises(StructureError, match="no definition called 'Nope'"):
        p.remove_definition("Nope")


def test_plain_tensors_are_not_parameters_and_the_table_flags_them():
    p = Project(seed=0)
    p.define_layer(PLAIN_LINEAR)
    p.append_layer("PlainLinear")
    layer = p.model[0]
    assert [n for n, _ in layer.named_parameters()] == ["bias"]
    assert list(p.model.state_dict()) == ["0.bias"]
    assert not isinstance(layer.weight, nn.Parameter) and isinstance(layer.weight, torch.Tensor)
    p.model.to(torch.float64)  # .to() converts parameters and buffers only: the plain tensor stays
    assert layer.bias.dtype == torch.float64 and layer.weight.dtype == torch.float32
    p.model.to(torch.float32)
    listing = ParameterListing(p)
    plain = listing.plain_rows()
    assert [(r.name, r.plain, r.requires_grad) for r in plain] == [("0.weight", True, False)]
    assert "state_dict" in plain[0].warning and ".to(device)" in plain[0].warning
    assert [r.name for r in listing.parameter_rows()] == ["0.bias"]
    totals = listing.totals()
    assert (totals.parameters, totals.plain_tensors, totals.plain_elements) == (3, 1, 12)
    torch.manual_seed(0)
    weight = torch.randn(4, 3)
    assert torch.equal(layer.weight, weight)  # drawn first, as `self.weight = torch.randn(...)` is


def test_init_functions_fill_like_nn_init():
    definition = LayerDefinition("Init", "x @ weight + bias", (("n", 5),),
                                 (ParameterSpec("weight", ("n", "n"), "xavier_uniform_"),
                                  ParameterSpec("bias", ("n",), "normal_(std=0.01)")))
    p = Project(seed=9)
    p.define_layer(definition)
    p.append_layer("Init")
    torch.manual_seed(9)
    weight = torch.empty(5, 5)
    nn.init.xavier_uniform_(weight)
    bias = torch.empty(5)
    nn.init.normal_(bias, std=0.01)
    assert torch.equal(p.model[0].weight, weight) and torch.equal(p.model[0].bias, bias)


def test_shape_errors_are_explained_and_hyperparameters_edit():
    p = Project(seed=0)
    p.define_layer(MY_LINEAR)
    p.append_layer("MyLinear")
    p.input_shape = (3, 7)
    error = p.shape_error
    assert isinstance(error, ShapeError)
    assert "MyLinear's forward (relu(x @ weight + bias)) cannot take an input of shape (3, 7)" in str(error)
    p.set_hyperparameters(0, in_units=7, units=2)
    assert p.shape_error is None and p.infer_shapes() == {"0": (3, 2)}
    with pytest.raises(ValidationError, match="whole numbers"):
        p.set_hyperparameters(0, units=-1)
    with pytest.raises(ValidationError, match="has no hyperparameter 'out_features'"):
        p.set_hyperparameters(0, out_features=3)


def test_huge_custom_layers_are_refused_before_allocating():
    p = Project()
    p.define_layer(MY_LINEAR)
    with pytest.raises(MemoryLimitError):
        p.append_layer("MyLinear", in_units=10**7, units=10**7)
    p.define_layer(PLAIN_LINEAR)
    with pytest.raises(MemoryLimitError):  # plain tensors count too
        p.append_layer("PlainLinear", in_units=10**7, units=10**6)
    assert len(p) == 0


def test_the_forward_pass_cannot_grow_tensors_beyond_the_limit():
    p = Project()
    p.define_layer(LayerDefinition("Grow", "x + ones(10**12)"))
    p.append_layer("Grow")
    p.input_shape = (2, 3)
    assert "1,000,000,000,000 values" in str(p.shape_error)
    with pytest.raises(Exception, match="1,000,000,000,000 values"):
        p.run(batch=2)


def test_sharing_duplicating_running_and_histograms_treat_custom_blocks_like_any_other():
    p = Project(seed=3)
    p.define_layer(MY_LINEAR)
    p.define_block(NET)
    p.input_shape = (2, 20)
    p.append_layer("MyLinear", in_units=20, units=20)
    p.append_layer("MyLinear", in_units=20, units=20)
    p.append_layer("Net", input_nodes=20, hidden_nodes=6, output_nodes=20)
    p.share("0", "1")
    assert p.model[0] is p.model[1] and p.count_parameters() == 420 + 20 * 6 + 6 + 6 * 20 + 20
    p.duplicate(["2"], fresh=False)
    assert torch.equal(p.model[3].hidden.weight, p.model[2].hidden.weight) and p.model[3] is not p.model[2]
    result = p.run(batch=2, seed=0, backward="mse")
    assert result.output.shape == (2, 20)
    assert p.model[2].hidden.weight.grad is not None
    rows = [r.name for r in ParameterListing(p).parameter_rows()]
    assert rows[:2] == ["0.weight", "0.bias"] and "2.hidden.weight" in rows
    p.initialize("zeros_", kind="Linear")
    assert not p.model[2].hidden.weight.any() and p.model[0].weight.any()


def test_modules_from_another_project_bring_their_definitions():
    a = Project(seed=0)
    a.define_layer(CENTERED)
    module = a.append_layer("CenteredLayer")
    b = Project()
    with b.transaction("Insert") as tx:
        b.append(module)
    assert list(b.definitions) == ["CenteredLayer"]
    b.revert(tx)
    assert not b.definitions
    c = Project()
    c.define_layer(replace(CENTERED, forward="x - x.max()"))
    with pytest.raises(StructureError, match="another definition of CenteredLayer"):
        c.append(module)


def test_every_operation_is_undone_exactly():
    p = Project(seed=4)
    p.append(nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 2)))
    p.input_shape = (3, 6)
    steps = []
    with p.transaction("layer") as tx:
        p.define_layer(MY_LINEAR)
    steps.append(tx)
    with p.transaction("insert") as tx:
        p.append_layer("MyLinear", in_units=2, units=2)
    steps.append(tx)
    with p.transaction("make") as tx:
        p.make_block("0", "Mlp", {"n": ["0.in_features"]})
    steps.append(tx)
    with p.transaction("edit") as tx:
        p.define_layer(replace(MY_LINEAR, forward="sigmoid(x @ weight + bias)"))
    steps.append(tx)
    snapshots = [state(p)]
    for tx in reversed(steps):
        p.revert(tx)
        snapshots.append(state(p))
    assert not p.definitions and repr(p.model).startswith("Sequential(\n  (0): Sequential")
    for tx, expected in zip(steps, reversed(snapshots[:-1]), strict=True):
        p.replay(tx)
        same(state(p), expected)


def test_plain_tensors_follow_the_seed_through_edits_and_resets():
    p = Project(seed=6)
    p.define_layer(PLAIN_LINEAR)
    p.input_shape = (2, 4)
    p.append_layer("PlainLinear")
    p.insert_layer(0, "Linear", in_features=4, out_features=4)  # constructed first now: the values are redrawn
    torch.manual_seed(6)
    first = nn.Linear(4, 4)
    weight = torch.randn(4, 3)
    assert torch.equal(p.model[0].weight, first.weight) and torch.equal(p.model[1].weight, weight)
    assert p.weights_from_seed
    with torch.no_grad():
        p.model[1].weight.add_(1)  # a plain tensor changed in place: not the seed's any more
    p.seeds.forget()
    assert not p.weights_from_seed
    with p.transaction("Reset") as tx:
        p.reset_parameters()
    assert torch.equal(p.model[1].weight, weight) and p.weights_from_seed
    p.revert(tx)
    assert torch.equal(p.model[1].weight, weight + 1)


def test_histograms_read_custom_parameters_and_plain_tensors():
    from editor.model.stats.histogram import compute_histogram

    p = Project(seed=0)
    p.define_layer(MY_LINEAR)
    p.define_layer(PLAIN_LINEAR)
    p.append_layer("MyLinear")
    p.append_layer("PlainLinear", in_units=10, units=3)
    listing = ParameterListing(p)
    rows = {row.name: row for row in [*listing.parameter_rows(), *listing.plain_rows()]}
    weight = compute_histogram(rows["0.weight"].tensor, 20)
    assert weight.numel == 200 and abs(weight.mean - p.model[0].weight.mean().item()) < 1e-6
    plain = compute_histogram(rows["1.weight"].tensor, 10)
    assert plain.numel == 30 and rows["1.weight"].plain


def test_a_definition_whose_defaults_cannot_be_built_is_refused_when_defined():
    p = Project()
    bad_child = NET.__class__("B", (("n", 3),), (ChildSpec("lin", "Linear", (("in_feature", "n"),)),))
    with pytest.raises(DefinitionError, match=r"B with its default values: B\.lin: Linear has no hyperparameter "
                                              r"'in_feature'"):
        p.define_block(bad_child)
    negative = LayerDefinition("Neg", "x @ w", (("n", -2),), (ParameterSpec("w", ("n", "n")),))
    with pytest.raises(DefinitionError, match="whole numbers"):
        p.define_layer(negative)
    assert not p.definitions
