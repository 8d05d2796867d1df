"""The main window (objectName ``mainWindow``): palette, canvas, inspector and the bottom tabs.

It is the composition root: it creates the :class:`~editor.ui.window.session.Session`,
the panels and the action groups, and wires them together. The parts get the
session (and a parent widget for their dialogs), never the window itself.
When the session opens another project the window swaps the canvas scene and
points the panels at it. Panels follow the Project's events; gestures go
through :class:`~editor.ui.window.editing.EditActions`.

This module imports nothing that needs torch (``live_parts`` holds those
parts), so that ``MainWindow(wait_for_torch=True)`` can show the window, with a
:class:`~editor.ui.loading.shell.LoadingShell` in it, while torch loads;
:meth:`MainWindow.go_live` then builds the editor in its place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMenu,
    QTabWidget,
    QUndoView,
)

from editor.ui import icons
from editor.ui.i18n import on_language_change
from editor.ui.loading.shell import Handover, LoadingShell
from editor.ui.palette import Palette, QuickAdd
from editor.ui.window.layout import LAYOUT_VERSION, DockLayout, scrolled_column

if TYPE_CHECKING:  # the parts that need torch load with it (see live_parts and go_live), not with this module
    from editor.commands.runner import CommandRunner
    from editor.model.design.tree import Group, Node
    from editor.model.project.project import Project
    from editor.ui.canvas.scene import CanvasScene



class MainWindow(DockLayout):
    """LayerLab's editor window over one :class:`Project` at a time."""

    selection_changed = Signal()
    """The canvas selection changed (panels and dialogs that follow it listen here)."""

    def __init__(self, project: Project | None = None, *, wait_for_torch: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.loading: LoadingShell | None = None
        """While PyTorch loads (``wait_for_torch``): the torch-free parts shown until :meth:`go_live`."""
        if wait_for_torch:
            self.loading = LoadingShell(self)
            self._arrange_docks(self.loading.docks)
            self.resize(1400, 900)
            self.loading.default_state = self.saveState(LAYOUT_VERSION)
            self._restore_layout()
            return
        self._build(project)

    def _build(self, project: Project | None, handover: Handover | None = None) -> None:
        """Make the editor's parts and wire them together (torch is imported by now).

        With a ``handover`` from the loading shell, the window is up already:
        its palette and docks stay where the learner sees them.
        """
        from editor.ui.window.live_parts import (  # imported on the start-up loader's thread by now
            AboutLayerPanel,
            Autosave,
            CanvasView,
            CodeActions,
            CodePanel,
            CustomLayerActions,
            DesignStatus,
            DesignToolbar,
            EditActions,
            FileActions,
            HistogramPanel,
            Inspector,
            KeepTrainedCommand,
            LessonActions,
            MaterializeActions,
            ParameterTable,
            Project,
            ReprPanel,
            RunPanel,
            Session,
            SetRequiresGradCommand,
            SharingActions,
            build_menus,
        )

        self.session = Session(self)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._shown: Project | None = None  # the project the canvas and panels follow

        self.scene: CanvasScene | None = None
        self.view = CanvasView()
        self.setCentralWidget(self.view)
        self.view.show()  # in a window on screen already (see go_live) Qt would leave it hidden, and the docks grow
        self.session.selection = self.view
        self.palette = handover.palette if handover is not None else Palette()
        self.inspector = Inspector()
        self.about_panel = AboutLayerPanel()
        self.repr_panel = ReprPanel()
        self.parameter_table = ParameterTable()
        self.histogram = HistogramPanel()
        self.code_panel = CodePanel()
        self.run_panel = RunPanel()
        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setObjectName("undoView")
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.code_panel, "")
        self.bottom_tabs.addTab(self.run_panel, "")
        self.bottom_tabs.addTab(self.repr_panel, "print(net)")
        self.bottom_tabs.insertTab(0, self.parameter_table, "")
        self.bottom_tabs.insertTab(1, self.histogram, "")
        self.bottom_tabs.setCurrentIndex(0)
        self.docks = self._make_docks(handover.docks if handover is not None else None)

        self.edit_actions = EditActions(self.session, self)
        self.view.addActions(self.edit_actions.canvas_actions())
        self.sharing_actions = SharingActions(self.session, self)
        self.materialize_actions = MaterializeActions(self.session, self)
        self.custom_actions = CustomLayerActions(self.session, self.palette, self.edit_actions, self)
        self.file_actions = FileActions(self.session, self)
        self.lesson_actions = LessonActions(self.session, self.file_actions, self, self.docks["inspector"])
        self.code_actions = CodeActions(self.session, self.file_actions, self.code_panel, self)
        self.file_actions.checks.append(self.code_actions.may_drop_edits)
        self.autosave = Autosave(self.session, self)
        self.toolbar = DesignToolbar(self.session, self.edit_actions.initialize, self.edit_actions.reset, self)
        self.addToolBar(self.toolbar)
        self.status = DesignStatus(self.session, self)
        self.setStatusBar(self.status)
        self.quick_add = QuickAdd(self)
        self.replace_picker = QuickAdd(self, "", "replacePicker")
        self.menus = build_menus(self, self.file_actions, self.code_actions, self.edit_actions, self.view,
                                 self.docks.values(), self.reset_layout)
        self.menus["edit"].insertActions(self.edit_actions.initialize, self.sharing_actions.actions())
        self.menus["edit"].insertSeparator(self.edit_actions.initialize)
        self.menus["edit"].addAction(self.materialize_actions.materialize)
        self.menus["edit"].aboutToShow.connect(self.materialize_actions.refresh)
        self.custom_actions.install(self.menus)
        self.lesson_actions.install(self.menus)
        self.lesson_actions.focus_wanted.connect(self.show_tab)
        icons.decorate(self)  # the actions and buttons that wear an icon (see icons.ACTION_ICONS)

        self.session.viewer = self._show_project
        self.session.selection_changed.connect(self.selection_changed)
        self.session.file_changed.connect(self._update_title)
        self.edit_actions.quick_add.triggered.connect(self.open_quick_add)
        self.edit_actions.replace_with.triggered.connect(self.open_replace_picker)
        self.edit_actions.duplicated.connect(self._note_duplicates)
        self.edit_actions.initialize.triggered.connect(self.open_init_dialog)
        self.code_actions.panel_wanted.connect(lambda: self.bottom_tabs.setCurrentWidget(self.code_panel))
        self.view.insert_requested.connect(self.custom_actions.insert_kind)  # My blocks' names may need defining
        self.view.replace_requested.connect(self.custom_actions.replace_kind)
        self.view.move_requested.connect(self.edit_actions.move_nodes)
        self.view.use_again_requested.connect(
            lambda node, group, index: self.sharing_actions.use_again_at(node, self._slot_path(group, index)))
        self.view.context_requested.connect(self._context_menu)
        self.view.files_dropped.connect(self.open_dropped)
        self.parameter_table.requires_grad_toggled.connect(
            lambda path, name, flag: self.session.run(SetRequiresGradCommand(self.project, path, name or None, flag)))
        self.parameter_table.parameter_selected.connect(self.histogram.show_parameter)
        self.code_panel.apply_requested.connect(self.code_actions.apply_code)
        self.code_panel.export_requested.connect(self.code_actions.on_export_code)
        self.palette.kind_activated.connect(self.custom_actions.insert_after_selection)
        self.quick_add.chosen.connect(self.edit_actions.insert_after_selection)
        self.replace_picker.chosen.connect(self.edit_actions.replace_selection)
        self.inspector.hyperparameters_edited.connect(self.edit_actions.set_hyperparameters)
        self.inspector.label_edited.connect(self.edit_actions.rename)
        self.inspector.fix_requested.connect(self.edit_actions.apply_fix)
        self.inspector.ungroup_requested.connect(self.edit_actions.ungroup_path)
        self.inspector.select_requested.connect(lambda path: self.select_nodes([self.project.node(path)]))
        self.inspector.edit_definition_requested.connect(self.custom_actions.edit_definition)
        self.run_panel.block_selected.connect(lambda path: self.select_nodes([self.project.node(path)]))
        self.run_panel.keep_trained_requested.connect(
            lambda trainer: self.session.run(KeepTrainedCommand(self.project, trainer)))
        self.run_panel.message.connect(self.status.show_design_message)
        self.run_panel.mode_changed.connect(self._schedule_refresh)
        self.run_panel.mode_changed.connect(lambda _on: self.scene and self.scene.refresh_training_modes())
        self.run_panel.gradients_changed.connect(self.parameter_table.gradients_changed)
        self.run_panel.gradients_changed.connect(self.histogram.gradients_changed)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(self._update_title)

        self.retranslate()
        on_language_change(self, self.retranslate)
        if handover is None:
            self.resize(1400, 900)
            self._default_state = self.saveState(LAYOUT_VERSION)
            self._restore_layout()
        else:  # laid out already, as the learner may have rearranged it while torch loaded
            self._default_state = handover.default_state
        self.set_project(project if project is not None else Project())

    def go_live(self, project: Project | None = None) -> None:
        """PyTorch is loaded: build the editor in place of the loading shell, then catch up with the learner.

        The window keeps its size, its panel layout and its palette (search
        included). A file given on the command line (or dropped) meanwhile
        opens first; then the pending blocks join the design, in order and
        after what the file holds, each as an ordinary command (one undo step
        each, as if it had been dropped now). Does nothing once live.
        """
        if self.loading is None:
            return
        handover = self.loading.hand_over()
        self.loading.deleteLater()
        self.loading = None
        search = handover.palette.search.text()
        self._build(project, handover)
        self.palette.search.setText(search)  # showing the first project cleared it
        for name in handover.files:
            path = Path(name)
            if path.suffix.lower() == ".py":
                self.code_actions.open_code_path(path)
            else:
                self.file_actions.open_path(path, ask=False)
        first = len(self.project)
        for offset, block in enumerate(handover.blocks):
            self.edit_actions.insert_kind(str(first + offset), block.kind)

    def retranslate(self) -> None:
        """Tab and panel titles, and the title bar, in the current language."""
        self.undo_view.setEmptyLabel(self.tr("<original design>"))
        tabs = self.bottom_tabs
        for widget, text in ((self.parameter_table, self.tr("Parameters")), (self.histogram, self.tr("Histogram")),
                             (self.code_panel, self.tr("Code")), (self.run_panel, self.tr("Run"))):
            tabs.setTabText(tabs.indexOf(widget), text)
        for key, text in (("palette", self.tr("Layers")), ("inspector", self.tr("Inspector")),
                          ("history", self.tr("History")), ("bottom", self.tr("Model"))):
            self.docks[key].setWindowTitle(text)
        self.replace_picker.set_hint(self.tr("Replace with: type a layer name, press Enter"))
        self._update_title()

    # ------------------------------------------------------------ layout
    def _make_docks(self, kept: dict[str, QDockWidget] | None = None) -> dict[str, QDockWidget]:
        """The four docks, or the loading shell's ``kept`` ones (by objectName) with the editor's panels in them."""

        scroll = scrolled_column("inspectorColumn", self.inspector, self.about_panel)
        area = Qt.DockWidgetArea
        docks = {key: self._place_dock(title, name, widget, side, kept) for key, title, name, widget, side in (
            ("palette", "Layers", "paletteDock", self.palette, area.LeftDockWidgetArea),
            ("inspector", "Inspector", "inspectorDock", scroll, area.RightDockWidgetArea),
            ("history", "History", "historyDock", self.undo_view, area.RightDockWidgetArea),
            ("bottom", "Model", "bottomDock", self.bottom_tabs, area.BottomDockWidgetArea))}
        if kept is None:
            self._arrange_docks(docks)
        return docks

    def show_tab(self, name: str) -> None:
        """Bring a bottom tab forward: "parameters", "histogram", "code", "run" or "print"."""
        tabs = {"parameters": self.parameter_table, "histogram": self.histogram, "code": self.code_panel,
                "run": self.run_panel, "print": self.repr_panel}
        if name in tabs:
            self.docks["bottom"].show()
            self.bottom_tabs.setCurrentWidget(tabs[name])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.loading is not None:  # nothing to save yet
            self.save_layout()
            super().closeEvent(event)
            return
        if not self.file_actions.maybe_save():
            event.ignore()
            return
        self.autosave.discard()
        self.save_layout()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_dropped(paths)

    def open_dropped(self, paths: list[str]) -> None:
        """A file was dropped on the window: open the first project file (or else the first .py file)."""
        if self.loading is not None:
            self.loading.open_when_ready(paths)
            return
        projects = [p for p in paths if p.lower().endswith((".pt", ".pth"))]
        code = [p for p in paths if p.lower().endswith(".py")]
        if projects:
            self.file_actions.open_path(Path(projects[0]))
        elif code:
            self.code_actions.open_code_path(Path(code[0]))
        elif paths:
            self.session.show_message(self.tr("Drop a LayerLab project (.pt) or Python code (.py) to open it."))

    # ----------------------------------------------------------- project
    @property
    def project(self) -> Project:
        """The live Project (edits made to it from Python show up on the canvas, and can be undone)."""
        return self.session.project

    @property
    def undo_stack(self) -> QUndoStack:
        return self.session.undo_stack

    @property
    def runner(self) -> CommandRunner:
        return self.session.runner

    @property
    def file_path(self) -> Path | None:
        """The project's file (None until it is saved)."""
        return self.session.file_path

    @file_path.setter
    def file_path(self, path: Path | None) -> None:
        self.session.file_path = path

    @property
    def source_name(self) -> str | None:
        return self.session.source_name

    def set_project(self, project: Project, path: Path | None = None, source_name: str | None = None) -> bool:
        """Show ``project``; the undo history starts afresh.

        False when it cannot be shown: the project open before stays, and the learner is told why.
        """
        return self.session.set_project(project, path, source_name)

    def _show_project(self, project: Project) -> None:
        """The session opens ``project``: a new canvas scene, and every panel follows it.

        The session's viewer: if this raises, the session calls it again with
        the project that was open before, which must then look as it did.
        """
        from editor.ui.window.live_parts import CanvasScene

        scene = CanvasScene(project)  # every item is made here: if that fails, nothing has changed yet
        scene.setParent(self)
        old = self._shown
        if old is not None:
            for signal in (old.events.edited, old.events.collapsed, old.events.reset):
                signal.disconnect(self._schedule_refresh)  # psygnal: quietly, if it was not connected
            for signal in (old.events.edited, old.events.reset):
                signal.disconnect(self.status.design_changed)
        old_scene = self.scene
        if old_scene is not None:
            old_scene.selectionChanged.disconnect(self._selection_changed)
            old_scene.fix_requested.disconnect(self.edit_actions.fix_node)
            old_scene.detach()
        self._shown = project
        self.scene = scene
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.fix_requested.connect(self.edit_actions.fix_node)
        self.view.setScene(self.scene)
        self.view.fit_width()
        if old_scene is not None:
            old_scene.deleteLater()
        project.events.edited.connect(self._schedule_refresh)
        project.events.collapsed.connect(self._schedule_refresh)
        project.events.reset.connect(self._schedule_refresh)
        project.events.edited.connect(self.status.design_changed)  # a Run tab message about the design before goes
        project.events.reset.connect(self.status.design_changed)
        self.status.design_changed()
        self.repr_panel.set_project(project)
        self.parameter_table.set_project(project)
        self.histogram.set_project(project)
        self.code_panel.set_project(project)
        self.run_panel.set_project(project)
        self.inspector.show_nodes(project, [])
        self.about_panel.show_nodes(project, [])
        self.palette.clear_search()
        self.refresh()
        self.view.zoom_reset()
        self.view.centerOn(0, 0)

    def _schedule_refresh(self, *args: object) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Bring the status bar, toolbar, inspector and title up to date (after edits, coalesced)."""
        if not self.session.has_project:
            return
        self.status.refresh()
        self.toolbar.refresh()
        self.inspector.refresh()
        self.about_panel.refresh()
        self.edit_actions.update_enabled()
        self.sharing_actions.update_enabled()
        self.custom_actions.update_enabled()
        self._update_title()

    def display_name(self) -> str:
        return self.session.display_name()

    def _update_title(self, *args: object) -> None:
        if not self.session.has_project:
            return
        if self.file_path is None and self.source_name:
            title = self.tr("{name} (read from code, not saved yet)").format(name=self.display_name())
        else:
            title = self.display_name()
        self.setWindowTitle(f"{title}[*] — LayerLab")
        self.setWindowFilePath(str(self.file_path) if self.file_path is not None else "")  # where dialogs start
        self.setWindowModified(not self.undo_stack.isClean())

    # --------------------------------------------------------- selection
    def selected_nodes(self) -> list[Node]:
        """The selected blocks and groups, in data-flow order."""
        return self.session.selected_nodes()

    def select_nodes(self, nodes: list[Node]) -> None:
        """Select exactly ``nodes`` and scroll the last of them into view."""
        self.session.select_nodes(nodes)

    def _selection_changed(self) -> None:
        self.inspector.show_nodes(self.project, self.selected_nodes())
        self.about_panel.show_nodes(self.project, self.selected_nodes())
        self.edit_actions.update_enabled()
        self.sharing_actions.update_enabled()
        self.custom_actions.update_enabled()
        self._show_selection_histogram()
        self.parameter_table.show_blocks([self.project.path_of(n) for n in self.selected_nodes()])
        self.session.selection_changed.emit()

    def _show_selection_histogram(self) -> None:
        """One selected block or group: its values; otherwise every weight of the design."""
        nodes = self.selected_nodes()
        if len(nodes) == 1:
            self.histogram.show_block(self.project.path_of(nodes[0]))
        else:
            self.histogram.show_all()

    # ------------------------------------------------------------- misc
    def mark_recovered(self) -> None:
        """The project came from an autosave: it is unsaved work until the user saves it."""
        self.session.mark_recovered()
        self._update_title()

    def show_message(self, text: str) -> None:
        """Tell the user something (in the status bar for a while)."""
        self.session.show_message(text)

    def open_quick_add(self) -> None:
        self.quick_add.open_at(self.view)

    def open_replace_picker(self) -> None:
        """Replace with…: pick the kind of layer that takes the selected block's place."""
        from editor.ui.window.live_parts import describe

        nodes = self.selected_nodes()
        if len(nodes) == 1:
            self.replace_picker.open_at(self.view, self.tr("Replace {block} with:").format(
                block=describe(self.project, nodes[0])))

    def _note_duplicates(self, copies: list[Node], originals: list[Node], fresh: bool) -> None:
        if self.scene is not None:
            self.scene.note_origins(copies, originals, fresh)

    def open_init_dialog(self) -> None:
        """Open the Initialize dialog (one per window; it follows the selection while open)."""
        from editor.ui.dialogs.init_dialog import InitDialog  # with pyqtgraph (its preview): not before it is needed

        dialog = self.findChild(InitDialog, "initDialog")
        if dialog is None:
            dialog = InitDialog(self.session, self)
        dialog.refresh_targets()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _slot_path(self, group: Group, index: int) -> str:
        """The insertion path of slot ``index`` in ``group`` ("1.2", or "3" at the top)."""
        return str(index) if group is self.project.root else f"{self.project.path_of(group)}.{index}"

    def context_actions(self) -> list[QAction | None]:
        """The canvas context menu's entries, in order (None: a separator)."""
        e, s = self.edit_actions, self.sharing_actions
        return [e.cut, e.copy, e.paste, e.duplicate, e.duplicate_fresh, e.replace_with, e.delete, None, e.group,
                e.ungroup, self.custom_actions.make_block, None, s.share, s.use_again, s.repeat, s.make_independent,
                None, e.initialize, e.quick_add, self.materialize_actions.materialize]

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self.materialize_actions.refresh()
        for action in self.context_actions():
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(position)


__all__ = ["LAYOUT_VERSION", "MainWindow"]
