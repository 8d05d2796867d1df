"""What the model says stays English for code and tests, and keeps its template for the ui to translate."""

from __future__ import annotations

import ast
import builtins
import copy
import importlib.util
import pickle
from pathlib import Path

import pytest

from editor.model.errors import ValidationError
from editor.model.words import Said, join, message_of, say

ROOT = Path(__file__).resolve().parents[2]


def test_say_is_the_english_text_and_keeps_template_and_values():
    text = say("Block {path}: {count:,} parameters", path="1.0", count=12345)
    assert text == "Block 1.0: 12,345 parameters"
    assert isinstance(text, str) and isinstance(text, Said)
    assert text.template == "Block {path}: {count:,} parameters"
    assert text.values == {"path": "1.0", "count": 12345}


def test_said_survives_errors_pickles_and_copies():
    error = ValidationError(say("{kind} needs {n} inputs.", kind="Bilinear", n=2))
    assert str(error) == "Bilinear needs 2 inputs."
    said = message_of(error)
    assert isinstance(said, Said) and said.template == "{kind} needs {n} inputs."
    for clone in (pickle.loads(pickle.dumps(said)), copy.deepcopy(said)):
        assert clone == said and clone.template == said.template and clone.values == said.values


def test_message_of_a_plain_error_is_its_text():
    assert message_of(ValueError("plain words")) == "plain words"
    assert not isinstance(message_of(ValueError("x")), Said)


def test_join_keeps_each_part():
    text = join([say("First {a}.", a=1), "", say("Second.")])
    assert text == "First 1. Second."
    assert [v.template for v in text.values.values()] == ["First {a}.", "Second."]
    assert join(["a", "b"], separator="{x}") == "a{x}b"


def _raised_texts(path: Path) -> list[str]:
    """Places in ``path`` that raise a LayerLab error with a literal or f-string message not made by ``say``.

    Python's own errors (``IndexError`` from a sequence protocol, ``TypeError`` for a wrong argument type)
    speak to programmers and stay as they are; every refusal a learner meets is a LayerLab error.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            first = node.exc.args[0]
            ours = name.endswith("Error") and not hasattr(builtins, name)
            if ours and isinstance(first, (ast.JoinedStr, ast.Constant, ast.BinOp)) \
                    and not (isinstance(first, ast.Constant) and not isinstance(first.value, str)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


@pytest.mark.parametrize("layer", ["model", "io"])
def test_every_error_the_model_and_io_raise_is_said_for_translation(layer):
    """Messages are written with ``say`` (so the Chinese ui can show them), never as bare literals or f-strings."""
    bare = [place for path in sorted((ROOT / "editor" / layer).rglob("*.py")) for place in _raised_texts(path)]
    assert not bare, "\n".join(bare)


def test_every_say_template_is_a_literal():
    """The build script collects literal templates for the translators; anything else would never translate."""
    script = ROOT / "resources" / "translations" / "build.py"
    spec = importlib.util.spec_from_file_location("translations_build", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    odd = [f"{path.relative_to(ROOT)}:{line}"
           for folder in ("model", "io") for path in sorted((ROOT / "editor" / folder).rglob("*.py"))
           for template, line in build.say_calls(path.read_text(encoding="utf-8")) if template is None]
    assert not odd


def test_a_misspelt_layer_kind_gets_a_did_you_mean():
    import pytest

    import editor.io.doors  # noqa: F401 - Project.from_code
    from editor import Project
    from editor.io.errors import CodeImportError
    from editor.model.errors import UnsupportedLayerError
    from editor.model.words import closest

    names = ["Linear", "ReLU", "Conv2d", "BatchNorm1d"]
    assert [closest(n, names) for n in ("relu", "nn.ReLU", "torch.nn.RelU", "Linaer", "Conv2D", "xyz", "", None)] == [
        "ReLU", "ReLU", "ReLU", "Linear", "Conv2d", None, None, None]
    with pytest.raises(UnsupportedLayerError, match=r"'relu' in the catalog\. Did you mean ReLU\? Known kinds"):
        Project().append_layer("relu")
    with pytest.raises(UnsupportedLayerError) as refused:
        Project().append_layer("Transformer")
    assert "Did you mean" not in str(refused.value)
    with pytest.raises(CodeImportError, match=r"nn\.RelU is not a layer LayerLab knows\. Did you mean nn\.ReLU\?"):
        Project.from_code("from torch import nn\nnet = nn.Sequential(nn.Linear(2, 3), nn.RelU())")


def test_apply_fix_of_an_error_without_one_says_so():
    import pytest

    from editor import Project, ValidationError

    p = Project()
    with pytest.raises(ValidationError, match=r"There is no fix to apply"):
        p.apply_fix(None)


def test_a_method_call_in_an_init_expression_says_how_to_write_it():
    import pytest

    import editor.io.doors  # noqa: F401
    from editor.model.custom.expr import ExpressionError
    from editor.model.examples import mlp

    with pytest.raises(ExpressionError, match=r"cannot call the method \.abs\(\).*write abs\(w\) instead"):
        mlp(0).initialize("uniform_", a=-10, b=10, expression="w * (w.abs() >= 5)")  # the book's .abs() form


def test_the_book_s_capital_x_in_a_layer_says_it_is_x_here():
    import pytest

    from editor.model.custom.definitions import DefinitionError, LayerDefinition

    with pytest.raises(DefinitionError, match=r"unknown name 'X': here it is written x"):
        LayerDefinition("CenteredLayer", "X - X.mean()")
