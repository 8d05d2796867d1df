"""Custom-layer commands: push → undo → redo restore definitions, modules and values bit for bit."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import Project
from editor.commands.custom import DefineBlockCommand, DefineLayerCommand, MakeBlockCommand, RemoveDefinitionCommand
from editor.commands.runner import CommandRunner
from editor.model.custom.definitions import replace
from tests.commands.cycle import assert_undo_redo
from tests.model.custom.textbook import CENTERED, MY_LINEAR, NET


def design() -> Project:
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(8, 6), nn.ReLU(), nn.Linear(6, 2)), nn.Tanh()),
                            seed=3)
    p.input_shape = (2, 8)
    p.define_layer(MY_LINEAR)
    p.append_layer("MyLinear", in_units=2, units=3)
    with torch.no_grad():
        p.model[2].weight.mul_(2)  # values that are not the seed's: undo must bring these back, not fresh ones
    return p


def snapshot(p: Project):
    state = p.model.state_dict()
    return (repr(p.model), {k: v.clone() for k, v in state.items()}, dict(p.definitions), p.paths(),
            [str(e) for e in p.shape_errors()], [p.kind(x).name if p.kind(x) else None for x in p.paths()])


def assert_same(a, b) -> None:
    assert a[0] == b[0] and a[2] == b[2] and a[3:] == b[3:]
    assert list(a[1]) == list(b[1]) and all(torch.equal(a[1][k], b[1][k]) for k in a[1])


COMMANDS = {
    "define layer": lambda p: DefineLayerCommand(p, CENTERED),
    "edit layer": lambda p: DefineLayerCommand(p, replace(MY_LINEAR, forward="tanh(x @ weight) + bias")),
    "define block": lambda p: DefineBlockCommand(p, NET),
    "make block": lambda p: MakeBlockCommand(p, "0", "Mlp", {"n": ["0.in_features"], "h": ["0.out_features",
                                                                                          "2.in_features"]}),
    "remove": lambda p: RemoveDefinitionCommand(p, "CenteredLayer"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_push_undo_redo(qapp, name):
    project = design()
    if name == "remove":
        project.define_layer(CENTERED)
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    command = COMMANDS[name](project)
    before = snapshot(project)
    assert runner.run(command)
    after = snapshot(project)
    assert (after[0], after[2], after[3]) != (before[0], before[2], before[3])
    assert stack.count() == 1 and stack.undoText() == command.text()
    assert_undo_redo(stack, lambda: snapshot(project), assert_same, before, after)


def test_texts_and_the_new_blocks_path(qapp):
    project = design()
    assert DefineLayerCommand(project, MY_LINEAR).text() == "Edit MyLinear"
    assert DefineLayerCommand(project, CENTERED).text() == "Define CenteredLayer"
    stack = QUndoStack()
    command = MakeBlockCommand(project, "0", "Mlp", {})
    assert CommandRunner(stack, project).run(command)
    assert command.path == "0" and project.kind("0").name == "Mlp"


def test_a_refused_command_never_reaches_the_stack(qapp):
    project = design()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    before = snapshot(project)
    messages: list[str] = []
    runner.failed.connect(messages.append)
    assert not runner.run(RemoveDefinitionCommand(project, "MyLinear"))
    assert stack.count() == 0 and "still used by block 2" in messages[0]
    assert_same(snapshot(project), before)
