"""The Histogram tab (objectName ``histogram``): the values of a parameter, a block, or all weights.

The panel gathers the tensors and the theoretical distribution on the GUI
thread (references only, cheap), then a worker computes the histogram with
torch on the tensors' device (:func:`~editor.model.stats.histogram.compute_histogram`);
pyqtgraph only draws. The worker is a :class:`~editor.ui.jobs.JobRunner` job:
a newer request supersedes the running one (it stops between chunks), and
results that arrive late are dropped.
Project events (weights, edits, device moves, a replaced design) are
coalesced by a single-shot timer into one recomputation.

The plots (and pyqtgraph, a tenth of a second to import) are made when the tab
is first shown, or when :attr:`HistogramPanel.plot` is first asked for: the tab
is hidden at start-up, and the editor goes live sooner without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import torch
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from editor.model.catalog.hyperparameters import block_label
from editor.model.design.tree import Block, Group, Node, blocks
from editor.model.errors import PathError
from editor.model.init.distributions import combine
from editor.model.init.rules import expected_distributions
from editor.model.project.project import Project
from editor.model.stats.histogram import HistogramCancelled, HistogramData, compute_histogram
from editor.ui import theme
from editor.ui.i18n import keep_translated, model_text, on_language_change
from editor.ui.jobs import JobCancelled, JobContext, JobRunner
from editor.ui.panels.following import follow
from editor.ui.panels.seed_check import from_seed

if TYPE_CHECKING:  # imported with the plots themselves (see _build_plots): pyqtgraph is slow to import
    from editor.ui.panels.histogram.plot import HistogramPlot

__all__ = ["HistogramPanel", "HistogramPlot"]


def __getattr__(name: str) -> Any:
    """``HistogramPlot``, still importable from here, without importing pyqtgraph with this module."""
    if name == "HistogramPlot":
        from editor.ui.panels.histogram.plot import HistogramPlot

        return HistogramPlot
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


DEFAULT_BINS = 60


@dataclass(frozen=True)
class Target:
    """What the histogram shows: one parameter of a block, a whole block or group, or all weights (node None)."""

    node: Node | None = None
    name: str = ""  # a parameter's local name ("weight"); "" = every parameter of the node


def _histogram(tensors: list[torch.Tensor], bins: int, context: JobContext) -> HistogramData:
    """The job: the histogram of ``tensors``, given up between chunks once a newer request superseded it."""
    try:
        return compute_histogram(tensors, bins, cancelled=lambda: context.cancelled)
    except HistogramCancelled:
        raise JobCancelled from None


class HistogramPanel(QWidget):
    """A live histogram of parameter values, with their theoretical density, statistics, bins and log y."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("histogram")
        self.project: Project | None = None
        self.target = Target()
        self.data: HistogramData | None = None
        self.distribution: Any = None
        self.computing = False
        self._stale = False  # a refresh was skipped while the tab was hidden
        self.jobs = JobRunner(self)  # one worker: a superseded job stops at its next chunk
        self._timer = QTimer(self, singleShot=True, interval=60)
        self._timer.timeout.connect(self.refresh)

        self.title = QLabel(self.tr("All weights"))
        self.title.setObjectName("histogramTarget")
        self.title.setFont(theme.font(0, bold=True))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bins = QSpinBox(minimum=10, maximum=500, value=DEFAULT_BINS, singleStep=10)
        self.bins.setObjectName("histogramBins")
        keep_translated(self, self.bins.setSuffix, lambda: self.tr(" bins"))
        keep_translated(self, self.bins.setToolTip,
                        lambda: self.tr("How many equal bins from the smallest to the largest value"))
        self.bins.valueChanged.connect(self._schedule)
        self.log_y = QCheckBox()
        self.log_y.setObjectName("histogramLogY")
        keep_translated(self, self.log_y.setText, lambda: self.tr("log y"))
        keep_translated(self, self.log_y.setToolTip,
                        lambda: self.tr("Counts on a logarithmic axis: rare values and tails become visible"))
        self._plot: HistogramPlot | None = None  # made on first show (see _build_plots)
        self._grad_plot: HistogramPlot | None = None
        self.log_y.toggled.connect(self._set_log_y)
        self.stats = QLabel()
        self.stats.setObjectName("histogramStats")
        self.stats.setFont(theme.font(-0.5, mono=True))
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet(f"color: {theme.muted().name()}")
        self.show_grad = QCheckBox()
        self.show_grad.setObjectName("histogramShowGrad")
        keep_translated(self, self.show_grad.setText, lambda: self.tr(".grad beside"))
        keep_translated(self, self.show_grad.setToolTip, lambda: self.tr(
            "Also show the histogram of the gradients (.grad) that a backward pass in the Run tab left in these "
            "parameters."))
        self.grad_note = QLabel(wordWrap=True)
        self.grad_note.setObjectName("gradientNote")
        self.grad_note.setStyleSheet(f"color: {theme.muted().name()}")
        self.grad_jobs = JobRunner(self)
        self.show_grad.toggled.connect(self._schedule)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.bins)
        header.addWidget(self.log_y)
        header.addWidget(self.show_grad)
        self._plots = QHBoxLayout()  # the values' plot goes first, the gradients' box beside it
        self.grad_box = QWidget()
        self.grad_box.setObjectName("gradientBox")
        self._gradient = QVBoxLayout(self.grad_box)  # the gradients' plot goes above the note
        self._gradient.setContentsMargins(0, 0, 0, 0)
        self._gradient.addWidget(self.grad_note)
        self.grad_box.hide()
        self._plots.addWidget(self.grad_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addLayout(self._plots, 1)
        layout.addWidget(self.stats)
        layout.addWidget(self.note)
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------- plots
    @property
    def plot(self) -> HistogramPlot:
        """The plot of the values (objectName ``histogramPlot``); made when first shown or asked for."""
        return self._build_plots()[0]

    @property
    def grad_plot(self) -> HistogramPlot:
        """The plot of the gradients beside it (objectName ``gradientPlot``); made with :attr:`plot`."""
        return self._build_plots()[1]

    def _build_plots(self) -> tuple[HistogramPlot, HistogramPlot]:
        """Make the two plots, once: the first time the tab shows, or when someone asks for one."""
        if self._plot is None or self._grad_plot is None:
            from editor.ui.panels.histogram.plot import HistogramPlot

            plot, grad_plot = HistogramPlot(), HistogramPlot()
            grad_plot.setObjectName("gradientPlot")
            plot.set_log_y(self.log_y.isChecked())
            plot.label_changed.connect(self._update_note)
            self._plots.insertWidget(0, plot, 1)
            self._gradient.insertWidget(0, grad_plot, 1)
            self._plot, self._grad_plot = plot, grad_plot
            if self.isVisible():  # in a shown panel Qt would show them one event-loop turn late
                plot.show()
                grad_plot.show()
        return self._plot, self._grad_plot

    def _set_log_y(self, on: bool) -> None:
        if self._plot is not None:  # else the plot starts so
            self._plot.set_log_y(on)

    # ----------------------------------------------------------- project
    def set_project(self, project: Project) -> None:
        """Follow ``project`` (showing all its weights)."""
        names = ("weights_changed", "edited", "settings_changed", "reset")
        self.project = follow(self.project, project, dict.fromkeys(names, self._schedule))
        self.target = Target()
        self.refresh()

    def show_parameter(self, path: str, name: str) -> None:
        """Show parameter ``name`` (e.g. ``"weight"``) of the block at ``path``; ``""`` = the whole block."""
        self._show(path, name)

    def show_block(self, path: str) -> None:
        """Show every parameter of the block (or group) at ``path``."""
        self._show(path, "")

    def show_all(self) -> None:
        """Show every weight of the design (the default when nothing is selected)."""
        self.target = Target()
        self.refresh()

    def _show(self, path: str, name: str) -> None:
        if self.project is None:
            return
        if path == "":  # the totals row: the whole design
            self.show_all()
            return
        try:
            node = self.project.node(path)
        except PathError:
            node = None
        self.target = Target(node, name if node is not None else "")
        self.refresh()

    def retranslate(self) -> None:
        """The title and the notes in the current language (hidden, the histogram itself waits to be shown)."""
        if self.project is not None:
            self.title.setText(self._gather()[0])
        self.refresh()

    # ----------------------------------------------------------- compute
    def _schedule(self, *args: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Start computing the histogram of the current target (the previous request is abandoned)."""
        self._timer.stop()
        if self.project is None:
            return
        if not self.isVisible():  # nobody looks: compute when the tab is shown again
            self._stale = True
            self.jobs.cancel_all()  # and let a running job stop
            self.computing = False
            return
        self._stale = False
        title, tensors, distribution, left_out = self._gather()
        self.title.setText(title)
        self.distribution = distribution
        if not tensors:
            self.jobs.cancel_all()  # an earlier request's result would be stale now
            self.computing = False
            self.data = None
            self.plot.clear_plot()  # no axes of the previous tensor: "Nothing to show", and the note says why
            self.stats.setText(self.tr("no values"))
            self.stats.hide()
            if left_out:  # there are weights, in layers kept unallocated
                self.note.setText(self.tr("Not allocated: these weights have no values yet. Materialize the block "
                                          "(Edit → Materialize…) to see them."))
            else:
                self.note.setText(self.tr("This selection holds no parameters.") if self.target.node is not None
                                  else self.tr("The design has no weights yet: add a layer with parameters."))
            self.note.show()
            return
        self.computing = True
        self.jobs.submit(partial(_histogram, tensors, self.bins.value()), on_done=self._done, on_error=self._failed,
                         supersede=True)
        self._refresh_gradient(tensors)

    def _refresh_gradient(self, tensors: list[torch.Tensor]) -> None:
        """With ".grad beside" on: the histogram of the same parameters' gradients, next to their values."""
        self.grad_box.setVisible(self.show_grad.isChecked())
        if not self.show_grad.isChecked():
            self.grad_jobs.cancel_all()
            return
        grads = [g for t in tensors if (g := getattr(t, "grad", None)) is not None]
        if not grads:
            self.grad_jobs.cancel_all()
            self.grad_plot.clear_plot()
            self.grad_note.setText(self.tr("No .grad yet: run a backward pass in the Run tab."))
            return
        count, total = len(grads), len(tensors)
        self.grad_note.setText(self.tr(".grad of this tensor") if total == 1 else
                               self.tr(".grad of all {total} tensors").format(total=total) if count == total else
                               self.tr(".grad of {count} of these {total} tensors").format(count=count, total=total))
        self.grad_jobs.submit(partial(_histogram, grads, self.bins.value()), on_done=self._gradient_done,
                              on_error=lambda message: self.grad_note.setText(
                                  self.tr("Could not compute it: {reason}").format(reason=model_text(message))),
                              supersede=True)

    def _gradient_done(self, data: HistogramData) -> None:
        from editor.ui.panels.histogram.plot import stats_text

        self.grad_plot.show_histogram(data)
        self.grad_note.setText(f"{self.grad_note.text().split(' · ')[0]} · {stats_text(data)}")

    def gradients_changed(self) -> None:
        """A backward pass left new gradients: redraw them when they are shown."""
        if self.show_grad.isChecked():
            self._schedule()

    def _done(self, data: HistogramData) -> None:
        """The newest request's histogram arrived: draw it."""
        from editor.ui.panels.histogram.plot import stats_text

        self.computing = False
        self.data = data
        self.plot.show_histogram(data, self.distribution)
        self.stats.setText(stats_text(data))
        self.stats.show()
        self._update_note()

    def _failed(self, message: str) -> None:
        """The worker could not compute it: say why, in place of the plot's statistics."""
        self.computing = False
        self.data = None
        self.plot.clear_plot()
        self.stats.setText("")
        self.stats.hide()
        self.note.setText(self.tr("Could not compute the histogram: {reason}").format(reason=model_text(message)))
        self.note.show()

    def _update_note(self) -> None:
        """Under the plot: the whole expected distribution when the plot had to shorten it, or why there is none."""
        if self.data is None:
            return  # the note says why there is no histogram
        label = model_text(self.distribution.label) if self.distribution is not None else ""
        if not label:
            self.note.setText(self.tr("No known rule produced these values, so there is no density to compare "
                                      "with."))
        else:
            text = self.tr("Expected: {label}").format(label=label) if self.plot.label_shortened else ""
            if self.project is not None and from_seed(self.project) is False:  # never a long check here
                # Loaded, trained or edited values need not follow the rule that first drew them.
                text = (f"{text} " if text else "") + self.tr(
                    "The curve is the rule that last initialized these values; weights loaded, trained or edited "
                    "since may not follow it.")
            self.note.setText(text)
        self.note.setVisible(bool(self.note.text()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._build_plots()
        if self._stale:
            self._schedule()

    # ---------------------------------------------------------- targets
    def _gather(self) -> tuple[str, list[torch.Tensor], Any, int]:
        """The title, the tensors (shared ones once), the expected distribution of the current target, and how
        many of its tensors were left out for belonging to layers kept unallocated (they have no values)."""
        project = self.project
        assert project is not None
        node = self.target.node
        if node is not None:
            try:
                path = project.path_of(node)
            except PathError:  # the block was removed: fall back to every weight
                self.target, node = Target(), None
        if node is None:
            entries = [(b, local, t) for b in project.blocks() for local, t in _parameters(b)
                       if "weight" in local.rpartition(".")[2]]
            entries = _unique(entries)
            title = (self.tr("All weights — 1 tensor") if len(entries) == 1 else
                     self.tr("All weights — {count} tensors").format(count=len(entries)))
        elif isinstance(node, Block) and self.target.name:
            entries = [(node, local, t) for local, t in _parameters(node, buffers=True) if local == self.target.name]
            title = f"{path}.{self.target.name} — {block_label(node.layer.kind, node.layer.params)}"
        else:
            members = [node] if isinstance(node, Block) else list(blocks(node)) if isinstance(node, Group) else []
            entries = _unique([(b, local, t) for b in members for local, t in _parameters(b)])
            what = block_label(node.layer.kind, node.layer.params) if isinstance(node, Block) else "Sequential"
            title = (self.tr("{where} — {what}, all 1 parameter tensor") if len(entries) == 1 else
                     self.tr("{where} — {what}, all {count} parameter tensors")).format(
                         where=path or "model", what=what, count=len(entries))
        tensors = [t for _, _, t in entries if not t.is_meta]  # a layer kept unallocated has no values to count
        count = sum(t.numel() for t in tensors)
        title += (self.tr(", 1 value") if count == 1 else self.tr(", {count} values").format(count=f"{count:,}"))
        if len(tensors) < len(entries):
            left = len(entries) - len(tensors)
            title += (self.tr(" (1 tensor left out: not allocated)") if left == 1 else
                      self.tr(" ({count} tensors left out: not allocated)").format(count=left))
        return title, tensors, self._distribution([e for e in entries if not e[2].is_meta]), len(entries) - len(tensors)

    def _distribution(self, entries: list[tuple[Block, str, torch.Tensor]]) -> Any:
        if not entries:
            return None
        project = self.project
        assert project is not None
        sizes = [tensor.numel() for _, _, tensor in entries]
        try:
            found = expected_distributions(project, [(block, local) for block, local, _ in entries])
        except Exception:  # an overlay is a hint; never let it stop the histogram
            found = [None] * len(entries)
        return combine(list(zip(found, sizes, strict=True)))


def _parameters(block: Block, buffers: bool = False) -> list[tuple[str, torch.Tensor]]:
    """The block's parameters by local name (and its buffers, for one named tensor of the table)."""
    module = block.layer.module
    named = list(module.named_parameters())
    return named + list(module.named_buffers()) if buffers else named


def _unique(entries: list[tuple[Block, str, torch.Tensor]]) -> list[tuple[Block, str, torch.Tensor]]:
    """Shared parameters (tied blocks) once, like ``model.parameters()``."""
    seen: set[int] = set()
    out = []
    for entry in entries:
        if id(entry[2]) not in seen:
            seen.add(id(entry[2]))
            out.append(entry)
    return out
