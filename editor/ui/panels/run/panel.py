"""The Run tab (objectName ``runPanel``): a batch through the network, each block's output, gradients, training.

Input: the batch size with the design's input shape, a generator (randn,
rand, zeros, ones, arange) and a seed, or a tensor loaded from a ``.pt``
file; shown as ``print(X)`` shows it. "Run forward" and "Run backward" (with
a loss) run as a background job on the model's device: the output as
``print()`` shows it (with ``grad_fn``), its shape and the time taken, and a
per-block table with a sparkline each. Clicking a row selects the block.
Train/eval mode is a switch the runs respect. Inputs and outputs can be
saved with ``torch.save``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import torch
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.model.catalog.shape_rules import fmt
from editor.model.errors import LayerLabError, RunStoppedError
from editor.model.project.project import Project
from editor.model.project.running import PreparedRun
from editor.model.run.forward import LOSSES, RunResult
from editor.model.run.inputs import GENERATORS, same_tensor
from editor.ui import theme
from editor.ui.i18n import (
    QT_TRANSLATE_NOOP,
    keep_translated,
    model_text,
    on_language_change,
    sentences,
    translate,
)
from editor.ui.jobs import JobRunner
from editor.ui.panels.following import follow
from editor.ui.panels.run.layers import LayerStatsTable
from editor.ui.panels.run.room import RoomForTraining
from editor.ui.panels.run.tensor_files import TensorFiles
from editor.ui.panels.run.training import TrainingBox
from editor.ui.tensor_text import print_text, tensor_box

LOSS_TEXT = {"sum": QT_TRANSLATE_NOOP("RunPanel", "sum of the outputs"),
             "mse": QT_TRANSLATE_NOOP("RunPanel", "MSE against zeros"),
             "cross_entropy": QT_TRANSLATE_NOOP("RunPanel", "cross-entropy, random labels")}


class RunPanel(TensorFiles, QWidget):
    """Run forward and backward, see every block's output, and train a few steps."""

    block_selected = Signal(str)
    """Select the block at this path on the canvas (a row of the table was clicked)."""

    keep_trained_requested = Signal(object)
    """Keep this trainer's weights (the window runs KeepTrainedCommand)."""

    message = Signal(str)
    """A sentence for the status bar."""

    mode_changed = Signal(bool)
    """The training-mode switch set ``model.train()`` (True) or ``model.eval()`` (False)."""

    gradients_changed = Signal()
    """A backward pass left new ``.grad`` tensors (the parameter table and histogram show them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runPanel")
        self.project: Project | None = None
        self.loaded: torch.Tensor | None = None
        self.result: RunResult | None = None
        self._signature: tuple = ()
        self._input_shape: tuple[int, ...] | None = None
        self._generation = 0
        self._stamp: tuple = ()
        """The weights and buffers the shown outputs were made with (:meth:`Project.weights_stamp`)."""
        """The design's weights generation the shown result was made with."""
        self._aside: tuple | None = None
        """A result cleared by an edit, kept until another edit: (result, signature, weights generation, summary)."""
        """Counts the design's weight changes (a run's outputs are stale once it moved during the run)."""
        """The design's input shape the batch last followed."""
        """The design's run signature when the shown result was made (it is stale once the design's differs)."""
        self._summary_source: Callable[[], str] = str
        self._error_shown = False
        """The summary's text in the current language (set again when the language changes)."""
        self.jobs = JobRunner(self)
        self.batch = QSpinBox(objectName="runBatch", minimum=1, maximum=100_000, value=2)
        self.shape = QLabel(objectName="runShape")
        self.generator = QComboBox(objectName="runGenerator")
        self.generator.addItems(GENERATORS)
        self.seed = QSpinBox(objectName="runSeed", minimum=0, maximum=2**31 - 1, value=0)
        self.load = QPushButton(self.tr("Load tensor…"), objectName="runLoadInput")
        keep_translated(self, self.load.setToolTip,
                        lambda: self.tr("Use a tensor saved with torch.save(x, 'x.pt') as the input."))
        self.training_mode = QCheckBox(objectName="runTrainMode")
        keep_translated(self, self.training_mode.setText, lambda: self.tr("Training mode"))
        keep_translated(self, self.training_mode.setToolTip, lambda: self.tr(
            "model.train(): Dropout drops values and BatchNorm uses (and updates) the batch's statistics. Off: "
            "model.eval(), as for predictions. Runs use it."))
        self.forward_button = QPushButton(objectName="runForward")
        keep_translated(self, self.forward_button.setText, lambda: self.tr("Run forward"))
        self.backward_button = QPushButton(objectName="runBackward")
        keep_translated(self, self.backward_button.setText, lambda: self.tr("Run backward"))
        self.stop_button = QPushButton(objectName="runStop")
        self.stop_button.hide()  # (shown only while a run goes)
        keep_translated(self, self.stop_button.setText, lambda: self.tr("Stop"))
        keep_translated(self, self.stop_button.setToolTip, lambda: self.tr(
            "Stop the run before its next block (the block running now finishes first); nothing of it is kept"))
        self._stop_run = threading.Event()
        self.loss = QComboBox(objectName="runLoss")
        for name in LOSSES:
            self.loss.addItem(translate("RunPanel", LOSS_TEXT[name]), name)
        self.save_input = QPushButton(objectName="runSaveInput")
        keep_translated(self, self.save_input.setText, lambda: self.tr("Save input…"))
        self.save_output = QPushButton(objectName="runSaveOutput")
        keep_translated(self, self.save_output.setText, lambda: self.tr("Save output…"))
        self.input_text = tensor_box("runInputText", 200)
        self.output_text = tensor_box("runOutputText", 200)
        self.summary = QLabel(objectName="runSummary")
        self.summary.setWordWrap(True)
        self.notes = QLabel(objectName="runNotes")
        self.notes.setWordWrap(True)
        self.layers = LayerStatsTable(self)
        self.training = TrainingBox(self)

        def label(text) -> QLabel:  # a caption in the current language
            caption = QLabel()
            keep_translated(self, caption.setText, text)
            return caption

        row = QHBoxLayout()
        for widget in (label(lambda: self.tr("Batch")), self.batch, self.shape, label(lambda: self.tr("Input")),
                       self.generator, label(lambda: self.tr("seed")), self.seed, self.load, self.training_mode):
            row.addWidget(widget)
        row.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.forward_button, self.backward_button, label(lambda: self.tr("loss:")), self.loss,
                       self.save_input, self.save_output, self.stop_button):  # (Stop last: nothing moves when it shows)
            actions.addWidget(widget)
        actions.addStretch(1)
        texts = QHBoxLayout()
        for title, box in ((lambda: self.tr("Input  print(X)"), self.input_text),
                           (lambda: self.tr("Output  print(model(X))"), self.output_text)):
            column = QVBoxLayout()
            caption = label(title)
            caption.setStyleSheet(f"color: {theme.muted().name()};")
            column.addWidget(caption)
            column.addWidget(box)
            texts.addLayout(column)
        text_box = QWidget()
        text_box.setLayout(texts)
        texts.setContentsMargins(0, 0, 0, 0)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.summary)
        results_layout.addWidget(self.notes)
        results_layout.addWidget(self.layers, 1)
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.setObjectName("runSplitter")
        parts.addWidget(text_box)
        parts.addWidget(results)
        parts.setStretchFactor(0, 1)
        parts.setStretchFactor(1, 2)
        parts.setSizes([70, 200])
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for item in (row, actions):
            top_layout.addLayout(item)
        top_layout.addWidget(parts, 1)
        scroll = self._training_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.training)
        splitter = RoomForTraining(top, scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.batch.valueChanged.connect(self._input_edited)
        self.generator.currentTextChanged.connect(self._input_edited)
        self.seed.valueChanged.connect(self._input_edited)
        self.load.clicked.connect(self.on_load)
        self.forward_button.clicked.connect(lambda: self.start(backward=False))
        self.backward_button.clicked.connect(lambda: self.start(backward=True))
        self.stop_button.clicked.connect(self._stop_run.set)
        self.save_input.clicked.connect(lambda: self.save_tensor("input"))
        self.save_output.clicked.connect(lambda: self.save_tensor("output"))
        self.layers.clicked.connect(self._row_clicked)
        self.training_mode.toggled.connect(self._mode_toggled)
        self.training.keep_requested.connect(self.keep_trained_requested)
        self.training.keep_requested.connect(lambda _: self.gradients_changed.emit())  # (after: the last step's)
        self.training.message.connect(self.message)
        self._set_busy(False)
        on_language_change(self, self.retranslate)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        if visible and not self.training.plots_made:  # made before the tab's first layout, so that they get room
            self.training.build_plots()
            # The scroll area and the splitter keep the size hints they read first (at start-up, without the
            # plots): seated afresh, they read the new ones and share the width as they did with plots made.
            scroll, splitter = self._training_scroll, self._training_scroll.parentWidget()
            scroll.setWidget(scroll.takeWidget())
            scroll.setParent(None)
            splitter.addWidget(scroll)
        super().setVisible(visible)
        if visible:
            self._training_scroll.parentWidget().make_room()  # type: ignore[union-attr]

    def retranslate(self) -> None:
        """The words that follow the state (the input line, the load button, the last run), in the new language."""
        for index in range(self.loss.count()):
            self.loss.setItemText(index, translate("RunPanel", LOSS_TEXT[self.loss.itemData(index)]))
        self.load.setText(self.tr("Use generated input") if self.loaded is not None else self.tr("Load tensor…"))
        self.show_input()
        self.summary.setText(self._summary_source())
        if self.result is not None:
            self.notes.setText("\n".join(model_text(note) for note in self.result.notes))

    # ------------------------------------------------------------ project
    def set_project(self, project: Project) -> None:
        """Follow ``project``: the input shown follows its input shape and device; a result, its design."""
        self.project = follow(self.project, project, {"edited": self._design_edited, "reset": self._design_edited,
                                                      "weights_changed": self._weights_changed})
        self.loaded = None
        self._clear_result()
        self._say(str)
        self.training.set_project(project)
        self.training_mode.blockSignals(True)
        self.training_mode.setChecked(project.model.training)
        self.training_mode.blockSignals(False)
        self._follow_batch()
        self.show_input()

    def _follow_batch(self) -> None:
        """The batch the design's input shape has (a run then shows the shapes the canvas shows); at least 2
        while the shape is only inferred from the first layer (a batch of 1 there leaves BatchNorm nothing to
        average in training mode)."""
        project = self.project
        shape = project.input_shape if project is not None else None
        self._input_shape = shape
        if shape and self.loaded is None:
            batch = int(shape[0]) if project.given_input_shape else max(2, int(shape[0]))
            self.batch.blockSignals(True)
            self.batch.setValue(max(1, min(batch, self.batch.maximum())))
            self.batch.blockSignals(False)

    def _design_edited(self) -> None:
        """After any edit: the input follows, new blocks take the switch's mode, a result of another design goes."""
        project = self.project
        if project is None:
            return
        if not self.training_mode.isChecked() and any(m.training for m in project.model.modules()):
            project.model.eval()  # a block added in eval mode starts in train mode, as nn.Module does
            self.mode_changed.emit(False)  # (the canvas says so on the new block too)
        if project.input_shape != self._input_shape:
            self._follow_batch()
        x = self.show_input()
        if self.result is not None and project.run_signature() != self._signature:
            self._stale(keep=True)
        else:
            self._follow_input(x)
        if self._error_shown and not self.jobs.busy:  # what went wrong was about the design before this edit
            self._say(str)

    def _input_edited(self, *args: object) -> None:
        """A new batch size, generator or seed: show the new X, and take off outputs of another one."""
        self._follow_input(self.show_input())

    def _follow_input(self, x: torch.Tensor | None = None) -> None:
        """Outputs shown of another X than the one shown now (``x``, made again when not given) go aside; outputs
        set aside of this X (and of this design and weights) come back."""
        if self.result is None and (self._aside is None or self.project is None
                                    or self.project.run_signature() != self._aside[1]):
            return
        if x is None:
            try:
                x = self._input()
            except LayerLabError:
                x = None
        if self.result is not None:
            if x is None or not same_tensor(x, self.result.input):
                self._stale(keep=True, input_changed=True)
        elif x is not None:
            self._bring_back(x)

    def _weights_changed(self, paths: tuple) -> None:
        """New weights (kept training, a new init, undo): the shown outputs are no longer the design's, nor
        those of a run going on now (see ``_done``)."""
        if self.result is not None:
            self._stale(keep=True, weights_changed=True)  # set aside all the same: an undo brings the same back

    def _stale(self, keep: bool = False, input_changed: bool = False, weights_changed: bool = False) -> None:
        """The shown outputs are not the design's now (or not of the input shown, ``input_changed``); ``keep``:
        set them aside, for an undo that brings the design back as it was (same blocks, modules, weights, input)."""
        aside = (self.result, self._signature, self._generation, self._stamp, self._summary_source) if keep else None
        self._clear_result()
        self._aside = aside
        if input_changed:
            self._say(lambda: self.tr("The input changed since the last run: run it again to see its outputs."),
                      muted=True)
        elif weights_changed:
            self._say(lambda: self.tr("The weights changed since the last run (a kept training, an init, a reset or a "
                                      "load): run it again to see their outputs."), muted=True)
        else:
            self._say(lambda: self.tr("The design changed since the last run: run it again to see its outputs."),
                      muted=True)

    def _bring_back(self, x: torch.Tensor) -> None:
        """The design is again the one the outputs set aside were made of: show them again."""
        assert self._aside is not None
        result, signature, generation, stamp, summary = self._aside
        project = self.project
        if project is None or result is None or (generation != project.weights_generation
                                                 and stamp != project.weights_stamp(buffers=True)):
            self._aside = None  # new weights: these outputs will never be the design's again
            return
        # (an undone rebuild, e.g. of a new out_features, counts as new weights but brings the same tensors back,
        # none of them written since: the stamp, buffers included, says so; a write through .data would escape it)
        if not same_tensor(x, result.input):
            return  # another X now: kept aside, for when that one comes back
        self._aside = None
        self._show_result(result, signature, generation, stamp, summary)

    def _clear_result(self) -> None:
        self._aside = None
        self.result = None
        self._signature = ()
        self.layers.set_rows([])
        self.output_text.clear()
        self.notes.clear()
        self.save_output.setEnabled(False)

    def _say(self, text: Callable[[], str], error: bool = False, muted: bool = False) -> None:
        """Show ``text()`` as the summary (again in each new language): plain, an error, or muted."""
        self._summary_source = text
        self._error_shown = error
        self.summary.setText(text())
        self.summary.setStyleSheet(f"color: {theme.ERROR.name()};" if error else
                                   f"color: {theme.muted().name()};" if muted else "")

    def _mode_toggled(self, on: bool) -> None:
        """model.train() or model.eval() on the live model, as a learner would call it."""
        if self.project is not None:
            self.project.model.train(on)
            self.mode_changed.emit(on)

    def _input(self) -> torch.Tensor:
        assert self.project is not None
        if self.loaded is not None:
            return self.loaded
        return self.project.make_run_input(self.batch.value(), self.generator.currentText(), self.seed.value())

    def show_input(self, *args: object) -> torch.Tensor | None:
        """Show the batch that a run would use, as ``print(X)`` shows it; that batch (None when there is none)."""
        if self.project is None:
            return None
        self.batch.setEnabled(self.loaded is None)
        self.generator.setEnabled(self.loaded is None)
        self.seed.setEnabled(self.loaded is None)
        try:
            x = self._input()
        except LayerLabError as exc:
            self.shape.setText("")
            self.input_text.clear()
            self.input_text.setPlaceholderText(model_text(exc))  # (grey: why there is no X, not a tensor printed)
            return None
        where = self.tr("loaded from a file") if self.loaded is not None else self.tr("on {device}").format(
            device=x.device)
        self.shape.setText(self.tr("→ X of shape {shape}, {where}").format(shape=fmt(tuple(x.shape)), where=where))
        self.input_text.setPlaceholderText("")
        self.input_text.setPlainText(print_text(x))
        return x

    # ------------------------------------------------------------ running
    def _set_busy(self, busy: bool) -> None:
        for widget in (self.forward_button, self.backward_button, self.load, self.training_mode):
            widget.setEnabled(not busy)  # (the mode is the run's: flipped meanwhile, the run would undo it)
        self.stop_button.setVisible(busy)  # (shown only while a run goes: it stops nothing else)
        self.save_output.setEnabled(not busy and self.result is not None)

    def start(self, backward: bool) -> None:
        """Run forward (and backward) as a background job on the model's device."""
        if self.project is None or self.jobs.busy:
            return
        try:
            prepared = self.project.prepare_run(self.loaded, self.batch.value(), self.generator.currentText(),
                                                self.seed.value(), self.loss.currentData() if backward else None,
                                                self.training_mode.isChecked())
        except LayerLabError as exc:
            self._show_error(exc)
            return
        if self.result is not None:  # its autograd graph (the activations kept for a backward) goes, shown as it
            self.result.output = self.result.output.detach()  # is: the new run may need that memory
        project = self.project
        self._set_busy(True)
        self._say(lambda: self.tr("Running…"))
        stop = self._stop_run
        stop.clear()
        self.jobs.submit(lambda context: _run_or_stop(prepared, lambda: stop.is_set() or context.cancelled),
                         on_done=lambda result: self._stopped(project, result) if isinstance(result, RunStoppedError)
                         else self._done(project, prepared, result), on_error=self._show_error)

    def _stopped(self, project: Project, stopped: RunStoppedError) -> None:
        """Stop ended the run: said calmly (the learner asked for it), not as an error."""
        self._set_busy(False)
        if project is not self.project:
            return
        if self.result is not None:  # (the last finished run's outputs stay: say whose they are)
            self._say(lambda: sentences(model_text(stopped), self.tr("The outputs below are still those of the last "
                                                                   "run that finished.")), muted=True)
        else:
            self._say(lambda: model_text(stopped), muted=True)

    def _done(self, project: Project, prepared: PreparedRun, result: RunResult) -> None:
        changed = project is not self.project or prepared.signature != project.run_signature() or (
            prepared.generation != project.weights_generation)
        project.finish_run(prepared)
        self._set_busy(False)
        if project is not self.project:  # another project was opened meanwhile: nothing of this one to show
            return
        if changed:
            self._clear_result()  # edited while it ran: these are another design's outputs
            self._say(lambda: self.tr("The design changed while the run was going: run it again to see its "
                                      "outputs."), muted=True)
            if result.loss is not None:
                self.gradients_changed.emit()
            return
        train, loss = prepared.train, prepared.backward  # not the whole prepared run: it holds the batch
        self._show_result(result, prepared.signature, prepared.generation, project.weights_stamp(buffers=True),
                          lambda: self._summary_text(result, train, loss))
        if result.loss is not None:
            self.gradients_changed.emit()
        self._follow_input()  # a new batch, seed or generator while it ran: these are another X's outputs

    def _show_result(self, result: RunResult, signature: tuple, generation: int, stamp: tuple,
                     summary: Callable[[], str]) -> None:
        """Show ``result`` (made of the design whose run signature is ``signature``, with the weights of
        ``generation``, whose stamp was ``stamp``)."""
        self.result = result
        self._signature = signature
        self._generation = generation
        self._stamp = stamp
        self.save_output.setEnabled(not self.jobs.busy)
        self.output_text.setPlainText(print_text(result.output))
        self._say(summary)
        self.notes.setText("\n".join(model_text(note) for note in result.notes))
        self.notes.setStyleSheet(f"color: {theme.ERROR.name()};" if any("NaN" in n for n in result.notes)
                                 else f"color: {theme.muted().name()};")
        self.layers.set_rows(list(result.layers.values()))

    def _summary_text(self, result: RunResult, train: bool, loss: str | None) -> str:
        """What the run did (in the mode and with the loss it ran with)."""
        mode = self.tr("training mode") if train else self.tr("eval mode")
        text = self.tr("Output shape {shape} on {device}, {mode}; forward took {ms} ms.").format(
            shape=fmt(tuple(result.output.shape)), device=result.output.device, mode=mode,
            ms=f"{result.seconds * 1000:.2f}")
        if result.loss is not None:
            text = sentences(text, self.tr("Loss ({loss}) = {value}; gradients are in each parameter's .grad now.")
                             .format(loss=translate("RunPanel", LOSS_TEXT.get(loss or "", "")),
                                     value=f"{float(result.loss.detach()):.6g}"))
        elif result.output.grad_fn is None and result.output.is_floating_point():
            text = sentences(text, self.tr("It ran under torch.no_grad(), so the output has no grad_fn; Run backward "
                                           "records the graph."))
        return text

    def _show_error(self, message: str | Exception | Callable[[], str]) -> None:
        """Say what went wrong, in the current language and again in each new one (a job's message may be
        what the model said)."""
        self._set_busy(False)
        text = message if callable(message) and not isinstance(message, str) else lambda: model_text(message)
        self._say(text, error=True)
        self.message.emit(text())

    def _row_clicked(self, index: QModelIndex) -> None:
        path = self.layers.path_at(index.row())
        if self.project is not None and self.result is not None and path in self.result.layers:
            self.block_selected.emit(path)


def _run_or_stop(prepared: PreparedRun, should_stop: Callable[[], bool]) -> RunResult | RunStoppedError:
    """The run's result, or how Stop ended it (a result, not an error: a failure after Stop is still one)."""
    try:
        return prepared.execute(should_stop)
    except RunStoppedError as stopped:
        return stopped
