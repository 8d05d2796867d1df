"""Lessons in the window: the Lessons menu, the lesson panel, and the welcome screen at the first start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QPushButton, QWidget
from torch import nn

from editor.io.lessons import find_lesson
from editor.model import lessons as designs
from editor.ui.dialogs.welcome import WelcomeDialog
from editor.ui.window.settings import WELCOME_AT_START, app_settings, show_welcome_at_start
from tests.ui.helpers import settle


def lesson_menu(window) -> QMenu:
    return window.menuBar().findChild(QMenu, "menuLessons") or window.findChild(QMenu, "menuLessons")


def test_the_lessons_menu_sits_before_help_and_lists_every_lesson(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-2:] == ["&Lessons", "&Help"]
    menu = lesson_menu(window)
    lessons = window.lesson_actions.lessons
    assert [a.text() for a in menu.actions()] == [f"{x.number}. {x.title_in('en')}" for x in lessons]
    assert menu.actions()[0].objectName() == "actionLesson_1"
    assert menu.actions()[0].statusTip() == lessons[0].summary_in("en")
    assert window.menus["help"].actions()[0].objectName() == "actionWelcome"
    assert window.lesson_actions.dock.toggleViewAction() in window.menus["view"].actions()


def test_opening_a_lesson_shows_its_design_and_its_text(window):
    panel = window.findChild(QWidget, "lessonPanel")
    dock = window.findChild(QDockWidget, "lessonDock")
    assert not dock.isVisible()
    window.findChild(QAction, "actionLesson_8").trigger()
    settle()
    assert str(window.project.model) == str(designs.builtin_init().model)
    assert window.file_path is None  # an untitled copy: saving never overwrites the lesson's file
    assert dock.isVisible() and panel.isVisible()
    assert panel.title.text() == "Built-in initialization" and "init_normal" in panel.text.toPlainText()
    assert window.bottom_tabs.currentWidget() is window.histogram  # the tab the lesson looks at
    assert [window.project.path_of(n) for n in window.selected_nodes()] == ["0"]
    assert window.undo_stack.isClean()
    assert dock.height() > window.docks["inspector"].height()  # the text gets most of the column


def test_next_start_over_and_the_fixed_version(window, qtbot):
    actions = window.lesson_actions
    nested = find_lesson(3, actions.lessons)
    assert actions.open_lesson(nested)
    assert window.project.shape_error is not None and window.project.shape_error.path == "1.0"
    panel = actions.panel
    panel.findChild(type(panel.next), "lessonExtra_03-nested-fixed").click()
    assert window.project.shape_error is None and window.project.count_parameters() == 1770
    assert actions.current is nested and panel.title.text() == nested.title_in("en")  # still lesson 3
    panel.restart.click()
    assert window.project.count_parameters() == 765
    panel.next.click()
    assert actions.current.number == 4 and window.project.count_parameters() == 309


def test_unsaved_work_is_offered_first_and_cancel_keeps_it(window, dialogs):
    answers, _errors = dialogs
    window.project.append(nn.Linear(3, 3))
    settle()
    answers.append("cancel")
    assert not window.lesson_actions.open_lesson(window.lesson_actions.lessons[0])
    assert len(window.project) == 1 and not window.lesson_actions.dock.isVisible()


def test_opening_something_else_ends_the_lesson(window):
    actions = window.lesson_actions
    assert actions.open_lesson(actions.lessons[0])
    window.file_actions.new.trigger()
    settle()
    assert actions.current is None and not actions.dock.isVisible()
    assert actions.panel.title.text() == "No lesson is open"


def test_a_window_made_in_a_test_never_shows_the_welcome_screen(window):
    settle()
    assert window.findChild(WelcomeDialog) is None


def test_the_welcome_screen_appears_on_first_start_and_not_after_it_is_turned_off(window, qtbot):
    assert show_welcome_at_start()  # a fresh settings folder: the first start
    dialog = window.lesson_actions.welcome_at_start()
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "welcomeDialog"
    dialog.show_at_startup.setChecked(False)
    assert app_settings().value(WELCOME_AT_START) in (False, "false")
    dialog.reject()
    assert not show_welcome_at_start()
    assert window.lesson_actions.welcome_at_start() is None  # the next start
    shown = window.lesson_actions.show_welcome()  # Help → Welcome still shows it, with the box unticked
    assert shown.isVisible() and not shown.show_at_startup.isChecked()
    shown.reject()


def test_the_welcome_screen_waits_while_a_project_is_open(window):
    window.set_project(designs.first_mlp())
    assert window.lesson_actions.welcome_at_start() is None


def test_a_lesson_opens_from_the_welcome_screen(window, qtbot):
    window.findChild(QAction, "actionWelcome").trigger()
    dialog = window.findChild(WelcomeDialog, "welcomeDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    row = 9 if dialog.lessons.count() > 9 else dialog.lessons.count() - 1
    dialog.lessons.scrollToItem(dialog.lessons.item(row))
    rect = dialog.lessons.visualItemRect(dialog.lessons.item(row))
    qtbot.mouseClick(dialog.lessons.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    lesson = window.lesson_actions.lessons[row]
    assert window.findChild(WelcomeDialog) is None  # closed (and deleted)
    assert window.lesson_actions.current is lesson
    assert str(window.project.model) == str(designs.DESIGNS[lesson.design]().model)


def test_new_and_recent_from_the_welcome_screen(window, tmp_path):
    from editor.io.files.project_file import save_project

    path = tmp_path / "mine.pt"
    save_project(designs.tied_weights(), path)
    window.file_actions.remember(path)
    dialog = window.lesson_actions.show_welcome()
    assert dialog.recent.count() == 1
    dialog.recent_chosen.emit(str(path))
    assert window.file_path == Path(path).resolve() and window.project.count_parameters() == 121
    dialog = window.lesson_actions.show_welcome()
    dialog.findChild(QPushButton, "welcomeNew").click()
    assert len(window.project) == 0 and window.file_path is None


PROBE = """
import json, sys, time
from PySide6.QtWidgets import QApplication
from editor.ui import app as ui_app

class Probe(QApplication):
    def exec(self):  # instead of the event loop: wait until the editor is live, look, untick the box if asked, close
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(
                getattr(w, "lesson_actions", None) is not None and w.session.has_project
                for w in self.topLevelWidgets() if w.objectName() == "mainWindow"):
            self.processEvents()
            time.sleep(0.005)
        for _ in range(30):
            self.processEvents()
        shown = [w for w in self.topLevelWidgets() if w.objectName() == "welcomeDialog" and w.isVisible()]
        for dialog in shown:
            dialog.show_at_startup.setChecked(sys.argv[1] == "keep")
            dialog.reject()
        print(json.dumps({"welcome": len(shown)}))
        for w in self.topLevelWidgets():
            if w.objectName() == "mainWindow":
                w.close()
        return 0

probe = Probe(sys.argv[:1])
ui_app.application = lambda: probe
sys.exit(ui_app.run(None))
"""


def test_the_real_start_shows_the_welcome_screen_until_it_is_turned_off(tmp_path):
    """``python main.py`` as a learner starts it (the event loop replaced by a look): first start, then the next."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())

    def start(box: str) -> int:
        done = subprocess.run([sys.executable, "-c", PROBE, box], cwd=root, env=env, capture_output=True, text=True,
                              timeout=180)
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])["welcome"]

    assert start("untick") == 1  # the first start shows it; the learner unticks "Show at start-up"
    assert start("keep") == 0  # the next start: turned off


def test_the_title_bar_names_the_open_lesson_in_the_current_language(window):
    from editor.ui import i18n

    actions = window.lesson_actions
    first = actions.lessons[0]
    assert actions.open_lesson(first)
    assert window.windowTitle().startswith(f"Lesson 1: {first.title_in('en')}")
    i18n.languages().install(i18n.CHINESE)
    try:
        assert first.title_in("zh_CN") in window.windowTitle() and "Untitled" not in window.windowTitle()
    finally:
        i18n.languages().install(i18n.ENGLISH)
    window.file_actions.on_new()
    assert "Lesson" not in window.windowTitle()


OPENS = """
import json, sys, time
from PySide6.QtWidgets import QApplication
from editor.ui import app as ui_app

class Probe(QApplication):
    def exec(self):  # instead of the event loop: wait until the editor is live and has opened what was asked, look
        deadline = time.monotonic() + 120
        windows = lambda: [w for w in self.topLevelWidgets() if w.objectName() == "mainWindow"
                           and getattr(w, "lesson_actions", None) is not None and w.session.has_project]
        while time.monotonic() < deadline and not windows():
            self.processEvents()
        for _ in range(30):
            self.processEvents()
        window = windows()[0]
        current = window.lesson_actions.current
        print(json.dumps({"blocks": len(window.project), "lesson": current.number if current else None,
                          "status": window.statusBar().currentMessage(), "title": window.windowTitle(),
                          "shapes_shown": window.statusBar().shapes.isVisible(),
                          "welcome": sum(w.objectName() == "welcomeDialog" and w.isVisible()
                                         for w in self.topLevelWidgets())}))
        window.close()
        return 0

probe = Probe(sys.argv[:1])
ui_app.application = lambda: probe
sys.exit(ui_app.run(None, *json.loads(sys.argv[1])))
"""


@pytest.mark.parametrize("asked, blocks, lesson", [(["mlp", None], 3, None), ([None, 1], None, 1),
                                                   ([None, 99], 0, None)])
def test_the_command_line_opens_an_example_or_a_lesson(tmp_path, asked, blocks, lesson):
    """``layerlab --example mlp`` and ``layerlab --lesson 1`` open them once the editor is live (and no welcome
    screen); a lesson that does not exist is said, on stderr and in the status bar, with the numbers there are."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run([sys.executable, "-c", OPENS, json.dumps(asked)], cwd=root, env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])
    assert seen["lesson"] == lesson and seen["welcome"] == 0
    if blocks is not None:
        assert seen["blocks"] == blocks
    if lesson is not None:
        assert seen["title"].startswith(f"Lesson {lesson}:")
        assert seen["status"].startswith(f"Lesson {lesson}:") and not seen["shapes_shown"]  # not drawn over it
    if asked[1] == 99:
        assert "There is no lesson 99: the lessons are numbered 1, 2," in done.stderr
        assert seen["status"].startswith("There is no lesson 99")


def test_the_command_line_opens_one_thing_at_a_time_and_knows_the_examples():
    from editor.cli.main import EXAMPLE_NAMES, main
    from editor.model.examples import EXAMPLES

    assert tuple(EXAMPLES) == EXAMPLE_NAMES
    for args in (["project.pt", "--example", "mlp"], ["--example", "mlp", "--lesson", "2"],
                 ["--screenshot", "x.png", "project.pt", "--lesson", "2"]):
        with pytest.raises(SystemExit) as refused:
            main(args)
        assert refused.value.code == 2


def test_a_lesson_that_does_not_exist_is_a_usage_error_before_qt_starts(capsys):
    """``layerlab --lesson 99`` opened the window to say so, then exited 0."""
    from editor.cli.main import main

    with pytest.raises(SystemExit) as refused:
        main(["--lesson", "99"])
    assert refused.value.code == 2
    assert "there is no lesson 99: the lessons are numbered 1 to 12" in capsys.readouterr().err
