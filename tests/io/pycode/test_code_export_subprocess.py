"""Exported scripts run in a fresh interpreter that has torch but cannot import LayerLab.

One subprocess checks every design (CI stays fast): it imports each exported
file, seeds, builds, and saves ``repr(model)``, the state_dict and the output
of a fixed batch; it also runs two files as ``__main__`` (one loading saved
weights). This process compares everything with the editor, bit for bit.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from editor import Project
from editor.io.files.weights import export_weights
from editor.io.pycode.export.writer import write_code
from editor.model.examples import EXAMPLES
from tests.io.pycode.export_designs import DESIGNS

HARNESS = r'''
import contextlib, importlib.util, io, runpy, sys
sys.modules["editor"] = None  # the exported code must need nothing but torch
import torch

jobs = torch.load(sys.argv[1], weights_only=True)
results = {}
for name, job in jobs.items():
    if job["main"]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            namespace = runpy.run_path(job["file"], run_name="__main__")
        model = namespace["model"].cpu()
        results[name] = {"stdout": out.getvalue(), "state": model.state_dict()}
        continue
    spec = importlib.util.spec_from_file_location("exported_" + name, job["file"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    torch.manual_seed(module.SEED)
    model = module.build_model()
    result = {"repr": repr(model), "state": model.state_dict()}
    if job["input"] is not None:
        model.eval()
        with torch.no_grad():
            result["output"] = model(job["input"])
    results[name] = result
torch.save(results, sys.argv[2])
'''


def _input_for(project: Project) -> torch.Tensor | None:
    if project.input_shape is None or project.shape_error is not None:
        return None
    generator = torch.Generator().manual_seed(1)
    if project.input_dtype == "long":
        first = next(node for _, node in project.walk() if hasattr(node, "layer"))
        return torch.randint(first.layer.params["num_embeddings"], project.input_shape, generator=generator)
    return torch.randn(project.input_shape, generator=generator)


def _edited_project() -> Project:
    """Weights that no longer come from the seed (as after training): the script must load them."""
    project = EXAMPLES["cnn"](4)
    with torch.no_grad():
        project[2][1].weight.mul_(3.0)
    project.mark_weights_changed()
    assert not project.weights_from_seed
    return project


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exported")
    projects = {name: make() for name, make in DESIGNS.items()}
    initialized = EXAMPLES["cnn"](3)
    initialized.initialize("kaiming_normal_", kind="Conv2d", nonlinearity="relu")
    initialized.initialize("xavier_uniform_", kind="Linear", gain_from="relu")
    initialized.initialize("uniform_", a=-10.0, b=10.0, blocks=["2.1"], expression="where(abs(w) < 5, 0, w)")
    projects["init_rules"] = initialized
    jobs = {}
    for name, project in projects.items():
        write_code(project, folder / f"{name}.py")
        jobs[name] = {"file": str(folder / f"{name}.py"), "main": False, "input": _input_for(project)}
    edited = _edited_project()
    export_weights(edited, folder / "trained weights.pt")
    write_code(edited, folder / "trained.py", weights_file="trained weights.pt")
    jobs["main_trained"] = {"file": str(folder / "trained.py"), "main": True, "input": None}
    jobs["main_tokens"] = {"file": jobs["tokens"]["file"], "main": True, "input": None}
    torch.save(jobs, folder / "jobs.pt")
    (folder / "harness.py").write_text(HARNESS, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run([sys.executable, "-I", "harness.py", "jobs.pt", "results.pt"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    results = torch.load(folder / "results.pt", weights_only=True)
    return projects | {"main_trained": edited, "main_tokens": projects["tokens"]}, jobs, results


def _assert_same_state(state: dict, project: Project) -> None:
    expected = project.model.state_dict()
    assert list(state) == list(expected)
    for key, value in expected.items():
        assert torch.equal(state[key], value.cpu()), key


@pytest.mark.parametrize("name", [*sorted(DESIGNS), "init_rules"])
def test_fresh_interpreter_builds_the_editors_model(runs, name):
    projects, jobs, results = runs
    project, result = projects[name], results[name]
    assert project.weights_from_seed
    assert result["repr"] == repr(project.model)
    _assert_same_state(result["state"], project)
    if jobs[name]["input"] is not None:
        mirror = copy.deepcopy(project.model).eval()
        with torch.no_grad():
            expected = mirror(jobs[name]["input"])
        assert torch.equal(result["output"], expected)


def test_main_prints_the_model_and_runs_a_batch(runs):
    projects, _, results = runs
    project, stdout = projects["main_tokens"], results["main_tokens"]["stdout"]
    assert stdout.startswith(repr(project.model) + "\n")
    assert f"{project.count_parameters():,} parameters" in stdout
    assert f"output shape: {project.output_shape}" in stdout


def test_main_loads_weights_that_are_not_from_the_seed(runs):
    projects, _, results = runs
    project = projects["main_trained"]
    _assert_same_state(results["main_trained"]["state"], project)
    assert f"output shape: {project.output_shape}" in results["main_trained"]["stdout"]


def test_exported_file_is_plain_utf8_python(runs, tmp_path):
    _, jobs, _ = runs
    source = Path(jobs["hostile"]["file"]).read_bytes()
    compile(source, "hostile.py", "exec")
    assert b"\r" not in source and b"\x00" not in source
