"""Running the network as undo steps: keeping the weights a few training steps gave."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.model.project.project import Project
from editor.model.run.training import Trainer


class KeepTrainedCommand(ProjectCommand):
    """Take a trainer's weights into the design ("Train 200 steps"); undo brings back the weights before."""

    def __init__(self, project: Project, trainer: Trainer) -> None:
        steps = len(trainer.losses)
        super().__init__(project, QCoreApplication.translate("Command", "Train {steps} steps").format(steps=steps)
                         if steps != 1 else QCoreApplication.translate("Command", "Train 1 step"))
        self.trainer = trainer

    def perform(self) -> None:
        self.project.keep_trained(self.trainer, self.text())
