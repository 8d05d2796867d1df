"""Initialization rules: every nn.init function, custom rules, targets, undo, reset, files and code."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from editor import Project, ValidationError
from editor.io.files.init_data import rules_from_data, rules_to_data
from editor.io.pycode.export.init_code import expression_code, init_code
from editor.model.init.functions import INIT_FUNCTIONS
from editor.model.init.rules import expected_distribution

# Arguments that make each function's result depend on its arguments (not just the defaults).
ARGS = {
    "uniform_": {"a": -0.3, "b": 0.7}, "normal_": {"mean": 0.5, "std": 0.2},
    "trunc_normal_": {"mean": 0.1, "std": 0.5, "a": -0.4, "b": 0.6}, "constant_": {"val": 0.125},
    "ones_": {}, "zeros_": {}, "eye_": {}, "dirac_": {"groups": 2}, "xavier_uniform_": {"gain": 1.5},
    "xavier_normal_": {"gain": 0.5}, "kaiming_uniform_": {"a": 0.1, "mode": "fan_out", "nonlinearity": "relu"},
    "kaiming_normal_": {"mode": "fan_in", "nonlinearity": "tanh"}, "orthogonal_": {"gain": 2.0},
    "sparse_": {"sparsity": 0.3, "std": 0.05},
}


def _design(function: str) -> tuple[Project, nn.Module]:
    """A design whose weights fit ``function``, and the plain torch layer built the same way."""
    p = Project(seed=11)
    if function == "dirac_":
        p.append_layer("Conv2d", in_channels=4, out_channels=4, kernel_size=3)
        torch.manual_seed(11)
        return p, nn.Conv2d(4, 4, 3)
    p.append_layer("Linear", in_features=6, out_features=8)
    torch.manual_seed(11)
    return p, nn.Linear(6, 8)


@pytest.mark.parametrize("function", sorted(INIT_FUNCTIONS))
def test_each_function_matches_torch_init_with_the_same_seed(function: str) -> None:
    p, plain = _design(function)
    p.initialize(function, **ARGS[function])
    getattr(nn.init, function)(plain.weight, **ARGS[function])
    assert torch.equal(p.model[0].weight, plain.weight)
    assert torch.equal(p.model[0].bias, plain.bias)  # biases untouched
    assert p.weights_from_seed  # drawn from the seed's stream: still exactly what the seed gives


def test_custom_piecewise_rule_zeroes_small_entries() -> None:
    p = Project(seed=5)
    p.append_layer("Linear", in_features=30, out_features=40)
    p.initialize("uniform_", a=-10, b=10, expression="where(abs(w) < 5, 0, w)")
    w = p.model[0].weight.detach()
    assert ((w == 0) | (w.abs() >= 5)).all()
    assert (w == 0).any() and (w.abs() >= 5).any() and w.abs().max() <= 10
    torch.manual_seed(5)
    plain = nn.Linear(30, 40)
    nn.init.uniform_(plain.weight, -10, 10)
    with torch.no_grad():
        plain.weight *= plain.weight.abs() >= 5  # the textbook's version of the same rule
    assert torch.equal(w, plain.weight.detach())


def test_targets_kind_blocks_and_biases_separately() -> None:
    p = Project(seed=2)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("BatchNorm1d", num_features=4)
    p.append_layer("Linear", in_features=4, out_features=3)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    p.initialize("ones_", kind="Linear", parameters="bias")
    after = p.model.state_dict()
    assert torch.equal(after["0.bias"], torch.ones(4)) and torch.equal(after["2.bias"], torch.ones(3))
    assert torch.equal(after["1.bias"], before["1.bias"]) and torch.equal(after["0.weight"], before["0.weight"])
    p.initialize("constant_", blocks=["2"], parameters="all", val=0.5)
    assert (p.model[2].weight == 0.5).all() and (p.model[2].bias == 0.5).all()
    assert torch.equal(p.model[0].bias, torch.ones(4))


def test_undo_restores_bit_identical_values() -> None:
    p = Project(seed=0)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("Linear", in_features=10, out_features=5)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with p.transaction("init") as tx:
        p.initialize("kaiming_normal_", nonlinearity="relu")
    changed = {k: v.clone() for k, v in p.model.state_dict().items()}
    assert not torch.equal(changed["0.weight"], before["0.weight"])
    p.revert(tx)
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in before.items())
    assert p.init_rules == ()
    p.replay(tx)
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in changed.items())
    assert len(p.init_rules) == 1


@pytest.mark.parametrize(("function", "kwargs", "words"), [
    ("eye_", {"kind": "Conv2d"}, "needs a 2-D tensor"),
    ("dirac_", {"kind": "Linear"}, "needs a 3-, 4- or 5-D tensor"),
    ("xavier_uniform_", {"parameters": "bias"}, "at least 2 dimensions"),
    ("kaiming_normal_", {"parameters": "all"}, "Target the weights, not the biases"),
])
def test_an_init_that_does_not_fit_changes_nothing(function: str, kwargs: dict, words: str) -> None:
    p = Project(seed=1)
    p.append_layer("Conv2d", in_channels=3, out_channels=4, kernel_size=3)
    p.append(nn.Flatten())
    p.append_layer("Linear", in_features=4, out_features=2)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(ValidationError, match=words):
        p.initialize(function, **kwargs)
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in before.items())
    assert p.init_rules == ()


@pytest.mark.parametrize(("call", "words"), [
    (lambda p: p.initialize("glorot_"), "no init function 'glorot_'"),
    (lambda p: p.initialize("uniform_", c=1), "has no argument 'c'"),
    (lambda p: p.initialize("uniform_", a=2, b=1), "a ≤ b"),
    (lambda p: p.initialize("kaiming_normal_", mode="fan_middle"), "not one of fan_in, fan_out"),
    (lambda p: p.initialize("normal_", std=float("nan")), "not a finite number"),
    (lambda p: p.initialize("uniform_", expression="__import__('os')"), "cannot call"),
    (lambda p: p.initialize("uniform_", expression="w.data"), "attribute"),
    (lambda p: p.initialize("normal_", kind="Conv2d"), "No parameter matches"),
    (lambda p: p.initialize("xavier_normal_", gain_from="swish"), "does not know 'swish'"),
])
def test_bad_rules_get_clear_messages(call, words: str) -> None:
    p = Project()
    p.append_layer("Linear", in_features=3, out_features=3)
    with pytest.raises(ValidationError, match=words):
        call(p)


def _tied_design() -> Project:
    p = Project(seed=9)
    p.append_layer("Linear", in_features=8, out_features=8)
    shared = p.append_layer("Linear", in_features=8, out_features=8)
    p.append(nn.ReLU())
    p.append(shared)  # the same module twice: tied weights
    p.append_layer("LayerNorm", normalized_shape=8)
    p.group(["2", "3"])
    p.set_label("2", "tail")
    return p


def _rules(p: Project) -> None:
    p.initialize("xavier_uniform_", kind="Linear", gain_from="relu")
    p.initialize("uniform_", blocks=["1"], a=-10, b=10, expression="where(abs(w) < 5, 0, w * fan_in / fan_out)")
    p.initialize("normal_", kind="LayerNorm", parameters="all", std=0.5)
    p.initialize("zeros_", parameters="bias")


def test_reset_replays_the_rules_and_code_reproduces_them() -> None:
    p = _tied_design()
    _rules(p)
    assert p.weights_from_seed
    expected = {k: v.clone() for k, v in p.model.state_dict().items()}
    with torch.no_grad():
        p.model[0].weight.add_(1)
    assert not p.weights_from_seed
    p.reset_parameters()
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in expected.items())

    code = init_code(p)
    namespace: dict = {}
    exec("import math\nimport torch\nfrom torch import nn\n" + "\n".join(code.definitions), namespace)
    assert p.construction_order() == ["0", "1", "2.0", "3"]
    torch.manual_seed(9)
    first, shared = nn.Linear(8, 8), nn.Linear(8, 8)
    from collections import OrderedDict
    model = nn.Sequential(OrderedDict([("0", first), ("1", shared),
                                       ("tail", nn.Sequential(nn.ReLU(), shared)), ("3", nn.LayerNorm(8))]))
    assert str(model) == str(p.model)
    namespace["model"] = model
    for statement in code.statements:
        exec(statement, namespace)
    assert all(torch.equal(model.state_dict()[k], v) for k, v in expected.items())


def test_rules_survive_files_and_follow_their_blocks(tmp_path) -> None:
    p = _tied_design()
    _rules(p)
    path = tmp_path / "rules.pt"
    p.save(path)
    q = Project.load(path)
    assert [r.describe() for r in q.init_rules] == [r.describe() for r in p.init_rules]
    assert rules_to_data(q) == rules_to_data(p)
    q.model[0].weight.data.zero_()
    q.mark_weights_changed()
    q.reset_parameters()
    assert all(torch.equal(q.model.state_dict()[k], v) for k, v in p.model.state_dict().items())
    q.move("1", "0")  # the chosen block moved: its rule goes with it
    assert q.init_rules[1].layers[0].blocks[0].path() == "0"


@pytest.mark.parametrize("bad", [
    "x", [1], [{"function": 3, "parameters": "weight"}], [{"function": "uniform_", "parameters": "weight",
                                                            "layers": [99]}],
    [{"function": "uniform_", "parameters": "legs"}], [{"function": "uniform_", "parameters": "weight",
                                                        "expression": "exec('1')"}],
])
def test_damaged_rule_data_is_refused(bad) -> None:
    from editor.io.files.design_data import DesignDataError

    with pytest.raises(DesignDataError, match="init_rules"):
        rules_from_data(bad, _tied_design())


def test_expression_code_cannot_inject() -> None:
    assert expression_code("where(abs(w) < 5, 0, w)", "m.weight") == \
        "torch.where(torch.abs(m.weight) < 5, 0, m.weight)"
    for hostile in ("__import__('os').system('x')", "w; import os", "open('f')", "lambda: 1", "w.__class__"):
        with pytest.raises(ValidationError):
            expression_code(hostile)


def test_expected_distribution_of_defaults_and_rules() -> None:
    p = Project(seed=0)
    p.append_layer("Linear", in_features=25, out_features=4)
    p.append_layer("BatchNorm1d", num_features=4)
    p.append_layer("Embedding", num_embeddings=10, embedding_dim=3)
    linear = expected_distribution(p, "0", "weight")
    assert linear.kind == "uniform" and linear.high == pytest.approx(1 / 5) and "1/√in_features" in linear.label
    assert expected_distribution(p, "1", "weight").value == 1.0
    assert expected_distribution(p, "2", "weight").std == 1.0
    p.initialize("xavier_normal_", kind="Linear", gain=2.0)
    dist = expected_distribution(p, "0", "weight")
    assert dist.kind == "normal" and dist.std == pytest.approx(2 * math.sqrt(2 / 29))
    x = np.linspace(-4, 4, 4001)
    assert np.trapezoid(dist.pdf(x), x) == pytest.approx(1, abs=1e-3)


def test_a_mixture_label_lists_the_bounds_and_says_the_shared_rule_once() -> None:
    from editor.model.init.distributions import Distribution, combine, uniform

    why = "xavier_uniform_, b = gain·√(6/(fan_in+fan_out)), gain 1"
    mixed = combine([(uniform(0.7071, why), 32), (uniform(0.6124, why), 64)])
    assert mixed.label == f"2 tensors: U(−0.7071, 0.7071), U(−0.6124, 0.6124): {why}"
    sparse = [Distribution("sparse", f"sparse_: {z}% zeros, the rest N(0, 0.01²)", mean=0.0, std=0.01, value=0.0,
                           weight=0.9) for z in (10, 12.5)]
    both = combine([(sparse[0], 10), (sparse[1], 8)])
    assert both.label.startswith("2 tensors, sparse_: 10% zeros") and both.value == 0.0  # zeros stay marked
    with_bias = combine([(sparse[0], 10), (uniform(0.1, "Linear default bias"), 2)])
    assert with_bias.value == 0.0  # a sparse_ weight next to its uniform bias: the zeros are still marked


def test_a_fan_based_init_on_a_normalization_weight_says_to_choose_a_kind() -> None:
    from editor.model.examples import cnn

    p = cnn(0)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(ValidationError, match=r"BatchNorm2d block at 0\.1 is 1-D \(16,\)\. A 1-D weight is a "
                                              r"normalization layer's scale: limit the rule to one layer kind"):
        p.initialize("xavier_uniform_")  # the weights of the whole design: BatchNorm's too
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in before.items()) and p.init_rules == ()


def test_required_arguments_are_always_written() -> None:
    p = Project()
    p.append_layer("Linear", in_features=3, out_features=3)
    p.initialize("constant_", val=0.0)  # equal to the table's default, but constant_ has no default for val
    p.initialize("sparse_", sparsity=0.1)
    text = "\n".join(init_code(p).definitions)
    assert "nn.init.constant_(w, val=0.0)" in text and "nn.init.sparse_(w, sparsity=0.1)" in text


@pytest.mark.parametrize("expression", ["log(w)", "w / 0", "w ** 1e9999"])
def test_an_expression_that_makes_nan_or_inf_changes_nothing(expression: str) -> None:
    p = Project(seed=0)
    p.append_layer("Linear", in_features=6, out_features=4)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(ValidationError, match=r"NaN or infinite value.*weight of the Linear block at 0 .*Nothing was"):
        p.initialize("uniform_", a=-2, b=2, expression=expression)
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in before.items()) and p.init_rules == ()
    p.initialize("uniform_", a=-2, b=2, expression="where(w > 0, sqrt(w), 0)")  # finite: applied
    assert len(p.init_rules) == 1 and bool(torch.isfinite(p.model[0].weight).all())


def test_a_mixture_with_point_masses_keeps_the_density_of_its_continuous_parts() -> None:
    from editor.model.init.distributions import combine, constant, uniform

    mixed = combine([(uniform(0.5, "a"), 300), (constant(1.0, "ones"), 100)])
    x = np.array([0.0, 0.75])
    assert np.allclose(mixed.pdf(x), [0.75 * 1.0, 0.0])  # U(−0.5, 0.5) has density 1, weighted 300/400
    assert mixed.value == 1.0
    assert combine([(constant(1.0, "a"), 3), (constant(0.0, "b"), 3)]).pdf(x) is None


@pytest.mark.parametrize(("call", "words"), [
    (lambda p: p.initialize("xavier_uniform_", gain_from="relu", gain=3), "either gain or gain_from"),
    (lambda p: p.initialize("constant_"), "constant_ needs val"),
    (lambda p: p.initialize("zeros_", blocks="12"), "12"),
    (lambda p: p.initialize("uniform_", expression="w.sum()"), r"method \.sum\(\)"),
    (lambda p: p.set_requires_grad("0", "weight", "no"), "True or False"),
    (lambda p: p.load_state(None), "state_dict"),
    (lambda p: p.load_state({"0.weight": "x"}), "holds a str"),
])
def test_scripting_mistakes_are_refused_clearly(call, words: str) -> None:
    from editor import LayerLabError

    p = Project()
    p.append_layer("Linear", in_features=3, out_features=3)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(LayerLabError, match=words):
        call(p)
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in before.items())
    assert p.init_rules == () and p.frozen("0") == []


def test_many_expected_distributions_at_once_match_one_at_a_time() -> None:
    from editor.model.design.tree import blocks
    from editor.model.init.rules import expected_distributions

    p = _tied_design()
    _rules(p)
    items = [(b, n) for b in blocks(p.root) for n, _ in b.layer.module.named_parameters()]
    assert expected_distributions(p, items) == [expected_distribution(p, b.path(), n) for b, n in items]
