"""The first-start check: a missing library Qt's xcb plugin needs is named in one sentence, with its package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import qt_check
from editor.cli.qt_check import LIBRARIES, applies, distribution, message, missing_libraries, problem

ROOT = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'


def without(*names: str):
    """A loader that cannot find ``names`` (everything else loads)."""
    return lambda name: name not in names


def test_nothing_missing_nothing_said():
    assert problem(X11, can_load=lambda name: True, platform="linux", os_release=UBUNTU) is None


def test_a_missing_cursor_library_names_its_debian_package_in_one_sentence():
    said = problem(X11, can_load=without("libxcb-cursor.so.0"), platform="linux", os_release=UBUNTU)
    assert said == ("LayerLab cannot open its window: Qt needs the system library libxcb-cursor.so.0, which is not "
                    "installed; install it with `sudo apt install libxcb-cursor0` and start LayerLab again.")
    assert said.endswith("again.") and ". " not in said and "\n" not in said  # one sentence


def test_several_missing_libraries_name_each_package_once_for_fedora():
    said = problem(X11, can_load=without("libxcb-randr.so.0", "libxcb-shape.so.0", "libxkbcommon-x11.so.0"),
                   platform="linux", os_release=FEDORA)
    assert "`sudo dnf install libxkbcommon-x11 libxcb`" in said
    assert "libraries libxkbcommon-x11.so.0, libxcb-randr.so.0, libxcb-shape.so.0, which are not installed" in said


def test_an_unknown_distribution_gets_both_commands():
    said = message(["libxcb-icccm.so.4"], distribution('ID=arch\n'))
    assert "`sudo apt install libxcb-icccm4` (Debian, Ubuntu) or `sudo dnf install xcb-util-wm` (Fedora)" in said


def test_a_library_outside_the_table_is_named_as_it_is():
    said = message(["libxcb-new.so.9"])
    assert said.startswith("LayerLab cannot open its window: Qt's xcb platform plugin needs libxcb-new.so.9")


@pytest.mark.parametrize("environ, platform, expected", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),  # Qt prefers Wayland there
    ({"DISPLAY": ":0"}, "darwin", False),
    ({"DISPLAY": ":0"}, "win32", False),
    ({"DISPLAY": ":0", "LAYERLAB_SKIP_QT_CHECK": "1"}, "linux", False),
])
def test_the_check_applies_only_where_qt_will_load_xcb(environ, platform, expected):
    assert applies(environ, platform) is expected
    if not expected:
        assert problem(environ, can_load=lambda name: False, platform=platform) is None


def test_no_display_is_said_too():
    said = problem({}, can_load=lambda name: True, platform="linux")
    assert said is not None and "no display" in said and "--screenshot" in said


@pytest.mark.parametrize("text, expected", [(UBUNTU, "debian"), ('ID=linuxmint\nID_LIKE="ubuntu debian"', "debian"),
                                            (FEDORA, "fedora"), ('ID="rocky"\nID_LIKE="rhel centos fedora"', "fedora"),
                                            ("ID=arch", ""), ("", "")])
def test_the_distribution_is_read_from_os_release(text, expected):
    assert distribution(text) == expected


def test_every_library_has_both_packages_and_the_real_loader_works():
    assert all(name.startswith("lib") and ".so." in name and deb and rpm for name, (deb, rpm) in LIBRARIES.items())
    assert qt_check.loadable("libc.so.6") and not qt_check.loadable("libnot-a-library-at-all.so.0")
    assert missing_libraries(without("libX11.so.6")) == ["libX11.so.6"]


def test_the_app_prints_the_sentence_instead_of_starting(monkeypatch, capsys):
    from editor.cli import main
    from editor.ui import app

    monkeypatch.setattr(qt_check, "problem", lambda: "LayerLab cannot open its window: test.")
    monkeypatch.setattr(app, "run", lambda *args: pytest.fail("the GUI started"))
    assert main([]) == 1
    assert capsys.readouterr().err.strip() == "LayerLab cannot open its window: test."


def test_make_run_check_runs_as_a_plain_script_without_a_display():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}  # no DISPLAY, no QT_QPA_PLATFORM
    done = subprocess.run([sys.executable, str(ROOT / "editor" / "cli" / "qt_check.py")], env=env,
                          capture_output=True, text=True, timeout=60)
    if not sys.platform.startswith("linux"):
        assert done.returncode == 0
        return
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no display" in done.stderr
