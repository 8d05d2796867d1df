"""The Parameters tab: every parameter and buffer of the design, grouped by block, as a lazy table.

- :class:`ParameterTable` (``table``): the tab (a view, its filter and folding, the state_dict switch).
- :class:`ParameterTableModel` (``table_model``): the Qt model over the live tensors, fetched lazily.
- ``cells``: what a row is (:class:`Entry`, :class:`Column`) and how numbers read; ``text``: the
  words and tooltips; ``stats``: :class:`StatsCache`, statistics computed on demand (large tensors
  in a worker).
"""

from editor.ui.panels.parameters.cells import Column, Entry
from editor.ui.panels.parameters.stats import PENDING, StatsCache
from editor.ui.panels.parameters.table import ParameterTable
from editor.ui.panels.parameters.table_model import ParameterTableModel

__all__ = ["PENDING", "Column", "Entry", "ParameterTable", "ParameterTableModel", "StatsCache"]
