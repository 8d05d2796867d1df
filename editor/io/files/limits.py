"""What is checked about a file before a byte of it is read: that it is a regular file, and that it fits.

A stranger's ``.pt`` can be a folder, a FIFO that blocks forever, ``/dev/zero``
that never ends, or a zip archive whose 1 MB of deflated zeros declares a
1 GiB tensor. :func:`check_file` looks at ``stat`` only; :func:`check_archive`
reads the zip's central directory (with :mod:`zipfile`, nothing extracted)
and bounds the declared, uncompressed size of its entries against the memory
this process could still allocate, before ``torch.load`` allocates any of it.
Every refusal is a :class:`ProjectFileError` that gives the numbers.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from editor.io.errors import ProjectFileError
from editor.model.catalog import build
from editor.model.words import say

MAX_NAME = 60
"""Characters of a file name shown in a message; longer names keep their end (the file's own name)."""

BOMB_FLOOR = 64 * 2**20
"""A compressed zip entry may declare this much without question (torch.save itself never compresses)."""

MAX_EXPANSION = 50
"""Beyond :data:`BOMB_FLOOR`, how many times its packed size a compressed entry may declare.

Real weights deflate by a few percent at most; only long runs of one value
expand further, which is what a zip bomb is made of.
"""

MAX_PICKLE = 64 * 2**20
"""The largest description part (``data.pkl``) of a .pt archive read: a design of 10,000 blocks needs about 2 MiB,
one of 90,000 about 18 MiB (and takes some 20 s to open).

Unpickling it is the one part of a read whose work the file's size does not bound: torch's
``weights_only`` unpickler is pure Python (about a microsecond a byte), and a pickle of nothing but
empty lists or sets grows 90 to 220 times in memory.
"""

TENSOR_PICKLE = 2**20
"""The same for a file that should hold one tensor (the Run tab's input): its pickle is a few hundred bytes."""

PICKLE_FLOOR = 2**20
"""A description part up to this size is read without working out its memory first (at worst some 240 MiB)."""

PICKLE_BYTE_COST = 32
"""The most memory one byte of a pickle can become, in bytes, for the bytes not in :data:`PICKLE_OPCODE_COSTS`
(a reference to each value made, a number, a string, a small object a permitted class makes)."""

PICKLE_OPCODE_COSTS = {b"]": 80, b"}": 80, b"\x8f": 240, b"(": 80, b"t": 64, b"\x85": 64, b"\x86": 64, b"\x87": 80,
                       b"r": 96}
"""Bytes of memory the opcodes ``weights_only`` unpickles that make a container or a memo entry from a byte or two
can take each (empty list, dict, set; a mark's new stack; a tuple; a memo slot), counted wherever the byte stands
(inside a string too: the estimate only errs high)."""

ZIP_MAGIC = b"PK\x03\x04"

_KINDS = ((stat.S_ISFIFO, say("a pipe (FIFO)")), (stat.S_ISCHR, say("a character device")),
          (stat.S_ISBLK, say("a block device")), (stat.S_ISSOCK, say("a socket")))

FILE = say("file")
"""What :func:`check_file` calls the file in its messages unless told (``say("project file")``)."""


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` for a message: as given, or its last :data:`MAX_NAME` characters after an ellipsis."""
    text = str(path)
    return text if len(text) <= MAX_NAME else "…" + text[-(MAX_NAME - 1):]


def available_memory() -> int:
    """Bytes of memory this process could still allocate (the catalog's estimate, so both agree)."""
    return build.available_memory()


def format_bytes(count: float) -> str:
    """A byte count for people: ``1.0 KiB``, ``3.4 GiB``."""
    return build.format_bytes(count)


def check_file(path: Path, what: str = FILE) -> os.stat_result:
    """``stat`` of ``path`` when it is a readable, non-empty regular file that fits in memory; else a clear refusal.

    Nothing is opened: a FIFO would block, a device would never end.
    """
    name = shown(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise ProjectFileError(say("There is no {what} at {name}. Check the name and folder.",
                                   what=what, name=name), "missing",
                               str(path)) from None
    except PermissionError:
        raise ProjectFileError(say("LayerLab has no permission to read {name}. Check the file's permissions.",
                                   name=name),
                               "permission", str(path)) from None
    except (OSError, ValueError) as exc:
        why = say("the name is too long") if getattr(exc, "errno", None) == errno.ENAMETOOLONG else (
            getattr(exc, "strerror", None) or say("the name is not valid"))
        raise ProjectFileError(say("{name} cannot be opened: {why}. Choose another file.",
                                   name=name, why=why), "os", str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectFileError(say("{name} is a folder, not a {what}. Choose a .pt file inside it.",
                                   name=name, what=what), "directory",
                               str(path))
    if not stat.S_ISREG(info.st_mode):
        kind = next((words for test, words in _KINDS if test(info.st_mode)), say("not a regular file"))
        raise ProjectFileError(say("{name} is {kind}, not a {what}, so LayerLab did not read it. Choose a .pt file "
                                   "saved on disk.", name=name, kind=kind, what=what), "not_file", str(path))
    if not os.access(path, os.R_OK):
        raise ProjectFileError(say("LayerLab has no permission to read {name}. Check the file's permissions.",
                                   name=name),
                               "permission", str(path))
    if info.st_size == 0:
        raise ProjectFileError(say("{name} is empty (0 bytes): it was probably not saved completely. If it was an "
                                   "autosave, look for an older copy.", name=name), "empty", str(path))
    have = available_memory()
    if info.st_size > have:
        raise ProjectFileError(say("{name} is {size}, but only {have} of memory is "
                                   "free, so it cannot be opened here. Close other programs, or open it on a machine "
                                   "with more memory.",
                                   name=name, size=format_bytes(info.st_size),
                                   have=format_bytes(have)), "memory", str(path))
    return info


def is_zip(path: Path) -> bool:
    """Whether ``path`` starts like a zip archive (every .pt torch has written since 1.6 does)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == ZIP_MAGIC
    except OSError:
        return False


def check_archive(path: Path, size: int, max_pickle: int = MAX_PICKLE) -> tuple[int, int]:
    """Refuse a zip archive (``size`` bytes on disk) whose entries declare more than can be held in memory, or
    whose description part (``data.pkl``) is larger than ``max_pickle`` or would not fit in memory once unpickled.

    Reads the central directory only. An archive whose central directory
    cannot be read is damaged (torch could not read it either); one whose
    stored entries declare more than the file holds, or whose compressed
    entries expand like a zip bomb, is refused before anything is extracted.
    Files that are not zip archives (torch's legacy format) read no more than
    their own size, which :func:`check_file` bounded already.

    Returns the sizes of the description part and of everything the file unpacks to (a legacy file's whole size,
    twice): what the read's time is bounded by.
    """
    if not is_zip(path):
        return size, size
    name = shown(path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise ProjectFileError(say("{name} is damaged or truncated: it is not a complete PyTorch file. If it was "
                                   "copied or downloaded, try again.", name=name), "truncated", str(path)) from None
    declared = described = 0
    for entry in entries:
        unpacked, packed = max(entry.file_size, 0), max(entry.compress_size, 0)
        if entry.compress_type == zipfile.ZIP_STORED and unpacked > size:
            raise ProjectFileError(say("{name} is damaged: one of its parts claims {unpacked}, more than "
                                       "the whole file ({size}). If it was copied or downloaded, try "
                                       "again.", name=name, unpacked=format_bytes(unpacked), size=format_bytes(size)),
                                   "truncated", str(path))
        if entry.compress_type != zipfile.ZIP_STORED and unpacked > max(BOMB_FLOOR, MAX_EXPANSION * packed):
            raise ProjectFileError(say("{name} declares {unpacked} of data packed into "
                                       "{packed}, which torch.save never does: it looks like a zip "
                                       "bomb, so LayerLab did not open it.",
                                       name=name, unpacked=format_bytes(unpacked),
                                       packed=format_bytes(packed)), "bomb", str(path))
        declared += unpacked
        if entry.filename.rpartition("/")[2] == "data.pkl":
            _check_pickle(path, entry, max_pickle)
            described += unpacked
    have = available_memory()
    if declared > have:
        raise ProjectFileError(say("{name} unpacks to {declared}, but only {have} of memory "
                                   "is free, so LayerLab did not open it. Close other programs, or open it on a "
                                   "machine with more memory.",
                                   name=name, declared=format_bytes(declared),
                                   have=format_bytes(have)), "memory", str(path))
    return described, declared


def _check_pickle(path: Path, entry: zipfile.ZipInfo, limit: int) -> None:
    """Refuse a description part (``entry``) beyond ``limit`` bytes, one that names one of :data:`AMPLIFIERS`, or one
    that could outgrow the free memory (its bytes read once, not run)."""
    name = shown(path)
    unpacked = entry.file_size
    if unpacked > limit:
        size, most = format_bytes(unpacked), format_bytes(limit)
        if size == most:  # (1 byte over: the rounded sizes would read the same)
            size, most = f"{unpacked:,} B", f"{limit:,} B"
        raise ProjectFileError(say("{name} describes its contents in {size} (its data.pkl part), more than LayerLab "
                                   "reads in a file of this kind ({limit}; torch.save of a tensor writes a few hundred "
                                   "bytes there, and a design of 10,000 blocks about 2 MiB), so LayerLab did not open "
                                   "it.", name=name, size=size, limit=most),
                               "pickle", str(path))
    try:
        found, need = _scan(path, entry, search=True, count=unpacked > PICKLE_FLOOR)
    except _DAMAGED:  # torch's own read then fails, and says the file is damaged
        return
    if found is not None:
        called = found.group(1).decode("ascii", "replace").replace("\n", ".")
        raise ProjectFileError(say("{file} asks to call {name} while it is read, which no file torch.save or LayerLab "
                                   "writes does: it could fill the memory from a few bytes, so LayerLab did not open "
                                   "it.", file=name, name=called), "code", str(path))
    if unpacked <= PICKLE_FLOOR:
        return
    have = available_memory()
    if need > have:
        raise ProjectFileError(say("{name} describes its contents in {size}, which could take up to {need} of memory "
                                   "to read, but only {have} is free, so LayerLab did not open it. Close other "
                                   "programs, or open it on a machine with more memory.", name=name,
                                   size=format_bytes(unpacked), need=format_bytes(need), have=format_bytes(have)),
                               "memory", str(path))


def pickle_memory(path: Path, entry: zipfile.ZipInfo) -> int:
    """At most how many bytes of memory unpickling ``entry`` of the archive ``path`` can take (read, not run: the
    bytes that make containers are counted, 4 MiB at a time)."""
    return _scan(path, entry, search=False, count=True)[1]


def _scan(path: Path, entry: zipfile.ZipInfo, search: bool, count: bool) -> tuple[re.Match[bytes] | None, int]:
    """One read of ``entry``: with ``search``, the first of :data:`AMPLIFIERS` it names (the read stops there); with
    ``count``, the most memory unpickling it can take (see :func:`pickle_memory`)."""
    total, tail = 0, b""
    extra = dict.fromkeys(PICKLE_OPCODE_COSTS, 0)
    for chunk in _entry_chunks(path, entry):
        if search:
            found = AMPLIFIERS.search(tail + chunk)
            if found is not None:
                return found, 0
            tail = chunk[-80:]
        if count:
            total += len(chunk)
            for byte in extra:
                extra[byte] += chunk.count(byte)
    return None, total * PICKLE_BYTE_COST + sum(number * (PICKLE_OPCODE_COSTS[byte] - PICKLE_BYTE_COST)
                                                for byte, number in extra.items())


def _entry_chunks(path: Path, entry: zipfile.ZipInfo) -> Iterator[bytes]:
    """The bytes of ``entry``, 4 MiB at a time. A stored entry (torch's) is read as it lies in the file, after its
    local header: LayerLab saves without CRCs (``project_file.save_without_crc``; torch.load never checks them),
    and zipfile would refuse to read such an entry to its end."""
    if entry.compress_type != zipfile.ZIP_STORED:
        with zipfile.ZipFile(path) as archive, archive.open(entry) as handle:
            while chunk := handle.read(4 << 20):
                yield chunk
        return
    with open(path, "rb") as handle:
        handle.seek(entry.header_offset)
        header = handle.read(30)
        if len(header) < 30 or header[:4] != ZIP_MAGIC:
            return
        handle.seek(int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little"), os.SEEK_CUR)
        left = entry.file_size
        while left > 0 and (chunk := handle.read(min(left, 4 << 20))):
            left -= len(chunk)
            yield chunk


AMPLIFIERS = re.compile(rb"c(builtins\nbytearray|builtins\nset|builtins\nfrozenset|collections\nCounter"
                        rb"|torch\.storage\n(?:Untyped|Typed)Storage|torch(?:\.cuda)?(?:\.sparse)?\n\w+Tensor)\n")
"""GLOBAL opcodes naming what ``weights_only`` lets a pickle call although torch.save never writes it there, and
that makes memory from its arguments: ``bytearray(2**30)`` is a gigabyte from 30 bytes, ``torch.FloatTensor(n)``
and ``UntypedStorage(n)`` allocate, ``set`` and ``Counter`` copy a memoized list once per call. (``torch.Tensor``
and ``torch.Size``, which torch.save writes for a tensor with attributes and for a sparse one, and the storage
classes it names in every file, are not here: telling their calls from their uses needs the pickle's stack.)"""


_DAMAGED = (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, zlib.error)
"""What reading a damaged archive's entry raises."""
