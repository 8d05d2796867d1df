"""Custom layers in the window: the Layer menu, the definition dialogs, "My blocks" and the user's library.

:class:`CustomLayerActions` owns Layer → New Custom Layer… (``actionNewCustomLayer``)
and Layer → Make Reusable Block… (``actionMakeReusableBlock``, for one selected
group). It opens the dialogs (:mod:`editor.ui.dialogs.custom_layer`,
:mod:`editor.ui.dialogs.reusable_block`, :mod:`editor.ui.dialogs.block_definition`)
and turns what they make into commands (:mod:`editor.commands.custom`), each one
undoable step. It keeps the palette's "My blocks" in step with the project's
definitions (it follows ``settings_changed("definitions")``, undo included) and
with the user's library, a folder of JSON data under the app-data location
(:class:`~editor.model.custom.library.Library`; nothing in it is ever run).

A name dropped or double-clicked from "My blocks" that only the library holds
is defined in the project first (its own undo step), then inserted; the
window sends palette and canvas intents through :meth:`CustomLayerActions.insert_kind`,
:meth:`~CustomLayerActions.insert_after_selection` and :meth:`~CustomLayerActions.replace_kind`
for that.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from editor.commands.base import ProjectCommand
from editor.commands.custom import (
    DefineBlockCommand,
    DefineLayerCommand,
    MakeBlockCommand,
    RemoveDefinitionCommand,
)
from editor.model.catalog import has_kind
from editor.model.custom.definitions import BlockDefinition, Definition, LayerDefinition
from editor.model.custom.library import Library
from editor.model.design.tree import Group
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.ui.i18n import keep_translated, model_text, translate
from editor.ui.palette import MyBlock, Palette
from editor.ui.window.editing import EditActions
from editor.ui.window.session import Session

if TYPE_CHECKING:  # the dialogs are imported when first opened (not while the editor goes live at start-up)
    from editor.ui.dialogs.block_definition import BlockDefinitionDialog
    from editor.ui.dialogs.custom_layer import CustomLayerDialog
    from editor.ui.dialogs.reusable_block import ReusableBlockDialog


def library_folder() -> Path:
    """Where the user's own definitions live: ``custom_layers`` in the platform's app-data folder for LayerLab."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".layerlab") / "custom_layers"


def ask_remove_from_library(parent: QWidget, name: str) -> bool:
    """Whether to delete ``name`` from the library (a file: no undo, so ask first)."""
    answer = QMessageBox.question(parent, translate("CustomLayerActions", "Remove from My Library"), translate(
        "CustomLayerActions", "Remove {name} from your library? Projects that use it keep their own copy of its "
        "definition.").format(name=name))
    return answer == QMessageBox.StandardButton.Yes


def summary(definition: Definition) -> str:
    """A few words of code for the palette: the forward of a layer, the children's kinds of a block."""
    if isinstance(definition, LayerDefinition):
        return definition.forward if len(definition.forward) <= 80 else definition.forward[:79] + "…"
    kinds = [child.kind for child in definition.children]
    shown = ", ".join(kinds[:6]) + (", …" if len(kinds) > 6 else "")
    return shown + (f" → {definition.forward}" if definition.forward else "")


def _action(parent: QObject, text: Callable[[], str], name: str, tip: Callable[[], str]) -> QAction:
    action = QAction(parent)
    action.setObjectName(name)
    keep_translated(parent, action.setText, text)
    keep_translated(parent, action.setStatusTip, tip)
    keep_translated(parent, action.setToolTip, tip)
    return action


class CustomLayerActions(QObject):
    """New custom layers, reusable blocks, editing and removing definitions, and the user's library."""

    def __init__(self, session: Session, palette: Palette, edits: EditActions, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.palette = palette
        self.edits = edits
        self.parent_widget = parent
        self.library = Library(library_folder())
        self._library: dict[str, Definition] | None = None  # read on first use, again after our own changes
        self._project: Project | None = None
        self.new_layer = _action(parent, lambda: self.tr("New &Custom Layer…"), "actionNewCustomLayer",
                                 lambda: self.tr("Write a layer of your own: hyperparameters, parameters and what "
                                                 "forward(x) returns"))
        self.make_block = _action(parent, lambda: self.tr("Make &Reusable Block…"), "actionMakeReusableBlock",
                                  lambda: self.tr("Turn the selected group into a block of its own kind, with "
                                                  "constructor hyperparameters, like class Net(nn.Module)"))
        self.new_layer.triggered.connect(lambda: self.open_new_layer())
        self.make_block.triggered.connect(lambda: self.open_make_block())
        for action in (self.new_layer, self.make_block):
            parent.addAction(action)
        self.menu = QMenu(parent)
        self.menu.setObjectName("menuLayer")
        keep_translated(self.menu, self.menu.setTitle, lambda: self.tr("La&yer"))
        self.menu.addAction(self.new_layer)
        self.menu.addAction(self.make_block)
        palette.new_definition_requested.connect(lambda: self.open_new_layer())
        palette.edit_definition_requested.connect(self.edit_definition)
        palette.remove_definition_requested.connect(self.remove_definition)
        palette.save_to_library_requested.connect(self.save_to_library)
        palette.remove_from_library_requested.connect(self.remove_from_library)
        session.project_replaced.connect(self._follow)
        if session.has_project:
            self._follow(session.project)

    @property
    def project(self) -> Project:
        return self.session.project

    def install(self, menus: dict[str, QMenu]) -> None:
        """Put the Layer menu after Edit (before View)."""
        bar = self.parent_widget.menuBar()  # type: ignore[attr-defined]
        before = menus.get("view")
        bar.insertMenu(before.menuAction(), self.menu) if before is not None else bar.addMenu(self.menu)
        menus["layer"] = self.menu

    def update_enabled(self) -> None:
        """Make Reusable Block needs exactly one selected group."""
        nodes = self.session.selected_nodes()
        self.make_block.setEnabled(len(nodes) == 1 and isinstance(nodes[0], Group) and nodes[0].parent is not None)

    # ------------------------------------------------------------ My blocks
    def _follow(self, project: Project) -> None:
        if self._project is not None:
            self._project.events.settings_changed.disconnect(self._setting_changed)
        self._project = project
        project.events.settings_changed.connect(self._setting_changed)
        self.reload_library()  # another LayerLab may have saved to it meanwhile

    def reload_library(self) -> None:
        """Read the library folder again and show what it holds."""
        self._library = None
        self.refresh_palette()

    def _setting_changed(self, name: str) -> None:
        if name == "definitions":
            self.refresh_palette()

    def library_definitions(self) -> dict[str, Definition]:
        """The library's definitions by name (read once, then after each change made here)."""
        if self._library is None:
            found, problems = self.library.load_all()
            self._library = {d.name: d for d in found}
            if problems:
                self.session.show_message(self.tr("Some files in your library could not be read: {problems}").format(
                    problems=" ".join(problems[:3])))
        return self._library

    def refresh_palette(self) -> None:
        """List the project's definitions, then the library's others, under "My blocks"."""
        if not self.session.has_project:
            return
        library = self.library_definitions()
        mine = dict(self.project.definitions)
        entries = [MyBlock(name, summary(d), isinstance(d, BlockDefinition), True, name in library, d.description)
                   for name, d in mine.items()]
        entries += [MyBlock(name, summary(d), isinstance(d, BlockDefinition), False, True, d.description)
                    for name, d in sorted(library.items()) if name not in mine]
        self.palette.set_my_blocks(entries)

    # ------------------------------------------------------------ inserting
    def ensure_defined(self, name: str) -> bool:
        """Make sure the project knows ``name``: a definition only the library holds is defined first (one step).

        A block's children that only the library holds come along first.
        False (with the reason in words) when that is refused.
        """
        if has_kind(name) or name in self.project.definitions:
            return True
        library = self.library_definitions()
        if name not in library:
            return True  # an unknown name: the insert says so in words
        definition = library[name]
        for used in definition.uses():
            if used != name and not self.ensure_defined(used):
                return False
        return self._define(definition)

    def _define(self, definition: Definition) -> bool:
        if isinstance(definition, LayerDefinition):
            return self.session.run(DefineLayerCommand(self.project, definition))
        return self.session.run(DefineBlockCommand(self.project, definition))

    def insert_kind(self, path: str, kind: str) -> None:
        """A palette layer dropped between blocks (custom names from the library included)."""
        if self.ensure_defined(kind):
            self.edits.insert_kind(path, kind)

    def insert_after_selection(self, kind: str) -> None:
        """A palette layer double-clicked (or chosen in Quick Add)."""
        if self.ensure_defined(kind):
            self.edits.insert_after_selection(kind)

    def replace_kind(self, path: str, kind: str) -> None:
        """A palette layer dropped onto a block."""
        if self.ensure_defined(kind):
            self.edits.replace_kind(path, kind)

    # ------------------------------------------------------------ dialogs
    def _slot_shape(self) -> tuple[int, ...] | None:
        """The shape a new layer after the selection would receive."""
        nodes = self.session.selected_nodes()
        if nodes:
            return self.project.shape(self.project.path_of(nodes[-1]))
        return self.project.output_shape or self.project.input_shape

    def _instance_shape(self, name: str) -> tuple[int, ...] | None:
        paths, _ = self.project.users_of(name) if name in self.project.definitions else ([], [])
        return self.project.in_shape(paths[0]) if paths else self._slot_shape()

    def open_new_layer(self) -> CustomLayerDialog:
        """Layer → New Custom Layer…: the dialog, open (not modal to the app)."""
        from editor.ui.dialogs.custom_layer import CustomLayerDialog

        dialog = CustomLayerDialog(self.project, self.parent_widget, input_shape=self._slot_shape())
        dialog.submitted.connect(lambda definition, save, insert: self._layer_done(dialog, definition, save, insert))
        self._show(dialog)
        return dialog

    def edit_definition(self, name: str) -> QWidget | None:
        """Edit definition…: the project's definition of ``name`` (else the library's), in its dialog."""
        definition = self.project.definitions.get(name) or self.library_definitions().get(name)
        if definition is None:
            self.session.show_message(self.tr("There is no definition called {name} any more.").format(name=name))
            return None
        in_library = name in self.library_definitions()
        shape = self._instance_shape(name)
        from editor.ui.dialogs.block_definition import BlockDefinitionDialog
        from editor.ui.dialogs.custom_layer import CustomLayerDialog

        if isinstance(definition, LayerDefinition):
            dialog = CustomLayerDialog(self.project, self.parent_widget, definition=definition, input_shape=shape,
                                       in_library=in_library)
            dialog.submitted.connect(lambda d, save, insert: self._layer_done(dialog, d, save, False))
        else:
            dialog = BlockDefinitionDialog(self.project, definition, self.parent_widget, input_shape=shape,
                                           in_library=in_library)
            dialog.submitted.connect(lambda d, save: self._block_done(dialog, d, save))
        self._show(dialog)
        return dialog

    def open_make_block(self) -> ReusableBlockDialog | None:
        """Layer → Make Reusable Block…: for the one selected group."""
        nodes = self.session.selected_nodes()
        if len(nodes) != 1 or not isinstance(nodes[0], Group) or nodes[0].parent is None:
            self.session.show_message(self.tr("Select one group (a nested Sequential) to make a reusable block of "
                                              "it; Ctrl+G groups the selected blocks."))
            return None
        path = self.project.path_of(nodes[0])
        from editor.ui.dialogs.reusable_block import ReusableBlockDialog

        dialog = ReusableBlockDialog(self.project, path, self.parent_widget)
        dialog.submitted.connect(lambda name, bindings, save: self._make_done(dialog, path, name, bindings, save))
        self._show(dialog)
        return dialog

    @staticmethod
    def _show(dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per opening; gone once closed
        dialog.open()

    # ------------------------------------------------------------ results
    def _run_in(self, dialog: CustomLayerDialog | BlockDefinitionDialog | ReusableBlockDialog,
                command: ProjectCommand) -> bool:
        """Run ``command``; a refusal is shown in ``dialog`` (which stays open) rather than the status bar."""
        runner = self.session.runner
        messages: list[str] = []
        runner.failed.connect(messages.append)
        try:
            done = self.session.run(command)
        finally:
            runner.failed.disconnect(messages.append)
        if not done and messages:
            dialog.show_failure(model_text(messages[-1]))
        return done

    def _layer_done(self, dialog: CustomLayerDialog, definition: LayerDefinition, save: bool, insert: bool) -> None:
        unchanged = self.project.definitions.get(definition.name) == definition
        if not unchanged and not self._run_in(dialog, DefineLayerCommand(self.project, definition)):
            return
        dialog.accept()
        if save:
            self._save(definition)
        self.palette.reveal(definition.name)
        if insert:
            self.edits.insert_after_selection(definition.name)

    def _block_done(self, dialog: BlockDefinitionDialog, definition: BlockDefinition, save: bool) -> None:
        unchanged = self.project.definitions.get(definition.name) == definition
        if not unchanged and not self._run_in(dialog, DefineBlockCommand(self.project, definition)):
            return
        dialog.accept()
        if save:
            self._save(definition)

    def _make_done(self, dialog: ReusableBlockDialog, path: str, name: str, bindings: dict[str, list[str]],
                   save: bool) -> None:
        command = MakeBlockCommand(self.project, path, name, bindings)
        if not self._run_in(dialog, command):
            return
        dialog.accept()
        if command.path is not None:
            self.session.select_nodes([self.project.node(command.path)])
        if save:
            self._save(self.project.definitions[name])
        self.palette.reveal(name)
        self.session.show_message(self.tr("Group {path} is now a {name} block: find {name} under My blocks to add "
                                          "more.").format(path=path, name=name))

    # ------------------------------------------------------------ the library
    def _save(self, definition: Definition) -> bool:
        try:
            self.library.save(definition)
        except (OSError, LayerLabError) as exc:
            self.session.show_message(self.tr("Could not save {name} to your library ({folder}): {reason}").format(
                name=definition.name, folder=self.library.folder, reason=model_text(exc)))
            return False
        self._library = None
        self.refresh_palette()
        return True

    def save_to_library(self, name: str) -> None:
        """Save the project's definition of ``name`` to the library (replacing one of that name)."""
        definition = self.project.definitions.get(name)
        if definition is not None and self._save(definition):
            self.session.show_message(self.tr("Saved {name} to your library: it is under My blocks in every "
                                              "project.").format(name=name))

    def remove_from_library(self, name: str) -> None:
        """Delete ``name`` from the library, after asking (the project keeps its own definition)."""
        if not ask_remove_from_library(self.parent_widget, name):
            return
        try:
            self.library.remove(name)
        except (OSError, LayerLabError) as exc:
            self.session.show_message(self.tr("Could not remove {name} from your library: {reason}").format(
                name=name, reason=model_text(exc)))
            return
        self._library = None
        self.refresh_palette()

    def remove_definition(self, name: str) -> None:
        """Remove ``name`` from the project (one step); refused in words while blocks or blocks' children use it."""
        self.session.run(RemoveDefinitionCommand(self.project, name))


__all__ = ["CustomLayerActions", "ask_remove_from_library", "library_folder", "summary"]
