"""Histogram goals: a 50M-value parameter costs at most 1.5x ``histc`` + ``aminmax``; the GUI never stalls.

The histogram (numpy-exact counts, mean, std, min, max, zeros) is timed
against ``torch.aminmax`` plus ``torch.histc`` on the same tensor alone. Then
the Histogram tab computes it in its worker while a 10 ms QTimer ticks on the
GUI thread; the largest gap between ticks must stay under 50 ms.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import time

import torch
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
from torch import nn

from bench.common import Ratio, measure, report
from editor import Project
from editor.model.stats.histogram import compute_histogram

NUMEL = 50_000_000
BINS = 60
STALL_LIMIT = 0.050


def floor(x: torch.Tensor) -> None:
    lo, hi = torch.aminmax(x)
    torch.histc(x, BINS, float(lo), float(hi))


def largest_gap(app: QApplication, panel, show) -> float:
    """Seconds of the longest pause between 10 ms ticks while the panel computes and draws."""
    clock = QElapsedTimer()
    clock.start()
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed()))
    timer.start()
    deadline = time.monotonic() + 60
    while len(ticks) < 3:  # ticking steadily before the request
        app.processEvents()
    show()
    while (panel.computing or panel._timer.isActive()) and time.monotonic() < deadline:
        app.processEvents()
    settle = time.monotonic() + 0.05
    while time.monotonic() < settle:
        app.processEvents()
    timer.stop()
    assert panel.data is not None and panel.data.numel == NUMEL, "the panel did not finish"
    return max(b - a for a, b in itertools.pairwise(ticks)) / 1e9


def run() -> bool:
    app = QApplication.instance() or QApplication([])
    from editor.ui.panels.histogram.panel import HistogramPanel

    torch.manual_seed(0)
    embedding = nn.Embedding(NUMEL // 1000, 1000)  # 50M values drawn from N(0, 1)
    x = embedding.weight
    threads = torch.get_num_threads()
    timings = {}
    # The goal is judged on one intra-op thread: on a shared, busy machine every parallel region of a
    # small op waits for a second thread to be scheduled, which swamps the work (see the line printed below).
    for count in (threads, 1) if threads > 1 else (1,):
        torch.set_num_threads(count)
        floor(x.detach())
        compute_histogram(x, BINS)  # warm up
        timings[count] = (measure(lambda: compute_histogram(x, BINS), repeat=5),
                          measure(lambda: floor(x.detach()), repeat=5))
    torch.set_num_threads(threads)
    ours, base = timings[1]

    project = Project.from_module(nn.Sequential(embedding))
    panel = HistogramPanel()
    panel.resize(900, 320)
    panel.set_project(project)
    panel.show()
    gaps = []
    for bins in (60, 61, 62):  # a fresh computation each time
        panel.bins.blockSignals(True)
        panel.bins.setValue(bins)
        panel.bins.blockSignals(False)
        gaps.append(largest_gap(app, panel, lambda: panel.show_parameter("0", "weight")))
    panel.close()

    title = (f"Histogram ({NUMEL / 1e6:.0f}M float32 values, {BINS} bins, one torch thread; "
             f"event-loop gaps {', '.join(f'{g * 1e3:.1f}' for g in gaps)} ms with {threads} threads)")
    ok = report(title, [
        Ratio("histogram + statistics / torch.histc + torch.aminmax", ours, base, 1.5),
        Ratio("largest GUI event-loop gap while the tab computes / 50 ms", max(gaps), STALL_LIMIT, 1.0),
    ])
    if threads > 1:
        value, floor_time = timings[threads]
        print(f"  [info] with {threads} torch threads: {value / floor_time:.4f}  "
              f"({value * 1e3:.3f} ms vs {floor_time * 1e3:.3f} ms; a loaded machine makes small ops wait)")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
