"""Groups nest at most ``MAX_DEPTH`` (64) deep, as deep as a project file and code read back hold (#17).

A group's path has at most 64 indices; the blocks of the deepest groups sit
one level below them. Every way of nesting deeper is refused in words, with
nothing changed: grouping, inserting or pasting a nested Sequential, moving a
group into another, placing a group again, building a project from a module,
reading code, and editing ``project.model`` directly. Duplicates and repeats
sit beside their original, so they stay within the limit. A design at the
limit saves and opens again.
"""

from __future__ import annotations

import copy

import pytest
from torch import nn

from editor import Project
from editor.io.errors import CodeImportError
from editor.model.design.tree import MAX_DEPTH, Group
from editor.model.errors import StructureError


def nested(levels: int, inner: nn.Module | None = None) -> nn.Sequential:
    """``levels`` Sequentials, one inside the other, around ``inner`` (a ReLU by default)."""
    module: nn.Module = inner if inner is not None else nn.ReLU()
    for _ in range(levels):
        module = nn.Sequential(module)
    return module  # type: ignore[return-value]


def group_depth(project: Project) -> int:
    """How many indices the longest path of a group has (a group at the top: 1)."""
    return max((len(path.split(".")) for path, node in project.walk() if isinstance(node, Group)), default=0)


def innermost_group(project: Project) -> str:
    return max((path for path, node in project.walk() if isinstance(node, Group)), key=len)


def state(project: Project) -> tuple[str, list[str]]:
    return repr(project.model), project.paths()


def refused(project: Project, edit) -> str:
    """Run ``edit``; it must be refused with a StructureError that names the limit, changing nothing."""
    before = state(project)
    with pytest.raises(StructureError, match=f"at most {MAX_DEPTH} deep") as caught:
        edit()
    assert state(project) == before
    assert not project.direct_edits_pending()
    return str(caught.value)


def at_the_limit() -> Project:
    """A design whose groups nest exactly MAX_DEPTH deep, with a ReLU inside the innermost."""
    project = Project.from_module(nested(MAX_DEPTH + 1))  # the top level and 64 groups
    assert group_depth(project) == MAX_DEPTH
    return project


def test_a_design_at_the_limit_saves_and_opens(tmp_path):
    project = at_the_limit()
    project.save(tmp_path / "deep.pt")
    opened = Project.load(tmp_path / "deep.pt")
    assert repr(opened.model) == repr(project.model) and group_depth(opened) == MAX_DEPTH


def test_grouping_past_the_limit_is_refused_in_words():
    project = at_the_limit()
    relu = project.paths()[-1]
    message = refused(project, lambda: project.group([relu]))
    assert f"{MAX_DEPTH + 1} deep" in message and "Ungroup" in message and len(message) < 300
    refused(project, lambda: project.group(["0"]))  # wrapping the outermost group deepens everything inside


def test_inserting_or_pasting_a_nested_sequential_past_the_limit_is_refused():
    project = Project.from_module(nn.Sequential(nn.Linear(4, 4)))
    refused(project, lambda: project.insert(0, nested(MAX_DEPTH + 1)))  # its innermost group would be 65 deep
    refused(project, lambda: project.append(nested(10 * MAX_DEPTH)))  # refused before it is walked
    project.insert(1, nested(MAX_DEPTH))  # exactly at the limit: fine
    assert group_depth(project) == MAX_DEPTH
    inner = innermost_group(project)
    refused(project, lambda: project.insert(f"{inner}.0", nn.Sequential(nn.ReLU())))
    pasted = copy.deepcopy(project[1])
    refused(project, lambda: project.insert(f"{inner}.0", pasted))
    project.insert(f"{inner}.0", nn.Tanh())  # a block inside the deepest group: fine
    project.insert(2, pasted)  # beside the original: as deep as it
    assert group_depth(project) == MAX_DEPTH


def test_moving_and_placing_a_group_again_past_the_limit_are_refused():
    project = Project.from_module(nn.Sequential(nested(MAX_DEPTH - 1), nested(2)))
    assert group_depth(project) == MAX_DEPTH - 1
    inner = innermost_group(project)  # block 0's innermost group, 63 deep
    refused(project, lambda: project.move_to("1", inner, 0))  # two more groups inside it: 65
    refused(project, lambda: project.use_again("1", at=f"{inner}.0"))
    project.move_to("1", inner.rpartition(".")[0], 0)  # one level up: 64, the limit
    assert group_depth(project) == MAX_DEPTH


def test_duplicates_and_repeats_sit_beside_the_original_within_the_limit():
    project = at_the_limit()
    inner = innermost_group(project)
    copies = project.duplicate([inner])
    assert len(copies) == 1 and group_depth(project) == MAX_DEPTH
    assert len(project.repeat(inner, 3)) == 3 and group_depth(project) == MAX_DEPTH
    refused(project, lambda: project.insert(f"{copies[0]}.0", nn.Sequential()))


def test_a_module_too_deep_is_refused_when_a_project_is_made_from_it():
    with pytest.raises(StructureError, match=f"at most {MAX_DEPTH} deep"):
        Project.from_module(nested(MAX_DEPTH + 2))
    with pytest.raises(StructureError, match=f"at most {MAX_DEPTH} deep"):
        Project.from_module(nested(5000))  # no RecursionError: refused before it is walked


def test_code_nested_as_deep_as_a_file_holds_is_read_and_saved(tmp_path):
    def source(levels: int) -> str:
        return "import torch.nn as nn\n\nmodel = " + "nn.Sequential(" * levels + "nn.ReLU()" + ")" * levels + "\n"

    project = Project.from_code(source(MAX_DEPTH + 1))  # the top level and 64 groups
    assert group_depth(project) == MAX_DEPTH
    project.save(tmp_path / "deep.pt")
    assert repr(Project.load(tmp_path / "deep.pt").model) == repr(project.model)
    with pytest.raises(CodeImportError, match="64"):
        Project.from_code(source(MAX_DEPTH + 2))


def test_a_direct_edit_too_deep_is_put_back_and_refused_in_words():
    project = at_the_limit()
    before = state(project)
    innermost = project.model
    while isinstance(innermost[0], nn.Sequential):
        innermost = innermost[0]
    innermost.append(nn.Sequential(nn.ReLU()))  # behind the design's back: a group 65 deep
    with pytest.raises(StructureError, match=f"at most {MAX_DEPTH} deep"):
        project.follow_direct_edits()
    assert state(project) == before
