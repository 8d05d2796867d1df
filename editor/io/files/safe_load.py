"""Reading ``.pt`` files without ever running code in them.

Every read goes through :func:`safe_torch_load`: ``torch.load(f,
weights_only=True, map_location="cpu")`` and nothing else: no pickled modules,
no ``add_safe_globals``, no ``pickle_module``. Whatever goes wrong becomes a
:class:`ProjectFileError` with its own clear message.
"""

from __future__ import annotations

import os
import pickle
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import torch

from editor.io.errors import ProjectFileError


def check_readable(path: Path, what: str = "file") -> None:
    """Raise a clear :class:`ProjectFileError` when ``path`` cannot be read as a file."""
    try:
        _check_readable(path, what)
    except OSError as exc:
        raise ProjectFileError(f"{str(path)[:200]} cannot be opened: {exc.strerror or exc}.", "os",
                               str(path)) from None


def _check_readable(path: Path, what: str) -> None:
    name = str(path)
    if not path.exists():
        raise ProjectFileError(f"There is no {what} at {name}. Check the name and folder.", "missing", name)
    if path.is_dir():
        raise ProjectFileError(f"{name} is a folder, not a {what}. Choose a .pt file inside it.", "directory", name)
    if not os.access(path, os.R_OK):
        raise ProjectFileError(f"LayerLab has no permission to read {name}. Check the file's permissions.",
                               "permission", name)
    if not path.is_file():
        raise ProjectFileError(f"{name} is not a regular file (it may be a device or a pipe). Choose a .pt file.",
                               "not_file", name)
    if path.stat().st_size == 0:
        raise ProjectFileError(f"{name} is empty (0 bytes): it was probably not saved completely. "
                               f"If it was an autosave, look for an older copy.", "empty", name)


def _looks_like_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def safe_torch_load(path: Path, what: str = "file") -> Any:
    """``torch.load(path, weights_only=True, map_location="cpu")``, with every failure explained."""
    check_readable(path, what)
    name = str(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.load(path, weights_only=True, map_location="cpu")
    except Exception as exc:
        raise _explain(exc, path, name) from None


def _explain(exc: Exception, path: Path, name: str) -> ProjectFileError:
    """The clear message for a failed ``torch.load``."""
    if isinstance(exc, pickle.UnpicklingError):
        text = str(exc)
        blocked = re.search(r"unsupported GLOBAL ([\w.]+)", text) or re.search(r"Unsupported global: GLOBAL ([\w.]+)",
                                                                               text)
        if blocked:
            return ProjectFileError(
                f"{name} asks to run Python code ({blocked.group(1)}) when it is opened. LayerLab refused to open "
                f"it, and nothing in it ran. Only open .pt files from sources you trust.", "code", name)
    if isinstance(exc, PermissionError):
        return ProjectFileError(f"LayerLab has no permission to read {name}.", "permission", name)
    if isinstance(exc, MemoryError):
        return ProjectFileError(f"{name} is too large to open with the memory this machine has free.", "memory", name)
    if not _looks_like_zip(path):  # every .pt torch writes today is a zip archive
        return ProjectFileError(f"{name} is not a PyTorch .pt file (its contents cannot be read as one).",
                                "not_torch", name)
    text = str(exc)
    missing = re.search(r"failed locating file ([\w./-]+)", text)
    if missing:
        return ProjectFileError(f"{name} is incomplete: the part {missing.group(1)!r} is missing from it. "
                                f"It may have been damaged while copying.", "incomplete", name)
    if isinstance(exc, (EOFError, zipfile.BadZipFile)) or "central directory" in text or "zip archive" in text:
        return ProjectFileError(f"{name} is damaged or truncated: it is not a complete PyTorch file. "
                                f"If it was copied or downloaded, try again.", "truncated", name)
    if isinstance(exc, OSError):
        return ProjectFileError(f"{name} could not be read: {exc.strerror or exc}.", "os", name)
    first = text.splitlines()[0][:160] if text else "no details"
    return ProjectFileError(f"{name} is damaged and could not be read ({type(exc).__name__}: {first}).", "damaged",
                            name)
