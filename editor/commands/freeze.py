"""Freezing and unfreezing parameters (``requires_grad``) as undo steps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.model.project.project import Project


class SetRequiresGradCommand(ProjectCommand):
    """Freeze (``flag=False``) or unfreeze one parameter of a block, or all of a block's (``name=None``).

    ``name`` is the parameter's name inside the block (``"weight"``); ``path``
    may be a group when ``name`` is None. A shared module's parameter changes
    at every place the module is used: it is one tensor.
    """

    def __init__(self, project: Project, path: str, name: str | None, flag: bool) -> None:
        if name:
            text = (QCoreApplication.translate("Command", "Unfreeze {path}.{name}") if flag else
                    QCoreApplication.translate("Command", "Freeze {path}.{name}"))
        else:
            text = (QCoreApplication.translate("Command", "Unfreeze block {path}") if flag else
                    QCoreApplication.translate("Command", "Freeze block {path}"))
        super().__init__(project, text.format(path=path, name=name))
        self.path, self.name, self.flag = path, name, bool(flag)

    def perform(self) -> None:
        self.project.set_requires_grad(self.path, self.name, self.flag)
