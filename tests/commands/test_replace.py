"""ReplaceDesignCommand: the whole design swapped in one step; push → undo → redo against snapshots."""

from __future__ import annotations

from collections import OrderedDict

import torch
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import Project
from editor.commands.replace import ReplaceDesignCommand
from editor.commands.runner import CommandRunner
from editor.io.files.design_data import design_to_data, project_from_data
from tests.commands.cycle import assert_undo_redo
from tests.commands.test_commands import assert_same, design, snapshot


def full_snapshot(p: Project):
    return (*snapshot(p), p.construction_order(), p.weights_from_seed,
            [n.collapsed for _, n in p.walk() if p.kind(_) is None], design_to_data(p))


def assert_full_same(a, b):
    assert_same(a[:8], b[:8])
    assert a[8:] == b[8:]


def incoming() -> Project:
    """A design with labels, nesting, a shared module and its own seed and input shape."""
    shared = nn.Linear(6, 6)
    body = nn.Sequential(OrderedDict([("hidden", shared), ("act", nn.Tanh()), ("again", shared)]))
    p = Project.from_module(nn.Sequential(OrderedDict([("inp", nn.Linear(4, 6)), ("body", body),
                                                       ("out", nn.Linear(6, 2))])), seed=7)
    p.input_shape = (5, 4)
    return p


def run(project: Project, other: Project):
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    command = ReplaceDesignCommand(project, other)
    assert runner.run(command)
    return stack, command


def test_push_undo_redo_restores_exactly(qapp):
    project = design()
    project.model[0].weight.data.mul_(3)  # values no seed gives: undo must bring these back, not fresh ones
    project.mark_weights_changed()
    before = full_snapshot(project)
    other = incoming()
    expected_repr = repr(other.model)
    expected_values = {k: v.clone() for k, v in other.model.state_dict().items()}
    stack, _ = run(project, other)
    after = full_snapshot(project)
    assert stack.count() == 1 and stack.undoText() == "Apply code"
    assert repr(project.model) == expected_repr
    assert project.seed == 7 and project.input_shape == (5, 4)
    assert project.model.body.hidden is project.model.body.again  # still shared
    state = project.model.state_dict()
    assert list(state) == list(expected_values)
    assert all(torch.equal(state[k], v) for k, v in expected_values.items())
    assert_undo_redo(stack, lambda: full_snapshot(project), assert_full_same, before, after)


def test_the_live_model_object_stays_the_same(qapp):
    project = design()
    model = project.model
    events = []
    project.events.edited.connect(lambda: events.append("edited"))
    run(project, incoming())
    assert project.model is model and events == ["edited"]
    assert len(model) == 3 and list(model._modules) == ["inp", "body", "out"]


def test_construction_order_and_seed_tracking_come_along(qapp):
    """A design read from code keeps the source's construction order, so its weights stay the seed's."""
    source = project_from_data({
        "layers": [{"kind": "Linear", "params": {"in_features": 3, "out_features": 4}, "rank": [1]},
                   {"kind": "Linear", "params": {"in_features": 4, "out_features": 2}, "rank": [0]}],
        "root": {"type": "group", "children": [{"type": "block", "layer": 0}, {"type": "block", "layer": 1}]},
    }, seed=3)
    source.reset_parameters()
    order = source.construction_order()
    assert order == ["1", "0"] and source.weights_from_seed
    project = design()
    stack, _ = run(project, source)
    assert project.construction_order() == ["1", "0"]
    assert project.weights_from_seed
    torch.manual_seed(3)
    second, first = nn.Linear(4, 2), nn.Linear(3, 4)
    assert torch.equal(project.model[0].weight, first.weight)
    assert torch.equal(project.model[1].weight, second.weight)
    stack.undo()
    assert project.construction_order() == design().construction_order()
    assert project.seed == 4


def test_replacing_with_an_empty_design_and_back(qapp):
    project = design()
    before = full_snapshot(project)
    stack, _ = run(project, Project(seed=4))
    assert len(project) == 0 and project.paths() == []
    stack.undo()
    assert_full_same(full_snapshot(project), before)


def test_collapsed_groups_follow(qapp):
    other = incoming()
    other.set_collapsed("1", True)
    project = design()
    run(project, other)
    assert project.node("1").collapsed


def test_init_rules_follow_and_name_this_designs_blocks(qapp):
    other = incoming()
    other.initialize("zeros_", blocks=["0"])
    project = design()
    stack, _ = run(project, other)
    (rule,) = project.init_rules
    assert rule.layers == (project.layer_for(project.model.inp),)
    project.model.inp.weight.data.fill_(1.0)
    with project.transaction("Reset") as tx:
        project.reset_parameters()  # replays the rule on this design's block
    assert torch.count_nonzero(project.model.inp.weight) == 0
    project.revert(tx)  # the later step first: only the latest step can be undone
    stack.undo()
    assert project.init_rules == ()


def test_a_design_read_from_exported_code_replaces_exactly(qapp):
    from editor.model.examples import cnn

    source = cnn(6)
    project = design()
    imported = Project.from_code(source.to_code())
    shape = imported.input_shape
    run(project, imported)
    assert repr(project.model) == repr(source.model) and project.seed == 6
    assert project.weights_from_seed and project.input_shape == shape
    for key, value in source.model.state_dict().items():
        assert torch.equal(project.model.state_dict()[key], value), key


def test_the_input_shape_stays_when_the_code_sets_none_and_it_still_fits(qapp):
    from editor.model.examples import cnn

    project = cnn(0)
    code = project.to_code().replace("nn.Linear(64, 10)", "nn.Linear(64, 12)")
    run(project, Project.from_code(code))
    assert project.input_shape == (8, 1, 28, 28) and project.shape_error is None
    run(project, Project.from_code("from torch import nn\nmodel = nn.Sequential(nn.Linear(4, 3))\n"))
    assert project.input_shape == (1, 4) and project.shape_error is None  # (8, 1, 28, 28) no longer fits


def _autos(project: Project) -> dict[str, frozenset[str]]:
    return {path: project.auto(path) for path, node in project.walk() if not node.is_group and project.auto(path)}


def test_hyperparameters_that_followed_the_input_still_follow_it_after_apply(qapp):
    """Code carries values only; Apply keeps "auto" where the code's value is still the one the input gives."""
    from editor.model.examples import cnn

    project = cnn(0)
    before = _autos(project)
    assert before == {"0.1": {"num_features"}, "1.0": {"in_channels"}, "2.1": {"in_features"},
                      "2.4": {"in_features"}}
    code = project.to_code().replace("nn.Dropout(p=0.25)", "nn.Dropout(p=0.3)")
    stack, _ = run(project, Project.from_code(code))
    assert _autos(project) == before
    with project.transaction("Wider input") as wider:
        project.input_shape = (8, 1, 32, 32)  # the flattened size changes: the head's in_features follows it
    assert project.shape_error is None and project.hyperparameters("2.1")["in_features"] == 32 * 8 * 8
    project.revert(wider)  # only the latest step can be undone, so this one goes first
    stack.undo()
    assert _autos(project) == before


def test_a_value_typed_in_the_code_or_a_new_layer_does_not_become_auto(qapp):
    from editor.model.examples import cnn

    project = cnn(0)
    code = project.to_code().replace("nn.Linear(64, 10)", "nn.Linear(48, 10)").replace(
        "nn.Linear(1568, 64),", "nn.Linear(1568, 64),\n            nn.Linear(64, 64),")
    run(project, Project.from_code(code))
    # 2.2 is new (its 64 only happens to match) and 2.5 has a typed 48 that does not follow the input.
    assert _autos(project) == {"0.1": {"num_features"}, "1.0": {"in_channels"}, "2.1": {"in_features"}}
    assert project.hyperparameters("2.5")["in_features"] == 48 and project.shape_error is not None
