"""The Initialize dialog's live preview: the values a rule would give, as a histogram with its density.

The rule is checked and its targets listed on the GUI thread (quick); the
sampling and the histogram run in a worker from a private generator, so
torch's global random state is never touched and the dialog never stalls.
Only the newest request is drawn.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from editor.model.init.distributions import combine
from editor.model.init.rules import InitRule, distribution_of
from editor.model.project.initializing import sample_preview
from editor.model.project.project import Project
from editor.model.stats.histogram import compute_histogram
from editor.ui import theme
from editor.ui.panels.histogram.plot import HistogramPlot

BINS = 60
LIMIT = 2_000_000  # values sampled at most for a preview


class _Signals(QObject):
    done = Signal(int, object, object, str)


class _PreviewJob(QRunnable):
    def __init__(self, number: int, rule: InitRule, planned: list, signals: _Signals) -> None:
        super().__init__()
        self.number, self.rule, self.planned, self.signals = number, rule, planned, signals

    def run(self) -> None:
        try:
            samples = sample_preview(self.rule, self.planned)
            tensors = [t for _, t in samples]
            data = compute_histogram(tensors, BINS)
            dist = combine([(distribution_of(self.rule, t), t.numel()) for t in tensors])
        except Exception as exc:  # a worker must report, never die silently
            self.signals.done.emit(self.number, None, None, f"Preview failed: {exc}")
            return
        keys = [k for k, _ in samples]
        shown = ", ".join(keys[:3]) + (f" and {len(keys) - 3} more" if len(keys) > 3 else "")
        self.signals.done.emit(self.number, data, dist, shown)


class InitPreview(QWidget):
    """A histogram of what a rule would draw, with the rule's theoretical density on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("initPreview")
        self.plot = HistogramPlot()
        self.plot.label_changed.connect(self._update_caption)
        self._summary = ""
        self.caption = QLabel(wordWrap=True)
        self.caption.setStyleSheet(f"color: {theme.muted().name()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Preview (a fresh sample; nothing changes until Apply)")
        title.setFont(theme.font(0, bold=True))
        self.log_y = QCheckBox("log y", objectName="initPreviewLogY")
        self.log_y.setToolTip("A logarithmic count axis: a spike (say, the zeros of a custom rule) no longer "
                              "flattens the rest")
        self.log_y.toggled.connect(self.plot.set_log_y)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.log_y)
        layout.addLayout(header)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        # The pool first: children go in the order they came, so a running job finishes before its signals go.
        self._pool = QThreadPool(self)  # its own queue, one preview at a time
        self._pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self._numbers = itertools.count(1)
        self._latest = 0
        self.shown_numel = 0
        self.setMinimumSize(380, 260)

    def request(self, project: Project, rule: InitRule) -> None:
        """Preview ``rule`` on ``project``'s parameters (raises the Project's error when it does not fit)."""
        planned = project.preview_targets(rule, LIMIT)
        self._latest = next(self._numbers)
        self._pool.clear()  # a superseded preview that has not started yet never runs
        self._pool.start(_PreviewJob(self._latest, rule, planned, self.signals))

    def clear(self, message: str) -> None:
        self._latest = next(self._numbers)
        self.shown_numel = 0
        self._summary = ""
        self.plot.clear_plot()
        self.caption.setText(f"No preview: {message.rstrip('.')}.")

    def _done(self, number: int, data, dist, shown: str) -> None:
        if number != self._latest:
            return  # a newer request is on its way
        if data is None:
            self.clear(shown)
            return
        formula = "" if dist is not None and dist.pdf(data.edges[:1]) is not None else " No density formula for it."
        self._summary = f"{data.numel:,} values from {shown}.{formula}"
        if data.nan or data.inf:  # a custom expression such as log(w): say it before Apply refuses it
            self._summary += (f" {data.nan + data.inf:,} NaN or infinite values are left out of the plot; Apply "
                              f"refuses a rule that makes them.")
        self.shown_numel = data.numel
        self.plot.show_histogram(data, dist)  # says label_changed: the caption follows

    def _update_caption(self) -> None:
        """What was sampled, and the whole expected distribution when the plot had to shorten it."""
        if not self._summary:
            return  # the caption says why there is no preview
        label = self.plot.full_label
        self.caption.setText(self._summary + (f"\nExpected: {label}" if self.plot.label_shortened else ""))
