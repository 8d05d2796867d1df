"""Scaling goals: edits stay near a plain ``nn.Sequential`` edit at 10 and 1,000 blocks, opening and summarizing
grow linearly with the number of blocks.

Floors, measured in the same run:

* an edit: the same insert, delete and replace done on a plain ``nn.Sequential`` of the same size. At 10
  blocks that takes microseconds, so the goal there (25) leaves room for what every operation does once
  (a transaction for undo, shapes, events, checks); at 1,000 blocks the goal is the issue's 5, and the cost
  of an edit must not grow with the design (1,000 blocks / 10 blocks);
* opening: what a plain script does with the same weights, ``torch.load`` of the state_dict, building the
  ``nn.Sequential`` and ``load_state_dict`` (the issue's floor). torch's ``load_state_dict`` scans the whole
  state_dict once per child, so that floor grows with N²; a second row compares with the linear part alone
  (``torch.load`` and building), which keeps the goal honest at any size;
* the summary of 5,000 blocks that share one module: the summary of 5,000 distinct blocks (sharing must cost
  nothing extra; it once took 62 s) and ``print(model)`` of the same Sequential (which the summary contains).
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn

from bench.common import Ratio, measure, report, save_results
from editor import Project
from editor.io.files.project_file import open_project, save_project

WIDTH = 16
SMALL, LARGE = 1_000, 10_000
SHARED = 5_000
EDIT_SIZES = (10, 1_000)


def linears(count: int) -> nn.Sequential:
    return nn.Sequential(*[nn.Linear(WIDTH, WIDTH) for _ in range(count)])


def once(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# ------------------------------------------------------------------ edits
def edit_cycle(count: int) -> tuple[float, float]:
    """Seconds of one insert, delete and hyperparameter change in the middle: (LayerLab, plain Sequential)."""
    middle = count // 2
    plain = linears(count)
    relu = nn.ReLU()

    def plain_edit() -> None:
        plain.insert(middle, relu)
        del plain[middle]
        plain[middle] = nn.Linear(WIDTH, WIDTH, bias=False)

    project = Project.from_module(linears(count))
    project.input_shape = (3, WIDTH)
    bias = [True]

    def project_edit() -> None:
        project.insert(middle, nn.ReLU())
        del project[middle]
        bias[0] = not bias[0]
        project.set_hyperparameters(str(middle), bias=bias[0])

    return steady(project_edit), steady(plain_edit)


def steady(fn: Callable[[], object], repeat: int = 31) -> float:
    """Median seconds of ``fn`` run back to back, as edits are (after a warm-up; no collection in between).

    ``measure`` collects garbage before every run, which walks every object and leaves the CPU caches cold:
    fine for work of milliseconds, but it made a 0.3 ms edit of 10 blocks look like 1.2 ms.
    """
    for _ in range(5):
        fn()
    was_on = gc.isenabled()  # off where the GUI thread's collector runs (editor.ui.collector): left off
    gc.collect()
    gc.disable()
    try:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    finally:
        if was_on:
            gc.enable()
    return statistics.median(times)


# ---------------------------------------------------------------- opening
def open_times(folder: Path, count: int, repeat: int) -> tuple[float, float]:
    """(opening a saved design of ``count`` Linear blocks, torch.load of its state_dict + building it plainly)."""
    torch.manual_seed(0)
    path = folder / f"design-{count}.pt"
    weights = folder / f"weights-{count}.pt"
    project = Project.from_module(linears(count))
    save_project(project, path)
    torch.save(project.model.state_dict(), weights)
    del project
    opened = measure(lambda: open_project(path), repeat=repeat, best=True)
    linear = measure(lambda: (torch.load(weights, weights_only=True), linears(count)), repeat=repeat, best=True)
    return opened, linear


def plain_open(folder: Path, count: int) -> float:
    """A plain script's open: ``torch.load``, build the Sequential, ``load_state_dict`` (once: it is quadratic)."""
    weights = folder / f"weights-{count}.pt"

    def script() -> None:
        model = linears(count)
        model.load_state_dict(torch.load(weights, weights_only=True))

    return once(script)


# --------------------------------------------------------------- summary
def summary_times() -> tuple[float, float, float]:
    """(summary of SHARED blocks sharing one module, of SHARED distinct blocks, print(model) of the shared one)."""
    one = nn.Linear(WIDTH, WIDTH)
    shared = Project.from_module(nn.Sequential(*[one] * SHARED))
    distinct = Project.from_module(linears(SHARED))
    shared.summary()  # warm up
    return (measure(shared.summary, repeat=3), measure(distinct.summary, repeat=3),
            measure(lambda: repr(shared.model), repeat=3))


def run() -> bool:
    edits = {count: edit_cycle(count) for count in EDIT_SIZES}
    with tempfile.TemporaryDirectory(prefix="layerlab-scale-") as name:
        folder = Path(name)
        small, small_linear = open_times(folder, SMALL, repeat=5)
        large, large_linear = open_times(folder, LARGE, repeat=3)
        floor = plain_open(folder, LARGE)
    shared, distinct, printed = summary_times()
    growth = large / small
    (few, few_plain), (many, many_plain) = edits[EDIT_SIZES[0]], edits[EDIT_SIZES[1]]
    rows = [
        Ratio(f"insert+delete+set at {EDIT_SIZES[1]:,} blocks / same on a plain Sequential", many, many_plain, 5),
        Ratio(f"insert+delete+set at {EDIT_SIZES[0]:,} blocks / same on a plain Sequential", few, few_plain, 25),
        Ratio(f"insert+delete+set at {EDIT_SIZES[1]:,} blocks / at {EDIT_SIZES[0]:,} (flat: about 1)", many, few, 2),
        Ratio(f"open {LARGE:,} blocks / plain torch.load+build+load_state_dict", large, floor, 2),
        Ratio(f"open {LARGE:,} blocks / plain torch.load+build (no load_state_dict)", large, large_linear, 2.5),
        Ratio(f"open {LARGE:,} blocks / open {SMALL:,} blocks (linear: about 10)", large, small, 13),
        Ratio(f"summary, {SHARED:,} blocks sharing one module / {SHARED:,} distinct", shared, distinct, 1.5),
        Ratio(f"summary, {SHARED:,} blocks sharing one module / print(model)", shared, printed, 10),
    ]
    ok = report(f"Scale (Linear({WIDTH}, {WIDTH}) blocks; open {SMALL:,} → {LARGE:,} grows {growth:.1f}×, "
                f"the plain linear floor {large_linear / small_linear:.1f}×)", rows)
    save_results("scale", {"open_growth_1k_to_10k": growth, "open_10k_s": large, "open_1k_s": small,
                           "plain_open_10k_s": floor, "plain_linear_10k_s": large_linear,
                           "plain_linear_1k_s": small_linear, "summary_shared_5k_s": shared})
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
