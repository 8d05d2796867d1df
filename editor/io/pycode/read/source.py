"""Reading a ``.py`` file's text safely: a regular file, of a sensible size, in UTF-8, checked before reading.

A FIFO or ``/dev/zero`` would block or never end, and a huge file would be read
whole before any check; both are refused with a clear
:class:`~editor.io.errors.ProjectFileError` before a byte is read.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import TextIO

from editor.io.errors import ProjectFileError
from editor.io.pycode.read.values import MAX_SOURCE
from editor.model.words import format_bytes, say

MAX_SOURCE_BYTES = 4 * MAX_SOURCE
"""The largest Python file read: as many bytes as :data:`MAX_SOURCE` characters can take in UTF-8 (a model
definition is a few kilobytes; the reader then counts characters)."""


def read_source(path: Path | str) -> str:
    """The text of the Python file at ``path``."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise ProjectFileError(say("cannot read {path}: {reason}.",
                                   path=path, reason=exc.strerror or exc), "os", str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        what = say("a folder") if stat.S_ISDIR(info.st_mode) else say("not a regular file (a device, pipe or socket)")
        raise ProjectFileError(say("{path} is {what}. Choose a .py file.",
                                   path=path, what=what), "not_a_file", str(path))
    if info.st_size > MAX_SOURCE_BYTES:
        raise ProjectFileError(say("{path} is {size}; LayerLab reads Python code of up to {limit:,} "
                                   "characters. Is it really a model definition?",
                                   path=path.name, size=format_bytes(info.st_size), limit=MAX_SOURCE), "too_big",
                               str(path))
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise ProjectFileError(say("cannot read {path}: {reason}.",
                                   path=path, reason=exc.strerror or exc), "os", str(path)) from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise ProjectFileError(say("{path} grew past {limit} while it was read.",
                                   path=path.name, limit=format_bytes(MAX_SOURCE_BYTES)),
                               "too_big", str(path))
    return _decode(raw, path.name, str(path))


def read_stream(stream: TextIO | None = None, name: str = "<stdin>") -> str:
    """Python source from a stream (standard input), at most :data:`MAX_SOURCE` characters of it."""
    stream = stream if stream is not None else sys.stdin
    text = stream.read(MAX_SOURCE + 1)
    if len(text) > MAX_SOURCE:
        raise ProjectFileError(say("{name} holds more than {limit:,} characters of text; is it really a "
                                   "model definition?",
                                   name=name, limit=MAX_SOURCE), "too_big", name)
    return text


def _decode(raw: bytes, name: str, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(say("{name} is not UTF-8 text (byte {start}), so it is not Python code LayerLab can "
                                   "read: save it as UTF-8.", name=name, start=exc.start), "encoding", where) from None
