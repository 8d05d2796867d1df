"""The Initialize dialog's live preview: the values a rule would give, as a histogram with its density.

The rule is checked and its targets listed on the GUI thread (quick); the
sampling and the histogram run in a worker from a private generator, so
torch's global random state is never touched and the dialog never stalls.
Only the newest request is drawn: each one supersedes the previous
:class:`~editor.ui.jobs.JobRunner` job, and a superseded preview that has not
started never runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import torch
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from editor.model.init.distributions import combine
from editor.model.init.rules import InitRule, distribution_of
from editor.model.project.initializing import sample_preview
from editor.model.project.project import Project
from editor.model.stats.histogram import HistogramData, compute_histogram
from editor.ui import theme
from editor.ui.i18n import keep_translated, model_text, sentences, translate
from editor.ui.jobs import JobContext, JobRunner
from editor.ui.panels.histogram.plot import HistogramPlot

BINS = 60
LIMIT = 2_000_000  # values sampled at most for a preview


@dataclass(frozen=True)
class _Preview:
    """What the worker found: the histogram, the expected distribution, and which tensors were sampled."""

    data: HistogramData
    distribution: Any
    shown: str


def _sample(rule: InitRule, planned: list[tuple[str, torch.Size, torch.dtype]], context: JobContext) -> _Preview:
    """The job: draw a fresh sample of ``rule`` on the planned targets, and its histogram."""
    samples = sample_preview(rule, planned)
    tensors = [t for _, t in samples]
    data = compute_histogram(tensors, BINS, cancelled=lambda: context.cancelled)
    dist = combine([(distribution_of(rule, t), t.numel()) for t in tensors])
    keys = [k for k, _ in samples]
    shown = ", ".join(keys[:3])
    if len(keys) > 3:
        shown = translate("InitPreview", "{names} and {count} more").format(names=shown, count=len(keys) - 3)
    return _Preview(data, dist, shown)


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
        title = QLabel(wordWrap=True)
        keep_translated(self, title.setText, lambda: self.tr("Preview (a fresh sample; nothing changes until Apply)"))
        title.setFont(theme.font(0, bold=True))
        self.log_y = QCheckBox(objectName="initPreviewLogY")
        keep_translated(self, self.log_y.setText, lambda: self.tr("log y"))
        keep_translated(self, self.log_y.setToolTip, lambda: self.tr(
            "A logarithmic count axis: a spike (say, the zeros of a custom rule) no longer flattens the rest"))
        self.log_y.toggled.connect(self.plot.set_log_y)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.log_y)
        layout.addLayout(header)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self._jobs = JobRunner(self)  # its own queue, one preview at a time
        self.shown_numel = 0
        self.setMinimumSize(380, 260)

    def request(self, project: Project, rule: InitRule) -> None:
        """Preview ``rule`` on ``project``'s parameters (raises the Project's error when it does not fit)."""
        planned = project.preview_targets(rule, LIMIT)
        if not planned:  # every parameter it fills belongs to a layer kept unallocated
            self.clear(self.tr("the blocks it fills are not allocated; materialize them to see their values"))
            return
        self._jobs.submit(partial(_sample, rule, planned), on_done=self._done, on_error=self._failed,
                          supersede=True)

    def clear(self, message: str) -> None:
        """Show no preview, saying why (``message``); a preview under way is dropped."""
        self._jobs.cancel_all()
        self.shown_numel = 0
        self._summary = ""
        self.plot.clear_plot(self.tr("No preview"))
        self.caption.setText(self.tr("No preview: {reason}.").format(reason=model_text(message).rstrip(".")))

    def _failed(self, message: str) -> None:
        self.clear(self.tr("Preview failed: {reason}").format(reason=model_text(message)))

    def retranslate(self) -> None:
        """The caption in the current language (the dialog asks for a new preview right after)."""
        self._update_caption()

    def _done(self, preview: _Preview) -> None:
        data, dist, shown = preview.data, preview.distribution, preview.shown
        self._summary = self.tr("{count} values from {names}.").format(count=f"{data.numel:,}", names=shown)
        if dist is None or dist.pdf(data.edges[:1]) is None:
            self._summary = sentences(self._summary, self.tr("No density formula for it."))
        if data.nan or data.inf:  # a custom expression such as log(w): say it before Apply refuses it
            self._summary = sentences(self._summary, self.tr(
                "{count} NaN or infinite values are left out of the plot; Apply refuses a rule that makes them.")
                .format(count=f"{data.nan + data.inf:,}"))
        self.shown_numel = data.numel
        self.plot.show_histogram(data, dist)  # says label_changed: the caption follows

    def _update_caption(self) -> None:
        """What was sampled, and the whole expected distribution when the plot had to shorten it."""
        if not self._summary:
            return  # the caption says why there is no preview
        label = self.plot.full_label
        expected = "\n" + self.tr("Expected: {label}").format(label=label) if self.plot.label_shortened else ""
        self.caption.setText(self._summary + expected)
