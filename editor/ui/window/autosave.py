"""Autosave and recovery: unsaved work survives a crash or ``kill -9``.

After a minute with unsaved changes, when the user is not in the middle of a
gesture, the project is written (atomically) to the platform's app-data
folder, next to a small JSON note naming the process and the original file.
A clean exit or a save removes both. On the next start, notes left by
processes that are no longer running are offered for recovery.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QThread, QTimer
from PySide6.QtWidgets import QApplication

from editor.io.errors import ProjectFileError
from editor.io.files.project_file import save_payload, to_payload

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

DELAY_MS = 60_000
BIG_FILE = 64 * 1024 * 1024
RETRY_MS = 5_000


def autosave_folder() -> Path:
    """Where autosaves live: the platform's app-data folder for LayerLab."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".layerlab") / "autosave"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


@dataclass
class Recoverable:
    """An autosave left behind by a LayerLab that did not exit cleanly."""

    data: Path
    note: Path
    source: str | None
    saved_at: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        return f"{Path(self.source).name if self.source else 'an untitled project'}, autosaved {when}"

    def discard(self) -> None:
        for path in (self.data, self.note):
            with contextlib.suppress(OSError):
                path.unlink()


def find_recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Autosaves whose process is gone (a crash, a kill), newest first."""
    folder = folder or autosave_folder()
    found = []
    for note in folder.glob("*.json"):
        try:
            meta = json.loads(note.read_text(encoding="utf-8"))
            pid, data = int(meta["pid"]), folder / str(meta["data"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _alive(pid) or not data.is_file():
            continue
        found.append(Recoverable(data, note, meta.get("source"), float(meta.get("saved_at", 0))))
    return sorted(found, key=lambda r: -r.saved_at)


class Autosave(QObject):
    """Writes the window's project to the autosave folder after a quiet minute with unsaved changes."""

    def __init__(self, window: MainWindow, folder: Path | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder or autosave_folder()
        self.session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.save_now)
        self._thread: QThread | None = None
        self._worker: QObject | None = None
        window.undo_stack.cleanChanged.connect(self._clean_changed)
        window.undo_stack.indexChanged.connect(self._changed)

    @property
    def data_path(self) -> Path:
        return self.folder / f"{self.session}.pt"

    @property
    def note_path(self) -> Path:
        return self.folder / f"{self.session}.json"

    def _changed(self, *args: object) -> None:
        if not self.window.undo_stack.isClean() and not self.timer.isActive():
            self.timer.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()

    def save_now(self) -> bool:
        """Write the autosave (postponed while a mouse button is held). True when written here and now.

        Big projects are written by a worker thread, so the window never stalls.
        """
        if self.window.undo_stack.isClean() or self._thread is not None:
            return False
        if QApplication.mouseButtons():
            self.timer.start(RETRY_MS)
            return False
        project = self.window.project
        payload = to_payload(project)  # taken here, on the GUI thread, between edits
        source = str(self.window.file_path) if self.window.file_path else None
        if project.param_bytes() >= BIG_FILE:
            self._write_in_background(payload, source)
            return False
        return self._write(payload, source)

    def _write(self, payload: dict, source: str | None) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_payload(payload, self.data_path)
            self._write_note(source)
        except (ProjectFileError, OSError) as exc:
            self.window.show_message(f"Autosave failed: {exc}")
            return False
        return True

    def _write_note(self, source: str | None) -> None:
        note = {"pid": os.getpid(), "data": self.data_path.name, "saved_at": time.time(), "source": source}
        self.note_path.write_text(json.dumps(note), encoding="utf-8")

    def _write_in_background(self, payload: dict, source: str | None) -> None:
        from editor.ui.window.files import _Worker

        def job() -> None:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_payload(payload, self.data_path)

        thread = QThread(self)
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(lambda result, error: self._written(source, error))
        worker.done.connect(thread.quit)
        thread.finished.connect(self._thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def _written(self, source: str | None, error: BaseException | None) -> None:
        if error is None:
            try:
                self._write_note(source)
            except OSError as exc:
                error = exc
        if error is not None:
            self.window.show_message(f"Autosave failed: {error}")

    def _thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        self._thread, self._worker = None, None

    def discard(self) -> None:
        """Remove this session's autosave (after a save or a clean exit)."""
        self.timer.stop()
        if self._thread is not None:  # let a background write finish before removing its file
            self._thread.quit()
            self._thread.wait()
        for path in (self.data_path, self.note_path):
            with contextlib.suppress(OSError):
                path.unlink()
