"""Issue #13: a move in two steps, so that a window copies the tensors on a worker thread.

This machine may have no GPU, so the moves here go to ``cpu:0``: a device torch
tells apart from ``cpu`` (a move happens, with real copies), where values can
still be read back.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.errors import RunError


def project_with_grads() -> Project:
    p = Project.from_module(nn.Sequential(nn.Linear(6, 5), nn.BatchNorm1d(5), nn.Linear(5, 2)), seed=3)
    p.model(torch.randn(4, 6)).sum().backward()  # gradients move with their parameters
    return p


def test_the_copies_made_off_the_gui_thread_are_swapped_in():
    p = project_with_grads()
    params = list(p.model.parameters())
    before = {name: t.clone() for name, t in p.model.state_dict().items()}
    grads = [q.grad.clone() for q in params]
    prepared = p.prepare_move("cpu:0")
    reports = []
    prepared.copy(lambda fraction, text: reports.append((fraction, text)))
    assert reports[-1][0] == pytest.approx(1.0) and "copied to cpu:0" in reports[-1][1]
    copies = [prepared.copies[id(q)][0].data_ptr() for q in params]
    p.to("cpu:0", prepared=prepared)
    assert p.device == "cpu:0"
    assert list(p.model.parameters()) == params  # the same Parameter objects, as module.to() keeps them
    assert [q.data_ptr() for q in params] == copies  # the copies made on the worker, not new ones
    for name, tensor in p.model.state_dict().items():
        assert torch.equal(tensor, before[name]), name
    assert all(torch.equal(q.grad, g) for q, g in zip(params, grads, strict=True))
    assert prepared.tensors == [] and prepared.copies == {}  # nothing held after the move


def test_a_tensor_changed_after_its_copy_is_copied_again():
    p = project_with_grads()
    prepared = p.prepare_move("cpu:0")
    prepared.copy()
    with torch.no_grad():
        p.model[0].weight.mul_(2)  # e.g. a training-mode forward moved BatchNorm's statistics meanwhile
        p.model[1].running_mean.add_(1)
    expected = {name: t.clone() for name, t in p.model.state_dict().items()}
    p.to("cpu:0", prepared=prepared)
    for name, tensor in p.model.state_dict().items():
        assert torch.equal(tensor, expected[name]), name


def test_a_cancelled_copy_moves_nothing():
    p = project_with_grads()
    prepared = p.prepare_move("cpu:0")
    with pytest.raises(RunError, match="cancelled: the model stays where it was"):
        prepared.copy(cancelled=lambda: True)
    assert p.device == "cpu"


def test_a_move_with_copies_is_one_undo_step_like_any_other():
    p = project_with_grads()
    before = {name: t.clone() for name, t in p.model.state_dict().items()}
    prepared = p.prepare_move("cpu:0")
    prepared.copy()
    with p.transaction("Move") as tx:
        p.to("cpu:0", prepared=prepared)
    p.revert(tx)
    assert p.device == "cpu"
    p.replay(tx)  # redo moves again, without the (released) copies
    assert p.device == "cpu:0"
    for name, tensor in p.model.state_dict().items():
        assert torch.equal(tensor, before[name]), name


def test_copies_for_another_device_are_not_used():
    p = project_with_grads()
    prepared = p.prepare_move("cpu:0")
    prepared.copy()
    p.to("cpu:1", prepared=prepared)  # a different target than the copies were made for
    assert p.device == "cpu:1"
