"""A learner's second steps in the Run tab: the mode switch during a run, another project after a training, a
blown-up training, an undone rebuild, an undone Keep (issue #13)."""

from __future__ import annotations

import torch

from editor.model import examples
from editor.ui.panels.run.plots import MAX_DECADE_TICKS, log_ticks
from editor.ui.panels.run.training import FADED_OPACITY
from tests.ui.helpers import settle
from tests.ui.panels.test_run_panel_edits import _forward, _panel, _train


def test_the_mode_switch_is_locked_while_a_run_goes(qtbot, monkeypatch):
    """Flipped during a run, the run would put the old mode back when it ends: the model and the switch disagreed."""
    panel = _panel(qtbot)
    started = []
    original = panel.jobs.submit

    def submit(work, **kwargs):
        started.append(panel.training_mode.isEnabled())
        return original(work, **kwargs)

    monkeypatch.setattr(panel.jobs, "submit", submit)
    _forward(panel, qtbot)
    assert started == [False] and panel.training_mode.isEnabled()


def test_another_project_clears_the_training_curves(qtbot):
    panel = _panel(qtbot)
    box = panel.training
    box.show()
    _train(box, qtbot, 5)
    assert box.grad_curves and box.legend.text()
    panel.set_project(examples.mlp(0))
    assert not box.grad_curves and box.legend.text() == "" and len(box.loss_curve.getData()[0] or []) == 0


def test_a_blown_up_training_is_faded_and_its_axis_numbers_a_few_decades(qtbot):
    assert len(log_ticks(1.0, 1e32)) <= MAX_DECADE_TICKS + 1
    assert log_ticks(1.0, 1e32)[:3] == [1.0, 1e6, 1e12]
    panel = _panel(qtbot)
    box = panel.training
    box.show()
    box.optimizer.setCurrentIndex(box.optimizer.findData("sgd"))
    box.lr.setValue(box.lr.maximum())
    box.steps.setValue(200)
    box.train.click()
    qtbot.waitUntil(lambda: not box.running and box.revert.isEnabled(), timeout=20_000)
    assert box.trainer.blew_up and not box.keep.isEnabled()
    assert box.plots_faded and box.loss_plot.getPlotItem().opacity() == FADED_OPACITY
    item = box.grad_plot.getPlotItem()
    assert item.titleLabel.geometry().width() > item.getViewBox().geometry().width()  # over the axis too


def test_an_undone_rebuild_brings_the_outputs_back(qtbot):
    panel = _panel(qtbot)
    _forward(panel, qtbot)
    shown = panel.result
    with panel.project.transaction("out_features") as tx:
        panel.project.set_hyperparameters("2", out_features=7)
    assert panel.result is None
    panel.project.revert(tx)
    assert panel.result is shown and "Output shape (2, 5)" in panel.summary.text()


def test_an_undone_keep_no_longer_says_kept(window, qtbot):
    window.set_project(examples.mlp(0))
    panel = window.run_panel
    box = panel.training
    before = window.project.model[0].weight.detach().clone()
    _train(box, qtbot, 3)
    told = []
    panel.gradients_changed.connect(lambda: told.append(window.project.model[0].weight.grad))
    box.keep.click()
    settle()
    assert box.status.text().startswith("Kept") and not torch.equal(window.project.model[0].weight, before)
    # the last step's gradients came with the weights, and the grad column and histogram were told
    assert len(told) == 1 and told[0] is not None and told[0] is window.project.model[0].weight.grad
    window.undo_stack.undo()
    settle()
    assert torch.equal(window.project.model[0].weight, before)  # the weights from before the training
    assert not box.status.text().startswith("Kept")


def test_outputs_set_aside_stay_away_once_the_buffers_changed(qtbot):
    """The set-aside outputs come back only with the very same weights and buffers: a load of BatchNorm's running
    statistics alone changes what an eval run gives."""
    import torch
    from torch import nn

    from editor import Project

    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3, affine=False)))
    p.input_shape = (2, 4)
    panel = _panel(qtbot, p)
    panel.training_mode.setChecked(False)
    _forward(panel, qtbot)
    assert panel.result is not None
    p.load_state({"1.running_mean": torch.full((3,), 50.0)}, strict=False)
    assert panel.result is None
    with p.transaction("insert") as tx:  # an edit undone: the design's blocks and weights are as they were...
        p.insert_layer(1, "ReLU")
    p.revert(tx)
    assert panel.result is None  # ...but not its running statistics


def test_a_failed_run_unlocks_the_mode_switch(qtbot):
    import torch

    panel = _panel(qtbot)
    panel.loaded = torch.randn(2, 7)  # the design takes 20 features
    panel.forward_button.click()
    qtbot.waitUntil(lambda: not panel.jobs.busy, timeout=10_000)
    assert "Block 0" in panel.summary.text() and panel.training_mode.isEnabled() and panel.forward_button.isEnabled()


def test_the_first_training_makes_its_optimizer_off_the_gui_thread(qtbot, monkeypatch):
    """torch's first optimizer imports torch._dynamo (1-1.5 s): made on the GUI thread, the first Train froze the
    window that long. The box starts that import when it is shown, and the optimizer is made where it trains."""
    import threading

    from editor.ui.panels.run import training as training_box

    started = []
    monkeypatch.setattr(training_box, "prepare_meta_kernels_in_background", lambda: started.append(True))
    made_on = []
    adam = torch.optim.Adam

    def recording_adam(*args, **kwargs):
        made_on.append(threading.current_thread())
        return adam(*args, **kwargs)

    monkeypatch.setattr(torch.optim, "Adam", recording_adam)
    panel = _panel(qtbot)
    box = panel.training
    panel.show()  # as the Run tab is opened
    qtbot.waitUntil(lambda: box.isVisible())
    assert started
    _train(box, qtbot, 3)
    assert len(made_on) == 1 and made_on[0] is not threading.main_thread()
    assert len(box.trainer.losses) == 3


def test_a_new_training_s_task_is_made_off_the_gui_thread_and_one_that_cannot_be_made_leaves_the_one_before(
        qtbot, monkeypatch):
    """The teacher and the task's data (seconds for a large model) are made in the training's job (the copy is
    taken at Train, on the GUI thread: a copy taken later could be of an edit undone meanwhile); when they cannot be
    (a teacher whose layers draw no new values), the training before stays to Keep or Revert, as when refused."""
    import threading

    from torch import nn

    from editor import Project
    from editor.model.run import training

    copied_on = []
    make_task = training.make_task
    monkeypatch.setattr(training, "make_task",
                        lambda *args: copied_on.append(threading.current_thread()) or make_task(*args))
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.LayerNorm(4)))
    p.input_shape = (8, 4)
    panel = _panel(qtbot, p)
    box = panel.training
    box.task.setCurrentIndex(box.task.findData("clusters"))
    _train(box, qtbot, 4)
    before = box.trainer
    assert copied_on and threading.main_thread() not in copied_on and box.keep.isEnabled()
    box.task.setCurrentIndex(box.task.findData("teacher"))
    box.train.click()
    qtbot.waitUntil(lambda: not box.running, timeout=20_000)
    qtbot.waitUntil(lambda: box.status.text().startswith("The teacher task regresses a second network"))
    assert box.trainer is before and box.keep.isEnabled() and box.revert.isEnabled() and len(before.losses) == 4
    assert len(box.loss_curve.getData()[0]) == 4  # its curve drawn again


def test_revert_leaves_the_curves_faded_and_axis_numbers_are_written_alike(qtbot):
    """A walkthrough: after Revert the curves came back at full colour, as if they were a training to keep; the loss
    axis read 1e+11, 1e+08, 100000, 100."""
    from editor.ui.panels.run.plots import tick_texts

    assert tick_texts(log_ticks(50, 2e11)) == ["1e+03", "1e+05", "1e+07", "1e+09", "1e+11"]
    assert tick_texts(log_ticks(0.001, 0.02)) == ["0.001", "0.002", "0.005", "0.01", "0.02"]
    panel = _panel(qtbot)
    box = panel.training
    box.show()
    _train(box, qtbot, 5)
    assert not box.plots_faded
    box.revert.click()
    assert box.plots_faded and len(box.loss_curve.getData()[0]) == 5
    box.steps.setValue(3)
    box.train.click()
    qtbot.waitUntil(lambda: not box.running and box.revert.isEnabled(), timeout=20_000)
    assert not box.plots_faded


def test_steps_typed_below_one_are_one_not_the_steps_before(qtbot):
    from PySide6.QtCore import Qt

    panel = _panel(qtbot)
    box = panel.training
    box.show()
    box.steps.setFocus()
    box.steps.selectAll()
    qtbot.keyClicks(box.steps, "0")
    qtbot.keyClick(box.steps, Qt.Key.Key_Return)
    assert box.steps.value() == 1


def test_tensor_files_start_where_the_project_was_saved(tmp_path):
    """A walkthrough: Save input… opened in the home folder, not where the project had just been saved."""
    from editor.ui.app_settings import LAST_FOLDER, app_settings
    from editor.ui.panels.run import tensor_files

    projects = tmp_path / "projects"
    projects.mkdir()
    settings = app_settings()
    settings.remove("run/folder")
    settings.setValue(LAST_FOLDER, str(projects))
    assert tensor_files._folder() == str(projects)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    tensor_files._remember(inputs / "x.pt")
    assert tensor_files._folder() == str(inputs)  # then where the last tensor file went


def test_a_short_loss_plot_numbers_fewer_decades_and_a_training_that_climbed_says_so():
    """A screenshot critique: on an 80-pixel plot 1, 2 and 5 of each decade overlapped; and "Loss 0.2357 → 0.1319"
    hid a loss that had climbed to 3e+05 on the way."""
    from editor.ui.panels.run.training import TrainingBox

    assert len(log_ticks(0.005, 0.25)) == 6 and log_ticks(0.005, 0.25, most=4) == [0.01, 0.1]
    box = TrainingBox()
    trainer = type("T", (), {"losses": [0.2357, 3e5, 40.0, 0.1319]})()
    assert "On the way it climbed to 3e+05." in box._finished_text(trainer, "")
    trainer.losses = [0.2357, 0.2, 0.1319]
    assert "climbed" not in box._finished_text(trainer, "")
    box.deleteLater()


def test_why_there_is_no_input_is_a_grey_hint_not_a_tensor_printed(qtbot):
    """A screenshot critique: "The design is empty" stood in the print(X) box as if it were a tensor's print."""
    from editor import Project

    panel = _panel(qtbot)
    panel.set_project(Project())  # (an empty project is falsy: _panel would take the MLP)
    assert panel.input_text.toPlainText() == ""
    assert panel.input_text.placeholderText().startswith("The design is empty")
    panel.set_project(examples.mlp(0))
    assert panel.input_text.placeholderText() == "" and panel.input_text.toPlainText().startswith("tensor(")


def test_stop_while_a_training_is_made_trains_nothing(qtbot, monkeypatch):
    """Found by a review: Stop pressed while the teacher and data were being made still trained one step."""
    from editor.model.run.training import TrainingPlan

    panel = _panel(qtbot)
    box = panel.training
    build = TrainingPlan.build

    def stopped_meanwhile(plan):
        trainer = build(plan)
        box._stop.set()  # as Stop would, from the GUI thread, while this ran
        return trainer

    monkeypatch.setattr(TrainingPlan, "build", stopped_meanwhile)
    box.train.click()
    qtbot.waitUntil(lambda: not box.running, timeout=20_000)
    qtbot.waitUntil(lambda: box.status.text().startswith("Stopped before the first step"))
    assert box.trainer is None and not box.keep.isEnabled()


def test_a_short_plot_numbers_every_few_hundredths_and_an_undone_keep_fades_the_curves(qtbot):
    """Found by a walkthrough: a loss from 0.094 to 0.030 numbered 0.03 to 0.09, one on another, on a short plot;
    after Keep then Undo the curves stayed at full colour."""
    assert log_ticks(0.030, 0.094, most=4) == [0.03, 0.05, 0.07, 0.09]
    panel = _panel(qtbot)
    box = panel.training
    box.show()
    kept = []
    box.keep_requested.connect(lambda trainer: kept.append(panel.project.keep_trained(trainer)))
    _train(box, qtbot, 5)
    box.keep.click()
    assert kept and not box.plots_faded
    panel.project.events.weights_changed.emit(())  # as the Undo of the Keep does
    assert box.plots_faded


def test_the_gradient_legend_names_the_blocks_where_they_are_now(qtbot):
    """Found by a walkthrough: after a Dropout was inserted, the legend still said block 2 for the Linear now at 3."""
    from torch import nn

    panel = _panel(qtbot)
    box = panel.training
    box.show()
    _train(box, qtbot, 3)
    assert "■</span> 0 " in box.legend.text() and box.legend.text().endswith("■</span> 2")
    panel.project.insert(1, nn.Dropout(0.5))
    assert box.legend.text().endswith("■</span> 3")
