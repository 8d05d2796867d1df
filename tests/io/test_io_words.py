"""What editor/io says to a learner keeps its template, so the Chinese ui can translate it."""

from __future__ import annotations

import pytest

from editor.io.errors import CodeImportError, ProjectFileError
from editor.io.files.project_file import open_project
from editor.io.files.sentences import first_sentence
from editor.io.pycode.read.reader import import_code
from editor.model.errors import ValidationError
from editor.model.words import Said, join, message_of, say


def _templates(text: object) -> list[str]:
    """Every template in a Said and the Saids it holds, outermost first."""
    if not isinstance(text, Said):
        return []
    return [text.template] + [t for value in text.values.values() for t in _templates(value)]


def test_a_code_import_error_says_where_and_what():
    with pytest.raises(CodeImportError) as caught:
        import_code("import torch.nn as nn\nfor i in range(3):\n    pass\nmodel = nn.Sequential(nn.Linear(2, 3), "
                    "nn.Bogus())\n")
    said = message_of(caught.value)
    assert isinstance(said, Said) and said.template == "Line {line}, column {column}: {problem}"
    assert said.values["line"] == 4 and str(caught.value).startswith("Line 4, column ")
    assert isinstance(caught.value.problem, Said) and "{ref} is not a layer LayerLab knows" in \
        caught.value.problem.template


def test_a_syntax_error_keeps_pythons_words_in_a_field():
    with pytest.raises(CodeImportError) as caught:
        import_code("model = (\n")
    problem = caught.value.problem
    assert problem.template == "this is not valid Python: {reason}" and problem.values["reason"]


def test_a_missing_project_file_is_said(tmp_path):
    with pytest.raises(ProjectFileError) as caught:
        open_project(tmp_path / "none.pt")
    said = message_of(caught.value)
    assert said.template == "There is no {what} at {name}. Check the name and folder."
    assert isinstance(said.values["what"], Said) and said.values["what"] == "project file"


def test_first_sentence_cuts_between_parts_and_keeps_them_translatable():
    error = ValidationError(say("design.layers[{index}]: {problem}", index=3, problem=join(
        [say("{name} must be positive.", name="in_features"), say("Choose a value of at least 1.")])))
    sentence, period = first_sentence(error, 170)
    assert sentence == "design.layers[3]: in_features must be positive." and period
    assert _templates(sentence) == ["design.layers[{index}]: {problem}", "{part0}", "{name} must be positive."]


def test_first_sentence_of_plain_text_is_cut_as_before():
    assert first_sentence(ValueError("Bad thing. Do this instead."), 170) == ("Bad thing", False)
    assert first_sentence("x" * 300, 20) == ("x" * 19 + "…", False)


def test_lazy_notice_is_said():
    project = import_code("import torch\nimport torch.nn as nn\nnet = nn.Sequential(nn.LazyLinear(4))\n"
                          "net(torch.rand(2, 3))\n")
    notice = next(n for n in project.notices if "lazy" in n)
    assert isinstance(notice, Said)
    assert any(t == "{layer} (line {line}) became a {kind} with {name}={value}" for t in _templates(notice))
