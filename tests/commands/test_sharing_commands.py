"""Sharing commands: push → undo → redo restore structure, identity (``is``) and values bit for bit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import Project
from editor.commands.runner import CommandRunner
from editor.commands.sharing import RepeatCommand, ShareCommand, UnshareCommand, UseAgainCommand
from tests.commands.cycle import assert_undo_redo
from tests.commands.test_commands import assert_same


def design() -> Project:
    p = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(),
                                          nn.Sequential(nn.Linear(8, 8), nn.Tanh()), nn.Linear(8, 2)), seed=3)
    p.input_shape = (2, 8)
    return p


def snapshot(p: Project):
    ids: dict[int, int] = {}
    tied = [ids.setdefault(id(m), len(ids)) for _, m in p.model.named_modules(remove_duplicate=False)]
    state = p.model.state_dict()
    return (repr(p.model), tied, {k: v.clone() for k, v in state.items()}, p.input_shape, p.seed, p.device,
            p.paths(), [str(e) for e in p.shape_errors()])


def shared_design() -> Project:
    p = design()
    p.share("0", "2")
    return p


COMMANDS = {
    "share": (design, lambda p: ShareCommand(p, ["0", "2", "4.0"], keep="2")),
    "unshare copy": (shared_design, lambda p: UnshareCommand(p, "2", "copy")),
    "unshare reinit": (shared_design, lambda p: UnshareCommand(p, "0", "reinit")),
    "use again": (design, lambda p: UseAgainCommand(p, "2", at="5")),
    "use group again": (design, lambda p: UseAgainCommand(p, "4", at="5")),
    "repeat shared": (design, lambda p: RepeatCommand(p, "4", 3, shared=True)),
    "repeat copies": (design, lambda p: RepeatCommand(p, "0", 2, shared=False)),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_push_undo_redo(qapp, name):
    make, command_for = COMMANDS[name]
    project = make()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    before = snapshot(project)
    command = command_for(project)
    assert runner.run(command)
    after = snapshot(project)
    assert after[1] != before[1] or name.startswith("unshare")
    assert stack.count() == 1 and stack.undoText() == command.text()
    assert_undo_redo(stack, lambda: snapshot(project), assert_same, before, after)


def test_a_refused_share_says_why_and_changes_nothing(qapp):
    project = Project.from_module(nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16)))
    project.input_shape = (2, 8)
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    messages: list[str] = []
    runner.failed.connect(messages.append)
    before = snapshot(project)
    assert not runner.run(ShareCommand(project, ["0", "2"], keep="0"))
    assert stack.count() == 0 and "one Linear cannot take both" in messages[0]
    assert_same(snapshot(project), before)
