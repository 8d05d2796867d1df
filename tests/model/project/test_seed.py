"""Seed exactness: the editor's weights equal those of the plain PyTorch script."""

import torch
from torch import nn

from editor import Project


def states_equal(a: nn.Module, b: nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return list(sa) == list(sb) and all(torch.equal(sa[k], sb[k]) for k in sa)


def test_flat_design_after_reset_matches_script():
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5)), seed=42)
    p.reset_parameters()
    torch.manual_seed(42)
    script = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))
    assert states_equal(p.model, script)
    assert p.weights_from_seed


def test_nested_design_matches_script():
    def build():
        return nn.Sequential(
            nn.Sequential(nn.Linear(30, 25), nn.ReLU(), nn.Linear(25, 20)),
            nn.Sequential(nn.Linear(20, 15), nn.BatchNorm1d(15), nn.Linear(15, 10)),
            nn.Conv1d(1, 4, 3) if False else nn.Identity(),
        )

    p = Project.from_module(build(), seed=7)
    p.reset_parameters()
    torch.manual_seed(7)
    assert states_equal(p.model, build())


def test_shared_module_is_constructed_once_at_first_use():
    def script():
        first = nn.Linear(4, 8)
        shared = nn.Linear(8, 8)
        return nn.Sequential(first, nn.ReLU(), shared, nn.ReLU(), shared, nn.Linear(8, 1))

    p = Project.from_module(script(), seed=3)
    assert p[2] is p[4]
    p.reset_parameters()
    assert p[2] is p[4]
    torch.manual_seed(3)
    assert states_equal(p.model, script())
    assert p.construction_order() == ["0", "1", "2", "3", "5"]


def test_reset_keeps_module_identity_and_does_not_touch_global_rng():
    p = Project.from_module(nn.Sequential(nn.Linear(3, 3), nn.Linear(3, 2)))
    modules = list(p)
    torch.manual_seed(123)
    expected_next = torch.rand(3)
    torch.manual_seed(123)
    p.reset_parameters()
    assert list(p) == modules
    assert torch.equal(torch.rand(3), expected_next)


def test_building_in_the_editor_top_to_bottom_stays_seed_exact():
    p = Project(seed=5)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=5)  # in_features follows the input: auto
    p.insert_layer(1, "BatchNorm1d")  # draws no random numbers, so the stream is unchanged
    assert p.weights_from_seed
    torch.manual_seed(5)
    script = nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10), nn.ReLU(), nn.Linear(10, 5))
    assert states_equal(p.model, script)


def test_tracking_knows_when_weights_no_longer_match():
    p = Project(seed=0)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("Linear", in_features=4, out_features=2)
    assert p.weights_from_seed
    p.set_hyperparameters("0", out_features=3)  # rebuilt from the global generator
    assert not p.weights_from_seed
    p.reset_parameters()
    assert p.weights_from_seed
    with torch.no_grad():
        p[1].weight.add_(1.0)  # edited behind the project's back: verification still tells the truth
    p.seeds.forget()  # as if not known yet: the check must rebuild and compare
    assert not p.weights_from_seed


def test_inserting_in_the_middle_breaks_seed_exactness_honestly():
    p = Project(seed=0)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.insert_layer(1, "Linear", out_features=4)
    assert not p.weights_from_seed
    p.reset_parameters()
    torch.manual_seed(0)
    assert states_equal(p.model, nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4), nn.Linear(4, 4)))


def test_from_module_verifies_seed_lazily():
    torch.manual_seed(11)
    seq = nn.Sequential(nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 1))
    assert Project.from_module(seq, seed=11).weights_from_seed
    assert not Project.from_module(seq, seed=12).weights_from_seed


def test_every_catalog_kind_resets_exactly():
    from editor.model import catalog
    from editor.model.catalog.build import build_module
    from editor.model.catalog.hyperparameters import validate_params

    layers = [build_module(k, validate_params(k, k.defaults())) for k in catalog.kinds()]
    p = Project.from_module(nn.Sequential(*layers), seed=9)
    p.reset_parameters()
    torch.manual_seed(9)
    fresh = nn.Sequential(*[build_module(k, validate_params(k, k.defaults())) for k in catalog.kinds()])
    assert states_equal(p.model, fresh)


def test_placing_a_shared_module_before_its_first_use_is_noticed():
    """Its first use moves earlier, so the construction order (and what the seed gives) changes."""
    from editor import Project

    p = Project(seed=0)
    p.append_layer("Conv1d", in_channels=4, out_channels=1, kernel_size=1)
    p.group(["0"])
    p.append_layer("Conv1d", in_channels=4, out_channels=1, kernel_size=1)
    p.insert("0", p.node("1").module)
    assert not p.weights_from_seed
    p.reset_parameters()
    assert p.weights_from_seed


def test_replacing_a_drawing_module_with_one_that_draws_nothing_is_noticed():
    from torch import nn

    from editor import Project

    p = Project(seed=0)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("Linear", in_features=4, out_features=4)
    p[0] = nn.ReLU()  # the second Linear was built after the first one's draws
    assert not p.weights_from_seed
