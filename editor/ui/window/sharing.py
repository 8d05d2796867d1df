"""Weight tying from the canvas: Share Weights, Use Again, Repeat…, Make Independent….

:class:`SharingActions` owns the four actions (Edit menu and the block context
menu) and turns each into a command from :mod:`editor.commands.sharing`, after
asking what only the learner can decide: whose weights survive a share, how
many repeats and whether they share, copy or fresh weights for an independent
block. Refusals (different kinds, shapes one module cannot take) come back
from the Project and are shown by the command runner, nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.commands.sharing import RepeatCommand, ShareCommand, UnshareCommand, UseAgainCommand
from editor.model.catalog.hyperparameters import block_label
from editor.model.design.tree import Block, Group, Node
from editor.model.project.project import Project
from editor.model.project.sharing import MAX_REPEAT
from editor.ui.i18n import keep_translated, translate
from editor.ui.window.session import Session


def _action(parent: QObject, text: Callable[[], str], name: str, tip: Callable[[], str],
            shortcut: str | None = None) -> QAction:
    """An action whose ``text`` and ``tip`` (callables that translate) follow the language."""
    action = QAction(parent)
    action.setObjectName(name)
    keep_translated(parent, action.setText, text)
    keep_translated(parent, action.setStatusTip, tip)
    keep_translated(parent, action.setToolTip, tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    return action


def describe(project: Project, node: Node) -> str:
    """"Block 2 · Linear 8 → 8" for a block, "Group 1 · Sequential (3 blocks)" for a group."""
    path = project.path_of(node)
    if isinstance(node, Block):
        return translate("SharingActions", "Block {path} · {label}").format(
            path=path, label=block_label(node.layer.kind, node.layer.params))
    assert isinstance(node, Group)
    return translate("SharingActions", "Group {path} · Sequential ({count} blocks)").format(
        path=path, count=len(node.children))


def choose(parent: QWidget, title: str, label: str, choices: list[str]) -> int | None:
    """The index of the choice the user takes (the first by default); None when cancelled.

    ``QInputDialog.getItem`` with a list as wide as its longest choice (it clipped them).
    """
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(choices)
    dialog.setComboBoxEditable(False)
    combo = dialog.findChild(QComboBox)
    if combo is not None:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    dialog.adjustSize()
    try:
        return choices.index(dialog.textValue()) if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_keep(parent: QWidget, choices: list[str]) -> int | None:
    """Which block's current weights survive a share (the first by default); None when cancelled."""
    return choose(parent, translate("SharingActions", "Share Weights"),
                  translate("SharingActions", "The blocks will hold one module. Whose current weights and settings "
                            "stay?"), choices)


def ask_independent(parent: QWidget, name: str) -> str | None:
    """``"copy"`` or ``"reinit"`` for Make Independent; None when cancelled."""
    choices = [translate("SharingActions", "Copy the current weights (the two {name}s start equal)").format(name=name),
               translate("SharingActions", "Fresh weights, drawn as constructing a new layer would")]
    index = choose(parent, translate("SharingActions", "Make Independent"),
                   translate("SharingActions", "This block gets its own {name}, no longer tied to the others. Its "
                             "weights:").format(name=name), choices)
    return None if index is None else ("copy", "reinit")[index]


class RepeatDialog(QDialog):
    """How many, and shared (``nn.Sequential(*[m] * n)``) or independent copies."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repeatDialog")
        self.setWindowTitle(self.tr("Repeat"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Repeat {what}, one after the other (the block itself counts as one).").format(
            what=what))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.count = QSpinBox()
        self.count.setObjectName("repeatCount")
        self.count.setRange(2, MAX_REPEAT)
        self.count.setValue(2)
        form.addRow(self.tr("Times"), self.count)
        layout.addLayout(form)
        self.shared = QRadioButton(self.tr(
            "Shared: the same module every time, one set of weights  (nn.Sequential(*[m] * n))"))
        self.copies = QRadioButton(self.tr("Independent copies, each with its own weights (copied from this one)"))
        self.shared.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.shared, self.copies):
            group.addButton(button)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_repeat(parent: QWidget, what: str) -> tuple[int, bool] | None:
    """(n, shared) for Repeat; None when cancelled."""
    dialog = RepeatDialog(what, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.count.value(), dialog.shared.isChecked()


class SharingActions(QObject):
    """Share Weights, Use Again, Repeat… and Make Independent… for the session's selection."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.share = _action(parent, lambda: self.tr("S&hare Weights…"), "actionShareWeights", lambda: self.tr(
            "Make the selected blocks one module used in several places (weight tying)"))
        self.use_again = _action(parent, lambda: self.tr("Use &Again"), "actionUseAgain", lambda: self.tr(
            "Place the same module once more, right after it (like using 'shared' twice); Alt-drag a block to "
            "place it anywhere"), "Ctrl+Shift+D")
        self.repeat = _action(parent, lambda: self.tr("&Repeat…"), "actionRepeat", lambda: self.tr(
            "Repeat the selected block or group: the same module, or independent copies"))
        self.make_independent = _action(parent, lambda: self.tr("Make &Independent…"), "actionMakeIndependent",
                                        lambda: self.tr("Give the selected shared block its own module"))
        for action, slot in ((self.share, self.on_share), (self.use_again, self.on_use_again),
                             (self.repeat, self.on_repeat), (self.make_independent, self.on_make_independent)):
            action.triggered.connect(slot)
            parent.addAction(action)

    @property
    def project(self) -> Project:
        return self.session.project

    def actions(self) -> list[QAction]:
        return [self.share, self.use_again, self.repeat, self.make_independent]

    def update_enabled(self) -> None:
        """Enable what the selection allows (refusals with reasons still come from the Project)."""
        nodes = self.session.selected_nodes()
        blocks = [n for n in nodes if isinstance(n, Block)]
        self.share.setEnabled(len(nodes) >= 2 and len(blocks) == len(nodes))
        self.use_again.setEnabled(len(nodes) == 1)
        self.repeat.setEnabled(len(nodes) == 1)
        self.make_independent.setEnabled(len(blocks) == 1 == len(nodes) and len(blocks[0].layer.blocks) > 1)

    # ------------------------------------------------------------ intents
    def on_share(self) -> None:
        nodes = self.session.selected_nodes()
        if len(nodes) < 2:
            self.session.show_message(self.tr("Select two or more blocks of one kind to share their weights."))
            return
        paths = [self.project.path_of(n) for n in nodes]
        keep = ask_keep(self.parent_widget, [describe(self.project, n) for n in nodes])
        if keep is None:
            return
        if self.session.run(ShareCommand(self.project, paths, keep=paths[keep])):
            self.session.select_nodes([self.project.node(p) for p in paths])
            self.session.show_message(self.tr("Blocks {paths} now hold one module: their weights are tied.").format(
                paths=", ".join(paths)))

    def on_use_again(self) -> None:
        nodes = self.session.selected_nodes()
        if len(nodes) != 1:
            return
        self.use_again_at(nodes[0], _after(self.project.path_of(nodes[0])))

    def use_again_at(self, node: Node, at: str) -> None:
        """Place another reference to ``node``'s module at slot ``at`` (an Alt-drag drop, or right after it)."""
        command = UseAgainCommand(self.project, self.project.path_of(node), at)
        if self.session.run(command):
            self.session.select_nodes([self.project.node(command.result)])

    def on_repeat(self) -> None:
        nodes = self.session.selected_nodes()
        if len(nodes) != 1:
            return
        answer = ask_repeat(self.parent_widget, describe(self.project, nodes[0]))
        if answer is None:
            return
        n, shared = answer
        command = RepeatCommand(self.project, self.project.path_of(nodes[0]), n, shared)
        if self.session.run(command):
            self.session.select_nodes([self.project.node(p) for p in command.result])

    def on_make_independent(self) -> None:
        nodes = self.session.selected_nodes()
        if len(nodes) != 1 or not isinstance(nodes[0], Block):
            return
        weights = ask_independent(self.parent_widget, nodes[0].layer.kind.name)
        if weights is None:
            return
        path = self.project.path_of(nodes[0])
        if self.session.run(UnshareCommand(self.project, path, weights)):
            self.session.select_nodes([self.project.node(path)])


def _after(path: str) -> str:
    parent, _, index = path.rpartition(".")
    return f"{parent}.{int(index) + 1}" if parent else str(int(index) + 1)
