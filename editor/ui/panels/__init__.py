"""The panels around the canvas: each follows the open Project and shows one view of it.

- :class:`Inspector`: what the selection is, and its hyperparameters (edits go out as intents).
- :class:`ParameterTable`: every parameter and buffer, grouped by block (``parameters/``).
- :class:`HistogramPanel`: the values of a parameter, a block or all weights (``histogram/``).
- :class:`CodePanel`: the design as plain PyTorch code, editable and applied back (``code/``).
- :class:`ReprPanel`: exactly what ``print(model)`` prints.

Panels read the Project and subscribe to its events (:func:`following.follow`);
they never change it and never import the canvas or the window: what a user
asks for leaves a panel as a Qt signal. Heavy work runs through
:mod:`editor.ui.jobs`.
"""

from editor.ui.panels.code import CodePanel
from editor.ui.panels.histogram import HistogramPanel
from editor.ui.panels.inspector import Inspector
from editor.ui.panels.parameters import ParameterTable
from editor.ui.panels.repr_panel import ReprPanel

__all__ = ["CodePanel", "HistogramPanel", "Inspector", "ParameterTable", "ReprPanel"]
