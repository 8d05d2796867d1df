"""What the model says reaches the learner in the current language: errors, refusals, notes and undo names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from editor.commands.base import ProjectCommand
from editor.commands.edits import DeleteCommand, InsertLayerCommand
from editor.model.errors import LayerLabError, ValidationError
from editor.model.examples import mlp
from editor.model.words import Said, message_of, say
from editor.ui.i18n import fix_text, model_text
from editor.ui.jobs import plain_message


class Marking(QTranslator):
    """A stand-in for the Chinese catalogue: every text of ``contexts`` comes back marked "ZH:"."""

    def __init__(self, contexts: tuple[str, ...]) -> None:
        super().__init__()
        self.contexts = contexts

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"ZH:{source}" if context in self.contexts else None


@pytest.fixture
def marked(qapp):
    translator = Marking(("Model", "Command"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_a_said_message_is_translated_with_its_parts(marked):
    text = say("{where}{problem}", where=say("Block {path}: ", path="1.0"), problem=say("no parameters"))
    assert text == "Block 1.0: no parameters"
    assert model_text(text) == "ZH:ZH:Block 1.0: ZH:no parameters"
    assert model_text(ValidationError(text)) == model_text(text)
    assert model_text("what a learner typed") == "what a learner typed"


def test_a_fix_label_is_translated_at_its_block(marked):
    label = say("Set {name}={value} on block {path}", name="in_features", value="5", path="{path}")
    assert fix_text(label, "1.0") == "ZH:Set in_features=5 on block 1.0"


def test_a_job_error_keeps_what_the_model_said(qapp):
    said = say("The design is empty: add a layer first.")
    message = plain_message(LayerLabError(said))
    assert isinstance(message, Said) and message.template == said.template
    assert plain_message(ValueError("  torch's own words ")) == "torch's own words"


def test_a_refused_command_is_said_in_the_current_language(window, marked):
    window.set_project(mlp(0))
    window.session.run(InsertLayerCommand(window.project, "7.3", "Linear"))
    shown = window.statusBar().currentMessage()
    assert shown.startswith("ZH:") and "7" in shown and "ZH:the design" in shown, shown


def test_a_shape_error_on_the_canvas_and_in_the_status_bar_is_translated(window, marked, qtbot):
    project = mlp(0)
    window.set_project(project)
    project.set_hyperparameters("2", in_features=7)  # 10 → 7: the last Linear no longer fits
    qtbot.waitUntil(lambda: project.shape_error is not None)
    error = project.shape_error
    assert isinstance(error.sentence, Said)
    qtbot.waitUntil(lambda: any(getattr(item, "error", "") for item in window.scene.items()))
    item = next(item for item in window.scene.items() if getattr(item, "error", ""))
    assert item.error == model_text(error.sentence) and item.error.startswith("ZH:"), item.error
    qtbot.waitUntil(lambda: "ZH:" in window.status.shapes.toolTip())


def test_run_notes_and_errors_are_translated(window, marked):
    from editor.ui.panels.run.panel import RunPanel

    panel = window.run_panel
    assert isinstance(panel, RunPanel)
    window.set_project(mlp(0))
    panel._show_error(message_of(ValidationError(say("The design is empty: add a layer first."))))
    assert panel.summary.text() == "ZH:The design is empty: add a layer first."


def test_undo_names_are_said_in_the_language_of_the_moment(marked):
    project = mlp(0)
    assert InsertLayerCommand(project, "0", "ReLU").text() == "ZH:Insert ReLU"
    assert DeleteCommand(project, ["0", "1"], verb="Cut").text() == "ZH:Cut ZH:2 blocks"


def test_undo_names_are_english_without_a_translation():
    project = mlp(0)
    assert InsertLayerCommand(project, "0", "ReLU").text() == "Insert ReLU"
    assert DeleteCommand(project, ["0", "1"], verb="Cut").text() == "Cut 2 blocks"
    assert DeleteCommand(project, ["0"]).text() == "Delete Linear"
    assert isinstance(InsertLayerCommand(project, "0", "ReLU"), ProjectCommand)


def test_an_edit_made_from_a_script_is_named_in_the_current_language(window, marked):
    """``window.project.append(...)`` from Python becomes an undo step named by the Project's said operation name."""
    from torch import nn

    window.set_project(mlp(0))
    window.project.append(nn.ReLU())
    QCoreApplication.processEvents()
    assert window.undo_stack.undoText() == "ZH:Insert {kind}".format(kind="ReLU")
    window.project.set_label("0", "first")
    QCoreApplication.processEvents()
    assert window.undo_stack.undoText() == "ZH:Rename"


def test_joined_sentences_take_no_space_after_chinese_punctuation() -> None:
    from editor.commands.texts import said_text, sentences
    from editor.model.words import join, say

    assert sentences("第一句。", "torch says no.", "", "Then this.") == "第一句。torch says no. Then this."
    joined = join([say("The design is empty: add a layer first."), "plain text"])
    assert said_text(joined) == str(joined) == "The design is empty: add a layer first. plain text"


class Chinese(QTranslator):
    """Ends every sentence of the model with a Chinese full stop, as the real catalogue does."""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"中文{source.rstrip('.')}。" if context == "Model" else None


def test_sentences_joined_in_chinese_read_without_a_gap(qapp):
    from editor.model.words import join

    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        text = join([say("The design is empty: add a layer first."), "torch: shapes cannot be multiplied"])
        assert model_text(text) == "中文The design is empty: add a layer first。torch: shapes cannot be multiplied"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_expected_distribution_of_several_tensors_is_translated_part_by_part(marked):
    """A screenshot critique found the Chinese histogram legend in English past "共 2 个张量": the mixture's label
    joined its parts into plain text, which translates no more."""
    from editor.model.init.distributions import Mixture, uniform

    rule = say("{kind} default {name}, b = 1/√{size} = 1/√{fan_in}", kind="Linear", name="weight",
               size="in_features", fan_in=20)
    other = say("{kind} default {name}, b = 1/√{size} = 1/√{fan_in}", kind="Linear", name="weight",
                size="in_features", fan_in=10)
    label = Mixture(((uniform(0.2236, rule), 200), (uniform(0.3162, other), 50))).label
    shown = model_text(label)
    assert shown.count("ZH:Linear default weight") == 2 and "ZH:2 tensors" in shown
