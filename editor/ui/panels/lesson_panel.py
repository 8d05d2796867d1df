"""The lesson panel (objectName ``lessonPanel``): the open lesson's title and text, and the way to the next one.

The text says what to look at and what to try, in the language the app
speaks (each lesson is written in English and Simplified Chinese; see
:mod:`editor.io.lessons`), with the plain PyTorch code it mirrors. It
changes language with the app. Buttons open a lesson's other designs (the
fixed version), the lesson again from the start, and the next lesson; the
panel only asks for them (signals), the window opens them.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetricsF, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from editor.io.lessons import Lesson
from editor.ui import theme
from editor.ui.i18n import current_language, on_language_change


class LessonPanel(QWidget):
    """Shows one :class:`Lesson` at a time (or a quiet hint when none is open)."""

    design_requested = Signal(object, str)
    """Open this design of this lesson (its own, to start over, or one of its extras)."""
    next_requested = Signal(object)
    """Open this lesson (the one after the lesson shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.lesson: Lesson | None = None
        self.following: Lesson | None = None
        self.cuda = torch.cuda.is_available()

        self.number = QLabel(objectName="lessonNumber")
        self.number.setFont(theme.font(-1))
        self.title = QLabel(objectName="lessonTitle")
        self.title.setFont(theme.font(3, bold=True))
        self.title.setWordWrap(True)
        self.text = QTextBrowser(objectName="lessonText")
        self.text.setOpenExternalLinks(True)
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.document().setDocumentMargin(2)
        self.extras = QVBoxLayout()
        self.extras.setSpacing(4)
        self.restart = QPushButton(objectName="lessonRestart")
        self.restart.clicked.connect(self._restart)
        self.next = QPushButton(objectName="lessonNext")
        self.next.clicked.connect(self._next)
        self.next.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restart)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.number)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addLayout(self.extras)
        layout.addLayout(buttons)
        self.retranslate()
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------ showing
    def show_lesson(self, lesson: Lesson | None, following: Lesson | None = None) -> None:
        """Show ``lesson`` (None: no lesson is open); ``following`` is the lesson the Next button opens."""
        self.lesson, self.following = lesson, following
        self.retranslate()
        self.text.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        """Every text in the current language (the lesson's own text too)."""
        language = current_language()
        lesson = self.lesson
        self.restart.setText(self.tr("Start over"))
        self.restart.setToolTip(self.tr("Open this lesson's design again, as it was at the start"))
        self.number.setStyleSheet(f"color: {theme.muted().name()};")
        while self.extras.count():
            item = self.extras.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if lesson is None:
            self.number.setText("")
            self.title.setText(self.tr("No lesson is open"))
            self.text.setMarkdown(self.tr("Choose one in the **Lessons** menu, or in Help → Welcome."))
            self.restart.hide()
            self.next.hide()
            return
        self.number.setText(self.tr("Lesson {number}").format(number=lesson.number))
        self.title.setText(lesson.title_in(language))
        self.text.setMarkdown(lesson.text_in(language, cuda=self.cuda))
        _wrap_code(self.text)
        for extra in lesson.extras:
            button = QPushButton(extra.label_in(language), objectName=f"lessonExtra_{extra.design}")
            button.clicked.connect(lambda checked=False, d=extra.design: self.design_requested.emit(self.lesson, d))
            self.extras.addWidget(button)
        self.restart.show()
        self.next.setVisible(self.following is not None)
        if self.following is not None:
            self.next.setText(self.tr("Next lesson →"))
            self.next.setToolTip(self.tr("Lesson {number}: {title}").format(
                number=self.following.number, title=self.following.title_in(language)))

    def _restart(self) -> None:
        if self.lesson is not None:
            self.design_requested.emit(self.lesson, self.lesson.design)

    def _next(self) -> None:
        if self.following is not None:
            self.next_requested.emit(self.following)

    def sizeHint(self):  # noqa: N802 - Qt override
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 340))
        return hint


CONTINUED = 4
"""Columns a wrapped line of code goes on deeper than the line's own indent (Python's hanging indent)."""


def _wrap_code(browser: QTextBrowser) -> None:
    """Code blocks on a quiet tint, wrapping at the panel's width (a narrow panel needs no horizontal scroll bar).

    A line too long for the panel goes on ``CONTINUED`` columns deeper than its own indent, so
    that what wrapped reads as the rest of that line, not as a statement of its own.
    """
    tint = theme.canvas_background()
    block = browser.document().begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.nonBreakableLines():
            text = block.text()
            fragment = block.begin().fragment()
            font = fragment.charFormat().font() if fragment.isValid() else browser.font()
            column = QFontMetricsF(font).horizontalAdvance(" ")
            hang = (len(text) - len(text.lstrip(" ")) + CONTINUED) * column
            fmt.setNonBreakableLines(False)
            fmt.setBackground(tint)
            fmt.setLeftMargin(4 + hang)
            fmt.setTextIndent(-hang)  # the first line starts at the tint's edge; the lines it wraps into, deeper
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


__all__ = ["LessonPanel"]
