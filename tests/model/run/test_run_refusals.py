"""Runs and trainings given what a stranger (or a slip) might give: each refused in words, nothing changed.

Found by a review that tried hostile and extreme inputs on the Run tab's model side.
"""

from __future__ import annotations

import warnings

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.errors import MemoryLimitError, RunError, ValidationError
from editor.model.run import devices
from editor.model.run.forward import describe_failure
from tests.model.run.test_run import mlp


def test_training_a_design_with_a_shape_error_names_the_block_instead_of_torchs_error():
    p = Project.from_module(nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(128, 10)))
    p.input_shape = (2, 20)
    before = [t.clone() for t in p.model.parameters()]
    for task in ("teacher", "clusters"):
        with pytest.raises(RunError, match=r"^Block 2 \(Linear\): .*128.*Fix this before training") as refused:
            p.train_steps(3, task=task)
        assert refused.value.path == "2" and "mat1" not in str(refused.value)
    assert all(torch.equal(a, b) for a, b in zip(before, p.model.parameters(), strict=True))


def test_a_failing_backward_is_said_in_words():
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU(inplace=True), nn.ReLU(inplace=True),
                                          nn.Linear(4, 2)))
    p.input_shape = (2, 4)
    with pytest.raises(RunError, match=r"The backward pass: a block changed a tensor in place .* inplace=False"):
        p.run(backward="mse")
    frozen = Project.from_module(nn.Sequential(nn.Linear(4, 2)))
    frozen.input_shape = (2, 4)
    frozen.set_requires_grad("0", None, False)
    with pytest.raises(RunError, match=r"no parameter this loss depends on requires a gradient .* Unfreeze a block"):
        frozen.run(backward="sum")


def test_the_cpus_out_of_memory_text_is_recognised():
    exc = RuntimeError("[enforce fail at alloc_cpu.cpp:127] data. DefaultCPUAllocator: can't allocate memory: you "
                       "tried to allocate 4294967296 bytes. Error code 12 (Cannot allocate memory)")
    said = describe_failure(exc, "Block 0 (Conv2d)", torch.zeros(1), torch.device("cpu"))
    assert said.startswith("Block 0 (Conv2d): out of memory") and "enforce" not in said


@pytest.mark.parametrize("seed", [2**64, 2**70, -1, 1.5, True, "3", None, float("nan")])
def test_seeds_are_checked_before_anything_runs(seed):
    p = mlp()
    for attempt in (lambda: p.run(seed=seed), lambda: p.run(seed=seed, backward="cross_entropy"),
                    lambda: p.train_steps(2, seed=seed), lambda: p.make_run_input(2, "randn", seed)):
        with pytest.raises(ValidationError, match=r"The seed must be a whole number from 0 to"):
            attempt()
    assert len(p.run(seed=2**63 - 2).output) == 2


def test_the_teacher_is_never_the_design_itself():
    """The teacher was drawn from the training seed + 1: with the project's seed that, it was the design itself,
    and the loss stayed 0."""
    p = Project(seed=5)
    p.append_layer("Linear", in_features=4, out_features=8)
    p.append_layer("ReLU")
    p.append_layer("Linear", in_features=8, out_features=2)
    p.input_shape = (2, 4)
    losses = p.make_trainer(seed=4).run(3)
    assert min(losses) > 0


def test_a_refused_run_in_training_mode_leaves_batchnorms_statistics_as_they_were():
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3)))
    p.input_shape = (1, 4)
    before = {name: b.clone() for name, b in p.model.named_buffers()}
    with pytest.raises(RunError, match=r"has a batch of one"):
        p.run(batch=1, train=True)
    assert all(torch.equal(before[name], b) for name, b in p.model.named_buffers())
    assert p.model[1].num_batches_tracked.item() == 0


def test_a_first_block_that_changes_its_input_in_place_leaves_the_input_as_given():
    p = Project.from_module(nn.Sequential(nn.ReLU(inplace=True), nn.Linear(3, 2)))
    p.input_shape = (2, 3)
    x = torch.tensor([[-1.0, 2.0, -3.0], [4.0, -5.0, 6.0]])
    given = x.clone()
    result = p.run(x=x)
    assert torch.equal(result.input, given)
    assert torch.equal(result.output, p.model[1](torch.relu(given)))


def test_the_memory_a_run_needs_follows_the_input_given_not_only_the_designs_shape(monkeypatch):
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU()))
    p.input_shape = (1, 3, 8, 8)
    small = p.memory_needed(batch=1)
    monkeypatch.setattr(devices, "free_memory", lambda device: 4 * small)
    assert p.run(x=torch.randn(1, 3, 8, 8)).output.shape == (1, 8, 8, 8)
    with pytest.raises(MemoryLimitError, match=r"This run needs about"):
        p.run(x=torch.randn(1, 3, 64, 64))  # 64 times the values: its outputs would not fit


def test_training_counts_the_optimizers_state_and_the_teacher(monkeypatch):
    p = Project.from_module(nn.Sequential(nn.Linear(256, 256, bias=False)))
    p.input_shape = (2, 256)
    weights = 256 * 256 * 4
    monkeypatch.setattr(devices, "free_memory", lambda device: 6 * weights)
    with pytest.raises(MemoryLimitError, match=r"Training needs about"):  # a copy, grads, Adam's two, the teacher
        p.make_trainer(optimizer="adam")
    assert len(p.make_trainer(task="clusters", optimizer="sgd").run(1)) == 1  # a copy and its grads


def test_an_input_of_another_dtype_is_told_how_to_convert():
    p = mlp()
    with pytest.raises(RunError, match=r"dtype torch\.float64.*Convert it with x\.float\(\)"):
        p.run(x=torch.randn(2, 20, dtype=torch.float64))


def test_a_teacher_that_cannot_draw_new_values_is_refused_in_words():
    class Scale(nn.Module):  # a learner's layer without reset_parameters()
        def __init__(self) -> None:
            super().__init__()
            self.weight = nn.Parameter(torch.ones(4))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x * self.weight

    from editor.model.run.training import make_task

    with pytest.raises(RunError, match=r"draw none \(they have no reset_parameters\(\).*Use the clusters task"):
        make_task(nn.Sequential(Scale()), "teacher", (2, 4), "float", None, (2, 4), 0, torch.device("cpu"))


def test_kept_training_leaves_the_last_steps_gradients_as_a_plain_loop_does():
    """Keep left .grad (and the grad column) describing the weights before the training."""
    p = mlp()
    p.run(backward="sum")
    before = p.model[0].weight.grad.clone()
    trainer = p.make_trainer(optimizer="sgd", lr=0.1)
    trainer.run(3)
    p.keep_trained(trainer)
    assert torch.equal(p.model[0].weight.grad, trainer.model[0].weight.grad)
    assert not torch.equal(p.model[0].weight.grad, before)
    assert p.model[0].weight.grad is not trainer.model[0].weight.grad


def test_small_refusals_a_stranger_could_trigger():
    from editor.io.errors import ProjectFileError
    from editor.io.files.weights import save_tensor

    p = mlp()
    with warnings.catch_warnings():  # (torch says its nested tensors are a prototype)
        warnings.simplefilter("ignore", UserWarning)
        nested = torch.nested.nested_tensor([torch.ones(20), torch.ones(20)])
    with pytest.raises(ValidationError, match=r"nested tensor .*to_padded_tensor"):
        p.run(x=nested)
    with pytest.raises(ProjectFileError, match=r"contains a NUL character"):
        save_tensor(torch.ones(2), "/tmp/bad\x00name.pt")


def test_a_loss_that_is_nan_from_the_first_step_blames_the_design_not_the_learning_rate():
    from editor.model.run.training import blow_up_text

    assert "before any weight was updated" in blow_up_text(float("nan"), 1)
    assert blow_up_text(float("inf"), 7) == "The loss became inf at step 7: the weights blew up."


def test_a_stopped_run_in_training_mode_gives_batchnorms_statistics_back():
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU()))
    p.input_shape = (8, 4)
    before = {name: b.clone() for name, b in p.model.named_buffers()}
    prepared = p.prepare_run(batch=8, train=True)
    asked = []

    def stop_at_the_third_block() -> bool:
        asked.append(1)
        return len(asked) == 3  # after BatchNorm ran (and moved its statistics)

    with pytest.raises(RunError, match=r"^Stopped before Block 2 \(ReLU\)"):
        prepared.execute(stop_at_the_third_block)
    assert all(torch.equal(before[name], b) for name, b in p.model.named_buffers())


def test_a_training_mode_run_says_which_blocks_moved_their_running_statistics():
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 2)))
    p.input_shape = (8, 4)
    noted = [n for n in p.run(batch=8, train=True).notes if "running statistics" in n]
    assert noted and noted[0].startswith("In training mode, Block 1 (BatchNorm1d) updated its running statistics")
    assert not [n for n in p.run(batch=8, train=False).notes if "running statistics" in n]


def test_a_design_whose_only_error_is_its_own_batch_of_one_still_trains():
    """BatchNorm on a design input of batch 1 is a shape error there, but a training's data have 8 to 256 samples
    (the check before training refused it: a review found it)."""
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(20, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2)))
    p.input_shape = (1, 20)
    assert p.node("1").error is not None
    assert len(p.train_steps(2)) == 2


def test_training_memory_counts_the_tasks_own_samples_not_256_images():
    from editor.model.run.training import task_samples

    assert task_samples((1, 3, 224, 224)) == 13 and task_samples((2, 20)) == 256 and task_samples((1, 10**8)) == 8


def test_seeds_from_numpy_or_a_0d_tensor_are_taken():
    import numpy as np

    p = mlp()
    assert torch.equal(p.run(seed=np.int64(3)).input, p.run(seed=torch.tensor(3)).input)
    assert torch.equal(p.run(seed=3).input, p.run(seed=np.int64(3)).input)


def test_an_in_place_block_after_one_that_passes_its_input_on_leaves_the_input_as_given():
    p = Project.from_module(nn.Sequential(nn.Identity(), nn.ReLU(inplace=True), nn.Linear(3, 2)))
    p.input_shape = (2, 3)
    x = torch.tensor([[-1.0, 2.0, -3.0], [4.0, -5.0, 6.0]])
    given = x.clone()
    assert torch.equal(p.run(x=x).input, given) and torch.equal(x, given)


def test_a_failed_run_keeps_values_the_design_got_while_it_ran():
    """A Reset from seed (or a load) while a training-mode run went, then Stop: the give-back wrote the statistics
    from before the run over the reset ones (a review found it)."""
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU()))
    p.input_shape = (8, 4)
    prepared = p.prepare_run(batch=8, train=True)
    asked = []

    def load_meanwhile_then_stop() -> bool:
        asked.append(1)
        if len(asked) == 2:  # before BatchNorm runs: the design gets new statistics
            p.load_state({"1.running_mean": torch.full((3,), 5.0)}, strict=False)
        return len(asked) == 3

    with pytest.raises(RunError, match=r"^Stopped before Block 2"):
        prepared.execute(load_meanwhile_then_stop)
    assert float(p.model[1].running_mean.min()) > 4.0  # the loaded values, as the run then moved them


def test_the_clusters_task_finds_the_classes_past_an_error_about_the_batch_alone():
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10), nn.ReLU(), nn.Linear(10, 5)))
    p.input_shape = (1, 20)
    before = p.model[1].running_mean.clone()
    trainer = p.make_trainer(task="clusters")
    assert torch.equal(p.model[1].running_mean, before)
    assert len(trainer.run(2)) == 2 and trainer.task.targets.max() == 4


def test_a_trainer_checks_its_settings_at_once_and_makes_its_optimizer_when_it_first_trains(monkeypatch):
    import pytest
    from torch import nn

    from editor import Project
    from editor.model.errors import ValidationError

    made = []
    sgd = torch.optim.SGD
    monkeypatch.setattr(torch.optim, "SGD", lambda *args, **kwargs: made.append(True) or sgd(*args, **kwargs))
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)))
    p.input_shape = (16, 4)
    with pytest.raises(ValidationError, match="learning rate"):
        p.make_trainer("teacher", "sgd", 0.0, 0)
    trainer = p.make_trainer("teacher", "sgd", 0.1, 0)
    assert made == []
    first = trainer.run(5)
    assert made == [True] and isinstance(trainer.optimizer, sgd)
    trainer.run(5)
    assert made == [True] and first[0] > trainer.losses[-1]  # one optimizer, its state kept between runs


def test_a_training_with_dropout_repeats_from_its_seed_however_its_steps_are_split():
    """Found by a walkthrough: with a Dropout, the same weights, settings and seed gave other losses each time (its
    masks came from the program's random numbers). They come from the training's seed now, and go on where a run
    stopped; the program's own random numbers are left as they were."""
    from torch import nn

    from editor import Project

    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 2)))
    p.input_shape = (16, 8)
    whole = p.make_trainer("teacher", "sgd", 0.05, seed=3).run(12)
    split = p.make_trainer("teacher", "sgd", 0.05, seed=3)
    torch.manual_seed(123)
    outside = torch.get_rng_state()
    split.run(5)
    assert torch.equal(torch.get_rng_state(), outside)  # the program's generator is where it was
    torch.rand(7)  # the program draws numbers of its own between two runs
    split.run(7)
    assert split.losses == whole
    other = p.make_trainer("teacher", "sgd", 0.05, seed=4).run(12)
    assert other != whole


def test_seeded_work_on_one_thread_and_a_training_with_dropout_on_another_do_not_disturb_each_other():
    """Found by a review: torch's global generator is one for all threads. A layer built from the seed (what the GUI
    thread does) during a training with Dropout in a worker was not always the seed's, and the training's losses did
    not repeat. Both now take turns (editor.model.randomness)."""
    import sys
    import threading

    from editor.model.design.seeding import seed_state
    from editor.model.randomness import forked

    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(64, 256), nn.Dropout(0.5), nn.Linear(256, 8)))
    p.input_shape = (8, 64)

    def seeded() -> torch.Tensor:
        with forked():  # as seeding.construct does
            torch.set_rng_state(seed_state(7))
            return torch.randn(50_000)

    expected = seeded()
    alone = p.make_trainer("teacher", "sgd", 1e-3, 0).run(150)
    trainer = p.make_trainer("teacher", "sgd", 1e-3, 0)
    out: dict[str, list[float]] = {}
    was = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # threads take turns often
    try:
        worker = threading.Thread(target=lambda: out.setdefault("losses", trainer.run(150)))
        worker.start()
        draws = []
        while worker.is_alive():
            draws.append(torch.equal(seeded(), expected))
        worker.join()
    finally:
        sys.setswitchinterval(was)
    assert draws and all(draws)
    assert out["losses"] == alone


def test_a_training_keeps_onto_the_design_it_was_copied_from_even_if_an_edit_came_and_went_before_it_built():
    """Found by a review: the copy was taken when the plan was built, on the training's thread; a block deleted and
    brought back by undo meanwhile left a copy of the 3-block design, which Keep took onto the 5-block one. The copy
    is taken with the plan now, on the design's own thread."""
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2)))
    p.input_shape = (8, 4)
    plan = p.prepare_training("teacher", "adam", 1e-2, 0)
    with p.transaction("Delete") as tx:
        p.pop(2)
        p.pop(2)
    trainer = plan.build()  # (on the training's thread, while the design has 3 blocks)
    p.revert(tx)
    assert [type(m).__name__ for m in trainer.model] == ["Linear", "Tanh", "Linear", "Tanh", "Linear"]
    trainer.run(30)
    p.keep_trained(trainer)
    with torch.no_grad():
        loss = float(((p.model(trainer.task.inputs) - trainer.task.targets) ** 2).mean())
    assert loss == pytest.approx(trainer.losses[-1], rel=0.5)  # (the design is now what was trained)
