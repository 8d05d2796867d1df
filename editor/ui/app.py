"""Starting the GUI: the QApplication, the main window, the log and the error handler, and offscreen screenshots."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui import collector, feature_scan, icons, theme
from editor.ui.screenshots import ScreenshotError, Shot, prepare, shoot


def application() -> QApplication:
    """The QApplication (created once, with LayerLab's name, icon, style and language)."""
    app = QApplication.instance()
    if app is None:
        feature_scan.install()  # before torch imports: PySide6 looks at each module imported after it
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("LayerLab")
        app.setOrganizationName("LayerLab")
        app.setStyle(theme.make_style())  # Fusion, with check boxes that stay visible on a dark palette
        theme.follow_system()  # the desktop's light or dark look (LAYERLAB_THEME chooses where it cannot say)
        app.setWindowIcon(icons.app_icon())
        collector.install(app)  # reference cycles are collected on this thread only: Qt objects die here
        from editor.ui.window.language import apply_saved_language

        apply_saved_language()  # the language chosen in View → Language, or the system's
    return app  # type: ignore[return-value]


def _window(project_path: Path | None, example: str | None = None, interactive: bool = True):
    """The main window with a project file or an example loaded.

    Without ``interactive`` (screenshots) a file that cannot be opened or shown
    raises ``ProjectFileError`` instead of showing a dialog nobody could answer.
    """
    from editor.io.files.project_file import open_project
    from editor.model.examples import EXAMPLES
    from editor.ui.window.main_window import MainWindow

    window = MainWindow()
    if project_path is not None:
        if interactive:
            window.file_actions.open_path(project_path, ask=False)
        else:
            from editor.io.errors import ProjectFileError

            failures: list[str] = []  # said on stderr, not in a dialog nobody could answer
            window.session.open_failed.disconnect(window.file_actions.show_open_failed)
            window.session.open_failed.connect(failures.append)
            if not window.set_project(open_project(project_path).project, Path(project_path).resolve()):
                raise ProjectFileError(failures[-1], "not_shown", str(project_path))
    elif example is not None:
        window.set_project(EXAMPLES[example](0))
    return window


def run(project_path: Path | None = None, example: str | None = None, lesson: int | None = None) -> int:
    """Open LayerLab (with a project file, an example design or a lesson, if given) and run until the window closes.

    The window shows at once and PyTorch loads meanwhile (see
    :mod:`editor.ui.startup`); the project opens, and recovery and the
    welcome screen are offered, once the editor is live. From the first
    moment, warnings and errors go to a rotating log in the app-data folder,
    and errors nobody expected are handled by a
    :class:`~editor.ui.window.crash.CrashHandler`: logged, unsaved work
    autosaved, a calm dialog, and the app goes on.
    """
    from editor.ui.startup import Startup
    from editor.ui.window.crash import CrashHandler
    from editor.ui.window.error_log import ErrorLog

    app = application()
    error_log = ErrorLog()
    error_log.start()
    crash = CrashHandler()
    crash.install()
    try:
        try:
            startup = Startup(project_path, share_threads=True)
        except Exception:
            logging.getLogger(__name__).exception("LayerLab could not start")
            raise
        startup.live.connect(lambda: _when_live(startup.window, crash, project_path is None, example, lesson))
        startup.show()
        return app.exec()
    finally:
        crash.uninstall()
        error_log.stop()


def _when_live(window, crash, welcome: bool, example: str | None = None, lesson: int | None = None) -> None:
    """The editor is live: watch its session for crashes, offer recovery, open the example or lesson asked for on
    the command line, else offer the welcome screen on a first start."""
    from editor.ui.window.recovery import offer_recovery

    crash.watch(window.session, window.autosave, window)
    try:
        offer_recovery(window.session, window.autosave, window)
    except Exception:  # the autosaves stay where they are; the window is usable
        crash.handle(sys.exc_info())  # type: ignore[arg-type]
    if example is not None:
        window.file_actions.open_example(example)
    elif lesson is not None:
        problem = window.lesson_actions.open_number(lesson)
        if problem:
            print(f"layerlab: {problem}", file=sys.stderr)
            window.session.show_message(problem)
    elif welcome:
        window.lesson_actions.welcome_at_start()  # the first start (until turned off), never in tests


def screenshot(out: Path, project_path: Path | None = None, example: str = "cnn", shot: Shot | None = None) -> int:
    """Render the main window offscreen (1400×900 unless ``shot`` says otherwise) with a design loaded; save a PNG.

    ``shot`` chooses what the picture shows (see :mod:`editor.ui.screenshots`):
    a lesson, the selection, a tab, a run, the language, light or dark, and
    which part of the window is saved. A problem is said on stderr (status 1).
    """
    from editor.io.errors import ProjectFileError
    from editor.model.examples import EXAMPLES

    shot = shot or Shot()
    app = application()
    try:
        if example not in EXAMPLES:
            raise ScreenshotError(f"{example!r} is not an example: choose one of {', '.join(EXAMPLES)}.")
        prepare(shot)
        window = _window(project_path, example if project_path is None else None, interactive=False)
        ok = shoot(window, shot, out)
    except (ProjectFileError, ScreenshotError) as exc:
        print(f"layerlab: {exc}", file=sys.stderr)
        return 1
    app.processEvents()
    if not ok:
        print(f"layerlab: could not write the screenshot {out}", file=sys.stderr)
    return 0 if ok else 1
