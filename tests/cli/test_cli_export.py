"""``layerlab export PROJECT.pt -o model.py [--weights W.pt]``: files, stdout, notes and clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from editor import Project
from editor.cli.main import main
from editor.model.examples import cnn, tied

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved(tmp_path) -> tuple[Project, Path]:
    project = tied(2)
    path = tmp_path / "tied.pt"
    project.save(path)
    return project, path


def test_writes_the_script(saved, tmp_path, capsys):
    _, path = saved
    out = tmp_path / "model.py"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == Project.load(path).to_code()
    assert "shared = nn.Linear(8, 8)" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().err == ""  # weights from the seed: nothing to note


def test_dash_writes_to_stdout_through_main_py(saved):
    project, path = saved
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(path), "-o", "-"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == project.to_code()


def test_weights_are_saved_and_loaded_by_name(tmp_path, capsys):
    project = cnn(1)
    with torch.no_grad():
        project[2][1].weight.zero_()
    project.mark_weights_changed()
    path = tmp_path / "trained.pt"
    project.save(path)
    assert main(["export", str(path), "-o", str(tmp_path / "model.py")]) == 0
    assert "--weights" in capsys.readouterr().err  # not from the seed: suggest saving the weights

    assert main(["export", str(path), "-o", str(tmp_path / "model.py"), "--weights", str(tmp_path / "w.pt")]) == 0
    assert capsys.readouterr().err == ""
    code = (tmp_path / "model.py").read_text(encoding="utf-8")
    assert 'WEIGHTS = "w.pt"' in code and "with_name(WEIGHTS)" in code
    state = torch.load(tmp_path / "w.pt", weights_only=True)
    assert set(state) == set(project.model.state_dict())
    assert torch.equal(state["2.1.weight"], torch.zeros_like(state["2.1.weight"]))


def test_weights_elsewhere_get_a_note(saved, tmp_path, capsys):
    _, path = saved
    (tmp_path / "other").mkdir()
    assert main(["export", str(path), "-o", str(tmp_path / "m.py"), "--weights", str(tmp_path / "other/w.pt")]) == 0
    assert "from its own folder" in capsys.readouterr().err
    assert main(["export", str(path), "-o", "-", "--weights", str(tmp_path / "w.pt")]) == 0
    captured = capsys.readouterr()
    assert 'WEIGHTS = "w.pt"' in captured.out and "from its own folder" in captured.err


@pytest.mark.parametrize("problem", ["missing", "not_a_project", "no_folder", "is_project", "same_names"])
def test_clear_errors(problem, saved, tmp_path, capsys):
    _, path = saved
    before = path.read_bytes()
    args = {
        "missing": [str(tmp_path / "nope.pt"), "-o", str(tmp_path / "m.py")],
        "not_a_project": [str(tmp_path / "text.pt"), "-o", str(tmp_path / "m.py")],
        "no_folder": [str(path), "-o", str(tmp_path / "no" / "such" / "m.py")],
        "is_project": [str(path), "-o", str(path)],
        "same_names": [str(path), "-o", str(tmp_path / "x.pt"), "--weights", str(tmp_path / "x.pt")],
    }[problem]
    (tmp_path / "text.pt").write_text("print('hello')", encoding="utf-8")
    assert main(["export", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("layerlab export: ") and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before  # the project is never overwritten
    assert not (tmp_path / "m.py").exists()


def test_help_lists_export(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "export" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "--weights" in capsys.readouterr().out
