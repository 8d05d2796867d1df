"""Events for every kind of change, and transactions that undo and redo exactly."""

from collections import OrderedDict

import pytest
import torch
from torch import nn

from editor import Project


def snapshot(p: Project):
    return (repr(p.model), [type(m).__name__ for m in p.model.modules()], [id(m) for m in p.model.modules()],
            {k: v.clone() for k, v in p.model.state_dict().items()}, p.input_shape, p.paths())


def same(a, b):
    assert a[0] == b[0] and a[1] == b[1] and a[2] == b[2] and a[4] == b[4] and a[5] == b[5]
    assert list(a[3]) == list(b[3]) and all(torch.equal(a[3][k], b[3][k]) for k in a[3])


def record(p: Project):
    log = []
    for name in ("inserted", "removed", "changed", "moved", "grouped", "ungrouped", "weights_changed",
                 "shapes_changed", "settings_changed", "edited"):
        getattr(p.events, name).connect(lambda *args, n=name: log.append((n, *args)))
    return log


def test_each_operation_announces_itself():
    p = Project(seed=0)
    log = record(p)
    p.append_layer("Linear", in_features=4, out_features=3)
    assert ("inserted", "0") in log and log[-1] == ("edited",)
    log.clear()
    p.append(nn.ReLU())
    p.group(["0", "1"])
    assert ("grouped", "0", 2) in log
    p.move("0.1", "1")
    assert ("moved", "0.1", "1") in log
    p.ungroup("0")
    assert ("ungrouped", "0", 1) in log
    p.set_hyperparameters("0", out_features=5)
    assert ("changed", "0") in log
    p.reset_parameters()
    assert any(entry[0] == "weights_changed" for entry in log)
    p.input_shape = (2, 4)
    assert ("settings_changed", "input_shape") in log
    del p[1]
    assert ("removed", "1") in log


@pytest.mark.parametrize("operation", [
    lambda p: p.insert("1.1", nn.Tanh()),
    lambda p: p.append_layer("Linear", out_features=3),
    lambda p: p.__delitem__("1"),
    lambda p: p.__delitem__(slice(0, 2)),
    lambda p: p.__setitem__("1.0", nn.Sigmoid()),
    lambda p: p.set_hyperparameters("0", out_features=6),
    lambda p: p.set_hyperparameters("1.1", in_features="auto"),
    lambda p: p.move("2", "1.0"),
    lambda p: p.group(["0", "1"]),
    lambda p: p.ungroup("1"),
    lambda p: p.reset_parameters(),
    lambda p: setattr(p, "input_shape", (4, 10)),
    lambda p: p.set_label("2", "head"),
    lambda p: p.apply_fix(p.shape_error.fix),
])
def test_transactions_undo_and_redo_exactly(operation):
    p = Project.from_module(nn.Sequential(
        nn.Linear(10, 8), nn.Sequential(nn.ReLU(), nn.Linear(8, 4)), nn.Linear(3, 2)))
    before = snapshot(p)
    with p.transaction("op") as tx:
        operation(p)
    after = snapshot(p)
    p.revert(tx)
    same(snapshot(p), before)
    p.replay(tx)
    same(snapshot(p), after)
    p.revert(tx)
    same(snapshot(p), before)


def test_every_top_level_operation_reports_its_transaction():
    p = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU()))
    done = []
    p.events.transaction_done.connect(done.append)
    p.set_hyperparameters("0", out_features=2)
    assert len(done) == 1 and done[0].name == "Change Linear" and done[0].keep_values
    before = p[0]
    p.revert(done[0])
    assert p[0] is not before and p[0].out_features == 4
    p.replay(done[0])
    assert p[0] is before


def test_nothing_changed_is_no_step():
    p = Project.from_module(nn.Sequential(nn.Linear(4, 4)))
    done = []
    p.events.transaction_done.connect(done.append)
    p.set_hyperparameters("0", out_features=4)
    assert done == []


def test_undo_of_a_shared_rebuild_restores_every_place():
    shared = nn.Linear(8, 8)
    p = Project.from_module(nn.Sequential(shared, nn.ReLU(), shared))
    with p.transaction() as tx:
        p.set_hyperparameters("2", out_features=8, bias=False)
    assert p[0] is p[2] and p[0] is not shared
    p.revert(tx)
    assert p[0] is shared and p[2] is shared


def test_named_sequential_keeps_its_keys():
    p = Project.from_module(nn.Sequential(OrderedDict([("fc1", nn.Linear(4, 4)), ("act", nn.ReLU())])))
    p.append(nn.Linear(4, 2))
    assert list(p.model._modules) == ["fc1", "act", "2"]
    del p[0]
    assert list(p.model._modules) == ["act", "1"]
    assert p.model.act is p[0]


def test_only_the_latest_step_can_be_reverted_and_only_the_latest_undone_replayed():
    from editor import Project, StructureError

    p = Project()
    p.append_layer("Linear", in_features=20, out_features=10)
    with p.transaction("Append") as first:
        p.append_layer("Linear", out_features=3)
    with p.transaction("Insert") as second:
        p.insert_layer("0", "Tanh")
    before = repr(p.model)
    with pytest.raises(StructureError, match="later steps came after it"):
        p.revert(first)  # would delete the wrong block
    assert repr(p.model) == before
    p.revert(second)
    p.revert(first)
    with pytest.raises(StructureError, match="undone already"):
        p.revert(first)
    with pytest.raises(StructureError, match="not the step undone last"):
        p.replay(second)
    p.replay(first)
    p.replay(second)
    assert repr(p.model) == before
    with pytest.raises(StructureError, match="take a Transaction"):
        p.revert("x")
