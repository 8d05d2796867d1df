"""The lesson panel: a lesson's number, title and text, its extras, Start over and Next lesson."""

from __future__ import annotations

import pytest

from editor.io.lessons import find_lesson, read_lessons
from editor.ui.i18n import languages
from editor.ui.panels.lesson_panel import LessonPanel


@pytest.fixture(scope="module")
def lessons():
    return read_lessons()


@pytest.fixture
def panel(qtbot):
    widget = LessonPanel()
    qtbot.addWidget(widget)
    widget.resize(380, 600)
    widget.show()
    return widget


def test_without_a_lesson_it_says_where_to_find_one(panel):
    panel.show_lesson(None)
    assert panel.objectName() == "lessonPanel"
    assert panel.title.text() == "No lesson is open"
    assert "Lessons" in panel.text.toPlainText()
    assert panel.next.isHidden() and panel.restart.isHidden()


def test_a_lesson_shows_its_number_title_text_and_the_next_one(panel, lessons, qtbot):
    first, second = lessons[0], lessons[1]
    panel.show_lesson(first, second)
    assert panel.number.text() == "Lesson 1"
    assert panel.title.text() == first.title_in("en")
    assert "nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))" in panel.text.toPlainText()
    assert "**" not in panel.text.toPlainText()  # Markdown is rendered, not shown
    assert panel.next.isVisible() and second.title_in("en") in panel.next.toolTip()
    with qtbot.waitSignal(panel.next_requested) as next_wanted:
        panel.next.click()
    assert next_wanted.args == [second]
    with qtbot.waitSignal(panel.design_requested) as again:
        panel.restart.click()
    assert again.args == [first, first.design]


def test_the_last_lesson_has_no_next_and_extras_are_buttons(panel, lessons, qtbot):
    panel.show_lesson(lessons[-1], None)
    assert panel.next.isHidden() and panel.restart.isVisible()
    nested = find_lesson(3, lessons)
    panel.show_lesson(nested, find_lesson(4, lessons))
    button = panel.findChild(type(panel.next), "lessonExtra_03-nested-fixed")
    assert button is not None and "30 → 25 → 20" in button.text()
    with qtbot.waitSignal(panel.design_requested) as wanted:
        button.click()
    assert wanted.args == [nested, "03-nested-fixed"]
    panel.show_lesson(find_lesson(4, lessons), None)
    qtbot.waitUntil(lambda: panel.findChild(type(panel.next), "lessonExtra_03-nested-fixed") is None)


def test_code_blocks_wrap_on_a_tint(panel, lessons):
    panel.show_lesson(find_lesson(8, lessons))
    block = panel.text.document().begin()
    code = []
    while block.isValid():
        if "nn.init.normal_" in block.text():
            code.append(block)
        block = block.next()
    assert code and not any(b.blockFormat().nonBreakableLines() for b in code)
    assert all(b.blockFormat().background().style().name != "NoBrush" for b in code)


def test_a_wrapped_line_of_code_goes_on_deeper_than_its_own_indent(panel, lessons, qtbot):
    """Lesson 3's ``    nn.Sequential(nn.Linear(15, 10), nn.ReLU(), nn.Linear(10, 5)),`` in a narrow panel: the part
    that wraps starts 4 columns right of the line's own indent, not at the left edge like a statement of its own."""
    from PySide6.QtGui import QFontMetricsF

    panel.resize(340, 600)
    panel.show_lesson(find_lesson(3, lessons))
    qtbot.waitUntil(lambda: panel.text.document().documentLayout().documentSize().width() < 340)
    block = panel.text.document().begin()
    while block.isValid() and not block.text().startswith("    nn.Sequential(nn.Linear(15, 10)"):
        block = block.next()
    assert block.isValid()
    layout = block.layout()
    assert layout.lineCount() >= 2, "the panel is narrow enough for this line to wrap"
    column = QFontMetricsF(block.begin().fragment().charFormat().font()).horizontalAdvance(" ")
    first, second = layout.lineAt(0), layout.lineAt(1)
    assert second.x() - first.x() == pytest.approx((4 + 4) * column, abs=1)  # its indent (4) and 4 more


def test_the_gpu_lesson_says_what_this_machine_can_do(panel, lessons):
    gpu = find_lesson(12, lessons)
    panel.cuda = False
    panel.show_lesson(gpu)
    assert "This computer has no CUDA GPU" in panel.text.toPlainText()
    panel.cuda = True
    panel.show_lesson(gpu)
    assert "This computer has a CUDA GPU" in panel.text.toPlainText()


def test_the_text_follows_the_language(panel, lessons):
    lesson = lessons[0]
    panel.show_lesson(lesson, lessons[1])
    chooser = languages()
    before = chooser.current
    try:
        chooser.current = "zh_CN"  # what Languages.install sets before it announces the change
        chooser.changed.emit("zh_CN")
        assert panel.title.text() == lesson.title_in("zh_CN")
        assert "画布上的设计" in panel.text.toPlainText()
    finally:
        chooser.current = before
        chooser.changed.emit(before)
    assert panel.title.text() == lesson.title_in("en")
