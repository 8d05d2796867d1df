"""The one-click fix of a shape error lets a hyperparameter follow the input where it can (issue #18)."""

from __future__ import annotations

import pytest
from torch import nn

from editor import Project


def cnn(in_features: int) -> Project:
    return Project.from_module(nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                             nn.Flatten(), nn.Linear(in_features, 10)))


def test_the_fix_lets_in_features_follow_the_input_rather_than_pinning_a_number():
    p = cnn(100)
    fix = p.shape_error.fix
    assert fix.label == "Let in_features follow the input (12544) on block 4"
    assert [(s.op, s.params) for s in fix.steps] == [("set_params", {"in_features": "auto"})]
    p.apply_fix(fix)
    assert p.shape_error is None and p[4].in_features == 12544 and p.auto("4") == {"in_features"}
    p.set_hyperparameters("0", out_channels=32)  # the learner changes the layers before it: it keeps fitting
    assert p.shape_error is None and p[4].in_features == 6272


def test_insert_flatten_and_follow_the_input():
    p = Project.from_module(nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.MaxPool2d(4), nn.Linear(100, 10)))
    fix = p.shape_error.fix
    assert fix.label == "Insert Flatten and let in_features follow the input (3136)"
    assert [s.op for s in fix.steps] == ["set_params", "insert"] and fix.steps[0].params == {"in_features": "auto"}
    p.apply_fix(fix)
    assert p.shape_error is None and p[3].in_features == 3136 and p.auto("3") == {"in_features"}


def test_the_fix_is_one_undo_step_that_brings_the_number_back():
    p = cnn(100)
    with p.transaction("fix") as tx:
        p.apply_fix(p.shape_error.fix)
    p.revert(tx)
    assert p[4].in_features == 100 and p.auto("4") == frozenset() and p.shape_error is not None


@pytest.mark.parametrize(("layers", "path", "name", "value"), [
    ([nn.Conv2d(1, 8, 3), nn.Conv2d(4, 8, 3)], "1", "in_channels", 8),
    ([nn.Conv1d(1, 8, 3), nn.ConvTranspose1d(3, 2, 3)], "1", "in_channels", 8),
    ([nn.Conv2d(1, 8, 3), nn.BatchNorm2d(4)], "1", "num_features", 8),
    ([nn.Linear(20, 10), nn.BatchNorm1d(4)], "1", "num_features", 10),
    ([nn.Conv2d(1, 8, 3), nn.GroupNorm(2, 4)], "1", "num_channels", 8),
    ([nn.Linear(20, 16), nn.LayerNorm(4)], "1", "normalized_shape", (16,)),
    ([nn.Linear(20, 16), nn.TransformerEncoderLayer(8, 2, 32, batch_first=True)], "1", "d_model", 16),
])
def test_each_following_hyperparameter_is_fixed_by_following(layers, path, name, value):
    p = Project.from_module(nn.Sequential(*layers))
    p.input_shape = (2, *p.input_shape[1:])
    error = p.shape_error
    assert error is not None and error.path == path
    assert error.fix.steps[-1].op == "set_params" and error.fix.steps[0].params == {name: "auto"}
    assert error.fix.label.startswith(f"Let {name} follow the input")
    p.apply_fix(error.fix)
    assert p.shape_error is None and p.hyperparameters(path)[name] == value and p.auto(path) == {name}


@pytest.mark.parametrize(("layers", "label", "params"), [
    ([nn.Conv2d(1, 8, 3), nn.LayerNorm((4, 4))], "Set normalized_shape=(26, 26) on block 1",
     {"normalized_shape": (26, 26)}),  # "auto" would follow one dimension only
    ([nn.Conv2d(1, 8, 3), nn.PReLU(3)], "Set num_parameters=8 on block 1", {"num_parameters": 8}),
])
def test_a_value_that_cannot_follow_the_input_is_set(layers, label, params):
    p = Project.from_module(nn.Sequential(*layers))
    fix = p.shape_error.fix
    assert fix.label == label and fix.steps[0].params == params
    p.apply_fix(fix)
    assert p.shape_error is None
