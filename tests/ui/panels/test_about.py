"""The "About this layer" panel: what the layer does, its hyperparameters, its count with its own numbers, its docs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from torch import nn

from editor import Project
from editor.model import catalog
from editor.ui import i18n
from editor.ui.panels.about import AboutLayerPanel
from editor.ui.panels.about_formula import numbered_formula
from tests.ui.helpers import settle

LINEAR = "in_features * out_features + (out_features if bias else 0)"


@pytest.fixture
def panel(qtbot):
    widget = AboutLayerPanel()
    qtbot.addWidget(widget)
    return widget


def shown(panel: AboutLayerPanel, project: Project, path: str) -> str:
    panel.show_nodes(project, [project.node(path)])
    return panel.body.text()


def test_a_linear_block_says_what_it_does_and_counts_with_its_numbers(panel):
    project = Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU()))
    text = shown(panel, project, "0")
    assert panel.title.text() == "About Linear"
    assert "Fully connected layer: multiplies by a weight matrix and adds a bias." in text
    assert "in_features × out_features + out_features (bias)" in text
    assert "= 20·10 + 10 = 210" in text and "Parameters: 210" in text
    assert "<code>in_features = 20</code>" in text and "Size of each input sample (the last dimension)." in text
    assert "<code>bias = True</code>" in text
    assert "https://docs.pytorch.org/docs/stable/generated/torch.nn.Linear.html" in text
    assert "weight</code> (10, 20) — nn.Parameter" in text and "bias</code> (10,) — nn.Parameter" in text
    assert "A plain tensor stored as an attribute is none of these." in text


def test_the_numbers_follow_edits_and_options(panel):
    project = Project.from_module(nn.Sequential(nn.Linear(20, 10, bias=False)))
    assert "= 20·10 = 200" in shown(panel, project, "0")
    project.set_hyperparameters("0", out_features=4, bias=True)
    panel.refresh()
    assert "= 20·4 + 4 = 84" in panel.body.text()


def test_buffers_and_train_eval_mode_are_explained_where_they_matter(panel):
    project = Project.from_module(nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Dropout(), nn.ReLU()))
    norm = shown(panel, project, "1")
    assert "running_mean</code> (8,) — buffer" in norm and "no optimizer trains it" in norm
    assert "= 8 + 8 = 16" in norm and "in eval mode it uses the running statistics" in norm
    dropout = shown(panel, project, "2")
    assert "This layer learns nothing" in dropout and "in eval mode (model.eval()) it passes the input" in dropout
    relu = shown(panel, project, "3")
    assert "Train and eval mode" not in relu and "buffer" not in relu


def test_with_no_block_selected_it_says_what_to_click(panel):
    project = Project.from_module(nn.Sequential(nn.Sequential(nn.Linear(2, 2), nn.ReLU())))
    panel.show_nodes(project, [])
    assert panel.title.text() == "About this layer" and "Select a block" in panel.body.text()
    panel.show_nodes(project, [project.node("0")])  # a group
    assert "Select a block" in panel.body.text()
    panel.show_nodes(project, [project.node("0"), project.node("0.0"), project.node("0.1")])
    assert panel.title.text() == "About Linear"
    assert "The numbers are those of block 0.0; 1 more selected." in panel.body.text()


def test_a_removed_block_is_no_longer_explained(panel):
    project = Project.from_module(nn.Sequential(nn.Linear(2, 2), nn.ReLU()))
    shown(panel, project, "0")
    project.pop(0)
    panel.refresh()
    assert panel.title.text() == "About this layer"


@pytest.mark.parametrize("kind", [k for k in catalog.kinds() if k.param_count != "0"], ids=lambda k: k.name)
def test_every_counted_kind_gets_its_numbered_formula_right(kind):
    """The formula with the defaults' numbers adds up to the parameters a real module holds."""
    project = Project()
    project.append_layer(kind.name)
    layer = project.node("0").layer
    found = numbered_formula(kind.param_count, layer.params)
    assert found is not None
    assert found[1] == sum(p.numel() for p in layer.module.parameters())


def test_the_formula_writer_reads_only_what_it_knows():
    assert numbered_formula(LINEAR, {"in_features": 20, "out_features": 10, "bias": True}) == ("20·10 + 10", 210)
    conv = "out_channels * (in_channels // groups) * prod(ntuple(kernel_size, 2)) + (out_channels if bias else 0)"
    assert numbered_formula(conv, {"in_channels": 4, "out_channels": 16, "groups": 2, "kernel_size": (3, 5),
                                   "bias": True}) == ("16·(4 ÷ 2)·3·5 + 16", 496)
    assert numbered_formula("(n if affine else 0) + (n if affine and bias else 0)",
                            {"n": 8, "affine": False, "bias": True}) == ("0", 0)
    for hostile in ("__import__('os').system('true')", "x.__class__", "[1] * 10**9", "a ** b", "f(1)", "1 +"):
        assert numbered_formula(hostile, {"x": 1, "a": 2, "b": 3}) is None
    assert numbered_formula("a", {"a": 1.5}) is None  # not a count
    assert numbered_formula("x" * 5000, {}) is None


def test_the_panel_speaks_chinese(panel):
    project = Project.from_module(nn.Sequential(nn.Linear(20, 10)))
    try:
        i18n.languages().install("zh_CN")
        text = shown(panel, project, "0")
        assert panel.title.text() == "关于 Linear"
        assert "全连接层" in text and "超参数" in text and "每个输入样本的大小" in text
        assert "in_features × out_features + out_features（偏置）" in text and "= 20·10 + 10 = 210" in text
        assert "nn.Parameter" in text and "state_dict()" in text
        i18n.languages().install("en")  # it follows the switch by itself
        assert panel.title.text() == "About Linear" and "Hyperparameters" in panel.body.text()
    finally:
        i18n.languages().install("en")


def test_the_window_shows_it_under_the_inspector_and_follows_the_selection(window):
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU())))
    about = window.findChild(AboutLayerPanel, "aboutLayerPanel")
    assert about is window.about_panel and window.docks["inspector"].isAncestorOf(about)
    window.select_nodes([window.project.node("0")])
    settle()
    assert about.findChild(QLabel, "aboutLayerTitle").text() == "About Linear"
    assert "= 20·10 + 10 = 210" in about.body.text()
    window.edit_actions.set_hyperparameters(["0"], {"out_features": 5})
    window.refresh()
    assert "= 20·5 + 5 = 105" in about.body.text()
    window.select_nodes([])
    settle()
    assert about.title.text() == "About this layer"
    window.undo_stack.setClean()
