"""Errors nobody expected: logged, unsaved work autosaved, one calm dialog, and LayerLab goes on.

:class:`CrashHandler` takes over ``sys.excepthook`` (where PySide6 sends the
exceptions raised in slots and in overridden Qt methods such as
``paintEvent``) and ``threading.excepthook``. For each unexpected error it

1. writes the report (versions and traceback) to the log
   (:class:`~editor.ui.window.error_log.ErrorLog`);
2. writes unsaved work to the autosave at once, on the GUI thread
   (:meth:`~editor.ui.window.autosave.Autosave.write_now`), so that nothing is
   lost even if the process dies next;
3. shows the error dialog (:func:`show_error_dialog`, which tests replace)
   and then lets the event loop go on: the app keeps running.

Errors raised in other threads are logged where they happen and handled on
the GUI thread. An error raised while one is being handled (in the dialog's
event loop, or in the handler itself) is logged and counted in the open
dialog, never handled recursively. A flood makes one dialog: an error seen
before, or more than :data:`MAX_DIALOGS` in :data:`FLOOD_SECONDS`, gets only
a line in the status bar.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from editor.ui.i18n import translate
from editor.ui.window.error_dialog import ErrorDialog
from editor.ui.window.error_log import ExcInfo, active_log, error_report

if TYPE_CHECKING:  # installed before torch is imported (see editor.ui.startup): these need it
    from editor.ui.window.autosave import Autosave
    from editor.ui.window.session import Session

MAX_DIALOGS = 3
FLOOD_SECONDS = 60.0

_log = logging.getLogger(__name__)



def _work_again(work: str) -> str:
    """What became of the work after another error (``work``: see :meth:`CrashHandler.summary`)."""
    return {"none": "", "clean": translate("CrashHandler", "There are no unsaved changes."),
            "saved": translate("CrashHandler", "Your unsaved work is autosaved."),
            "failed": translate("CrashHandler", "Your unsaved work could not be autosaved: save it now.")}[work]


class ErrorReport(QObject):
    """One unexpected error as the learner is told about it; :attr:`more` counts the errors that follow it."""

    more = Signal(int)
    """Another error happened while this one was shown (carries how many so far)."""

    def __init__(self, summary: str, details: str, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        """The plain sentence: what happened, and what became of the work."""
        self.details = details
        """The report for "Details" and "Copy report": versions and traceback."""
        self.log_path = log_path
        self.later = 0

    def count_another(self) -> None:
        self.later += 1
        self.more.emit(self.later)


def show_error_dialog(parent: QWidget | None, report: ErrorReport) -> None:
    """Show ``report`` in the error dialog until the learner closes it (tests replace this)."""
    dialog = ErrorDialog(report.summary, report.details, report.log_path, parent)
    report.more.connect(dialog.set_more)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def _signature(exc_info: ExcInfo) -> str:
    """What makes two errors "the same": the kind of error and the line that raised it."""
    frames = traceback.extract_tb(exc_info[2])
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{exc_info[0].__qualname__}@{where}"


class CrashHandler(QObject):
    """Handles every exception nobody caught: see the module's description.

    Create it early (before the window, so start-up errors are logged too),
    :meth:`watch` the window's session and autosave once they exist, and
    :meth:`install` it; :meth:`uninstall` puts the previous hooks back.
    """

    _posted = Signal(object, str)  # (exc_info, where) from another thread, handled on the GUI thread

    def __init__(self, session: Session | None = None, autosave: Autosave | None = None,
                 window: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.autosave, self.window = session, autosave, window
        self.errors = 0
        """How many unexpected errors happened while installed."""
        self._busy = False  # handling one now (an error meanwhile is counted, not handled)
        self._report: ErrorReport | None = None  # the report of the dialog that is open
        self._shown: set[str] = set()  # signatures of the errors a dialog was shown for
        self._dialogs: deque[float] = deque(maxlen=MAX_DIALOGS)  # when the last dialogs were shown
        self._hooks: tuple[Any, Any] | None = None
        self._posted.connect(self._handle_posted, Qt.ConnectionType.QueuedConnection)

    def watch(self, session: Session, autosave: Autosave, window: QWidget) -> None:
        """The work to keep safe (the session and its autosave) and the window to show dialogs over."""
        self.session, self.autosave, self.window = session, autosave, window

    # ------------------------------------------------------------ hooks
    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook``."""
        if self._hooks is None:
            self._hooks = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put back the hooks that were there before :meth:`install`."""
        if self._hooks is not None:
            sys.excepthook, threading.excepthook = self._hooks
            self._hooks = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: errors of the GUI thread (PySide6 routes slot errors here), or of a Qt worker."""
        if not issubclass(exc_type, Exception):  # KeyboardInterrupt, SystemExit: not ours to catch
            (self._hooks[0] if self._hooks else sys.__excepthook__)(exc_type, exc, tb)
            return
        if self._on_gui_thread():
            self.handle((exc_type, exc, tb))
        else:
            self._from_thread((exc_type, exc, tb), QThread.currentThread().objectName() or "a worker thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: errors that end a Python thread."""
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self._from_thread((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    def _from_thread(self, exc_info: ExcInfo, where: str) -> None:
        _log.error("Unexpected error in %s", where, exc_info=exc_info)  # here: the thread may not live long
        self._posted.emit(exc_info, where)

    def _handle_posted(self, exc_info: ExcInfo, where: str) -> None:
        self.handle(exc_info, where, logged=True)

    @staticmethod
    def _on_gui_thread() -> bool:
        app = QCoreApplication.instance()
        return app is None or QThread.currentThread() is app.thread()

    # ---------------------------------------------------------- handling
    def handle(self, exc_info: ExcInfo, where: str = "", logged: bool = False) -> None:
        """Log the error, keep the work safe, and tell the learner (on the GUI thread). Never raises."""
        self.errors += 1
        if not logged:
            _log.error("Unexpected error%s", f" in {where}" if where else "", exc_info=exc_info)
        if self._busy:  # raised while one is handled: the open dialog counts it
            if self._report is not None:
                self._report.count_another()
            return
        self._busy = True
        try:
            work = self._keep_work_safe()
            if self._report is None and self._dialog_wanted(_signature(exc_info)):
                self._show(exc_info, where, work)
            elif self.session is not None:
                parts = [self.tr("Another unexpected error happened ({count} so far).").format(count=self.errors),
                         _work_again(work), self.tr("The details are in the log.")]
                self.session.show_message(" ".join(part for part in parts if part))
        except Exception:  # the handler itself failed: say it the old way rather than not at all
            _log.exception("The error handler failed")
            sys.__excepthook__(*exc_info)
        finally:
            self._busy = False

    def _keep_work_safe(self) -> str:
        """Autosave unsaved work now: "none" (no project yet), "clean", "saved" or "failed"."""
        session, autosave = self.session, self.autosave
        if session is None or autosave is None or not session.has_project:
            return "none"
        if session.undo_stack.isClean():
            return "clean"
        try:
            return "saved" if autosave.write_now() else "failed"
        except Exception:  # the project may be in a state that cannot be written: the dialog must say so
            _log.exception("The autosave after an unexpected error failed")
            return "failed"

    @staticmethod
    def summary(work: str) -> str:
        """The dialog's plain sentence: what happened, and what became of the work (``work``: see above)."""
        return {
            "none": translate("CrashHandler", "Something went wrong in LayerLab before any project was open, so no "
                              "work is affected."),
            "clean": translate("CrashHandler", "Something went wrong in LayerLab. Your work is safe: there were no "
                               "unsaved changes."),
            "saved": translate("CrashHandler", "Something went wrong in LayerLab. Your work is safe: your unsaved "
                               "changes were autosaved just now, so even if LayerLab had to close, it would offer "
                               "them back at the next start."),
            "failed": translate("CrashHandler", "Something went wrong in LayerLab, and your unsaved changes could "
                                "not be autosaved. Save them now with File → Save As…, under a new name to be safe."),
        }[work]

    def _dialog_wanted(self, signature: str) -> bool:
        """A dialog for an error not seen before, unless there were already :data:`MAX_DIALOGS` this minute."""
        now = time.monotonic()
        flood = len(self._dialogs) == MAX_DIALOGS and now - self._dialogs[0] < FLOOD_SECONDS
        if signature in self._shown or flood:
            return False
        self._shown.add(signature)
        self._dialogs.append(now)
        return True

    def _show(self, exc_info: ExcInfo, where: str, work: str) -> None:
        window = self.window if self.window is not None and isValid(self.window) else None
        report = ErrorReport(self.summary(work), error_report(exc_info, where), active_log(), self)
        self._report = report
        try:
            show_error_dialog(window, report)
        finally:
            self._report = None
            report.deleteLater()
