"""Replacing the whole design in one undoable step (applying code edited in the Code panel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.model.project.project import Project


class ReplaceDesignCommand(ProjectCommand):
    """Swap the design for one read from code ("Apply code"); undo brings back the old design exactly.

    ``design`` is a Project made for the purpose (e.g. by
    ``Project.from_code``); its modules move over as they are, so the values
    the code gave them are kept. It must not be used afterwards. When it sets
    no input shape, the project's stays if it still fits, and hyperparameters
    that followed the input keep doing so where the code's values agree.
    """

    def __init__(self, project: Project, design: Project, text: str | None = None) -> None:
        super().__init__(project, text if text is not None else QCoreApplication.translate("Command", "Apply code"))
        self.design = design

    def perform(self) -> None:
        self.project.replace_design(self.design, name=self.text(), keep_input_shape=True, keep_auto=True)
