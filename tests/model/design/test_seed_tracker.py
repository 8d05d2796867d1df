"""The SeedTracker's fields change through the journal: undo and redo restore them exactly."""

from __future__ import annotations

from dataclasses import astuple

from editor import Project


def fields(p: Project) -> tuple:
    seeds = p.seeds
    state = seeds.state
    return (seeds.seed, seeds.status, None if state is None else bytes(state.numpy()), seeds.fingerprint,
            seeds.ranked, seeds.rank_counter)


def test_every_operation_s_undo_and_redo_restore_the_tracker():
    p = Project(seed=7)
    p.append_layer("Linear", in_features=4, out_features=4)
    p.append_layer("ReLU")
    operations = [
        lambda: p.append_layer("Linear", out_features=3),      # continues the seed's stream
        lambda: p.set_hyperparameters("0", bias=False),         # rebuilt: no longer the seed's
        lambda: setattr(p, "seed", 11),                         # another seed
        lambda: p.reset_parameters(),                           # the seed's again
        lambda: p.share("0", "2"),                              # unknown until checked
        lambda: p.initialize("zeros_", parameters="weight"),    # a rule
    ]
    for operation in operations:
        p.weights_from_seed  # noqa: B018 - settle what is known first: a check is knowledge, not an edit to undo
        before = fields(p)
        with p.transaction("step") as tx:
            operation()
        after = fields(p)
        p.revert(tx)
        assert fields(p) == before
        p.replay(tx)
        assert fields(p) == after


def test_the_tracker_is_plain_state():
    p = Project(seed=3)
    assert astuple(p.seeds)[:2] == (3, True)
    p.seeds.forget()
    assert p.seeds.status is None and p.seeds.state is None and p.seeds.fingerprint is None


def test_checksums_of_tensors_together_equal_each_alone():
    """The fingerprint sums small tensors' bits in one joined buffer: the same numbers as one at a time."""
    import torch

    from editor.model.design import seeding

    torch.manual_seed(0)
    tensors = [torch.randn(3, 4), torch.empty(0), torch.randn(5).double() * 1e300, torch.randint(0, 9, (7,)),
               torch.randn(2, 3).half(), torch.tensor([True, False]), torch.randn(4, 4).t(), torch.zeros(0, 3),
               torch.full((6,), -0.0), torch.empty(2, 2, device="meta"), torch.randint(-2**62, 2**62, (9,)),
               torch.randn(300), torch.tensor([200, 1, 255], dtype=torch.uint8),
               torch.tensor([60000, 5], dtype=torch.uint16), torch.tensor([4_000_000_000, 5], dtype=torch.uint32)]
    expected = [None if t.is_meta else seeding._checksum(t) for t in tensors]
    assert seeding._checksums(tensors) == expected
    old = seeding.CHECKSUM_BATCH
    try:
        seeding.CHECKSUM_BATCH = 16  # batches split, large ones alone
        assert seeding._checksums(tensors) == expected
    finally:
        seeding.CHECKSUM_BATCH = old
