"""The command line: --version, --screenshot, and opening a project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

import editor
from editor.model.examples import tied

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, **kwargs)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"LayerLab {editor.__version__}"


def test_screenshot_of_the_example_and_of_a_project(tmp_path):
    out = tmp_path / "shot.png"
    assert run("--screenshot", str(out)).returncode == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    tied(0).save(tmp_path / "tied.pt")
    out2 = tmp_path / "tied.png"
    assert run("--screenshot", str(out2), str(tmp_path / "tied.pt")).returncode == 0
    assert QImage(str(out2)).width() == 1400


def test_help_mentions_the_subcommands():
    result = run("--help")
    assert result.returncode == 0 and "summary" in result.stdout


def test_import_then_summary_in_fresh_processes(tmp_path):
    """Each subcommand runs in a process where nothing else loaded the io layer first."""
    source = tmp_path / "model.py"
    source.write_text("from torch import nn\nmodel = nn.Sequential(nn.Linear(4, 3), nn.ReLU())\n")
    out = tmp_path / "model.pt"
    imported = run("import", str(source), "-o", str(out))
    assert imported.returncode == 0, imported.stderr
    summary = run("summary", str(out))
    assert summary.returncode == 0 and "Total params: 15" in summary.stdout
    exported = run("export", str(out), "-o", "-")
    assert exported.returncode == 0 and "nn.Linear(4, 3)" in exported.stdout
