"""``HistogramPlot``: draws a :class:`HistogramData` and, on top, the density it was drawn from.

Only drawing happens here (the counts come ready-made from a worker). The
bins are a filled step curve; the theoretical density is scaled to counts
(a bin of width ``w`` expects ``numel · w · pdf(x)`` values) and drawn as a
curve; a point mass (``constant_``, zeros) is a vertical marker. The
distribution's label (its bound or std) is written above the bins, cut with
"…" to the width of the plot area so that it never pushes the plot wider than
the widget. The x range takes in a uniform density's bounds, so its edges show.
With log y, zero-count bins stay empty and the axis reads 1, 10, 100, ….
With nothing to show, the axes go (no stale ticks of an earlier tensor) and a
plain message takes the middle.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QWidget

from editor.model.stats.histogram import HistogramData
from editor.ui import theme
from editor.ui.i18n import QT_TRANSLATE_NOOP, model_text, on_language_change, translate

DENSITY_COLOR = QColor("#C7622E")  # warm, against the calm blue bars
LOG_FLOOR = -0.3  # log10 of the bars' baseline: a bin holding one value still shows
TITLE_POINTS = 9.0
KEY_WIDTH = 40  # pixels of the title's column taken by the colour key and the text item's margins
SUPPORT_STRETCH = 1.5  # a density's bounds widen the x range up to this factor of the values' span
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("HistogramPlot", "Nothing to show")


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    return f"{value:.4g}".replace("-", "−")


def stats_text(data: HistogramData) -> str:
    """One line of statistics: mean, std, min, max, zeros and the number of values."""
    if data.numel == 0:
        text = translate("HistogramPlot", "no values")
    else:
        text = translate("HistogramPlot", "mean {mean}   std {std}   min {min}   max {max}   zeros {zeros}   "
                         "{count} values").format(mean=_fmt(data.mean), std=_fmt(data.std), min=_fmt(data.min),
                                                  max=_fmt(data.max), zeros=f"{data.zero_fraction:.1%}",
                                                  count=f"{data.numel:,}")
    left_out = [f"{n:,} {what}" for n, what in ((data.nan, "NaN"), (data.inf, "±inf")) if n]
    if left_out:
        text += "   " + translate("HistogramPlot", "(left out: {what})").format(what=", ".join(left_out))
    return text


def support(distribution: Any) -> tuple[float, float] | None:
    """Where a uniform density (or the uniform parts of a mixture) is non-zero; None for other distributions."""
    parts = getattr(distribution, "parts", None)
    found = [d for d, _ in parts] if parts is not None else [distribution]
    bounds = [(d.low, d.high) for d in found if getattr(d, "kind", "") == "uniform" and d.low is not None
              and d.high is not None]
    if not bounds:
        return None
    return min(low for low, _ in bounds), max(high for _, high in bounds)


def log_ticks(top: float) -> list[list[tuple[float, str]]]:
    """Ticks of a log count axis up to ``log10(count) = top``: labelled 1, 10, 100, …; unlabelled 2…9 between.

    Counts are whole numbers, so fractional ticks (0.6, 0.8) would only confuse.
    """
    highest = max(math.ceil(top), 1) if math.isfinite(top) else 1
    major = [(float(k), f"{10 ** k:,}" if k < 6 else f"1e{k}") for k in range(highest + 1)]
    minor = [(math.log10(m * 10 ** k), "") for k in range(highest) for m in range(2, 10)]
    return [major, minor]


class HistogramPlot(pg.PlotWidget):
    """A histogram of parameter values with an optional theoretical density (reusable: panel and init preview)."""

    label_changed = Signal()
    """The label drawn above the bins changed (a new distribution, or shortened to a new width)."""
    full_label = ""  # class defaults: pg.PlotWidget resizes itself before __init__ has set them
    label_text = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=theme.base())
        self.setObjectName("histogramPlot")
        self.data: HistogramData | None = None
        self.distribution: Any = None
        self.log_y = False
        self.density_item: pg.PlotDataItem | None = None
        self.marker_item: pg.PlotDataItem | None = None
        item = self.getPlotItem()
        theme.calm_plot(item)
        self.retranslate()
        on_language_change(self, self.retranslate)
        accent = theme.ACCENT
        fill = QColor(accent)
        fill.setAlpha(120)
        self.bars = pg.PlotDataItem(stepMode="center", fillLevel=0, fillOutline=True,
                                    pen=pg.mkPen(accent.darker(115), width=1), brush=pg.mkBrush(fill))
        self.addItem(self.bars)
        self.empty_text = pg.TextItem("", color=theme.muted(), anchor=(0.5, 0.5))
        self.empty_text.setObjectName("histogramEmpty")
        self.empty_text.setFont(theme.font(2))
        self.empty_text.setZValue(10)
        self.addItem(self.empty_text, ignoreBounds=True)
        self.empty_message = ""
        """What the plot says when it has nothing to draw ("" while it draws values)."""
        item.getViewBox().sigResized.connect(self._fit_label)  # the axis grew or shrank: the label's room changed
        self.label_text = ""
        """The distribution's label as written above the bins (shortened to the plot's width)."""
        self.full_label = ""
        """The whole label; a tooltip on the plot, and the panel writes it under the plot when shortened."""
        self.setMinimumHeight(160)

    # ------------------------------------------------------------ public
    def show_histogram(self, data: HistogramData, distribution: Any = None) -> None:
        """Draw ``data``; overlay ``distribution`` (a Distribution or Mixture; None for no overlay)."""
        self.data, self.distribution = data, distribution
        self._redraw()

    def set_log_y(self, on: bool) -> None:
        """Counts on a logarithmic axis (tails and rare values become visible)."""
        if on != self.log_y:
            self.log_y = on
            self._redraw()

    def clear_plot(self, message: str = "") -> None:
        """Show no values: no axes, no bars, only ``message`` in the middle (no values, or nothing selected)."""
        self.data, self.distribution = None, None
        self.empty_message = message
        self._redraw()

    # ----------------------------------------------------------- drawing
    def _heights(self, counts: np.ndarray) -> np.ndarray:
        counts = np.asarray(counts, dtype=np.float64)
        if not self.log_y:
            return counts
        with np.errstate(divide="ignore"):
            return np.where(counts > 0, np.log10(np.maximum(counts, 1e-300)), LOG_FLOOR)

    def _redraw(self) -> None:
        item = self.getPlotItem()
        for extra in (self.density_item, self.marker_item):
            if extra is not None:
                item.removeItem(extra)
        self.density_item = self.marker_item = None
        self._set_label("")
        self.bars.setFillLevel(LOG_FLOOR if self.log_y else 0)
        data = self.data
        if data is None or data.numel == 0:
            self.bars.setData([], [])
            self._show_empty(self.empty_message or translate("HistogramPlot", EMPTY_MESSAGE))
            return
        self._show_empty("")
        self.bars.setData(data.edges, self._heights(data.counts))
        lo, hi = self._x_span(data, self.distribution)
        self._overlay(data, self.distribution, lo, hi)
        top = float(self._heights(data.counts).max())
        if self.density_item is not None:
            top = max(top, float(np.nanmax(self.density_item.yData)) if len(self.density_item.yData) else top)
        item.setYRange(LOG_FLOOR if self.log_y else 0, top + (0.1 * (top - LOG_FLOOR) + 0.1 if self.log_y
                                                              else top * 0.08), padding=0)
        item.setXRange(lo, hi, padding=0.03)
        self._set_axis_log()

    def _show_empty(self, message: str) -> None:
        """With a message: hide the axes and the grid (their ticks would be an earlier tensor's) and say it."""
        item = self.getPlotItem()
        empty = bool(message)
        for name in ("left", "bottom"):
            item.showAxis(name, not empty)
        item.showGrid(x=False, y=not empty, alpha=0.15)
        self.empty_text.setText(message)
        self.empty_text.setVisible(empty)
        self.empty_message = message
        if empty:
            item.setXRange(0, 1, padding=0)
            item.setYRange(0, 1, padding=0)
            self.empty_text.setPos(0.5, 0.5)

    @staticmethod
    def _x_span(data: HistogramData, distribution: Any) -> tuple[float, float]:
        """The values' range, widened to a uniform density's bounds when they lie just outside it."""
        lo, hi = float(data.edges[0]), float(data.edges[-1])
        bounds = support(distribution)
        if bounds is not None and math.isfinite(bounds[0]) and math.isfinite(bounds[1]):
            wide_lo, wide_hi = min(lo, bounds[0]), max(hi, bounds[1])
            if wide_hi - wide_lo <= SUPPORT_STRETCH * max(hi - lo, 1e-12):
                return wide_lo, wide_hi
        return lo, hi

    @property
    def label_shortened(self) -> bool:
        """Whether the label above the bins had to be cut to fit the plot's width."""
        return self.label_text != self.full_label

    def _set_label(self, label: str) -> None:
        """Write the distribution's label (bound or std) on the plot, keyed by the density's colour.

        A label wider than the plot is cut with "…" (never clipped mid-letter at
        the edge); the whole of it is the plot's tooltip.
        """
        self.full_label = label
        item = self.getPlotItem()
        if not label:
            self.label_text = ""
            item.titleLabel.setText("")  # a hidden title keeps its width: an old long one would widen the plot
            item.setTitle(None)
            self.setToolTip("")
            self.label_changed.emit()
            return
        self.label_text = ""
        self.setToolTip(label)
        self._fit_label()

    def _column_width(self) -> float:
        """The width of the title's column: the plot area between the count axis and the right edge."""
        axis = self.getPlotItem().getAxis("left")
        return self.width() - (axis.width() if axis.isVisible() else 0) - 2

    def _fit_label(self, *args: object) -> None:
        """Write the label, cut to the plot area's width (its drawn width is measured: fonts differ)."""
        label = self.full_label
        if not label:
            return
        item = self.getPlotItem()
        font = QFont(self.font())
        font.setPointSizeF(TITLE_POINTS)
        metrics = QFontMetricsF(font)
        drawn = self.density_item is not None or self.marker_item is not None
        key = f"<span style='color:{DENSITY_COLOR.name()}'>━━</span>&nbsp;" if drawn else ""
        column = self._column_width()
        room = max(column - KEY_WIDTH, 60.0)
        before = self.label_text
        for _ in range(4):  # the title's real width (key, margins, fallback glyphs) decides; shrink until it fits
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            if text != self.label_text or not item.titleLabel.isVisible():
                self.label_text = text
                item.setTitle(key + html.escape(text), size=f"{TITLE_POINTS:g}pt", color=theme.text().name())
            over = item.titleLabel.itemRect().width() - column
            if over <= 0 or room <= 60:
                break
            room = max(room - over - 4, 60.0)
        if self.label_text != before:
            self.label_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.full_label and event.size().width() != event.oldSize().width():
            self._fit_label()  # cut the label again for the new width

    def retranslate(self) -> None:
        """The axis labels in the current language."""
        item = self.getPlotItem()
        muted = theme.muted().name()
        item.getAxis("bottom").setLabel(self.tr("value"), color=muted)
        item.getAxis("left").setLabel(self.tr("count (log scale)") if self.log_y else self.tr("count"), color=muted)

    def _set_axis_log(self) -> None:
        """Switch the count axis after the range (a linear range read as powers of ten would overflow)."""
        axis = self.getPlotItem().getAxis("left")
        axis.setLogMode(self.log_y)
        top = self.getPlotItem().getViewBox().viewRange()[1][1]
        axis.setTicks(log_ticks(top) if self.log_y else None)
        self.retranslate()

    def _overlay(self, data: HistogramData, distribution: Any, lo: float, hi: float) -> None:
        if distribution is None:
            return
        label = model_text(distribution.label)  # (the model's words: translated)
        width = data.bin_width
        margin = (hi - lo) * 0.03
        x = np.linspace(lo - margin, hi + margin, 400)
        density = distribution.pdf(x)
        pen = pg.mkPen(DENSITY_COLOR, width=2)
        if density is not None:
            expected = data.numel * width * np.asarray(density, dtype=np.float64)
            if self.log_y:
                with np.errstate(divide="ignore"):
                    expected = np.where(expected > 0, np.log10(np.maximum(expected, 1e-300)), np.nan)
            self.density_item = pg.PlotDataItem(x, expected, pen=pen, connect="finite")
            self.addItem(self.density_item)
        if getattr(distribution, "value", None) is not None:  # a point mass (constant_; sparse_'s zeros)
            value = float(distribution.value)
            top = float(self._heights(data.counts).max())
            bottom = LOG_FLOOR if self.log_y else 0.0
            dashed = pg.mkPen(DENSITY_COLOR, width=2, style=Qt.PenStyle.DashLine)
            self.marker_item = pg.PlotDataItem([value, value], [bottom, top], pen=dashed)
            self.addItem(self.marker_item)
        # else: no formula (a custom expression, a mix with a constant): the label says what it was, no key
        self._set_label(label)
