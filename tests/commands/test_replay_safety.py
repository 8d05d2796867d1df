"""No exception ever escapes a QUndoCommand's undo or redo into Qt, and a failed step changes nothing (#17).

Qt calls ``undo()`` and ``redo()`` from C++ (``QUndoStack.setIndex`` in a
loop, for the Undo History panel), where a Python exception leaves the stack
half-moved and can take the interpreter down. A replay is all or nothing: a
step that fails all the same (forced here by a step that raises) is taken
back, the design is left exactly as it was, the runner says so in words once,
and the history, which no longer fits the design, is cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from torch import nn

from editor import Project
from editor.commands.edits import DeleteCommand, InsertLayerCommand, SetHyperparametersCommand
from editor.commands.runner import CommandRunner
from editor.commands.sharing import ShareCommand, UnshareCommand
from tests.commands.design_checks import assert_same, check_mirror, snapshot


def broken_step() -> None:
    raise RuntimeError("a step that cannot be replayed")


def history(project: Project) -> tuple[CommandRunner, list[str], list]:
    """Three commands run on a fresh stack; the messages the runner sends; a snapshot after each."""
    runner = CommandRunner(QUndoStack(), project)
    messages: list[str] = []
    runner.failed.connect(messages.append)
    snapshots = [snapshot(project)]
    for make in (lambda: InsertLayerCommand(project, "1", "ReLU"),
                 lambda: SetHyperparametersCommand(project, ["0"], {"out_features": 6}),
                 lambda: DeleteCommand(project, ["2"])):
        assert runner.run(make())
        snapshots.append(snapshot(project))
    return runner, messages, snapshots


def design() -> Project:
    project = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 4)), seed=1)
    project.input_shape = (2, 8)
    return project


def break_undo(command, index: int = 0) -> None:
    """Make the undo of step ``index`` of the command's transaction raise."""
    tx = command.transactions[0]
    tx.steps[index] = (broken_step, tx.steps[index][1])


def test_a_failed_undo_changes_nothing_says_why_and_clears_the_history(qapp):
    project = design()
    runner, messages, snapshots = history(project)
    stack = runner.stack
    command = stack.command(2)
    break_undo(command, 0)  # the first step fails last (undo runs them backwards): the others are taken back
    stack.undo()  # nothing escapes
    assert command.replay_error is not None and "a step that cannot be replayed" in command.replay_error
    assert "undo history" in command.replay_error
    assert_same(snapshot(project), snapshots[3], "after a failed undo")
    check_mirror(project)
    assert messages == [command.replay_error]
    stack.undo()  # Qt's index moved: the next undo is refused by the design, changing nothing, said once
    assert_same(snapshot(project), snapshots[3], "after a refused undo")
    assert len(messages) == 1
    QCoreApplication.processEvents()  # the history is cleared once Qt is done with the stack
    assert stack.count() == 0
    assert runner.run(InsertLayerCommand(project, "0", "ReLU"))  # editing and undoing go on as usual
    stack.undo()
    assert_same(snapshot(project), snapshots[3], "undo after the history was cleared")


def test_set_index_over_a_failing_step_does_not_crash(qapp):
    project = design()
    runner, messages, snapshots = history(project)
    stack = runner.stack
    break_undo(stack.command(1), 0)
    stack.setIndex(0)  # the Undo History panel: undo() in a C++ loop
    assert_same(snapshot(project), snapshots[2], "the step above the failing one undone, nothing below it")
    assert stack.command(2).replay_error is None and stack.command(1).replay_error is not None
    assert len(messages) == 1
    QCoreApplication.processEvents()
    assert stack.count() == 0


def test_a_failed_redo_changes_nothing(qapp):
    project = design()
    runner, messages, snapshots = history(project)
    stack = runner.stack
    stack.undo()
    tx = stack.command(2).transactions[0]
    tx.steps[-1] = (tx.steps[-1][0], broken_step)
    stack.redo()
    assert_same(snapshot(project), snapshots[2], "after a failed redo")
    assert stack.command(2).replay_error is not None and len(messages) == 1


def test_sharing_a_group_is_refused_in_words(qapp):
    project = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 4)), nn.Linear(4, 4)))
    runner = CommandRunner(QUndoStack(), project)
    messages: list[str] = []
    runner.failed.connect(messages.append)
    before = snapshot(project)
    assert not runner.run(ShareCommand(project, ["0", "1"], keep="0"))
    assert not runner.run(ShareCommand(project, ["1", "0.0"], keep="0"))
    assert not runner.run(UnshareCommand(project, "0", "copy"))
    assert len(messages) == 3 and all("group" in m or "keep" in m for m in messages), messages
    assert_same(snapshot(project), before, "refused")
    assert runner.stack.count() == 0
