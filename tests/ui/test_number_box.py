"""Number fields keep what a learner types: 1e-4 is not 1, 0.000001 is not 0, and std=1e-5 is not 15."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.ui.number_box import NumberBox, log_step, short


def _type(qtbot, box: NumberBox, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize("text, value", [("1e-4", 1e-4), ("0.000001", 1e-6), ("3.5E-3", 3.5e-3), ("2", 2.0),
                                         (".5", 0.5), ("1e-8", 1e-8), ("0.1234567891", 0.1234567891)])
def test_typed_numbers_are_kept_with_every_digit(qtbot, text, value):
    box = NumberBox(1e-8, 10.0, 0.01)
    qtbot.addWidget(box)
    box.show()
    _type(qtbot, box, text)
    assert box.value() == value
    assert float(box.text()) == value  # shown so that it reads back as itself


def test_a_number_out_of_range_is_clamped_visibly_and_letters_are_refused(qtbot):
    box = NumberBox(0.0, 10.0, 1.0)
    qtbot.addWidget(box)
    box.show()
    _type(qtbot, box, "25")
    box.clearFocus()
    qtbot.waitUntil(lambda: box.value() == 10.0)
    assert box.text() == "10"
    _type(qtbot, box, "abc")  # letters other than an exponent's e are not taken at all
    assert box.value() == 10.0


def test_the_arrows_of_a_learning_rate_step_through_one_two_five():
    assert [short(v) for v in (log_step(0.001, 1), log_step(0.002, 1), log_step(0.005, 1), log_step(0.003, 1))] == [
        "0.002", "0.005", "0.01", "0.005"]
    assert [short(v) for v in (log_step(0.01, -1), log_step(0.005, -1), log_step(0.0011, -1))] == [
        "0.005", "0.002", "0.001"]
    assert short(200.0) == "200" and short(1e-6) == "1e-06"


def test_the_learning_rate_field_takes_1e_4_and_its_arrows_step_a_decade_in_three(qtbot):
    from editor.ui.panels.run.training import TrainingBox

    box = TrainingBox()
    qtbot.addWidget(box)
    box.show()
    _type(qtbot, box.lr, "1e-4")
    assert box.lr.value() == 1e-4 and box._settings()["lr"] == 1e-4
    box.lr.stepBy(3)
    assert box.lr.value() == pytest.approx(1e-3)


def test_the_init_dialog_s_std_takes_1e_5(qtbot):
    from editor.ui.dialogs.init_arguments import argument_values, argument_widget

    widget = argument_widget("std", 0.01, float, (), lambda: None)
    qtbot.addWidget(widget)
    widget.show()
    _type(qtbot, widget, "1e-5")
    assert argument_values({"std": widget}) == {"std": 1e-5}


def test_an_unfinished_number_gives_back_the_value_before_not_the_minimum(qtbot):
    """Found by a review: "1e-" left in the learning rate became 1e-8, the field's minimum."""
    box = NumberBox(1e-8, 10.0, 0.01)
    qtbot.addWidget(box)
    box.show()
    for text in ("1e-", "-", "1e"):
        _type(qtbot, box, text)
        box.clearFocus()
        assert box.value() == 0.01


def test_a_decimal_comma_is_a_point(qtbot):
    """Found by a walkthrough: 0,01 became 1 (the comma was refused, leaving 001)."""
    box = NumberBox(1e-8, 10.0, 0.5)
    qtbot.addWidget(box)
    box.show()
    _type(qtbot, box, "0,01")
    assert box.value() == 0.01 and box.text() == "0.01"
