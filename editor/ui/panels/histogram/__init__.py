"""The Histogram tab: the values of a parameter, a block or all weights, with their expected density.

- :class:`HistogramPanel` (``panel``): gathers the tensors, computes in a worker, follows the Project.
- :class:`HistogramPlot` (``plot``): draws a histogram and a density with pyqtgraph (the Initialize
  dialog's preview uses it too). Imported when first used (the panel makes its plots on first show).
"""

from typing import Any

from editor.ui.panels.histogram.panel import HistogramPanel, Target

__all__ = ["HistogramPanel", "HistogramPlot", "Target", "stats_text"]


def __getattr__(name: str) -> Any:
    """``HistogramPlot`` and ``stats_text`` come from ``plot`` when first asked for: it imports pyqtgraph."""
    if name in ("HistogramPlot", "stats_text"):
        from editor.ui.panels.histogram.plot import HistogramPlot, stats_text

        return {"HistogramPlot": HistogramPlot, "stats_text": stats_text}[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
