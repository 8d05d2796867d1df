"""The histogram plot: an empty plot says so (no stale axes), and its density label always fits the plot."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.init.distributions import uniform
from editor.model.stats.histogram import compute_histogram
from editor.ui.panels.histogram.panel import HistogramPanel
from editor.ui.panels.histogram.plot import EMPTY_MESSAGE, HistogramPlot
from tests.ui.helpers import settle


@pytest.fixture
def panel(qtbot):
    project = Project(seed=0)
    project.append_layer("Linear", in_features=20, out_features=10)
    project.append(nn.ReLU())
    widget = HistogramPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.set_project(project)
    widget.show()
    return widget


def drawn(qtbot, panel: HistogramPanel) -> None:
    qtbot.waitUntil(lambda: not panel._timer.isActive() and not panel.computing, timeout=10000)


def axes_shown(plot: HistogramPlot) -> bool:
    item = plot.getPlotItem()
    return item.getAxis("bottom").isVisible() and item.getAxis("left").isVisible()


def test_an_empty_selection_clears_the_axes_and_says_nothing_to_show(qtbot, panel):
    panel.show_parameter("0", "weight")
    drawn(qtbot, panel)
    plot = panel.plot
    assert axes_shown(plot) and not plot.empty_text.isVisible() and panel.stats.isVisibleTo(panel)
    panel.show_block("1")  # a ReLU: no parameters
    drawn(qtbot, panel)
    assert not axes_shown(plot)  # no ticks left over from 0.weight
    assert plot.empty_text.isVisible() and plot.empty_text.toPlainText() == EMPTY_MESSAGE
    assert len(plot.bars.xData or []) == 0 and plot.getPlotItem().titleLabel.text == ""
    assert not panel.stats.isVisibleTo(panel) and "no parameters" in panel.note.text()
    panel.show_parameter("0", "bias")
    drawn(qtbot, panel)
    assert axes_shown(plot) and not plot.empty_text.isVisible() and panel.stats.isVisibleTo(panel)


def test_a_uniform_density_shows_both_edges(qtbot):
    plot = HistogramPlot()
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    values = torch.linspace(-0.4, 0.3, 500)  # no value near the bounds of U(−0.5, 0.5)
    plot.show_histogram(compute_histogram([values], 30), uniform(0.5, "the rule"))
    low, high = plot.getPlotItem().getViewBox().viewRange()[0]
    assert low < -0.5 and high > 0.5


def fits(plot: HistogramPlot) -> bool:
    """The label and the plot area end inside the widget (nothing is clipped on the right)."""
    item = plot.getPlotItem()
    right = plot.width() + 0.5
    return item.titleLabel.sceneBoundingRect().right() <= right and \
        item.getViewBox().sceneBoundingRect().right() <= right


def test_the_init_previews_label_fits_at_the_default_size_and_when_narrower(window, qtbot):
    from editor.ui.dialogs.init_dialog import InitDialog

    project = window.project
    project.append_layer("Linear", in_features=20, out_features=10)
    settle()
    window.select_nodes([project.node("0")])
    window.edit_actions.initialize.trigger()
    dialog = window.findChild(InitDialog, "initDialog")
    qtbot.addWidget(dialog)
    dialog.function.setCurrentText("nn.init.xavier_uniform_")
    dialog.update_preview()
    plot = dialog.preview.plot
    qtbot.waitUntil(lambda: dialog.preview.shown_numel == 200, timeout=10000)
    settle()
    assert fits(plot)
    dialog.resize(dialog.minimumSizeHint())
    settle()
    assert plot.width() < 450 and fits(plot)
    assert plot.label_shortened and plot.label_text.endswith("…")
    assert dialog.preview.caption.text().endswith(f"Expected: {plot.full_label}")
    dialog.resize(1400, 700)
    settle()
    assert fits(plot) and plot.label_text == plot.full_label
