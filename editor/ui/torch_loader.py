"""Importing PyTorch on a background thread while the window is already up (no Qt here, and no torch).

``import torch`` takes about a second. :class:`TorchLoader` does it on its own
thread, started once the window has painted, in two steps:

1. **Map torch's shared libraries** (:func:`preload_torch_libraries`), the
   biggest part of the import that is not Python. It calls the C library's
   ``dlopen`` through ctypes, which releases the GIL for the call: the GUI
   thread stays free to handle events (and import the pure-Python modules
   torch needs) meanwhile. ``libraries_mapped`` is set when this step is over.
2. **Import** the modules it was given (torch, and the editor's parts that
   need it), then an optional warm-up. Imports hold the GIL in bursts; the
   GUI thread is mostly idle by then.

Why not earlier, while Qt loads and the window is built? The dynamic loader
maps one library at a time in a process, so torch's half a gigabyte of
libraries held up the Qt modules and plugins the window needs; started
after the last of those (once the QApplication exists), it still delayed the
first paint by 0.1-0.3 s on a busy 2-core machine and did not make the editor
live sooner (measured with ``bench/startup.py``).
"""

from __future__ import annotations

import ctypes
import importlib
import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

_log = logging.getLogger(__name__)


def torch_library_folder() -> Path | None:
    """Where the installed torch keeps its shared libraries (found without importing it), or None."""
    try:
        spec = importlib.util.find_spec("torch")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        lib = Path(folder) / "lib"
        if lib.is_dir():
            return lib
    return None


def preload_torch_libraries(folder: Path | None = None) -> list[str]:
    """Map torch's shared libraries into the process without holding the GIL; returns the ones mapped.

    Linux only (elsewhere, and under ``TORCH_USE_RTLD_GLOBAL``, it maps
    nothing). The flags are the ones torch itself uses: its global
    dependencies with ``RTLD_GLOBAL``, the rest local; ``import torch`` later
    finds them mapped. A library that does not load is left for the import to
    report in its own words.
    """
    if not sys.platform.startswith("linux") or os.environ.get("TORCH_USE_RTLD_GLOBAL"):
        return []
    folder = folder if folder is not None else torch_library_folder()
    if folder is None:
        return []
    try:
        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen
    except (OSError, AttributeError):
        return []
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    mapped = []
    for name, flags in (("libtorch_global_deps.so", os.RTLD_NOW | os.RTLD_GLOBAL),
                        ("libtorch_python.so", os.RTLD_NOW | os.RTLD_LOCAL)):  # with libtorch, libtorch_cpu, libc10
        path = folder / name
        if path.is_file() and dlopen(os.fsencode(path), flags):  # a foreign call: the GIL is released meanwhile
            mapped.append(name)
    return mapped


class TorchLoader:
    """Maps torch's libraries, then imports ``modules`` and calls ``warm_up`` (``"module:function"``); on a thread.

    ``done`` is set when it finished; ``error`` then holds what went wrong
    (None when all imported). Callbacks given to :meth:`when_done` run on the
    loader's thread (or at once, on the caller's, when it is done already).
    """

    def __init__(self, modules: Sequence[str] = ("torch",), warm_up: str | None = None) -> None:
        self.modules = tuple(modules)
        self.warm_up = warm_up
        self.done = threading.Event()
        self.libraries_mapped = threading.Event()
        """Set once step 1 is over (the libraries are mapped, or mapping was skipped): imports come next."""
        self.ahead_lock = threading.Lock()
        """Held by whoever imports modules ahead on another thread while step 1 runs; step 2 starts once it is free,
        so that two threads never import at once (each could wait for a module the other is half-way through)."""
        self.error: BaseException | None = None
        self.mapped: list[str] = []
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        self._thread = threading.Thread(target=self._run, name="layerlab-torch-loader", daemon=True)

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def start(self) -> None:
        """Start loading (again: nothing)."""
        with self._lock:
            if self._thread.ident is None:
                self._thread.start()

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the loader finished (on its thread), or now if it has."""
        with self._lock:
            if not self.done.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def _run(self) -> None:
        try:
            try:
                self.mapped = preload_torch_libraries()
            finally:
                self.libraries_mapped.set()
            with self.ahead_lock:  # an import ahead that began before the mapping ended finishes first
                pass
            for name in self.modules:
                importlib.import_module(name)
            if self.warm_up:
                module, _, function = self.warm_up.partition(":")
                getattr(importlib.import_module(module), function)()
        except BaseException as exc:  # said to the learner by whoever waits for it
            _log.exception("PyTorch could not be loaded")
            self.error = exc
        with self._lock:
            self.done.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()
