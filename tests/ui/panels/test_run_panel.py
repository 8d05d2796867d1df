"""The Run tab: input shown as print(X), forward and backward in the background, the per-block table,
clicking a row, errors in plain words, saving and loading tensors, and training with keep or revert."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from editor import Project
from editor.model.run.inputs import make_input
from editor.ui.panels.run import RunPanel
from editor.ui.panels.run.panel import print_text


def mlp() -> Project:
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5)))
    p.input_shape = (2, 20)
    return p


@pytest.fixture
def panel(qtbot):
    widget = RunPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_project(mlp())
    return widget


def test_the_input_is_shown_as_print_shows_it(panel):
    panel.batch.setValue(3)
    panel.generator.setCurrentText("arange")
    x = make_input((3, 20), "arange")
    assert panel.input_text.toPlainText() == str(x)
    assert "(3, 20)" in panel.shape.text()


def test_forward_runs_in_the_background_and_fills_the_table(panel, qtbot):
    with qtbot.waitSignal(panel.layers.stats_model.modelReset, timeout=10_000):
        panel.forward_button.click()
    x = make_input((2, 20), "randn", 0)
    expected = panel.project.model(x)
    assert panel.output_text.toPlainText() == print_text(panel.result.output)
    assert torch.equal(panel.result.output, expected) and "grad_fn" not in panel.output_text.toPlainText()
    assert "torch.no_grad(), so the output has no grad_fn" in panel.summary.text()  # (a script's print shows one)
    assert panel.layers.stats_model.rowCount() == 3 and "Output shape (2, 5)" in panel.summary.text()
    selected = []
    panel.block_selected.connect(selected.append)
    panel.layers.clicked.emit(panel.layers.stats_model.index(1, 0))
    assert selected == ["1"]


def test_a_new_run_lets_the_shown_output_s_autograd_graph_go(panel, qtbot):
    """After a backward the output keeps its graph (its grad_fn), as in a script, until the next run starts."""
    with qtbot.waitSignal(panel.layers.stats_model.modelReset, timeout=10_000):
        panel.backward_button.click()
    first = panel.result
    assert first.output.grad_fn is not None and "grad_fn" not in panel.summary.text()
    with qtbot.waitSignal(panel.layers.stats_model.modelReset, timeout=10_000):
        panel.forward_button.click()
    assert first.output.grad_fn is None and panel.result is not first


def test_backward_leaves_gradients_and_says_so(panel, qtbot):
    panel.loss.setCurrentIndex(panel.loss.findData("mse"))
    with qtbot.waitSignal(panel.layers.stats_model.modelReset, timeout=10_000):
        panel.backward_button.click()
    assert "grad_fn" in panel.output_text.toPlainText()
    assert panel.project.model[0].weight.grad is not None and "Loss (MSE against zeros)" in panel.summary.text()


def test_errors_are_plain_words(panel, qtbot):
    messages = []
    panel.message.connect(messages.append)
    panel.project.set_hyperparameters("2", in_features=7)  # the last Linear no longer fits
    panel.forward_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[0] == ("Block 2 (Linear): Linear expects inputs whose last dimension is 7 (in_features), but "
                           "gets (2, 10).")


def test_save_and_load_a_tensor(panel, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "x.pt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.save_tensor("input")
    assert torch.equal(torch.load(target), make_input((2, 20), "randn", 0))
    torch.save(torch.ones(4, 20), target)
    assert panel.load_input(target)
    assert "(4, 20)" in panel.shape.text() and not panel.batch.isEnabled()
    torch.save({"not": "a tensor"}, tmp_path / "bad.pt")
    assert not panel.load_input(tmp_path / "bad.pt")
    assert "Could not use bad.pt" in panel.summary.text()


def test_training_shows_a_falling_loss_then_keep_or_revert(panel, qtbot):
    box = panel.training
    box.task.setCurrentIndex(box.task.findData("clusters"))
    box.lr.setValue(0.05)
    box.steps.setValue(80)
    weight = panel.project.model[0].weight.detach().clone()
    box.train.click()
    qtbot.waitUntil(lambda: box.keep.isEnabled(), timeout=20_000)
    losses = box.trainer.losses
    assert len(losses) == 80 and losses[-1] < losses[0]
    assert len(box.loss_curve.getData()[1]) == 80 and set(box.grad_curves) == {"0", "2"}
    assert torch.equal(panel.project.model[0].weight, weight)  # only a copy was trained
    kept = []
    panel.keep_trained_requested.connect(kept.append)
    box.keep.click()
    assert len(kept) == 1 and kept[0].losses == losses
    box.train.click()
    qtbot.waitUntil(lambda: box.revert.isEnabled(), timeout=20_000)
    box.revert.click()
    assert box.trainer is None and "Reverted" in box.status.text()


def test_stop_ends_a_long_training_early(panel, qtbot):
    box = panel.training
    box.steps.setValue(100_000)
    box.train.click()
    qtbot.waitUntil(lambda: box.trainer is not None and len(box.trainer.losses) > 3, timeout=20_000)
    box.stop.click()
    qtbot.waitUntil(lambda: box.keep.isEnabled(), timeout=20_000)
    assert len(box.trainer.losses) < 100_000 and "Stopped after" in box.status.text()
    assert box.stop.isEnabled() is False and Qt  # Stop is only for a running training


def test_the_training_mode_switch_is_model_train_and_eval(panel):
    model = panel.project.model
    assert panel.training_mode.isChecked() == model.training
    modes = []
    panel.mode_changed.connect(modes.append)
    panel.training_mode.setChecked(False)
    assert not model.training and not model[0].training and modes == [False]
    panel.training_mode.setChecked(True)
    assert model.training and modes == [False, True]


def test_the_training_plots_come_with_the_tab_and_get_the_room_they_had(window, qtbot):
    """Made on the Run tab's first show (not at start-up), yet laid out as if they had always been there."""
    box = window.run_panel.training
    assert not box.plots_made
    window.set_project(mlp())
    qtbot.wait(100)  # the hidden tab lays itself out meanwhile, without the plots
    window.show_tab("run")
    assert box.plots_made and box.loss_plot.isVisible() and box.grad_plot.isVisible()
    qtbot.wait(50)
    scroll = box.parentWidget().parentWidget()
    assert scroll.widget() is box and not scroll.horizontalScrollBar().isVisible()
    assert scroll.width() >= box.minimumSizeHint().width()


def test_asking_for_a_training_plot_makes_both(qtbot):
    box = RunPanel().training
    qtbot.addWidget(box)
    assert not box.plots_made
    curve = box.loss_curve
    assert box.plots_made and curve in box.loss_plot.getPlotItem().items and box.grad_plot is not box.loss_plot
