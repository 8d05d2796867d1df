"""Writing files so that a crash, a kill or a full disk never costs the previous version.

The data goes to a temporary file in the same folder, which is flushed and
fsynced, then ``os.replace``d over the target in one step. Until that step
the old file is untouched; after it the new one is complete.

The result behaves like any other program's file: a new file gets the mode
the umask gives (the temporary file is created with ``0o666`` and the kernel
applies the umask, unlike ``mkstemp``'s ``0o600``); a replaced file keeps its
mode (and group, where allowed). The temporary file is called
``.NAME.PID-TOKEN.saving``: a save killed halfway leaves it behind, and the
next save to that folder removes such leftovers (:func:`remove_stale`): those
of processes that no longer run, and any untouched for an hour.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from editor.io.errors import ProjectFileError
from editor.io.files.limits import shown
from editor.model.words import say


def _explain(exc: OSError, path: Path) -> ProjectFileError:
    name = shown(path)
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return ProjectFileError(f"The disk is full, so {name} could not be saved. Free some space or save "
                                f"somewhere else; the previous file (if any) is unchanged.", "disk_full", str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ProjectFileError(f"LayerLab has no permission to write {name}. Choose another folder; the "
                                f"previous file (if any) is unchanged.", "permission", str(path))
    if exc.errno == errno.ENOENT:
        return ProjectFileError(f"The folder of {name} does not exist. Choose an existing folder.", "missing",
                                str(path))
    if exc.errno == errno.EISDIR:
        return ProjectFileError(f"{name} is a folder; choose a file name.", "directory", str(path))
    if exc.errno == errno.ENAMETOOLONG:
        return ProjectFileError(f"The name {name} is too long to save under. Choose a shorter name.", "os", str(path))
    return ProjectFileError(f"{name} could not be saved: {(exc.strerror or 'the system refused')[:80]}. The "
                            f"previous file (if any) is unchanged.", "os", str(path))


SUFFIX = ".saving"
STALE_AFTER = 60 * 60
"""Seconds after which a temporary file nobody touched is left over, whoever's it is (a live process's too)."""

_NAMED = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d{1,10})-(?P<token>[0-9a-f]{8,32})\.saving$")
_LEGACY = re.compile(r"^\.(?P<target>.+)\.(?P<token>[a-z0-9_]{8})\.saving$")  # mkstemp's, by older versions
_ACTIVE: set[str] = set()  # absolute paths of the temporary files this process is writing now: never stale
_ACTIVE_LOCK = threading.Lock()


def atomic_write(path: Path, write: Callable[[str], None]) -> None:
    """Write ``path`` by calling ``write(temporary_path)``, then replacing ``path`` with the result.

    ``write`` gets the temporary file's path (the file exists, empty). To write
    it with ``torch.save``, open it with :func:`rewrite`, not by its path.
    """
    if "\x00" in str(path):  # no system call takes one (Python raises ValueError)
        raise ProjectFileError(say("The file name contains a NUL character, which no file name can hold. Choose "
                                   "another name."), "os", str(path).replace("\x00", "\\0"))
    temp_name = None
    started = time.time()
    try:
        path = _target(Path(path))
        folder = path.parent if str(path.parent) else Path(".")
        temp_name = _open_new(folder, path.name)
        write(temp_name)
        fd = os.open(temp_name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        _keep_mode(path, temp_name)
        os.replace(temp_name, path)
        _release(temp_name)
        temp_name = None
        _sync_folder(folder)
        remove_stale(folder, started)
    except OSError as exc:
        raise _explain(exc, path) from None
    except RuntimeError as exc:  # torch.save reports write failures as RuntimeError
        if _low_on_space(Path(path).parent):
            raise ProjectFileError(say("The disk is full, so {file} could not be saved. Free some space or save "
                                       "somewhere else; the previous file (if any) is unchanged.",
                                       file=shown(path)), "disk_full",
                                   str(path)) from None
        raise ProjectFileError(say("{file} could not be saved: writing it failed. The previous file (if any) is "
                                   "unchanged.", file=shown(path)), "os", str(path), detail=str(exc)[:2000]) from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            _release(temp_name)


@contextlib.contextmanager
def rewrite(target: str) -> Iterator[BinaryIO]:
    """``target`` opened for writing without truncating it first; whatever is left after the new bytes is cut off.

    ``torch.save(obj, path)`` opens ``path`` with ``O_TRUNC``. On ext4, truncating a file to
    size 0 marks it as "replaced by truncation" (``auto_da_alloc``): closing it then starts the
    write-back of every dirty page, about 100 ms for 400 MB, inside torch's C++ close, which
    holds the GIL, so the window stalls while a big project saves. ``torch.save(obj, file)``
    with this file writes the same records (only the zip's folder is named ``archive/``, not after the
    file), and the close is Python's (the GIL released).
    """
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(fd, "wb") as file:
        yield file
        file.truncate()


def _open_new(folder: Path, name: str) -> str:
    """Create an empty temporary file ``.NAME.PID-TOKEN.saving`` in ``folder``; its mode is what the umask gives.

    ``os.open(..., 0o666)`` lets the kernel apply the umask (and a folder's
    default ACL), as it does for any program's new file; ``mkstemp`` would make
    it ``0o600`` whatever the umask says.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temp_name = str(folder / f".{name}.{os.getpid()}-{secrets.token_hex(4)}{SUFFIX}")
        with _ACTIVE_LOCK:  # before it exists, so no other thread's cleanup takes it for a leftover
            _ACTIVE.add(os.path.abspath(temp_name))
        try:
            fd = os.open(temp_name, flags, 0o666)
        except FileExistsError:
            _release(temp_name)
            continue
        except BaseException:
            _release(temp_name)
            raise
        os.close(fd)
        return temp_name
    raise OSError(errno.EEXIST, "could not find a free name for a temporary file")


def _release(temp_name: str) -> None:
    with _ACTIVE_LOCK:
        _ACTIVE.discard(os.path.abspath(temp_name))


def _keep_mode(path: Path, temp_name: str) -> None:
    """Give the temporary file the mode (and group, where allowed) of the file it is about to replace."""
    try:
        info = os.stat(path)
    except OSError:
        return  # a new file: the umask's mode, as created
    with contextlib.suppress(OSError):
        os.chmod(temp_name, stat.S_IMODE(info.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            os.chown(temp_name, -1, info.st_gid)


def remove_stale(folder: Path, started: float | None = None) -> list[str]:
    """Remove temporary files that killed saves left in ``folder``; the names removed.

    A temporary file is left over when no save of this process is writing it
    and either the process named in it no longer runs (and it is older than
    ``started``, the current save's start), or nobody touched it for
    :data:`STALE_AFTER` seconds. Files of other names, links and folders are
    never touched; a file that cannot be removed is left alone.
    """
    started = time.time() if started is None else started
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(SUFFIX)):
            continue
        try:
            if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                continue
            if _is_stale(entry.path, entry.name, entry.stat(follow_symlinks=False).st_mtime, started):
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _is_stale(full: str, name: str, mtime: float, started: float) -> bool:
    with _ACTIVE_LOCK:
        if os.path.abspath(full) in _ACTIVE:
            return False
    named = _NAMED.match(name)
    if named is None:
        return _LEGACY.match(name) is not None and time.time() - mtime > STALE_AFTER / 6
    if time.time() - mtime > STALE_AFTER:
        return True
    pid = int(named.group("pid"))
    return mtime < started and (pid == os.getpid() or not _running(pid))


def _running(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine (one we may not signal runs too)."""
    if os.name == "nt":
        return True  # os.kill(pid, 0) would send Ctrl+C there: rely on the file's age instead
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _target(path: Path) -> Path:
    """The file to write: a symlink's target (the link stays a link); refuse folders and devices."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise ProjectFileError(say("{file} is a folder; choose a file name.", file=shown(path)), "directory", str(path))
    if path.exists() and not path.is_file():
        raise ProjectFileError(say("{file} is not a regular file (it may be a device or a pipe); choose a file "
                                   "name.", file=shown(path)), "not_file", str(path))
    return path


def _low_on_space(folder: Path, margin: int = 16 * 1024 * 1024) -> bool:
    try:
        return shutil.disk_usage(folder).free < margin
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
