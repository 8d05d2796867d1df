"""Training a few steps to watch: task, optimizer, learning rate, steps; a live loss curve and gradient norms.

The training runs on a copy of the model in a worker (:class:`~editor.ui.jobs.JobRunner`),
so the canvas stays responsive; a timer redraws the curves from what the
trainer has done so far. When it stops (done, Stop, or a loss that blew up)
the learner chooses: "Keep trained weights" (one undoable edit, through the
``keep_requested`` signal) or "Revert" (the design never changed).
"""

from __future__ import annotations

import threading

import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.model.run.training import MAX_STEPS, OPTIMIZERS, TASKS, Trainer
from editor.ui import theme
from editor.ui.jobs import JobContext, JobRunner

TASK_TEXT = {
    "teacher": "Copy a teacher: regress the outputs of a fixed random network of this design",
    "clusters": "Clusters: classify points from separable clusters (needs (N, features) → (N, classes))",
}


def _plot(title: str, y_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background=theme.base())
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.showGrid(x=False, y=True, alpha=0.15)
    item.setTitle(title, color=theme.muted().name(), size="9pt")
    for name, label in (("bottom", "step"), ("left", y_label)):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(theme.border()))
        axis.setTextPen(pg.mkPen(theme.muted()))
        axis.setTickFont(theme.font(-1))
        axis.setLabel(label, color=theme.muted().name())
    plot.setMinimumHeight(140)
    plot.setMinimumWidth(200)
    return plot


class TrainingBox(QGroupBox):
    """Train a few steps (objectName ``runTraining``)."""

    keep_requested = Signal(object)
    """Keep this :class:`~editor.model.run.training.Trainer`'s weights (the window runs the command)."""

    message = Signal(str)
    """A sentence for the learner (what happened, or why it was refused)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Train a few steps", parent)
        self.setObjectName("runTraining")
        self.project: Project | None = None
        self.trainer: Trainer | None = None
        self._stop = threading.Event()
        self.jobs = JobRunner(self)
        self.task = QComboBox(objectName="trainTask")
        for name in TASKS:
            self.task.addItem(name, name)
            self.task.setItemData(self.task.count() - 1, TASK_TEXT[name], role=3)  # ToolTipRole
        self.optimizer = QComboBox(objectName="trainOptimizer")
        for name in OPTIMIZERS:
            self.optimizer.addItem({"adam": "Adam", "sgd": "SGD"}[name], name)
        self.lr = QDoubleSpinBox(objectName="trainLearningRate", decimals=5, minimum=0.00001, maximum=10.0,
                                 singleStep=0.001, value=0.01)
        self.steps = QSpinBox(objectName="trainSteps", minimum=1, maximum=MAX_STEPS, value=200, singleStep=50)
        self.seed = QSpinBox(objectName="trainSeed", minimum=0, maximum=2**31 - 1, value=0)
        self.train = QPushButton("Train", objectName="trainStart")
        self.stop = QPushButton("Stop", objectName="trainStop")
        self.keep = QPushButton("Keep trained weights", objectName="trainKeep")
        self.revert = QPushButton("Revert", objectName="trainRevert")
        self.keep.setToolTip("Put the trained weights into the design (one step you can undo).")
        self.revert.setToolTip("Forget the training: the design keeps the weights it had.")
        self.status = QLabel("Trains a copy of the model; the design changes only when you keep the result.")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {theme.muted().name()};")
        form = QFormLayout()
        form.addRow("Task", self.task)
        for pair in ((("Optimizer", self.optimizer), ("learning rate", self.lr)),
                     (("Steps", self.steps), ("seed", self.seed))):
            row = QHBoxLayout()
            row.addWidget(pair[0][1])
            row.addWidget(QLabel(pair[1][0]))
            row.addWidget(pair[1][1])
            row.addStretch(1)
            form.addRow(pair[0][0], row)
        buttons = QHBoxLayout()
        for button in (self.train, self.stop, self.keep, self.revert):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.loss_plot = _plot("loss (log scale)", "loss")
        self.loss_plot.getPlotItem().setLogMode(y=True)  # a falling loss spans decades: log y shows every one
        self.grad_plot = _plot("gradient norm per layer", "‖grad‖")
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.grad_plot)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(plots)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen(theme.ACCENT, width=2))
        self.grad_curves: dict[str, pg.PlotDataItem] = {}
        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self.redraw)
        self.train.clicked.connect(self.start)
        self.stop.clicked.connect(self._stop.set)
        self.keep.clicked.connect(self.on_keep)
        self.revert.clicked.connect(self.on_revert)
        self._set_state("idle")

    # ------------------------------------------------------------ state
    def set_project(self, project: Project) -> None:
        if self.trainer is not None:
            self.on_revert()
        self.project = project

    @property
    def running(self) -> bool:
        return self.jobs.busy

    def _set_state(self, state: str) -> None:
        """idle (nothing trained), running, or done (a result to keep or revert)."""
        self.train.setEnabled(state != "running")
        self.stop.setEnabled(state == "running")
        self.keep.setEnabled(state == "done")
        self.revert.setEnabled(state == "done")
        for widget in (self.task, self.optimizer, self.lr, self.steps, self.seed):
            widget.setEnabled(state != "running")

    # ------------------------------------------------------------ intents
    def start(self) -> None:
        """Train (more) steps: a new trainer, or the one kept waiting for Keep or Revert."""
        if self.project is None:
            return
        if self.trainer is None:
            try:
                self.trainer = self.project.make_trainer(self.task.currentData(), self.optimizer.currentData(),
                                                         self.lr.value(), self.seed.value())
            except LayerLabError as exc:
                self.status.setText(str(exc))
                self.message.emit(str(exc))
                return
            self.loss_curve.setData([], [])
            for curve in self.grad_curves.values():
                self.grad_plot.removeItem(curve)
            self.grad_curves.clear()
        trainer, steps = self.trainer, self.steps.value()
        self._stop.clear()
        self.jobs.submit(lambda context: self._train(trainer, steps, context), on_done=self._finished,
                         on_error=self._failed)
        self._set_state("running")
        self.status.setText(f"Training {steps} steps on a copy of the model…")
        self.timer.start()

    def _train(self, trainer: Trainer, steps: int, context: JobContext) -> str:
        trainer.run(steps, should_stop=lambda: self._stop.is_set() or context.cancelled)
        return trainer.stopped_by

    def _finished(self, stopped_by: str) -> None:
        self.timer.stop()
        self.redraw()
        trainer = self.trainer
        assert trainer is not None
        losses = trainer.losses
        done = stopped_by or f"Trained {len(losses)} steps."
        if losses:
            done += f" Loss {losses[0]:.4g} → {losses[-1]:.4g}. Keep the trained weights, or revert."
        self.status.setText(done)
        self._set_state("done")

    def _failed(self, message: str) -> None:
        self.timer.stop()
        self.status.setText(f"Training failed: {message}")
        self.trainer = None
        self._set_state("idle")

    def on_keep(self) -> None:
        if self.trainer is not None:
            self.keep_requested.emit(self.trainer)
        self.trainer = None
        self._set_state("idle")
        self.status.setText("Kept: the design has the trained weights (Edit → Undo brings back the ones before).")

    def on_revert(self) -> None:
        self._stop.set()
        self.jobs.cancel_all()
        self.jobs.wait()
        self.timer.stop()
        self.trainer = None
        self._set_state("idle")
        self.status.setText("Reverted: the design keeps the weights it had.")

    # ------------------------------------------------------------ drawing
    def redraw(self) -> None:
        """Draw the losses and gradient norms the trainer has so far (it appends to them as it goes)."""
        trainer = self.trainer
        if trainer is None:
            return
        losses = list(trainer.losses)
        self.loss_curve.setData(range(1, len(losses) + 1), losses)
        for index, (path, norms) in enumerate(list(trainer.grad_norms.items())):
            values = list(norms)
            curve = self.grad_curves.get(path)
            if curve is None:
                color = theme.share_color(index)
                curve = self.grad_plot.plot(pen=pg.mkPen(color, width=1.5), name=f"block {path}")
                self.grad_curves[path] = curve
            curve.setData(range(1, len(values) + 1), values)
