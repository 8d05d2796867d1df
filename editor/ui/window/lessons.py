"""How a learner starts: the Lessons menu (``menuLessons``), the lesson panel's dock and the welcome screen.

Opening a lesson is opening its project file from ``resources/examples``
(after offering to save unsaved work), as an untitled copy: saving asks for a
name, so the lesson files are never overwritten. The lesson panel then shows
its text beside the inspector, and the bottom tab the lesson looks at comes
forward (:attr:`LessonActions.focus_wanted`). Opening anything else closes
the panel.

The welcome screen opens at start-up while "Show at start-up" is ticked (see
:func:`~editor.ui.window.settings.show_welcome_at_start`), and from Help →
Welcome. :meth:`LessonActions.welcome_at_start` is called by ``editor.ui.app.run``
only, so neither tests nor ``--screenshot`` ever see it unless they ask.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from editor.io.errors import ProjectFileError
from editor.io.lessons import Lesson, open_lesson_design, read_lessons
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.model.words import message_of
from editor.ui.dialogs.welcome import WelcomeDialog
from editor.ui.i18n import current_language, keep_translated, model_text, on_language_change
from editor.ui.panels.lesson_panel import LessonPanel
from editor.ui.window import files as file_dialogs
from editor.ui.window.files import FileActions, recent_files
from editor.ui.window.session import Session
from editor.ui.window.settings import set_show_welcome_at_start, show_welcome_at_start

_log = logging.getLogger(__name__)


class LessonActions(QObject):
    """The lessons of one window: their menu, the panel that shows the open one, and the welcome screen."""

    focus_wanted = Signal(str)
    """Bring this bottom tab forward ("parameters", "histogram", "code", "run" or "print")."""

    def __init__(self, session: Session, files: FileActions, parent: QMainWindow,
                 beside: QDockWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.files = files
        self.window = parent
        self.current: Lesson | None = None
        self._opening: Project | None = None
        try:
            self.lessons = read_lessons()
        except LayerLabError as exc:  # an incomplete installation: the editor works, the menu says why
            _log.warning("Lessons unavailable: %s", exc)
            self.lessons, self.problem = [], message_of(exc)
        else:
            self.problem = ""

        self.panel = LessonPanel()
        self.panel.design_requested.connect(self.open_lesson)
        self.panel.next_requested.connect(self.open_lesson)
        self.dock = QDockWidget(parent)
        self.dock.setObjectName("lessonDock")
        self.dock.setWidget(self.panel)
        parent.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.beside = beside
        if beside is not None:  # above the inspector (and the docks tabbed with it), which stay tabbed together
            tabbed = parent.tabifiedDockWidgets(beside)
            for other in tabbed:  # out of the tab group first: splitting a dock out of one leaves its old tab
                parent.removeDockWidget(other)  # bar shown where it was (Qt 6.11), over the bottom panels
            parent.splitDockWidget(self.dock, beside, Qt.Orientation.Vertical)
            for other in tabbed:
                parent.tabifyDockWidget(beside, other)
                other.show()
            beside.raise_()
        self.dock.hide()
        keep_translated(self.dock, self.dock.setWindowTitle, lambda: self.tr("Lesson"))

        self.menu = QMenu(parent)
        self.menu.setObjectName("menuLessons")
        keep_translated(self.menu, self.menu.setTitle, lambda: self.tr("&Lessons"))
        self.menu_actions: list[QAction] = []
        for lesson in self.lessons:
            action = self.menu.addAction("")
            action.setObjectName(f"actionLesson_{lesson.number}")
            action.triggered.connect(lambda checked=False, chosen=lesson: self.open_lesson(chosen))
            self.menu_actions.append(action)
        if self.problem:
            missing = self.menu.addAction(self.tr("The lessons are missing from this installation"))
            missing.setEnabled(False)
            keep_translated(missing, missing.setToolTip, lambda: model_text(self.problem))
        self.welcome = QAction(parent)
        self.welcome.setObjectName("actionWelcome")
        self.welcome.triggered.connect(self.show_welcome)
        keep_translated(self.welcome, self.welcome.setText, lambda: self.tr("&Welcome…"))
        self.session.project_replaced.connect(self._project_replaced)
        self.retranslate()
        on_language_change(self, self.retranslate)

    def install(self, menus: dict[str, QMenu]) -> None:
        """Put the Lessons menu before Help, Help → Welcome first in Help, and the panel's toggle in View."""
        self.window.menuBar().insertMenu(menus["help"].menuAction(), self.menu)
        help_menu = menus["help"]
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.welcome)
        help_menu.insertSeparator(first)
        if "view" in menus:
            views = menus["view"].actions()
            toggles = [a for a in views if a.isSeparator()]
            menus["view"].insertAction(toggles[1] if len(toggles) > 1 else None, self.dock.toggleViewAction())
        menus["lessons"] = self.menu

    def retranslate(self) -> None:
        language = current_language()
        for lesson, action in zip(self.lessons, self.menu_actions):
            action.setText(self.tr("{number}. {title}").format(number=lesson.number, title=lesson.title_in(language)))
            action.setStatusTip(lesson.summary_in(language))

    # ------------------------------------------------------------ lessons
    def after(self, lesson: Lesson) -> Lesson | None:
        """The lesson that follows ``lesson`` (None after the last)."""
        later = [other for other in self.lessons if other.number > lesson.number]
        return later[0] if later else None

    def open_lesson(self, lesson: Lesson, design: str | None = None) -> bool:
        """Open ``lesson``'s design (or one of its extras) after offering to save; show its text. False if not."""
        if not self.files.maybe_save():
            return False
        try:
            opened = open_lesson_design(lesson, design)
        except ProjectFileError as exc:
            file_dialogs.show_error(self.window, self.tr("Could not open the lesson"), exc)
            return False
        self._opening = opened.project
        try:
            if not self.session.set_project(opened.project):
                return False
        finally:
            self._opening = None
        self.current = lesson
        self.session.name_hint = lambda: self.tr("Lesson {number}: {title}").format(
            number=lesson.number, title=lesson.title_in(current_language()))
        self.session.file_changed.emit()  # the title bar names the lesson
        self.panel.show_lesson(lesson, self.after(lesson))
        if not self.dock.isVisible():
            self.dock.show()
            self.dock.raise_()
            self._make_room()
        if design in (None, lesson.design):
            if lesson.focus is not None:
                self.focus_wanted.emit(lesson.focus)
            if lesson.select is not None:
                try:
                    self.session.select_nodes([opened.project.node(lesson.select)])
                except LayerLabError:  # a path the design does not have: nothing to select
                    pass
        self.session.show_message(self.tr("Lesson {number}: {title}").format(
            number=lesson.number, title=lesson.title_in(current_language())))
        return True

    def open_number(self, number: int) -> str:
        """Open lesson ``number`` (``layerlab --lesson N``); "" or, when there is no such lesson, why, in a sentence.

        Kept work is asked about first, and a lesson that cannot be read says so in a dialog, as from the
        Lessons menu (see :meth:`open_lesson`); ``current`` then tells whether it opened.
        """
        chosen = [lesson for lesson in self.lessons if lesson.number == number]
        if not chosen:
            return self.tr("There is no lesson {number}: the lessons are numbered {numbers}.").format(
                number=number, numbers=", ".join(str(lesson.number) for lesson in self.lessons))
        self.open_lesson(chosen[0])
        return ""

    def _make_room(self) -> None:
        """Give the panel most of the column's height and a width its text reads well at."""
        if self.beside is not None and not self.dock.isFloating():
            height = self.dock.height() + self.beside.height()
            self.window.resizeDocks([self.dock, self.beside], [int(height * 0.68), int(height * 0.32)],
                                    Qt.Orientation.Vertical)
            self.window.resizeDocks([self.dock], [max(self.dock.width(), 400)], Qt.Orientation.Horizontal)

    def _project_replaced(self, project: Project) -> None:
        if project is not self._opening and self.current is not None:  # something else was opened: the lesson ends
            self.current = None
            self.panel.show_lesson(None)
            self.dock.hide()

    # ------------------------------------------------------------ welcome
    def show_welcome(self) -> WelcomeDialog:
        """Open the welcome screen over the window (it does not block; choosing something closes it)."""
        dialog = WelcomeDialog(self.lessons, recent_files(), show_welcome_at_start(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.lesson_chosen.connect(self.open_lesson)
        dialog.recent_chosen.connect(lambda path: self.files.open_path(Path(path)))
        dialog.new_chosen.connect(self.files.on_new)
        dialog.open_chosen.connect(self.files.on_open)
        dialog.show_at_startup_changed.connect(set_show_welcome_at_start)
        dialog.open()
        return dialog

    def welcome_at_start(self) -> WelcomeDialog | None:
        """At start-up: the welcome screen, unless it was turned off or a project is already open."""
        untouched = (self.session.file_path is None and len(self.session.project) == 0
                     and self.session.undo_stack.isClean())
        if not show_welcome_at_start() or not untouched:
            return None
        return self.show_welcome()


__all__ = ["LessonActions"]
