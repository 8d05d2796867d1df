"""Autosave and recovery: unsaved work survives a crash or ``kill -9``.

After a minute with unsaved changes, when the user is not in the middle of a
gesture, the project is written (atomically) to the platform's app-data
folder, next to a small JSON note naming the process and the original file.
A clean exit or a save removes both. On the next start, notes left by
processes that are no longer running are offered for recovery.

:class:`Autosave` follows a :class:`~editor.ui.window.session.Session`: its
undo stack says when there is unsaved work, and a save or another project
makes the autosave obsolete.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from editor.io.errors import ProjectFileError
from editor.io.files.project_file import save_payload, to_payload
from editor.ui.jobs import JobRunner, plain_message
from editor.ui.window.session import Session

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
    """Writes the session's project to the autosave folder after a quiet minute with unsaved changes."""

    def __init__(self, session: Session, parent: QObject | None = None, folder: Path | None = None,
                 delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = folder or autosave_folder()
        self.session_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"  # names this run's files
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.save_now)
        self.jobs = JobRunner(self)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.undo_stack.indexChanged.connect(self._changed)
        # A save, or another project, leaves nothing to recover.
        session.saved.connect(self.discard)
        session.project_replaced.connect(self.discard)

    @property
    def data_path(self) -> Path:
        return self.folder / f"{self.session_id}.pt"

    @property
    def note_path(self) -> Path:
        return self.folder / f"{self.session_id}.json"

    def _changed(self, *args: object) -> None:
        if not self.session.undo_stack.isClean() and not self.timer.isActive():
            self.timer.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()

    def save_now(self) -> bool:
        """Write the autosave (postponed while a mouse button is held). True when written here and now.

        Big projects are written by a worker thread, so the window never stalls.
        """
        if self.session.undo_stack.isClean() or self.jobs.busy:
            return False
        if QApplication.mouseButtons():
            self.timer.start(RETRY_MS)
            return False
        project = self.session.project
        payload = to_payload(project)  # taken here, on the GUI thread, between edits
        source = str(self.session.file_path) if self.session.file_path else None
        if project.parameter_bytes() >= BIG_FILE:
            self._write_in_background(payload, source)
            return False
        return self._write(payload, source)

    def _write(self, payload: dict, source: str | None) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_payload(payload, self.data_path)
            self._write_note(source)
        except (ProjectFileError, OSError) as exc:
            self.session.show_message(f"Autosave failed: {exc}")
            return False
        return True

    def _write_note(self, source: str | None) -> None:
        note = {"pid": os.getpid(), "data": self.data_path.name, "saved_at": time.time(), "source": source}
        self.note_path.write_text(json.dumps(note), encoding="utf-8")

    def _write_in_background(self, payload: dict, source: str | None) -> None:
        folder, path = self.folder, self.data_path  # read here, on the GUI thread

        def write(context: object) -> None:
            folder.mkdir(parents=True, exist_ok=True)
            save_payload(payload, path)

        self.jobs.submit(write, on_done=lambda _: self._written(source),
                         on_error=lambda message: self.session.show_message(f"Autosave failed: {message}"))

    def _written(self, source: str | None) -> None:
        try:
            self._write_note(source)
        except OSError as exc:
            self.session.show_message(f"Autosave failed: {plain_message(exc)}")

    def discard(self, *args: object) -> None:
        """Remove this run's autosave (after a save or a clean exit)."""
        self.timer.stop()
        self.jobs.cancel_all()  # a write under way finishes (its note is never written), then the files go
        self.jobs.wait()
        for path in (self.data_path, self.note_path):
            with contextlib.suppress(OSError):
                path.unlink()
