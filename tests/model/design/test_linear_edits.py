"""Edits cost the same in a design of 10 or 1,000 blocks: what an edit touches is counted, never timed (#16).

An insert or delete renumbers one Sequential in one copy (as torch's own insert does), a hyperparameter
change writes one slot of the mirror, a single stale node is not ordered against its siblings, and only
shared layers are reviewed for shared-shape errors. Each test also checks that the live model is exactly
what plain PyTorch would hold.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.design import core, shape_inference, tree


def keys_and_modules(project: Project, path: str = "") -> list[tuple[str, int]]:
    group = project.model if not path else project.model.get_submodule(path)
    return [(key, id(module)) for key, module in group.named_children()]


@pytest.fixture
def counted(monkeypatch):
    """Counts of full resyncs of a group, of order keys worked out, and of shared layers reviewed."""
    counts = {"sync": 0, "order": 0, "review": 0}
    real_sync, real_order = tree.sync, shape_inference.ShapeEngine._order_key
    real_review = shape_inference.ShapeEngine._review_layer

    def sync(group):
        counts["sync"] += 1
        real_sync(group)

    def order(self, node):
        counts["order"] += 1
        return real_order(self, node)

    def review(self, layer):
        counts["review"] += 1
        return real_review(self, layer)

    monkeypatch.setattr(core, "sync", sync)
    monkeypatch.setattr(tree, "sync", sync)  # the mirror helpers (tree.sync_after_*) call it there
    monkeypatch.setattr(shape_inference.ShapeEngine, "_order_key", order)
    monkeypatch.setattr(shape_inference.ShapeEngine, "_review_layer", review)
    return counts


def test_edits_in_the_middle_never_resync_or_order_the_whole_group(counted):
    torch.manual_seed(0)
    plain = nn.Sequential(*[nn.Linear(8, 8) for _ in range(300)])
    project = Project.from_module(plain)
    project.input_shape = (2, 8)
    counted.update(sync=0, order=0, review=0)  # building the design synced it once
    relu = nn.ReLU()
    project.insert(150, relu)
    del project[40]
    project.set_hyperparameters("100", bias=False)
    project.insert(len(project), nn.Tanh())  # an append
    del project[len(project) - 1]
    assert counted == {"sync": 0, "order": 0, "review": 0}
    assert [key for key, _ in keys_and_modules(project)] == [str(i) for i in range(300)]
    assert project.model[149] is relu and project.model[100].bias is None
    assert [id(m) for m in project.model] == [id(project[i]) for i in range(len(project))]
    assert project.model(torch.ones(2, 8)).shape == (2, 8)


def test_undo_and_redo_of_a_middle_insert_restore_exactly_the_modules_and_keys():
    project = Project.from_module(nn.Sequential(*[nn.Linear(4, 4) for _ in range(20)]))
    before = keys_and_modules(project)
    weights = {k: v.clone() for k, v in project.model.state_dict().items()}
    with project.transaction() as tx:
        project.insert(7, nn.ReLU())
        project.set_hyperparameters("12", out_features=4, bias=False)
    after = keys_and_modules(project)
    project.revert(tx)
    assert keys_and_modules(project) == before
    assert all(torch.equal(v, weights[k]) for k, v in project.model.state_dict().items())
    project.replay(tx)
    assert keys_and_modules(project) == after


def test_labeled_groups_and_direct_edits_still_resync(counted):
    project = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4)))
    project.set_label("1", "act")
    counted["sync"] = 0
    project.insert(1, nn.Tanh())  # a label in the group: renumbering by position would be wrong
    assert counted["sync"] == 1
    assert [key for key, _ in keys_and_modules(project)] == ["0", "1", "act", "3"]
    project.model[0] = nn.Linear(4, 4)  # behind the Project's back: the next edit adopts it first
    project.set_hyperparameters("0", bias=False)
    assert project.model[0].bias is None and project[0] is project.model[0]
    del project[1]
    assert [key for key, _ in keys_and_modules(project)] == ["0", "act", "2"]


def test_a_hyperparameter_change_writes_the_one_slot_of_every_place_of_a_shared_module(counted):
    shared = nn.Linear(6, 6)
    project = Project.from_module(nn.Sequential(shared, nn.ReLU(), shared, nn.Sequential(nn.Tanh(), shared)))
    counted["sync"] = 0
    project.set_hyperparameters("2", bias=False)
    new = project.model[0]
    assert new is not shared and new.bias is None
    assert project.model[2] is new and project.model[3][1] is new and isinstance(project.model[3][0], nn.Tanh)
    assert counted["sync"] == 0
    assert [key for key, _ in keys_and_modules(project, "3")] == ["0", "1"]


def test_only_shared_layers_are_reviewed_after_an_edit(counted):
    shared = nn.Linear(5, 5)
    project = Project.from_module(nn.Sequential(*[nn.Linear(5, 5) for _ in range(200)], shared, shared))
    project.input_shape = (1, 5)
    counted["review"] = 0
    project.insert(10, nn.ReLU())
    assert counted["review"] == 1  # the one shared layer, not 201 layers
    project.unshare("201")
    counted["review"] = 0
    project.insert(10, nn.ReLU())
    assert counted["review"] == 0
