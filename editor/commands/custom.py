"""Custom layers and blocks as undo steps: define (or edit), make a group reusable, remove a definition."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.model.custom.definitions import BlockDefinition, LayerDefinition
from editor.model.project.project import Project


class DefineLayerCommand(ProjectCommand):
    """Add a custom layer, or edit one (every instance follows): "Define CenteredLayer" / "Edit MyLinear"."""

    def __init__(self, project: Project, definition: LayerDefinition) -> None:
        super().__init__(project, _define_text(project, definition.name))
        self.definition = definition

    def perform(self) -> None:
        self.project.define_layer(self.definition)


class DefineBlockCommand(ProjectCommand):
    """Add a composite block, or edit one (every instance follows)."""

    def __init__(self, project: Project, definition: BlockDefinition) -> None:
        super().__init__(project, _define_text(project, definition.name))
        self.definition = definition

    def perform(self) -> None:
        self.project.define_block(self.definition)


class MakeBlockCommand(ProjectCommand):
    """Turn a group into an instance of a new reusable block ("Make block Net")."""

    def __init__(self, project: Project, group_path: str, name: str, bindings: Mapping[str, list[str]]) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Make block {name}").format(name=name))
        self.group_path, self.name = group_path, name
        self.bindings = {key: list(fields) for key, fields in bindings.items()}
        self.path: str | None = None
        """The new block's path, once done."""

    def perform(self) -> None:
        self.path = self.project.make_block(self.group_path, self.name, self.bindings)


class RemoveDefinitionCommand(ProjectCommand):
    """Forget a definition no block uses ("Remove MyLinear")."""

    def __init__(self, project: Project, name: str) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Remove {name}").format(name=name))
        self.name = name

    def perform(self) -> None:
        self.project.remove_definition(self.name)


def _define_text(project: Project, name: str) -> str:
    """"Define CenteredLayer", or "Edit MyLinear" when the project has it already, in the current language."""
    if name in project.definitions:
        return QCoreApplication.translate("Command", "Edit {name}").format(name=name)
    return QCoreApplication.translate("Command", "Define {name}").format(name=name)
