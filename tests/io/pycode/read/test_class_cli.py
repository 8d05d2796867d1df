"""``python main.py import`` of a file with the textbook's classes, in a fresh process: the project it saves."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import torch

from editor import Project
from tests.io.pycode.read.test_class_import import MY_LINEAR, NET, run

ROOT = Path(__file__).resolve().parents[4]


def import_file(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "import", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_import_of_classes_saves_a_project_with_their_definitions(tmp_path):
    source = tmp_path / "classes.py"
    text = NET.replace("net = Net(784, 256, 8)", "") + MY_LINEAR.split("\n", 3)[3].replace(
        "linear = MyLinear(5, 3)", "model = nn.Sequential(Net(784, 256, 8), MyLinear(8, 3))")
    source.write_text(text)
    out = tmp_path / "out.pt"
    result = import_file(str(source), "-o", str(out), "--seed", "42")
    assert result.returncode == 0, result.stderr
    project = Project.load(out)
    assert list(project.definitions) == ["Net", "MyLinear"]
    reference = run(text, 42, "model")
    mine, theirs = project.model.state_dict(), reference.state_dict()
    assert list(mine) == list(theirs) and all(torch.equal(mine[k], theirs[k]) for k in theirs)


def test_a_refused_class_is_reported_with_file_line_and_column(tmp_path):
    source = tmp_path / "bad.py"
    source.write_text(NET.replace("return self.output(F.relu(self.hidden(X)))",
                                  "while X.sum() > 1:\n            X = X / 2\n        return X"))
    out = tmp_path / "out.pt"
    result = import_file(str(source), "-o", str(out))
    assert result.returncode == 1 and not out.exists()
    assert f"{source}:11:9: a while loop in Net.forward" in result.stderr, result.stderr
