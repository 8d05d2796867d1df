"""The Histogram tab: targets, bins, log y, the density overlay with its label, and following the Project."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from editor import Project
from editor.ui.panels.histogram.panel import HistogramPanel


@pytest.fixture
def project():
    p = Project(seed=0)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append(nn.ReLU())
    p.append_layer("BatchNorm1d", num_features=10)
    return p


def shown(qtbot, project: Project) -> HistogramPanel:
    """A histogram panel of ``project``, shown, its first histogram drawn."""
    widget = HistogramPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.set_project(project)
    widget.show()
    wait(qtbot, widget)
    return widget


@pytest.fixture
def panel(qtbot, project):
    return shown(qtbot, project)


def wait(qtbot, panel):
    """Until the worker's newest result is drawn."""
    qtbot.waitUntil(lambda: not panel._timer.isActive() and not panel.computing, timeout=10000)


def legend_texts(panel):
    """The distribution's label written on the plot (its title line)."""
    return [panel.plot.getPlotItem().titleLabel.text, panel.plot.label_text]


def test_shows_a_parameter_with_its_uniform_density(qtbot, panel, project):
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    weight = project[0].weight.detach().numpy()
    assert panel.objectName() == "histogram"
    assert panel.title.text() == "0.weight — Linear 20 → 10, 200 values"
    np.testing.assert_array_equal(panel.data.counts, np.histogram(weight, 60, (weight.min(), weight.max()))[0])
    assert "std" in panel.stats.text() and "200 values" in panel.stats.text()
    density = panel.plot.density_item
    assert density is not None and np.nanmax(density.yData) > 0
    bound = 1 / np.sqrt(20)
    expected = 200 * panel.data.bin_width / (2 * bound)  # numel · bin width · pdf inside U(−b, b)
    assert np.nanmax(density.yData) == pytest.approx(expected)
    assert any("U(−0.2236, 0.2236)" in text for text in legend_texts(panel))


def test_constant_parameter_gets_a_marker(qtbot, panel):
    panel.show_parameter("2", "weight")
    wait(qtbot, panel)
    assert panel.plot.density_item is None
    marker = panel.plot.marker_item
    assert marker is not None and list(marker.xData) == [1.0, 1.0]
    assert any("every value = 1" in text for text in legend_texts(panel))


def test_bins_spin_box_changes_the_bin_count(qtbot, panel):
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    assert panel.data.bins == 60
    panel.bins.setValue(25)
    wait(qtbot, panel)
    assert panel.data.bins == 25 and len(panel.plot.bars.xData) == 26


def test_log_y_toggle(qtbot, panel):
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    linear = np.array(panel.plot.bars.yData)
    panel.log_y.setChecked(True)
    logged = np.array(panel.plot.bars.yData)
    counts = panel.data.counts
    np.testing.assert_allclose(logged[counts > 0], np.log10(counts[counts > 0]))
    assert panel.plot.getPlotItem().getAxis("left").logMode
    panel.log_y.setChecked(False)
    np.testing.assert_array_equal(np.array(panel.plot.bars.yData), linear)


def test_block_and_all_weights(qtbot, panel, project):
    assert panel.title.text().startswith("All weights — 2 tensors")
    assert panel.data.numel == 200 + 10
    panel.show_block("0")
    wait(qtbot, panel)
    assert panel.data.numel == 210 and "Linear 20 → 10" in panel.title.text()
    panel.show_block("1")  # ReLU: nothing to show, and it says so
    wait(qtbot, panel)
    assert panel.data is None and "no parameters" in panel.note.text()


def test_follows_a_weights_change(qtbot, panel, project):
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    project.load_state({k: torch.full_like(v, 0.5) if k == "0.weight" else v
                        for k, v in project.model.state_dict().items()})
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.min == 0.5, timeout=10000)
    assert panel.data.std == 0.0


def test_parameter_table_row_shows_that_parameter(qtbot, window):
    window.project.append_layer("Linear", in_features=4, out_features=3)
    window.bottom_tabs.setCurrentWidget(window.histogram)
    window.parameter_table.parameter_selected.emit("0", "bias")
    qtbot.waitUntil(lambda: window.histogram.data is not None and window.histogram.data.numel == 3, timeout=10000)
    assert window.histogram.title.text().startswith("0.bias — Linear 4 → 3")
    window.parameter_table.parameter_selected.emit("", "")  # the totals row: everything
    qtbot.waitUntil(lambda: window.histogram.title.text().startswith("All weights"), timeout=10000)


def test_removed_block_falls_back_to_all_weights(qtbot, panel, project):
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    del project[0]
    qtbot.waitUntil(lambda: panel.title.text().startswith("All weights"), timeout=10000)


def test_window_has_the_tab_and_follows_selection(qtbot, window):
    window.project.append_layer("Linear", in_features=4, out_features=3)
    tabs = window.bottom_tabs
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Histogram" in names and names.index("Histogram") < names.index("print(net)")
    panel = window.findChild(HistogramPanel, "histogram")
    assert panel is window.histogram
    window.select_nodes([window.project.node("0")])
    qtbot.wait(100)
    assert not panel.isVisible() and panel.data is None  # a hidden tab computes nothing
    tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.numel == 15, timeout=10000)
    window.select_nodes([])
    qtbot.waitUntil(lambda: panel.title.text().startswith("All weights"), timeout=10000)


def test_a_long_label_is_cut_to_the_plot_and_written_whole_under_it(qtbot, panel):
    from PySide6.QtGui import QFont, QFontMetricsF

    from editor.model.init.distributions import uniform
    from editor.ui.panels.histogram.plot import KEY_WIDTH, TITLE_POINTS

    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    plot = panel.plot
    panel.distribution = uniform(0.25, "a rule with a long explanation, " * 8)
    label = panel.distribution.label
    panel._done(panel.data)  # as the worker's result arrives
    font = QFont(plot.font())
    font.setPointSizeF(TITLE_POINTS)
    assert QFontMetricsF(font).horizontalAdvance(plot.label_text) <= plot.width() - KEY_WIDTH
    assert plot.label_text.endswith("…") and plot.label_shortened and plot.toolTip() == label
    assert panel.note.text() == f"Expected: {label}" and not panel.note.isHidden()
    panel.resize(3000, 300)  # wide enough now: the whole label on the plot, no note
    assert plot.label_text == label and panel.note.isHidden()


def test_log_y_axis_reads_whole_counts(qtbot, panel):
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    panel.log_y.setChecked(True)
    axis = panel.plot.getPlotItem().getAxis("left")
    major, minor = axis._tickLevels
    assert [text for _, text in major][:3] == ["1", "10", "100"]  # 10 ** position, never 0.6 or 0.8
    assert all(value >= 0 for value, _ in major) and all(text == "" for _, text in minor)
    panel.log_y.setChecked(False)
    assert axis._tickLevels is None  # linear counts: pyqtgraph's own ticks


def test_the_panel_says_when_values_may_not_follow_the_curve(window, qtbot):
    project = window.project
    project.append_layer("Linear", in_features=20, out_features=10)
    state = {k: torch.zeros_like(v) for k, v in project.model.state_dict().items()}
    project.load_state(state)
    panel = window.histogram
    window.bottom_tabs.setCurrentWidget(panel)
    panel.show_parameter("0", "weight")
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.numel == 200, timeout=5000)
    assert "may not follow it" in panel.note.text() and panel.note.isVisible()


def test_a_failed_computation_is_said_in_words(qtbot, panel, monkeypatch):
    from editor.ui.panels.histogram import panel as panel_module

    def fail(tensors, bins, cancelled=None):
        raise RuntimeError("The values live on a device that is gone.")

    monkeypatch.setattr(panel_module, "compute_histogram", fail)
    panel.show_parameter("0", "weight")
    wait(qtbot, panel)
    assert panel.data is None and panel.stats.text() == ""
    assert panel.note.text() == "Could not compute the histogram: The values live on a device that is gone."


def test_a_newer_request_supersedes_the_running_one(qtbot, panel, monkeypatch):
    import threading

    from editor.ui.panels.histogram import panel as panel_module

    real = panel_module.compute_histogram
    started, stopped = threading.Event(), []

    def slow(tensors, bins, cancelled=None):
        started.set()
        while not cancelled():  # a long computation, until a newer request supersedes it
            threading.Event().wait(0.002)
        stopped.append(bins)
        raise panel_module.HistogramCancelled

    monkeypatch.setattr(panel_module, "compute_histogram", slow)
    panel.show_parameter("0", "weight")
    assert started.wait(5)
    monkeypatch.setattr(panel_module, "compute_histogram", real)
    panel.show_parameter("0", "bias")
    wait(qtbot, panel)
    assert stopped == [60] and panel.data.numel == 10 and panel.title.text().startswith("0.bias")


def test_the_plots_are_made_when_the_tab_is_first_shown(qtbot, project):
    """pyqtgraph's plots cost the start-up nothing while the tab is hidden; a choice made before stays."""
    from editor.ui.panels.histogram.plot import HistogramPlot

    widget = HistogramPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.set_project(project)
    widget.log_y.setChecked(True)
    assert widget.findChildren(HistogramPlot) == []
    widget.show()
    plots = {plot.objectName(): plot for plot in widget.findChildren(HistogramPlot)}
    assert set(plots) == {"histogramPlot", "gradientPlot"}
    assert widget.plot is plots["histogramPlot"] and widget.grad_plot is plots["gradientPlot"]
    assert widget.plot.isVisible() and not widget.grad_plot.isVisible() and widget.plot.log_y
    wait(qtbot, widget)
    weights = sum(t.numel() for name, t in project.model.named_parameters() if name.endswith("weight"))
    assert widget.plot.data is not None and widget.plot.data.numel == weights  # all weights, drawn


def test_asking_for_a_plot_makes_it_in_a_hidden_panel(qtbot, project):
    widget = HistogramPanel()
    qtbot.addWidget(widget)
    plot = widget.plot
    assert plot.objectName() == "histogramPlot" and widget.plot is plot and plot.parentWidget() is widget
    assert widget.grad_plot.parentWidget() is widget.grad_box


def test_weights_of_a_layer_kept_unallocated_are_left_out_and_said_so(qtbot, free):
    """They have no values: the histogram of every weight shows the others, and the block alone says why it is
    empty (it once failed with torch's "Tensor.item() cannot be called on meta tensors")."""
    p = Project(seed=0)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)  # 39.1 KiB: does not fit in 30 KiB
    p.append_layer("Linear", in_features=2000, out_features=2)
    widget = shown(qtbot, p)
    assert widget.title.text() == "All weights — 2 tensors, 4,000 values (1 tensor left out: not allocated)"
    assert widget.data is not None and int(widget.data.counts.sum()) == 4000
    assert "Could not" not in widget.note.text()
    widget.show_parameter("0", "weight")
    wait(qtbot, widget)
    assert widget.data is None and widget.note.text().startswith("Not allocated: these weights have no values yet.")
