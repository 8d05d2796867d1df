"""Running a design: output, per-block statistics, gradients, NaN and error messages, training (issue #13)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch
from torch import nn

from editor import Project, RunError
from editor.model.errors import MemoryLimitError, ValidationError
from editor.model.run import devices as devices_module
from editor.model.run.forward import describe_failure
from editor.model.run.inputs import make_input


def mlp(seed: int = 0) -> Project:
    torch.manual_seed(seed)
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5)))
    p.input_shape = (3, 20)
    return p


def test_the_output_is_model_of_x_bit_for_bit_and_has_grad_fn():
    p = mlp()
    result = p.run(batch=3, generator="randn", seed=4, backward="sum")
    x = make_input((3, 20), "randn", 4)
    assert torch.equal(result.input, x)
    assert torch.equal(result.output, p.model(x)) and result.output.grad_fn is not None
    assert result.seconds >= 0 and result.loss is not None


def test_per_block_statistics_equal_forward_hooks():
    p = Project.from_module(nn.Sequential(nn.Linear(8, 6), nn.ReLU(), nn.Sequential(nn.Linear(6, 6), nn.Tanh())))
    p.input_shape = (4, 8)
    seen = {}
    for name, module in p.model.named_modules():
        if name and not isinstance(module, nn.Sequential):
            module.register_forward_hook(lambda m, i, o, name=name: seen.__setitem__(name, o.detach()))
    result = p.run(batch=4, seed=1)
    assert list(result.layers) == ["0", "1", "2.0", "2.1"]
    for path, stats in result.layers.items():
        out = seen[path]
        assert stats.shape == tuple(out.shape)
        assert stats.mean == pytest.approx(float(out.mean()), rel=1e-5, abs=1e-7)
        assert stats.std == pytest.approx(float(out.std()), rel=1e-5, abs=1e-7)
        assert (stats.min, stats.max) == (float(out.min()), float(out.max()))
        assert stats.zeros == float((out == 0).sum()) / out.numel()
        assert sum(stats.histogram) == out.numel()
    assert result.layers["1"].zeros > 0  # dead ReLUs show


def test_gradients_are_autograd_s_and_a_tied_module_sums_both_uses():
    shared = nn.Linear(6, 6)
    p = Project.from_module(nn.Sequential(shared, nn.Tanh(), shared))
    p.input_shape = (2, 6)
    result = p.run(batch=2, seed=3, backward="mse")
    x = make_input((2, 6), "randn", 3)
    plain_shared = nn.Linear(6, 6)
    plain_shared.load_state_dict(shared.state_dict())
    plain = nn.Sequential(plain_shared, nn.Tanh(), plain_shared)
    torch.nn.functional.mse_loss(plain(x), torch.zeros(2, 6)).backward()
    assert torch.equal(shared.weight.grad, plain_shared.weight.grad)
    assert result.gradients["0.weight"][0] == pytest.approx(float(plain_shared.weight.grad.norm()))
    assert any("sum of the gradients from all 2 places" in note for note in result.notes)


def test_grads_are_this_run_s_not_accumulated():
    p = mlp()
    p.run(backward="sum")
    first = p.model[0].weight.grad.clone()
    p.run(backward="sum")
    assert torch.equal(p.model[0].weight.grad, first)


def test_cross_entropy_and_a_refused_loss():
    p = mlp()
    assert p.run(backward="cross_entropy").loss > 0
    with pytest.raises(ValidationError, match="Unknown loss"):
        p.run(backward="hinge")


def test_nan_is_traced_to_the_first_block_where_it_appears():
    p = mlp()
    with torch.no_grad():
        p.model[2].weight[0, 0] = math.inf
    result = p.run()
    assert not result.layers["2"].finite and result.layers["0"].finite
    assert "first appears in the output of block 2" in result.notes[0]
    assert "over its finite values alone" in result.notes[0]
    out = result.output  # block 2 is the last: its share of NaN/Inf is the output's
    assert result.layers["2"].nonfinite == pytest.approx(1 - int(torch.isfinite(out).sum()) / out.numel()) == 0.2
    assert result.layers["0"].nonfinite == 0.0


def test_a_shape_mismatch_names_the_block_and_what_it_got():
    p = mlp()
    with pytest.raises(RunError, match=r"Block 0 \(Linear\).*It got \(3, 7\)") as info:
        p.run(x=torch.randn(3, 7))
    assert info.value.path == "0"


def test_device_mismatch_and_out_of_memory_in_plain_words():
    x = torch.zeros(2, 3)
    text = describe_failure(RuntimeError("Expected all tensors to be on the same device, but found at least two "
                                         "devices, cuda:0 and cpu!"), "Block 0 (Linear)", x, torch.device("cuda:0"))
    assert "the input is on cpu but the model is on cuda:0" in text and "same device" in text
    assert "out of memory" in describe_failure(MemoryError(), "Block 1 (Linear)", x, torch.device("cpu"))


def test_train_mode_matters_for_dropout_and_the_model_s_mode_is_kept():
    p = Project.from_module(nn.Sequential(nn.Linear(50, 50), nn.Dropout(0.5)))
    p.input_shape = (8, 50)
    p.model.eval()
    assert p.run(train=True).layers["1"].zeros > 0.3
    assert p.run(train=False).layers["1"].zeros < 0.05
    assert not p.model.training and not p.model[1].training


def test_training_lowers_the_loss_and_is_one_undoable_edit():
    p = mlp()
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with p.transaction("train") as tx:
        losses = p.train_steps(60, task="clusters", optimizer="adam", lr=0.05, seed=1)
    assert len(losses) == 60 and losses[-1] < losses[0] / 2
    assert not p.weights_from_seed
    p.revert(tx)
    assert all(torch.equal(v, before[k]) for k, v in p.model.state_dict().items())
    teacher = p.train_steps(40, task="teacher", optimizer="sgd", lr=0.1)
    assert teacher[-1] < teacher[0]


def test_training_refusals_say_why():
    p = mlp()
    with pytest.raises(ValidationError, match="learning rate"):
        p.train_steps(5, lr=-1)
    with pytest.raises(ValidationError, match="steps"):
        p.train_steps(0)
    conv = Project.from_module(nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(8, 3)))
    conv.input_shape = (2, 1, 4, 4)
    with pytest.raises(RunError, match="teacher task"):
        conv.train_steps(5, task="clusters")
    assert len(conv.train_steps(3, task="teacher")) == 3


def test_a_trainer_stops_when_asked_and_keeps_the_trained_copy_apart():
    p = mlp()
    trainer = p.make_trainer(task="teacher", lr=0.01)
    weight = p.model[0].weight.detach().clone()
    steps = []
    trainer.run(100, on_step=lambda step, loss, norms: steps.append(norms), should_stop=lambda: len(steps) >= 5)
    assert len(trainer.losses) == 5 and set(steps[0]) == {"0", "2"} and "Stopped after 5" in trainer.stopped_by
    assert torch.equal(p.model[0].weight, weight)  # the design is untouched until kept
    p.keep_trained(trainer)
    assert not torch.equal(p.model[0].weight, weight)


def test_token_inputs_for_an_embedding_design():
    p = Project.from_module(nn.Sequential(nn.Embedding(10, 4), nn.Flatten(), nn.Linear(12, 2)))
    p.input_shape = (2, 3)
    result = p.run(batch=2)
    assert result.input.dtype == torch.long and int(result.input.max()) < 10


def fake_cuda(monkeypatch, free: int, total: int = 80 * 1024**3, count: int = 2) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: count)
    monkeypatch.setattr(torch.cuda, "current_device", lambda: 0)
    monkeypatch.setattr(torch.cuda, "get_device_properties", lambda i: SimpleNamespace(name=f"Fake GPU {i}"))
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda i=0: (free, total))


def test_devices_are_listed_with_names_memory_and_reasons(monkeypatch):
    fake_cuda(monkeypatch, free=40 * 1024**3)
    found = devices_module.list_devices()
    assert [d.name for d in found][:3] == ["cpu", "cuda:0", "cuda:1"]
    assert "Fake GPU 1" in found[2].label and "free of" in found[2].label and found[2].available


def test_without_cuda_the_reason_is_given(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.version, "cuda", None)
    cuda = next(d for d in devices_module.list_devices() if d.name == "cuda")
    assert not cuda.available and "CPU-only" in cuda.reason


def test_a_move_that_does_not_fit_is_refused_with_both_numbers(monkeypatch):
    p = Project.from_module(nn.Sequential(nn.Linear(1000, 1000)))
    p.input_shape = (8, 1000)
    fake_cuda(monkeypatch, free=1024)
    with pytest.raises(MemoryLimitError, match=r"needs about 3\.\d MiB on cuda:0.*only 1\.0 KiB is free"):
        p.to("cuda:0")
    assert p.device == "cpu"


@pytest.mark.cuda
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_forward_and_backward_on_cuda():
    p = mlp()
    p.to("cuda:0")
    result = p.run(backward="mse")
    assert result.output.device.type == "cuda" and p.model[0].weight.grad.device.type == "cuda"
    assert torch.equal(result.output, p.model(result.input))
    assert len(p.train_steps(5)) == 5


def test_a_move_reports_progress_layer_by_layer(monkeypatch):
    from editor.model.project import devices as project_devices

    p = mlp()
    monkeypatch.setattr(project_devices, "check_device", lambda device: torch.device("meta"))
    monkeypatch.setattr(project_devices, "check_fits", lambda device, needed: None)
    calls = []
    p.to("meta", progress=lambda done, total: calls.append((done, total)))  # meta: any device but the CPU
    assert calls == [(1, 3), (2, 3), (3, 3)] and p.model[0].weight.device.type == "meta" and p.device == "meta"


def test_a_design_edited_while_a_run_executes_changes_nothing_of_that_run():
    """The run keeps to the modules and parameters it was prepared with (it once failed with KeyError)."""
    p = mlp()
    prepared = p.prepare_run(batch=3, backward="sum", train=True)
    old_first = p.model[0]
    p.model.eval()
    p.pop(1)  # edited on the GUI thread while the worker would be running
    p.set_hyperparameters("1", in_features=10, out_features=30)
    result = prepared.execute()
    assert result.output.shape == (3, 5)
    assert set(result.gradients) == {"0.weight", "0.bias", "2.weight", "2.bias"}
    assert old_first.weight.grad is not None and not old_first.training
    assert all(not m.training for m in prepared.modules)  # trained for the run, then eval again as before
    assert prepared.signature != p.run_signature()


def test_keeping_a_training_after_the_design_changed_is_refused_and_changes_nothing():
    p = mlp()
    trainer = p.make_trainer(task="teacher", lr=0.05)
    trainer.run(5)
    p.set_hyperparameters("2", out_features=16)
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(RunError, match="design changed since this training started"):
        p.keep_trained(trainer)
    assert all(torch.equal(v, before[k]) for k, v in p.model.state_dict().items())
    assert p.weights_from_seed
    names: list[str] = []
    p.events.transaction_done.connect(lambda tx: names.append(tx.name))
    again = p.make_trainer(task="teacher", lr=0.05)
    again.run(1)
    p.keep_trained(again)
    assert not p.weights_from_seed and names == ["Train 1 step"]


def test_keeping_a_training_after_the_weights_changed_is_refused_and_keeps_that_change():
    """An init (or a reset, an undo, a load) after training started: keeping would overwrite it."""
    p = mlp()
    trainer = p.make_trainer(task="teacher", lr=0.05)
    trainer.run(5)
    p.initialize("zeros_", parameters="bias", blocks=["0"])
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(RunError, match="weights changed since this training started"):
        p.keep_trained(trainer)
    assert all(torch.equal(v, before[k]) for k, v in p.model.state_dict().items())
    kept = p.make_trainer(task="teacher", lr=0.05)
    kept.run(2)
    with p.transaction("train") as tx:
        p.keep_trained(kept)
    later = p.make_trainer(task="teacher", lr=0.05)  # starts from the kept weights
    later.run(2)
    p.revert(tx)  # the weights it started from are gone again
    with pytest.raises(RunError, match="weights changed"):
        p.keep_trained(later)
    behind = p.make_trainer(task="teacher", lr=0.05)
    behind.run(1)
    p.model[0].weight.data.fill_(7.0)  # d2l's idiom: torch does not count a write through .data
    with pytest.raises(RunError, match="weights changed"):
        p.keep_trained(behind)
    assert bool((p.model[0].weight == 7.0).all())
    untouched = p.make_trainer(task="teacher", lr=0.05)
    untouched.run(1)
    p.run(backward="mse")  # gradients are not weights
    p.keep_trained(untouched)


def test_a_second_run_of_a_trainer_says_why_it_stopped_this_time_and_counts_in_words():
    p = mlp()
    trainer = p.make_trainer(task="teacher", lr=0.01)
    trainer.run(10, should_stop=lambda: True)
    assert trainer.stopped_by == "Stopped after 1 step."
    trainer.run(3)
    assert trainer.stopped_by == "" and len(trainer.losses) == 4 and not trainer.blew_up
    assert trainer.settings == {"task": "teacher", "optimizer": "adam", "lr": 0.01, "seed": 0}


def test_failures_say_what_the_block_got_and_what_the_design_expects():
    p = mlp()
    with pytest.raises(RunError) as info:
        p.run(x=torch.randn(4, 7))
    assert str(info.value).endswith("(4x7 and 20x10). It got (4, 7), where the design expects (4, 20).")
    bad = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(7, 5)))
    bad.input_shape = (3, 20)
    with pytest.raises(RunError, match=r"but gets \(3, 10\)\. In this run it got \(2, 10\)\.$"):  # (its batch: the
        bad.run(batch=2)  # design's sentence has the design's own, which read as a mistake beside a batch of 2)
    with pytest.raises(RunError, match=r"but gets \(3, 10\)\.$"):
        bad.run(batch=3)
    with pytest.raises(RunError, match=r"but gets \(3, 10\)\. In this run it got \(3, 5, 10\)\.$"):
        bad.run(x=torch.randn(3, 5, 20))  # more than the batch differs from the design's input
    norm = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10)))
    norm.input_shape = (3, 20)
    with pytest.raises(RunError, match="batch of 2 or more, or turn training mode off"):
        norm.run(batch=1, train=True)


def test_train_steps_that_blow_up_raise_and_keep_the_weights():
    p = mlp()
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with pytest.raises(RunError, match=r"the weights blew up, so the design keeps the weights it had"):
        p.train_steps(40, optimizer="sgd", lr=10.0)
    assert all(torch.equal(v, before[k]) for k, v in p.model.state_dict().items())
    assert p.weights_from_seed


def test_run_and_train_inside_a_transaction_see_its_auto_sizes_and_its_revert_undoes_all():
    from editor.model.examples import mlp as example_mlp

    p = example_mlp(0)  # block 2's in_features is "auto"
    before = {k: v.clone() for k, v in p.model.state_dict().items()}
    with p.transaction("wider") as tx:
        p.set_hyperparameters("0", out_features=12)
        assert p.run().output.shape == (2, 5)  # block 2 follows: Linear(12, 5) already
        assert len(p.train_steps(3)) == 3
    assert p.model[2].in_features == 12
    p.revert(tx)
    assert p.model[2].in_features == 10
    assert all(torch.equal(v, before[k]) for k, v in p.model.state_dict().items())


def test_a_training_step_that_fails_says_so_in_plain_words(monkeypatch):
    p = mlp()
    trainer = p.make_trainer(task="teacher")

    def broken(output):
        raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (256x12 and 10x5)")

    monkeypatch.setattr(trainer.task, "loss_of", broken)
    modes = [m.training for m in trainer.model.modules()]
    with pytest.raises(RunError, match=r"^Training step 1: mat1 and mat2 shapes cannot be multiplied"):
        trainer.run(2)
    assert [m.training for m in trainer.model.modules()] == modes  # put back as they were


def test_nan_already_in_the_input_is_said_to_be_the_input_s():
    p = mlp()
    x = torch.randn(3, 20)
    x[0, 0] = float("nan")
    notes = p.run(x=x).notes
    assert any("The input already holds NaN or Inf" in note for note in notes)
    assert not any("first appears in the output of block" in note for note in notes)


def test_embedding_failures_say_which_ids_it_looks_up():
    p = Project.from_module(nn.Sequential(nn.Embedding(10, 4)))
    p.input_shape = (2, 3)
    with pytest.raises(RunError, match=r"num_embeddings=10, so it looks up ids 0 to 9; this input holds ids from 2 "
                                       r"to 12\. Use ids from 0 to 9"):
        p.run(x=torch.tensor([[2, 3, 12], [4, 5, 6]]))
    with pytest.raises(RunError, match=r"holds ids from -1 to 6"):
        p.run(x=torch.tensor([[2, 3, -1], [4, 5, 6]]))
    for dtype in (torch.float32, torch.uint8):
        with pytest.raises(RunError, match=r"looks up token ids: it takes a LongTensor of whole numbers.*not "
                                           rf"{dtype}"):
            p.run(x=torch.ones(2, 3, dtype=dtype))


def test_a_run_that_does_not_fit_says_so_as_a_run_and_x_must_be_a_tensor(monkeypatch):
    from editor.model.run import devices

    p = mlp()
    monkeypatch.setattr(devices, "free_memory", lambda device: 1024)
    with pytest.raises(MemoryLimitError, match=r"This run needs about .* on cpu .*only 1\.0 KiB is free there\. Use a "
                                               r"smaller batch") as refused:
        p.run(batch=2)
    assert "stay on the current device" not in str(refused.value)
    with pytest.raises(MemoryLimitError, match=r"Training needs about"):
        p.make_trainer()
    monkeypatch.undo()
    with pytest.raises(ValidationError, match=r"x is a list, not a tensor: pass one") as refused:
        p.run(x=[1, 2, 3])
    assert "file" not in str(refused.value)
