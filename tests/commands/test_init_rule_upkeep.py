"""Init rules an edit outgrows narrow to the blocks they still fill, and rules left with none are dropped (#17).

A rule that could not be replayed would make "reset parameters" fail, the
saved file unopenable and the exported code crash. Every edit keeps the rules
replayable instead: a rule meets a layer it cannot fill (xavier_uniform_ on a
LayerNorm's 1-D weight, kaiming on a Linear with no inputs) and narrows to
exactly the blocks it filled before; a rule whose chosen blocks were all
deleted goes. Each command: push → undo → redo against snapshots (the rule
objects themselves come back on undo).
"""

from __future__ import annotations

import torch
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import Project
from editor.commands.base import ProjectCommand
from editor.commands.edits import (
    DeleteCommand,
    InsertLayerCommand,
    ReplaceLayerCommand,
    ResetParametersCommand,
    SetHyperparametersCommand,
)
from editor.commands.init import InitializeCommand
from editor.commands.runner import CommandRunner
from editor.model.init.rules import check_rule
from tests.commands.cycle import assert_undo_redo
from tests.commands.design_checks import assert_same, check_round_trip, snapshot


def run_exported(project: Project) -> nn.Sequential:
    """``torch.manual_seed(SEED); build_model()`` of the project's exported code."""
    namespace: dict = {"__name__": "exported"}
    exec(compile(project.to_code(), "<exported>", "exec"), namespace)  # code LayerLab wrote itself
    torch.manual_seed(namespace["SEED"])
    return namespace["build_model"]()


def cycle(project: Project, runner: CommandRunner, command: ProjectCommand) -> None:
    """Run ``command``, then undo → redo → undo → redo against snapshots."""
    before = snapshot(project)
    assert runner.run(command)
    after = snapshot(project)
    assert_undo_redo(runner.stack, lambda: snapshot(project), lambda a, b: assert_same(a, b, command.text()), before,
                     after)
    runner.stack.redo()
    assert_same(snapshot(project), after, "redo")


def replayable(project: Project) -> None:
    """Every rule fits; reset parameters works; the file opens again; exported code runs and gives these values."""
    for rule in project.init_rules:
        check_rule(rule, project.root)
    project.reset_parameters()
    model = run_exported(project)
    mine, theirs = project.model.state_dict(), model.state_dict()
    assert list(mine) == list(theirs)
    assert all(torch.equal(mine[key], theirs[key]) for key in mine)


def start(*modules: nn.Module, seed: int = 3) -> tuple[Project, CommandRunner]:
    torch.manual_seed(0)
    project = Project.from_module(nn.Sequential(*modules), seed=seed)
    project.input_shape = (2, 8)
    return project, CommandRunner(QUndoStack(), project)


def test_a_whole_design_rule_left_with_nothing_to_fill_is_dropped(qapp, tmp_path):
    project, runner = start(nn.Linear(8, 8))
    assert runner.run(InitializeCommand(project, project.make_init_rule("xavier_uniform_")))
    rule = project.init_rules[0]
    cycle(project, runner, ReplaceLayerCommand(project, "0", "LayerNorm"))
    assert project.init_rules == ()
    project.save(tmp_path / "design.pt")
    check_round_trip(project, Project.load(tmp_path / "design.pt"))
    runner.stack.undo()
    assert project.init_rules == (rule,)  # the very rule, back with the Linear
    replayable(project)


def test_a_whole_design_rule_narrows_to_the_blocks_it_filled(qapp, tmp_path):
    project, runner = start(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 4))
    assert runner.run(InitializeCommand(project, project.make_init_rule("xavier_uniform_")))
    linears = [project.layer_for(project[0]), project.layer_for(project[2])]
    cycle(project, runner, InsertLayerCommand(project, "1", "LayerNorm"))
    (rule,) = project.init_rules
    assert rule.layers == tuple(linears) and rule.kind is None
    assert "2 chosen blocks" in rule.describe()
    project.save(tmp_path / "design.pt")
    check_round_trip(project, Project.load(tmp_path / "design.pt"))
    replayable(project)


def test_a_kind_rule_narrows_when_a_block_of_its_kind_outgrows_it(qapp):
    project, runner = start(nn.Conv1d(4, 4, 3, padding=1), nn.Conv1d(4, 4, 3, padding=1), nn.Conv1d(4, 4, 1))
    project.input_shape = (2, 4, 8)
    assert runner.run(InitializeCommand(project, project.make_init_rule("dirac_", kind="Conv1d", groups=2)))
    kept = (project.layer_for(project[0]), project.layer_for(project[2]))
    cycle(project, runner, SetHyperparametersCommand(project, ["1"], {"out_channels": 3}))  # 3 channels, 2 groups
    (rule,) = project.init_rules
    assert rule.layers == kept and rule.kind == "Conv1d"
    assert rule.describe() == "dirac_ on the weights of every Conv1d in 2 chosen blocks"
    replayable(project)


def test_a_rule_whose_chosen_blocks_are_deleted_goes_with_them(qapp):
    project, runner = start(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 4))
    assert runner.run(InitializeCommand(project, project.make_init_rule("zeros_", blocks=["0", "2"])))
    cycle(project, runner, DeleteCommand(project, ["2"]))
    (rule,) = project.init_rules
    assert rule.layers == (project.layer_for(project[0]),)
    cycle(project, runner, DeleteCommand(project, ["0"]))
    assert project.init_rules == ()  # no dead rule left behind
    runner.stack.undo()
    assert rule in project.init_rules


def test_narrowing_keeps_a_seed_exact_design_seed_exact(qapp):
    project = Project(seed=5)
    project.append_layer("Linear", in_features=8, out_features=8)
    project.append_layer("ReLU")
    project.append_layer("Linear", out_features=4)
    project.input_shape = (2, 8)
    runner = CommandRunner(QUndoStack(), project)
    assert runner.run(InitializeCommand(project, project.make_init_rule("xavier_uniform_")))
    assert project.weights_from_seed
    cycle(project, runner, InsertLayerCommand(project, "2", "LayerNorm"))
    assert len(project.init_rules[0].layers) == 2
    values = {key: value.clone() for key, value in project.model.state_dict().items()}
    assert project.weights_from_seed
    assert runner.run(ResetParametersCommand(project))  # not refused: the rule replays
    assert all(torch.equal(values[key], value) for key, value in project.model.state_dict().items())


def test_a_rule_for_a_group_goes_when_the_group_is_deleted(qapp):
    """Found by the machine: a rule for the blocks of a group stayed, targeting nothing, once the group was deleted."""
    project, runner = start(nn.Sequential(nn.Linear(8, 8), nn.ReLU()), nn.Linear(8, 4))
    assert runner.run(InitializeCommand(project, project.make_init_rule("uniform_", blocks=["0"])))
    assert "2 chosen blocks" in project.init_rules[0].describe()  # the Linear and the ReLU inside the group
    cycle(project, runner, DeleteCommand(project, ["0"]))
    assert project.init_rules == ()
