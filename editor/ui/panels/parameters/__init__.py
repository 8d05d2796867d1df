"""The Parameters tab: every parameter and buffer of the design, grouped by block, as a lazy table.

- :class:`ParameterTable` (``table``): the tab (the view, folding, the state_dict switch, the values pane,
  following the canvas selection with :meth:`ParameterTable.show_blocks`).
- :class:`ParameterTableModel` (``table_model``): the Qt model over the live tensors, fetched lazily.
- ``view``: :class:`ParameterView`, the table view (folding by arrow, double-click, Left/Right) and how
  names are painted.
- :class:`TensorValues` (``values``): the current tensor printed exactly as ``print(model[0].weight)``
  prints it (in a worker).
- ``cells``: what a row is (:class:`Entry`, :class:`Column`) and how numbers read; ``text``: the
  words and tooltips; ``stats``: :class:`StatsCache`, statistics computed on demand (large tensors
  in a worker).
"""

from editor.ui.panels.parameters.cells import Column, Entry
from editor.ui.panels.parameters.stats import PENDING, StatsCache
from editor.ui.panels.parameters.table import ParameterTable
from editor.ui.panels.parameters.table_model import ParameterTableModel
from editor.ui.panels.parameters.values import TensorValues
from editor.ui.panels.parameters.view import ParameterView

__all__ = ["PENDING", "Column", "Entry", "ParameterTable", "ParameterTableModel", "ParameterView", "StatsCache",
           "TensorValues"]
