"""Editing gestures to commands: insert, replace, delete, move, group, copy, paste and duplicate, fixes, parameters.

:class:`EditActions` owns the Edit menu's actions and turns every editing
intent (a drop, a key, a menu entry, an inspector change) into a command run
through the session's :class:`~editor.commands.runner.CommandRunner`, then
selects what the user will want to see next. It works on a
:class:`~editor.ui.window.session.Session`; the widget it is given only holds
the actions, so their shortcuts work anywhere in the window.

The Quick Add, Replace With and Initialize actions live here with the rest of
the Edit menu, but what they open (a popup, a dialog) is the window's
business: it connects their ``triggered`` signals.

Shortcuts are given with :func:`set_shortcuts`, which remembers the standard
key an action follows (its keys differ between Windows, macOS, KDE and
GNOME), so that a test can check that no key is bound twice on any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget
from torch import nn

from editor.commands.base import ProjectCommand
from editor.commands.edits import (
    ApplyFixCommand,
    DeleteCommand,
    DuplicateCommand,
    GroupCommand,
    InsertLayerCommand,
    InsertModulesCommand,
    MoveCommand,
    RenameCommand,
    ReplaceLayerCommand,
    ResetParametersCommand,
    SetHyperparametersCommand,
    UngroupCommand,
)
from editor.model.design.tree import Group, Node
from editor.model.errors import Fix
from editor.model.project.project import Project
from editor.ui.i18n import keep_translated, on_language_change, translate
from editor.ui.window.clipboard import BlockClipboard
from editor.ui.window.session import Session

Key = QKeySequence.StandardKey


STANDARD_KEY = "standardKey"
"""Dynamic property of an action: the name of the ``QKeySequence.StandardKey`` its shortcuts follow."""

FALLBACK_KEYS = "fallbackKeys"
"""Dynamic property of an action: the keys it gets where its standard key has none (Quit on Windows)."""


def set_shortcuts(action: QAction, shortcut: Any, fallback: str | None = None) -> None:
    """Give ``action`` the keys of ``shortcut``: a standard key (the platform's bindings), a key string or a list.

    A standard key brings every binding the platform has for it (StandardKey.Delete
    is Del and, on X11, Ctrl+D as well), so use one only where every binding is
    wanted window-wide; the key is remembered on the action (``standardKey``).
    """
    if isinstance(shortcut, Key):
        keys = QKeySequence.keyBindings(shortcut) or ([QKeySequence(fallback)] if fallback else [])
        action.setProperty(STANDARD_KEY, shortcut.name)
        if fallback:
            action.setProperty(FALLBACK_KEYS, fallback)
    elif isinstance(shortcut, str):
        keys = [QKeySequence(shortcut)]
    else:
        keys = [QKeySequence(key) for key in shortcut]
    action.setShortcuts(keys)


def _action(parent: QObject, text: Callable[[], str], shortcut: Any = None, tip: Callable[[], str] | None = None,
            name: str = "") -> QAction:
    """An action whose ``text`` and ``tip`` (callables that translate) follow the language."""
    action = QAction(parent)
    keep_translated(parent, action.setText, text)
    if shortcut is not None:
        set_shortcuts(action, shortcut)
    if tip is not None:
        keep_translated(parent, action.setStatusTip, tip)
        keep_translated(parent, action.setToolTip, tip)
    if name:
        action.setObjectName(name)
    return action


def duplicate_message(paths: list[str], originals: list[Node], copies: list[Node], fresh: bool) -> str:
    """What a duplicate made, in words: fresh weights, the same weights, or rebuilt to fit a different input."""
    where = (translate("EditActions", "block {paths}") if len(paths) == 1
             else translate("EditActions", "blocks {paths}")).format(paths=", ".join(paths))
    if fresh:
        text = translate("EditActions", "Duplicated as {where} with new weights, as building the layers again would.")
    elif all(_same_values(a.module, b.module) for a, b in zip(originals, copies, strict=True)):
        text = translate("EditActions", "Duplicated as {where}: the same weights, in modules of their own.")
    else:
        text = translate("EditActions", "Duplicated as {where}. Sizes marked auto follow the input, which is "
                         "different there, so what no longer fitted was rebuilt with new weights.")
    return text.format(where=where)


def _same_values(a: nn.Module, b: nn.Module) -> bool:
    """Whether ``b`` holds ``a``'s values; an unallocated copy holds them when both are kept unallocated."""
    one, two = a.state_dict(), b.state_dict()
    return one.keys() == two.keys() and all(_same_tensor(one[k], two[k]) for k in one)


def _same_tensor(x: torch.Tensor, y: torch.Tensor) -> bool:
    if x.shape != y.shape or x.dtype != y.dtype:
        return False
    if x.is_meta or y.is_meta:  # no values to compare: a copy of a layer kept unallocated is kept unallocated too
        return x.is_meta and y.is_meta
    return torch.equal(x, y)


class EditActions(QObject):
    """The Edit menu and the handlers of every editing intent."""

    duplicated = Signal(list, list, bool)
    """Blocks were duplicated: the copies' nodes, their originals' nodes, and whether the weights are fresh."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.clipboard = BlockClipboard()
        w = parent
        self.cut = _action(w, lambda: self.tr("Cu&t"), Key.Cut, lambda: self.tr("Cut the selected blocks"),
                           "actionCut")
        self.copy = _action(w, lambda: self.tr("&Copy"), Key.Copy, lambda: self.tr("Copy the selected blocks"),
                            "actionCopy")
        self.paste = _action(w, lambda: self.tr("&Paste"), Key.Paste, lambda: self.tr(
            "Paste copies (with their own parameters) after the selection"), "actionPaste")
        self.duplicate = _action(w, lambda: self.tr("D&uplicate"), "Ctrl+D", lambda: self.tr(
            "Insert a copy of the selection after it, with the same weights (copy.deepcopy)"), "actionDuplicate")
        self.duplicate_fresh = _action(w, lambda: self.tr("Duplicate with &Fresh Weights"), None, lambda: self.tr(
            "Insert new layers like the selection after it, with new weights, as calling their constructors "
            "again would"), "actionDuplicateFresh")
        self.replace_with = _action(w, lambda: self.tr("Rep&lace with…"), None, lambda: self.tr(
            "Put another kind of layer in place of the selected block, like net[1] = nn.Sigmoid()"),
            "actionReplaceWith")
        # Not StandardKey.Delete: on X11 that also binds Ctrl+D, which is Duplicate's. Its keys delete text in a
        # text field, so they delete blocks only where the blocks are: see canvas_actions.
        self.delete = _action(w, lambda: self.tr("&Delete"), ["Del", "Backspace"],
                              lambda: self.tr("Delete the selected blocks"), "actionDelete")
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.select_all = _action(w, lambda: self.tr("Select &All"), Key.SelectAll,
                                  lambda: self.tr("Select every block"), "actionSelectAll")
        self.group = _action(w, lambda: self.tr("&Group into Sequential"), "Ctrl+G",
                             lambda: self.tr("Wrap the selected blocks in a nested Sequential"), "actionGroup")
        self.ungroup = _action(w, lambda: self.tr("&Ungroup"), "Ctrl+Shift+G",
                               lambda: self.tr("Dissolve the selected group in place"), "actionUngroup")
        self.move_up = _action(w, lambda: self.tr("Move &Up"), "Alt+Up",
                               lambda: self.tr("Move the selection one place up"), "actionMoveUp")
        self.move_down = _action(w, lambda: self.tr("Move Do&wn"), "Alt+Down",
                                 lambda: self.tr("Move the selection one place down"), "actionMoveDown")
        self.quick_add = _action(w, lambda: self.tr("&Quick Add Layer…"), "Ctrl+K",
                                 lambda: self.tr("Type a layer name and press Enter"), "actionQuickAdd")
        self.reset = _action(w, lambda: self.tr("&Reset Parameters from Seed"), None, lambda: self.tr(
            "Rebuild every weight from the seed, as torch.manual_seed(seed) then construction would"),
            "actionResetParameters")
        self.initialize = _action(w, lambda: self.tr("&Initialize Parameters…"), "Ctrl+I", lambda: self.tr(
            "Apply a torch.nn.init function to the selected blocks, a layer kind or everything"), "actionInitialize")
        for action, slot in ((self.cut, self.on_cut), (self.copy, self.on_copy), (self.paste, self.on_paste),
                             (self.duplicate, self.on_duplicate), (self.duplicate_fresh, self.on_duplicate_fresh),
                             (self.delete, self.on_delete),
                             (self.select_all, self.on_select_all), (self.group, self.on_group),
                             (self.ungroup, self.on_ungroup), (self.move_up, lambda: self.on_step(-1)),
                             (self.move_down, lambda: self.on_step(1)), (self.reset, self.on_reset)):
            action.triggered.connect(slot)
        for action in (self.initialize, self.cut, self.copy, self.paste, self.duplicate, self.duplicate_fresh,
                       self.replace_with, self.select_all, self.group, self.ungroup, self.move_up,
                       self.move_down, self.quick_add, self.reset):
            parent.addAction(action)  # a window's actions: their shortcuts work wherever the focus is

    def canvas_actions(self) -> list[QAction]:
        """Actions whose keys work only while the canvas has the focus (the window adds them to it).

        Del and Backspace delete the selected blocks there; anywhere else they
        belong to what has the focus (a read-only code view, a table), and a
        block the learner is not looking at must not vanish.
        """
        return [self.delete]

    def fill_menu(self, menu: QMenu) -> None:
        undo = QAction(menu)
        set_shortcuts(undo, Key.Undo)
        undo.setObjectName("actionUndo")
        redo = QAction(menu)
        set_shortcuts(redo, Key.Redo)
        redo.setObjectName("actionRedo")
        self.undo, self.redo = undo, redo
        stack = self.session.undo_stack
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self.update_undo_texts)
        on_language_change(self, self.update_undo_texts)
        self.update_undo_texts()
        for item in (undo, redo, None, self.cut, self.copy, self.paste, self.duplicate, self.duplicate_fresh,
                     self.replace_with, self.delete, None,
                     self.select_all, None, self.group, self.ungroup, self.move_up, self.move_down, None,
                     self.quick_add, None, self.initialize, self.reset):
            menu.addSeparator() if item is None else menu.addAction(item)

    def update_undo_texts(self, *args: object) -> None:
        """Undo and Redo say what they undo and redo (the command's own words), in the current language."""
        if not hasattr(self, "undo"):
            return
        stack = self.session.undo_stack
        for action, can, what, text in (
                (self.undo, stack.canUndo(), stack.undoText(), self.tr("&Undo {what}")),
                (self.redo, stack.canRedo(), stack.redoText(), self.tr("&Redo {what}"))):
            action.setText(text.format(what=what).strip())
            action.setEnabled(can)

    def update_enabled(self) -> None:
        """Enable what makes sense for the current selection."""
        nodes = self.session.selected_nodes()
        has = bool(nodes)
        for action in (self.cut, self.copy, self.duplicate, self.duplicate_fresh, self.delete, self.move_up,
                       self.move_down):
            action.setEnabled(has)
        self.replace_with.setEnabled(len(nodes) == 1)
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
        """Ctrl+D: copies with the same weights (and the same "auto" hyperparameters) right after the selection."""
        self.duplicate_selection(fresh=False)

    def on_duplicate_fresh(self) -> None:
        """Copies built anew, with fresh weights (from the seed's stream while the design is the seed's)."""
        self.duplicate_selection(fresh=True)

    def duplicate_selection(self, fresh: bool) -> None:
        nodes = self.session.selected_nodes()
        if not nodes:
            return
        command = DuplicateCommand(self.project, self._paths(nodes), fresh=fresh)
        if self._run(command):
            copies = [self.project.node(p) for p in command.result]
            self._select_paths(command.result)
            self.duplicated.emit(copies, nodes, fresh)
            self.session.show_message(duplicate_message(command.result, nodes, copies, fresh))

    def replace_selection(self, kind: str) -> None:
        """Replace with…: put a new ``kind`` layer in place of the one selected block or group."""
        nodes = self.session.selected_nodes()
        if len(nodes) != 1:
            self.session.show_message(self.tr("Select one block to replace it with another kind of layer."))
            return
        self.replace_kind(self.project.path_of(nodes[0]), kind)

    def replace_kind(self, path: str, kind: str) -> None:
        """Put a new ``kind`` layer at ``path`` (a palette layer dropped onto a block, or Replace with…)."""
        if self._run(ReplaceLayerCommand(self.project, path, kind)):
            self._select_paths([path])

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
