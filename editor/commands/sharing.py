"""Weight tying as undo steps: share, make independent, use again, repeat."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.model.project.project import Project


def _name(project: Project, path: str) -> str:
    """The kind of the block at ``path`` ("Sequential" for a group: the Project refuses it in words)."""
    kind = project.kind(path)
    return kind.name if kind is not None else "Sequential"


class ShareCommand(ProjectCommand):
    """Make blocks references to one module ("Share Linear weights"); ``keep`` names whose weights survive."""

    def __init__(self, project: Project, paths: Sequence[str], keep: str) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Share {kind} weights").format(
            kind=_name(project, keep)))
        self.paths, self.keep = list(paths), keep

    def perform(self) -> None:
        self.project.share(*self.paths, keep=self.keep)


class UnshareCommand(ProjectCommand):
    """Give a shared block its own module, copied or freshly initialized ("Make Linear independent")."""

    def __init__(self, project: Project, path: str, weights: str = "copy") -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Make {kind} independent").format(
            kind=_name(project, path)))
        self.path, self.weights = path, weights

    def perform(self) -> None:
        self.project.unshare(self.path, weights=self.weights)


class UseAgainCommand(ProjectCommand):
    """Place another reference to a block's (or group's) module ("Use Linear again")."""

    def __init__(self, project: Project, path: str, at: str) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Use {kind} again").format(
            kind=_name(project, path)))
        self.path, self.at = path, at
        self.result = ""

    def perform(self) -> None:
        self.result = self.project.use_again(self.path, at=self.at)


class RepeatCommand(ProjectCommand):
    """Repeat a block or group N times, shared (``[m] * N``) or as independent copies ("Repeat Linear ×4")."""

    def __init__(self, project: Project, path: str, n: int, shared: bool) -> None:
        text = (QCoreApplication.translate("Command", "Repeat {kind} ×{n}") if shared else
                QCoreApplication.translate("Command", "Repeat {kind} ×{n} (copies)"))
        super().__init__(project, text.format(kind=_name(project, path), n=n))
        self.path, self.n, self.shared = path, n, shared
        self.result: list[str] = []

    def perform(self) -> None:
        self.result = self.project.repeat(self.path, self.n, shared=self.shared)
