"""LayerLab: build PyTorch networks from blocks, mirrored live into a real ``nn.Sequential``.

The scripting API::

    from editor import Project, ShapeError
    p = Project(seed=0)
    p.append(nn.Linear(20, 10))

Names are loaded on first use, so importing ``editor`` is cheap and never
imports Qt.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from editor.version import __version__

if TYPE_CHECKING:  # for type checkers and IDEs; at run time names load lazily
    from editor.io.errors import CodeImportError, ProjectFileError  # noqa: F401
    from editor.model.errors import (  # noqa: F401
        LayerLabError,
        MemoryLimitError,
        PathError,
        RunError,
        ShapeError,
        SharingError,
        StructureError,
        UnsupportedLayerError,
        ValidationError,
    )
    from editor.model.project.project import Project  # noqa: F401

_EXPORTS = {
    "Project": "editor.io.doors",  # loads the io layer too, so p.save() and p.to_code() work
    "LayerLabError": "editor.model.errors",
    "ShapeError": "editor.model.errors",
    "ValidationError": "editor.model.errors",
    "MemoryLimitError": "editor.model.errors",
    "PathError": "editor.model.errors",
    "StructureError": "editor.model.errors",
    "SharingError": "editor.model.errors",
    "RunError": "editor.model.errors",
    "UnsupportedLayerError": "editor.model.errors",
    "ProjectFileError": "editor.io.errors",
    "CodeImportError": "editor.io.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
