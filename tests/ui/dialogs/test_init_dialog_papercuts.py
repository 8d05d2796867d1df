"""The Initialize dialog: overwritten rules are named and replaced in one step, Escape, the scope's default."""

from __future__ import annotations

import torch
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from torch import nn

from editor import Project
from editor.ui.dialogs.init_overwrites import overwrites
from tests.ui.helpers import settle


def open_dialog(window, qtbot):
    from editor.ui.dialogs.init_dialog import InitDialog

    window.edit_actions.initialize.trigger()
    dialog = window.findChild(InitDialog, "initDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog, function: str) -> None:
    dialog.function.setCurrentText(f"nn.init.{function}")


def three_layers(window) -> Project:
    project = window.project
    project.append_layer("Linear", in_features=20, out_features=10)
    project.append(nn.ReLU())
    project.append_layer("Linear", in_features=10, out_features=5)
    settle()
    return project


def state(project: Project) -> dict[str, torch.Tensor]:
    return {k: v.clone() for k, v in project.model.state_dict().items()}


def same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def apply(dialog, function: str, **args) -> None:
    choose(dialog, function)
    for name, value in args.items():
        dialog.arg_widgets[name].setValue(value)
    dialog.update_preview()
    assert dialog.apply_button.isEnabled(), dialog.error.text()
    dialog.apply_button.click()
    settle()
    dialog.update_preview()  # as the timer would, after the new undo step


def test_a_rule_that_overwrites_a_kept_one_names_it_and_replaces_it_in_one_step(window, qtbot):
    project = three_layers(window)
    window.select_nodes([project.node("0")])
    settle()
    dialog = open_dialog(window, qtbot)
    choose(dialog, "xavier_uniform_")
    dialog.update_preview()
    assert dialog.overwrites.isHidden() and dialog.replace.isHidden()  # nothing kept yet to overwrite
    apply(dialog, "xavier_uniform_")
    before, steps = state(project), window.undo_stack.count()
    choose(dialog, "normal_")
    dialog.update_preview()
    assert dialog.overwrites.text().startswith("Overwrites rule 1 (xavier_uniform_ on 0.weight): this rule fills "
                                               "the same tensors again")
    assert dialog.replace.isVisible() and dialog.replace.isChecked()
    assert dialog.replace.text() == "Replace it: remove rule 1 in the same step"
    assert dialog.rules.item(0).font().strikeOut() and "replaces it" in dialog.rules.item(0).toolTip()
    dialog.apply_button.click()
    settle()
    assert [r.function for r in project.init_rules] == ["normal_"]
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Initialize: normal_ on the weights of 1 chosen block (replaces rule 1)"
    assert dialog.rules.count() == 1 and "normal_" in dialog.rules.item(0).text()
    # The weights were the seed's: they still are, as if xavier_uniform_ had never been applied.
    assert project.weights_from_seed
    fresh = Project(seed=0)
    fresh.append_layer("Linear", in_features=20, out_features=10)
    fresh.append(nn.ReLU())
    fresh.append_layer("Linear", in_features=10, out_features=5)
    fresh.initialize("normal_", blocks=["0"])
    assert same(state(project), state(fresh))
    window.undo_stack.undo()
    assert [r.function for r in project.init_rules] == ["xavier_uniform_"] and same(state(project), before)
    window.undo_stack.redo()
    assert [r.function for r in project.init_rules] == ["normal_"] and same(state(project), state(fresh))


def test_unticking_replace_keeps_both_rules(window, qtbot):
    project = three_layers(window)
    dialog = open_dialog(window, qtbot)
    dialog.scope_all.setChecked(True)
    apply(dialog, "xavier_uniform_")
    choose(dialog, "zeros_")
    dialog.update_preview()
    assert "Overwrites rule 1 (xavier_uniform_ on 0.weight and 2.weight)" in dialog.overwrites.text()
    dialog.replace.setChecked(False)
    assert not dialog.rules.item(0).font().strikeOut()
    dialog.apply_button.click()
    settle()
    assert [r.function for r in project.init_rules] == ["xavier_uniform_", "zeros_"]


def test_a_partial_overwrite_is_said_and_the_rule_stays(window, qtbot):
    project = three_layers(window)
    dialog = open_dialog(window, qtbot)
    dialog.scope_all.setChecked(True)
    apply(dialog, "xavier_uniform_")
    window.select_nodes([project.node("2")])
    settle()
    choose(dialog, "ones_")
    dialog.update_preview()
    assert dialog.scope_selected.isChecked()
    assert dialog.overwrites.text() == ("Also fills again 2.weight from rule 1; that rule stays, since it fills "
                                        "other tensors too.")
    assert not dialog.replace.isVisible() and dialog.replaced_rules() == []
    found = overwrites(project, dialog.rule())
    assert [(o.number, o.names, o.again, o.whole) for o in found] == [(1, ("0.weight", "2.weight"), ("2.weight",),
                                                                        False)]


def test_a_refused_replacement_leaves_no_step_and_says_why(window, qtbot):
    project = three_layers(window)
    dialog = open_dialog(window, qtbot)
    dialog.scope_all.setChecked(True)
    apply(dialog, "uniform_")
    before, steps = state(project), window.undo_stack.count()
    choose(dialog, "uniform_")
    dialog.arg_widgets["a"].setValue(-1.0)
    dialog.expression.setText("log(w)")  # NaN for every negative sample: Apply is refused
    dialog.update_preview()
    assert dialog.replace.isVisible() and dialog.replace.isChecked()
    dialog.apply_button.click()
    settle()
    assert "NaN or infinite value" in dialog.error.text()
    assert window.undo_stack.count() == steps and not window.undo_stack.canRedo()
    assert len(project.init_rules) == 1 and same(state(project), before)
    qtbot.wait(300)
    assert "NaN or infinite value" in dialog.error.text()


def escape(widget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Escape)
    settle()


def focus(dialog, widget) -> None:
    dialog.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()


def test_escape_takes_back_the_edit_in_progress_then_closes(window, qtbot):
    three_layers(window)
    dialog = open_dialog(window, qtbot)
    focus(dialog, dialog.expression)
    QTest.keyClicks(dialog.expression, "where(w > 0, w, 0)")
    assert dialog.expression_check.isChecked()
    escape(dialog.expression)
    assert dialog.isVisible() and dialog.expression.text() == "" and not dialog.expression_check.isChecked()
    escape(dialog.expression)  # nothing left to take back: Escape closes, as in any dialog
    assert not dialog.isVisible()


def test_escape_in_a_spin_box_puts_its_number_back(window, qtbot):
    three_layers(window)
    dialog = open_dialog(window, qtbot)
    choose(dialog, "uniform_")
    settle()  # the new argument fields are shown
    spin = dialog.arg_widgets["b"]
    focus(dialog, spin)
    assert spin.hasFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "7")
    assert spin.text() == "7"  # (the value follows once the number is done: Enter, or leaving the field)
    escape(spin)
    assert dialog.isVisible() and spin.value() == 1.0
    QTest.keyClicks(spin, "3")
    QTest.keyClick(spin, Qt.Key.Key_Tab)  # leaving the field keeps the value
    focus(dialog, spin)
    escape(spin)
    assert not dialog.isVisible()


def test_the_scope_follows_the_selection(window, qtbot):
    project = three_layers(window)
    dialog = open_dialog(window, qtbot)
    assert dialog.scope_kind.isChecked() and not dialog.scope_selected.isEnabled()  # nothing selected
    dialog.close()
    window.select_nodes([project.node("2")])
    settle()
    dialog = open_dialog(window, qtbot)
    assert dialog.scope_selected.isChecked() and dialog.selected_paths() == ["2"]
    dialog.scope_all.setChecked(True)  # the user's own choice stays while the selection does
    apply(dialog, "zeros_")
    assert dialog.scope_all.isChecked()
    window.select_nodes([project.node("0")])  # a new selection while open: its blocks
    settle()
    assert dialog.scope_selected.isChecked() and "(1)" in dialog.scope_selected.text()
    window.select_nodes([])
    settle()
    assert dialog.scope_kind.isChecked()
    dialog.scope_all.setChecked(True)
    dialog.close()
    window.select_nodes([project.node("0"), project.node("2")])
    settle()
    dialog = open_dialog(window, qtbot)  # opened with blocks selected: those blocks
    assert dialog.scope_selected.isChecked() and "(2)" in dialog.scope_selected.text()


def test_a_narrow_short_dialog_keeps_room_for_its_wrapped_texts(window, qtbot):
    project = three_layers(window)
    window.select_nodes([project.node("0")])
    settle()
    dialog = open_dialog(window, qtbot)
    apply(dialog, "xavier_uniform_")
    choose(dialog, "normal_")
    dialog.update_preview()
    assert dialog.overwrites.isVisible()
    dialog.resize(dialog.minimumSizeHint().width(), 300)
    settle()
    below = [dialog.preview, dialog.code, dialog.overwrites, dialog.replace, dialog.rules]
    tops = [w.mapTo(dialog, w.rect().topLeft()).y() for w in below]
    bottoms = [w.mapTo(dialog, w.rect().bottomLeft()).y() for w in below]
    assert all(bottom < top for bottom, top in zip(bottoms, tops[1:], strict=False))  # nothing drawn over another
    assert bottoms[-1] < dialog.apply_button.mapTo(dialog, dialog.apply_button.rect().topLeft()).y()


def test_the_rule_just_applied_is_not_said_to_be_spoiled_by_itself(window, qtbot):
    """A walkthrough: right after Apply the dialog struck the new rule out and said it "would no longer do
    anything", as if Apply had broken it. It is the same rule, applied already."""
    project = three_layers(window)
    dialog = open_dialog(window, qtbot)
    dialog.scope_all.setChecked(True)
    apply(dialog, "normal_", std=1e-5)
    assert project.init_rules[0].args["std"] == 1e-5
    assert dialog.overwrites.text() == ("This is rule 1, applied already: applying it again, in its place, draws the "
                                        "same values from the seed.")  # (a walkthrough: "afresh" was not true)
    assert "no longer do anything" not in dialog.overwrites.text()
    assert not dialog.replace.isVisible() and not dialog.rules.item(0).font().strikeOut()  # nothing to untick
    dialog.apply_button.click()
    settle()
    assert len(project.init_rules) == 1  # again, in its place
