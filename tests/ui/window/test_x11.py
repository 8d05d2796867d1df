"""Checks that need a real X server (run under ``xvfb-run`` in a subprocess; skipped where there is none).

Under X11 the platform theme's key bindings are the X11/KDE/GNOME ones (Ctrl+D
is also StandardKey.Delete there), and the window lives on a screen of a
given size, which the offscreen platform does not enforce.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.window.shortcut_table import STANDARD_KEYS, portable

ROOT = Path(__file__).resolve().parents[3]
XVFB = shutil.which("xvfb-run")
pytestmark = pytest.mark.skipif(XVFB is None, reason="needs xvfb-run (a virtual X server)")


def probe(theme: str = "generic", window: bool = False) -> dict:
    """Run :mod:`tests.ui.window.x11_probe` on a 1600×1000 X screen with ``theme``; its JSON report."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORMTHEME": theme, "KDE_SESSION_VERSION": "5"}
    command = [XVFB, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m", "tests.ui.window.x11_probe"]
    done = subprocess.run([*command, *(["--window"] if window else [])], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    return json.loads(lines[-1])


@pytest.fixture(scope="module")
def x11_window() -> dict:
    return probe(window=True)


@pytest.mark.parametrize("theme, scheme", [("generic", "x11"), ("kde", "kde"), ("gnome", "gnome")])
def test_the_table_holds_what_each_x11_theme_gives(theme, scheme):
    report = probe(theme)
    assert report["platform"] == "xcb"
    for name, keys in STANDARD_KEYS[scheme].items():
        assert [portable(k) for k in report["bindings"][name]] == [portable(k) for k in keys], name


def test_ctrl_d_duplicates_under_x11_without_an_ambiguous_shortcut(x11_window):
    assert x11_window["bindings"]["Delete"] == ["Del", "Ctrl+D"]  # why StandardKey.Delete is not used
    assert x11_window["ctrl_d"] == [4, 5]
    assert x11_window["ambiguous"] == []


def test_a_long_shape_error_never_widens_the_window_past_the_screen(x11_window):
    full, shown = x11_window["status"]
    assert len(full) > 200 and shown.endswith("…") and full.startswith(shown[:-1])
    assert x11_window["widths"] == [1400, 1400, 1400]
    assert x11_window["frame_right"] < x11_window["screen"][0] == 1600
