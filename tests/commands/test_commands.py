"""Every command: push → undo → redo, compared with snapshots (parameters included)."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import Project
from editor.commands.edits import (
    ApplyFixCommand,
    DeleteCommand,
    DeviceCommand,
    GroupCommand,
    InsertLayerCommand,
    InsertModulesCommand,
    MoveCommand,
    RenameCommand,
    ResetParametersCommand,
    SetHyperparametersCommand,
    SetInputShapeCommand,
    SetSeedCommand,
    UngroupCommand,
)
from editor.commands.runner import CommandRunner
from tests.commands.cycle import assert_undo_redo


def design() -> Project:
    return Project.from_module(nn.Sequential(
        nn.Linear(10, 8), nn.Sequential(nn.ReLU(), nn.Linear(8, 4), nn.Dropout(0.2)), nn.Linear(3, 2)), seed=4)


def snapshot(p: Project):
    state = p.model.state_dict()
    return (repr(p.model), [id(m) for m in p.model.modules()], {k: v.clone() for k, v in state.items()},
            p.input_shape, p.seed, p.device, p.paths(), [str(e) for e in p.shape_errors()])


def assert_same(a, b):
    assert a[0] == b[0] and a[1] == b[1] and a[3:] == b[3:]
    assert list(a[2]) == list(b[2])
    for key in a[2]:
        assert torch.equal(a[2][key], b[2][key]), key


COMMANDS = {
    "insert": lambda p: InsertLayerCommand(p, "1.1", "Tanh"),
    "insert linear": lambda p: InsertLayerCommand(p, "3", "Linear", {"out_features": 6}),
    "paste": lambda p: InsertModulesCommand(p, "0", [nn.Linear(10, 10), nn.ReLU()]),
    "delete": lambda p: DeleteCommand(p, ["1.1", "2"]),
    "delete group": lambda p: DeleteCommand(p, ["1"]),
    "move": lambda p: MoveCommand(p, ["2"], "1", 1),
    "move two": lambda p: MoveCommand(p, ["1.0", "1.1"], "", 3),
    "group": lambda p: GroupCommand(p, ["0", "1"]),
    "ungroup": lambda p: UngroupCommand(p, "1"),
    "set params": lambda p: SetHyperparametersCommand(p, ["0"], {"out_features": 6}),
    "set auto": lambda p: SetHyperparametersCommand(p, ["2"], {"in_features": "auto"}),
    "fix": lambda p: ApplyFixCommand(p, p.shape_error.fix),
    "rename": lambda p: RenameCommand(p, "1", "body"),
    "input shape": lambda p: SetInputShapeCommand(p, (5, 10)),
    "seed": lambda p: SetSeedCommand(p, 99),
    "reset": lambda p: ResetParametersCommand(p),
    "device": lambda p: DeviceCommand(p, "cpu"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_push_undo_redo(qapp, name):
    project = design()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    before = snapshot(project)
    command = COMMANDS[name](project)
    changed = runner.run(command)
    after = snapshot(project)
    if not changed:  # e.g. moving to the device it is already on: nothing to undo
        assert stack.count() == 0
        assert_same(after, before)
        return
    assert stack.count() == 1 and stack.undoText() == command.text()
    assert_undo_redo(stack, lambda: snapshot(project), assert_same, before, after)


def test_refused_command_changes_nothing_and_says_why(qapp):
    project = design()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    messages = []
    runner.failed.connect(messages.append)
    before = snapshot(project)
    assert not runner.run(SetHyperparametersCommand(project, ["0"], {"out_features": -1}))
    assert stack.count() == 0 and "out_features" in messages[0]
    assert_same(snapshot(project), before)


def test_successive_edits_of_one_field_merge(qapp):
    project = design()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    before = snapshot(project)
    for value in (5, 6, 7):
        runner.run(SetHyperparametersCommand(project, ["0"], {"out_features": value}))
    assert stack.count() == 1 and project[0].out_features == 7
    stack.undo()
    assert_same(snapshot(project), before)
    stack.redo()
    assert project[0].out_features == 7


def test_menu_texts_name_the_layer(qapp):
    project = design()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    runner.run(InsertLayerCommand(project, "0", "Linear", {"in_features": 10, "out_features": 10}))
    undo = stack.createUndoAction(None)
    assert undo.text() == "Undo Insert Linear"


OPS = ["insert", "delete", "move", "group", "ungroup", "set", "paste"]


@settings(max_examples=30)
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**6)), min_size=5, max_size=25))
def test_random_command_sequences_undo_to_the_original(qapp, ops):
    project = design()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    original = snapshot(project)
    for op, pick in ops:
        paths = project.paths()
        groups = [p for p in paths if project.kind(p) is None]
        blocks = [p for p in paths if project.kind(p) is not None]
        if op == "insert":
            target = paths[pick % len(paths)] if paths else "0"
            runner.run(InsertLayerCommand(project, target, ["ReLU", "Linear", "LayerNorm"][pick % 3]))
        elif op == "delete" and paths:
            runner.run(DeleteCommand(project, [paths[pick % len(paths)]]))
        elif op == "move" and paths:
            source = paths[pick % len(paths)]
            runner.run(MoveCommand(project, [source], "", pick % (len(project) + 1)))
        elif op == "group" and paths:
            runner.run(GroupCommand(project, [paths[pick % len(paths)]]))
        elif op == "ungroup" and groups:
            runner.run(UngroupCommand(project, groups[pick % len(groups)]))
        elif op == "set":
            linears = [p for p in blocks if project.kind(p).name == "Linear"]
            if linears:
                change = {"out_features": 2 + pick % 5}
                runner.run(SetHyperparametersCommand(project, [linears[pick % len(linears)]], change))
        elif op == "paste" and blocks:
            import copy

            runner.run(InsertModulesCommand(project, "0", [copy.deepcopy(project[blocks[pick % len(blocks)]])]))
    while stack.canUndo():
        stack.undo()
    assert_same(snapshot(project), original)
    while stack.canRedo():
        stack.redo()
    while stack.canUndo():
        stack.undo()
    assert_same(snapshot(project), original)
