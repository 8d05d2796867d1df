"""Import from Python code: star-args, lists of layers, indexing and slicing, deep nesting, small forms.

Each form either gives exactly what running the source gives (the tests run
the trusted test sources for the reference) or a CodeImportError at the
construct's own line and column; nothing is silently ignored.
"""

from __future__ import annotations

import sys
from collections import OrderedDict

import pytest
import torch
from torch import nn

from editor import CodeImportError, Project
from editor.io.pycode.read.reader import find_models
from tests.io.pycode.test_code_import import assert_same_model, run_source, src

H = "import torch\nfrom torch import nn\n"  # lines 1-2 of the sources below


def imported(source: str, seed: int = 0) -> Project:
    project = Project.from_code(source, seed=seed)
    assert_same_model(project, run_source(source, seed))
    return project


def refused(source: str) -> CodeImportError:
    with pytest.raises(CodeImportError) as info:
        Project.from_code(source)
    return info.value


# ------------------------------------------------------- error positions
@pytest.mark.parametrize(("argument", "column"), [
    ("F.relu", 40), ("torch.relu", 40), ("nn.ReLU", 40), ("3", 40),
])
def test_a_non_layer_argument_is_reported_at_the_argument(argument, column):
    source = H + f"import torch.nn.functional as F\nmodel = nn.Sequential(nn.Linear(4, 4), {argument})\n"
    error = refused(source)
    assert (error.line, error.column) == (4, column), error
    assert "argument 2" in error.problem


def test_a_bad_item_spread_from_a_list_is_reported_at_the_star():
    error = refused(H + "layers = [nn.Linear(4, 4), torch.relu]\nmodel = nn.Sequential(nn.ReLU(), *layers)\n")
    assert (error.line, error.column) == (4, 34), error
    assert "argument 3" in error.problem and "not a layer" in error.problem


# ------------------------------------------------------- custom classes
D2L_MLP = src("""
    import torch
    from torch import nn

    class MLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.LazyLinear(256)
            self.output = nn.LazyLinear(10)

        def forward(self, X):
            return self.output(torch.relu(self.hidden(X)))

    net = MLP()
    X = torch.rand(2, 20)
    net(X)
""")

NET = src("""
    import torch.nn as nn

    class Net(nn.Module):
        def __init__(self, inputs, hidden, outputs):
            super().__init__()
            self.fc1 = nn.Linear(inputs, hidden)
            self.fc2 = nn.Linear(hidden, outputs)

        def forward(self, x):
            return self.fc2(self.fc1(x).relu())

    net = Net(784, 256, 8)
""")


def test_a_custom_module_class_is_read_as_a_block():
    project = Project.from_code(NET, seed=5)
    reference = run_source(NET, 5, "net")
    assert len(project) == 1 and repr(project.model[0]) == repr(reference)
    mine, theirs = project.model[0].state_dict(), reference.state_dict()
    assert list(mine) == list(theirs) and all(torch.equal(mine[k], theirs[k]) for k in theirs)


def test_a_lazy_layer_inside_a_class_is_named_at_its_line():
    error = refused(D2L_MLP)
    assert (error.line, error.column) == (7, 23), error
    assert "LazyLinear" in error.problem and "nn.Linear" in error.problem


# ------------------------------------------------------------- star-args
@pytest.mark.parametrize("source", [
    H + "layers = [nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)]\nmodel = nn.Sequential(*layers)\n",
    H + "layers = (nn.Linear(4, 8), nn.ReLU())\nmodel = nn.Sequential(*layers, nn.Linear(8, 2))\n",
    H + "model = nn.Sequential(*[nn.Linear(4, 8), nn.ReLU()], nn.Linear(8, 2))\n",
    H + "seq = nn.Sequential(nn.Linear(4, 4), nn.ReLU())\nmodel = nn.Sequential(*(seq * 2))\n",
    H + "layers = [nn.Linear(4, 8)]\nlayers.append(nn.ReLU())\nlayers += [nn.Linear(8, 8)]\n"
        "layers.extend((nn.Tanh(), nn.Linear(8, 2)))\nlayers.insert(0, nn.Flatten())\nmodel = nn.Sequential(*layers)\n",
    H + "def build_model(width=8):\n    layers = [nn.Linear(4, width)]\n    layers.append(nn.ReLU())\n"
        "    return nn.Sequential(*layers)\nmodel = build_model()\n",
])
def test_star_args_spread_lists_tuples_and_sequentials_like_python(source):
    imported(source, seed=3)


def test_spreading_a_sequential_shares_its_modules():
    source = H + "base = nn.Sequential(nn.Linear(4, 4), nn.ReLU())\nmodel = nn.Sequential(*base, *base)\n"
    project = imported(source)
    assert project.model[0] is project.model[2]
    assert len(project.model.state_dict()) == 4  # torch's state_dict lists a shared module under each name


def test_list_changes_in_a_loop_are_refused_not_ignored():
    source = (H + "layers = []\nfor size in (4, 4, 4):\n    layers.append(nn.Linear(size, 4))\n"
              "model = nn.Sequential(*layers)\n")
    error = refused(source)
    assert (error.line, error.column) == (4, 1), error
    assert "changes the list 'layers'" in error.problem


def test_list_changes_in_a_range_loop_are_followed_as_python_runs_them():
    source = H + "layers = []\nfor i in range(3):\n    layers.append(nn.Linear(4, 4))\nmodel = nn.Sequential(*layers)\n"
    torch.manual_seed(3)
    scope: dict = {}
    exec(source, scope)  # the test's own source
    p = Project.from_code(source, seed=3)
    assert len(p) == 3 and len({id(m) for m in p.model}) == 3  # three Linears, not one used thrice
    assert all(torch.equal(a, b) for a, b in zip(p.model.state_dict().values(), scope["model"].state_dict().values(),
                                                  strict=True))


def test_a_list_changed_by_a_method_the_reader_does_not_follow_is_refused():
    error = refused(H + "layers = [nn.ReLU(), nn.Tanh()]\nlast = layers.pop()\nmodel = nn.Sequential(*layers)\n")
    assert error.line == 4, error


def test_spreading_something_else_is_refused_at_the_star():
    error = refused(H + "width = 4\nmodel = nn.Sequential(*width)\n")
    assert (error.line, error.column, error.construct) == (4, 23, "star-args (*)"), error


# ------------------------------------------------------ indexing, slicing
def test_a_slice_keeps_the_first_layers_and_shares_them():
    source = H + "base = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))\nmodel = base[0:2]\n"
    project = imported(source)
    assert len(project.model) == 2


def test_an_index_gives_the_module_itself():
    source = H + ("base = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))\n"
                  "model = nn.Sequential(base[0], base[-1], base[0])\n")
    project = imported(source)
    assert project.model[0] is project.model[2]


def test_a_slice_whose_keys_torch_keeps_is_refused_with_a_fix():
    source = H + "base = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))\nmodel = base[1:]\n"
    assert list(run_source(source, 0)._modules) == ["1", "2"]  # torch keeps the keys
    error = refused(source)
    assert (error.line, error.column, error.construct) == (4, 9, "a slice"), error
    assert "nn.Sequential(*base[1:])" in error.problem
    fixed = source.replace("base[1:]", "nn.Sequential(*base[1:])")
    # base[0] draws random numbers outside the model when the file runs: the structure matches, and a notice says so
    project = Project.from_code(fixed)
    assert repr(project.model) == repr(run_source(fixed, 0))
    assert any("outside the model" in notice for notice in project.notices)


def test_an_index_out_of_range_is_refused():
    error = refused(H + "base = nn.Sequential(nn.ReLU())\nmodel = nn.Sequential(base[3])\n")
    assert (error.line, error.column) == (4, 23) and "out of range" in error.problem, error


# ----------------------------------------------------------- deep nesting
def _deep_design(depth: int) -> Project:
    """A Linear and a group at every level, ``depth`` groups below the root: the design's limit is 64."""
    module = nn.Sequential(nn.Linear(5, 5), nn.ReLU())
    for _ in range(depth - 1):
        module = nn.Sequential(nn.Linear(5, 5), module)
    project = Project.from_module(nn.Sequential(nn.Linear(5, 5), module), seed=7)
    project.input_shape = (2, 5)
    project.reset_parameters()  # weights from the seed, so that exported code reproduces them
    return project


def _labelled_chain(depth: int) -> Project:
    module: nn.Module = nn.Linear(5, 3)
    for level in range(depth):
        module = nn.Sequential(OrderedDict([(f"g{level}", module)]))
    project = Project.from_module(module, seed=0)
    project.input_shape = (2, 5)
    project.reset_parameters()  # weights from the seed, so that exported code reproduces them
    return project


def _same(back: Project, project: Project) -> None:
    assert back.input_shape == project.input_shape
    assert repr(back.model) == repr(project.model)
    mine, theirs = back.model.state_dict(), project.model.state_dict()
    assert list(mine) == list(theirs)
    assert all(torch.equal(mine[key], theirs[key]) for key in theirs)


@pytest.mark.parametrize("depth", [30, 60, 64])
def test_a_deep_design_survives_export_and_import(depth):
    project = _deep_design(depth)
    inner, levels = project.model, 0
    while len(inner) == 2 and isinstance(inner[1], nn.Sequential):
        inner, levels = inner[1], levels + 1
    assert levels == depth
    _same(Project.from_code(project.to_code()), project)


@pytest.mark.parametrize("depth", [20, 29, 64])  # 20, 29: one expression up to 116 brackets; 64: variables
def test_deeply_nested_labelled_groups_survive_export_and_import(depth):
    project = _labelled_chain(depth)
    _same(Project.from_code(project.to_code()), project)


def test_a_design_nested_as_deep_as_designs_go_is_read_and_one_more_level_is_refused():
    ok = H + "model = " + "nn.Sequential(" * 65 + "nn.ReLU()" + ")" * 65 + "\n"  # the root and 64 groups
    assert len(Project.from_code(ok).model) == 1
    error = refused(H + "model = " + "nn.Sequential(" * 66 + "nn.ReLU()" + ")" * 66 + "\n")
    assert error.construct == "deep nesting" and "64 levels" in error.problem


def test_nesting_beyond_what_is_read_is_a_clear_error_whatever_the_recursion_limit():
    source = H + "model = " + "nn.Sequential(" * 190 + "nn.ReLU()" + ")" * 190 + "\n"
    before = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(400)
        with pytest.raises(CodeImportError) as info:
            Project.from_code(source)
    finally:
        sys.setrecursionlimit(before)
    assert info.value.construct == "deep nesting"
    assert sys.getrecursionlimit() == before


# ------------------------------------------------------------ small forms
def test_a_one_layer_model_is_summarised_in_the_singular():
    assert find_models(H + "model = nn.Sequential(nn.Linear(4, 2))\n")[0].summary == \
        "Sequential of 1 (1 layer, 10 parameters)"


def test_a_missing_nn_import_says_which_import_is_missing():
    error = refused("import torch\nmodel = nn.Sequential(nn.ReLU())\n")
    assert (error.line, error.column) == (2, 9)
    assert "import torch.nn as nn" in error.problem and "from torch import nn" in error.problem
    assert "nn = 64" not in error.problem


def test_a_byte_order_mark_is_not_code():
    source = "\ufeff" + H + "model = nn.Sequential(nn.Linear(4, 2), nn.Tanh(3))\n"
    error = refused(source)
    assert (error.line, error.column) == (3, 40), error  # positions count from the text after the mark
    assert len(Project.from_code("\ufeff" + H + "model = nn.Sequential(nn.Linear(4, 2))\n").model) == 1


def test_a_list_changed_after_a_layer_took_it_changes_the_layer_as_in_python():
    """nn.Unflatten keeps the very list it was given; LayerLab holds the same list, so it sees the append."""
    source = H + "size = [2, 3]\nlayer = nn.Unflatten(1, size)\nsize.append(4)\nmodel = nn.Sequential(layer)\n"
    project = imported(source)
    assert project.model[0].unflattened_size == run_source(source, 0)[0].unflattened_size


@pytest.mark.parametrize("call", ["add_layers()\n", "def build_model():\n    add_layers()\n"
                                  "    return nn.Sequential(*layers)\n"])
def test_a_list_changed_by_a_function_the_reader_does_not_run_is_refused(call):
    source = H + ("layers = [nn.Linear(4, 4)]\ndef add_layers():\n    for _ in range(2):\n"
                  "        layers.append(nn.ReLU())\n" + call + "model = nn.Sequential(*layers)\n")
    error = refused(source)
    assert "changes the list 'layers'" in error.problem, error


def test_a_part_taken_out_of_an_earlier_model_is_the_model():
    source = H + ("base = nn.Sequential(nn.Linear(4, 4), nn.Sequential(nn.ReLU(), nn.Linear(4, 2)))\n"
                  "model = base[1]\n")
    candidates = find_models(source)
    assert [(c.name, c.default) for c in candidates] == [("base", False), ("model", True)]
    project = Project.from_code(source)  # base[0] draws random numbers first when the file runs: a notice says so
    assert repr(project.model) == repr(run_source(source, 0))
    assert any("outside the model" in notice for notice in project.notices)


def test_sharing_is_summarised_in_the_singular_too():
    source = H + "block = nn.Sequential(nn.Linear(4, 4))\nmodel = nn.Sequential(block, block)\n"
    assert find_models(source)[0].summary == "Sequential of 2 (2 blocks, 1 distinct layer, 20 parameters)"


def test_a_function_growing_a_module_level_list_is_refused():
    source = H + ("layers = [nn.Linear(4, 4)]\ndef build_model():\n    layers.append(nn.ReLU())\n"
                  "    return nn.Sequential(*layers)\nmodel = build_model()\n")
    error = refused(source)
    assert (error.line, error.column) == (5, 5) and "changes a list defined outside it" in error.problem, error
