"""Layers kept unallocated: the editor's policy, seeds, materializing, and refusals (issue #16, memory guard)."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.catalog import unallocated
from editor.model.catalog.unallocated import DrawRecorder, advance, is_unallocated
from editor.model.errors import MemoryLimitError, RunError, ValidationError
from editor.model.project import devices
from tests.conftest import FREE
from tests.model.custom.textbook import NET, PLAIN_LINEAR, Net


def _design(seed: int = 3, keep: bool = True) -> Project:
    p = Project(seed=seed)
    p.keep_unallocated = keep
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("Linear", in_features=10, out_features=1000)
    p.append_layer("ReLU")
    p.append_layer("Linear", in_features=1000, out_features=5)
    return p


def _script(seed: int = 3) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(20, 10), nn.Linear(10, 1000), nn.ReLU(), nn.Linear(1000, 5))


def test_the_scripting_default_still_refuses(free) -> None:
    with pytest.raises(MemoryLimitError, match="would have 11,000 parameters"):
        _design(keep=False)


def test_kept_unallocated_design_stays_editable(free) -> None:
    p = _design()
    assert p.unallocated() == ["1"]
    assert not p.is_allocated("1") and p.is_allocated("0")
    assert p.model[1].weight.is_meta and not p.model[0].weight.is_meta
    assert p.count_parameters() == 210 + 11_000 + 5_005
    assert p.output_shape is not None and p.output_shape[-1] == 5
    assert "Linear(in_features=10, out_features=1000, bias=True)" in repr(p.model)
    assert "nn.Linear(10, 1000)" in p.to_code()
    p.set_hyperparameters("1", out_features=2000)  # still too large: rebuilt unallocated
    assert p.unallocated() == ["1"] and p.model[1].out_features == 2000
    p.set_hyperparameters("1", out_features=100)  # now it fits: an ordinary layer again
    assert p.unallocated() == [] and not p.model[1].weight.is_meta


def test_unallocated_block_does_not_shift_the_seed_and_materializes_exactly(free) -> None:
    p = _design()
    ref = _script()
    for i in (0, 3):  # layers before and after the unallocated one have the script's values
        assert torch.equal(p.model[i].weight, ref[i].weight) and torch.equal(p.model[i].bias, ref[i].bias)
    assert p.weights_from_seed
    free(10**9)
    assert p.materialize() == ["1"]
    assert torch.equal(p.model[1].weight, ref[1].weight) and torch.equal(p.model[1].bias, ref[1].bias)
    assert p.weights_from_seed and p.unallocated() == []
    p.append_layer("Linear", in_features=5, out_features=2)  # the stream continues where the script's does
    script = _script()
    script.append(nn.Linear(5, 2))
    assert torch.equal(p.model[4].weight, script[4].weight)


def test_materializing_asks_for_memory_and_refuses_with_both_numbers(free) -> None:
    p = _design()
    need, have = 44_000, FREE
    assert p.memory_to_materialize() == need
    with pytest.raises(MemoryLimitError, match=r"needs 43\.0 KiB of memory, but only 29\.3 KiB is free"):
        p.materialize("1")
    assert p.unallocated() == ["1"]
    free(have * 10)
    assert p.check_materialize("1") == (need, have * 10)


def test_materialize_is_one_undoable_operation(free) -> None:
    p = _design()
    free(10**9)
    with p.transaction("Materialize") as tx:
        p.materialize()
    assert p.unallocated() == []
    p.revert(tx)
    assert p.unallocated() == ["1"] and p.model[1].weight.is_meta
    p.replay(tx)
    assert p.unallocated() == [] and torch.equal(p.model[1].weight, _script()[1].weight)


def test_run_train_and_moves_are_refused_in_words(free, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _design()
    monkeypatch.setattr(devices, "check_device", lambda _: torch.device("cuda", 0))  # as if this machine had one
    with pytest.raises(RunError, match=r"Running a batch needs every block in memory, but block 1 is not "
                                       r"allocated: materialize it first \(needs 43\.0 KiB\)"):
        p.run()
    with pytest.raises(RunError, match="Training needs every block"):
        p.make_trainer()
    with pytest.raises(RunError, match="Moving the model to cuda:0 needs every block"):
        p.to("cuda:0")
    with pytest.raises(RunError, match="Moving the model to cuda:0 needs every block"):
        p.prepare_move("cuda:0")


def test_too_many_draws_to_replay_says_so(free, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unallocated, "ADVANCE_LIMIT", 1000)
    p = _design()
    assert not p.weights_from_seed
    assert "block 1 is not allocated, and its 11,000 random values are too many" in (p.why_not_from_seed or "")
    p.mark_weights_changed()  # not known any more (as after opening the saved design): worked out, with the reason
    assert not p.weights_from_seed
    assert "block 1 is not allocated, and its 11,000 random values are too many" in (p.why_not_from_seed or "")
    free(10**9)
    p.materialize()  # it still gets exactly the script's values for itself
    assert torch.equal(p.model[1].weight, _script()[1].weight)
    p.reset_parameters()  # nothing left to draw past: every value from the seed again
    assert p.weights_from_seed and torch.equal(p.model[3].weight, _script()[3].weight)


def test_reset_is_refused_while_layers_after_it_cannot_get_the_seeds_values(free, monkeypatch) -> None:
    monkeypatch.setattr(unallocated, "ADVANCE_LIMIT", 1000)
    p = _design()
    with pytest.raises(ValidationError, match="too many to draw past"):
        p.reset_parameters()


def test_reset_parameters_keeps_unallocated_blocks_unallocated(free) -> None:
    p = _design()
    with torch.no_grad():
        p.model[0].weight.zero_()
    assert not p.weights_from_seed
    p.reset_parameters()
    assert p.unallocated() == ["1"] and p.weights_from_seed
    assert torch.equal(p.model[3].weight, _script()[3].weight)


@pytest.mark.parametrize("op", ["uniform_", "normal_"])
@pytest.mark.parametrize("size", [5, 16, 37, (1 << 22) + 7, (1 << 22) * 2 + 20])
def test_replayed_draws_leave_the_generator_where_drawing_them_does(op: str, size: int) -> None:
    torch.manual_seed(0)
    getattr(torch.empty(size), op)()
    expected = torch.get_rng_state()
    with torch.device("meta"), DrawRecorder() as recorder:
        getattr(torch.empty(size), op)()
    torch.manual_seed(0)
    assert advance(recorder.draws, unbounded=True)
    assert torch.equal(torch.get_rng_state(), expected)


def test_only_layers_kept_unallocated_count(free) -> None:
    with torch.device("meta"):
        stray = nn.Linear(2, 2)
    assert not is_unallocated(stray)


def test_an_init_rule_fills_the_allocated_layers_and_says_why_the_weights_are_not_the_seeds(free) -> None:
    """It used to fail with torch's "Cannot copy out of meta tensor"; a rule that draws cannot keep the seed's
    stream past a layer it drew nothing for, so the status says so, and how to get there."""
    p = Project(seed=1)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=10, out_features=1000)
    p.append_layer("Linear", in_features=1000, out_features=2)
    p.initialize("normal_", std=0.5)
    assert is_unallocated(p.model[0]) and p.model[1].weight.std() > 0.3
    assert not p.weights_from_seed and "block 0 is not allocated" in p.why_not_from_seed
    p.initialize("zeros_", parameters="bias")  # draws nothing: no reason to doubt more than before
    assert not p.model[1].bias.detach().any()
    free(10**9)
    p.materialize()
    p.reset_parameters()
    torch.manual_seed(1)
    script = nn.Sequential(nn.Linear(10, 1000), nn.Linear(1000, 2))
    for layer in script:
        nn.init.normal_(layer.weight, std=0.5)
        nn.init.zeros_(layer.bias)
    assert p.weights_from_seed
    assert all(torch.equal(a, b) for a, b in zip(p.model.state_dict().values(), script.state_dict().values(),
                                                  strict=True))


def test_a_rule_that_draws_nothing_keeps_the_seed_status(free) -> None:
    p = Project(seed=1)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=10, out_features=1000)
    p.append_layer("Linear", in_features=1000, out_features=2)
    p.initialize("ones_", parameters="bias")
    assert p.weights_from_seed and p.model[1].bias.detach().eq(1).all()


def test_a_preview_samples_only_layers_that_have_values(free) -> None:
    """A sample as large as an unallocated layer would be what did not fit (the preview once allocated it)."""
    p = Project(seed=1)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=10, out_features=1000)
    p.append_layer("Linear", in_features=1000, out_features=2)
    rule = p.make_init_rule("normal_", std=0.5)
    assert [key for key, _, _ in p.preview_targets(rule)] == ["1.weight"]
    assert [key for key, _ in p.preview_init(rule)] == ["1.weight"]
    assert p.preview_targets(p.make_init_rule("normal_", blocks=["0"])) == []


def test_copies_of_an_unallocated_block_stay_unallocated(free) -> None:
    """A deep copy of a meta layer was an ordinary meta module: moving it to the device allocated all of it
    (160 GiB for Linear(200000, 200000)). Copies keep the original's record, so they materialize to its values."""
    p = Project(seed=3)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=20, out_features=100)
    p.append_layer("Linear", in_features=100, out_features=100)  # 40.4 KiB: does not fit in 30 KiB
    assert p.duplicate("1") == ["2"]
    assert p.unallocated() == ["1", "2"] and p.model[2].weight.is_meta and p.model[2] is not p.model[1]
    assert p.duplicate("1", fresh=True) == ["2"]  # constructed anew: too large, so kept unallocated too
    assert p.unallocated() == ["1", "2", "3"]
    p.repeat("1", 2, shared=False)
    assert p.unallocated() == ["1", "2", "3", "4"]
    p.share("1", "2")
    p.unshare("2")
    p.share("1", "3")
    p.unshare("3", weights="reinit")
    assert p.unallocated() == ["1", "2", "3", "4"] and p.model[3] is not p.model[1]
    free(10**9)
    p.materialize()
    torch.manual_seed(3)
    ref = nn.Sequential(nn.Linear(20, 100), nn.Linear(100, 100))[1]
    for i in (1, 2, 4):  # the copies of block 1's values: what materializing block 1 gives
        assert torch.equal(p.model[i].weight, ref.weight) and torch.equal(p.model[i].bias, ref.bias)


def test_a_copy_refuses_under_the_scripting_default_only_when_built_anew(free) -> None:
    p = _design()
    p.keep_unallocated = False
    assert p.duplicate("1") == ["2"] and p.unallocated() == ["1", "2"]  # a copy allocates nothing
    with pytest.raises(MemoryLimitError, match="would have 11,000 parameters"):
        p.duplicate("1", fresh=True)
    assert p.unallocated() == ["1", "2"] and len(p.model) == 5


def _net_design(keep: bool = True) -> Project:
    p = Project(seed=1)
    p.keep_unallocated = keep
    p.define_block(NET)
    p.append_layer("Net", input_nodes=4, hidden_nodes=2000, output_nodes=2)  # Net.hidden alone is 39.1 KiB
    return p


def test_a_custom_block_kept_unallocated_draws_its_childrens_values_once(free) -> None:
    """Its children were each kept unallocated too, inside it: their draws were recorded twice, so the layers
    constructed after it did not get the script's values, while the design said they did."""
    p = _net_design()
    p.append_layer("Linear", in_features=2, out_features=3)
    assert p.unallocated() == ["0"] and not is_unallocated(p.model[0].hidden)
    torch.manual_seed(1)
    Net(4, 2000, 2)
    after = nn.Linear(2, 3)
    assert torch.equal(p.model[1].weight, after.weight) and p.weights_from_seed
    free(10**9)
    p.materialize()
    torch.manual_seed(1)
    net = Net(4, 2000, 2)
    assert torch.equal(p.model[0].hidden.weight, net.hidden.weight) and torch.equal(p.model[0].out.bias, net.out.bias)


def test_changing_a_custom_block_kept_unallocated_follows_the_projects_policy(free) -> None:
    """The shape check built the block's children on the meta device outside the project's policy: refused."""
    p = _net_design()
    p.set_hyperparameters("0", hidden_nodes=3000)
    assert p.unallocated() == ["0"] and p.model[0].hidden.out_features == 3000
    assert p.check_hyperparameters("0", hidden_nodes=4000)["hidden_nodes"] == 4000
    p.keep_unallocated = False  # the scripting default still refuses it
    with pytest.raises(MemoryLimitError, match=r"Block 0: Net with these hyperparameters would have 28,002 parameters"):
        p.set_hyperparameters("0", hidden_nodes=4000)
    assert p.model[0].hidden.out_features == 3000


def test_edits_and_resets_skip_the_plain_tensors_of_a_layer_kept_unallocated(free) -> None:
    """Drawing the design again from the seed compared every plain tensor's values, and a meta one has none."""
    p = Project(seed=1)
    p.keep_unallocated = True
    p.define_layer(PLAIN_LINEAR)
    p.append_layer("Linear", in_features=2, out_features=2)
    p.append_layer("PlainLinear", in_units=2, units=8000)  # its plain weight alone is 62.5 KiB
    p.set_hyperparameters("0", out_features=3)
    p.set_hyperparameters("1", in_units=3)
    p.reset_parameters()
    assert p.unallocated() == ["1"] and p.weights_from_seed
    free(10**9)
    p.materialize()
    torch.manual_seed(1)
    nn.Linear(2, 3)
    assert torch.equal(p.model[1].weight, torch.randn(3, 8000)) and p.weights_from_seed


def test_a_layer_that_fits_only_just_is_kept_unallocated_with_the_margin_materializing_asks_for(free):
    """Shrinking a huge layer to 20 GiB with 23 GiB free allocated it at once, without the question Materialize asks
    (which wants 10% more than the layer); now both decide alike."""
    p = Project(seed=0)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=10, out_features=700)  # 30.8 KiB: over 30 KiB
    assert p.unallocated() == ["0"]
    p.set_hyperparameters("0", out_features=660)  # 29.0 KiB, but 31.9 KiB with the margin
    assert p.unallocated() == ["0"]
    p.set_hyperparameters("0", out_features=600)  # 26.4 KiB: 29.0 KiB with the margin
    assert p.unallocated() == []
