"""One command per Project operation on the design."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from torch import nn

from editor.commands.base import ProjectCommand
from editor.commands.texts import said_text
from editor.model.errors import Fix
from editor.model.project.project import Project
from editor.model.run.devices import PreparedMove


def _plural(count: int) -> str:
    """"3 blocks", in the current language (an undo step's name says how many blocks it changed)."""
    if count == 1:
        return QCoreApplication.translate("Command", "1 block")
    return QCoreApplication.translate("Command", "{count} blocks").format(count=count)


class InsertLayerCommand(ProjectCommand):
    """Insert a new catalog layer at a path ("Insert Linear")."""

    def __init__(self, project: Project, path: str, kind: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Insert {kind}").format(kind=kind))
        self.path, self.kind, self.params = path, kind, dict(params or {})

    def perform(self) -> None:
        self.project.insert_layer(self.path, self.kind, **self.params)


class InsertModulesCommand(ProjectCommand):
    """Insert given modules (a paste or a duplicate) starting at a path."""

    def __init__(self, project: Project, path: str, modules: Sequence[nn.Module], verb: str = "Paste") -> None:
        name = type(modules[0]).__name__ if len(modules) == 1 else _plural(len(modules))
        super().__init__(project, _verb_text(verb, name))
        self.path, self.modules = path, list(modules)

    def perform(self) -> None:
        parent, _, last = self.path.rpartition(".")
        start = int(last)
        for offset, module in enumerate(self.modules):
            index = f"{parent}.{start + offset}" if parent else str(start + offset)
            self.project.insert(index, module)


class DuplicateCommand(ProjectCommand):
    """Insert copies of blocks right after the last of them ("Duplicate Linear"), copied or with fresh weights.

    ``result`` holds the copies' paths afterwards.
    """

    def __init__(self, project: Project, paths: Sequence[str], fresh: bool = False) -> None:
        names = [_node_name(project, p) for p in paths]
        what = names[0] if len(names) == 1 else _plural(len(names))
        text = (QCoreApplication.translate("Command", "Duplicate {what} with fresh weights") if fresh else
                QCoreApplication.translate("Command", "Duplicate {what}"))
        super().__init__(project, text.format(what=what))
        self.paths, self.fresh = list(paths), fresh
        self.result: list[str] = []

    def perform(self) -> None:
        self.result = self.project.duplicate(self.paths, fresh=self.fresh)


class ReplaceLayerCommand(ProjectCommand):
    """Put a new catalog layer in place of a block ("Replace ReLU with Sigmoid"), like ``net[1] = nn.Sigmoid()``."""

    def __init__(self, project: Project, path: str, kind: str) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Replace {old} with {kind}").format(
            old=_node_name(project, path), kind=kind))
        self.path, self.kind = path, kind

    def perform(self) -> None:
        self.project.replace_layer(self.path, self.kind)


class DeleteCommand(ProjectCommand):
    """Delete blocks or groups ("Delete Linear", "Delete 3 blocks")."""

    def __init__(self, project: Project, paths: Sequence[str], verb: str = "Delete") -> None:
        names = [_node_name(project, p) for p in paths]
        super().__init__(project, _verb_text(verb, names[0] if len(names) == 1 else _plural(len(names))))
        self.paths = list(paths)

    def perform(self) -> None:
        nodes = [self.project.node(p) for p in self.paths]
        for node in nodes:
            if self.project.is_attached(node):  # a block inside a deleted group goes with it
                del self.project[self.project.path_of(node)]


class MoveCommand(ProjectCommand):
    """Move blocks, kept in their order, to position ``index`` of the group at ``group`` ("" for the top).

    ``index`` counts the group as it is before the move, like a drop between two blocks.
    """

    def __init__(self, project: Project, sources: Sequence[str], group: str, index: int) -> None:
        names = [_node_name(project, p) for p in sources]
        super().__init__(project, QCoreApplication.translate("Command", "Move {what}").format(
            what=names[0] if len(names) == 1 else _plural(len(names))))
        self.sources, self.group, self.index = list(sources), group, index
        self.result: list[str] = []

    def perform(self) -> None:
        project = self.project
        nodes = [project.node(p) for p in self.sources]
        target = project.node(self.group) if self.group else project.root
        index = self.index
        self.result = []
        for node in nodes:
            group_path = project.path_of(target) if target is not project.root else ""
            path = project.move_to(project.path_of(node), group_path, index)
            self.result.append(path)
            index = node.index() + 1


class GroupCommand(ProjectCommand):
    """Wrap adjacent blocks in a nested Sequential."""

    def __init__(self, project: Project, paths: Sequence[str]) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Group into Sequential"))
        self.paths = list(paths)
        self.result = ""

    def perform(self) -> None:
        self.result = self.project.group(self.paths)


class UngroupCommand(ProjectCommand):
    """Dissolve a group in place."""

    def __init__(self, project: Project, path: str) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Ungroup"))
        self.path = path
        self.result: list[str] = []

    def perform(self) -> None:
        self.result = self.project.ungroup(self.path)


class SetHyperparametersCommand(ProjectCommand):
    """Change hyperparameters of one or more blocks of one kind; successive edits of one field merge."""

    merge_id = 1001

    def __init__(self, project: Project, paths: Sequence[str], changes: dict[str, Any]) -> None:
        kind = project.kind(paths[0])
        fields = ", ".join(changes)
        text = (QCoreApplication.translate("Command", "Change {kind} {fields}") if kind else
                QCoreApplication.translate("Command", "Change block {fields}"))
        super().__init__(project, text.format(kind=kind.name if kind else "", fields=fields))
        self.paths, self.changes = list(paths), dict(changes)

    def perform(self) -> None:
        for path in self.paths:
            self.project.set_hyperparameters(path, **self.changes)

    def mergeWith(self, other: ProjectCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetHyperparametersCommand) or other.project is not self.project:
            return False
        if other.paths != self.paths or set(other.changes) != set(self.changes):
            return False
        self.transactions += other.transactions
        self.changes = other.changes
        return True


class ApplyFixCommand(ProjectCommand):
    """Apply the suggested fix of a shape error."""

    def __init__(self, project: Project, fix: Fix) -> None:
        super().__init__(project, said_text(fix.label).replace("{path}", ""))
        self.fix = fix

    def perform(self) -> None:
        self.project.apply_fix(self.fix)


class RenameCommand(ProjectCommand):
    """Give a block a label (its key in the parent Sequential)."""

    def __init__(self, project: Project, path: str, label: str | None) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Rename block"))
        self.path, self.label = path, label

    def perform(self) -> None:
        self.project.set_label(self.path, self.label)


class SetInputShapeCommand(ProjectCommand):
    """Set (or clear, with None) the design's input shape."""

    def __init__(self, project: Project, shape: tuple[int, ...] | None) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Set input shape"))
        self.shape = shape

    def perform(self) -> None:
        self.project.input_shape = self.shape


class SetSeedCommand(ProjectCommand):
    """Change the seed the weights are built from."""

    merge_id = 1002

    def __init__(self, project: Project, seed: int) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Change seed"))
        self.seed = seed

    def perform(self) -> None:
        self.project.seed = self.seed

    def mergeWith(self, other: ProjectCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetSeedCommand):
            return False
        self.transactions += other.transactions
        return True


class ApplySeedCommand(ProjectCommand):
    """Set the seed and rebuild every weight from it ("Set seed 42"), as ``torch.manual_seed(42)`` then building would.

    Successive seeds typed in a row merge into one step, whose undo brings back the weights from before the first.
    """

    merge_id = 1003

    def __init__(self, project: Project, seed: int) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Set seed {seed}").format(seed=seed))
        self.seed = seed

    def perform(self) -> None:
        self.project.seed = self.seed
        self.project.reset_parameters()

    def mergeWith(self, other: ProjectCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, ApplySeedCommand) or other.project is not self.project:
            return False
        self.transactions += other.transactions
        self.seed = other.seed
        self.setText(other.text())
        return True


class ResetParametersCommand(ProjectCommand):
    """Rebuild every parameter from the seed."""

    def __init__(self, project: Project) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Reset parameters from seed"))

    def perform(self) -> None:
        self.project.reset_parameters()


class LoadWeightsCommand(ProjectCommand):
    """Copy a state_dict's values into the design (strict, or only the keys that fit)."""

    def __init__(self, project: Project, state: dict[str, Any], strict: bool = True) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Load weights"))
        self.state, self.strict = state, strict
        self.report: Any = None

    def perform(self) -> None:
        self.report = self.project.load_state(self.state, strict=self.strict)


class DeviceCommand(ProjectCommand):
    """Move the model to another device."""

    def __init__(self, project: Project, device: str, progress: Callable[[int, int], None] | None = None,
                 prepared: PreparedMove | None = None) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Move model to {device}").format(device=device))
        self.device = device
        self.progress = progress
        self.prepared = prepared
        """Copies made on a worker thread (``project.prepare_move``), swapped in the first time only."""

    def perform(self) -> None:
        prepared, self.prepared = self.prepared, None
        self.project.to(self.device, progress=self.progress, prepared=prepared)


class ScriptedEditCommand(ProjectCommand):
    """An edit made from Python (``window.project``), recorded so it can be undone too."""

    def __init__(self, project: Project, name: str) -> None:
        super().__init__(project, said_text(name))  # the Project names its operations with say()


def _verb_text(verb: str, what: str) -> str:
    """"Paste Linear", "Cut 3 blocks", "Delete ReLU": ``verb`` (English, as callers pass it) in the current language."""
    if verb == "Paste":
        return QCoreApplication.translate("Command", "Paste {what}").format(what=what)
    if verb == "Cut":
        return QCoreApplication.translate("Command", "Cut {what}").format(what=what)
    if verb == "Delete":
        return QCoreApplication.translate("Command", "Delete {what}").format(what=what)
    return f"{verb} {what}"  # another caller's own verb, as it gave it


def _node_name(project: Project, path: str) -> str:
    kind = project.kind(path)
    return kind.name if kind is not None else "Sequential"


SetParamsCommand = SetHyperparametersCommand
"""Deprecated name of :class:`SetHyperparametersCommand`."""
