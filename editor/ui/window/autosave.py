"""Autosave and recovery: unsaved work survives a crash or ``kill -9``.

After a minute with unsaved changes, when the user is not in the middle of a
gesture, the project is written (atomically) to the platform's app-data
folder, next to a small JSON note naming the process and the original file.
A clean exit or a save removes both. On the next start, notes left by
processes that are no longer running are offered for recovery; recovered
work stays on disk (this run adopts it, :meth:`Autosave.adopt`) until it is
saved again, so a second crash cannot lose it.

Everything in the folder is treated as untrusted: a note may name only a
plain ``.pt`` file right inside the folder (no other folder, no link), and
anything else is ignored, so recovering or discarding never reads or deletes
a file elsewhere.

:class:`Autosave` follows a :class:`~editor.ui.window.session.Session`: its
undo stack says when there is unsaved work, and a save or another project
makes the autosave obsolete.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from editor.io.errors import ProjectFileError
from editor.io.files.atomic import atomic_write
from editor.io.files.project_file import save_payload, to_payload
from editor.ui.i18n import model_text, translate
from editor.ui.jobs import JobRunner, plain_message
from editor.ui.window.session import Session

DELAY_MS = 60_000
BIG_FILE = 64 * 1024 * 1024
RETRY_MS = 5_000
NOTE_BYTES = 64 * 1024
"""A note is a few hundred bytes; anything much bigger is not one of ours."""


def autosave_folder() -> Path:
    """Where autosaves live: the platform's app-data folder for LayerLab."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".layerlab") / "autosave"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (so its autosave is not ours to take)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would *terminate* the process there
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # type: ignore[attr-defined]  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def confined(folder: Path, name: object) -> Path | None:
    """``folder / name`` when ``name`` is a plain ``.pt`` file name of a regular file right inside ``folder``.

    None for anything else: another folder ("../x.pt", an absolute path), a
    symbolic link (wherever it points), a missing file, a folder.
    """
    if not isinstance(name, str) or not name.endswith(".pt") or Path(name).name != name or name.startswith(".."):
        return None
    path = folder / name
    try:
        if path.is_symlink() or not path.is_file() or path.resolve().parent != folder.resolve():
            return None
    except (OSError, RuntimeError):
        return None
    return path


def _source(value: object) -> str | None:
    """The project file a note names: an absolute path to a .pt (or .pth) file, else None (untitled).

    A recovered project is later saved to its source, so a note must not make it any other kind of file.
    """
    if isinstance(value, str) and value and "\0" not in value:
        path = Path(value)
        if path.is_absolute() and path.suffix.lower() in (".pt", ".pth"):
            return value
    return None


@dataclass
class Recoverable:
    """An autosave left behind by a LayerLab that did not exit cleanly."""

    data: Path
    note: Path
    source: str | None
    saved_at: float

    def describe(self) -> str:
        try:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        except (OverflowError, OSError, ValueError):
            return translate("Autosave", "{name}, autosaved at an unknown time").format(name=self._name())
        return translate("Autosave", "{name}, autosaved {when}").format(name=self._name(), when=when)

    def _name(self) -> str:
        return Path(self.source).name if self.source else translate("Autosave", "an untitled project")

    def discard(self) -> None:
        """Delete the autosave and its note (only ever inside the note's own folder)."""
        folder = self.note.parent
        for path in (self.data, self.note):
            with contextlib.suppress(OSError, RuntimeError):
                if path.parent.resolve() == folder.resolve():
                    path.unlink()


def _read_note(note: Path, folder: Path) -> Recoverable | None:
    """The autosave ``note`` describes, or None when it is not a well-formed note confined to ``folder``."""
    try:
        if note.is_symlink() or not note.is_file() or note.stat().st_size > NOTE_BYTES:
            return None
        meta = json.loads(note.read_text(encoding="utf-8"))
        pid = meta["pid"]
        saved_at = float(meta.get("saved_at", 0))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid < 2**31:
        return None
    data = confined(folder, meta.get("data"))
    if data is None or _alive(pid):
        return None
    return Recoverable(data, note, _source(meta.get("source")), saved_at if math.isfinite(saved_at) else 0.0)


def find_recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Autosaves whose process is gone (a crash, a kill), newest first; notes that point elsewhere are ignored."""
    folder = folder or autosave_folder()
    found = [item for note in sorted(folder.glob("*.json")) if (item := _read_note(note, folder)) is not None]
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
        self._edits = 0  # counts changes, so that an autosave that is still current is not written again
        self._written: int | None = None  # the count the files on disk hold (None: no autosave)
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

    @property
    def current(self) -> bool:
        """Whether the autosave on disk holds the work as it is now."""
        return self._written == self._edits and self.data_path.is_file() and self.note_path.is_file()

    def _changed(self, *args: object) -> None:
        self._edits += 1
        if not self.session.undo_stack.isClean() and not self.timer.isActive():
            self.timer.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()
        elif not self.timer.isActive():  # e.g. recovered work, which is unsaved without any edit
            self.timer.start()

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
        if project.parameter_totals().allocated >= BIG_FILE:
            self._write_in_background(payload, source, self._edits)
            return False
        return self._write(payload, source)

    def write_now(self) -> bool:
        """Write unsaved work at once, here on the GUI thread, whatever its size (after an unexpected error).

        True when the autosave holds the work as it is now (also when it already
        did, or when nothing is unsaved); False when it could not be written.
        Unexpected errors (a project left in a state that cannot be written)
        are raised for the caller to report.
        """
        if self.session.undo_stack.isClean() or self.current:
            return True
        self.jobs.cancel_all()  # an older background write: this one supersedes it
        self.jobs.wait()
        source = str(self.session.file_path) if self.session.file_path else None
        return self._write(to_payload(self.session.project), source)

    def _write(self, payload: dict, source: str | None) -> bool:
        edits = self._edits
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_payload(payload, self.data_path)
            self._write_note(source)
        except (ProjectFileError, OSError) as exc:
            self.session.show_message(self.tr("Autosave failed: {reason}").format(
                reason=model_text(plain_message(exc))))
            return False
        self._written = edits
        return True

    def _write_note(self, source: str | None) -> None:
        note = json.dumps({"pid": os.getpid(), "data": self.data_path.name, "saved_at": time.time(),
                           "source": source})
        atomic_write(self.note_path, lambda temp: Path(temp).write_text(note, encoding="utf-8"))

    def _write_in_background(self, payload: dict, source: str | None, edits: int) -> None:
        folder, path = self.folder, self.data_path  # read here, on the GUI thread

        def write(context: object) -> None:
            folder.mkdir(parents=True, exist_ok=True)
            save_payload(payload, path)

        self.jobs.submit(write, on_done=lambda _: self._written_by_worker(source, edits),
                         on_error=lambda message: self.session.show_message(
                             self.tr("Autosave failed: {reason}").format(reason=model_text(message))))

    def _written_by_worker(self, source: str | None, edits: int) -> None:
        try:
            self._write_note(source)
        except (ProjectFileError, OSError) as exc:
            self.session.show_message(self.tr("Autosave failed: {reason}").format(
                reason=model_text(plain_message(exc))))
            return
        self._written = edits

    def adopt(self, item: Recoverable) -> bool:
        """Keep recovered work on disk as this run's autosave, until it is saved again (call after opening it).

        The recovered file is moved (not copied) to this run's name, behind a
        note of this run, and the timer starts at once: if LayerLab stops
        again before the work is saved, it is offered again on the next start.
        False when it could not be moved (it then stays where it was, still
        recoverable, and the next autosave writes a copy of this run's own).
        """
        data = confined(item.data.parent, item.data.name)
        adopted = False
        if data is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._write_note(str(self.session.file_path) if self.session.file_path else None)
                os.replace(data, self.data_path)  # from here on, this run's note is the one that counts
                adopted = True
            except (ProjectFileError, OSError):
                with contextlib.suppress(OSError):
                    self.note_path.unlink()
        if adopted:
            with contextlib.suppress(OSError):
                item.note.unlink()
            self._written = self._edits
        self.timer.start()
        return adopted

    def discard(self, *args: object) -> None:
        """Remove this run's autosave (after a save or a clean exit)."""
        self.timer.stop()
        self.jobs.cancel_all()  # a write under way finishes (its note is never written), then the files go
        self.jobs.wait()
        self._written = None
        for path in (self.data_path, self.note_path):
            with contextlib.suppress(OSError):
                path.unlink()
