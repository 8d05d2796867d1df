"""The inspector: fitting editors, validation as you type, edits that apply to every selected block."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox
from torch import nn

from editor.model.examples import cnn, nested
from tests.ui.helpers import settle


def select(window, *paths):
    window.select_nodes([window.project.node(p) for p in paths])
    settle()


def test_linear_gets_spin_boxes_limited_to_valid_ranges(window, qtbot):
    window.project.append(nn.Linear(20, 10))
    settle()
    select(window, "0")
    inspector = window.inspector
    spin = inspector.editors["out_features"].widget
    assert isinstance(spin, QSpinBox) and spin.minimum() == 1
    assert isinstance(inspector.editors["bias"].widget, QCheckBox)
    assert inspector.editors["in_features"].auto_box is not None
    spin.setValue(12)
    qtbot.waitUntil(lambda: window.project[0].out_features == 12, timeout=2000)
    assert window.undo_stack.undoText() == "Change Linear out_features"


def test_invalid_value_shows_a_message_and_never_reaches_the_model(window, qtbot):
    window.set_project(cnn(0))
    select(window, "0.0")
    inspector = window.inspector
    before = repr(window.project.model)
    edit = inspector.editors["kernel_size"].widget
    assert isinstance(edit, QLineEdit)
    for text in ("0", "abc", "3, 3, 3", "99"):
        edit.clear()
        qtbot.keyClicks(edit, text)
        message = inspector.messages["kernel_size"]
        assert message.isVisible() and message.text(), text
        edit.editingFinished.emit()
        settle()
        assert repr(window.project.model) == before
    assert "larger than the padded input" in inspector.messages["kernel_size"].text()
    groups = inspector.editors["groups"].widget
    groups.setValue(3)  # in_channels=1 is not divisible by 3
    assert inspector.messages["groups"].isVisible() and "divisible" in inspector.messages["groups"].text()
    qtbot.wait(400)
    assert repr(window.project.model) == before
    combo = inspector.editors["padding_mode"].widget
    assert isinstance(combo, QComboBox) and combo.count() == 4


def test_auto_toggle_follows_the_input(window, qtbot):
    window.project.extend([nn.Linear(20, 10), nn.Linear(7, 3)])
    settle()
    select(window, "1")
    editor = window.inspector.editors["in_features"]
    editor.auto_box.setChecked(True)
    qtbot.waitUntil(lambda: window.project[1].in_features == 10, timeout=2000)
    assert window.project.auto("1") == {"in_features"}
    assert window.project.shape_error is None


def test_edit_applies_to_every_selected_block_of_one_kind(window, qtbot):
    window.project.extend([nn.Dropout(0.1), nn.ReLU(), nn.Dropout(0.2)])
    settle()
    select(window, "0", "2")
    inspector = window.inspector
    steps = window.undo_stack.count()
    assert "2 × Dropout" in inspector.findChild(QLabel, "inspectorTitle").text()
    edit = inspector.editors["p"].widget
    edit.clear()
    qtbot.keyClicks(edit, "0.3")
    edit.editingFinished.emit()
    qtbot.waitUntil(lambda: window.project[0].p == 0.3 and window.project[2].p == 0.3, timeout=2000)
    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    assert window.project[0].p == 0.1 and window.project[2].p == 0.2


def test_group_shows_path_children_and_parameters(window, qtbot):
    window.set_project(nested(0))
    select(window, "1")
    text = " ".join(label.text() for label in window.inspector.findChildren(QLabel))
    assert "Group at path 1" in text and "3" in text and "475" in text


def test_nothing_selected_shows_the_design(window, qtbot):
    window.set_project(nested(0))
    select(window)
    text = " ".join(label.text() for label in window.inspector.findChildren(QLabel))
    assert "Nothing selected" in text and "1,770" in text


def test_shape_error_with_fix_button(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    window.project.extend([nn.Linear(20, 10), nn.Linear(7, 3)])
    settle()
    select(window, "1")
    button = window.inspector.findChild(QPushButton, "fixButton")
    assert button is not None and "follow the input (10)" in button.text()
    button.click()
    assert window.project[1].in_features == 10


def test_the_shared_sentence_counts_every_place_and_links_each():
    from editor.ui.panels.inspector import shared_sentence

    assert "changes both" in shared_sentence(["4"])
    three = shared_sentence(["4", "6"])
    assert "<a href='4'>block 4</a> and <a href='6'>block 6</a>" in three and "all three" in three
    assert "all 4" in shared_sentence(["1", "2", "3"])


def test_a_module_used_three_times_says_all_three_in_the_inspector(window):
    project = window.project
    project.append_layer("Linear", in_features=8, out_features=8)
    project.append(nn.ReLU())
    project.use_again("0", at="2")
    project.use_again("0", at="3")
    assert project.shared_with("0") == ["2", "3"]
    select(window, "2")
    label = window.inspector.findChild(QLabel, "sharedWith")
    assert label is not None and label.isVisible()
    assert "block 0</a> and <a href='3'>block 3</a>" in label.text()
    assert "used in 3 places, so editing or training one changes all three." in label.text()


def test_the_weights_line_checks_the_seed_once_after_a_burst_of_edits(window, qtbot, monkeypatch):
    """Edits don't each checksum every parameter: the line says what is known, and checks after the last edit."""
    import torch

    from editor.model.design import seeding
    from editor.ui.panels import inspector as module

    window.project.extend([nn.Linear(4, 4), nn.ReLU()])
    window.project.reset_parameters()  # from the seed
    settle()
    qtbot.wait(module.SEED_CHECK_MS + 100)
    words = window.inspector.findChild(QLabel, "seedWords")
    assert words.text() == "exactly what the seed gives"
    calls = []
    real = seeding.fingerprint
    monkeypatch.setattr(seeding, "fingerprint", lambda layers: calls.append(1) or real(layers))
    for _ in range(5):
        window.project.append(nn.ReLU())
        settle()
    assert calls == []  # nothing checked while the edits come
    with torch.no_grad():
        window.project[0].weight.data.fill_(0.5)  # behind the design's back: only a checksum notices
    window.project.append(nn.ReLU())
    settle()
    words = window.inspector.findChild(QLabel, "seedWords")
    assert words.text() == "exactly what the seed gives"  # what was known
    qtbot.waitUntil(lambda: words.text() == "changed since they were built from the seed", timeout=3000)
    assert len(calls) == 1  # one check for the burst
