"""Duplicate (copied or fresh weights), Replace with… and Set seed: push → undo → redo against snapshots."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtGui import QUndoStack

from editor import Project
from editor.commands.edits import ApplySeedCommand, DuplicateCommand, ReplaceLayerCommand
from editor.commands.runner import CommandRunner
from tests.commands.cycle import assert_undo_redo
from tests.commands.test_commands import assert_same, design, snapshot


def built() -> Project:
    """Linear(20 → 10), ReLU, Linear(auto → 5) built from seed 2: the weights are the seed's."""
    p = Project(seed=2)
    p.input_shape = (3, 20)
    p.append_layer("Linear", out_features=10)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=5)
    return p


def inner(p: Project) -> str:
    """A block inside the group of :func:`design`, or the middle block of :func:`built`."""
    return "1.1" if p.node("1").is_group else "1"


COMMANDS = {
    "duplicate": lambda p: DuplicateCommand(p, [inner(p)]),
    "duplicate fresh": lambda p: DuplicateCommand(p, [inner(p)], fresh=True),
    "duplicate several fresh": lambda p: DuplicateCommand(p, ["0", "1"], fresh=True),
    "replace": lambda p: ReplaceLayerCommand(p, inner(p), "Sigmoid"),
    "replace a group or block": lambda p: ReplaceLayerCommand(p, "1", "Identity"),
    "set seed": lambda p: ApplySeedCommand(p, 42),
}


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("make", [design, built], ids=["nested, adopted", "built from the seed"])
def test_push_undo_redo(qapp, name, make):
    project = make()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    before = snapshot(project)
    command = COMMANDS[name](project)
    assert runner.run(command)
    after = snapshot(project)
    assert stack.count() == 1 and stack.undoText() == command.text()
    assert_undo_redo(stack, lambda: snapshot(project), assert_same, before, after)


def test_undo_texts_say_what_happened(qapp):
    project = built()
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    runner.run(DuplicateCommand(project, ["0"]))
    runner.run(DuplicateCommand(project, ["0", "1"], fresh=True))
    runner.run(ReplaceLayerCommand(project, "4", "Tanh"))  # Linear, its copy, two fresh ones, then ReLU
    assert [stack.text(i) for i in range(stack.count())] == [
        "Duplicate Linear", "Duplicate 2 blocks with fresh weights", "Replace ReLU with Tanh"]


def test_duplicate_command_reports_where_the_copies_are(qapp):
    project = built()
    command = DuplicateCommand(project, ["0", "1"])
    assert CommandRunner(QUndoStack(), project).run(command)
    assert command.result == ["2", "3"] and project.auto("4") == frozenset({"in_features"})


def test_set_seed_rebuilds_the_weights_from_it_and_seeds_typed_in_a_row_merge(qapp):
    project = built()
    project[0].weight.data.zero_()  # trained, say: values no seed gives
    project.mark_weights_changed()
    trained = snapshot(project)
    stack = QUndoStack()
    runner = CommandRunner(stack, project)
    for seed in (4, 42):
        assert runner.run(ApplySeedCommand(project, seed))
    assert stack.count() == 1 and stack.undoText() == "Set seed 42"
    assert project.seed == 42 and project.weights_from_seed
    reference = built()
    reference.seed = 42
    reference.reset_parameters()
    assert all(torch.equal(a, b) for a, b in zip(project.model.state_dict().values(),
                                                 reference.model.state_dict().values(), strict=True))
    stack.undo()
    assert_same(snapshot(project), trained)  # the trained values come back exactly, and the seed 2
