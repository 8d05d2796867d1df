"""The welcome screen (objectName ``welcomeDialog``): the lessons, the recent projects, and "New empty design".

It appears on the first start (until "Show at start-up" is unticked) and
from Help → Welcome. It only offers: choosing a lesson, a recent project, a
new design or Open… emits a signal and closes the dialog; the window does the
opening (and asks about unsaved changes first).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.io.lessons import Lesson
from editor.ui import theme
from editor.ui.i18n import current_language

ROLE = Qt.ItemDataRole.UserRole


def _two_lines(first: str, second: str) -> QLabel:
    """A list entry: a line of text, and a quieter line under it."""
    label = QLabel(f"<span style='font-weight: 600'>{html.escape(first)}</span><br>"
                   f"<span style='color: {theme.muted().name()}'>{html.escape(second)}</span>")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setContentsMargins(8, 6, 8, 6)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return label


class _EntryList(QListWidget):
    """A list of two-line entries whose heights follow the list's width (the second line may wrap)."""

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit_entries(self) -> None:
        width = self.viewport().width()
        for row in range(self.count()):
            item = self.item(row)
            label = self.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_entries()


def _list(name: str) -> _EntryList:
    return _EntryList(name)


class WelcomeDialog(QDialog):
    """The first thing a learner sees: where to start."""

    lesson_chosen = Signal(object)
    """Open this :class:`Lesson`."""
    recent_chosen = Signal(str)
    """Open this recent project file."""
    new_chosen = Signal()
    """Start a new, empty design."""
    open_chosen = Signal()
    """Ask for a project file to open."""
    show_at_startup_changed = Signal(bool)
    """The "Show at start-up" box was ticked or unticked."""

    def __init__(self, lessons: list[Lesson], recent: list[str], show_at_startup: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self._done = False
        self.resize(900, 600)
        language = current_language()

        heading = QLabel(self.tr("Welcome to LayerLab"), objectName="welcomeHeading")
        heading.setFont(theme.font(7, bold=True))
        intro = QLabel(self.tr("Build PyTorch networks from blocks. What you see on the canvas is a real "
                               "<code>nn.Sequential</code>: its <code>print(net)</code>, its parameters and "
                               "their values. Start with a lesson, or pick up where you left off."))
        intro.setWordWrap(True)

        self.lessons = _list("welcomeLessons")
        for lesson in lessons:
            title = self.tr("{number}. {title}").format(number=lesson.number, title=lesson.title_in(language))
            self._add(self.lessons, title, lesson.summary_in(language), lesson)
        self.lessons.itemActivated.connect(self._lesson)
        self.lessons.itemClicked.connect(self._lesson)

        self.recent = _list("welcomeRecent")
        for path in recent:
            self._add(self.recent, Path(path).name, str(Path(path).parent), path)
        self.recent.itemActivated.connect(self._recent)
        self.recent.itemClicked.connect(self._recent)
        no_recent = QLabel(self.tr("Projects you save or open will be listed here."), objectName="welcomeNoRecent")
        no_recent.setWordWrap(True)
        no_recent.setStyleSheet(f"color: {theme.muted().name()};")
        no_recent.setVisible(not recent)
        self.recent.setVisible(bool(recent))

        new = QPushButton(self.tr("New empty design"), objectName="welcomeNew")
        new.clicked.connect(lambda: self._chosen(self.new_chosen.emit))
        open_button = QPushButton(self.tr("Open a project…"), objectName="welcomeOpen")
        open_button.clicked.connect(lambda: self._chosen(self.open_chosen.emit))

        self.show_at_startup = QCheckBox(self.tr("Show at start-up"), objectName="welcomeShowAtStartup")
        self.show_at_startup.setChecked(show_at_startup)
        self.show_at_startup.setToolTip(self.tr("Help → Welcome shows this screen at any time"))
        self.show_at_startup.toggled.connect(self.show_at_startup_changed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self._section(self.tr("Lessons")))
        left.addWidget(self.lessons, 1)
        right = QVBoxLayout()
        right.addWidget(self._section(self.tr("Recent projects")))
        right.addWidget(self.recent, 1)
        right.addWidget(no_recent)
        right.addStretch(0 if recent else 1)
        right.addWidget(new)
        right.addWidget(open_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(12)
        columns.addLayout(right, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_at_startup)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self.setWindowTitle(self.tr("Welcome to LayerLab"))
        self.lessons.setFocus()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setFont(theme.font(1, bold=True))
        return label

    @staticmethod
    def _add(widget: QListWidget, first: str, second: str, data: object) -> None:
        item = QListWidgetItem(widget)
        item.setData(ROLE, data)
        item.setToolTip(second)
        widget.setItemWidget(item, _two_lines(first, second))

    def _chosen(self, emit) -> None:
        if self._done:  # a click and an activation of one item (platforms that activate on one click) open once
            return
        self._done = True
        self.accept()
        emit()

    def _lesson(self, item: QListWidgetItem) -> None:
        self._chosen(lambda: self.lesson_chosen.emit(item.data(ROLE)))

    def _recent(self, item: QListWidgetItem) -> None:
        self._chosen(lambda: self.recent_chosen.emit(item.data(ROLE)))


__all__ = ["WelcomeDialog"]
