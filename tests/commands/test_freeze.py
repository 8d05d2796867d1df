"""Freezing parameters as undo steps: push → undo → redo, compared with snapshots (requires_grad included)."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtGui import QUndoStack

from editor import Project
from editor.commands.edits import SetHyperparametersCommand
from editor.commands.freeze import SetRequiresGradCommand
from editor.commands.runner import CommandRunner
from editor.model import examples
from tests.commands.cycle import assert_undo_redo


def snapshot(p: Project):
    return ([(n, t.requires_grad) for n, t in p.model.named_parameters(remove_duplicate=False)],
            {k: v.clone() for k, v in p.model.state_dict().items()}, repr(p.model), p.paths())


def assert_same(a, b):
    assert a[0] == b[0] and a[2:] == b[2:]
    assert list(a[1]) == list(b[1]) and all(torch.equal(a[1][k], b[1][k]) for k in a[1])


def run(project: Project, command) -> tuple[QUndoStack, bool]:
    stack = QUndoStack()
    return stack, CommandRunner(stack, project).run(command)


CASES = {
    "one weight": ("0", "weight", False, ["0.weight"]),
    "a whole block": ("2", None, False, ["2.weight", "2.bias", "4.weight", "4.bias"]),
    "a shared bias": ("4", "bias", False, ["2.bias", "4.bias"]),
}


@pytest.mark.parametrize("case", CASES)
def test_push_undo_redo(qapp, case):
    path, name, flag, changed = CASES[case]
    project = examples.tied()
    before = snapshot(project)
    command = SetRequiresGradCommand(project, path, name, flag)
    stack, done = run(project, command)
    assert done and stack.count() == 1 and stack.undoText() == command.text()
    after = snapshot(project)
    assert [n for n, grad in after[0] if not grad] == changed
    assert_undo_redo(stack, lambda: snapshot(project), assert_same, before, after)


def test_unfreeze_after_freeze_undoes_in_order(qapp):
    project = examples.mlp()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    runner.run(SetRequiresGradCommand(project, "0", "weight", False))
    runner.run(SetRequiresGradCommand(project, "0", None, True))
    assert project.frozen("0") == [] and stack.count() == 2
    stack.undo()
    assert project.frozen("0") == ["weight"]
    stack.undo()
    assert project.frozen("0") == []
    assert stack.undoText() == "" and stack.redoText() == "Freeze 0.weight"


def test_no_change_is_no_undo_step(qapp):
    project = examples.mlp()
    stack, done = run(project, SetRequiresGradCommand(project, "0", "weight", True))  # already trainable
    assert not done and stack.count() == 0


def test_refused_freeze_says_why(qapp):
    project = examples.mlp()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    messages: list[str] = []
    runner.failed.connect(messages.append)
    assert not runner.run(SetRequiresGradCommand(project, "1", None, False))
    assert stack.count() == 0 and "ReLU has no parameters" in messages[0]


def test_undo_across_a_rebuild_restores_the_old_module_frozen(qapp):
    project = examples.mlp()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    runner.run(SetRequiresGradCommand(project, "2", "weight", False))
    frozen_module = project[2]
    runner.run(SetHyperparametersCommand(project, ["2"], {"out_features": 7}))
    assert project[2] is not frozen_module and project.frozen("2") == ["weight"]  # a new module, still frozen
    stack.undo()
    assert project[2] is frozen_module and project.frozen("2") == ["weight"]
    stack.undo()
    assert project.frozen("2") == []
