"""A module shared by many blocks: the Parameters tab names the first few others, then how many more (#16).

Listing all 4,999 other names in each of 5,000 rows made the table quadratic in the blocks and the cells
unreadable.
"""

from __future__ import annotations

from torch import nn

from editor import Project
from editor.ui.panels.parameters.cells import Column
from editor.ui.panels.parameters.text import SHOWN_NAMES
from tests.ui.helpers import show_table as show


def test_a_module_shared_by_many_blocks_names_a_few_then_how_many_more(window):
    shared = nn.Linear(3, 3)
    table = show(window, Project.from_module(nn.Sequential(nn.Tanh(), *[shared] * 1200)))
    model = table.table_model
    model.fetch_all()
    assert model.rowCount() == 1 + 3 * 1200
    by_name = {model.data(model.index(r, Column.NAME)): r for r in range(model.rowCount())}
    weight = model.data(model.index(by_name["1.weight"], Column.SHARED))
    shown = ", ".join(f"{i}.weight" for i in range(2, 2 + SHOWN_NAMES))
    assert weight == f"{shown} and 1,191 more"
    header = model.data(model.index(by_name["▾  1200  Linear"], Column.SHARED))
    assert header == f"same module as blocks {', '.join(str(i) for i in range(1, 1 + SHOWN_NAMES))} and 1,191 more"
    few = show(window, Project.from_module(nn.Sequential(shared, nn.ReLU(), shared)))
    rows = {few.table_model.data(few.table_model.index(r, Column.NAME)): r for r in range(few.table_model.rowCount())}
    assert few.table_model.data(few.table_model.index(rows["0.bias"], Column.SHARED)) == "2.bias"
