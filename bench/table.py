"""Parameter table goals: opening it for 10,000 parameter tensors costs at most 5x opening it for 100.

"Opening" is what a learner waits for: the table model made over the live
design and the first paint of the rows that fit in the view (a grab at a fixed
size, statistics of those rows included). Rows are fetched lazily, so the
cost should barely grow with the design. A refresh after an edit is measured
the same way, against the small design's.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch
from PySide6.QtWidgets import QApplication
from torch import nn

from bench.common import Ratio, measure, report
from editor import Project

SMALL, LARGE = 100, 10_000  # parameter tensors: a Linear holds two (weight and bias)
WIDTH = 16


def design(tensors: int) -> Project:
    torch.manual_seed(0)
    return Project.from_module(nn.Sequential(*[nn.Linear(WIDTH, WIDTH) for _ in range(tensors // 2)]))


def run() -> bool:
    app = QApplication.instance() or QApplication([])
    from editor.ui.panels.parameters.table import ParameterTable

    small, large = design(SMALL), design(LARGE)
    assert len(list(large.model.parameters())) == LARGE

    def open_table(project: Project) -> None:
        table = ParameterTable()
        table.resize(1200, 420)
        table.set_project(project)
        table.grab()  # lays the view out and paints the visible rows (a few dozen), statistics included
        table.deleteLater()
        app.processEvents()

    def edit(project: Project) -> None:
        project.set_label("0", None if project.node("0").label else "first")  # the structure changes

    def refresh(table: ParameterTable) -> None:
        table.refresh_now()  # what the coalescing timer runs after the edit
        table.view.grab()

    open_table(small)  # warm up fonts, styles and torch's kernels
    open_small = measure(lambda: open_table(small), repeat=7)
    open_large = measure(lambda: open_table(large), repeat=7)
    tables = {}
    for name, project in (("small", small), ("large", large)):
        table = ParameterTable()
        table.resize(1200, 420)
        table.set_project(project)
        table.grab()
        tables[name] = (table, project)
    refresh_small = measure(lambda: refresh(tables["small"][0]), repeat=7, setup=lambda: edit(small))
    refresh_large = measure(lambda: refresh(tables["large"][0]), repeat=7, setup=lambda: edit(large))
    return report(f"Parameter table ({LARGE:,} vs {SMALL} parameter tensors of Linear({WIDTH}, {WIDTH}))", [
        Ratio(f"open the table: {LARGE:,} tensors / {SMALL} tensors", open_large, open_small, 5),
        Ratio(f"follow an edit (rename block 0), table only: {LARGE:,} / {SMALL}", refresh_large, refresh_small, 5),
    ])


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
