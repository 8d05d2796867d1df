"""Weight tying made in the editor: share, use again, repeat, make independent (issue #12)."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project, SharingError, StructureError, ValidationError


def snapshot(p: Project) -> tuple:
    """Structure, identity of shared modules and exact values."""
    ids = {}
    shape = [(path, type(m).__name__, ids.setdefault(id(m), len(ids))) for path, m in p.model.named_modules(
        remove_duplicate=False) if path]
    values = {k: v.clone() for k, v in p.model.state_dict(keep_vars=False).items()}
    return shape, values


def same(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and a[1].keys() == b[1].keys() and all(torch.equal(a[1][k], b[1][k]) for k in a[1])


def five() -> Project:
    """Linear(8, 8), ReLU, Linear(8, 8), ReLU, Linear(8, 4) built from seed 0."""
    p = Project(seed=0)
    p.input_shape = (2, 8)
    for kind, args in [("Linear", {"in_features": 8, "out_features": 8}), ("ReLU", {}),
                       ("Linear", {"out_features": 8}), ("ReLU", {}), ("Linear", {"out_features": 4})]:
        p.append_layer(kind, **args)
    return p


def test_share_makes_one_module_and_counts_it_once():
    p = five()
    kept = p[0].weight.detach().clone()
    before = snapshot(p)
    with p.transaction("share") as tx:
        p.share("0", "2")
    assert p.model[0] is p.model[2] and torch.equal(p[2].weight, kept)
    assert p.shared_with("0") == ["2"]
    assert p.count_parameters() == sum(t.numel() for t in p.model.parameters()) == 72 + 36
    assert set(p.model.state_dict()) == {"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"}
    assert "Total params: 108" in p.summary()
    after = snapshot(p)
    p.revert(tx)
    assert same(snapshot(p), before) and p.model[0] is not p.model[2]
    p.replay(tx)
    assert same(snapshot(p), after) and p.model[0] is p.model[2]


def test_keep_chooses_whose_weights_survive():
    p = five()
    second = p[2]
    p.share("0", "2", keep="2")
    assert p.model[0] is second and p.model[2] is second


def test_sharing_three_and_the_hyperparameters_of_the_kept_block():
    p = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 8)))
    p.share("0", "2", "4")
    assert p.model[0] is p.model[2] is p.model[4]
    assert p.count_parameters() == 72


@pytest.mark.parametrize(("paths", "words"), [
    (("0", "1"), "only blocks of one kind"),
    (("0", "0"), "named twice"),
])
def test_refusals_change_nothing(paths, words):
    p = five()
    before = snapshot(p)
    with pytest.raises(SharingError, match=words):
        p.share(*paths)
    assert same(snapshot(p), before)


def test_a_group_cannot_share_with_a_block():
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 4)), nn.Linear(4, 4)))
    with pytest.raises(StructureError, match="group"):
        p.share("0", "1")


def test_one_module_cannot_take_two_input_sizes():
    p = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 16), nn.ReLU(),
                                          nn.Linear(16, 16)))
    p.input_shape = (2, 8)
    before = snapshot(p)
    with pytest.raises(SharingError, match=r"Block 0 receives \(2, 8\) but block 4 receives \(2, 16\): one "
                                           r"Linear cannot take both"):
        p.share("0", "4")
    assert same(snapshot(p), before) and p.shape_error is None


def test_use_again_places_the_module_a_second_time():
    p = five()
    path = p.use_again("0", at="4")
    assert path == "4" and p.model[4] is p.model[0]
    assert p.shared_with("0") == ["4"]
    q = Project.from_module(nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4)))
    q.input_shape = (2, 8)
    before = snapshot(q)
    with pytest.raises(SharingError, match=r"Block 3 receives \(2, 16\) but block 0 receives \(2, 8\)"):
        q.use_again("2", at="0")
    assert same(snapshot(q), before)


def test_use_again_of_a_group_is_a_second_group_over_the_same_layers():
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(4, 4), nn.ReLU()), nn.Linear(4, 2)))
    p.use_again("0", at="1")
    assert p.model[0] is not p.model[1] and p.model[0][0] is p.model[1][0]
    assert p.count_parameters() == 20 + 10


def test_repeat_shared_is_sequential_of_m_times_n():
    p = Project.from_module(nn.Sequential(nn.Linear(6, 6), nn.Linear(6, 3)))
    with p.transaction("repeat") as tx:
        paths = p.repeat("0", 3)
    assert paths == ["0", "1", "2"]
    assert p.model[0] is p.model[1] is p.model[2]
    assert p.count_parameters() == 42 + 21
    p.revert(tx)
    assert len(p) == 2


def test_repeat_independent_copies_keep_values_and_auto():
    p = five()
    paths = p.repeat("2", 2, shared=False)
    assert paths == ["2", "3"]
    assert p.model[2] is not p.model[3] and torch.equal(p[2].weight, p[3].weight)
    assert p.auto("3") == p.auto("2") == frozenset({"in_features"})


def test_repeat_refuses_what_one_module_cannot_take_and_bad_counts():
    p = Project.from_module(nn.Sequential(nn.Linear(8, 4)))
    with pytest.raises(SharingError, match="cannot take both"):
        p.repeat("0", 2)
    assert len(p) == 1
    for bad in (0, -1, 2.5, True, 10_000):
        with pytest.raises(ValidationError):
            p.repeat("0", bad)


def test_unshare_copy_and_reinit():
    p = five()
    p.share("0", "2")
    with p.transaction("unshare") as tx:
        p.unshare("2", weights="copy")
    assert p.model[0] is not p.model[2] and torch.equal(p[0].weight, p[2].weight)
    p.revert(tx)
    assert p.model[0] is p.model[2]
    p.unshare("2", weights="reinit")
    assert p.model[0] is not p.model[2] and not torch.equal(p[0].weight, p[2].weight)
    with pytest.raises(SharingError, match="independent already"):
        p.unshare("2")
    with pytest.raises(ValidationError, match="'copy' or 'reinit'"):
        p.unshare("0", weights="fresh")


def test_ties_survive_save_open_and_export(tmp_path):
    p = five()
    p.share("0", "2")
    p.save(tmp_path / "tied.pt")
    q = Project.load(tmp_path / "tied.pt")
    assert q.model[0] is q.model[2] and torch.equal(q[0].weight, p[0].weight)
    namespace: dict = {}
    exec(compile(p.to_code(), "model.py", "exec"), namespace)  # our own exported code, as a learner runs it
    model = namespace["build_model"]()
    assert model[0] is model[2]


def test_after_a_share_the_seed_gives_the_plain_script_s_weights():
    p = five()
    p.share("0", "2")
    p.reset_parameters()
    torch.manual_seed(0)
    shared = nn.Linear(8, 8)
    plain = nn.Sequential(shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 4))
    assert all(torch.equal(a, b) for a, b in zip(p.model.state_dict().values(), plain.state_dict().values(),
                                                  strict=True))
    assert p.weights_from_seed


def test_editing_one_reference_rebuilds_the_one_module():
    p = five()
    p.share("0", "2")
    p.set_hyperparameters("2", bias=False)
    assert p.model[0] is p.model[2] and p.model[0].bias is None
