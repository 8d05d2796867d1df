"""Export → import → export is a fixed point: the same definitions, the same code text, the same weights.

The exported classes write each hyperparameter's default as a Python default
argument and a docstring only for a description, so reading them back gives
the very definitions they were written from.
"""

from __future__ import annotations

import pytest
import torch

from editor import Project
from editor.model.custom.definitions import BlockDefinition, ChildSpec, LayerDefinition, replace
from tests.io.pycode.test_custom_export import every_feature, textbook
from tests.model.custom.test_block_children import MY_SEQUENTIAL, NEST_MLP
from tests.model.custom.textbook import MY_LINEAR


def sequentials() -> Project:
    p = Project(seed=12)
    p.define_layer(replace(MY_LINEAR, hyperparameters=(("in_units", 64), ("units", 32)),
                           description="A linear layer, written by hand.\n\nIts weight is drawn with randn."))
    p.define_block(NEST_MLP)
    p.define_block(MY_SEQUENTIAL)
    p.define_block(BlockDefinition("Wrapper", (("n", 10),), (
        ChildSpec("first", "MySequential"),
        ChildSpec("wide", "Sequential", children=tuple(ChildSpec(str(i), "Linear", (("in_features", "n"),
                                                                                    ("out_features", "n")))
                                                        for i in range(8))),
        ChildSpec("2", "Tanh"))))
    p.append_layer("NestMLP", width=20)
    p.append_layer("Linear", in_features=16, out_features=20)
    p.append_layer("MySequential")
    p.append_layer("Wrapper")
    return p


def scaled() -> Project:
    p = Project(seed=3)
    p.define_layer(LayerDefinition("Scaled", "x * scale + shift", (("scale", 0.5), ("shift", -2), ("on", True)),
                                   description='Says "hi" and \\ back.'))
    p.append_layer("Scaled")
    p.append_layer("Scaled", scale=2.0, shift=1, on=False)
    return p


def same_weights(a: Project, b: Project) -> None:
    mine, theirs = a.model.state_dict(), b.model.state_dict()
    assert list(mine) == list(theirs) and all(torch.equal(mine[k], theirs[k]) for k in mine)


@pytest.mark.parametrize("make", [textbook, sequentials, scaled])
def test_definitions_made_in_the_app_come_back_unchanged_and_export_the_same_text(make):
    project = make()
    code = project.to_code()
    again = Project.from_code(code)
    assert dict(again.definitions) == dict(project.definitions)
    assert again.to_code() == code
    same_weights(again, project)
    assert repr(again.model) == repr(project.model) and again.weights_from_seed


def test_expressions_are_written_canonically_once_then_stay():
    first = Project.from_code(every_feature().to_code())  # torch.tanh(...) in a forward is read as tanh(...)
    code = first.to_code()
    second = Project.from_code(code)
    assert dict(second.definitions) == dict(first.definitions)
    assert second.to_code() == code
    same_weights(second, first)


def test_an_imported_class_exports_and_reads_back_unchanged():
    from tests.io.pycode.read.test_class_import import CENTERED, MY_LINEAR, NET

    for source in (NET, MY_LINEAR, CENTERED):
        first = Project.from_code(source, seed=1)
        code = first.to_code()
        again = Project.from_code(code)
        assert dict(again.definitions) == dict(first.definitions)
        assert again.to_code() == code


def test_defaults_are_default_arguments_and_an_empty_description_writes_no_docstring():
    code = sequentials().to_code()
    assert "    def __init__(self, width=64):\n        super().__init__()" in code
    assert "class NestMLP(nn.Module):\n    def __init__" in code  # no docstring made up
    assert '    """A linear layer, written by hand.\n\n    Its weight is drawn with randn.\n    """' in code
    assert "MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))" in code
    assert 'self.add_module("2", nn.Tanh())' in code
    assert "        self.wide = nn.Sequential(\n            nn.Linear(n, n),\n" in code  # too long for one line
    assert all(len(line) <= 100 for line in code.splitlines())
