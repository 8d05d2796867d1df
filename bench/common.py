"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def measure(fn: Callable[[], object], repeat: int = 7, setup: Callable[[], object] | None = None,
            best: bool = False) -> float:
    """Median (or, with ``best``, the fastest) seconds of ``fn`` over ``repeat`` runs.

    ``setup`` runs untimed before each run. The fastest run is the least noisy
    estimate for disk-bound work on a shared machine.
    """
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times) if best else statistics.median(times)


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


def report(title: str, ratios: list[Ratio]) -> bool:
    """Print the ratios under ``title``; True when every goal is met."""
    print(title)
    for ratio in ratios:
        print(ratio.line())
    return all(r.ok for r in ratios)
