"""ParameterTable.show_blocks: the canvas selection unfolds, selects and scrolls to a block's tensors."""

from __future__ import annotations

from torch import nn

from editor import Project
from editor.model import examples
from editor.ui.panels.parameters.cells import HEADER, Column
from editor.ui.panels.parameters.table import ParameterTable
from tests.ui.helpers import show_table as show


def selected_names(table: ParameterTable) -> list[str]:
    model = table.table_model
    rows = sorted({i.row() for i in table.view.selectionModel().selectedRows()})
    return [model.data(model.index(r, Column.NAME)) for r in rows]


def in_view(table: ParameterTable, row: int) -> bool:
    view = table.view
    return view.viewport().rect().contains(view.visualRect(table.table_model.index(row, 0)))


def many_linears(count: int) -> Project:
    return Project.from_module(nn.Sequential(*[nn.Linear(4, 4) for _ in range(count)]))


def test_a_folded_block_far_down_is_unfolded_selected_and_scrolled_to(window):
    table = show(window, many_linears(60))
    table.view.resize(900, 250)
    table.collapse_button.click()
    emitted = []
    table.parameter_selected.connect(lambda *args: emitted.append(args))
    table.show_block("50")
    assert selected_names(table) == ["▾  50  Linear", "50.weight", "50.bias"]
    current = table.view.currentIndex().row()
    assert table.table_model.entry(current).kind == HEADER and in_view(table, current)
    assert in_view(table, current + 2)  # its tensors too
    assert "▸  49  Linear" in [table.table_model.data(table.table_model.index(r, 0))
                               for r in range(table.table_model.rowCount())]  # nothing else unfolded or hidden
    assert emitted == []  # the window follows the canvas selection itself: no echo to the histogram


def test_nothing_selected_lets_go_and_a_row_the_user_picked_stays(window):
    table = show(window, examples.mlp())
    table.show_block("2")
    assert selected_names(table) == ["▾  2  Linear", "2.weight", "2.bias"]
    table.show_block(None)
    assert selected_names(table) == []
    table.show_block("0")
    table.view.selectRow(3)  # the user picks 0.bias in the table
    table.show_blocks([])
    assert selected_names(table) == ["0.bias"]


def test_the_current_tensor_stays_when_its_block_is_selected(window):
    table = show(window, examples.mlp())
    names = [table.table_model.data(table.table_model.index(r, 0)) for r in range(table.table_model.rowCount())]
    table.view.selectRow(names.index("2.bias"))
    table.show_block("2")
    assert table.table_model.data(table.table_model.index(table.view.currentIndex().row(), 0)) == "2.bias"
    assert selected_names(table) == ["▾  2  Linear", "2.weight", "2.bias"]


def test_a_group_and_several_blocks(window):
    table = show(window, examples.cnn())
    table.show_blocks(["2"])  # a group: each of its blocks with tensors
    assert selected_names(table) == ["▾  2.1  Linear", "2.1.weight", "2.1.bias", "▾  2.4  Linear", "2.4.weight",
                                     "2.4.bias"]
    table.show_blocks(["0.0", "1.0"])
    assert selected_names(table)[0] == "▾  0.0  Conv2d" and "1.0.bias" in selected_names(table)


def test_in_the_state_dict_view_the_blocks_keys_are_selected(window):
    table = show(window, examples.cnn())
    table.set_state_view(True)
    table.show_block("0.1")
    assert selected_names(table) == ["0.1.weight", "0.1.bias", "0.1.running_mean", "0.1.running_var",
                                     "0.1.num_batches_tracked"]


def test_a_block_just_inserted_is_found_at_once(window):
    table = show(window, examples.mlp())
    window.project.append_layer("Linear", out_features=3)  # the table refreshes 50 ms later, normally
    table.show_block("3")
    assert selected_names(table) == ["▾  3  Linear", "3.weight", "3.bias"]


def test_a_hidden_tab_scrolls_when_it_is_shown(window, qtbot):
    table = show(window, many_linears(80))
    window.bottom_tabs.setCurrentWidget(window.histogram)
    table.show_block("70")
    assert selected_names(table)[0] == "▾  70  Linear"
    window.bottom_tabs.setCurrentWidget(table)
    qtbot.waitUntil(lambda: in_view(table, table.view.currentIndex().row()), timeout=2000)


def test_a_big_design_fetches_rows_only_as_far_as_the_block(window):
    table = show(window, many_linears(2000))
    model = table.table_model
    fetched = model.rowCount()
    table.show_block("1500")
    assert selected_names(table)[0] == "▾  1500  Linear"
    assert fetched < model.rowCount() < 3 * 2000 and model.canFetchMore()
