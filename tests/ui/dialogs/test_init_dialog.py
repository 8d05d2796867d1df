"""The Initialize dialog: build a rule, preview it, apply it as one undoable step."""

from __future__ import annotations

import torch
from torch import nn

from editor.model.examples import cnn
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


def test_apply_to_a_kind_is_one_undoable_step_that_restores_exact_values(window, qtbot):
    window.set_project(cnn(0))
    before = {k: v.clone() for k, v in window.project.model.state_dict().items()}
    dialog = open_dialog(window, qtbot)
    choose(dialog, "kaiming_normal_")
    dialog.arg_widgets["nonlinearity"].setCurrentText("relu")
    dialog.scope_kind.setChecked(True)
    dialog.kind.setCurrentText("Conv2d")
    dialog.update_preview()
    assert dialog.apply_button.isEnabled(), dialog.error.text()
    assert 'nn.init.kaiming_normal_(m.weight, nonlinearity="relu")' in dialog.code.text()
    assert "type(m) is nn.Conv2d" in dialog.code.text()
    dialog.apply_button.click()
    settle()
    state = window.project.model.state_dict()
    conv_keys = [k for k in state if k.endswith("weight") and state[k].dim() == 4]
    assert conv_keys and all(not torch.equal(state[k], before[k]) for k in conv_keys)
    assert all(torch.equal(state[k], before[k]) for k in state if k not in conv_keys)
    assert window.undo_stack.count() == 1 and "kaiming_normal_" in window.undo_stack.undoText()
    assert dialog.rules.count() == 1
    window.undo_stack.undo()
    assert all(torch.equal(window.project.model.state_dict()[k], v) for k, v in before.items())
    assert window.project.init_rules == ()


def test_selected_blocks_custom_rule_and_preview(window, qtbot):
    project = window.project
    project.append_layer("Linear", in_features=20, out_features=30)
    project.append(nn.ReLU())
    project.append_layer("Linear", in_features=30, out_features=5)
    settle()
    window.select_nodes([project.node("2")])
    settle()
    dialog = open_dialog(window, qtbot)
    assert dialog.scope_selected.isChecked() and "(1)" in dialog.scope_selected.text()
    choose(dialog, "uniform_")
    dialog.arg_widgets["a"].setValue(-10)
    dialog.arg_widgets["b"].setValue(10)
    dialog.expression.setText("where(abs(w) < 5, 0, w)")
    assert dialog.expression_check.isChecked()
    dialog.update_preview()
    qtbot.waitUntil(lambda: dialog.preview.shown_numel == 150, timeout=5000)
    assert "150 values from 2.weight" in dialog.preview.caption.text()
    assert "No density formula" in dialog.preview.caption.text()  # a custom rule has none
    first = project.model[0].weight.clone()
    dialog.apply_button.click()
    settle()
    w = project.model[2].weight.detach()
    assert ((w == 0) | (w.abs() >= 5)).all()
    assert torch.equal(project.model[0].weight, first)


def test_an_init_that_does_not_fit_is_explained_and_cannot_be_applied(window, qtbot):
    window.set_project(cnn(0))
    dialog = open_dialog(window, qtbot)
    choose(dialog, "eye_")
    dialog.scope_kind.setChecked(True)
    dialog.kind.setCurrentText("Conv2d")
    dialog.update_preview()
    assert not dialog.apply_button.isEnabled()
    assert "eye_ needs a 2-D tensor" in dialog.error.text() and "dirac_" in dialog.error.text()
    choose(dialog, "xavier_uniform_")
    dialog.parameters.setCurrentIndex(dialog.parameters.findData("bias"))
    dialog.update_preview()
    assert "at least 2 dimensions" in dialog.error.text()
    assert window.undo_stack.count() == 0


def test_gain_helper_and_rule_removal(window, qtbot):
    window.project.append_layer("Linear", in_features=8, out_features=8)
    settle()
    dialog = open_dialog(window, qtbot)
    choose(dialog, "xavier_normal_")
    dialog.scope_all.setChecked(True)
    dialog.gain_check.setChecked(True)
    dialog.gain_nonlinearity.setCurrentText("tanh")
    dialog.update_preview()
    assert 'gain=nn.init.calculate_gain("tanh")' in dialog.code.text()
    dialog.apply_button.click()
    settle()
    rule = window.project.init_rules[0]
    assert rule.gain_from == ("tanh", None) and rule.kwargs["gain"] == nn.init.calculate_gain("tanh")
    dialog.rules.setCurrentRow(0)
    dialog.remove_rule.click()
    settle()
    assert window.project.init_rules == ()
    assert dialog.rules.count() == 1 and "None yet" in dialog.rules.item(0).text()
    window.undo_stack.undo()
    assert len(window.project.init_rules) == 1


def test_a_rule_that_does_not_fit_shows_its_own_code_not_the_last_ones(window, qtbot):
    window.set_project(cnn(0))
    dialog = open_dialog(window, qtbot)
    dialog.scope_kind.setChecked(True)
    dialog.kind.setCurrentText("Conv2d")
    choose(dialog, "orthogonal_")
    dialog.update_preview()
    assert "orthogonal_" in dialog.code.text() and dialog.apply_button.isEnabled()
    choose(dialog, "sparse_")  # 2-D only: a Conv2d weight is 4-D
    dialog.update_preview()
    assert "needs a 2-D tensor" in dialog.error.text() and not dialog.apply_button.isEnabled()
    assert "orthogonal_" not in dialog.code.text() and "sparse_" in dialog.code.text()
    assert dialog.preview.caption.text().startswith("No preview")


def test_preview_writes_a_long_mixture_label_whole_under_the_plot(window, qtbot):
    window.set_project(cnn(0))
    dialog = open_dialog(window, qtbot)
    dialog.resize(900, 640)
    dialog.scope_kind.setChecked(True)
    dialog.kind.setCurrentText("Linear")
    choose(dialog, "xavier_uniform_")
    dialog.update_preview()
    plot = dialog.preview.plot
    qtbot.waitUntil(lambda: plot.full_label.startswith("2 tensors"), timeout=10000)
    assert plot.full_label.count("xavier_uniform_") == 1  # the shared rule said once, both bounds listed
    assert plot.full_label.count("U(−") == 2
    if plot.label_shortened:
        assert dialog.preview.caption.text().endswith(f"Expected: {plot.full_label}")
    else:
        assert plot.label_text == plot.full_label


def test_the_code_is_a_function_and_the_apply_call_that_uses_it(window, qtbot):
    window.set_project(cnn(0))
    dialog = open_dialog(window, qtbot)
    dialog.scope_kind.setChecked(True)
    dialog.kind.setCurrentText("Conv2d")
    choose(dialog, "zeros_")
    dialog.update_preview()
    code = dialog.code.text()
    assert code.startswith("def init_fn(m):\n    if type(m) is nn.Conv2d:") and code.endswith("\nmodel.apply(init_fn)")
    window.select_nodes([window.project.node("2.1")])  # the Linear inside the third Sequential
    settle()
    dialog.scope_selected.setChecked(True)
    dialog.update_preview()
    assert dialog.code.text().endswith("\nmodel[2][1].apply(init_fn)")


def test_a_nan_making_expression_is_flagged_in_the_preview_and_refused(window, qtbot):
    project = window.project
    project.append_layer("Linear", in_features=8, out_features=8)
    settle()
    before = {k: v.clone() for k, v in project.model.state_dict().items()}
    steps = window.undo_stack.count()
    dialog = open_dialog(window, qtbot)
    dialog.scope_all.setChecked(True)
    choose(dialog, "uniform_")
    dialog.arg_widgets["a"].setValue(-1.0)
    dialog.expression.setText("log(w)")
    dialog.update_preview()
    qtbot.waitUntil(lambda: "NaN or infinite values are left out" in dialog.preview.caption.text()
                    and not dialog._timer.isActive(), timeout=10000)
    dialog.apply_button.click()
    settle()
    assert "NaN or infinite value" in dialog.error.text() and window.undo_stack.count() == steps
    assert all(torch.equal(project.model.state_dict()[k], v) for k, v in before.items())
    qtbot.wait(400)  # the refusal stays: no preview scheduled behind it clears the message
    assert "NaN or infinite value" in dialog.error.text()


def test_the_preview_has_a_log_y_switch(window, qtbot):
    window.project.append_layer("Linear", in_features=20, out_features=30)
    settle()
    dialog = open_dialog(window, qtbot)
    dialog.preview.log_y.setChecked(True)
    assert dialog.preview.plot.log_y


def test_a_rule_over_blocks_kept_unallocated_previews_only_what_has_values(window, qtbot, free):
    """A sample as large as an unallocated layer is what did not fit: the preview leaves such layers out, says so
    when nothing else is left, and Apply still records the rule (it fills the allocated layers)."""
    project = window.project
    project.append_layer("Linear", in_features=4, out_features=2000)  # 39.1 KiB: does not fit in 30 KiB
    project.append_layer("Linear", in_features=2000, out_features=2)
    settle()
    assert project.unallocated() == ["0"]
    window.select_nodes([project.node("0")])
    settle()
    dialog = open_dialog(window, qtbot)
    choose(dialog, "normal_")
    dialog.update_preview()
    assert dialog.preview.caption.text() == ("No preview: the blocks it fills are not allocated; materialize them "
                                             "to see their values.")
    assert dialog.apply_button.isEnabled(), dialog.error.text()
    dialog.scope_all.setChecked(True)
    dialog.update_preview()
    qtbot.waitUntil(lambda: dialog.preview.shown_numel == 4000, timeout=5000)
    assert "4,000 values from 1.weight" in dialog.preview.caption.text()
