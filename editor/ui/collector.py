"""Python's cyclic garbage collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a
threshold is crossed. A background job (reading code, a training run) allocates
a lot, so the collection often ran there, and a cycle that held one of Qt's
wrappers (a closed dialog, a panel of a window that is gone) deleted its
QObject on the worker thread while the GUI thread was delivering an event to
it: a crash in ``QCoreApplication::sendPostedEvents`` (seen about one run in
three of the Code tab's tests). Qt objects must be deleted on their own thread.

So, once the QApplication exists, automatic collection is off and a timer on the
GUI thread collects instead, following the collector's own thresholds: the
generation Python would have collected, a little later and always here.
Reference counting still frees everything else at once, on any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

__all__ = ["BUSY_INTERVAL_MS", "INTERVAL_MS", "GuiCollector", "install"]

INTERVAL_MS = 250
"""How often the GUI thread looks at the collector's counts (a collection of the young generations
takes well under a millisecond; the full one is rare)."""
BUSY_INTERVAL_MS = 40
"""How often it looks while something allocates fast (many times the young threshold between two
looks): more, smaller collections instead of a few long ones on the GUI thread."""
BUSY_FACTOR = 8
"""Young objects, in multiples of the young threshold, found at one look that make the next look sooner."""


class GuiCollector(QObject):
    """Collects reference cycles on the GUI thread, from a timer; automatic collection stays off.

    :meth:`pause` and :meth:`resume` hold collections off for a while (start-up pauses them while
    ``import torch`` makes hundreds of thousands of objects); pauses nest.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._paused = 0
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    @property
    def paused(self) -> bool:
        return self._paused > 0

    @property
    def interval_ms(self) -> int:
        """Milliseconds until the next look at the counts."""
        return self._timer.interval()

    def pause(self) -> None:
        self._paused += 1

    def resume(self) -> None:
        self._paused = max(0, self._paused - 1)

    def stop(self) -> None:
        """Hand collection back to Python (automatic, on any thread): at the end of a test session."""
        self._timer.stop()
        self._paused = 0
        gc.enable()
        self.setParent(None)

    def tick(self) -> int | None:
        """Collect the oldest generation whose count passed its threshold; the generation collected, or None.

        Where many times the young threshold came since the last look, the next look comes sooner
        (``BUSY_INTERVAL_MS``), so a worker that allocates fast costs the GUI thread short collections.
        """
        gc.disable()  # something switched automatic collection back on (e.g. a library): off again
        if self._paused:
            return None
        counts, thresholds = gc.get_count(), gc.get_threshold()
        busy = thresholds[0] > 0 and counts[0] > BUSY_FACTOR * thresholds[0]
        wanted = BUSY_INTERVAL_MS if busy else INTERVAL_MS
        if self._timer.interval() != wanted:
            self._timer.setInterval(wanted)
        generation = None
        for level in range(3):
            if thresholds[level] <= 0 or counts[level] <= thresholds[level]:
                break
            generation = level
        if generation is not None:
            gc.collect(generation)
        return generation


def install(app: QCoreApplication) -> GuiCollector:
    """The application's collector (made once, on the GUI thread)."""
    found = app.findChild(GuiCollector)
    if found is not None:
        return found
    if QThread.currentThread() != app.thread():
        raise RuntimeError("the garbage collector's timer must be made on the GUI thread")
    return GuiCollector(app)


def current() -> GuiCollector | None:
    """The collector installed in the running application, if any."""
    app = QCoreApplication.instance()
    return app.findChild(GuiCollector) if app is not None else None
