"""Definitions are checked plain data: names, expressions, initial values, and their dict form."""

from __future__ import annotations

import keyword

import pytest
import torch
from torch import nn

from editor.model.catalog.custom_kinds import check_name
from editor.model.custom.data import definition_from_data, definition_to_data, definitions_from_data
from editor.model.custom.definitions import (
    MAX_DEFINITIONS,
    BlockDefinition,
    ChildSpec,
    DefinitionError,
    LayerDefinition,
    ParameterSpec,
    dependency_order,
    parse_init,
    replace,
)
from editor.model.custom.language import FUNCTIONS, INIT_FUNCTIONS, METHODS, MODULE_ATTRIBUTES
from tests.model.custom.textbook import CENTERED, MY_LINEAR, NET, PLAIN_LINEAR


def test_definitions_are_values_that_compare_and_hash():
    again = LayerDefinition("MyLinear", "relu(x @ weight + bias)", [["in_units", 20], ["units", 10]],
                            [ParameterSpec("weight", ["in_units", "units"]), ParameterSpec("bias", "units")])
    assert again == MY_LINEAR and hash(again) == hash(MY_LINEAR)
    assert MY_LINEAR.hyperparameter_names == ("in_units", "units")
    assert MY_LINEAR.defaults() == {"in_units": 20, "units": 10}
    assert NET.uses() == ("Linear",)
    block = BlockDefinition("B", {"n": 3}, [ChildSpec("a", "Linear", {"in_features": "n"})])
    assert block.hyperparameters == (("n", 3),) and block.children[0].arguments == (("in_features", "n"),)


@pytest.mark.parametrize("name", ["", "1abc", "my-layer", "class", "match", "_hidden", "Ünïcode", "a" * 61, 3])
def test_bad_definition_names_are_refused_in_words(name):
    with pytest.raises(DefinitionError) as info:
        LayerDefinition(name, "x")
    assert "name" in str(info.value)


@pytest.mark.parametrize("name, words", [("Linear", "catalog"), ("ReLU", "catalog"), ("lambda", "keyword"),
                                         ("Sequential", "exported code"), ("build_model", "exported code"),
                                         ("with space", "identifier")])
def test_definition_names_that_clash_are_refused(name, words):
    with pytest.raises(DefinitionError, match=words):
        check_name(name)


@pytest.mark.parametrize("hyper, words", [
    ((("x", 1),), "cannot be called 'x'"),
    ((("training", 1),), "every nn.Module"),
    ((("mean", 1),), "function"),
    ((("a", 1), ("a", 2)), "twice"),
    ((("a", "text"),), "integer"),
    ((("a", float("nan")),), "finite"),
    ((("a", 2**60),), "too large"),
])
def test_bad_hyperparameters_are_refused(hyper, words):
    with pytest.raises(DefinitionError, match=words):
        LayerDefinition("L", "x", hyper)


def test_parameter_names_must_differ_from_hyperparameters():
    with pytest.raises(DefinitionError, match="twice"):
        LayerDefinition("L", "x", (("units", 1),), (ParameterSpec("units", ("units",)),))


def test_shape_and_forward_expressions_are_checked_with_positions():
    with pytest.raises(DefinitionError) as info:
        LayerDefinition("L", "x", (("n", 2),), (ParameterSpec("w", ("n", "m")),))
    assert "unknown name 'm'" in str(info.value) and info.value.column == 1
    with pytest.raises(DefinitionError) as info:
        LayerDefinition("L", "x + wieght", (), (ParameterSpec("weight", ("2",)),))
    assert "unknown name 'wieght'" in str(info.value) and info.value.column == 5
    with pytest.raises(DefinitionError, match="never uses its input"):
        LayerDefinition("L", "ones(3)")


def test_initial_values():
    assert parse_init("randn") == ("randn", {})
    assert parse_init("normal_(std=0.01)") == ("normal_", {"std": 0.01})
    assert parse_init("uniform_(a=-0.1, b=0.1)") == ("uniform_", {"a": -0.1, "b": 0.1})
    assert parse_init("kaiming_uniform_(nonlinearity='relu')") == ("kaiming_uniform_", {"nonlinearity": "relu"})
    for bad, words in [("normal", "unknown"), ("randn(3)", "no arguments"), ("normal_(0.1)", "by name"),
                       ("normal_(sd=1)", "no argument 'sd'"), ("__import__('os')", "unknown"),
                       ("normal_(std=x)", "number"), ("", "text"), ("randn()()", "not an initial value")]:
        with pytest.raises(DefinitionError, match=words):
            parse_init(bad)


def test_the_vocabulary_is_real_torch():
    import torch.nn.functional as F  # noqa: N812

    for name, spelled in FUNCTIONS.items():
        module = F if spelled.startswith("F.") else torch
        assert callable(getattr(module, spelled.rpartition(".")[2])), name
    for name in METHODS:
        assert callable(getattr(torch.Tensor, name)), name
    for name, args in INIT_FUNCTIONS.items():
        function = getattr(nn.init, name)
        assert set(args) <= set(function.__code__.co_varnames), name
    torch_names = {n for n in dir(nn.Module) if not n.startswith("_")} | {"training", "call_super_init",
                                                                            "dump_patches"}
    assert torch_names <= MODULE_ATTRIBUTES | {n for n in torch_names if keyword.iskeyword(n)}


def test_dependency_order_and_cycles():
    a = BlockDefinition("A", (), (ChildSpec("b", "B"),))
    b = BlockDefinition("B", (), (ChildSpec("c", "CenteredLayer"),))
    order = dependency_order({"A": a, "B": b, "CenteredLayer": CENTERED}, lambda n: n == "Linear")
    assert order == ["CenteredLayer", "B", "A"]
    loop = BlockDefinition("B", (), (ChildSpec("a", "A"),))
    with pytest.raises(DefinitionError, match="contain each other"):
        dependency_order({"A": a, "B": loop}, lambda n: False)
    with pytest.raises(DefinitionError, match="Define Nope first"):
        dependency_order({"X": BlockDefinition("X", (), (ChildSpec("n", "Nope"),))}, lambda n: False)
    with pytest.raises(DefinitionError, match="contain itself"):
        BlockDefinition("A", (), (ChildSpec("a", "A"),))


def test_replace_checks_the_copy():
    assert replace(MY_LINEAR, forward="x @ weight").forward == "x @ weight"
    with pytest.raises(DefinitionError):
        replace(MY_LINEAR, forward="x @ nothing")


@pytest.mark.parametrize("definition", [CENTERED, MY_LINEAR, NET, PLAIN_LINEAR])
def test_plain_data_round_trip(definition):
    data = definition_to_data(definition)
    assert definition_from_data(data) == definition
    assert _primitives_only(data)


def _primitives_only(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _primitives_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_primitives_only(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


@pytest.mark.parametrize("data, words", [
    ([], "expected a dict"),
    ({"type": "layer", "name": "A"}, "forward: missing"),
    ({"type": "script", "name": "A"}, "expected 'layer' or 'block'"),
    ({"type": "layer", "name": "A", "forward": "x", "hyperparameters": "n"}, "expected list"),
    ({"type": "layer", "name": "A", "forward": "x", "parameters": [{"name": "w", "shape": [1], "init": "randn"}]},
     "expressions"),
    ({"type": "layer", "name": "A", "forward": "x" * 5000}, "longer than"),
    ({"type": "layer", "name": "A", "forward": "__import__('os').system('echo hi')"}, "cannot call"),
    ({"type": "layer", "name": "A", "forward": "x", "hyperparameters": [["n", 1]] * 40}, "more than 32"),
    ({"type": "block", "name": "B", "children": [{"name": "c", "kind": "Linear", "arguments": [["n", 5]]}]},
     "expression"),
])
def test_bad_data_is_refused_in_words(data, words):
    with pytest.raises(DefinitionError, match=words):
        definition_from_data(data)


def test_lists_of_definitions_are_bounded_and_unique():
    one = definition_to_data(CENTERED)
    with pytest.raises(DefinitionError, match="defined twice"):
        definitions_from_data([one, one])
    with pytest.raises(DefinitionError, match="more than LayerLab opens"):
        definitions_from_data([one] * (MAX_DEFINITIONS + 1))
    assert definitions_from_data([one]) == [CENTERED]
