"""The status bar: a long message is elided (all of it in the tooltip) and never widens the window (issue #18)."""

from __future__ import annotations

from torch import nn

from editor import Project
from editor.ui.window.status import ElidedLabel
from tests.ui.helpers import settle


def shared_mismatch() -> Project:
    """A Linear used at two places that receive different shapes: the longest shape error there is."""
    p = Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU()))
    p.share("0", "2")
    p.insert_layer("2", "Linear", out_features=4)
    return p


def test_a_long_shape_error_is_elided_and_the_window_keeps_its_width(window):
    assert window.width() == 1400
    window.set_project(shared_mismatch())
    settle()
    label = window.status.shapes
    assert "shared with block 0" in label.text() and len(label.text()) > 200
    assert label.shown_text().endswith("…") and label.text().startswith(label.shown_text()[:-1])
    assert "one module cannot take both" in label.toolTip()  # the whole sentence is a hover away
    assert window.minimumSizeHint().width() < 1000 and window.width() == 1400
    window.project.input_shape = (2, 8)
    window.undo_stack.undo()
    settle()
    assert window.width() == 1400


def test_the_label_shows_everything_when_there_is_room(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText("Shapes OK · output (3, 5)")
    label.resize(400, 20)
    assert label.shown_text() == "Shapes OK · output (3, 5)" == label.toolTip()
    label.setText("x" * 2000)
    assert label.minimumSizeHint().width() == label.sizeHint().width() == ElidedLabel.MIN_WIDTH


def test_a_long_message_shows_whole_in_the_tooltip(window):
    text = "Could not do that: " + "a very long reason " * 30
    window.show_message(text)
    assert window.statusBar().currentMessage() == text == window.statusBar().toolTip()
    assert window.width() == 1400


def test_the_totals_say_how_much_is_not_allocated(window, free):
    from editor import Project

    p = Project(seed=0)
    p.keep_unallocated = True
    p.append_layer("Linear", in_features=4, out_features=2000)  # 39.1 KiB: kept unallocated in 30 KiB
    p.append_layer("Linear", in_features=2000, out_features=2)
    window.set_project(p)
    settle()
    assert window.status.params.text() == "14,002 params · 14,002 trainable · 54.7 KiB (39.1 KiB not allocated)"
    assert p.parameter_totals().allocated == 4002 * 4


def test_a_long_message_stays_as_long_as_it_takes_to_read():
    from editor.ui.window.status import LONGEST_MS, MESSAGE_MS, READING_MS, message_ms

    assert message_ms("Saved.") == MESSAGE_MS
    notice = "Line 37: 'model.load_state_dict(...)' was not run: LayerLab reads how the model is built. " * 3
    assert message_ms(notice) == READING_MS * len(notice) > MESSAGE_MS
    assert message_ms(notice * 100) == LONGEST_MS


def test_shapes_nothing_can_work_out_are_said_to_be_unknown_not_ok(window):
    """A first block whose input size nothing says (d2l's MyLinear): no output shape and no error is not OK."""
    source = (
        "import torch\nfrom torch import nn\n\n"
        "class MyLinear(nn.Module):\n"
        "    def __init__(self, in_units, units):\n"
        "        super().__init__()\n"
        "        self.weight = nn.Parameter(torch.randn(in_units, units))\n"
        "        self.bias = nn.Parameter(torch.randn(units,))\n\n"
        "    def forward(self, X):\n"
        "        return torch.relu(torch.matmul(X, self.weight.data) + self.bias.data)\n\n"
        "net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))\n")
    p = Project.from_code(source)
    assert p.output_shape is None and p.shape_error is None
    window.set_project(p)
    settle()
    assert window.status.shapes.text().startswith("Shapes unknown: set the input shape")
    p.input_shape = (2, 64)
    settle()
    assert window.status.shapes.text() == "Shapes OK · output (2, 1)"


def test_an_empty_design_says_how_to_start_not_that_its_shapes_are_ok(window):
    window.set_project(Project())
    settle()
    assert window.status.shapes.text() == "Empty design: drag a layer from the Layers list onto the canvas"
    window.project.input_shape = (3, 20)
    window.project.append(nn.Linear(20, 10))
    settle()
    assert window.status.shapes.text() == "Shapes OK · output (3, 10)"


def test_a_message_hides_the_shapes_line_and_it_comes_back_after(window, qtbot):
    """Never both drawn at once: also when the bar first shows after a message (a lesson opened as the editor went
    live); the line is back once the message has gone."""
    from editor.ui.window.status import DesignStatus

    status = window.status
    status.show_message("Lesson 3: Nested Sequentials and their shapes")
    assert not status.shapes.isVisible()
    status.clearMessage()
    assert status.shapes.isVisible()
    fresh = DesignStatus(window.session)
    qtbot.addWidget(fresh)
    fresh.showMessage("shown before the bar is", 60_000)
    fresh.show()
    assert fresh.isVisible() and not fresh.shapes.isVisible()
    fresh.showMessage("a short one", 30)
    qtbot.waitUntil(lambda: fresh.shapes.isVisible(), timeout=2_000)  # the message timed out
