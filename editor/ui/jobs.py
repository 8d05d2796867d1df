"""The one way to run work off the GUI thread: progress, cancelling, and errors in plain words.

A :class:`JobRunner` owns a small thread pool. ``runner.submit(fn, ...)`` runs
``fn(context)`` in a worker and hands back a :class:`Job`; what ``fn`` returns
(or the error it raised, as a sentence) comes back on the GUI thread, through a
queued Qt signal, to the ``on_done`` (or ``on_error``) callback::

    self.jobs = JobRunner(self)  # a child of the receiver: results come only while it lives

    def work(context: JobContext) -> HistogramData:
        return compute_histogram(tensors, bins, cancelled=lambda: context.cancelled)

    self.jobs.submit(work, on_done=self.show, on_error=self.say, supersede=True)

The rules every user can count on:

- A cancelled job never calls back. ``job.cancel()`` (or ``runner.cancel_all()``,
  or a newer ``submit(..., supersede=True)``) takes effect at once on the GUI
  thread: a queued job never starts; a running one sees ``context.cancelled``
  and may stop early; whatever it produces after that is dropped.
- Results are delivered only while the runner lives. Make it a child of the
  object whose methods receive them: deleting that object cancels the runner's
  jobs and waits for a running one before the relay of its results goes.
- ``fn`` may call ``context.report(fraction, text)`` as often as it likes;
  ``on_progress(fraction, text)`` sees at most about twenty reports a second.
- Code that must block (a save that has to finish before the window goes on)
  calls :func:`wait_for`: a local event loop keeps the window painting, and the
  job's result is returned or its exception raised again, unchanged.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, Signal

__all__ = ["Job", "JobCancelled", "JobContext", "JobRunner", "plain_message", "wait_for"]

T = TypeVar("T")

PROGRESS_INTERVAL_S = 0.05
"""The least time between two progress reports that are passed on (a flood of them would stall the GUI)."""

_log = logging.getLogger(__name__)

# What a worker posts to the GUI thread.
_DONE, _ERROR, _CANCELLED, _PROGRESS = "done", "error", "cancelled", "progress"


class JobCancelled(Exception):  # noqa: N818 - a request to stop, not a failure
    """Raised by :meth:`JobContext.check` (and by :func:`wait_for`) for a job that was cancelled."""


def plain_message(exc: BaseException) -> str:
    """What went wrong, as a sentence for a person: the error's own words, never a traceback."""
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Jobs", "There is not enough memory for it.")
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = str(exc).strip()
    first = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(first, str) and first == text:
        return first  # the message object itself: one the model said stays translatable (i18n.model_text)
    if text:
        return text
    return QCoreApplication.translate("Jobs", "An unexpected error happened ({name}).").format(
        name=type(exc).__name__)


class JobContext:
    """What a job's function is given: whether it should stop, and a way to report progress."""

    def __init__(self, stop: threading.Event, post: Callable[[str, Any], None]) -> None:
        self._stop = stop
        self._post = post
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        """True once the job was cancelled or superseded: stop as soon as convenient."""
        return self._stop.is_set()

    def check(self) -> None:
        """Raise :class:`JobCancelled` when the job was cancelled (call it between steps)."""
        if self._stop.is_set():
            raise JobCancelled

    def report(self, fraction: float | None = None, text: str = "") -> None:
        """Progress: ``fraction`` done (0 to 1; None when unknown) and what is being done, in words."""
        now = time.monotonic()
        if self._stop.is_set() or (now - self._last_report < PROGRESS_INTERVAL_S and fraction != 1):
            return
        self._last_report = now
        self._post(_PROGRESS, (fraction, text))


class Job(Generic[T]):
    """One piece of work handed to a :class:`JobRunner`; lives on the GUI thread.

    After it settled, exactly one of :attr:`done`, :attr:`failed` and
    :attr:`cancelled` is true; :attr:`result`, or :attr:`exception` and
    :attr:`error` (the plain-words message), hold the outcome.
    """

    def __init__(self, number: int, on_done: Callable[[T], Any] | None, on_error: Callable[[str], Any] | None,
                 on_progress: Callable[[float | None, str], Any] | None,
                 forget: Callable[[Job[Any]], None]) -> None:
        self.number = number
        """Increases with every job of a runner: a later job has a larger number."""
        self.stop = threading.Event()
        """Set when the job is cancelled; the worker reads it through :attr:`JobContext.cancelled`."""
        self.result: T | None = None
        self.exception: BaseException | None = None
        self.error = ""
        self._state = ""  # "" until settled, then _DONE, _ERROR or _CANCELLED
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self._forget: Callable[[Job[Any]], None] | None = forget
        self._waiters: list[Callable[[], Any]] = []

    def __repr__(self) -> str:
        return f"<Job {self.number}: {self._state or 'pending'}>"

    @property
    def settled(self) -> bool:
        """Whether the job is over: done, failed or cancelled (its callback, if any, has run)."""
        return bool(self._state)

    @property
    def done(self) -> bool:
        """The function returned; :attr:`result` holds what it returned."""
        return self._state == _DONE

    @property
    def failed(self) -> bool:
        """The function raised; :attr:`exception` holds the error, :attr:`error` says it in words."""
        return self._state == _ERROR

    @property
    def cancelled(self) -> bool:
        """The job was cancelled or superseded (or stopped itself with :class:`JobCancelled`)."""
        return self._state == _CANCELLED

    def cancel(self) -> None:
        """Stop caring about this job: no callback will run for it (a running worker is asked to stop)."""
        if self._state:
            return
        self.stop.set()
        self._settle(_CANCELLED, None)

    def when_settled(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` once the job is over (at once when it already is)."""
        if self._state:
            callback()
        else:
            self._waiters.append(callback)

    def deliver(self, kind: str, value: Any) -> None:
        """Take what the worker posted (the runner calls this on the GUI thread)."""
        if self._state:
            return  # cancelled meanwhile: its late news is dropped
        if kind == _PROGRESS:
            if self._on_progress is not None:
                self._on_progress(*value)
            return
        self._settle(kind, value)

    def _settle(self, kind: str, value: Any) -> None:
        self._state = kind
        on_done, on_error = self._on_done, self._on_error
        # Let go of the callbacks and the runner: they may hold large objects (tensors) alive.
        self._on_done = self._on_error = self._on_progress = None
        if self._forget is not None:
            self._forget(self)
            self._forget = None
        try:
            if kind == _DONE:
                self.result = value
                if on_done is not None:
                    on_done(value)
            elif kind == _ERROR:
                self.exception, self.error = value, plain_message(value)
                if on_error is not None:
                    on_error(self.error)
                else:  # a worker must report, never fail silently
                    _log.error("A background job failed: %s", self.error, exc_info=value)
        finally:
            waiters, self._waiters = self._waiters, []
            for waiter in waiters:
                waiter()


class _Relay(QObject):
    """Lives on the GUI thread; a worker's emit becomes a queued call there."""

    posted = Signal(object, str, object)


class _Runnable(QRunnable):
    """Runs one job's function in the pool and posts the outcome."""

    def __init__(self, job: Job[Any], fn: Callable[[JobContext], Any], relay: _Relay) -> None:
        super().__init__()
        self.job, self.fn, self.relay = job, fn, relay

    def post(self, kind: str, value: Any) -> None:
        try:
            self.relay.posted.emit(self.job, kind, value)
        except RuntimeError:  # the runner is gone: nobody is left to tell
            pass

    def run(self) -> None:
        fn, self.fn = self.fn, None  # do not keep what the function holds alive in the pool
        job = self.job
        if fn is None or job.stop.is_set():
            return  # superseded before it started
        try:
            for prepare in BEFORE_EACH_JOB:
                prepare()
            kind, value = _DONE, fn(JobContext(job.stop, self.post))
        except JobCancelled:
            kind, value = _CANCELLED, None
        except BaseException as exc:  # whatever happens is reported, so that a waiter never hangs
            kind, value = _ERROR, exc
        if not job.stop.is_set():  # a cancelled job was settled on the GUI thread already
            self.post(kind, value)


BEFORE_EACH_JOB: list[Callable[[], None]] = []
"""Called on a worker thread before each job there (e.g. to give it torch's threads: editor.ui.torch_threads)."""

IDLE_MS = 1000
"""How long a worker thread waits for another job before it ends (Qt's default is 30 s).

A thread that has run torch keeps OpenMP threads of its own while it lives, and once a process
has more OpenMP threads than cores, GNU OpenMP makes idle ones sleep almost at once (after 100
spins, not about 3 ms), so that most parallel regions of torch, on the GUI thread too, first wait
for one to be woken: on a 2-core machine a 100-layer forward on the GUI thread took 5.3 ms instead
of 4.1 ms while a histogram job's thread was kept. A second is long enough for a burst of jobs to
share one thread.
"""


class JobRunner(QObject):
    """Runs functions in a private pool of ``threads`` workers; results come back on the GUI thread."""

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        # The pool first: children are deleted in the order they came, and the pool's deletion waits for a
        # running job, so a job never posts to a relay that is gone.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._pool.setExpiryTimeout(IDLE_MS)
        self._relay = _Relay(self)
        self._relay.posted.connect(self._deliver)
        self._numbers = itertools.count(1)
        jobs: dict[int, Job[Any]] = {}
        self._jobs = jobs

        def cancel_left(*_: object) -> None:  # not a method: the Python side may be half gone by then
            for job in list(jobs.values()):
                job.cancel()

        # Emitted before the children go: running jobs learn to stop before the pool waits for them.
        self.destroyed.connect(cancel_left)

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running (and not cancelled)."""
        return bool(self._jobs)

    def submit(self, fn: Callable[[JobContext], T], *, on_done: Callable[[T], Any] | None = None,
               on_error: Callable[[str], Any] | None = None,
               on_progress: Callable[[float | None, str], Any] | None = None, supersede: bool = False) -> Job[T]:
        """Run ``fn(context)`` in a worker; ``on_done(result)`` or ``on_error(message)`` follows on this thread.

        With ``supersede``, the new job replaces every earlier one of this runner: those are cancelled
        (queued ones never start, running ones see ``context.cancelled``) and never call back.
        """
        if supersede:
            self.cancel_all()
        job: Job[T] = Job(next(self._numbers), on_done, on_error, on_progress, self._forget)
        self._jobs[job.number] = job
        self._pool.start(_Runnable(job, fn, self._relay))
        return job

    def cancel_all(self) -> None:
        """Cancel every job of this runner; none of them calls back."""
        self._pool.clear()  # queued jobs never start
        for job in list(self._jobs.values()):
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until no worker runs (tests and shutdown; results still arrive as events). True when idle."""
        return self._pool.waitForDone(msecs)

    def _forget(self, job: Job[Any]) -> None:
        self._jobs.pop(job.number, None)

    def _deliver(self, job: Job[Any], kind: str, value: Any) -> None:
        job.deliver(kind, value)


def wait_for(job: Job[T]) -> T:
    """Block until ``job`` is over, running a local event loop (the window keeps painting meanwhile).

    Returns the job's result; raises its exception again (the original one, so ``except`` clauses work as
    if the function had run here), or :class:`JobCancelled`. Block user input yourself while waiting,
    e.g. with a window-modal progress dialog.
    """
    if not job.settled:
        loop = QEventLoop()
        job.when_settled(loop.quit)
        loop.exec()
    if job.exception is not None:
        raise job.exception
    if not job.done:
        raise JobCancelled
    return job.result  # type: ignore[return-value]  # done: the function's own result
