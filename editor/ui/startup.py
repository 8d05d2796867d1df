"""Start-up: the window first, then PyTorch, then the editor comes alive in the same window.

``import torch`` takes about a second, longer than Qt and the window
together. So :class:`Startup` shows the real main window at once, built from
torch-free parts (``MainWindow(wait_for_torch=True)``: the palette, a canvas
that takes drops, "Loading PyTorch…" panels). Once the window has painted, a
:class:`~editor.ui.torch_loader.TorchLoader` maps torch's libraries and
imports torch and the editor's torch parts on its thread, while the learner
can already search the palette and drop layers. The mapping does not hold the
GIL, so meanwhile the GUI thread imports, one module per turn of the event
loop, the pure-Python modules going live needs next (:data:`WHILE_MAPPING`).
Then, on the GUI thread, :meth:`MainWindow.go_live` builds the editor in
place, opens the file given on the command line and adds the blocks dropped
meanwhile as ordinary commands.

With ``LAYERLAB_STARTUP_TRACE=1`` it prints one line per milestone on stderr::

    layerlab-startup shown 81234.567890 torch=no
    layerlab-startup visible 81234.601234 torch=no      (the window's first paint)
    layerlab-startup torch-ready 81235.402345 ahead=11   (how many of WHILE_MAPPING were imported meanwhile)
    layerlab-startup live 81235.561234 stall_ms=12 blocks=3   (the editor's first paint, design shown)

Times are ``time.monotonic()``, which other processes on the machine share:
``bench/startup.py`` subtracts the moment it started the process.
``stall_ms`` is the longest the event loop went without turning between
``visible`` and ``live``.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from editor.ui import collector
from editor.ui.i18n import translate
from editor.ui.torch_loader import TorchLoader
from editor.ui.torch_threads import share_torch_threads
from editor.ui.window.main_window import MainWindow

_log = logging.getLogger(__name__)

TRACE = "LAYERLAB_STARTUP_TRACE"
"""Set to 1 to have the start-up milestones printed on stderr."""

LIVE_MODULES = ("torch", "editor.model.project.project", "editor.io.doors")
"""What the editor needs before it goes live, imported on the loader's thread in this order: no Qt in them.

Modules that touch Qt when imported (pyqtgraph rewrites Qt's enums; the ui's classes subclass Qt's)
must not be imported while the GUI thread runs the event loop: shiboken is not thread-safe there,
and the race crashed the app now and then at start-up. They are :data:`GUI_MODULES`.
"""

GUI_MODULES = ("editor.commands.runner", "editor.ui.window.live_parts")
"""Imported on the GUI thread once the loader is done, one per turn of the event loop (each a short pause).

pyqtgraph is not among them: the plots that use it (the Histogram and Run tabs, the Initialize
dialog) are hidden at start-up and import it when they are first shown.
"""

WARM_UP = "editor.ui.startup:warm_up"
"""Called on the loader's thread after the imports: work the GUI thread would otherwise do while going live."""


def warm_up() -> None:
    """Work the editor would otherwise do on the GUI thread the first time, done ahead on the loader's thread.

    Every object alive now (torch's modules, classes and functions: hundreds of thousands,
    kept for the life of the process) moves out of the garbage collector's sight with
    ``gc.freeze()``; otherwise the next full collection walks them all, and the first one falls
    while the editor is being built: a stall of 100-200 ms on the GUI thread, and again now and
    then afterwards. No collection first: it would hold the GIL, and the window, for as long.
    """
    gc.freeze()


def prepare_highlighter() -> None:
    """Compile the code panel's lexer rules (pygments does it once per process; no Qt, no torch).

    Called on the GUI thread just after the loader starts: the loader is then mapping torch's
    libraries, which does not hold the GIL (see :func:`~editor.ui.torch_loader.preload_torch_libraries`),
    so the two run side by side. After torch, on the loader's thread, these 15-20 ms delayed the
    editor going live by as much.
    """
    from pygments.lexers import PythonLexer

    PythonLexer()


EXTENSIONS_FIRST = ("_heapq", "_pickle", "_csv", "_datetime", "_socket", "array", "select", "_ssl", "_hashlib",
                    "_blake2", "_asyncio", "_contextvars", "_posixsubprocess", "fcntl", "_json", "_multiprocessing",
                    "_posixshmem", "_queue", "_uuid", "cmath", "grp", "mmap", "unicodedata", "pwd", "_bisect",
                    "_random", "_sha512", "zlib", "_bz2", "_lzma", "psygnal")
"""Extension modules that :data:`WHILE_MAPPING` needs, imported on the GUI thread before the loader starts.

CPython's own, and psygnal's (compiled with mypyc), which the editor's models use. All are small
(together 30-50 ms), and going live would import them anyway. Loading one calls ``dlopen``, which
waits while the loader maps torch's libraries (the C library lets one ``dlopen`` run at a time):
imported during the mapping, they would freeze the window until it is over.
"""

WHILE_MAPPING = ("platform", "difflib", "pickletools", "pkgutil", "importlib.metadata", "email.parser",
                 "http.client", "urllib.request", "unittest.mock", "multiprocessing", "torchgen.model",
                 "multiprocessing.connection", "multiprocessing.resource_tracker", "multiprocessing.spawn",
                 "concurrent.futures.thread", "json", "tarfile", "uuid", "runpy", "secrets", "timeit",
                 "logging.handlers",
                 "editor.model.catalog.hyperparameters", "editor.model.custom.blocks", "editor.model.custom.library",
                 "editor.model.catalog.memory", "editor.io.errors", "editor.io.files.sentences", "editor.ui.jobs",
                 "editor.ui.window.language")
"""Pure-Python modules that going live imports, imported on the GUI thread while the loader maps torch's libraries.

First those ``import torch`` imports, then the editor's own that need no torch. The mapping does
not hold the GIL, so these imports (150-200 ms on a busy 2-core machine) run beside it instead of
after it, one per turn of the event loop. Once the mapping is over the rest are left to the
loader. None of them imports torch or loads an extension module that :data:`EXTENSIONS_FIRST` and
the window have not loaded, and going live imports every one of them
(``tests/ui/test_startup_process.py`` checks both).
"""


def import_quietly(names: Sequence[str]) -> None:
    """Import ``names`` ahead of ``import torch``, which needs them; one that fails is left for torch to report."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # only a head start: torch's own import says what is wrong
            _log.debug("could not import %s ahead of PyTorch", name, exc_info=True)


PAINT_WAIT_MS = 2000
"""PyTorch starts loading at the window's first paint, or this long after ``show()`` when no paint comes."""

RETRY_MS = 50
"""While the mouse is held down or a popup is open, going live waits this long and looks again."""


def tracing() -> bool:
    """Whether the start-up milestones are printed (:data:`TRACE` is 1)."""
    return os.environ.get(TRACE) == "1"


def trace(event: str, **values: object) -> None:
    """Print the milestone ``event`` with the time (and ``values``) on stderr, when :data:`TRACE` is set."""
    if tracing():
        extra = "".join(f" {key}={value}" for key, value in values.items())
        print(f"layerlab-startup {event} {time.monotonic():.6f}{extra}", file=sys.stderr, flush=True)


def torch_imported() -> str:
    """"yes" once ``import torch`` has begun in this process, else "no" (for the trace)."""
    return "yes" if "torch" in sys.modules else "no"


class PaintProbe(QObject):
    """Calls ``then`` once ``widget`` has painted and that paint reached the screen (the next event-loop turn)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


class StallMeter(QObject):
    """The longest the event loop went without turning, sampled by a 10 ms timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.longest = 0.0
        self._last = time.monotonic()
        self._timer = QTimer(self, interval=10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> float:
        """Stop sampling; returns the longest gap in seconds."""
        self._tick()
        self._timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last - 0.010)
        self._last = now


class Startup(QObject):
    """Shows the main window at once and makes it live when PyTorch is loaded (see the module's docstring)."""

    live = Signal()
    """The editor is built and the project (from the command line, if any) is open: the window has a session now."""

    failed = Signal(str)
    """PyTorch could not be loaded (says why, in words); the window stays in its loading state."""

    _loaded = Signal()  # from the loader's thread to the GUI thread

    def __init__(self, project_path: Path | None = None, torch_loader: TorchLoader | None = None,
                 share_threads: bool = False) -> None:
        """``share_threads``: as the app does, give torch's threads to the jobs once it is loaded (see
        :mod:`editor.ui.torch_threads`; tests leave the process's torch as it is)."""
        super().__init__()
        self._share_threads = share_threads
        self.loader = torch_loader if torch_loader is not None else TorchLoader(LIVE_MODULES, WARM_UP)
        self.window = MainWindow(wait_for_torch=True)
        self.is_live = False
        self.failure = ""
        self._ready = False
        self._collector_paused = False
        self.imported_ahead = 0
        """How many of :data:`WHILE_MAPPING` were taken up while the loader mapped torch's libraries (imported then,
        or found imported already, or failing: the loader's import says why)."""
        self._collector = collector.install(QApplication.instance())  # cycles are collected on this thread
        if project_path is not None:
            self.window.loading.open_when_ready(Path(project_path))
        self._stalls = StallMeter(self)
        PaintProbe(self.window.loading.canvas.viewport(), self._visible)
        self._loaded.connect(self._go_live, Qt.ConnectionType.QueuedConnection)
        self.loader.when_done(self._loaded.emit)

    def show(self) -> None:
        """Show the window; PyTorch starts loading once it has painted (or after :data:`PAINT_WAIT_MS` anyway)."""
        self.window.show()
        trace("shown", torch=torch_imported())
        QTimer.singleShot(PAINT_WAIT_MS, self._start_loading)

    def _visible(self) -> None:
        trace("visible", torch=torch_imported())
        if tracing():  # a timer that wakes the GUI thread: only when someone reads the result
            self._stalls.start()
        self._start_loading()

    def _start_loading(self) -> None:
        """Start the loader, with the garbage collector paused until it is done (:meth:`_go_live` resumes it).

        ``import torch`` makes hundreds of thousands of objects, and each of the full collections they
        set off walks every object alive: torch's so far and the window's (Qt's wrappers, the ui's
        modules). That made the loader about a fifth slower (some 250 ms of 1.3 s on a busy 2-core
        machine; the editor went live that much later). The window's objects live as long as the
        process, so they leave the collector's sight first; a collection paused for a second, while
        the GUI thread mostly waits, leaves little to collect.
        """
        if self.loader.started or self._collector_paused:
            return
        gc.freeze()
        self._collector.pause()
        self._collector_paused = True
        import_quietly(EXTENSIONS_FIRST)
        self.loader.start()
        prepare_highlighter()
        self._import_while_mapping(list(WHILE_MAPPING))

    def _import_while_mapping(self, pending: list[str]) -> None:
        """Import the next of ``pending`` (:data:`WHILE_MAPPING`) while the loader still maps torch's libraries."""
        if not pending:
            return
        with self.loader.ahead_lock:  # the loader's own imports wait for this one (see TorchLoader.ahead_lock)
            if self.loader.libraries_mapped.is_set():
                return
            import_quietly(pending[:1])
            self.imported_ahead += 1
        QTimer.singleShot(0, lambda: self._import_while_mapping(pending[1:]))

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            self._collector.resume()

    def _go_live(self) -> None:
        self._resume_collector()  # the loader is done (warm_up froze what it made), or failed
        if self.is_live or self.failure:
            return
        if self.loader.error is not None:
            self._fail()
            return
        if not self._ready:
            self._ready = True
            if self._share_threads:
                share_torch_threads()  # before this thread runs any torch
            trace("torch-ready", ahead=self.imported_ahead)
            _log.info("PyTorch %s loaded", getattr(sys.modules.get("torch"), "__version__", "?"))
        pending = [name for name in GUI_MODULES if name not in sys.modules]
        if pending:  # one Qt-touching import per turn of the event loop, on this (the GUI) thread
            importlib.import_module(pending[0])
            if len(pending) == 1:
                gc.freeze()  # the ui's modules join torch's out of the collector's sight
            QTimer.singleShot(0, self._go_live)
            return
        busy = QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton or QApplication.activePopupWidget()
        if busy and self.window.isVisible():  # a drag from the palette, or an open menu: not under the learner's hand
            QTimer.singleShot(RETRY_MS, self._go_live)
            return
        self.window.go_live()
        self.is_live = True
        PaintProbe(self.window.view.viewport(), self._painted_live)
        self.live.emit()

    def _painted_live(self) -> None:
        trace("live", stall_ms=round(self._stalls.stop() * 1000), blocks=len(self.window.project))

    def _fail(self) -> None:
        error = self.loader.error
        self.failure = translate("Loading", "PyTorch could not be loaded ({error}). Check that torch is installed "
                                 "for this Python ({python}), for example with 'pip install torch', then start "
                                 "LayerLab again.").format(error=f"{type(error).__name__}: {str(error)[:300]}",
                                                           python=sys.executable)
        trace("failed")
        self.window.loading.show_failure(self.failure)
        self.failed.emit(self.failure)

    def wait_until_live(self, timeout: float = 120.0) -> bool:
        """Load PyTorch now if not yet, and process events until the editor is live.

        True once live; False when loading failed or ``timeout`` seconds
        passed. For tests and scripts that want the finished window; the app
        itself never waits.
        """
        self._start_loading()
        deadline = time.monotonic() + timeout
        app = QApplication.instance()
        while not self.is_live and not self.failure and time.monotonic() < deadline:
            app.processEvents()
            self.loader.done.wait(0.01)
        app.processEvents()
        return self.is_live
