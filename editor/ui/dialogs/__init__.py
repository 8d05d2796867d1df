"""Dialogs: windows of their own for work that needs more room than a panel.

- :class:`InitDialog` (``init_dialog``): any ``torch.nn.init`` function, previewed, applied as one
  undoable step. It needs only an :class:`InitSession` (the project, its history, the selection).
- :class:`InitPreview` (``init_preview``): the histogram of what a rule would draw, sampled in a worker.
- ``custom_layer``: Layer → New Custom Layer… (:class:`~editor.ui.dialogs.custom_layer.CustomLayerDialog`), a layer
  of your own written in a form, checked as typed; ``block_definition`` edits a reusable block's definition;
  ``reusable_block`` makes a selected group a block of its own kind; ``definition_widgets`` holds their parts.
"""

from editor.ui.dialogs.init_dialog import InitDialog, InitSession
from editor.ui.dialogs.init_preview import InitPreview

__all__ = ["InitDialog", "InitPreview", "InitSession"]
