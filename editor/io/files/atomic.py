"""Writing files so that a crash, a kill or a full disk never costs the previous version.

The data goes to a temporary file in the same folder, which is flushed and
fsynced, then ``os.replace``d over the target in one step. Until that step
the old file is untouched; after it the new one is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from editor.io.errors import ProjectFileError


def _explain(exc: OSError, path: Path) -> ProjectFileError:
    name = str(path)
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return ProjectFileError(f"The disk is full, so {name} could not be saved. Free some space or save "
                                f"somewhere else; the previous file (if any) is unchanged.", "disk_full", name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ProjectFileError(f"LayerLab has no permission to write {name}. Choose another folder; the "
                                f"previous file (if any) is unchanged.", "permission", name)
    if exc.errno == errno.ENOENT:
        return ProjectFileError(f"The folder of {name} does not exist. Choose an existing folder.", "missing", name)
    if exc.errno == errno.EISDIR:
        return ProjectFileError(f"{name} is a folder; choose a file name.", "directory", name)
    return ProjectFileError(f"{name} could not be saved: {exc.strerror or exc}. The previous file (if any) is "
                            f"unchanged.", "os", name)


def atomic_write(path: Path, write: Callable[[str], None]) -> None:
    """Write ``path`` by calling ``write(temporary_path)``, then replacing ``path`` with the result.

    ``write`` gets a path rather than a file object because torch.save writes a
    path much faster than a Python file object.
    """
    temp_name = None
    try:
        path = _target(Path(path))
        folder = path.parent if str(path.parent) else Path(".")
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving", dir=folder)
        os.close(fd)
        write(temp_name)
        fd = os.open(temp_name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp_name, path.stat().st_mode & 0o777)
        os.replace(temp_name, path)
        temp_name = None
        _sync_folder(folder)
    except OSError as exc:
        raise _explain(exc, path) from None
    except RuntimeError as exc:  # torch.save reports write failures as RuntimeError
        if _low_on_space(Path(path).parent):
            raise ProjectFileError(f"The disk is full, so {path} could not be saved. Free some space or save "
                                   f"somewhere else; the previous file (if any) is unchanged.", "disk_full",
                                   str(path)) from None
        raise ProjectFileError(f"{path} could not be saved ({str(exc).splitlines()[0][:160]}). The previous file "
                               f"(if any) is unchanged.", "os", str(path)) from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _target(path: Path) -> Path:
    """The file to write: a symlink's target (the link stays a link); refuse folders and devices."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise ProjectFileError(f"{path} is a folder; choose a file name.", "directory", str(path))
    if path.exists() and not path.is_file():
        raise ProjectFileError(f"{path} is not a regular file (it may be a device or a pipe); choose a file name.",
                               "not_file", str(path))
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
