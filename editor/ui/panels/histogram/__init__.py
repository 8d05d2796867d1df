"""The Histogram tab: the values of a parameter, a block or all weights, with their expected density.

- :class:`HistogramPanel` (``panel``): gathers the tensors, computes in a worker, follows the Project.
- :class:`HistogramPlot` (``plot``): draws a histogram and a density with pyqtgraph (the Initialize
  dialog's preview uses it too).
"""

from editor.ui.panels.histogram.panel import HistogramPanel, Target
from editor.ui.panels.histogram.plot import HistogramPlot, stats_text

__all__ = ["HistogramPanel", "HistogramPlot", "Target", "stats_text"]
