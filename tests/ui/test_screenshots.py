"""Screenshots: the options of ``--screenshot`` show what they say, and wrong ones are refused in words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QImage, QPalette

from editor.model.examples import cnn, tied
from editor.ui import screenshots, theme
from editor.ui.screenshots import ScreenshotError, Shot, parse_size, shoot

ROOT = Path(__file__).resolve().parents[2]


def _mean_lightness(image: QImage) -> float:
    step = 7
    values = [image.pixelColor(x, y).lightness() for y in range(0, image.height(), step)
              for x in range(0, image.width(), step)]
    return sum(values) / len(values)


@pytest.mark.parametrize(("shot", "said"), [
    (Shot(size=(100, 900)), "100×900 is out of range"),
    (Shot(tabs=["parameters", "graphs"]), "'graphs' is not a tab: choose one of parameters, histogram"),
    (Shot(part="menu"), "'menu' is not a part"),
    (Shot(run="sideways"), "'sideways' is not a run"),
    (Shot(scheme="sepia"), "'sepia' is not a theme"),
])
def test_options_out_of_range_are_refused_before_anything_is_drawn(shot, said):
    with pytest.raises(ScreenshotError, match=said):
        shot.check()


def test_sizes_are_read_as_width_x_height():
    assert parse_size("1400x900") == (1400, 900) == parse_size("1400×900")
    with pytest.raises(ScreenshotError, match="write width x height"):
        parse_size("big")


def test_the_window_with_a_selection_and_a_tab(window, tmp_path):
    window.set_project(cnn(0))
    out = tmp_path / "shot.png"
    assert shoot(window, Shot(size=(1200, 800), select=["1.0"], tabs=["code"]), out)
    assert QImage(str(out)).size().toTuple() == (1200, 800)
    assert [window.project.path_of(n) for n in window.selected_nodes()] == ["1.0"]
    assert window.bottom_tabs.currentWidget() is window.code_panel


def test_a_path_that_is_not_a_block_is_said(window, tmp_path):
    window.set_project(tied(0))
    with pytest.raises(ScreenshotError, match=r"Cannot select 9\.9"):
        shoot(window, Shot(select=["9.9"]), tmp_path / "x.png")


def test_two_bottom_tabs_are_saved_one_under_the_other(window, tmp_path):
    window.set_project(cnn(0))
    out = tmp_path / "bottom.png"
    assert shoot(window, Shot(size=(1000, 700), select=["0.0"], tabs=["parameters", "histogram"], part="bottom"),
                 out)
    image = QImage(str(out))
    single = window.bottom_tabs.height()
    assert image.width() == window.bottom_tabs.width()
    assert image.height() == 2 * single + 8
    assert window.histogram.data is not None  # the histogram was computed before the picture was taken


def test_a_forward_pass_runs_before_the_picture(window, tmp_path):
    window.set_project(cnn(0))
    assert shoot(window, Shot(tabs=["run"], run="forward", part="bottom"), tmp_path / "run.png")
    assert window.run_panel.result is not None
    assert "Output shape (8, 10)" in window.run_panel.summary.text()  # the design's batch


def test_the_welcome_screen_and_the_inspector_column(window, tmp_path):
    window.set_project(cnn(0))
    assert shoot(window, Shot(part="welcome"), tmp_path / "welcome.png")
    welcome = QImage(str(tmp_path / "welcome.png"))
    assert 0 < welcome.width() < 1400
    window.show()
    assert shoot(window, Shot(select=["0.1"], part="inspector"), tmp_path / "inspector.png")
    column = QImage(str(tmp_path / "inspector.png"))
    assert column.height() > column.width()  # the whole column, About this layer included, not the dock's view


def test_a_lesson_opens_with_its_text(window, tmp_path):
    assert shoot(window, Shot(lesson=3), tmp_path / "lesson.png")
    assert window.lesson_actions.current is not None and window.lesson_actions.current.number == 3
    with pytest.raises(ScreenshotError, match="There is no lesson 99"):
        shoot(window, Shot(lesson=99), tmp_path / "none.png")


def test_settle_waits_for_quiet_and_gives_up_after_its_time(qapp, monkeypatch):
    root = QObject()
    assert screenshots.settle(root, seconds=5) is True
    monkeypatch.setattr(screenshots, "_busy", lambda root: True)
    assert screenshots.settle(root, seconds=0.05) is False


def test_the_command_line_makes_a_dark_picture_and_refuses_a_wrong_option(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop(theme.SCHEME_VARIABLE, None)
    out = tmp_path / "dark.png"
    kept = QPalette(QGuiApplication.palette())
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), "--example", "mlp",
                           "--theme", "dark", "--size", "900x600", "--lang", "en"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert made.returncode == 0, made.stderr
    image = QImage(str(out))
    assert image.size().toTuple() == (900, 600) and _mean_lightness(image) < 90
    wrong = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(tmp_path / "x.png"),
                            "--size", "9x9"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert wrong.returncode == 2 and "9×9 is out of range" in wrong.stderr and "Traceback" not in wrong.stderr
    unknown = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(tmp_path / "y.png"),
                              "--example", "resnet"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert unknown.returncode == 2 and "invalid choice: 'resnet'" in unknown.stderr and "mlp" in unknown.stderr
    assert QGuiApplication.palette() == kept
