"""Reference cycles are collected on the GUI thread only, so Qt objects are never deleted by a worker."""

from __future__ import annotations

import gc
import threading

from editor.ui import collector


class _Cycle:
    """A reference cycle that notes the thread it was collected on."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_cycles_made_garbage_in_a_worker_are_collected_on_the_gui_thread(qtbot, qapp):
    installed = collector.install(qapp)
    assert collector.install(qapp) is installed and collector.current() is installed
    assert not gc.isenabled()
    seen: list[str] = []
    _Cycle(seen)  # garbage at once, kept only by its cycle

    kept: list[list[int]] = []

    def churn() -> None:  # containers kept: past the young generation's threshold, Python would collect here
        kept.extend([] for _ in range(20 * gc.get_threshold()[0]))

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    assert seen == []
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [threading.main_thread().name]


def test_a_paused_collector_leaves_the_garbage_until_resumed(qapp):
    installed = collector.install(qapp)
    seen: list[str] = []
    installed.pause()
    try:
        _Cycle(seen)
        kept = [[] for _ in range(3 * gc.get_threshold()[0])]
        assert installed.tick() is None and seen == []
    finally:
        installed.resume()
    assert installed.tick() is not None and len(kept) > 0
    assert seen == [threading.main_thread().name]


def test_the_collector_looks_sooner_while_something_allocates_fast_and_calms_down_after(qapp):
    installed = collector.install(qapp)
    installed.tick()
    assert installed.interval_ms == collector.INTERVAL_MS
    kept = [[] for _ in range((collector.BUSY_FACTOR + 2) * gc.get_threshold()[0])]
    assert installed.tick() is not None
    assert installed.interval_ms == collector.BUSY_INTERVAL_MS
    installed.tick()  # nothing new since: back to the calm interval
    assert installed.interval_ms == collector.INTERVAL_MS and len(kept) > 0


def test_a_tick_turns_automatic_collection_off_again_even_while_paused(qapp):
    installed = collector.install(qapp)
    installed.pause()
    try:
        gc.enable()  # a library switched it back on
        assert installed.tick() is None
        assert not gc.isenabled()
    finally:
        installed.resume()
