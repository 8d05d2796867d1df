"""The user's library: definitions saved as JSON data in a folder, read back checked, never executed."""

from __future__ import annotations

import json

import pytest

from editor.model.custom.definitions import DefinitionError
from editor.model.custom.library import Library
from tests.model.custom.textbook import CENTERED, MY_LINEAR, NET


def test_save_load_and_remove(tmp_path):
    library = Library(tmp_path / "library")
    assert library.names() == []
    for definition in (CENTERED, MY_LINEAR, NET):
        library.save(definition)
    assert library.names() == ["CenteredLayer", "MyLinear", "Net"]
    assert library.load("MyLinear") == MY_LINEAR
    saved = json.loads((tmp_path / "library" / "Net.json").read_text())
    assert saved["format"] == "layerlab-definition" and saved["definition"]["children"][0]["kind"] == "Linear"
    library.save(CENTERED.__class__("CenteredLayer", "x - x.mean(dim=0)"))
    assert library.load("CenteredLayer").forward == "x - x.mean(dim=0)"
    assert not list((tmp_path / "library").glob("*.saving"))
    library.remove("MyLinear")
    assert library.names() == ["CenteredLayer", "Net"]


def test_damaged_and_hostile_files_are_reported_in_words(tmp_path):
    library = Library(tmp_path)
    library.save(CENTERED)
    (tmp_path / "Broken.json").write_text("{not json")
    (tmp_path / "Other.json").write_text(json.dumps({"format": "something"}))
    hostile = {"format": "layerlab-definition", "version": 1,
               "definition": {"type": "layer", "name": "Evil", "forward": "__import__('os').system('touch x')"}}
    (tmp_path / "Evil.json").write_text(json.dumps(hostile))
    (tmp_path / "Huge.json").write_text(" " * (2 << 20))
    (tmp_path / "Renamed.json").write_text(json.dumps({**hostile, "definition": {"type": "layer", "name": "A",
                                                                                 "forward": "x"}}))
    definitions, problems = library.load_all()
    assert definitions == [CENTERED]
    text = "\n".join(problems)
    assert "Broken.json in your library cannot be read" in text
    assert "Other.json in your library is not a LayerLab definition" in text
    assert "cannot call '__import__'" in text and "larger than 1.0 MiB" in text
    assert "holds 'A', not 'Renamed'" in text
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("name", ["../escape", "a/b", "", "class"])
def test_names_cannot_leave_the_folder(tmp_path, name):
    with pytest.raises(DefinitionError):
        Library(tmp_path).load(name)
    with pytest.raises(DefinitionError, match="no Missing"):
        Library(tmp_path).load("Missing")
