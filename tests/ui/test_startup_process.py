"""Start-up in fresh processes: the window paints before torch is imported, then the design from the command line.

``python main.py`` runs with ``LAYERLAB_STARTUP_TRACE=1``, which prints the
milestones (and whether torch is imported at each) on stderr; the process is
ended once it is live. Only the order of things is checked, never times.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from torch import nn

from editor import Project
from editor.io.files.project_file import save_project

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


def start(tmp_path: Path, *args: str) -> list[tuple[str, dict[str, str]]]:
    """Run ``main.py *args`` offscreen until it is live (or fails); its milestones, in order."""
    config = tmp_path / "config"
    (config / "LayerLab").mkdir(parents=True)
    (config / "LayerLab" / "LayerLab.ini").write_text("[welcome]\nshowAtStartup=false\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LAYERLAB_STARTUP_TRACE": "1",
           "XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(tmp_path / "data")}
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    milestones: list[tuple[str, dict[str, str]]] = []
    others: list[str] = []
    try:
        for line in process.stderr:  # type: ignore[union-attr]
            parts = line.split()
            if parts[:1] != ["layerlab-startup"]:
                others.append(line)
                continue
            milestones.append((parts[1], dict(p.split("=", 1) for p in parts[3:] if "=" in p)))
            if parts[1] in ("live", "failed"):
                break
    finally:
        process.kill()
        process.wait(TIMEOUT)
    assert milestones and milestones[-1][0] == "live", "".join(others)[-3000:]
    return milestones


def run_offscreen(tmp_path: Path, code: str) -> list[str]:
    """Run ``code`` with a fresh Python (offscreen, a clean home); the lines it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def design(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "three.pt"
    project = Project(seed=1)
    project.extend([nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 2)])
    save_project(project, path)
    return path


def test_the_window_paints_before_torch_is_imported_then_the_design_from_the_command_line_shows(tmp_path, design):
    milestones = start(tmp_path, str(design))
    names = [name for name, _ in milestones]
    assert names == ["shown", "visible", "torch-ready", "live"]
    values = dict(milestones)
    assert values["shown"]["torch"] == "no" and values["visible"]["torch"] == "no"
    assert values["live"]["blocks"] == "3"  # the file's design, opened after the window was up


def test_without_a_file_the_editor_goes_live_with_an_empty_design(tmp_path):
    milestones = dict(start(tmp_path))
    assert milestones["visible"]["torch"] == "no" and milestones["live"]["blocks"] == "0"


def test_torch_libraries_are_mapped_ahead_and_torch_still_imports_and_computes():
    code = ("from editor.ui.torch_loader import preload_torch_libraries as p; m = p(); import torch; "
            "print(m, float(torch.ones(3).sum()))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
                          check=True)
    mapped, total = done.stdout.rsplit(" ", 1)
    assert float(total) == 3.0
    if sys.platform.startswith("linux"):
        assert "libtorch_python.so" in mapped


def test_the_editor_goes_live_without_pyqtgraph_and_a_plot_tab_brings_it(tmp_path):
    """pyqtgraph (a tenth of a second) is imported by the hidden plot tabs when they first show, not at start-up."""
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from editor.ui.startup import Startup\n"
            "startup = Startup()\n"
            "startup.show()\n"
            "assert startup.wait_until_live()\n"
            "window = startup.window\n"
            "print('live', 'pyqtgraph' in sys.modules)\n"
            "window.show_tab('histogram')\n"
            "print('histogram', 'pyqtgraph' in sys.modules, window.histogram.plot.isVisible())\n"
            "window.show_tab('run')\n"
            "print('run', window.run_panel.training.loss_plot.isVisible())\n")
    assert run_offscreen(tmp_path, code)[:3] == ["live False", "histogram True True", "run True"]


def test_what_is_imported_while_torch_maps_loads_no_extension_module_of_its_own(tmp_path):
    """Loading one would wait for the mapping (one dlopen at a time) and freeze the window meanwhile."""
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from editor.ui import startup as s\n"
            "s.Startup._start_loading = lambda self: None\n"
            "shown = s.Startup()\n"
            "shown.show()\n"
            "app.processEvents()\n"
            "def extensions():\n"
            "    return {n for n, m in list(sys.modules.items()) if str(getattr(m, '__file__', '')).endswith('.so')}\n"
            "s.import_quietly(s.EXTENSIONS_FIRST)\n"
            "before = extensions()\n"
            "s.prepare_highlighter()\n"
            "s.import_quietly(s.WHILE_MAPPING)\n"
            "print(sorted(extensions() - before))\n"
            "print(sorted(n for n in s.EXTENSIONS_FIRST + s.WHILE_MAPPING if n not in sys.modules))\n"
            "print('torch' in sys.modules)\n")
    assert run_offscreen(tmp_path, code) == ["[]", "[]", "False"]


def test_what_is_imported_ahead_of_torch_is_what_the_editor_going_live_imports_anyway(tmp_path):
    """Else the head start would be work the editor never needed (a newer torch may need other modules)."""
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "import importlib\n"
            "from editor.ui import startup as s\n"
            "for name in s.LIVE_MODULES + s.GUI_MODULES:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(n for n in s.EXTENSIONS_FIRST + s.WHILE_MAPPING if n not in sys.modules))\n")
    assert run_offscreen(tmp_path, code) == ["[]"]
