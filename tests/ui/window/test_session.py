"""The session: what the window's parts share, so that none of them needs the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from torch import nn

from editor import Project
from editor.model.examples import mlp
from editor.ui.window.autosave import Autosave
from editor.ui.window.files import FileActions
from editor.ui.window.session import Session


class FakeSelection:
    """A selection without a canvas."""

    def __init__(self) -> None:
        self.nodes: list = []

    def selected_nodes(self) -> list:
        return list(self.nodes)

    def select_nodes(self, nodes: list) -> None:
        self.nodes = list(nodes)


def test_set_project_starts_a_fresh_history_and_announces_it(qtbot):
    session = Session()
    seen = []
    session.project_replaced.connect(seen.append)
    first = mlp(0)
    session.set_project(first)
    assert seen == [first] and session.project is first and session.undo_stack.count() == 0
    first.append(nn.ReLU())  # a scripted edit becomes an undo step through the session's runner
    assert session.undo_stack.count() == 1
    second = Project()
    session.set_project(second, source_name="net.py")
    assert seen == [first, second] and session.undo_stack.count() == 0 and session.display_name() == "net.py"
    first.append(nn.ReLU())  # the old project is no longer followed
    assert session.undo_stack.count() == 0


def test_refusals_and_messages_reach_listeners(qtbot):
    from editor.commands.edits import SetSeedCommand

    session = Session()
    session.set_project(Project())
    messages = []
    session.message.connect(messages.append)
    assert not session.run(SetSeedCommand(session.project, 2**70))  # torch refuses such a seed
    assert messages and "seed" in messages[0].lower()


def test_selection_goes_through_whatever_the_session_is_given(qtbot):
    session = Session()
    session.set_project(mlp(0))
    assert session.selected_nodes() == []
    session.selection = FakeSelection()
    node = session.project.node("1")
    session.select_nodes([node])
    assert session.selected_nodes() == [node]


def test_file_actions_and_autosave_work_without_a_main_window(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(parent)
    files = FileActions(session, parent)
    autosave = Autosave(session, parent, folder=tmp_path / "autosave")
    session.set_project(mlp(0))
    session.project.append(nn.ReLU())
    assert autosave.save_now() and autosave.note_path.exists()
    changed = []
    session.file_changed.connect(lambda: changed.append(session.file_path))
    assert files.save_to(tmp_path / "p.pt")
    assert session.undo_stack.isClean() and changed == [tmp_path / "p.pt"]
    assert not autosave.note_path.exists()  # a save leaves nothing to recover
    assert files.recent_menu.actions()[0].text() == "p.pt"
    session.set_project(Project())
    assert files.open_path(tmp_path / "p.pt", ask=False)
    assert session.file_path == (tmp_path / "p.pt").resolve() and len(session.project) == 4


def test_the_run_tab_is_wired_to_the_window(window, qtbot):
    from editor.model.examples import mlp

    window.set_project(mlp())
    tabs = [window.bottom_tabs.tabText(i) for i in range(window.bottom_tabs.count())]
    assert tabs == ["Parameters", "Histogram", "Code", "Run", "print(net)"]
    panel = window.run_panel
    assert window.findChild(type(panel), "runPanel") is panel
    panel.block_selected.emit("2")
    assert window.selected_nodes() == [window.project.node("2")]
    panel.training_mode.setChecked(False)
    window.refresh()
    assert "eval mode" in window.status.device.text()
    trainer = window.project.make_trainer("teacher", lr=0.01)
    trainer.run(3)
    panel.keep_trained_requested.emit(trainer)
    assert window.undo_stack.undoText() == "Train 3 steps"


def test_the_blocks_say_eval_mode_as_soon_as_the_switch_says_it_and_stop_when_it_is_back(window, qtbot):
    """Found by a learner walkthrough: the blocks' "eval mode" came only after something else redrew them, and
    stayed after the switch went back to training mode (the Dropout lesson's point)."""
    from editor.model.examples import mlp

    window.set_project(mlp())
    panel = window.run_panel
    blocks = [item for item in window.scene.items_by_node.values() if hasattr(item, "shows_eval")]
    assert blocks and not any("eval mode" in item.extra for item in blocks)
    panel.training_mode.setChecked(False)
    assert all("eval mode" in item.extra for item in blocks)
    panel.training_mode.setChecked(True)
    assert not any("eval mode" in item.extra for item in blocks)


def test_at_1280_by_800_the_training_box_gets_the_width_its_fields_need(window, qtbot):
    """A walkthrough found the optimizer, the learning rate and Revert cut off behind a scroll bar at 1280 pixels,
    while the run on the left had room to spare."""
    from editor.model.examples import mlp

    window.set_project(mlp())
    window.resize(1280, 800)
    window.bottom_tabs.setCurrentWidget(window.run_panel)
    box = window.run_panel.training
    scroll = window.run_panel._training_scroll
    qtbot.waitUntil(lambda: box.isVisible())
    qtbot.waitUntil(lambda: scroll.viewport().width() >= box.minimumSizeHint().width())
    assert not scroll.horizontalScrollBar().isVisible()


def test_what_the_run_tab_said_about_the_design_goes_once_the_design_changes(window, qtbot):
    """A walkthrough found the status bar saying "The design is empty" over a design just opened, and the Run tab's
    shape error and the training's "Fix this before training" still there after the fix was applied."""
    from torch import nn

    from editor import Project
    from editor.model.examples import mlp

    window.set_project(Project())
    panel = window.run_panel
    panel.forward_button.click()
    assert window.status.currentMessage().startswith("The design is empty")
    window.set_project(mlp())
    assert window.status.currentMessage() == ""

    broken = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(7, 5)))
    broken.input_shape = (3, 20)
    window.set_project(broken)
    box = panel.training
    box.train.click()
    assert box.status.text().startswith("Block 2 (Linear)") and window.status.currentMessage()
    panel.forward_button.click()
    qtbot.waitUntil(lambda: not panel.jobs.busy)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("Block 2 (Linear)"))
    broken.apply_fix(broken.shape_error.fix)
    assert broken.shape_error is None
    assert panel.summary.text() == "" and not box.status.text().startswith("Block 2")
    assert window.status.currentMessage() == ""


def test_a_block_added_while_the_switch_says_eval_says_eval_mode_too(window, qtbot):
    """Found by a review: the new block's module went to eval mode after the canvas had drawn it, unsaid."""
    from editor.model.examples import mlp

    project = mlp()
    window.set_project(project)
    window.run_panel.training_mode.setChecked(False)
    project.append_layer("ReLU")
    item = window.scene.items_by_node[project.node("3")]
    assert not project.model[3].training and "eval mode" in item.extra
