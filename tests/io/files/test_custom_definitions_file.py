"""Project files with custom layers: definitions stored as plain data, plain tensors kept, opening runs nothing."""

from __future__ import annotations

import copy

import pytest
import torch

from editor import Project, ProjectFileError
from editor.io.files.project_file import to_payload
from editor.model.custom.data import definition_to_data
from tests.io.files.hostile import save
from tests.model.custom.textbook import CENTERED, MY_LINEAR, NET, PLAIN_LINEAR


def custom_project() -> Project:
    p = Project(seed=11)
    for definition in (CENTERED, MY_LINEAR, PLAIN_LINEAR):
        p.define_layer(definition)
    p.define_block(NET)
    p.input_shape = (3, 784)
    p.append_layer("Net")
    p.append_layer("MyLinear", in_units=8, units=4)
    p.append_layer("PlainLinear", in_units=4, units=3)
    p.append_layer("CenteredLayer")
    p.set_label("0", "body")
    p.set_requires_grad("1", "bias", False)
    return p


def primitives_only(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and primitives_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(primitives_only(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def test_save_and_open_round_trip(tmp_path):
    project = custom_project()
    with torch.no_grad():
        project.model[2].weight.add_(1.0)  # a plain tensor changed by hand is saved as it is
    project.mark_weights_changed()  # (state_dict() does not see plain tensors, so say so)
    project.save(tmp_path / "custom.pt")
    opened = Project.load(tmp_path / "custom.pt")
    assert dict(opened.definitions) == dict(project.definitions)
    assert repr(opened.model) == repr(project.model)
    for key, value in project.model.state_dict().items():
        assert torch.equal(value, opened.model.state_dict()[key]), key
    assert torch.equal(opened.model[2].weight, project.model[2].weight)
    assert opened.frozen("1") == ["bias"] and opened.seed == 11
    x = torch.randn(3, 784)
    assert torch.equal(opened.model(x), project.model(x))
    assert opened.kind("1").name == "MyLinear" and opened.hyperparameters("1") == {"in_units": 8, "units": 4}
    assert opened.to_code() == project.to_code()
    opened.append_layer("MyLinear", in_units=3, units=3)  # the definitions work in the opened project


def test_definitions_are_stored_as_plain_data(tmp_path):
    payload = to_payload(custom_project())
    assert primitives_only(payload["definitions"])
    assert [d["name"] for d in payload["definitions"]] == ["CenteredLayer", "MyLinear", "PlainLinear", "Net"]
    assert list(payload["plain_tensors"]) == ["2.weight"]
    raw = torch.load(save(payload, tmp_path / "p.pt"), weights_only=True)
    assert raw["definitions"] == payload["definitions"]
    assert "2.weight" not in raw["state_dict"]


def test_a_project_without_custom_layers_has_no_new_keys():
    p = Project()
    p.append_layer("Linear", in_features=2, out_features=2)
    assert "definitions" not in to_payload(p) and "plain_tensors" not in to_payload(p)


def hostile(tmp_path, change) -> ProjectFileError:
    payload = to_payload(custom_project())
    payload = {**payload, "definitions": copy.deepcopy(payload["definitions"])}
    change(payload)
    path = save(payload, tmp_path / "hostile.pt")
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    return info.value


def set_forward(index: int, source: str):
    def change(payload):
        payload["definitions"][index]["forward"] = source
    return change


@pytest.mark.parametrize("source, words", [
    ("__import__('os').system('touch PWNED')", "cannot call '__import__'"),
    ("x.__class__.__bases__[0].__subclasses__()", "attribute access"),
    ("getattr(x, 'weight')", "cannot call 'getattr'"),
    ("(lambda: x)()", "only a function name"),
    ("x" + "+x" * 3000, "longer than 4000"),
])
def test_hostile_expressions_are_refused_and_nothing_runs(tmp_path, monkeypatch, source, words):
    monkeypatch.chdir(tmp_path)
    error = hostile(tmp_path, set_forward(0, source))
    assert words in str(error) and "definitions[0]" in str(error)
    assert not (tmp_path / "PWNED").exists()


def test_a_forward_that_would_allocate_too_much_opens_with_a_shape_error(tmp_path):
    project = custom_project()
    project.define_layer(CENTERED.__class__("CenteredLayer", "x - ones(10**12)"))
    project.save(tmp_path / "big.pt")
    opened = Project.load(tmp_path / "big.pt")
    assert "1,000,000,000,000 values" in str(opened.shape_error)


@pytest.mark.parametrize("change, words", [
    (lambda d: d.__setitem__("definitions", "CenteredLayer"), "expected a list"),
    (lambda d: d.__setitem__("definitions", [definition_to_data(CENTERED)] * 501), "more than LayerLab opens"),
    (lambda d: d["definitions"].append(definition_to_data(CENTERED)), "defined twice"),
    (lambda d: d["definitions"][0].__setitem__("name", "Linear"), "catalog"),
    (lambda d: d["definitions"][0].__setitem__("name", "import"), "keyword"),
    (lambda d: d["definitions"][3]["children"][0].__setitem__("kind", "Nowhere"), "child of kind 'Nowhere'"),
    (lambda d: d["definitions"][1]["parameters"][0].__setitem__("init", "os.system"), "not an initial value"),
    (lambda d: d["definitions"][1]["parameters"][0].__setitem__("shape", ["in_units"] * 9), "more than 8"),
    (lambda d: d["definitions"][1].__setitem__("hyperparameters", [["in_units", "20"], ["units", 10]]), "integer"),
    (lambda d: d.__setitem__("definitions", [x for x in d["definitions"] if x["name"] != "MyLinear"]),
     "unknown layer kind 'MyLinear'"),
    (lambda d: d.__setitem__("plain_tensors", {}), "no value for '2.weight'"),
    (lambda d: d.__setitem__("plain_tensors", {"2.weight": torch.zeros(5, 5)}), "but the design needs (4, 3)"),
    (lambda d: d.__setitem__("plain_tensors", {"2.weight": "zeros"}), "not a tensor"),
    (lambda d: d.__setitem__("plain_tensors", {"0.hidden.weight": torch.zeros(256, 784)}), "not a plain tensor"),
])
def test_bad_definitions_are_refused_in_words(tmp_path, change, words):
    error = hostile(tmp_path, change)
    assert words in str(error), str(error)
    assert "Traceback" not in str(error) and len(str(error)) < 400
