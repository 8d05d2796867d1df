"""The model layer: the design, its live ``nn.Sequential`` and the catalog. Never imports Qt.

Names are loaded on first use, so ``editor.model.catalog`` can be imported
without importing torch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from editor.model.words import say

if TYPE_CHECKING:  # for type checkers and IDEs; at run time names load lazily
    from editor.model.errors import (  # noqa: F401
        LayerLabError,
        MemoryLimitError,
        PathError,
        ShapeError,
        StructureError,
        UnsupportedLayerError,
        ValidationError,
    )
    from editor.model.project.project import Project  # noqa: F401

_EXPORTS = {
    "Project": ".project.project",
    "LayerLabError": ".errors",
    "ShapeError": ".errors",
    "ValidationError": ".errors",
    "MemoryLimitError": ".errors",
    "PathError": ".errors",
    "StructureError": ".errors",
    "UnsupportedLayerError": ".errors",
    "Fix": ".errors",
    "FixStep": ".errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(say("module {module!r} has no attribute {name!r}", module=__name__, name=name))
