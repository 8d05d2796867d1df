"""The custom-layer dialogs, "My blocks" and the inspector's definition speak Chinese, and switch back."""

from __future__ import annotations

import pytest
from torch import nn

from editor import Project
from editor.model.custom.definitions import LayerDefinition, ParameterSpec
from editor.ui import i18n
from tests.ui.helpers import settle
from tests.ui.test_i18n import untranslated

MY_LINEAR = LayerDefinition("MyLinear", "relu(x @ weight + bias)", (("in_units", 8), ("units", 4)),
                            (ParameterSpec("weight", ("in_units", "units")),
                             ParameterSpec("bias", ("units",), registered=False)))


@pytest.fixture(autouse=True)
def _library(monkeypatch, tmp_path):
    monkeypatch.setattr("editor.ui.window.custom_layers.library_folder", lambda: tmp_path / "library")


@pytest.fixture
def chinese(qapp):
    assert i18n.languages().install(i18n.CHINESE)
    yield
    i18n.languages().install(i18n.ENGLISH)


def _learners(where: str) -> bool:
    """What the learner typed (names, shapes, arguments), init function names, and the definition as code."""
    tables = ("hyperparameterTable", "parameterTable", "childTable", "reusableBlockFields")
    return ("cell" in where and any(t in where for t in tables)) or where.startswith("combo") \
        or "customDefinition" in where


def test_the_dialogs_palette_and_inspector_speak_chinese(chinese, qtbot):
    from editor.ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    p = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8))), seed=0)
    p.input_shape = (2, 8)
    p.define_layer(MY_LINEAR)
    p.append_layer("MyLinear")
    window.set_project(p)
    window.select_nodes([window.project.node("1")])
    settle()
    assert window.menus["layer"].title() == "层(&Y)"
    layer_dialog = window.custom_actions.open_new_layer()
    layer_dialog.name.setText("Bad Name")
    layer_dialog.check_now()
    edit_dialog = window.custom_actions.edit_definition("MyLinear")
    window.select_nodes([window.project.node("0")])
    block_dialog = window.custom_actions.open_make_block()
    menu = window.palette.definition_menu(window.palette.my_blocks()[0])
    window.select_nodes([window.project.node("1")])
    settle()
    for widget in (layer_dialog, edit_dialog, block_dialog, menu, window.inspector):
        left = [(where, text) for where, text in untranslated(widget)
                if not _learners(where) and text not in MY_LINEAR.hyperparameter_names]  # names they chose
        assert not left, left[:10]
    assert layer_dialog.windowTitle() == "新建自定义层" and block_dialog.ok.text() == "做成块"
    assert "普通的张量属性" in layer_dialog.plain_note.text() or not layer_dialog.plain_note.isVisibleTo(layer_dialog)
    i18n.languages().install(i18n.ENGLISH)
    settle()
    assert layer_dialog.windowTitle() == "New custom layer" and block_dialog.ok.text() == "Make block"
    assert window.menus["layer"].title() == "La&yer"
    for dialog in (layer_dialog, edit_dialog, block_dialog):
        dialog.reject()
    window.undo_stack.setClean()
