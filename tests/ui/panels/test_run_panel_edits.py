"""The Run tab when the design changes: after a run, during a run, and around a training (issue #13)."""

from __future__ import annotations

import math
from pathlib import Path

import torch
from PySide6.QtCore import QCoreApplication
from torch import nn

from editor import Project
from editor.ui.panels.run import RunPanel
from editor.ui.panels.run.training import FADED_OPACITY
from tests.ui.panels.test_run_panel import mlp


def _panel(qtbot, project: Project | None = None) -> RunPanel:
    widget = RunPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_project(project or mlp())
    return widget


def _forward(panel: RunPanel, qtbot) -> None:
    with qtbot.waitSignal(panel.layers.stats_model.modelReset, timeout=10_000):
        panel.forward_button.click()
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)


def test_an_edit_after_a_run_clears_its_outputs_and_a_row_click_never_selects_a_wrong_block(qtbot):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    assert panel.layers.stats_model.rowCount() == 3 and panel.save_output.isEnabled()
    selected: list[str] = []
    panel.block_selected.connect(selected.append)
    panel.project.set_label("0", "first")  # a name changes no output: the result stays
    assert panel.result is not None
    panel.project.pop(1)
    assert panel.result is None and panel.layers.stats_model.rowCount() == 0
    assert panel.output_text.toPlainText() == "" and not panel.save_output.isEnabled()
    assert "design changed since the last run" in panel.summary.text()
    _forward(panel, qtbot)
    assert [panel.layers.path_at(r) for r in range(panel.layers.stats_model.rowCount())] == ["0", "1"]
    panel.layers.clicked.emit(panel.layers.stats_model.index(1, 0))
    assert selected == ["1"]


def test_new_weights_make_the_outputs_stale_too(qtbot):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    panel.project.initialize("zeros_")
    assert panel.result is None and "run it again" in panel.summary.text()


def test_a_design_edited_while_the_run_goes_gets_no_outputs_of_the_old_one(qtbot, monkeypatch):
    panel = _panel(qtbot)
    project = panel.project
    original = panel.jobs.submit

    def edit_first(work, on_done, on_error):  # the edit lands while the worker runs
        project.pop(1)
        project.set_hyperparameters("1", in_features=10, out_features=30)
        return original(work, on_done=on_done, on_error=on_error)

    monkeypatch.setattr(panel.jobs, "submit", edit_first)
    panel.backward_button.click()
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)
    qtbot.waitUntil(lambda: "changed while the run was going" in panel.summary.text(), timeout=10_000)
    assert panel.result is None and panel.layers.stats_model.rowCount() == 0


def test_a_block_added_in_eval_mode_is_in_eval_mode(qtbot):
    panel = _panel(qtbot)
    panel.training_mode.setChecked(False)
    panel.project.insert_layer(1, "Dropout", p=0.5)
    assert not panel.project.model[1].training and not panel.project.model.training


def test_the_batch_follows_the_design_s_input_shape(qtbot):
    p = mlp()
    p.input_shape = (3, 20)
    panel = _panel(qtbot, p)
    assert panel.batch.value() == 3 and "(3, 20)" in panel.shape.text()
    p.input_shape = (7, 20)
    assert panel.batch.value() == 7 and "(7, 20)" in panel.shape.text()


def _train(box, qtbot, steps: int) -> None:
    box.steps.setValue(steps)
    box.train.click()
    qtbot.waitUntil(lambda: not box.running and box.revert.isEnabled(), timeout=20_000)


def test_keep_is_off_once_the_design_changed_and_back_when_undo_restores_it(qtbot):
    panel = _panel(qtbot)
    box = panel.training
    _train(box, qtbot, 5)
    assert box.keep.isEnabled()
    kept: list[object] = []
    box.keep_requested.connect(kept.append)
    with panel.project.transaction("widen") as tx:
        panel.project.set_hyperparameters("0", out_features=16)
        panel.project.set_hyperparameters("2", in_features=16)
    assert not box.keep.isEnabled() and "weights no longer fit" in box.status.text()
    assert box.keep.toolTip().startswith("Off: the design changed since this training")
    assert box.plots_faded  # the curves are of another design now
    assert {plot.getPlotItem().opacity() for plot in (box.loss_plot, box.grad_plot)} == {FADED_OPACITY}
    box.on_keep()
    assert kept == []
    panel.project.revert(tx)
    assert box.keep.isEnabled() and "Keep the trained weights" in box.status.text()
    assert box.keep.toolTip().startswith("Put the trained weights into the design")
    assert not box.plots_faded and box.loss_plot.getPlotItem().opacity() == 1.0
    with panel.project.transaction("widen again"):
        panel.project.set_hyperparameters("0", out_features=16)
        panel.project.set_hyperparameters("2", in_features=16)
    _train(box, qtbot, 2)  # a new training of the design as it is: drawn in full again
    assert not box.plots_faded and len(box.loss_curve.getData()[1]) == 2


def test_keep_is_off_once_the_weights_changed_since_training_started(qtbot):
    """An init after training: Keep would overwrite it, so it goes off, the plots fade and the status says why."""
    panel = _panel(qtbot)
    box = panel.training
    _train(box, qtbot, 3)
    kept: list[object] = []
    box.keep_requested.connect(kept.append)
    with panel.project.transaction("zero the biases") as tx:
        panel.project.initialize("zeros_", parameters="bias", blocks=["0"])
    assert not box.keep.isEnabled() and "weights changed since this training started" in box.status.text()
    assert box.keep.toolTip().startswith("Off: the weights changed") and box.plots_faded
    box.on_keep()
    assert kept == []
    panel.project.revert(tx)  # written back in place: torch counts writes, not values, so Keep stays off
    assert not box.keep.isEnabled() and box.plots_faded
    _train(box, qtbot, 2)  # a new training, from the weights as they are
    assert box.keep.isEnabled() and not box.plots_faded and len(box.loss_curve.getData()[1]) == 2


def test_train_again_with_new_settings_starts_a_new_training(qtbot):
    panel = _panel(qtbot)
    box = panel.training
    _train(box, qtbot, 3)
    first = box.trainer
    _train(box, qtbot, 2)  # same settings: goes on
    assert box.trainer is first and len(first.losses) == 5
    box.optimizer.setCurrentIndex(box.optimizer.findData("sgd"))
    box.task.setCurrentIndex(box.task.findData("clusters"))
    _train(box, qtbot, 2)
    assert box.trainer is not first and len(box.trainer.losses) == 2
    assert box.trainer.settings["optimizer"] == "sgd" and box.trainer.task.name == "clusters"
    assert len(box.loss_curve.getData()[1]) == 2


def test_the_status_counts_this_training_and_a_blown_up_loss_cannot_be_kept(qtbot):
    panel = _panel(qtbot)
    box = panel.training
    box.steps.setValue(1)
    box.train.click()
    qtbot.waitUntil(lambda: not box.running and box.revert.isEnabled(), timeout=20_000)
    assert box.status.text().startswith("Trained 1 step.")
    box.trainer.stopped_by = "Stopped after 1 step."  # as a Stop would have left it
    _train(box, qtbot, 3)
    assert box.status.text().startswith("Trained 4 steps.")
    box.trainer.losses.append(math.inf)
    box._show_outcome(box.trainer)
    assert not box.keep.isEnabled() and box.revert.isEnabled()


def test_messages_follow_the_language(qtbot):
    from editor.ui import i18n

    p = Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 4)))
    p.input_shape = (2, 4)
    panel = _panel(qtbot, p)
    panel.load_input(Path("/nonexistent/x.pt"))
    english = panel.summary.text()
    assert english.startswith("Could not use x.pt")
    box = panel.training
    try:
        i18n.languages().install("zh_CN")
        QCoreApplication.processEvents()
        assert panel.summary.text() != english and "x.pt" in panel.summary.text()
        assert box.status.text() != "Trains a copy of the model; the design changes only when you keep the result."
    finally:
        i18n.languages().install("en")
        QCoreApplication.processEvents()
    assert panel.summary.text() == english
    assert torch.is_tensor(panel._input())


def test_the_training_plots_fit_the_run_tab_of_a_default_window_and_name_their_curves(window, qtbot):
    """At 1400×900 the whole loss curve shows without scrolling (a plot once asked for 480 px and only its top
    showed), with no sideways scrolling, and the gradient curves' blocks are named under the plots."""
    from PySide6.QtCore import QPoint

    window.set_project(mlp())
    window.show_tab("run")
    box = window.run_panel.training
    _train(box, qtbot, 3)
    qtbot.wait(50)
    scroll = window.run_panel._training_scroll
    for plot in (box.loss_plot, box.grad_plot):
        bottom = plot.mapTo(scroll.viewport(), QPoint(0, plot.height())).y()
        assert plot.height() >= 100 and bottom <= scroll.viewport().height()
    assert not scroll.horizontalScrollBar().isVisible()
    assert "Gradient curves, by block:" in box.legend.text() and "</span> 2" in box.legend.text()


def test_an_inferred_input_shape_runs_a_batch_of_two_so_batchnorm_can_train(qtbot):
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10)))
    assert p.given_input_shape is None and p.input_shape[0] == 1
    panel = _panel(qtbot, p)
    assert panel.batch.value() == 2
    _forward(panel, qtbot)
    assert "Output shape (2, 10)" in panel.summary.text()


def test_new_weights_while_the_run_goes_make_its_outputs_stale(qtbot, monkeypatch):
    panel = _panel(qtbot)
    project = panel.project
    original = panel.jobs.submit

    def new_weights_first(work, on_done, on_error):
        project.initialize("zeros_", parameters="all")
        return original(work, on_done=on_done, on_error=on_error)

    monkeypatch.setattr(panel.jobs, "submit", new_weights_first)
    panel.forward_button.click()
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)
    qtbot.waitUntil(lambda: "changed while the run was going" in panel.summary.text(), timeout=10_000)
    assert panel.result is None


def test_train_after_new_weights_trains_them_anew(qtbot):
    panel = _panel(qtbot)
    box = panel.training
    _train(box, qtbot, 3)
    first = box.trainer
    panel.project.reset_parameters()
    _train(box, qtbot, 2)
    assert box.trainer is not first and len(box.trainer.losses) == 2


def test_a_run_that_ends_after_another_project_was_opened_leaves_the_panel_ready(qtbot, monkeypatch):
    panel = _panel(qtbot)
    original = panel.jobs.submit
    other = mlp()

    def open_another_first(work, on_done, on_error):
        panel.set_project(other)
        return original(work, on_done=on_done, on_error=on_error)

    monkeypatch.setattr(panel.jobs, "submit", open_another_first)
    panel.forward_button.click()
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)
    qtbot.waitUntil(lambda: panel.forward_button.isEnabled(), timeout=10_000)
    assert panel.project is other and panel.result is None and "Output shape" not in panel.summary.text()


def test_an_undo_that_brings_the_design_back_brings_its_outputs_back(qtbot):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    shown = panel.result
    with panel.project.transaction("delete") as tx:
        panel.project.pop(1)
    assert panel.result is None and "design changed since the last run" in panel.summary.text()
    panel.project.revert(tx)
    assert panel.result is shown and panel.layers.stats_model.rowCount() == 3
    assert "Output shape (2, 5)" in panel.summary.text() and panel.save_output.isEnabled()
    panel.project.pop(1)
    panel.project.initialize("zeros_")  # new weights: what was set aside is gone for good
    with panel.project.transaction("insert") as tx:
        panel.project.insert_layer(1, "ReLU")
    assert panel.result is None


def test_the_loss_axis_numbers_decades_and_their_halves_and_fifths_without_crowding():
    from editor.ui.panels.run.plots import log_ticks

    assert log_ticks(0.005, 0.2) == [0.005, 0.01, 0.02, 0.05, 0.1, 0.2]
    assert log_ticks(0.02, 0.09) == [0.02, 0.05]
    assert log_ticks(1e-5, 3) == [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0]  # many decades: the powers of ten alone
    assert log_ticks(0.0, 1.0) == [] and log_ticks(1.0, float("inf")) == []  # pyqtgraph's own then
    # a short range still gets numbers (pyqtgraph's log axis gave none: 10 SGD steps from 0.1924 to 0.1768)
    assert log_ticks(0.1768, 0.1924) == [0.18, 0.19]
    assert log_ticks(1.5, 1.9) == [1.5, 1.9] and log_ticks(0.011, 0.019) == [0.011, 0.019]
    assert log_ticks(0.15, 0.45) == [0.2, 0.3, 0.4] and log_ticks(0.5, 0.5) == [0.5]
    # a loss stuck at chance (ln 2, ln 10): both numbers inside the range, where the axis shows them
    for low, high in ((0.6931, 0.69318), (2.3025, 2.3027), (0.17649, 0.1924)):
        ticks = log_ticks(low, high)
        assert len(ticks) == 2 and low <= ticks[0] < ticks[1] <= high, (low, high, ticks)


def test_the_loss_plot_numbers_the_losses_it_shows(qtbot):
    import math

    panel = _panel(qtbot)
    box = panel.training
    _train(box, qtbot, 20)
    axis = box.loss_plot.getPlotItem().getAxis("left")
    losses = box.trainer.losses
    values = [10 ** position for position, _ in axis._tickLevels[0]]
    assert values and all(min(losses) * 0.999 <= v <= max(losses) * 1.001 for v in values)
    assert [label for _, label in axis._tickLevels[0]] == [f"{v:g}" for v in values]
    for v in values:  # 1, 2 or 5 times a power of ten
        mantissa = v / 10 ** math.floor(math.log10(v) + 1e-9)
        assert any(math.isclose(mantissa, m) for m in (1, 2, 5)), v


def test_a_new_input_takes_the_old_output_off_and_the_old_input_brings_it_back(qtbot, tmp_path):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    shown = panel.output_text.toPlainText()
    assert shown and panel.save_output.isEnabled()
    panel.seed.setValue(1)  # another X: the output, its table and Save output… were of the old one
    assert panel.result is None and panel.output_text.toPlainText() == "" and not panel.save_output.isEnabled()
    assert panel.layers.stats_model.rowCount() == 0
    assert "The input changed since the last run" in panel.summary.text()
    panel.seed.setValue(0)  # the X of that run again
    assert panel.output_text.toPlainText() == shown and panel.save_output.isEnabled()


def test_a_good_load_after_a_refused_one_clears_the_error(qtbot, tmp_path):
    panel = _panel(qtbot)
    torch.save({"not": "a tensor"}, tmp_path / "bad.pt")
    assert not panel.load_input(tmp_path / "bad.pt")
    assert "Could not use bad.pt" in panel.summary.text()
    torch.save(torch.ones(4, 20), tmp_path / "x.pt")
    assert panel.load_input(tmp_path / "x.pt")
    assert "x.pt is the input now" in panel.summary.text() and "Could not" not in panel.summary.text()


def test_a_row_with_nan_says_how_much_of_it_and_that_its_numbers_leave_them_out(qtbot):
    import math

    from PySide6.QtCore import Qt

    project = mlp()
    with torch.no_grad():
        project.model[2].weight[0, 0] = math.inf
    panel = _panel(qtbot, project)
    _forward(panel, qtbot)
    model = panel.layers.stats_model
    row = next(r for r in range(model.rowCount()) if model.rows[r].path == "2")
    tip = model.data(model.index(row, 3), Qt.ItemDataRole.ToolTipRole)
    share = model.rows[row].nonfinite
    assert tip.startswith(f"{share:.0%} of this output is NaN or Inf") and "over the other values alone" in tip


def test_an_input_changed_while_the_run_went_on_does_not_get_the_old_output(qtbot):
    panel = _panel(qtbot)
    panel.forward_button.click()
    panel.seed.setValue(5)  # before the run's result reaches the GUI thread
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)
    qtbot.wait(50)
    assert panel.result is None and "The input changed since the last run" in panel.summary.text()
    panel.seed.setValue(0)  # the X it ran on: its outputs come back
    assert panel.result is not None and panel.save_output.isEnabled()


def test_a_loaded_input_with_nan_keeps_its_output_through_an_edit(qtbot, tmp_path):
    panel = _panel(qtbot)
    x = torch.randn(3, 20)
    x[0, 0] = float("nan")
    torch.save(x, tmp_path / "nan.pt")
    assert panel.load_input(tmp_path / "nan.pt")
    _forward(panel, qtbot)
    panel.project.set_label("0", "first")  # an edit that changes neither the design's run nor its input
    assert panel.result is not None and panel.output_text.toPlainText()


def test_an_input_shape_edit_undone_brings_the_outputs_back(qtbot):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    shown = panel.output_text.toPlainText()
    with panel.project.transaction("another batch") as tx:
        panel.project.input_shape = (5, 20)
    assert panel.result is None
    panel.project.revert(tx)
    assert panel.output_text.toPlainText() == shown


def test_train_on_a_design_with_a_shape_error_says_which_block_in_the_tab(qtbot):
    """Train ran the teacher on such a design and torch's "mat1 and mat2" went to the crash handler."""
    from torch import nn

    p = Project.from_module(nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(128, 10)))
    p.input_shape = (2, 20)
    panel = _panel(qtbot, p)
    said = []
    panel.training.message.connect(said.append)
    panel.training.train.click()
    assert not panel.training.running and panel.training.trainer is None
    assert said and said[0].startswith("Block 2 (Linear):") and "Fix this before training" in said[0]
    assert panel.training.status.text() == said[0]


def test_new_settings_say_that_the_steps_not_kept_were_dropped(qtbot):
    """Switching from Adam to SGD started a new training and the 40 steps before went without a word."""
    panel = _panel(qtbot)
    box = panel.training
    _train(box, qtbot, 4)
    box.optimizer.setCurrentIndex(box.optimizer.findData("sgd"))
    _train(box, qtbot, 3)
    assert box.status.text().startswith("New settings, so a new training from the design's weights: the 4 steps "
                                        "not kept were dropped. Trained 3 steps.")
    _train(box, qtbot, 2)  # the same settings: it goes on, nothing dropped
    assert box.status.text().startswith("Trained 5 steps.")


def test_outputs_gone_for_new_weights_say_the_weights_changed_not_the_design(qtbot):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    weight = panel.project.model[0].weight
    panel.project.load_state({"0.weight": torch.zeros_like(weight)}, strict=False)
    assert panel.result is None
    assert panel.summary.text().startswith("The weights changed since the last run")


def test_stop_ends_a_run_before_its_next_block_and_says_so_calmly(qtbot, monkeypatch):
    """A forward could run for minutes (a large Conv2d, a large batch) with no way to end it."""
    import threading

    from editor.model.project.running import PreparedRun

    panel = _panel(qtbot)
    assert panel.stop_button.isHidden()
    clicked = threading.Event()
    execute = PreparedRun.execute

    def waits(self, should_stop=None):  # the run starts once Stop was clicked
        clicked.wait(10)
        return execute(self, should_stop)

    monkeypatch.setattr(PreparedRun, "execute", waits)
    before = [t.clone() for t in panel.project.model.parameters()]
    panel.forward_button.click()
    assert not panel.stop_button.isHidden() and not panel.forward_button.isEnabled()
    panel.stop_button.click()
    clicked.set()
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)
    qtbot.waitUntil(lambda: panel.forward_button.isEnabled(), timeout=10_000)
    assert panel.summary.text() == ("Stopped before Block 0 (Linear): the run ended there, and nothing it did is "
                                    "kept.")
    assert panel.stop_button.isHidden() and panel.result is None
    assert all(torch.equal(a, b) for a, b in zip(before, panel.project.model.parameters(), strict=True))
    monkeypatch.undo()
    _forward(panel, qtbot)  # the next run is not stopped
    assert panel.result is not None


def test_a_refused_new_training_leaves_the_one_before_to_keep_or_revert(qtbot):
    """Keep stayed on after the clusters task was refused, and did nothing: the training before was gone."""
    from torch import nn

    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 1)))
    p.input_shape = (3, 20)
    panel = _panel(qtbot, p)
    box = panel.training
    _train(box, qtbot, 4)
    before = box.trainer
    box.task.setCurrentIndex(box.task.findData("clusters"))
    box.train.click()
    assert box.status.text().startswith("The clusters task needs class scores")
    assert box.trainer is before and box.keep.isEnabled() and len(before.losses) == 4
