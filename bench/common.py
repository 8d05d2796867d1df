"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import gc
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"
"""Where the suites write their numbers (``make bench`` leaves the latest run here)."""


def timed(fn: Callable[[], object]) -> float:
    """Seconds of one run of ``fn``: a collection first, none during the run."""
    was_on = gc.isenabled()  # off where the GUI thread's collector runs (editor.ui.collector): left off
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        if was_on:
            gc.enable()


def measure(fn: Callable[[], object], repeat: int = 7, setup: Callable[[], object] | None = None,
            best: bool = False) -> float:
    """Median (or, with ``best``, the fastest) seconds of ``fn`` over ``repeat`` runs (each :func:`timed`).

    ``setup`` runs untimed before each run. The fastest run is the least noisy
    estimate for disk-bound work on a shared machine.
    """
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        times.append(timed(fn))
    return min(times) if best else statistics.median(times)


def measure_pair(first: Callable[[], object], second: Callable[[], object], repeat: int = 21) -> tuple[float, float]:
    """Median seconds of ``first`` and of ``second`` (each run :func:`timed`), their runs alternating so that
    both share the machine's noise."""
    firsts, seconds = [], []
    for _ in range(repeat):
        firsts.append(timed(first))
        seconds.append(timed(second))
    return statistics.median(firsts), statistics.median(seconds)


@dataclass
class Ratio:
    """One goal: ``value / floor`` must stay within ``limit``."""

    name: str
    value: float
    floor: float
    limit: float

    @property
    def ratio(self) -> float:
        return self.value / self.floor

    @property
    def ok(self) -> bool:
        return self.ratio <= self.limit

    def line(self) -> str:
        mark = "ok  " if self.ok else "MISS"
        return (f"  [{mark}] {self.name:<58} {self.ratio:9.4f}  (goal ≤ {self.limit:g}; "
                f"{self.value * 1e3:.3f} ms vs {self.floor * 1e3:.3f} ms)")


_suite: list[str] = []


def begin_suite(name: str) -> None:
    """The suite ``name`` starts: its tables in ``bench/results.json`` start afresh (the other suites' stay)."""
    _suite[:] = [name]
    _write(name, {}, replace=True)


def report(title: str, ratios: list[Ratio]) -> bool:
    """Print the ratios under ``title`` (and add them to ``bench/results.json``); True when every goal is met."""
    print(title)
    for ratio in ratios:
        print(ratio.line())
    if _suite:
        tables = _read().get(_suite[0], {}).get("tables", [])
        save_results(_suite[0], {"tables": [*tables, {"title": title, "rows": rows_data(ratios)}]})
    return all(r.ok for r in ratios)


def save_results(section: str, data: dict) -> None:
    """Merge ``data`` into ``bench/results.json`` under ``section`` (what other suites wrote stays)."""
    _write(section, data, replace=False)


def _read() -> dict:
    try:
        return json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write(section: str, data: dict, replace: bool) -> None:
    results = _read()
    merged = {} if replace else dict(results.get(section, {}))
    merged.update(data)
    results[section] = merged
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def rows_data(ratios: list[Ratio]) -> list[dict]:
    """The rows of a table as plain data, for :func:`save_results`."""
    return [{"name": r.name, "ratio": r.ratio, "goal": r.limit, "ok": r.ok, "value_s": r.value, "floor_s": r.floor}
            for r in ratios]
