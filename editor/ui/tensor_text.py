"""A tensor as ``print(tensor)`` writes it, for the panels that show one (the Parameters tab's values, the Run
tab's input and output): torch's own text, at most :data:`MAX_CHARS` of it, in a box that keeps torch's lines."""

from __future__ import annotations

import torch
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui import theme
from editor.ui.i18n import translate

MAX_CHARS = 200_000
"""Longest text shown for one tensor: torch summarizes big tensors itself, unless its print options say not to."""


def print_text(tensor: torch.Tensor, detach: bool = False) -> str:
    """``str(tensor)`` as ``print`` writes it (``tensor.detach()`` first for a state_dict entry), at most MAX_CHARS."""
    text = str(tensor.detach() if detach else tensor)
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        left = len(text) - (cut if cut > 0 else MAX_CHARS)
        text = text[:cut if cut > 0 else MAX_CHARS] + "\n… " + translate(
            "TensorValues", "{count} more characters not shown (torch's print options ask for every value; "
            "torch.set_printoptions(profile='default') summarizes again)").format(count=f"{left:,}")
    return text


def tensor_box(name: str, height: int) -> QPlainTextEdit:
    """A read-only box (objectName ``name``, at most ``height`` px tall) for a tensor's text: monospaced and not
    wrapped (torch breaks its own lines)."""
    box = QPlainTextEdit(objectName=name)
    box.setReadOnly(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setFont(theme.font(-0.5, mono=True))
    box.setMaximumHeight(height)
    return box
