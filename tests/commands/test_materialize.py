"""MaterializeCommand: push allocates the layers kept unallocated, undo frees them again, redo is exact (#16)."""

from __future__ import annotations

import torch
from PySide6.QtGui import QUndoStack

from editor import Project
from editor.commands.allocation import MaterializeCommand
from editor.commands.runner import CommandRunner
from tests.commands.cycle import assert_undo_redo


def snapshot(p: Project):
    state = {k: (v.is_meta, v.clone() if not v.is_meta else v.shape) for k, v in p.model.state_dict().items()}
    return p.unallocated(), state, repr(p.model), p.weights_from_seed


def assert_same(a, b) -> None:
    assert a[0] == b[0] and a[2:] == b[2:] and list(a[1]) == list(b[1])
    for key, (meta, value) in a[1].items():
        assert b[1][key][0] == meta
        assert value == b[1][key][1] if meta else torch.equal(value, b[1][key][1])


def test_push_undo_redo(qapp, free) -> None:
    p = Project(seed=2)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)
    p.append_layer("Linear", in_features=2000, out_features=3)
    before = snapshot(p)
    assert before[0] == ["0"]
    free["bytes"] = 10**9
    stack = QUndoStack()
    command = MaterializeCommand(p, "0")
    assert command.text() == "Materialize block 0"
    assert CommandRunner(stack, p).run(command)
    after = snapshot(p)
    assert after[0] == [] and after[3] is True
    assert_undo_redo(stack, lambda: snapshot(p), assert_same, before, after)


def test_refused_when_memory_is_short_changes_nothing(qapp, free) -> None:
    p = Project(seed=2)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)
    stack = QUndoStack()
    runner = CommandRunner(stack, p)
    said: list[str] = []
    runner.failed.connect(said.append)
    assert not runner.run(MaterializeCommand(p))
    assert said == ["Materializing the design needs 39.1 KiB of memory, but only 29.3 KiB is free. Make its layers "
                    "smaller, or close other programs and try again."]
    assert p.unallocated() == ["0"] and stack.count() == 0
