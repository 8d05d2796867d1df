"""The window while PyTorch loads, and going live in the same window (torch is imported in this process already).

What the learner does meanwhile (drops, palette double-clicks, searches, a
file to open) is kept and applied when the editor is live, as ordinary
undoable commands. ``tests/ui/test_startup_process.py`` checks in fresh
processes that the window really shows before torch is imported.
"""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget
from torch import nn

from editor import Project
from editor.io.files.project_file import save_project
from editor.ui import startup as startup_module
from editor.ui.collector import GuiCollector
from editor.ui.loading.pending import MAX_PENDING, PendingBlock, PendingCanvas
from editor.ui.loading.placeholders import LoadingPanel
from editor.ui.palette import KIND_MIME
from editor.ui.startup import Startup
from editor.ui.torch_loader import TorchLoader
from editor.ui.window.main_window import MainWindow
from tests.ui.helpers import drag_to, settle


@pytest.fixture
def loading(qtbot):
    """A main window in its loading state, shown."""
    w = MainWindow(wait_for_torch=True)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def kind_mime(kind: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(KIND_MIME, kind.encode("utf-8"))
    return mime


def drop_kind(canvas: PendingCanvas, kind: str, index: int) -> None:
    """Drop ``kind`` just above pending block ``index`` (or below the last one)."""
    items = canvas.block_items()
    if index < len(items):
        point = QPointF(items[index].sceneBoundingRect().center().x(), items[index].sceneBoundingRect().top() + 2)
    elif items:
        point = QPointF(items[-1].sceneBoundingRect().center().x(), items[-1].sceneBoundingRect().bottom() + 4)
    else:
        point = canvas.hint.sceneBoundingRect().center()
    drag_to(canvas, kind_mime(kind), point)


def kinds(project: Project) -> list[str]:
    return [type(m).__name__ for m in project.model]


def test_the_loading_window_has_the_palette_a_canvas_and_panels_that_say_torch_is_loading(loading):
    shell = loading.loading
    assert loading.centralWidget() is shell.canvas and shell.canvas.objectName() == "pendingCanvas"
    docks = {d.objectName(): d for d in loading.findChildren(QDockWidget)}
    assert docks["paletteDock"].widget() is shell.palette and shell.palette.tree.model().rowCount() > 5
    assert isinstance(docks["inspectorDock"].widget(), LoadingPanel)
    assert "loading pytorch" in docks["inspectorDock"].widget().text().lower()
    tabs = docks["bottomDock"].widget()
    assert isinstance(tabs, QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Parameters", "Histogram", "Code", "Run", "print(net)"]
    assert all("loading pytorch" in tabs.widget(i).text().lower() for i in range(tabs.count()))
    menus = {m.objectName(): m for m in loading.menuBar().findChildren(QMenu)}
    edit = menus["loadingMenuEdit"]
    assert not edit.menuAction().isEnabled() and "loading pytorch" in edit.menuAction().toolTip().lower()
    waiting = [a for a in menus["loadingMenuFile"].actions() if a.objectName() == "actionLoading"]
    assert waiting and not waiting[0].isEnabled() and "loading pytorch" in waiting[0].toolTip().lower()
    assert "loading pytorch" in loading.statusBar().currentMessage().lower()


def test_the_palette_searches_and_adds_while_torch_loads(loading):
    shell = loading.loading
    shell.palette.search.setText("conv2")
    settle()
    names = {shell.palette.proxy.index(r, 0, shell.palette.proxy.index(c, 0)).data()
             for c in range(shell.palette.proxy.rowCount()) for r in range(shell.palette.proxy.rowCount(
                 shell.palette.proxy.index(c, 0)))}
    assert "Conv2d" in names and "Linear" not in names
    shell.palette.kind_activated.emit("Conv2d")  # a double-click
    assert shell.canvas.blocks() == [PendingBlock.of("Conv2d")]
    assert shell.canvas.blocks()[0].params["out_channels"] == 16  # the catalog's default, kept with the intent


def test_drops_while_loading_are_pending_then_added_in_order_as_undoable_commands(loading):
    canvas = loading.loading.canvas
    drop_kind(canvas, "Linear", 0)
    drop_kind(canvas, "Linear", 1)
    drop_kind(canvas, "ReLU", 1)  # between the two
    assert [b.kind for b in canvas.blocks()] == ["Linear", "ReLU", "Linear"]
    assert [item.kind for item in canvas.block_items()] == ["Linear", "ReLU", "Linear"]
    loading.go_live()
    settle()
    assert loading.loading is None and loading.findChildren(PendingCanvas) == []
    project = loading.project
    assert kinds(project) == ["Linear", "ReLU", "Linear"]
    assert loading.undo_stack.count() == 3 and loading.undo_stack.index() == 3
    after = repr(project.model), {k: v.clone() for k, v in project.model.state_dict().items()}
    loading.undo_stack.undo()
    assert kinds(project) == ["Linear", "ReLU"]
    loading.undo_stack.undo()
    loading.undo_stack.undo()
    assert len(project) == 0
    for _ in range(3):
        loading.undo_stack.redo()
    assert repr(project.model) == after[0]
    state = project.model.state_dict()
    assert all((state[k] == v).all() for k, v in after[1].items())  # redo brings back the very same weights
    assert not loading.findChildren(LoadingPanel) or all(not p.isVisible() for p in loading.findChildren(LoadingPanel))


def test_going_live_keeps_the_window_its_docks_and_the_palette_search(loading):
    shell = loading.loading
    docks = {d.objectName(): d for d in loading.findChildren(QDockWidget)}
    palette, size = shell.palette, loading.size()
    shell.palette.search.setText("pool")
    settle()
    widths = {name: (docks[name].width(), docks[name].height()) for name in ("paletteDock", "inspectorDock",
                                                                            "bottomDock")}
    loading.go_live()
    settle()
    assert loading.palette is palette and palette.search.text() == "pool" and loading.size() == size
    assert all(loading.docks[key] is docks[name] for key, name in (("palette", "paletteDock"),
                                                                  ("inspector", "inspectorDock"),
                                                                  ("bottom", "bottomDock")))
    assert {name: (docks[name].width(), docks[name].height()) for name in widths} == widths  # nothing jumped
    assert loading.view.isVisible() and loading.inspector.isVisible()
    assert loading.menuBar().findChild(QMenu, "menuFile") is not None
    assert loading.menuBar().findChild(QMenu, "loadingMenuFile") is None


def test_delete_removes_a_pending_block_and_bad_drops_are_refused_in_words(loading):
    canvas = loading.loading.canvas
    messages: list[str] = []
    canvas.message.connect(messages.append)
    assert canvas.add("Linear") and canvas.add("ReLU")
    canvas.block_items()[1].setSelected(True)
    canvas.block_items()[0].setSelected(False)
    assert canvas.remove_selected() == 1 and [b.kind for b in canvas.blocks()] == ["Linear"]
    assert not canvas.add("NotALayer")
    assert "no layer called 'NotALayer'" in messages[-1]
    drop_kind(canvas, "x" * 5000, 0)  # a crafted drop: refused, its name cut short in the message
    assert [b.kind for b in canvas.blocks()] == ["Linear"] and len(messages[-1]) < 300


def test_the_pending_queue_is_bounded(loading):
    canvas = loading.loading.canvas
    messages: list[str] = []
    canvas.message.connect(messages.append)
    for _ in range(MAX_PENDING):
        assert canvas.add("ReLU")
    assert not canvas.add("ReLU") and len(canvas.blocks()) == MAX_PENDING
    assert "once it is ready" in messages[-1]


def test_a_file_given_while_loading_opens_first_then_the_pending_blocks_follow(loading, tmp_path):
    path = tmp_path / "design.pt"
    saved = Project(seed=3)
    saved.extend([nn.Linear(4, 8), nn.Tanh()])
    save_project(saved, path)
    shell = loading.loading
    shell.open_when_ready(path)
    assert "design.pt opens once PyTorch is loaded" in shell.canvas.input_end.note
    shell.canvas.add("Dropout")
    loading.go_live()
    settle()
    assert loading.file_path == path.resolve()
    assert kinds(loading.project) == ["Linear", "Tanh", "Dropout"]
    assert loading.undo_stack.count() == 1  # the file is where history starts; the drop is one step after it
    loading.undo_stack.undo()
    assert kinds(loading.project) == ["Linear", "Tanh"] and loading.undo_stack.isClean()


def test_a_file_dropped_on_the_window_while_loading_waits_for_the_editor(loading, tmp_path):
    path = tmp_path / "dropped.pt"
    saved = Project()
    saved.append(nn.ReLU())
    save_project(saved, path)
    loading.open_dropped([str(tmp_path / "notes.txt"), str(path)])
    loading.go_live()
    settle()
    assert loading.file_path == path.resolve() and kinds(loading.project) == ["ReLU"]


def test_startup_shows_the_window_then_goes_live_with_the_file(qtbot, tmp_path):
    path = tmp_path / "cli.pt"
    saved = Project()
    saved.extend([nn.Linear(3, 3), nn.ReLU(), nn.Linear(3, 1)])
    save_project(saved, path)
    startup = Startup(path)
    qtbot.addWidget(startup.window)
    went_live: list[bool] = []
    startup.live.connect(lambda: went_live.append(startup.window.loading is None))
    startup.show()
    assert startup.window.isVisible() and startup.window.loading is not None  # the window first
    assert startup.wait_until_live(60)
    assert went_live == [True] and startup.window.file_path == path.resolve()
    assert kinds(startup.window.project) == ["Linear", "ReLU", "Linear"]  # then the design


def test_when_torch_cannot_be_loaded_the_window_says_so_and_stays_usable(qtbot):
    startup = Startup(torch_loader=TorchLoader(("editor_there_is_no_such_module",)))
    qtbot.addWidget(startup.window)
    failures: list[str] = []
    startup.failed.connect(failures.append)
    startup.show()
    assert not startup.wait_until_live(30)
    assert failures and "PyTorch could not be loaded" in failures[0] and "pip install torch" in failures[0]
    panels = startup.window.findChildren(LoadingPanel)
    assert panels and all(failures[0] in panel.text() for panel in panels)
    assert startup.window.loading.canvas.add("Linear")  # the palette and canvas still work
    assert not startup._collector.paused and not gc.isenabled()  # resumed though loading failed (on the GUI thread)


def test_while_torch_maps_the_gui_thread_imports_what_torch_needs_one_per_turn_and_stops_when_mapped(
        qtbot, monkeypatch):
    """The mapping does not hold the GIL: pure-Python imports run beside it instead of inside ``import torch``."""
    mapping = threading.Event()
    monkeypatch.setattr("editor.ui.torch_loader.preload_torch_libraries", lambda: mapping.wait(30) and [])
    imported: list[str] = []
    order: list[str] = []
    loader = TorchLoader(("json",))

    def import_quietly(names) -> None:
        imported.extend(names)
        if names == ["two"]:  # the mapping ends while "two" imports: the loader's imports wait for it to finish
            mapping.set()
            loader.libraries_mapped.wait(30)
            order.append("two imported" if loader.ahead_lock.locked() and not loader.done.is_set() else "overlap")

    monkeypatch.setattr(startup_module, "import_quietly", import_quietly)
    monkeypatch.setattr(startup_module, "EXTENSIONS_FIRST", ("_first",))
    monkeypatch.setattr(startup_module, "WHILE_MAPPING", ("one", "two", "three", "four"))
    startup = Startup(torch_loader=loader)
    qtbot.addWidget(startup.window)
    startup._start_loading()
    assert imported == ["_first", "one"]  # the extensions before the loader starts, then one per turn
    assert startup.wait_until_live(60)
    assert imported == ["_first", "one", "two"]  # mapped: "three" and "four" are left to the loader
    assert startup.imported_ahead == 2 and order == ["two imported"]


COLLECTOR_WHILE_LOADING: list[tuple[bool, bool]] = []
WATCHED: list[GuiCollector] = []


def note_the_collector() -> None:
    """A loader's warm-up (on its thread): may the garbage collector run, here or on the GUI thread?"""
    COLLECTOR_WHILE_LOADING.append((gc.isenabled(), WATCHED[0].paused))


def test_the_collector_pauses_while_the_loader_imports_and_resumes_when_live(qtbot):
    """Full collections walking torch's objects (and the window's) made the loader about a fifth slower."""
    COLLECTOR_WHILE_LOADING.clear()
    startup = Startup(torch_loader=TorchLoader(("json",), warm_up=f"{__name__}:note_the_collector"))
    WATCHED[:] = [startup._collector]
    qtbot.addWidget(startup.window)
    startup.show()
    assert startup.wait_until_live(60)
    assert COLLECTOR_WHILE_LOADING == [(False, True)]  # never on the loader's thread, nor paused work on the GUI's
    assert not startup._collector.paused and not gc.isenabled()  # collected on the GUI thread again


def test_closing_while_loading_saves_the_layout_and_asks_nothing(loading, qtbot):
    assert loading.close()
    assert not loading.isVisible()


def test_the_loading_window_keeps_a_main_window_usable_after_going_live_twice(loading):
    loading.go_live()
    project = loading.project
    loading.go_live()  # once live, nothing happens
    assert loading.project is project

