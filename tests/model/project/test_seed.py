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
    p.load_state({"0.weight": torch.zeros(4, 4)}, strict=False)  # loaded: no longer the seed's
    assert not p.weights_from_seed
    p.reset_parameters()
    assert p.weights_from_seed
    with torch.no_grad():
        p[1].weight.add_(1.0)  # edited behind the project's back: verification still tells the truth
    p.seeds.forget()  # as if not known yet: the check must rebuild and compare
    assert not p.weights_from_seed


def test_inserting_in_the_middle_draws_the_layers_after_it_from_the_seed_again():
    """Plain PyTorch constructs the new layer before the later ones, so they get other draws: so do the editor's."""
    p = Project(seed=0)
    p.append_layer("Linear", in_features=4, out_features=4)
    last = p.append_layer("Linear", in_features=4, out_features=3)
    p.insert_layer(1, "Linear", out_features=4)
    assert p.weights_from_seed and p[2] is last  # the same module, with the values the seed now gives it
    torch.manual_seed(0)
    assert states_equal(p.model, nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4), nn.Linear(4, 3)))


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


# ---------------------------------------------------------------- edits that rebuild layers (issue #18)
def mlp(seed: int = 3) -> Project:
    p = Project(seed=seed)
    p.input_shape = (3, 20)
    p.append_layer("Linear", out_features=10)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=5)  # in_features follows the input
    p.append_layer("Linear", in_features=5, out_features=2)
    return p


def values(p: Project) -> dict[str, torch.Tensor]:
    return {k: v.clone() for k, v in p.model.state_dict().items()}


def test_changing_a_hyperparameter_keeps_the_weights_those_of_the_seed():
    """A learner who changes out_features touched no weights: the design is what the seed gives the final design."""
    p = mlp()
    relu, last = p[1], p[3]
    p.set_hyperparameters("0", out_features=12)  # block 2 follows: its in_features becomes 12
    assert p.weights_from_seed and p.seeds.status is True and p.why_not_from_seed is None
    assert p[1] is relu and p[3] is last  # untouched modules keep their identity
    torch.manual_seed(3)
    assert states_equal(p.model, nn.Sequential(nn.Linear(20, 12), nn.ReLU(), nn.Linear(12, 5), nn.Linear(5, 2)))


def test_undo_of_a_redrawn_change_brings_back_the_exact_values():
    p = mlp()
    before, modules = values(p), list(p)
    with p.transaction("Change Linear") as tx:
        p.set_hyperparameters("0", out_features=7, bias=False)
    after = values(p)
    p.revert(tx)
    assert list(p) == modules and p.seeds.status is True
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in before.items())
    p.replay(tx)
    assert list(p.model.state_dict()) == list(after)
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in after.items()) and p.weights_from_seed


def test_following_a_new_input_shape_keeps_the_weights_those_of_the_seed():
    p = mlp()
    p.input_shape = (3, 30)  # block 0's in_features follows: 30
    assert p[0].in_features == 30 and p.weights_from_seed
    torch.manual_seed(3)
    assert states_equal(p.model, nn.Sequential(nn.Linear(30, 10), nn.ReLU(), nn.Linear(10, 5), nn.Linear(5, 2)))


def test_a_shape_fix_that_lets_a_value_follow_the_input_keeps_the_seed():
    p = mlp()
    p.set_hyperparameters("3", in_features=4)  # a mismatch: block 3 gets 5 features
    assert p.shape_error is not None and p.weights_from_seed
    p.apply_fix(p.shape_error.fix)
    assert p.shape_error is None and p.auto("3") == {"in_features"} and p.weights_from_seed
    torch.manual_seed(3)
    assert states_equal(p.model, nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5), nn.Linear(5, 2)))


def test_edited_or_trained_values_are_never_drawn_over():
    p = mlp()
    with torch.no_grad():
        p[3].weight.mul_(2)  # as an optimizer step would, behind the project's back
    trained = p[3].weight.clone()
    p.set_hyperparameters("0", out_features=12)
    assert torch.equal(p[3].weight, trained) and not p.weights_from_seed
    loaded = mlp()
    loaded.load_state({"3.bias": torch.ones(2)}, strict=False)
    loaded.set_hyperparameters("0", out_features=12)
    assert torch.equal(loaded[3].bias, torch.ones(2)) and not loaded.weights_from_seed


def test_frozen_parameters_stay_frozen_when_values_are_drawn_again():
    p = mlp()
    p.set_requires_grad("3", "weight", False)
    p.set_hyperparameters("0", out_features=12)
    assert p.frozen("3") == ["weight"] and p.weights_from_seed


def test_init_rules_are_replayed_when_a_rebuilt_design_is_drawn_again():
    p = Project(seed=1)
    p.input_shape = (2, 4)
    p.append_layer("Linear", out_features=8)
    p.append_layer("Linear", out_features=3)
    p.initialize("uniform_", kind="Linear", a=-1, b=1)
    p.set_hyperparameters("0", out_features=6)
    p.append_layer("Linear", out_features=2)  # a whole-kind rule takes the new layer too, as model.apply does
    torch.manual_seed(1)
    script = nn.Sequential(nn.Linear(4, 6), nn.Linear(6, 3), nn.Linear(3, 2))
    for layer in script:
        nn.init.uniform_(layer.weight, -1, 1)
    assert p.weights_from_seed and states_equal(p.model, script)


def test_a_rebuilt_layer_keeps_a_custom_construction_order():
    """A shared module first used late is constructed where its variable is: a rebuild keeps that order."""
    p = Project(seed=4)
    p.append_layer("Linear", in_features=6, out_features=6)
    p.append_layer("Linear", in_features=6, out_features=6)
    p.use_again("1", at="0")  # its first use moves earlier: constructed first now
    p.reset_parameters()
    p.set_hyperparameters("1", bias=False)
    assert p.weights_from_seed
    exact = values(p)
    p.reset_parameters()
    assert all(torch.equal(p.model.state_dict()[k], v) for k, v in exact.items())


def test_an_unknown_status_is_worked_out_before_a_rebuild():
    torch.manual_seed(8)
    seq = nn.Sequential(nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 1))
    p = Project.from_module(seq, seed=8)  # not known yet: checked when asked
    assert p.seeds.status is None
    p.set_hyperparameters("2", out_features=3)
    assert p.seeds.status is True and p.weights_from_seed
    torch.manual_seed(8)
    assert states_equal(p.model, nn.Sequential(nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 3)))


def test_a_design_too_large_to_redraw_at_every_edit_says_why(monkeypatch):
    from editor.model.project import weights

    monkeypatch.setattr(weights, "REDRAW_LIMIT", 100)
    p = mlp()
    kept = p[3].weight.clone()
    with p.transaction("Change Linear") as tx:
        p.set_hyperparameters("0", out_features=12)
    assert not p.weights_from_seed and torch.equal(p[3].weight, kept)
    why = p.why_not_from_seed
    assert why is not None and why.startswith("block 0 was rebuilt with new hyperparameters") and \
        "reset_parameters()" in why
    p.revert(tx)
    assert p.weights_from_seed and p.why_not_from_seed is None
    p.replay(tx)
    assert p.why_not_from_seed == why
    p.reset_parameters()
    assert p.weights_from_seed and p.why_not_from_seed is None


def test_when_drawing_again_fails_the_edit_still_happens_and_says_why(monkeypatch):
    p = mlp()

    def fails(self):
        raise ValueError("this init rule no longer fits block 0")

    monkeypatch.setattr(Project, "_fresh_modules", fails)
    p.set_hyperparameters("0", out_features=12)
    assert p[0].out_features == 12 and p.seeds.status is False
    assert p.why_not_from_seed == ("block 0 was rebuilt with new hyperparameters after the weights were drawn, and "
                                   "drawing the values again from the seed failed: this init rule no longer fits "
                                   "block 0.")


def test_removing_a_layer_that_draws_nothing_keeps_the_seed_status_without_a_check():
    """Deleting a ReLU left the status unknown, and panels rebuilt every layer from the seed to settle it
    (2.6 s of the GUI thread at 10,000 blocks); it draws nothing, so every other layer keeps its seed values."""
    p = Project(seed=3)
    for kind, params in [("Linear", {"in_features": 4, "out_features": 8}), ("ReLU", {}),
                         ("Dropout", {}), ("Linear", {"in_features": 8, "out_features": 2})]:
        p.append_layer(kind, **params)
    assert p.weights_from_seed
    p.pop(1)
    del p[1]
    assert p.seeds.status is True and p.weights_from_seed
    torch.manual_seed(3)
    script = nn.Sequential(nn.Linear(4, 8), nn.Linear(8, 2))
    assert all(torch.equal(a, b) for a, b in zip(p.model.state_dict().values(), script.state_dict().values(),
                                                 strict=True))
    p.pop(0)  # this one drew: the layer after it no longer has the seed's values
    assert p.seeds.status is None and not p.weights_from_seed


def test_a_design_of_many_layers_is_not_rebuilt_from_the_seed_at_an_edit(monkeypatch):
    """Drawing every value again (or settling an unknown status) constructs every layer: 3 s at 10,000 small
    ones, at each edit. Beyond REDRAW_LAYERS the edit says why the weights are no longer the seed's instead."""
    from editor.model.project import weights

    monkeypatch.setattr(weights, "REDRAW_LAYERS", 3)
    p = Project(seed=0)
    for _ in range(4):
        p.append_layer("Linear", in_features=4, out_features=4)
    assert p.weights_from_seed
    built = []
    real = weights.WeightsMixin._fresh_modules
    monkeypatch.setattr(weights.WeightsMixin, "_fresh_modules", lambda self: built.append(1) or real(self))
    p.insert_layer(1, "Linear", in_features=4, out_features=4)
    assert built == [] and not p.weights_from_seed
    assert "too large (5 layers) to draw again from the seed at every edit" in p.why_not_from_seed
    p.reset_parameters()  # asked for: it does
    assert built == [1] and p.weights_from_seed

