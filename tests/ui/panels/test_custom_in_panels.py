"""Custom layers in the panels: the inspector shows and edits them; the table warns about plain tensors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from torch import nn

from editor import Project
from editor.model.custom.definitions import LayerDefinition, ParameterSpec
from editor.model.stats.parameters import PLAIN_EXPLANATION
from editor.ui.panels.parameters.cells import PLAIN, PLAINS, Column
from tests.ui.helpers import settle, show_table

PLAIN_LINEAR = LayerDefinition(
    "PlainLinear", "x @ weight + bias", (("in_units", 4), ("units", 3)),
    (ParameterSpec("weight", ("in_units", "units"), registered=False), ParameterSpec("bias", ("units",), "zeros")))


@pytest.fixture(autouse=True)
def _library(monkeypatch, tmp_path):
    monkeypatch.setattr("editor.ui.window.custom_layers.library_folder", lambda: tmp_path / "library")


def design() -> Project:
    p = Project.from_module(nn.Sequential(nn.Linear(6, 4)), seed=0)
    p.input_shape = (2, 6)
    p.define_layer(PLAIN_LINEAR)
    p.append_layer("PlainLinear")
    return p


def test_the_inspector_edits_a_custom_layers_hyperparameters_and_shows_its_definition(window, qtbot):
    window.set_project(design())
    p = window.project
    window.select_nodes([p.node("1")])
    settle()
    inspector = window.inspector
    assert set(inspector.editors) == {"in_units", "units"}  # the definition's hyperparameters, as for any layer
    code = inspector.findChild(QLabel, "customDefinition").text()
    assert "forward: x @ weight + bias" in code and "weight = torch.randn(in_units, units)" in code
    assert "bias = nn.Parameter(torch.zeros(units))" in code
    warning = inspector.findChild(QLabel, "plainTensorWarning")
    assert warning is not None and "weight" in warning.text() and "state_dict()" in warning.text()
    inspector.editors["units"].widget.setValue(5)
    qtbot.waitUntil(lambda: p.hyperparameters("1")["units"] == 5, timeout=3000)
    assert window.undo_stack.undoText() == "Change PlainLinear units" and p.shape("1") == (2, 5)
    opened = []
    window.custom_actions.edit_definition = opened.append  # what the button asks for
    inspector.edit_definition_requested.disconnect()
    inspector.edit_definition_requested.connect(opened.append)
    inspector.findChild(QPushButton, "editDefinitionButton").click()
    assert opened == ["PlainLinear"]
    about = window.about_panel.body.text()
    assert "pytorch.org" not in about and "layerlab.custom" not in about  # no page of its own, no inner name
    assert "x @ weight + bias" in about


def test_a_plain_tensor_row_carries_the_warning(window):
    table = show_table(window, design())
    model = table.table_model
    model.fetch_all()
    entries = model.entries()
    kinds = [e.kind for e in entries]
    assert PLAINS in kinds and kinds.count(PLAIN) == 1
    row = kinds.index(PLAIN)
    plain = entries[row].row
    assert plain.name == "1.weight" and plain.plain
    tip = model.data(model.index(row, Column.NAME), Qt.ItemDataRole.ToolTipRole)
    assert PLAIN_EXPLANATION in tip and "1.weight" in tip
    assert "parameters()" in tip and "state_dict()" in tip and "to(device)" in tip
    assert model.data(model.index(row, Column.GRAD)) == "⚠ plain"
    assert not model.flags(model.index(row, Column.GRAD)) & Qt.ItemFlag.ItemIsUserCheckable  # nothing to freeze
    assert model.data(model.index(row, Column.NAME), Qt.ItemDataRole.ForegroundRole).name() == "#b26b00"
    header = model.data(model.index(kinds.index(PLAINS), Column.NAME))
    assert "plain tensors" in header and "state_dict()" in header
    total = model.data(model.index(0, Column.NAME))
    assert "1 plain tensor, not counted" in total and "31 parameters" in total  # 6·4+4 + 3: not the 12
    table.view.setCurrentIndex(model.index(row, Column.NAME))
    settle()
    assert table.caption.text() == PLAIN_EXPLANATION
    table.set_state_view(True)  # the lesson: state_dict() does not hold it
    model.fetch_all()
    assert all(e.row is None or e.row.name != "1.weight" for e in model.entries())
