"""Starting the GUI: the QApplication, the main window, the log and the error handler, and offscreen screenshots."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui import icons


def application() -> QApplication:
    """The QApplication (created once, with LayerLab's name, icon and style)."""
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("LayerLab")
        app.setOrganizationName("LayerLab")
        app.setStyle("Fusion")
        app.setWindowIcon(icons.app_icon())
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


def run(project_path: Path | None = None) -> int:
    """Open LayerLab (with a project file, if given) and run until the window closes.

    From the first moment, warnings and errors go to a rotating log in the
    app-data folder, and errors nobody expected are handled by a
    :class:`~editor.ui.window.crash.CrashHandler`: logged, unsaved work
    autosaved, a calm dialog, and the app goes on.
    """
    from editor.ui.window.crash import CrashHandler
    from editor.ui.window.error_log import ErrorLog
    from editor.ui.window.recovery import offer_recovery

    app = application()
    error_log = ErrorLog()
    error_log.start()
    crash = CrashHandler()
    crash.install()
    try:
        try:
            window = _window(project_path)
        except Exception:
            logging.getLogger(__name__).exception("LayerLab could not start")
            raise
        crash.watch(window.session, window.autosave, window)
        window.show()
        try:
            offer_recovery(window.session, window.autosave, window)
        except Exception:  # the autosaves stay where they are; the window is usable
            crash.handle(sys.exc_info())  # type: ignore[arg-type]
        return app.exec()
    finally:
        crash.uninstall()
        error_log.stop()


def screenshot(out: Path, project_path: Path | None = None, example: str = "cnn") -> int:
    """Render the main window offscreen at 1400×900 with a design loaded, save it as PNG."""
    from editor.io.errors import ProjectFileError

    app = application()
    try:
        window = _window(project_path, example if project_path is None else None, interactive=False)
    except ProjectFileError as exc:
        print(f"layerlab: {exc}", file=sys.stderr)
        return 1
    window.resize(1400, 900)
    window.show()
    for _ in range(5):
        app.processEvents()
    blocks = [node for _, node in window.project.walk() if getattr(node, "layer", None) is not None]
    window.view.verticalScrollBar().setValue(0)
    visible = [b for b in blocks if window.view.mapFromScene(
        window.scene.items_by_node[b].sceneBoundingRect().bottomLeft()).y() < window.view.viewport().height()]
    if visible:  # show the inspector for a block the screenshot also shows, preferring one with "auto" values
        window.scene.select_nodes([next((b for b in reversed(visible) if b.layer.auto), visible[-1])])
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(str(out))
    window.undo_stack.setClean()
    window.close()
    return 0 if ok else 1
