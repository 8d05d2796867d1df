"""Editing gestures to commands: insert, delete, move, group, copy and paste, fixes, parameters.

:class:`EditActions` owns the Edit menu's actions and turns every editing
intent (a drop, a key, a menu entry, an inspector change) into a command run
through the session's :class:`~editor.commands.runner.CommandRunner`, then
selects what the user will want to see next. It works on a
:class:`~editor.ui.window.session.Session`; the widget it is given only holds
the actions, so their shortcuts work anywhere in the window.

The Quick Add and Initialize actions live here with the rest of the Edit menu,
but what they open (a popup, a dialog) is the window's business: it connects
their ``triggered`` signals.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from editor.commands.base import ProjectCommand
from editor.commands.edits import (
    ApplyFixCommand,
    DeleteCommand,
    GroupCommand,
    InsertLayerCommand,
    InsertModulesCommand,
    MoveCommand,
    RenameCommand,
    ResetParametersCommand,
    SetHyperparametersCommand,
    UngroupCommand,
)
from editor.model.design.tree import Group, Node
from editor.model.errors import Fix
from editor.model.project.project import Project
from editor.ui.window.clipboard import BlockClipboard
from editor.ui.window.session import Session

Key = QKeySequence.StandardKey


def _action(parent: QObject, text: str, shortcut: Any = None, tip: str = "", name: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key)
                            else [QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if name:
        action.setObjectName(name)
    return action


class EditActions(QObject):
    """The Edit menu and the handlers of every editing intent."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.clipboard = BlockClipboard()
        w = parent
        self.cut = _action(w, "Cu&t", Key.Cut, "Cut the selected blocks", "actionCut")
        self.copy = _action(w, "&Copy", Key.Copy, "Copy the selected blocks", "actionCopy")
        self.paste = _action(w, "&Paste", Key.Paste, "Paste copies (with their own parameters) after the selection",
                             "actionPaste")
        self.duplicate = _action(w, "D&uplicate", "Ctrl+D", "Insert a copy of the selection after it",
                                 "actionDuplicate")
        self.delete = _action(w, "&Delete", Key.Delete, "Delete the selected blocks", "actionDelete")
        self.select_all = _action(w, "Select &All", Key.SelectAll, "Select every block", "actionSelectAll")
        self.group = _action(w, "&Group into Sequential", "Ctrl+G", "Wrap the selected blocks in a nested Sequential",
                             "actionGroup")
        self.ungroup = _action(w, "&Ungroup", "Ctrl+Shift+G", "Dissolve the selected group in place",
                               "actionUngroup")
        self.move_up = _action(w, "Move &Up", "Alt+Up", "Move the selection one place up", "actionMoveUp")
        self.move_down = _action(w, "Move Do&wn", "Alt+Down", "Move the selection one place down", "actionMoveDown")
        self.quick_add = _action(w, "&Quick Add Layer…", "Ctrl+K", "Type a layer name and press Enter",
                                 "actionQuickAdd")
        self.reset = _action(w, "&Reset Parameters from Seed", None,
                             "Rebuild every weight from the seed, as torch.manual_seed(seed) then construction would",
                             "actionResetParameters")
        self.initialize = _action(w, "&Initialize Parameters…", "Ctrl+I",
                                  "Apply a torch.nn.init function to the selected blocks, a layer kind or everything",
                                  "actionInitialize")
        for action, slot in ((self.cut, self.on_cut), (self.copy, self.on_copy), (self.paste, self.on_paste),
                             (self.duplicate, self.on_duplicate), (self.delete, self.on_delete),
                             (self.select_all, self.on_select_all), (self.group, self.on_group),
                             (self.ungroup, self.on_ungroup), (self.move_up, lambda: self.on_step(-1)),
                             (self.move_down, lambda: self.on_step(1)), (self.reset, self.on_reset)):
            action.triggered.connect(slot)
        for action in (self.initialize, self.cut, self.copy, self.paste, self.duplicate, self.delete,
                       self.select_all, self.group, self.ungroup, self.move_up, self.move_down, self.quick_add,
                       self.reset):
            parent.addAction(action)  # a window's actions: their shortcuts work wherever the focus is

    def fill_menu(self, menu: QMenu) -> None:
        stack = self.session.undo_stack
        undo = stack.createUndoAction(menu, "&Undo")
        undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
        undo.setObjectName("actionUndo")
        redo = stack.createRedoAction(menu, "&Redo")
        redo.setShortcuts(QKeySequence.keyBindings(Key.Redo))
        redo.setObjectName("actionRedo")
        self.undo, self.redo = undo, redo
        for item in (undo, redo, None, self.cut, self.copy, self.paste, self.duplicate, self.delete, None,
                     self.select_all, None, self.group, self.ungroup, self.move_up, self.move_down, None,
                     self.quick_add, None, self.initialize, self.reset):
            menu.addSeparator() if item is None else menu.addAction(item)

    def update_enabled(self) -> None:
        """Enable what makes sense for the current selection."""
        nodes = self.session.selected_nodes()
        has = bool(nodes)
        for action in (self.cut, self.copy, self.duplicate, self.delete, self.move_up, self.move_down):
            action.setEnabled(has)
        self.group.setEnabled(has and len({id(n.parent) for n in nodes}) == 1)
        self.ungroup.setEnabled(len(nodes) == 1 and isinstance(nodes[0], Group))
        self.paste.setEnabled(bool(self.clipboard))

    # ------------------------------------------------------------ helpers
    @property
    def project(self) -> Project:
        return self.session.project

    def _run(self, command: ProjectCommand) -> bool:
        return self.session.run(command)

    def _paths(self, nodes: list[Node]) -> list[str]:
        return [self.project.path_of(n) for n in nodes]

    def slot_after_selection(self) -> str:
        """Where "after the selection" is: just after the last selected block, else at the end."""
        nodes = self.session.selected_nodes()
        if not nodes:
            return str(len(self.project))
        last = nodes[-1]
        parent, _, index = self.project.path_of(last).rpartition(".")
        return f"{parent}.{int(index) + 1}" if parent else str(int(index) + 1)

    def _select_paths(self, paths: list[str]) -> None:
        self.session.select_nodes([self.project.node(p) for p in paths])

    # ------------------------------------------------------------ intents
    def insert_kind(self, path: str, kind: str) -> None:
        if self._run(InsertLayerCommand(self.project, path, kind)):
            self._select_paths([path])

    def insert_after_selection(self, kind: str) -> None:
        self.insert_kind(self.slot_after_selection(), kind)

    def on_delete(self) -> None:
        nodes = self.session.selected_nodes()
        if nodes:
            self._run(DeleteCommand(self.project, self._paths(nodes)))

    def on_copy(self) -> bool:
        nodes = self.session.selected_nodes()
        if nodes:
            self.clipboard.copy([n.module for n in nodes])
            self.update_enabled()
        return bool(nodes)

    def on_cut(self) -> None:
        nodes = self.session.selected_nodes()
        if nodes and self.on_copy():
            self._run(DeleteCommand(self.project, self._paths(nodes), verb="Cut"))

    def on_paste(self) -> None:
        if not self.clipboard:
            return
        modules = self.clipboard.paste()
        self._insert_modules(modules, "Paste")

    def on_duplicate(self) -> None:
        nodes = self.session.selected_nodes()
        if nodes:
            self._insert_modules(copy.deepcopy([n.module for n in nodes]), "Duplicate")

    def _insert_modules(self, modules: list, verb: str) -> None:
        start = self.slot_after_selection()
        if self._run(InsertModulesCommand(self.project, start, modules, verb)):
            parent, _, index = start.rpartition(".")
            paths = [f"{parent}.{int(index) + i}" if parent else str(int(index) + i) for i in range(len(modules))]
            self._select_paths(paths)

    def on_select_all(self) -> None:
        self.session.select_nodes(list(self.project.root.children))

    def on_group(self) -> None:
        nodes = self.session.selected_nodes()
        if not nodes:
            return
        command = GroupCommand(self.project, self._paths(nodes))
        if self._run(command):
            self._select_paths([command.result])

    def on_ungroup(self) -> None:
        nodes = self.session.selected_nodes()
        if len(nodes) == 1 and isinstance(nodes[0], Group):
            command = UngroupCommand(self.project, self.project.path_of(nodes[0]))
            if self._run(command):
                self._select_paths(command.result)

    def ungroup_path(self, path: str) -> None:
        command = UngroupCommand(self.project, path)
        if self._run(command):
            self._select_paths(command.result)

    def move_nodes(self, nodes: list[Node], group: Group, index: int) -> None:
        """A drag on the canvas ended: move ``nodes`` to ``index`` of ``group`` (counted as it is now)."""
        group_path = "" if group is self.project.root else self.project.path_of(group)
        self._run(MoveCommand(self.project, self._paths(nodes), group_path, index))
        self.session.select_nodes(nodes)

    def on_step(self, step: int) -> None:
        """Alt+Up / Alt+Down: move the selection one place within its group."""
        nodes = self.session.selected_nodes()
        if not nodes or len({id(n.parent) for n in nodes}) != 1:
            return
        parent = nodes[0].parent
        assert parent is not None
        first, last = nodes[0].index(), nodes[-1].index()
        index = first - 1 if step < 0 else last + 2
        if index < 0 or index > len(parent.children):
            return
        self.move_nodes(nodes, parent, index)

    def set_hyperparameters(self, paths: list[str], changes: dict[str, Any]) -> None:
        self._run(SetHyperparametersCommand(self.project, paths, changes))

    def rename(self, path: str, label: str | None) -> None:
        self._run(RenameCommand(self.project, path, label))

    def apply_fix(self, fix: Fix) -> None:
        self._run(ApplyFixCommand(self.project, fix))

    def fix_node(self, node: Node) -> None:
        if node.error is not None and node.error.fix is not None:
            self.apply_fix(node.error.at(self.project.path_of(node)).fix)  # type: ignore[arg-type]

    def on_reset(self) -> None:
        self._run(ResetParametersCommand(self.project))
