"""Copy and paste of blocks: pasted blocks are independent copies with their own parameters."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from torch import nn

from editor.model.catalog.unallocated import deep_copy


class BlockClipboard:
    """Holds deep copies of the copied modules (sharing among them is kept within the copy)."""

    def __init__(self) -> None:
        self._modules: list[nn.Module] = []

    def copy(self, modules: list[nn.Module]) -> None:
        self._modules = deep_copy(modules)
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText("\n".join(repr(m) for m in modules))

    def paste(self) -> list[nn.Module]:
        """Fresh copies for one paste (so pasting twice gives two independent sets)."""
        return deep_copy(self._modules)

    def __bool__(self) -> bool:
        return bool(self._modules)
