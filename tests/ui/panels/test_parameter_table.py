"""The Parameters tab: rows, folding, freezing through undo, following edits, the state_dict view, totals."""

from __future__ import annotations

import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from torch import nn

from editor import Project
from editor.model import examples
from editor.model.stats.parameters import STATE_DICT_EXPLANATION
from editor.ui.panels.parameters.cells import BUFFER, BUFFERS, HEADER, PARAM, TOTAL, Column
from editor.ui.panels.parameters.table import ParameterTable
from editor.ui.panels.parameters.view import ARROW_WIDTH
from tests.ui.helpers import settle
from tests.ui.helpers import show_table as show


def texts(table: ParameterTable, column: Column = Column.NAME) -> list[str]:
    model = table.table_model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def kinds(table: ParameterTable) -> list[str]:
    return [e.kind for e in table.table_model.entries()]


def click_arrow(table: ParameterTable, row: int) -> None:
    from PySide6.QtTest import QTest

    rect = table.view.visualRect(table.table_model.index(row, Column.NAME))
    QTest.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.x() + ARROW_WIDTH // 2, rect.center().y()))


def test_first_tab_with_rows_for_a_linear(window):
    assert window.bottom_tabs.tabText(0) == "Parameters" and window.bottom_tabs.widget(0) is window.parameter_table
    assert window.findChild(QWidget, "parameterTable") is window.parameter_table
    assert any(window.bottom_tabs.tabText(i) == "print(net)" for i in range(window.bottom_tabs.count()))
    project = Project(seed=0)
    project.append_layer("Linear", in_features=2, out_features=2)
    table = show(window, project)
    assert kinds(table) == [TOTAL, HEADER, PARAM, PARAM]
    assert texts(table)[1:] == ["▾  0  Linear", "0.weight", "0.bias"]
    assert texts(table, Column.SHAPE)[2:] == ["(2, 2)", "(2,)"]
    assert texts(table, Column.NUMEL)[1:] == ["6", "4", "2"]
    assert texts(table, Column.GRAD)[2:] == ["True", "True"]
    weight = project.model[0].weight
    mean = table.table_model.data(table.table_model.index(2, Column.MEAN))
    assert float(mean) == float(f"{weight.mean().item():.4g}")
    font = table.table_model.data(table.table_model.index(2, Column.MEAN), Qt.ItemDataRole.FontRole)
    assert font.styleHint() == font.StyleHint.Monospace


def test_totals_row_counts_shared_once(window):
    table = show(window, examples.tied())
    total = texts(table)[0]
    assert total == ("Total: 121 parameters in 6 tensors (each of the 2 shared tensors counted once) · "
                     "121 trainable · 484 B")
    assert window.project.count_parameters() == 121
    shared = dict(zip(texts(table), texts(table, Column.SHARED), strict=True))
    assert shared["2.weight"] == "4.weight" and shared["4.bias"] == "2.bias" and shared["0.weight"] == ""
    assert shared["▾  2  Linear"] == "same module as block 4"


def test_buffers_section(window):
    table = show(window, examples.cnn())
    table.table_model.fetch_all()
    rows = table.table_model.entries()
    start = kinds(table).index(BUFFERS)
    assert "buffers: saved in state_dict, not trained" in texts(table)[start]
    assert [e.row.name for e in rows[start + 1:]] == ["0.1.running_mean", "0.1.running_var",
                                                     "0.1.num_batches_tracked"]
    assert all(e.kind == BUFFER for e in rows[start + 1:])
    assert texts(table, Column.GRAD)[start + 1:] == ["buffer"] * 3
    tip = table.table_model.data(table.table_model.index(start, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Persistent buffers are saved in the state_dict" in tip
    caption = table.caption.text()
    table.view.setCurrentIndex(table.table_model.index(start + 1, 0))  # a buffer row: say what buffers are
    assert "Persistent buffers are saved in the state_dict" in table.caption.text()
    table.view.setCurrentIndex(table.table_model.index(start - 1, 0))  # a parameter again
    assert table.caption.text() == caption


def test_collapse_and_expand_by_clicking_the_arrow(window):
    table = show(window, examples.cnn())
    before = texts(table)
    header = before.index("▾  1.0  Conv2d")
    click_arrow(table, header)
    settle()
    after = texts(table)
    assert after[header] == "▸  1.0  Conv2d" and "1.0.weight" not in after and len(after) == len(before) - 2
    click_arrow(table, header)
    settle()
    assert texts(table) == before
    table.collapse_button.click()
    assert [k for k in kinds(table) if k in (PARAM, BUFFER)] == []
    table.expand_button.click()
    assert texts(table) == before


def test_ticking_requires_grad_is_an_undoable_command(window, qtbot):
    table = show(window, examples.tied())
    model = table.table_model
    row = texts(table).index("2.weight")
    assert model.data(model.index(row, Column.GRAD), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(row, Column.GRAD), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    weight = window.project.model[2].weight
    assert not weight.requires_grad and window.undo_stack.undoText() == "Freeze 2.weight"
    qtbot.waitUntil(lambda: texts(table, Column.GRAD)[texts(table).index("4.weight")] == "False", timeout=2000)
    header = texts(table).index("▾  4  Linear")
    assert model.data(model.index(header, Column.GRAD), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.PartiallyChecked
    assert "64 frozen" in texts(table)[0]
    window.undo_stack.undo()
    assert weight.requires_grad
    table.refresh_now()
    assert texts(table, Column.GRAD)[row] == "True" and "frozen" not in texts(table)[0]
    assert model.setData(model.index(header, Column.GRAD), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)  # the block header freezes all of it
    assert window.project.frozen("2") == ["weight", "bias"]
    assert window.undo_stack.undoText() == "Freeze block 4"


def test_follows_an_insert_keeping_selection_and_scroll(window, qtbot):
    project = Project.from_module(nn.Sequential(*[nn.Linear(4, 4) for _ in range(60)]))
    table = show(window, project)
    view, model = table.view, table.table_model
    view.resize(900, 300)
    row = texts(table).index("40.weight")
    view.selectRow(row)
    view.verticalScrollBar().setValue(row - 2)
    top = view.rowAt(0)
    assert top > 0 and view.rowAt(view.viewport().height() - 1) < model.rowCount() - 1  # scrolled, mid-table
    top_entry = model.entry(top).key
    selected = []
    table.parameter_selected.connect(lambda *args: selected.append(args))
    window.project.insert_layer(0, "Linear", in_features=4, out_features=4)  # a scripted edit, as from the console
    qtbot.waitUntil(lambda: "60.weight" in texts(table), timeout=2000)
    new_row = texts(table).index("41.weight")
    assert model.entry(new_row).row.tensor is project.model[41].weight
    assert new_row == row + 3  # a header and two rows more above it
    assert [i.row() for i in view.selectionModel().selectedRows()] == [new_row]
    assert view.currentIndex().row() == new_row
    assert model.entry(view.rowAt(0)).key == top_entry
    assert selected == [("41", "weight")]  # the same parameter, announced under its new path
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "60.weight" not in texts(table), timeout=2000)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [row]


def test_selection_names_block_and_parameter(window):
    table = show(window, examples.cnn())
    got = []
    table.parameter_selected.connect(lambda path, name: got.append((path, name)))
    rows = texts(table)
    table.view.selectRow(rows.index("1.0.bias"))
    table.view.selectRow(rows.index("▾  2.1  Linear"))
    assert got == [("1.0", "bias"), ("2.1", "")]


def test_state_dict_view(window):
    table = show(window, examples.tied())
    table.state_toggle.click()
    assert table.caption.text() == STATE_DICT_EXPLANATION
    table.table_model.fetch_all()
    assert texts(table)[1:] == list(window.project.model.state_dict().keys())
    assert texts(table)[0].startswith("state_dict: 8 keys") and "2 of them repeat a shared tensor" in texts(table)[0]
    window.set_project(examples.cnn())
    table.table_model.fetch_all()
    assert texts(table)[1:] == list(window.project.model.state_dict().keys())
    grads = dict(zip(texts(table), texts(table, Column.GRAD), strict=True))
    assert grads["0.1.running_var"] == "buffer" and grads["0.1.weight"] == "True"
    table.state_toggle.click()
    assert "1.0.weight" in texts(table) and "0.1.running_var" not in texts(table)[:-3]


def test_bursts_are_coalesced_and_weights_refresh_statistics(window, qtbot):
    table = show(window, examples.mlp())
    resets = []
    table.table_model.modelReset.connect(lambda: resets.append(1))
    for out in (6, 7, 8, 9):
        window.project.set_hyperparameters("2", out_features=out)
    qtbot.waitUntil(lambda: texts(table, Column.SHAPE)[texts(table).index("2.weight")] == "(9, 10)", timeout=2000)
    assert len(resets) == 1
    row = texts(table).index("0.bias")
    with torch.no_grad():
        window.project.model[0].bias.fill_(0.5)  # changed behind the project's back: the version counter shows it
    table.view.viewport().repaint()
    assert texts(table, Column.MEAN)[row] == "0.5"
    window.project.reset_parameters()
    qtbot.waitUntil(lambda: texts(table, Column.MEAN)[row] != "0.5", timeout=2000)


def test_large_tensors_are_summarized_in_a_worker(window, qtbot):
    table = show(window, examples.mlp())
    model = table.table_model
    model.stats.inline_limit = 10
    model.stats.clear()
    row = texts(table).index("0.weight")
    assert texts(table, Column.MEAN)[row] == "…"
    weight = window.project.model[0].weight
    qtbot.waitUntil(lambda: texts(table, Column.MEAN)[row] != "…", timeout=5000)
    assert float(texts(table, Column.MAX)[row]) == float(f"{weight.max().item():.4g}")
    assert texts(table, Column.MEAN)[texts(table).index("0.bias")] != "…"  # 10 values: at once


def test_a_big_design_fetches_rows_lazily(window):
    project = Project.from_module(nn.Sequential(*[nn.Linear(2, 2) for _ in range(2000)]))
    table = show(window, project)
    model = table.table_model
    assert model.rowCount() < 600 and model.canFetchMore()
    table.view.scrollToBottom()
    settle()
    model.fetch_all()
    assert model.rowCount() == 1 + 2000 * 3 and not model.canFetchMore()


def test_clicking_the_check_box_freezes_through_the_undo_stack(window, qtbot):
    from PySide6.QtTest import QTest

    table = show(window, examples.mlp())
    row = texts(table).index("2.bias")
    table.view.scrollTo(table.table_model.index(row, Column.GRAD))
    rect = table.view.visualRect(table.table_model.index(row, Column.GRAD))
    QTest.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.x() + 11, rect.center().y()))
    assert window.project.frozen("2") == ["bias"] and window.undo_stack.undoText() == "Freeze 2.bias"
    qtbot.waitUntil(lambda: texts(table, Column.GRAD)[row] == "False", timeout=2000)
    window.undo_stack.undo()
    assert window.project.frozen("2") == []


def test_a_device_move_refreshes_values(window, qtbot):
    table = show(window, examples.mlp())
    model = table.table_model
    row = texts(table).index("0.weight")
    assert texts(table, Column.MEAN)[row] not in ("…", "—")
    assert model.stats._entries
    window.project.events.settings_changed.emit("device")  # what Project.to() announces (no GPU needed here)
    table.refresh_now()
    assert model.stats._entries == {}  # statistics are computed again, on the tensors' new device
    assert texts(table, Column.DEVICE)[row] == str(window.project.model[0].weight.device)
    assert texts(table, Column.MEAN)[row] not in ("…", "—") and model.stats._entries


def test_results_of_jobs_cleared_meanwhile_are_dropped(qtbot):
    from editor.ui.panels.parameters.stats import PENDING, StatsCache

    cache = StatsCache(inline_limit=10)
    tensor = torch.arange(100, dtype=torch.float32)
    ready = []
    cache.ready.connect(lambda: ready.append(True))
    assert cache.get(tensor) is PENDING
    cache.clear()  # the values changed: whatever the worker finds is stale
    assert cache.wait(5000)
    qtbot.wait(20)
    assert ready == [] and cache.get(tensor) is PENDING
    qtbot.waitUntil(lambda: bool(ready), timeout=5000)
    stats = cache.get(tensor)
    assert stats is not PENDING and stats.max == 99.0
    tensor.add_(1)  # an in-place change bumps the version: computed again
    assert cache.get(tensor) is PENDING
    qtbot.waitUntil(lambda: len(ready) == 2, timeout=5000)
    assert cache.get(tensor).max == 100.0
