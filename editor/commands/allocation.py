"""Materializing layers kept unallocated, as an undo step (undo frees their memory again)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.model.project.project import Project


class MaterializeCommand(ProjectCommand):
    """Allocate the layers kept unallocated at ``path`` (None: every one), with the values the seed gives them.

    The Project refuses (``MemoryLimitError``, with both numbers) when the
    memory free now cannot hold them; ask the learner first (the window's
    confirmation says how much is needed and how much is free).
    """

    def __init__(self, project: Project, path: str | None = None) -> None:
        text = (QCoreApplication.translate("Command", "Materialize block {path}").format(path=path) if path
                else QCoreApplication.translate("Command", "Materialize the design"))
        super().__init__(project, text)
        self.path = path

    def perform(self) -> None:
        self.project.materialize(self.path)
