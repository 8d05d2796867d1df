"""The Project's doors to the outside: project files and Python code.

``p.save(path)``, ``Project.load(path)``, ``p.to_code()`` and
``Project.from_code(source)`` hand over to :mod:`editor.io`, which registers
its functions here when it loads (:mod:`editor.io.doors`). The model never
imports io: ``from editor import Project`` loads both.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from editor.model.words import say

if TYPE_CHECKING:
    from typing_extensions import Self


@dataclass(frozen=True)
class Doors:
    """The io functions behind the scripting API's file and code methods."""

    save: Callable[[Any, str | os.PathLike[str]], None]
    load: Callable[[str | os.PathLike[str]], Any]
    to_code: Callable[..., str]
    from_code: Callable[..., Any]


_doors: list[Doors] = []


def register_doors(doors: Doors) -> None:
    """Called by :mod:`editor.io.doors` when it loads; the latest registration wins."""
    _doors[:] = [doors]


def _the_doors() -> Doors:
    if not _doors:
        raise RuntimeError(say("Saving, opening and code need LayerLab's io layer: import the Project with 'from "
                               "editor import Project' (or import editor.io.doors once)."))
    return _doors[0]


class InteropMixin:
    """Part of :class:`~editor.model.project.project.Project`: saving, opening, exporting and importing."""

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the project as a ``.pt`` file (written safely: the old file survives any crash)."""
        _the_doors().save(self, path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        """Open a project file; raises ``editor.ProjectFileError`` with a clear message when it cannot."""
        return _the_doors().load(path)

    def to_code(self, **options: Any) -> str:
        """The design as the plain PyTorch code a careful learner would write (see README)."""
        return _the_doors().to_code(self, **options)

    @classmethod
    def from_code(cls, source: str, seed: int | None = None) -> Self:
        """A project read from PyTorch source code, parsed with ``ast`` and never executed.

        With ``seed``, the parameters are bit for bit those of running the
        source after ``torch.manual_seed(seed)``. Raises
        ``editor.CodeImportError`` (with line and column) for anything it
        does not support.
        """
        return _the_doors().from_code(source, seed=seed)
