"""After a backward pass the parameter table's grad column and the histogram's '.grad beside' show autograd's."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from editor import Project
from editor.ui.panels.histogram import HistogramPanel
from editor.ui.panels.parameters import ParameterTable
from editor.ui.panels.parameters.cells import Column
from tests.ui.helpers import settle


@pytest.fixture
def project() -> Project:
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2)))
    p.input_shape = (5, 4)
    return p


def test_the_grad_column_shows_norm_and_mean_after_a_backward(qtbot, project):
    table = ParameterTable()
    qtbot.addWidget(table)
    table.set_project(project)
    table.show()
    table.refresh_now()
    model = table.table_model
    weight_row = next(r for r in range(model.rowCount()) if model.data(model.index(r, Column.NAME)) == "0.weight")
    assert model.data(model.index(weight_row, Column.GRADIENT)) == "—"
    project.run(backward="sum")
    table.gradients_changed()
    grad = project.model[0].weight.grad

    def shown() -> str:
        return model.data(model.index(weight_row, Column.GRADIENT))

    qtbot.waitUntil(lambda: shown() not in ("—", "…"), timeout=10_000)
    norm, mean = (float(part) for part in shown().split(", "))
    assert norm == pytest.approx(float(grad.norm()), rel=1e-3) and mean == pytest.approx(float(grad.mean()), rel=1e-3,
                                                                                           abs=1e-6)
    settle()


def test_the_grad_column_comes_into_sight_after_a_backward_at_the_window_s_usual_width(window, qtbot):
    """At 1400 px the table is ~830 px wide: the grad column, last of 13, was out of sight. A backward brings it
    right after numel; the block column, the row's own header above it, shows in the state_dict view alone."""
    from editor.model import examples

    table = window.parameter_table
    window.set_project(examples.cnn(0))
    window.bottom_tabs.setCurrentWidget(table)
    settle()
    header = table.view.horizontalHeader()
    assert table.view.isColumnHidden(Column.BLOCK)
    before = header.visualIndex(Column.GRADIENT)
    assert before == header.count() - 1  # last, until there are gradients
    window.project.run(backward="sum")
    table.gradients_changed()
    settle()
    assert header.visualIndex(Column.GRADIENT) == header.visualIndex(Column.NUMEL) + 1
    right = header.sectionViewportPosition(Column.GRADIENT) + header.sectionSize(Column.GRADIENT)
    assert right <= table.view.viewport().width()  # in sight without scrolling
    table.set_state_view(True)
    assert not table.view.isColumnHidden(Column.BLOCK)
    table.set_state_view(False)
    assert table.view.isColumnHidden(Column.BLOCK)
    model = table.table_model
    running = next(r for r in range(model.rowCount()) if model.data(model.index(r, Column.NAME)) == "0.1.running_mean")
    assert model.data(model.index(running, Column.NAME), Qt.ItemDataRole.ToolTipRole).endswith(
        ", in block 0.1 · BatchNorm2d")  # the buffers' section sits away from the block's header row
    window.set_project(examples.mlp(0))  # another project, no .grad: the column goes back to the end
    assert header.visualIndex(Column.GRADIENT) == header.count() - 1


def test_the_histogram_shows_the_gradient_beside_the_values(qtbot, project):
    panel = HistogramPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.set_project(project)
    panel.show()
    panel.show_parameter("0", "weight")
    panel.show_grad.setChecked(True)
    qtbot.waitUntil(lambda: "No .grad yet" in panel.grad_note.text(), timeout=10_000)
    project.run(backward="mse")
    panel.gradients_changed()
    qtbot.waitUntil(lambda: panel.grad_plot.data is not None, timeout=10_000)
    assert panel.grad_plot.data.numel == 12 and panel.grad_box.isVisible()
    assert panel.grad_plot.data.min == pytest.approx(float(project.model[0].weight.grad.min()))
