"""editor.ui.jobs: results on the GUI thread, errors in words, progress, cancelling, superseding, waiting."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from editor.ui.jobs import Job, JobCancelled, JobContext, JobRunner, plain_message, wait_for

TIMEOUT_MS = 5000


@pytest.fixture
def runner(qtbot):
    owner = QObject()
    jobs = JobRunner(owner)
    yield jobs
    jobs.cancel_all()
    jobs.wait()
    owner.deleteLater()


def until_cancelled(started: threading.Event | None = None):
    """A job that runs until it is cancelled, then says how it ended."""
    def work(context: JobContext) -> str:
        if started is not None:
            started.set()
        deadline = time.monotonic() + 10
        while not context.cancelled and time.monotonic() < deadline:
            time.sleep(0.002)
        return "stopped" if context.cancelled else "timed out"
    return work


def test_the_result_arrives_on_the_gui_thread(qtbot, runner):
    seen = []
    worker_threads = []

    def work(context: JobContext) -> int:
        worker_threads.append(threading.current_thread())
        return 6 * 7

    job = runner.submit(work, on_done=lambda value: seen.append((value, threading.current_thread())))
    assert runner.busy and not job.settled
    qtbot.waitUntil(lambda: job.settled, timeout=TIMEOUT_MS)
    assert seen == [(42, threading.main_thread())] and worker_threads[0] is not threading.main_thread()
    assert job.done and job.result == 42 and not runner.busy


def test_an_error_arrives_as_a_sentence(qtbot, runner):
    done, errors = [], []

    def work(context: JobContext) -> None:
        raise ValueError("The kernel is larger than the input.")

    job = runner.submit(work, on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: job.settled, timeout=TIMEOUT_MS)
    assert errors == ["The kernel is larger than the input."] and done == []
    assert job.failed and isinstance(job.exception, ValueError) and job.error == errors[0]


def test_an_error_nobody_handles_is_logged(qtbot, runner, caplog):
    def work(context: JobContext) -> None:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR, logger="editor.ui.jobs"):
        job = runner.submit(work)
        qtbot.waitUntil(lambda: job.settled, timeout=TIMEOUT_MS)
    assert "boom" in caplog.text


def test_plain_messages():
    assert plain_message(ValueError("Bad value.")) == "Bad value."
    assert plain_message(FileNotFoundError(2, "No such file or directory", "/tmp/x.pt")) == \
        "No such file or directory: /tmp/x.pt"
    assert plain_message(MemoryError()) == "There is not enough memory for it."
    assert plain_message(KeyError()) == "An unexpected error happened (KeyError)."


def test_progress_is_reported_and_thinned_out(qtbot, runner):
    reports = []

    def work(context: JobContext) -> str:
        context.report(0.0, "starting")
        for i in range(2000):
            context.report(i / 2000, "counting")
        context.report(1.0, "finished")
        return "ok"

    job = runner.submit(work, on_progress=lambda fraction, text: reports.append((fraction, text)))
    qtbot.waitUntil(lambda: job.settled, timeout=TIMEOUT_MS)
    assert reports[0] == (0.0, "starting") and reports[-1] == (1.0, "finished")
    assert len(reports) < 100  # not 2002 queued signals


def test_a_cancelled_job_stops_and_never_calls_back(qtbot, runner):
    started = threading.Event()
    done, errors, outcome = [], [], []

    def work(context: JobContext) -> str:
        outcome.append(until_cancelled(started)(context))
        return outcome[-1]

    job = runner.submit(work, on_done=done.append, on_error=errors.append)
    assert started.wait(5)
    job.cancel()
    assert job.cancelled and job.settled and not runner.busy
    assert runner.wait(TIMEOUT_MS)
    qtbot.wait(50)  # whatever the worker posted has arrived by now, and was dropped
    assert outcome == ["stopped"] and done == [] and errors == []


def test_a_cancelled_job_that_has_not_started_never_runs(qtbot, runner):
    release = threading.Event()
    ran = []
    first = runner.submit(lambda context: release.wait(5))  # the only worker is busy
    second = runner.submit(lambda context: ran.append(True), on_done=ran.append)
    second.cancel()
    release.set()
    qtbot.waitUntil(lambda: first.settled, timeout=TIMEOUT_MS)
    assert runner.wait(TIMEOUT_MS)
    qtbot.wait(20)
    assert ran == [] and second.cancelled and first.done


def test_the_job_may_stop_itself(qtbot, runner):
    def work(context: JobContext) -> None:
        raise JobCancelled

    done = []
    job = runner.submit(work, on_done=done.append)
    qtbot.waitUntil(lambda: job.settled, timeout=TIMEOUT_MS)
    assert job.cancelled and done == []


def test_a_newer_job_supersedes_the_earlier_ones(qtbot, runner):
    started = threading.Event()
    done = []
    running = runner.submit(until_cancelled(started), on_done=lambda value: done.append(("running", value)))
    queued = runner.submit(lambda context: "queued", on_done=lambda value: done.append(("queued", value)))
    assert started.wait(5)
    latest = runner.submit(lambda context: "latest", on_done=lambda value: done.append(("latest", value)),
                           supersede=True)
    assert running.cancelled and queued.cancelled and not latest.settled
    assert latest.number > queued.number > running.number
    qtbot.waitUntil(lambda: latest.settled, timeout=TIMEOUT_MS)
    assert done == [("latest", "latest")]


def test_cancel_all(qtbot, runner):
    jobs = [runner.submit(until_cancelled()) for _ in range(3)]
    runner.cancel_all()
    assert all(job.cancelled for job in jobs) and not runner.busy
    assert runner.wait(TIMEOUT_MS)


def test_wait_for_returns_the_result_or_raises_the_original_error(qtbot, runner):
    assert wait_for(runner.submit(lambda context: "saved")) == "saved"

    class SaveError(Exception):
        pass

    def failing(context: JobContext) -> None:
        raise SaveError("The disk is full.")

    with pytest.raises(SaveError, match="The disk is full"):
        wait_for(runner.submit(failing))


def test_wait_for_a_job_cancelled_meanwhile(qtbot, runner):
    job: Job[str] = runner.submit(until_cancelled())
    QTimer.singleShot(30, job.cancel)
    with pytest.raises(JobCancelled):
        wait_for(job)


def test_wait_for_keeps_the_event_loop_running(qtbot, runner):
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    wait_for(runner.submit(lambda context: time.sleep(0.2)))
    timer.stop()
    assert len(ticks) >= 3  # the GUI thread kept handling events while the job ran


def test_deleting_the_receiver_cancels_its_jobs(qtbot):
    owner = QObject()
    runner = JobRunner(owner, threads=2)
    started = threading.Event()
    done = []
    job = runner.submit(until_cancelled(started), on_done=done.append)
    assert started.wait(5)
    del runner
    owner.deleteLater()
    qtbot.waitUntil(lambda: job.settled, timeout=TIMEOUT_MS)
    qtbot.wait(20)
    assert job.cancelled and done == []


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc (Linux)")
def test_a_worker_thread_ends_soon_after_its_last_job(qtbot, runner, monkeypatch):
    """A thread kept idle keeps its OpenMP threads, which slow torch down elsewhere (editor.ui.jobs.IDLE_MS)."""
    def pooled() -> int:
        names = []
        for task in os.listdir("/proc/self/task"):
            try:
                names.append(Path(f"/proc/self/task/{task}/comm").read_text().strip())
            except OSError:  # (ended meanwhile)
                pass
        return names.count("Thread (pooled)")

    before = pooled()
    with qtbot.waitSignal(runner._relay.posted, timeout=10_000):
        runner.submit(lambda context: 1)
    assert pooled() == before + 1
    qtbot.waitUntil(lambda: pooled() == before, timeout=5_000)  # (Qt keeps an idle thread 30 s)
