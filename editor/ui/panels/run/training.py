"""Training a few steps to watch: task, optimizer, learning rate, steps; a live loss curve and gradient norms.

A copy of the model (taken at Train) is given its task and trained in a worker (:class:`~editor.ui.jobs.JobRunner`),
so the canvas stays responsive; a timer redraws the curves from what the trainer has done so far. When it stops
(done, Stop, or a loss that blew up) the learner chooses: "Keep trained weights" (one undoable edit, through
``keep_requested``) or "Revert" (the design never changed). The plots (and pyqtgraph, a tenth of a second to
import) are made when the box is first shown: the Run tab is hidden at start-up, and the editor goes live sooner.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.model.errors import LayerLabError, RunStoppedError
from editor.model.meta import prepare_meta_kernels_in_background
from editor.model.project.project import Project
from editor.model.run.training import MAX_STEPS, OPTIMIZERS, TASKS, Trainer, TrainingPlan, stopped_before_training
from editor.ui import theme
from editor.ui.i18n import keep_translated, model_text, on_language_change, sentences, translate
from editor.ui.jobs import JobContext, JobRunner
from editor.ui.number_box import NumberBox
from editor.ui.panels.following import follow
from editor.ui.panels.run.plots import PlotRow, draw_training, label_plot, make_plot, show_values
from editor.ui.panels.run.training_words import TASK_NAME, TASK_TEXT, curve_legend, dropped_text, keep_tip

if TYPE_CHECKING:  # imported with the plots themselves (see TrainingBox.build_plots)
    import pyqtgraph as pg

FADED_OPACITY = 0.35
"""How the plots are drawn while they show a training that can no longer be kept (the design or its weights
changed since)."""


class TrainingBox(QGroupBox):
    """Train a few steps (objectName ``runTraining``)."""

    keep_requested = Signal(object)
    """Keep this :class:`~editor.model.run.training.Trainer`'s weights (the window runs the command)."""

    message = Signal(str)
    """A sentence for the learner (what happened, or why it was refused)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runTraining")
        keep_translated(self, self.setTitle, lambda: self.tr("Train a few steps"))
        self.project: Project | None = None
        self._trainer: Trainer | None = None
        self._live: Trainer | None = None
        """The trainer a running job made and trains (the job sets it, the curves read it)."""
        self._before: Trainer | None = None
        """While a new training is made: the one before, which stays if the new one cannot be made."""
        self._stop = threading.Event()
        self.jobs = JobRunner(self)
        self.task = QComboBox(objectName="trainTask")
        for name in TASKS:
            self.task.addItem(name, name)
        self.optimizer = QComboBox(objectName="trainOptimizer")
        for name in OPTIMIZERS:
            self.optimizer.addItem({"adam": "Adam", "sgd": "SGD"}[name], name)
        self.lr = NumberBox(1e-8, 10.0, 0.01, log_steps=True, object_name="trainLearningRate")  # takes 1e-4
        self.steps = QSpinBox(objectName="trainSteps", minimum=1, maximum=MAX_STEPS, value=200, singleStep=50)
        self.steps.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToNearestValue)  # 0 typed is 1, not 200 again
        self.seed = QSpinBox(objectName="trainSeed", minimum=0, maximum=2**31 - 1, value=0)
        self.seed.setMinimumWidth(72)  # room for 6 digits at least (its hint, for 10, would widen the whole box)
        self.train = QPushButton(objectName="trainStart")
        keep_translated(self, self.train.setText, lambda: self.tr("Train"))
        self.stop = QPushButton(objectName="trainStop")
        keep_translated(self, self.stop.setText, lambda: self.tr("Stop"))
        self.keep = QPushButton(objectName="trainKeep")
        keep_translated(self, self.keep.setText, lambda: self.tr("Keep trained weights"))
        self.revert = QPushButton(objectName="trainRevert")
        keep_translated(self, self.revert.setText, lambda: self.tr("Revert"))
        keep_translated(self, self.keep.setToolTip, lambda: keep_tip(
            self.trainer is None or self._fits(self.trainer), self.trainer))
        keep_translated(self, self.revert.setToolTip,
                        lambda: self.tr("Forget the training: the design keeps the weights it had."))
        self.status = QLabel(objectName="trainStatus")
        self._status_source: Callable[[], str] = self._hint
        self._refusal_shown = False
        """The status in the current language (said again when the language changes)."""
        self.status.setText(self._hint())
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())  # plots keep their place
        self.status.setStyleSheet(f"color: {theme.muted().name()};")
        # Three short rows, so that the plots keep most of the tab's height (the dock is short by default).
        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(4)
        cells = ((0, 0, lambda: self.tr("Task"), self.task, 3), (0, 4, lambda: self.tr("Optimizer"), self.optimizer, 1),
                 (1, 0, lambda: self.tr("Steps"), self.steps, 1), (1, 2, lambda: self.tr("seed"), self.seed, 1),
                 (1, 4, lambda: self.tr("learning rate"), self.lr, 1))
        for row, column, text, widget, span in cells:
            caption = QLabel()
            keep_translated(self, caption.setText, text)
            form.addWidget(caption, row, column)
            form.addWidget(widget, row, column + 1, 1, span)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        for button in (self.train, self.stop, self.keep, self.revert):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = self._plot_row = PlotRow()
        self._plots = QHBoxLayout(row)  # the loss, then the gradient norms (see build_plots)
        self._plots.setContentsMargins(0, 0, 0, 0)
        self._loss_plot: pg.PlotWidget | None = None
        self._grad_plot: pg.PlotWidget | None = None
        self._loss_curve: pg.PlotDataItem | None = None
        self._faded = False
        self._dropped = 0
        """Steps of the training before this one that its new settings dropped unkept (said when it ends)."""
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(row, 1)
        self.legend = QLabel(objectName="trainLegend")
        self.legend.setStyleSheet(f"color: {theme.muted().name()};")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.grad_curves: dict[str, pg.PlotDataItem] = {}
        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self.redraw)
        self.train.clicked.connect(self.start)
        self.stop.clicked.connect(self._stop.set)
        self.keep.clicked.connect(self.on_keep)
        self.revert.clicked.connect(self.on_revert)
        self._set_state("idle")
        self._retranslate_tasks()
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------ plots
    @property
    def loss_plot(self) -> pg.PlotWidget:
        """The loss per step, on a log axis; made when the box is first shown or a plot is asked for."""
        return self.build_plots()[0]

    @property
    def grad_plot(self) -> pg.PlotWidget:
        """Each layer's gradient norm per step; made with :attr:`loss_plot`."""
        return self.build_plots()[1]

    @property
    def loss_curve(self) -> pg.PlotDataItem:
        """The loss plot's curve."""
        self.build_plots()
        assert self._loss_curve is not None
        return self._loss_curve

    @property
    def plots_made(self) -> bool:
        """Whether the plots are made (the first show, or asking for one, makes them)."""
        return self._loss_plot is not None

    def build_plots(self) -> tuple[pg.PlotWidget, pg.PlotWidget]:
        """Make the two plots, once: the first show does it (the Run tab's, ahead of laying out), or asking for one."""
        if self._loss_plot is None or self._grad_plot is None:
            import pyqtgraph as pg

            loss_plot = make_plot(self.tr("loss (log scale)"), self.tr("loss"), self.tr("step"))
            loss_plot.getPlotItem().setLogMode(y=True)  # a falling loss spans decades: log y shows every one
            grad_plot = make_plot(self.tr("gradient norm per block"), self.tr("norm"), self.tr("step"))
            self._loss_curve = loss_plot.plot(pen=pg.mkPen(theme.ACCENT, width=2))
            for plot in (loss_plot, grad_plot):
                show_values(plot, False)  # until there is something to number
                self._plots.addWidget(plot)
            self._loss_plot, self._grad_plot = loss_plot, grad_plot
            self._fade_plots(self._faded)
            if self.isVisible():  # in a shown box Qt would show them one event-loop turn late
                loss_plot.show()
                grad_plot.show()
        return self._loss_plot, self._grad_plot

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.build_plots()
        prepare_meta_kernels_in_background()  # the first optimizer imports torch._dynamo (1-1.5 s): now, beside

    def _hint(self) -> str:
        return self.tr("Trains a copy in training mode (Dropout on, from the seed); the design changes only when you "
                       "keep the result.")

    def _retranslate_tasks(self) -> None:
        for index in range(self.task.count()):
            name = self.task.itemData(index)
            self.task.setItemText(index, translate("TrainingBox", TASK_NAME.get(name, name)))
            self.task.setItemData(index, translate("TrainingBox", TASK_TEXT.get(name, "")), role=3)  # ToolTipRole

    def retranslate(self) -> None:
        """Tasks, plot titles and the idle hint in the current language (a result's message stays)."""
        self._retranslate_tasks()
        for plot, title, y_label in ((self._loss_plot, self.tr("loss (log scale)"), self.tr("loss")),
                                     (self._grad_plot, self.tr("gradient norm per block"), self.tr("norm"))):
            if plot is not None:  # else it is made in the current language
                label_plot(plot, title, y_label, self.tr("step"))
        self.status.setText(self._status_source())
        self._name_curves()

    # ------------------------------------------------------------ state
    def set_project(self, project: Project) -> None:
        if self.trainer is not None or self.running:
            self.on_revert()
        self.project = follow(self.project, project, {"edited": self._design_edited, "reset": self._design_edited,
                                                      "weights_changed": self._weights_changed})
        self._clear_plots()  # another design's curves (and blocks) would read as this one's
        self._say(self._hint)

    def _clear_plots(self) -> None:
        """No curves, no legend, no numbers on the axes: nothing trained yet."""
        if self._loss_curve is not None:
            self._loss_curve.setData([], [])
        for curve in self.grad_curves.values():
            self.grad_plot.removeItem(curve)
        self.grad_curves.clear()
        self._name_curves()
        if self.plots_made:
            for plot in (self.loss_plot, self.grad_plot):
                show_values(plot, False)

    def _weights_changed(self, *args: object) -> None:
        """An undo (or redo) of a Keep, or any new weights since: "Kept" no longer says what the design has."""
        if self._status_source == self._kept_text and not self.running:
            self._say(self._hint)
            self._fade_plots(True)  # the curves are of a training the design no longer has

    def _say(self, text: Callable[[], str]) -> None:
        """Show ``text()`` as the status (again in each new language)."""
        self._status_source = text
        self._refusal_shown = False
        self.status.setText(text())

    def _fits(self, trainer: Trainer) -> bool:
        """Whether ``trainer`` trained the design as it is now (same blocks, same modules, same device)."""
        return self.project is not None and trainer.signature == self.project.run_signature()

    def _same_weights(self, trainer: Trainer) -> bool:
        """Whether the design's weights are still those ``trainer`` started from (no init, reset or undo since; an
        undo that writes the same values back counts as a change: torch counts writes, not values)."""
        return self.project is not None and trainer.stamp == self.project.weights_stamp()

    def _design_edited(self) -> None:
        """A trained copy of another design can no longer be kept: say so; an undo that brings the design back
        brings Keep back (a running training is judged when it ends)."""
        trainer = self.trainer
        self._name_curves()  # (the blocks may have moved)
        if trainer is not None and not self.running:
            self._show_outcome(trainer)
        elif trainer is None and self._refusal_shown and not self.running:  # it was about the design before
            self._say(self._hint)

    def _changed_text(self) -> str:
        return self.tr("The design changed since this training, so its weights no longer fit it: undo the change "
                       "to keep them, or Train to start again from the design as it is now.")

    def _weights_changed_text(self) -> str:
        return self.tr("The weights changed since this training started (an init, a reset from the seed or an "
                       "undo), and keeping the trained ones would overwrite that: Train to start again from the "
                       "weights as they are now.")

    @property
    def trainer(self) -> Trainer | None:
        """The training shown: the one waiting for Keep or Revert, or the one a running job made and trains."""
        return self._trainer if self._trainer is not None else self._live

    @trainer.setter
    def trainer(self, trainer: Trainer | None) -> None:
        self._trainer = trainer

    @property
    def running(self) -> bool:
        return self.jobs.busy

    def _set_state(self, state: str) -> None:
        """idle (nothing trained), running, or done (a result to keep or revert)."""
        if state != "done":
            self._fade_plots(False)
        self.train.setEnabled(state != "running")
        self.stop.setEnabled(state == "running")
        self.keep.setEnabled(state == "done")
        self.revert.setEnabled(state == "done")
        for widget in (self.task, self.optimizer, self.lr, self.steps, self.seed):
            widget.setEnabled(state != "running")

    # ------------------------------------------------------------ intents
    def _settings(self) -> dict[str, object]:
        return {"task": self.task.currentData(), "optimizer": self.optimizer.currentData(), "lr": self.lr.value(),
                "seed": self.seed.value()}

    def start(self) -> None:
        """Train (more) steps: the trainer waiting for Keep or Revert goes on where it stopped, unless the task,
        optimizer, learning rate or seed, or the design, changed since, or its loss blew up: then a new one."""
        if self.project is None or self.running:
            return
        trainer = self.trainer
        self._dropped = 0
        if trainer is not None and (trainer.settings != self._settings() or trainer.blew_up
                                    or not self._fits(trainer)
                                    or trainer.generation != self.project.weights_generation):
            self.trainer = None  # new settings, a new design or new weights (an init, a load): train them anew
            if not trainer.blew_up and self._fits(trainer) and self._same_weights(trainer):
                self._dropped = len(trainer.losses)  # steps that could have been kept: say that they went
        if self.trainer is None:
            try:
                plan = self.project.prepare_training(self.task.currentData(), self.optimizer.currentData(),
                                                     self.lr.value(), self.seed.value())
            except LayerLabError as exc:
                self.trainer, self._dropped = trainer, 0  # the training before stays (Keep or Revert it as before)
                self._refused(exc)
                return
            self.build_plots()
            self._clear_plots()
            self._before = trainer
            steps = self.steps.value()
            work: Callable[[JobContext], tuple[Trainer | None, object]] = (
                lambda context: self._build_and_train(plan, steps, context))
        else:
            trainer, steps = self.trainer, self.steps.value()
            work = lambda context: (trainer, self._train(trainer, steps, context))
        self._stop.clear()
        self.jobs.submit(work, on_done=self._finished, on_error=self._failed)
        self._set_state("running")
        self._say(lambda: self.tr("Training {steps} steps on a copy of the model…").format(steps=steps) if steps != 1
                  else self.tr("Training 1 step on a copy of the model…"))
        self.timer.start()

    def _refused(self, error: LayerLabError) -> None:
        """A new training could not start: say why (here and in the status bar)."""
        self._say(lambda: model_text(error))
        self._refusal_shown = True
        self.message.emit(model_text(error))

    def _build_and_train(self, plan: TrainingPlan, steps: int, context: JobContext) -> tuple[Trainer | None, object]:
        """(In the worker.) Make the trainer (the copies: seconds for a large model), then train it; a trainer that
        cannot be made comes back as (None, the error)."""
        try:
            trainer = plan.build()
        except LayerLabError as exc:
            return None, exc
        if self._stop.is_set() or context.cancelled:  # Stop while it was being made: not even one step
            return None, RunStoppedError(stopped_before_training())
        self._live = trainer  # for the curves drawn while it trains
        return trainer, self._train(trainer, steps, context)

    def _train(self, trainer: Trainer, steps: int, context: JobContext) -> str:
        trainer.run(steps, should_stop=lambda: self._stop.is_set() or context.cancelled)
        return trainer.stopped_by

    def _finished(self, result: tuple[Trainer | None, object]) -> None:
        self.timer.stop()
        trainer, outcome = result
        self._live = None
        if trainer is None:  # the new training could not be made: the one before stays, as when it is refused
            self.trainer, self._dropped, before = self._before, 0, self._before
            self._before = None
            self._set_state("done" if before is not None else "idle")
            if before is not None:
                self.redraw()
                self._show_outcome(before)
            assert isinstance(outcome, LayerLabError)
            self._refused(outcome)
            return
        self._before = None
        self.trainer = trainer
        self.redraw()
        self._set_state("done")
        self._show_outcome(trainer)

    def _show_outcome(self, trainer: Trainer) -> None:
        """What the finished training gave, and whether Keep can take it into the design as it is now."""
        fits = self._fits(trainer)
        same = fits and self._same_weights(trainer)
        self._fade_plots(not same or trainer.blew_up)
        self.keep.setEnabled(same and not trainer.blew_up)  # NaN or infinite weights: nothing to keep
        self.keep.setToolTip(keep_tip(fits, trainer, same))
        stopped_by = trainer.stopped_by
        if not fits:
            self._say(self._changed_text)
        elif not same:
            self._say(self._weights_changed_text)
        elif trainer.blew_up:
            self._say(lambda: model_text(stopped_by))
        else:
            self._say(lambda: self._finished_text(trainer, stopped_by))

    @property
    def plots_faded(self) -> bool:
        """Whether the plots are drawn faded: they show a training that can no longer be kept."""
        return self._faded

    def _fade_plots(self, faded: bool) -> None:
        """Draw the plots faded while they show a training that can no longer be kept (an undo brings them back).

        Each plot's scene item is faded, axes and title included. (An opacity effect on the widgets
        around them drew the plots twice: pyqtgraph's views paint their own viewports.)
        """
        self._faded = faded
        if self._loss_plot is None or self._grad_plot is None:
            return  # not built yet: built unfaded, when there is nothing to fade
        for plot in (self._loss_plot, self._grad_plot):
            plot.getPlotItem().setOpacity(FADED_OPACITY if faded else 1.0)
        self.legend.setEnabled(not faded)

    def _finished_text(self, trainer: Trainer, stopped_by: str) -> str:
        losses = trainer.losses
        count = len(losses)
        done = model_text(stopped_by) or (self.tr("Trained {steps} steps.").format(steps=count) if count != 1
                                          else self.tr("Trained 1 step."))
        if losses:
            done = sentences(done, self.tr("Loss {first} → {last}. Keep the trained weights, or revert.").format(
                first=f"{losses[0]:.4g}", last=f"{losses[-1]:.4g}"))
            peak = max((loss for loss in losses if math.isfinite(loss)), default=0.0)
            if peak > 2 * max(losses[0], losses[-1]):  # (it climbed on the way: first and last alone hide that)
                done = sentences(done, self.tr("On the way it climbed to {peak}.").format(peak=f"{peak:.4g}"))
        if self._dropped:
            done = sentences(dropped_text(self._dropped), done)
        return done

    def _failed(self, message: str) -> None:
        self.timer.stop()
        self._live = self._before = None
        self._say(lambda: self.tr("Training failed: {reason}").format(reason=model_text(message)))
        self.trainer = None
        self._set_state("idle")

    def on_keep(self) -> None:
        trainer = self.trainer
        if trainer is None or self.running:
            return
        if not self._fits(trainer) or not self._same_weights(trainer):
            self._show_outcome(trainer)  # Keep goes off, and the status says why
            return
        self.keep_requested.emit(trainer)
        self.trainer = None
        self._set_state("idle")
        self._say(self._kept_text)

    def _kept_text(self) -> str:
        return self.tr("Kept: the design has the trained weights (Edit → Undo brings back the ones before).")

    def on_revert(self) -> None:
        self._stop.set()
        self.jobs.cancel_all()
        self.jobs.wait()
        self.timer.stop()
        self.trainer = self._live = self._before = None
        self._set_state("idle")
        steps = self.loss_curve.getData()[0] if self.plots_made else None
        self._fade_plots(steps is not None and len(steps) > 0)  # the curves stay, faded: a training that is no more
        self._say(lambda: self.tr("Reverted: the design keeps the weights it had."))

    # ------------------------------------------------------------ drawing
    def redraw(self) -> None:
        """Draw the losses and gradient norms the trainer has so far (it appends to them as it goes)."""
        trainer = self.trainer
        if trainer is None:
            return
        fresh = draw_training(self.loss_plot, self.loss_curve, self.grad_plot, self.grad_curves, trainer.losses,
                              trainer.grad_norms)
        if fresh:
            self._name_curves()

    def _name_curves(self) -> None:
        """Under the plots, each gradient curve's block in its colour (a legend inside plots this small would
        cover the curves), by its path in the design as it is now (an insertion moves it)."""
        self.legend.setText(curve_legend(self._current_paths(list(self.grad_curves))))

    def _current_paths(self, paths: list[str]) -> list[str]:
        trainer, project = self.trainer, self.project
        if trainer is None or project is None:
            return paths
        copied = dict(trainer.layers)
        return [(project.block_path_of(trainer.originals.get(id(copied[path]))) or path) if path in copied else path
                for path in paths]
