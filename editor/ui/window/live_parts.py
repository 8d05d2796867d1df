"""The parts of the main window that need PyTorch, gathered in the one module that imports them.

The main window's own module imports none of them, so that it can show its
window (with a :class:`~editor.ui.loading.shell.LoadingShell`) before torch is
imported. Once torch is loaded, start-up imports this module on the GUI thread
(its classes subclass Qt's; see ``editor.ui.startup.GUI_MODULES``);
:meth:`~editor.ui.window.main_window.MainWindow.go_live` then finds everything
imported already. A part that the main window adds and that imports torch
belongs here; not the dialogs, which are imported when first opened: the
Initialize dialog (it brings pyqtgraph), the custom-layer, block-definition
and reusable-block dialogs, and the Python reader behind Open Python Code.
"""

from __future__ import annotations

from editor.commands.freeze import SetRequiresGradCommand
from editor.commands.run import KeepTrainedCommand
from editor.commands.runner import CommandRunner
from editor.io import doors  # noqa: F401  (registers p.save and p.to_code, which the panels call)
from editor.model.design.tree import Group, Node
from editor.model.project.project import Project
from editor.ui.canvas.scene import CanvasScene
from editor.ui.canvas.view import CanvasView
from editor.ui.panels.about import AboutLayerPanel
from editor.ui.panels.code.panel import CodePanel
from editor.ui.panels.histogram.panel import HistogramPanel
from editor.ui.panels.inspector import Inspector
from editor.ui.panels.parameters.table import ParameterTable
from editor.ui.panels.repr_panel import ReprPanel
from editor.ui.panels.run import RunPanel
from editor.ui.window.actions import build_menus
from editor.ui.window.allocation import MaterializeActions
from editor.ui.window.autosave import Autosave
from editor.ui.window.code_files import CodeActions
from editor.ui.window.custom_layers import CustomLayerActions
from editor.ui.window.editing import EditActions
from editor.ui.window.files import FileActions
from editor.ui.window.lessons import LessonActions
from editor.ui.window.session import Session
from editor.ui.window.sharing import SharingActions, describe
from editor.ui.window.status import DesignStatus
from editor.ui.window.toolbar import DesignToolbar

__all__ = ["AboutLayerPanel", "Autosave", "CanvasScene", "CanvasView", "CodeActions", "CodePanel", "CommandRunner",
           "CustomLayerActions", "DesignStatus", "DesignToolbar", "EditActions", "FileActions", "Group",
           "HistogramPanel", "Inspector", "KeepTrainedCommand", "LessonActions", "MaterializeActions",
           "Node", "ParameterTable", "Project", "ReprPanel", "RunPanel", "Session", "SetRequiresGradCommand",
           "SharingActions", "build_menus", "describe"]
