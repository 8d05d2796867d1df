"""The other names of a shared tensor, worked out once per listing, and the summary of shared blocks (#16).

A module shared by thousands of blocks must not make the parameter table or the summary quadratic: no
block's path is worked out by scanning its siblings, and each row's ``shared_with`` is a view of one list.
Counted, never timed.
"""

from __future__ import annotations

import operator

import pytest
from torch import nn

from editor import Project
from editor.model.design.tree import Node
from editor.model.stats.parameters import ParameterListing
from editor.model.stats.shared_names import OtherNames


def test_other_names_behave_like_the_tuple_without_one_name():
    names = ("0.weight", "2.weight", "5.weight", "9.weight")
    others = OtherNames(names, 1)
    assert others == ("0.weight", "5.weight", "9.weight")
    assert operator.eq(("0.weight", "5.weight", "9.weight"), others)  # the tuple on the left asks OtherNames
    assert len(others) == 3 and list(others) == ["0.weight", "5.weight", "9.weight"]
    assert others[0] == "0.weight" and others[1] == "5.weight" and others[-1] == "9.weight"
    assert others[:2] == ("0.weight", "5.weight") and others[1:] == ("5.weight", "9.weight")
    assert ", ".join(others) == "0.weight, 5.weight, 9.weight" and "2.weight" not in others
    assert hash(others) == hash(("0.weight", "5.weight", "9.weight")) and repr(others) == repr(tuple(others))
    assert OtherNames(names) == names and OtherNames(("a",), 0) == () and not OtherNames(("a",), 0)
    assert others != ("0.weight",) and others != ["0.weight", "5.weight", "9.weight"]
    with pytest.raises(IndexError):
        others[3]


def test_rows_of_a_module_shared_by_many_blocks_name_the_others_without_working_out_paths(monkeypatch):
    shared = nn.Linear(3, 3)
    project = Project.from_module(nn.Sequential(nn.Linear(3, 3), *[shared] * 200, nn.Sequential(nn.Tanh(), shared)))
    calls = {"path": 0}
    real_path = Node.path

    def path(self):
        calls["path"] += 1
        return real_path(self)

    monkeypatch.setattr(Node, "path", path)
    listing = ParameterListing(project)
    sections = list(listing.sections())
    rows = [row for section in sections for row in section.rows]
    assert calls["path"] == 0
    assert len(sections) == 202 and len(rows) == 404
    first, last = sections[1], sections[-1]
    assert first.path == "1" and last.path == "201.1" and last.key == "201.1"
    assert len(first.shared_paths) == 200 and first.shared_paths[:2] == ("2", "3")
    assert last.shared_paths[-1] == "200" and "201.1" not in last.shared_paths
    weight = {row.name: row for row in rows}["1.weight"]
    assert weight.shared_with == tuple(f"{i}.weight" for i in range(2, 201)) + ("201.1.weight",)
    assert listing.names_of(shared.weight) == ["1.weight", *weight.shared_with]
    assert {row.name: row for row in rows}["0.weight"].shared_with == ()
    assert listing.totals().shared_tensors == 2 and listing.totals().tensors == 4


def test_the_summary_of_shared_blocks_names_the_first_place_once_per_row():
    shared = nn.Linear(4, 4)
    project = Project.from_module(nn.Sequential(nn.ReLU(), *[shared] * 300))
    lines = project.summary().splitlines()
    shares = [line for line in lines if "shares weights with" in line]
    assert len(shares) == 299 and all(line.rstrip().endswith("20") for line in shares)
    assert all("(shares weights with 1)" in line for line in shares)
    assert sum("shares weights" not in line and "Linear" in line and line.startswith("1 ") for line in lines) == 1
