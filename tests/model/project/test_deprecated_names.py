"""The old method names keep working, warn, and give exactly what the new names give."""

import pytest
from torch import nn

from editor import Project
from editor.model.project.deprecated import RENAMED


def mlp() -> Project:
    return Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5)))


def test_every_old_name_warns_and_calls_the_new_one():
    p = mlp()
    calls = {
        "params": ("0",), "check_params": ("0",), "count_params": (), "param_bytes": (),
        "block_params": ("2",),
    }
    assert set(calls) | {"set_params"} == set(RENAMED)
    for old, args in calls.items():
        with pytest.warns(DeprecationWarning, match=f"Project.{old} is deprecated; use Project.{RENAMED[old]}"):
            assert getattr(p, old)(*args) == getattr(p, RENAMED[old])(*args)


def test_set_params_still_edits_and_is_one_undo_step():
    p = mlp()
    with pytest.warns(DeprecationWarning), p.transaction("edit") as tx:
        p.set_params("0", out_features=12)
    assert p.hyperparameters("0")["out_features"] == 12 and p.shape_error is not None  # 12 != in_features 10
    p.revert(tx)
    assert p.hyperparameters("0")["out_features"] == 10


def test_new_names_say_what_they_count():
    p = mlp()
    assert p.count_parameters() == sum(t.numel() for t in p.model.parameters()) == 265
    assert p.parameter_bytes() == 265 * 4
    assert p.count_block_parameters("0") == 210
    assert p.hyperparameters("0") == {"in_features": 20, "out_features": 10, "bias": True}


def test_moved_public_modules_still_import_and_warn():
    import importlib
    import sys

    for old, name, new in (("editor.io.code_import", "find_models", "editor.io.pycode.read"),
                           ("editor.ui.main_window", "MainWindow", "editor.ui")):
        sys.modules.pop(old, None)
        with pytest.warns(DeprecationWarning, match="moved"):
            module = importlib.import_module(old)
        assert getattr(module, name) is getattr(importlib.import_module(new), name)
