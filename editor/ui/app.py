"""Starting the GUI: the QApplication, the main window, and offscreen screenshots."""

from __future__ import annotations

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

    Without ``interactive`` (screenshots) a file that cannot be opened raises
    ``ProjectFileError`` instead of showing a dialog nobody could answer.
    """
    from editor.io.files.project_file import open_project
    from editor.model.examples import EXAMPLES
    from editor.ui.window.main_window import MainWindow

    window = MainWindow()
    if project_path is not None:
        if interactive:
            window.file_actions.open_path(project_path, ask=False)
        else:
            window.set_project(open_project(project_path).project, Path(project_path).resolve())
    elif example is not None:
        window.set_project(EXAMPLES[example](0))
    return window


def offer_recovery(window) -> None:
    """After a crash or a kill, offer the autosaved work of the last session."""
    from PySide6.QtWidgets import QMessageBox

    from editor.io.errors import ProjectFileError
    from editor.io.files.project_file import open_project
    from editor.ui.window.autosave import find_recoverable

    for item in find_recoverable():
        answer = QMessageBox.question(
            window, "Recover unsaved work?",
            f"LayerLab did not close properly last time. Recover {item.describe()}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                opened = open_project(item.data)
            except ProjectFileError as exc:
                QMessageBox.warning(window, "Could not recover", str(exc))
                continue
            window.set_project(opened.project, Path(item.source) if item.source else None)
            window.mark_recovered()
        item.discard()
        break


def run(project_path: Path | None = None) -> int:
    """Open LayerLab (with a project file, if given) and run until the window closes."""
    app = application()
    window = _window(project_path)
    window.show()
    offer_recovery(window)
    return app.exec()


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
