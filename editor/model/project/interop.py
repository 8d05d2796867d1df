"""The Project's doors to the outside: project files and Python code.

These methods hand over to :mod:`editor.io` (imported lazily, so the model
layer stays importable on its own): ``p.save(path)``, ``Project.load(path)``,
``p.to_code()`` and ``Project.from_code(source)``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.model.project.project import Project


class InteropMixin:
    """Part of :class:`~editor.model.project.project.Project`: saving, opening, exporting and importing."""

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the project as a ``.pt`` file (written safely: the old file survives any crash)."""
        from editor.io.files.project_file import save_project

        save_project(self, path)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Project:
        """Open a project file; raises ``editor.ProjectFileError`` with a clear message when it cannot."""
        from editor.io.files.project_file import load_project

        return load_project(path)

    def to_code(self, **options: Any) -> str:
        """The design as the plain PyTorch code a careful learner would write (see README)."""
        from editor.io.pycode.export.writer import export_code

        return export_code(self, **options)  # type: ignore[arg-type]

    @classmethod
    def from_code(cls, source: str, seed: int | None = None) -> Project:
        """A project read from PyTorch source code, parsed with ``ast`` and never executed.

        With ``seed``, the parameters are bit for bit those of running the
        source after ``torch.manual_seed(seed)``. Raises
        ``editor.CodeImportError`` (with line and column) for anything it
        does not support.
        """
        from editor.io.pycode.read.reader import import_code

        return import_code(source, seed=seed)
