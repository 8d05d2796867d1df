"""Custom layers made in the app, exported as classes and read back: the same definitions, the same weights."""

from __future__ import annotations

import torch

from editor import Project
from editor.io.pycode.read.classes.convert import same_but_defaults
from editor.model.custom.definitions import BlockDefinition, ChildSpec, LayerDefinition, ParameterSpec


def designed() -> Project:
    project = Project(seed=5)
    project.define_layer(LayerDefinition("CenteredLayer", "x - x.mean()", description="Subtracts the mean."))
    project.define_layer(LayerDefinition(
        "MyLinear", "relu(x @ weight + bias)", (("in_units", 20), ("units", 10)),
        (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",), "zeros"),
         ParameterSpec("noise", ("units",), "rand", registered=False),
         ParameterSpec("g", ("in_units", "2 * units"), "normal_(std=0.01)"))))
    project.define_block(BlockDefinition(
        "Net", (("input_nodes", 784), ("hidden_nodes", 256), ("output_nodes", 8)),
        (ChildSpec("hidden", "Linear", (("in_features", "input_nodes"), ("out_features", "hidden_nodes"))),
         ChildSpec("act", "ReLU"),
         ChildSpec("out", "Linear", (("in_features", "hidden_nodes"), ("out_features", "output_nodes"))))))
    project.define_block(BlockDefinition(
        "Twice", (("n", 8),), (ChildSpec("a", "MyLinear", (("in_units", "n"), ("units", "n"))),
                               ChildSpec("c", "CenteredLayer")), "c(a(x)) + a(x)"))
    project.append_layer("Net", input_nodes=20, hidden_nodes=30, output_nodes=8)
    project.append_layer("CenteredLayer")
    project.append_layer("MyLinear", in_units=8, units=8)
    project.append_layer("Twice", n=8)
    return project


def test_exported_classes_read_back_as_the_same_definitions_and_weights():
    project = designed()
    again = Project.from_code(project.to_code())
    assert set(again.definitions) == set(project.definitions)
    for name, definition in project.definitions.items():
        assert same_but_defaults(definition, again.definitions[name]), name
    mine, theirs = project.model.state_dict(), again.model.state_dict()
    assert list(mine) == list(theirs) and all(torch.equal(mine[k], theirs[k]) for k in mine)
    assert torch.equal(project.model[2].noise, again.model[2].noise)  # the plain tensor, drawn in its place
    x = torch.randn(3, 20)
    assert torch.equal(project.model(x), again.model(x))
    assert again.weights_from_seed


def test_an_imported_class_exports_and_reads_back_unchanged():
    from tests.io.pycode.read.test_class_import import NET

    first = Project.from_code(NET, seed=1)
    again = Project.from_code(first.to_code())
    assert set(again.definitions) == {"Net"}
    assert again.definitions["Net"] == first.definitions["Net"]  # no docstring is made up for a class without one
    assert all(torch.equal(v, again.model.state_dict()[k]) for k, v in first.model.state_dict().items())
