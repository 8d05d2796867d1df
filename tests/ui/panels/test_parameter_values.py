"""The values pane of the Parameters tab: a tensor printed exactly as torch prints it, in a worker."""

from __future__ import annotations

import threading

import torch
from PySide6.QtWidgets import QPlainTextEdit
from torch import nn

from editor import Project
from editor.model import examples
from editor.ui.panels.parameters.cells import Column
from editor.ui.panels.parameters.table import ParameterTable
from editor.ui.panels.parameters.values import MAX_CHARS, access, print_text
from tests.ui.helpers import show_table as show


def pick(table: ParameterTable, name: str) -> None:
    model = table.table_model
    model.fetch_all()
    names = [model.data(model.index(r, Column.NAME)) for r in range(model.rowCount())]
    table.view.setCurrentIndex(model.index(names.index(name), 0))


def printed(qtbot, table: ParameterTable, expected: str) -> None:
    qtbot.waitUntil(lambda: table.values.text.toPlainText() == expected, timeout=5000)


def test_a_parameter_reads_as_print_shows_it(window, qtbot):
    project = Project(seed=0)
    project.append_layer("Linear", in_features=20, out_features=10)
    table = show(window, project)
    pane = window.findChild(QPlainTextEdit, "tensorValues")
    assert pane is table.values.text and pane.isReadOnly() and pane.isVisible()
    assert pane.font().styleHint() == pane.font().StyleHint.Monospace
    pick(table, "0.weight")
    weight = project.model[0].weight
    printed(qtbot, table, str(weight))
    text = pane.toPlainText()
    assert text.startswith("Parameter containing:\ntensor([[") and text.endswith("requires_grad=True)")
    assert table.values.title.text() == "print(model[0].weight)"


def test_a_buffer_and_a_state_dict_entry_are_plain_tensors(window, qtbot):
    project = examples.cnn(0)
    table = show(window, project)
    pick(table, "0.1.running_var")
    printed(qtbot, table, str(project.model[0][1].running_var))
    assert table.values.title.text() == "print(model[0][1].running_var)"
    assert "Parameter containing" not in table.values.text.toPlainText()
    table.set_state_view(True)
    pick(table, "0.0.weight")
    state = project.model.state_dict()["0.0.weight"]
    printed(qtbot, table, str(state))  # state_dict() holds detached tensors: no requires_grad
    assert "requires_grad" not in table.values.text.toPlainText()
    assert table.values.title.text() == "print(model.state_dict()['0.0.weight'])"


def test_a_big_tensor_is_summarized_by_torch_and_printed_in_a_worker(window, qtbot, monkeypatch):
    from editor.ui.panels.parameters import values

    threads = []

    def spy(tensor, detach=False):
        threads.append(threading.current_thread())
        return print_text(tensor, detach)

    monkeypatch.setattr(values, "print_text", spy)
    project = Project(seed=0)
    project.append_layer("Linear", in_features=2000, out_features=1000)
    table = show(window, project)
    pick(table, "0.weight")
    weight = project.model[0].weight
    printed(qtbot, table, str(weight))
    text = table.values.text.toPlainText()
    assert "..." in text and len(text) < 2000  # torch's own summary of 2,000,000 values
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_values_follow_an_init_and_a_freeze(window, qtbot):
    project = Project(seed=0)
    project.append_layer("Linear", in_features=3, out_features=2)
    table = show(window, project)
    pick(table, "0.bias")
    bias = project.model[0].bias
    printed(qtbot, table, str(bias))
    window.project.initialize("constant_", parameters="bias", val=0.5)
    printed(qtbot, table, "Parameter containing:\ntensor([0.5000, 0.5000], requires_grad=True)")
    window.project.set_requires_grad("0", "bias", False)
    printed(qtbot, table, "Parameter containing:\ntensor([0.5000, 0.5000])")


def test_a_block_header_prints_each_of_its_parameters(window, qtbot):
    project = Project(seed=0)
    project.append_layer("Linear", in_features=2, out_features=2)
    project.append(nn.ReLU())
    table = show(window, project)
    pick(table, "▾  0  Linear")
    expected = (f">>> print(model[0].weight)\n{project.model[0].weight}\n\n"
                f">>> print(model[0].bias)\n{project.model[0].bias}")
    printed(qtbot, table, expected)
    assert table.values.title.text() == "model[0]: each parameter, printed"
    pick(table, table.table_model.data(table.table_model.index(0, Column.NAME)))  # the totals row
    assert "Click a parameter" in table.values.text.toPlainText()


def test_the_values_pane_can_be_hidden(window):
    table = show(window, examples.mlp())
    assert table.values.isVisible()
    table.values_button.click()
    assert not table.values.isVisible()
    table.values_button.click()
    assert table.values.isVisible()


def test_how_a_learner_reaches_a_tensor():
    assert access("0.weight") == "model[0].weight"
    assert access("1.0.bias") == "model[1][0].bias"
    assert access("encoder.2.weight") == "model.encoder[2].weight"
    assert access("0.self_attn.out_proj.bias") == "model[0].self_attn.out_proj.bias"
    assert access("my block.weight") == "model.get_parameter('my block.weight')"
    assert access("class.running_mean", buffer=True) == "model.get_buffer('class.running_mean')"


def test_printing_stays_bounded_whatever_the_print_options():
    big = torch.arange(100_000, dtype=torch.float32)
    torch.set_printoptions(profile="full")
    try:
        text = print_text(big)
    finally:
        torch.set_printoptions(profile="default")
    assert len(text) < MAX_CHARS + 200 and "more characters not shown" in text
    assert print_text(big) == str(big)
