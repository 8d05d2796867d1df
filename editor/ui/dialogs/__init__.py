"""Dialogs: windows of their own for work that needs more room than a panel.

- :class:`InitDialog` (``init_dialog``): any ``torch.nn.init`` function, previewed, applied as one
  undoable step. It needs only an :class:`InitSession` (the project, its history, the selection).
- :class:`InitPreview` (``init_preview``): the histogram of what a rule would draw, sampled in a worker.
- ``custom_layer``: Layer → New Custom Layer… (:class:`~editor.ui.dialogs.custom_layer.CustomLayerDialog`), a layer
  of your own written in a form, checked as typed; ``block_definition`` edits a reusable block's definition;
  ``reusable_block`` makes a selected group a block of its own kind; ``definition_widgets`` holds their parts.
"""

from typing import Any

__all__ = ["InitDialog", "InitPreview", "InitSession"]


def __getattr__(name: str) -> Any:
    """The Initialize dialog's classes, imported when first asked for.

    Its preview plot imports pyqtgraph, which the editor does not need until a plot shows; the other
    dialogs' modules (imported as the editor goes live) import this package.
    """
    if name in ("InitDialog", "InitSession"):
        from editor.ui.dialogs.init_dialog import InitDialog, InitSession

        return {"InitDialog": InitDialog, "InitSession": InitSession}[name]
    if name == "InitPreview":
        from editor.ui.dialogs.init_preview import InitPreview

        return InitPreview
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
