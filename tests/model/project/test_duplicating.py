"""Duplicate (copied or fresh weights) and Replace with… as Project operations (issue #18)."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.errors import LayerLabError, PathError, UnsupportedLayerError, ValidationError


def values(p: Project) -> tuple:
    """Structure, module identities and exact values: what an undo must bring back."""
    ids: dict[int, int] = {}
    shape = [(path, type(m).__name__, ids.setdefault(id(m), len(ids))) for path, m in p.model.named_modules(
        remove_duplicate=False) if path]
    return repr(p.model), shape, {k: v.clone() for k, v in p.model.state_dict().items()}, p.paths()


def same(a: tuple, b: tuple) -> bool:
    return a[:2] == b[:2] and a[3] == b[3] and a[2].keys() == b[2].keys() and all(
        torch.equal(a[2][k], b[2][k]) for k in a[2])


def block1(p: Project) -> None:
    """The textbook's ``block1()``: Linear(4, 8), ReLU, Linear(8, 4) as one nested Sequential, built in the editor."""
    start = len(p)
    p.append_layer("Linear", out_features=8)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=4)
    p.group([str(start), str(start + 1), str(start + 2)])


def test_fresh_duplicates_are_what_calling_the_constructor_again_gives():
    p = Project(seed=7)
    p.input_shape = (2, 4)
    block1(p)
    for n in range(1, 4):
        assert p.duplicate([str(n - 1)], fresh=True) == [str(n)]
    torch.manual_seed(7)
    script = nn.Sequential(*[nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4)) for _ in range(4)])
    assert repr(p.model) == repr(script)
    mine, theirs = p.model.state_dict(), script.state_dict()
    assert all(torch.equal(mine[k], theirs[k]) for k in theirs)  # fresh draws, in the seed's stream
    assert not torch.equal(p["0.0"].weight, p["1.0"].weight)
    assert p.weights_from_seed
    assert p.auto("3.0") == frozenset({"in_features"}) and p.auto("3.2") == frozenset({"in_features"})


def test_a_copy_holds_the_same_values_in_a_module_of_its_own():
    p = Project(seed=0)
    p.input_shape = (2, 8)
    p.append_layer("Linear", out_features=8)
    p.append_layer("ReLU")
    assert p.duplicate("0") == ["1"]
    assert p.model[1] is not p.model[0] and torch.equal(p[1].weight, p[0].weight)
    assert p.shared_with("1") == []
    p[1].weight.data.add_(1)
    assert not torch.equal(p[1].weight, p[0].weight)  # independent, like copy.deepcopy
    assert not p.weights_from_seed  # a copy is not what building a new layer there gives


def test_copies_keep_auto_so_they_adapt_to_their_input():
    p = Project(seed=0)
    p.input_shape = (2, 6)
    p.append_layer("Linear", out_features=8)  # in_features follows the input: auto
    p.append_layer("ReLU")
    p.duplicate(["0", "1"])
    assert p.auto("2") == frozenset({"in_features"}) and p.hyperparameters("2")["in_features"] == 8
    assert p.shape_errors() == []  # the copy takes the 8 features of the block before it, not the original's 6
    p.set_hyperparameters("0", out_features=5)
    assert p.hyperparameters("2")["in_features"] == 5 and p.shape_errors() == []


def test_copies_come_after_the_last_chosen_in_order_without_labels():
    p = Project.from_module(nn.Sequential(nn.Linear(3, 3), nn.Tanh(), nn.Linear(3, 3)))
    p.set_label("0", "first")
    assert p.duplicate(["2", "0"]) == ["3", "4"]
    assert [type(m).__name__ for m in p.model] == ["Linear", "Tanh", "Linear", "Linear", "Linear"]
    assert [key for key, _ in p.model.named_children()] == ["first", "1", "2", "3", "4"]
    assert torch.equal(p[3].weight, p["0"].weight) and torch.equal(p[4].weight, p[2].weight)  # 0, 2 → 3, 4


def test_a_group_and_a_block_inside_it_copy_the_group_once_with_inner_labels():
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 4), nn.ReLU())))
    p.set_label("0.1", "act")
    p.set_collapsed("0", True)
    assert p.duplicate(["0.0", "0"], fresh=True) == ["1"]
    assert [key for key, _ in p.model[1].named_children()] == ["0", "act"]
    assert p.node("1").collapsed
    assert p.duplicate(["0"]) == ["1"]
    assert p.node("1").collapsed and [key for key, _ in p.model[1].named_children()] == ["0", "act"]


def test_ties_inside_the_chosen_blocks_stay_ties_inside_the_copy():
    shared = nn.Linear(4, 4)
    p = Project.from_module(nn.Sequential(shared, nn.ReLU(), shared, nn.Linear(4, 4)))
    for fresh in (False, True):
        made = p.duplicate(["0", "1", "2"], fresh=fresh)
        first, third = p[made[0]], p[made[2]]
        assert first is third and first is not shared  # a new tie between the copies, not with the originals
        del p[int(made[0]):int(made[-1]) + 1]
    made = p.duplicate(["2"])
    assert p[made[0]] is not shared and p.shared_with(made[0]) == []  # a tie to a block left out is not copied


def test_fresh_copies_keep_frozen_parameters_and_eval_mode():
    p = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4)))
    p.set_requires_grad("0", "bias", False)
    p.model[1].eval()
    made = p.duplicate(["0", "1"], fresh=True)
    assert p.frozen(made[0]) == ["bias"] and not p[made[1]].training
    assert not torch.equal(p[made[0]].weight, p[0].weight)


def test_duplicate_is_one_step_that_undo_reverts_exactly():
    p = Project(seed=3)
    p.input_shape = (2, 4)
    block1(p)
    before = values(p)
    for fresh in (False, True):
        with p.transaction("Duplicate") as tx:
            p.duplicate(["0"], fresh=fresh)
        after = values(p)
        p.revert(tx)
        assert same(values(p), before) and p.weights_from_seed
        p.replay(tx)
        assert same(values(p), after)
        p.revert(tx)


def test_duplicate_refuses_nothing_to_copy_and_bad_paths_changing_nothing():
    p = Project.from_module(nn.Sequential(nn.Linear(2, 2)))
    before = values(p)
    with pytest.raises(LayerLabError, match="at least one block"):
        p.duplicate([])
    with pytest.raises(PathError):
        p.duplicate(["5"])
    with pytest.raises(ValidationError, match="fresh"):
        p.duplicate(["0"], fresh="yes")  # type: ignore[arg-type]
    assert same(values(p), before)


def test_replace_layer_is_net_i_equals_a_new_layer_keeping_the_label():
    p = Project(seed=0)
    p.input_shape = (3, 20)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=5)
    p.set_label("1", "act")
    first = p[0]
    module = p.replace_layer("1", "Sigmoid")
    assert isinstance(module, nn.Sigmoid) and p.model.act is module and p[0] is first
    p.replace_layer("2", "Linear")
    assert p.auto("2") == frozenset({"in_features"}) and p.hyperparameters("2")["in_features"] == 10
    p.set_hyperparameters("0", out_features=7)
    assert p.hyperparameters("2")["in_features"] == 7 and p.shape_errors() == []


def test_replacing_one_place_of_a_shared_module_leaves_the_others_and_undo_restores():
    shared = nn.Linear(4, 4)
    p = Project.from_module(nn.Sequential(shared, nn.ReLU(), shared))
    before = values(p)
    with p.transaction("Replace") as tx:
        p.replace_layer("2", "Identity")
    assert p.model[0] is shared and isinstance(p.model[2], nn.Identity) and p.shared_with("0") == []
    p.revert(tx)
    assert same(values(p), before) and p.model[2] is shared


def test_replace_with_an_unknown_kind_changes_nothing():
    p = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU()))
    before = values(p)
    with pytest.raises(UnsupportedLayerError, match="no layer kind"):
        p.replace_layer("1", "Sigmoidal")
    assert same(values(p), before)
