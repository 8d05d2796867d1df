"""Commands for initialization: apply an init rule, forget one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.commands.base import ProjectCommand
from editor.commands.texts import said_text
from editor.model.init.rules import InitRule
from editor.model.project.project import Project


class InitializeCommand(ProjectCommand):
    """Apply one ``torch.nn.init`` rule ("Initialize: xavier_uniform_ on the weights of every Linear")."""

    def __init__(self, project: Project, rule: InitRule) -> None:
        super().__init__(project, QCoreApplication.translate("Command", "Initialize: {rule}").format(
            rule=said_text(rule.describe())))
        self.rule = rule

    def perform(self) -> None:
        self.project.apply_init(self.rule)


class RemoveInitRuleCommand(ProjectCommand):
    """Forget an init rule (values stay; "reset parameters" no longer replays it)."""

    def __init__(self, project: Project, index: int) -> None:
        rule = project.init_rules[index]
        super().__init__(project, QCoreApplication.translate("Command", "Remove init rule: {function}").format(
            function=rule.function))
        self.index = index

    def perform(self) -> None:
        self.project.remove_init_rule(self.index)
