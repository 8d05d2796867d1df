"""The training box's two small plots (the loss on a log axis, the gradient norms): how they look and are numbered.

pyqtgraph is imported when a plot is made (the Run tab is hidden at start-up).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from editor.ui import theme

if TYPE_CHECKING:
    import pyqtgraph as pg

TICK_ROOM = 18
"""Pixels of axis each number of the loss axis needs (closer, they overlap)."""
PLOT_HEIGHT = 120
"""The height the plots ask for (they take more where the tab has it)."""


def make_plot(title: str, y_label: str, x_label: str) -> pg.PlotWidget:
    import pyqtgraph as pg

    plot = pg.PlotWidget(background=theme.base())
    item = plot.getPlotItem()
    item.layout.removeItem(item.titleLabel)  # the title over the axis too, not over the data alone: a wide axis
    item.layout.addItem(item.titleLabel, 0, 0, 1, 3)  # (3.5e+07) would otherwise cut a long title off
    theme.calm_plot(item)
    label_plot(plot, title, y_label, x_label)
    plot.setMinimumHeight(110)
    plot.setMinimumWidth(200)
    return plot


MAX_DECADE_TICKS = 6
"""The most powers of ten a log axis numbers (beyond, every second, third, … one)."""


def log_ticks(low: float, high: float, most: int = 0) -> list[float]:
    """The values a log axis from ``low`` to ``high`` numbers: each power of ten (every few over many decades), and 2
    and 5 times it where the range spans fewer than three decades (pyqtgraph's own numbers every ninth of a decade,
    and they overlap). A range too short for two of those (a loss from 0.1924 to 0.1768) gets each whole multiple
    of its powers of ten inside it, else its two ends, to three digits: an axis without a number says nothing.
    With ``most``, at most that many (a short plot: 1, 2 and 5 of each decade overlapped), powers of ten first."""
    if not (0 < low <= high < math.inf):
        return []
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    steps = (1,) if last - first > 3 else (1, 2, 5)
    every = max(1, math.ceil((last - first) / MAX_DECADE_TICKS))  # a loss that blew up spans 30 decades
    ticks = [m * 10.0 ** e for e in range(first, last + 1) if (e - first) % every == 0
             for m in steps if low <= m * 10.0 ** e <= high]
    if most and len(ticks) > most:  # fewer: powers of ten alone, every few of them if need be
        every = max(every, math.ceil((last - first + 1) / most))
        ticks = [10.0 ** e for e in range(first, last + 1) if (e - first) % every == 0 and low <= 10.0 ** e <= high]
    if len(ticks) < 2:
        ticks = [v for e in range(first, last + 1) for m in range(1, 10) if low <= (v := float(f"{m}e{e}")) <= high]
        if most and len(ticks) > most:  # every few of those (0.03 to 0.09 on a short plot: 0.03, 0.05, 0.07, 0.09)
            ticks = ticks[::math.ceil(len(ticks) / most)]
    if len(ticks) < 2:
        ticks = _inner_ends(low, high)
    return ticks


def tick_texts(values: list[float]) -> list[str]:
    """The numbers of an axis, all written alike: plainly (0.002, 100, 25000) while each is, else all as powers of
    ten (1e-06, 1e+05), not a mix of the two (1e+11, 1e+08, 100000, 100)."""
    plain = [f"{v:g}" for v in values]
    if all("e" not in text for text in plain) and all(abs(v) < 1e4 for v in values):  # (100000 is wide: 1e+05)
        return plain
    return [_power(v) for v in values]


def _power(value: float) -> str:
    """``value`` as a multiple of a power of ten: 1e+11, 2e-05, 1.5e+03."""
    mantissa, exponent = f"{value:.6e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"


def _inner_ends(low: float, high: float) -> list[float]:
    """Two round numbers inside ``[low, high]``, with as few digits as keep them apart (0.6931 to 0.69318: 0.69311
    and 0.69318); one when the range is a single value."""
    if low == high:
        return [float(f"{low:.4g}")]
    for digits in range(2, 12):
        scale = 10.0 ** (digits - 1 - math.floor(math.log10(high)))
        first, last = math.ceil(low * scale) / scale, math.floor(high * scale) / scale
        first, last = float(f"{first:.{digits}g}"), float(f"{last:.{digits}g}")
        if low <= first < last <= high:
            return [first, last]
    return [low, high]


def show_values(plot: pg.PlotWidget, shown: bool) -> None:
    """Tick values on both axes, or none: an empty plot would number ranges nothing has (a loss of 2 to 9)."""
    item = plot.getPlotItem()
    for name in ("bottom", "left"):
        item.getAxis(name).setStyle(showValues=shown)


def label_plot(plot: pg.PlotWidget, title: str, y_label: str, x_label: str) -> None:
    """The plot's title and axis labels (set again when the language changes)."""
    item = plot.getPlotItem()
    item.setTitle(title, color=theme.muted().name(), size="9pt")
    for name, label in (("bottom", x_label), ("left", y_label)):
        item.getAxis(name).setLabel(label, color=theme.muted().name())


class PlotRow(QWidget):
    """The row of plots: it asks for a modest height (a plot alone asks for 480 px, more than the Run tab has,
    and the tab's scroll area would then show only their tops); it grows into whatever room there is."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), PLOT_HEIGHT))


def draw_training(loss_plot: pg.PlotWidget, loss_curve: pg.PlotDataItem, grad_plot: pg.PlotWidget,
                  grad_curves: dict[str, pg.PlotDataItem], losses: list[float],
                  grad_norms: dict[str, list[float]]) -> bool:
    """Draw the losses so far (numbered on the log axis) and each block's gradient norms (a curve per block in
    ``grad_curves``, made as needed); True when a curve was made. The lists may grow meanwhile (a training appends
    to them as it goes): each is read once."""
    losses = list(losses)
    if losses and not loss_plot.getPlotItem().getAxis("left").style["showValues"]:
        for plot in (loss_plot, grad_plot):
            show_values(plot, True)
    loss_curve.setData(range(1, len(losses) + 1), losses)
    shown = [loss for loss in losses if 0 < loss < math.inf]
    room = loss_plot.getPlotItem().getViewBox().height()  # (0 before the first layout: no limit then)
    values = log_ticks(min(shown), max(shown), int(room // TICK_ROOM)) if shown else []
    loss_plot.getPlotItem().getAxis("left").setTicks(
        [list(zip((math.log10(v) for v in values), tick_texts(values), strict=True))] if values else None)
    fresh = False
    for index, (path, norms) in enumerate(list(grad_norms.items())):
        values = list(norms)
        curve = grad_curves.get(path)
        if curve is None:
            import pyqtgraph as pg

            curve = grad_plot.plot(pen=pg.mkPen(theme.share_color(index), width=1.5))
            grad_curves[path] = curve
            fresh = True
        curve.setData(range(1, len(values) + 1), values)
    return fresh
