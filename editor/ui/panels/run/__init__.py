"""The Run tab (objectName ``runPanel``): feed a batch through the network, see every block's output
statistics, run a backward pass, and watch a few training steps (``panel``, ``layers``, ``training``)."""

from editor.ui.panels.run.panel import RunPanel

__all__ = ["RunPanel"]
