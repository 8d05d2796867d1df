"""The welcome screen on its own: the lessons with their summaries, the recent projects, and what each choice emits."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from editor.io.lessons import read_lessons
from editor.ui.dialogs.welcome import WelcomeDialog


@pytest.fixture(scope="module")
def lessons():
    return read_lessons()


def make(qtbot, lessons, recent=(), show=True) -> WelcomeDialog:
    dialog = WelcomeDialog(lessons, list(recent), show)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, widget, row: int) -> None:
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_it_lists_every_lesson_with_its_one_line_summary(qtbot, lessons):
    dialog = make(qtbot, lessons)
    assert dialog.objectName() == "welcomeDialog"
    assert dialog.lessons.count() == len(lessons)
    for row, lesson in enumerate(lessons):
        text = dialog.lessons.itemWidget(dialog.lessons.item(row)).text()
        assert f"{lesson.number}. {html.escape(lesson.title_in('en'))}" in text
        assert html.escape(lesson.summary_in("en")) in text
    for row in range(dialog.lessons.count()):  # every entry is as tall as its wrapped text: never clipped
        entry = dialog.lessons.item(row)
        label = dialog.lessons.itemWidget(entry)
        assert entry.sizeHint().height() >= label.heightForWidth(dialog.lessons.viewport().width()) > 30


def test_no_recent_projects_is_said_and_recent_ones_are_listed(qtbot, lessons, tmp_path):
    dialog = make(qtbot, lessons)
    assert dialog.recent.isHidden() and dialog.findChild(QLabel, "welcomeNoRecent").isVisible()
    paths = [str(tmp_path / "mine.pt"), str(tmp_path / "other.pt")]
    dialog = make(qtbot, lessons, paths)
    assert dialog.recent.isVisible() and dialog.recent.count() == 2
    assert "mine.pt" in dialog.recent.itemWidget(dialog.recent.item(0)).text()


def test_clicking_a_lesson_chooses_it_once_and_closes(qtbot, lessons):
    dialog = make(qtbot, lessons)
    chosen = []
    dialog.lesson_chosen.connect(chosen.append)
    click(qtbot, dialog.lessons, 2)
    dialog.lessons.itemActivated.emit(dialog.lessons.item(2))  # a platform that also activates on one click
    assert chosen == [lessons[2]]
    assert not dialog.isVisible()


def test_recent_new_and_open_are_chosen_too(qtbot, lessons, tmp_path):
    dialog = make(qtbot, lessons, [str(tmp_path / "mine.pt")])
    with qtbot.waitSignal(dialog.recent_chosen) as recent:
        click(qtbot, dialog.recent, 0)
    assert recent.args == [str(tmp_path / "mine.pt")]
    for name, signal in (("welcomeNew", "new_chosen"), ("welcomeOpen", "open_chosen")):
        dialog = make(qtbot, lessons)
        with qtbot.waitSignal(getattr(dialog, signal)):
            dialog.findChild(QPushButton, name).click()
        assert not dialog.isVisible()


def test_the_show_at_start_up_box(qtbot, lessons):
    dialog = make(qtbot, lessons, show=False)
    assert not dialog.show_at_startup.isChecked()
    with qtbot.waitSignal(dialog.show_at_startup_changed) as changed:
        dialog.show_at_startup.setChecked(True)
    assert changed.args == [True]
