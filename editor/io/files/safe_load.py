"""Reading ``.pt`` files without ever running code in them.

Every read goes through :func:`safe_torch_load`: ``torch.load(f,
weights_only=True, map_location="cpu")`` and nothing else: no pickled modules,
no ``add_safe_globals``, no ``pickle_module``. Before it, the file is checked
without being read (:mod:`~editor.io.files.limits`: a regular file whose
declared contents fit in memory), and the read is stopped once it runs longer
than a file of its size needs (:mod:`~editor.io.files.deadline`). Whatever goes wrong becomes a
:class:`ProjectFileError` with its own clear message in LayerLab's words;
torch's text is kept in the error's ``detail``.
"""

from __future__ import annotations

import io
import pickle
import pickletools
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import torch

from editor.io.errors import ProjectFileError
from editor.io.files.deadline import ReadTooLong, read_seconds, within
from editor.io.files.limits import FILE, MAX_PICKLE, check_archive, check_file, format_bytes, is_zip, shown
from editor.model.words import say


def check_readable(path: Path, what: str = FILE) -> None:
    """Raise a clear :class:`ProjectFileError` when ``path`` is not a readable regular file that fits in memory."""
    check_file(Path(path), what)


def safe_torch_load(path: Path, what: str = FILE, max_pickle: int = MAX_PICKLE) -> Any:
    """``torch.load(path, weights_only=True, map_location="cpu")``, with every failure explained.

    Before torch reads anything: the path must be a regular file (not a
    folder, pipe or device), the file and its zip entries' declared sizes
    must fit in memory, and its description part (``data.pkl``) must be at most
    ``max_pickle`` bytes and fit in memory once unpickled (:mod:`~editor.io.files.limits`). The read itself
    may take :func:`~editor.io.files.deadline.read_seconds` of that part's size.
    """
    path = Path(path)
    info = check_file(path, what)
    described, declared = check_archive(path, info.st_size, max_pickle)
    name = shown(path)
    seconds = read_seconds(described, declared)

    def load() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.load(path, weights_only=True, map_location="cpu")

    try:
        return within(seconds, load)
    except ReadTooLong:
        raise ProjectFileError(say("{name} took more than {seconds} s to read, far longer than any file torch.save "
                                   "writes of its size ({size} of description) takes, so LayerLab stopped reading it: "
                                   "it may be built to hang whatever opens it. If it is yours, open it on a faster "
                                   "machine.", name=name, seconds=f"{seconds:.0f}", size=format_bytes(described)),
                               "slow", str(path)) from None
    except Exception as exc:
        error = _explain(exc, path, name)
        error.detail = f"{type(exc).__name__}: {exc}"[:2000]
        raise error from None


_CODE_OPCODES = {ord(c) for c in "icoRb"} | {0x81, 0x82, 0x83, 0x84, 0x92, 0x93}
"""Pickle opcodes that import or call something (INST, GLOBAL, OBJ, REDUCE, BUILD, NEWOBJ, EXT*, NEWOBJ_EX,
STACK_GLOBAL): a file that needs them would run code if it were unpickled without ``weights_only``."""

_CODE_TEXTS = ("reduce for unrecognized function", "Can only create new object", "Can only build",
               "whose module", "must be imported to load")
_DOTTED = re.compile(r"[A-Za-z_][\w.]{0,79}")
PEEK = 1 << 20
"""Bytes of a pickle read to tell one that asks for code from a damaged one."""


def _blocked(text: str, path: Path) -> str | None:
    """What the weights-only unpickler refused, when it refused something that would run code: a name or ""."""
    found = re.search(r"(?:unsupported|Unsupported global:) GLOBAL ([\w.]{1,80})", text)
    if found:
        return found.group(1)
    operand = re.search(r"Unsupported operand (\d+)", text)
    if operand and int(operand.group(1)) in _CODE_OPCODES:
        return _asks_code(_pickle_bytes(path), chr(int(operand.group(1))))
    return "" if any(words in text for words in _CODE_TEXTS) else None


def _pickle_bytes(path: Path) -> bytes:
    """The start of the pickle torch read: the archive's ``data.pkl``, or the file itself (legacy format)."""
    try:
        if is_zip(path):
            with zipfile.ZipFile(path) as archive:
                entry = next(e for e in archive.infolist() if e.filename.rpartition("/")[2] == "data.pkl")
                with archive.open(entry) as handle:
                    return handle.read(PEEK)
        with open(path, "rb") as handle:
            return handle.read(PEEK)
    except (OSError, StopIteration, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return b""


def _asks_code(data: bytes, code: str) -> str | None:
    """When ``data`` holds well-formed pickles up to one with a ``code`` opcode: the callable it names there (""
    when it names none); None when ``data`` is damaged before that (random bytes are not a request to run code).

    ``pickletools.dis`` checks each pickle's stack and marks; a legacy torch file is several pickles in a row.
    """
    start = 0
    for _ in range(8):
        chunk = data[start:]
        try:
            with warnings.catch_warnings():  # a stranger's STRING opcode may hold bad escapes: nothing to warn about
                warnings.simplefilter("ignore", DeprecationWarning)
                ops = list(pickletools.genops(chunk))
                pickletools.dis(chunk, out=io.StringIO())
        except Exception:  # any failure means "not a well-formed pickle"
            return None
        for op, arg, _ in ops:
            if op.code == code:
                module, _, name = str(arg).partition(" ") if op.name in ("INST", "GLOBAL") else ("", "", "")
                return f"{module}.{name}" if _DOTTED.fullmatch(module) and _DOTTED.fullmatch(name) else ""
        start += ops[-1][2] + 1  # past this pickle's STOP
    return None


NUMPY_ARRAY = frozenset(f"numpy.{core}.multiarray.{name}" for core in ("core", "_core")
                        for name in ("_reconstruct", "scalar"))
"""What a pickled NumPy array or scalar asks for first (refused all the same, with words that fit)."""


def _explain(exc: Exception, path: Path, name: str) -> ProjectFileError:
    """The clear message for a failed ``torch.load``, in LayerLab's words (torch's own text goes to ``detail``)."""
    text = str(exc)
    if isinstance(exc, pickle.UnpicklingError) or "Weights only load failed" in text:
        blocked = _blocked(text, path)
        if blocked is not None:
            if blocked in NUMPY_ARRAY:  # torch.save of a NumPy array: a learner's own file, most likely
                message = say("{name} holds a NumPy array or number ({code}), not a tensor. LayerLab does not read "
                              "NumPy objects from files (their pickles could run code), and nothing in it ran: save "
                              "torch.from_numpy(array) or torch.tensor(number) instead.", name=name, code=blocked)
            elif blocked:
                message = say("{name} asks to run Python code ({code}) when it is opened. LayerLab refused to open "
                              "it, and nothing in it ran. Only open .pt files from sources you trust.",
                              name=name, code=blocked)
            else:
                message = say("{name} asks to run Python code when it is opened. LayerLab refused to open it, and "
                              "nothing in it ran. Only open .pt files from sources you trust.", name=name)
            return ProjectFileError(message,
                                    "code", str(path))
        if "Weights only load failed" in text and "Unsupported operand" in text and is_zip(path):
            return ProjectFileError(say("{name} holds data in a form LayerLab does not read (it may come from "
                                        "another program); nothing in it ran. Save it again with torch.save of "
                                        "tensors and dicts.", name=name), "unsupported", str(path))
    if isinstance(exc, PermissionError):
        return ProjectFileError(say("LayerLab has no permission to read {name}.", name=name), "permission", str(path))
    if allocation_failure(exc):
        return ProjectFileError(say("{name} is too large to open with the memory this machine has free. Close other "
                                    "programs, or open it on a machine with more memory.",
                                    name=name), "memory", str(path))
    if not is_zip(path):  # every .pt torch writes today is a zip archive
        return ProjectFileError(say("{name} is not a PyTorch .pt file (its contents cannot be read as one).",
                                    name=name),
                                "not_torch", str(path))
    missing = re.search(r"failed locating file ([\w./-]{1,80})", text)
    if missing:
        return ProjectFileError(say("{name} is incomplete: the part {part!r} is missing from it. "
                                    "It may have been damaged while copying.",
                                    name=name, part=missing.group(1)), "incomplete", str(path))
    if isinstance(exc, (EOFError, zipfile.BadZipFile)) or "central directory" in text or "zip archive" in text:
        return ProjectFileError(say("{name} is damaged or truncated: it is not a complete PyTorch file. "
                                    "If it was copied or downloaded, try again.", name=name), "truncated", str(path))
    if isinstance(exc, OSError):
        return ProjectFileError(say("{name} could not be read: {why}.",
                                    name=name, why=exc.strerror[:80] if exc.strerror else say("the system refused")),
                                "os",
                                str(path))
    return ProjectFileError(say("{name} is damaged: PyTorch could not read its contents. If it was copied or "
                                "downloaded, try again, or open an earlier copy.", name=name), "damaged", str(path))


def allocation_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is an allocation that failed (Python's, or torch's CPU allocator)."""
    lowered = str(exc).lower()
    return isinstance(exc, MemoryError) or (isinstance(exc, RuntimeError) and (
        "can't allocate memory" in lowered or "out of memory" in lowered or "not enough memory" in lowered))
