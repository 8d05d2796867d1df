"""The seed's stream goes on after placing a module again: layers added next are what a plain script draws.

Each case builds a design by editing, and the same network by a plain PyTorch
script after ``torch.manual_seed``; the values must agree bit for bit and the
project must say so (``weights_from_seed``), without being asked in between.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch
from torch import nn

from editor import Project


def same(project: Project, reference: nn.Sequential) -> bool:
    mine, theirs = project.model.state_dict(), reference.state_dict()
    return repr(project.model) == repr(reference) and list(mine) == list(theirs) and \
        all(torch.equal(mine[k], theirs[k]) for k in theirs)


def test_use_again_then_append_continues_the_seed_stream():
    p = Project(seed=3)
    p.append_layer("Linear", in_features=8, out_features=8)
    p.use_again("0", at=1)
    p.append_layer("Linear", in_features=8, out_features=4)  # no weights_from_seed asked in between
    assert p.weights_from_seed
    torch.manual_seed(3)
    shared = nn.Linear(8, 8)
    assert same(p, nn.Sequential(shared, shared, nn.Linear(8, 4)))
    assert p.construction_order() == ["0", "2"]


def test_use_again_keeps_the_seed_status_without_rebuilding():
    p = Project(seed=1)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("ReLU")
    assert p.seeds.status is True
    p.use_again("0", at=2)
    assert p.seeds.status is True and p.seeds.state is not None  # placed after its first use: nothing constructed


def test_use_again_before_the_first_use_changes_the_order_and_says_so():
    p = Project(seed=5)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.use_again("1", at=0)  # now the second Linear is used (so constructed) first: other values than before
    assert not p.weights_from_seed
    p.reset_parameters()
    torch.manual_seed(5)
    second = nn.Linear(4, 4)
    first = nn.Linear(4, 4)
    assert same(p, nn.Sequential(second, first, second)) and p.weights_from_seed


Edit = Callable[[Project], object]


def _reference(build: Callable[[], list[nn.Module]]) -> Callable[[], nn.Sequential]:
    def make() -> nn.Sequential:
        torch.manual_seed(11)
        return nn.Sequential(*build())
    return make


def _shared_twice() -> list[nn.Module]:
    shared = nn.Linear(6, 6)
    return [shared, nn.ReLU(), shared, nn.Linear(6, 2)]


def _repeated() -> list[nn.Module]:
    shared = nn.Linear(6, 6)
    return [shared, shared, shared, nn.ReLU(), nn.Linear(6, 2)]


def _after_delete() -> list[nn.Module]:
    return [nn.Linear(6, 6), nn.Linear(6, 2)]


def _shared_after_share() -> list[nn.Module]:
    shared = nn.Linear(6, 6)
    return [shared, nn.ReLU(), shared, nn.Linear(6, 2)]


EDITS: dict[str, tuple[Edit, Callable[[], nn.Sequential]]] = {
    "use_again": (lambda p: p.use_again("0", at=2), _reference(_shared_twice)),
    "repeat": (lambda p: p.repeat("0", 3), _reference(_repeated)),
    "delete": (lambda p: p.__delitem__(1), _reference(_after_delete)),
    "share the last": (lambda p: (p.append_layer("Linear", in_features=6, out_features=6), p.share("0", "2")),
                       _reference(_shared_after_share)),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_then_an_append_is_what_the_plain_script_draws(name):
    edit, reference = EDITS[name]
    p = Project(seed=11)
    p.append_layer("Linear", in_features=6, out_features=6)
    p.append_layer("ReLU")
    edit(p)
    p.append_layer("Linear", in_features=6, out_features=2)
    assert p.weights_from_seed, name
    assert same(p, reference()), name


def test_values_changed_in_place_then_an_append_are_not_the_seeds():
    p = Project(seed=3)
    p.append_layer("Linear", in_features=8, out_features=8)
    with torch.no_grad():
        p.model[0].weight.mul_(2)  # behind the project's back, as training does
    p.append_layer("Linear", in_features=8, out_features=4)
    assert not p.weights_from_seed


def test_inside_one_transaction_as_commands_run_it_and_undone_exactly():
    p = Project(seed=11)
    p.append_layer("Linear", in_features=6, out_features=6)
    p.append_layer("ReLU")
    del p[1]  # the status is not known now
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with p.transaction("Add") as tx:
        p.append_layer("Linear", in_features=6, out_features=2)
    assert p.weights_from_seed
    torch.manual_seed(11)
    assert same(p, nn.Sequential(nn.Linear(6, 6), nn.Linear(6, 2)))
    p.revert(tx)
    assert list(p.model.state_dict()) == list(before)
    assert all(torch.equal(v, before[k]) for k, v in p.model.state_dict().items())
    assert p.weights_from_seed
    p.replay(tx)
    torch.manual_seed(11)
    assert same(p, nn.Sequential(nn.Linear(6, 6), nn.Linear(6, 2))) and p.weights_from_seed
