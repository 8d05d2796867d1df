"""Before the window opens on Linux: are the system libraries that Qt's xcb platform plugin needs installed?

A fresh Debian, Ubuntu or Fedora desktop often lacks a few of them
(``libxcb-cursor0`` most of all), and Qt then stops with a long trace about
"could not load the Qt platform plugin". This check runs before the
QApplication exists, and says instead, in one sentence, which package to
install::

    python editor/cli/qt_check.py       # what `make run` does first (exit status 1 when something is missing)

It only looks where Qt would: on Linux, when the platform is xcb (the default
there, or ``QT_QPA_PLATFORM=xcb``), with an X display to connect to. A library
counts as missing when the dynamic loader cannot load it by its soname, as Qt
would. ``LAYERLAB_SKIP_QT_CHECK=1`` skips the check. Pure standard library:
it must work where Qt itself cannot.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package). Qt 6's xcb plugin and QtGui need all of them.
LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
"""What Qt's xcb platform plugin loads from the system, and the package that provides each."""

SKIP = "LAYERLAB_SKIP_QT_CHECK"
_NOT_FOUND = re.compile(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file")


def loadable(name: str) -> bool:
    """Whether the dynamic loader can load ``name`` (a soname or a path), as Qt would."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def applies(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will use its xcb plugin here: Linux, platform xcb or unset (and no Wayland session to prefer)."""
    if not platform.startswith("linux") or environ.get(SKIP):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    """The xcb plugin inside the installed PySide6 (found without importing Qt), or None."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(can_load: Callable[[str], bool] = loadable, plugin: Path | None = None) -> list[str]:
    """The sonames Qt's xcb plugin needs that cannot be loaded, in :data:`LIBRARIES` order.

    When every known one loads, ``plugin`` itself is loaded too (with the
    real loader only): a library a newer Qt needs shows up in its error.
    """
    missing = [name for name in LIBRARIES if not can_load(name)]
    if missing or plugin is None or can_load is not loadable:
        return missing
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _NOT_FOUND.search(str(exc))
        if found and found.group(1) not in LIBRARIES:
            return [found.group(1)]
    return []


def distribution(os_release: str) -> str:
    """``"debian"``, ``"fedora"`` or ``""`` (unknown) from the text of ``/etc/os-release``."""
    fields = dict(line.split("=", 1) for line in os_release.splitlines() if "=" in line)
    names = " ".join(fields.get(key, "").strip('"').lower() for key in ("ID", "ID_LIKE")).split()
    if any(name in ("debian", "ubuntu") for name in names):
        return "debian"
    if any(name in ("fedora", "rhel", "centos") for name in names):
        return "fedora"
    return ""


def _os_release() -> str:
    try:
        return Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")[:10_000]
    except OSError:
        return ""


def message(missing: list[str], system: str = "") -> str:
    """One sentence: which libraries are missing and the command that installs them on ``system``."""
    libraries = ", ".join(missing)
    known = [name for name in missing if name in LIBRARIES]
    if not known:
        return (f"LayerLab cannot open its window: Qt's xcb platform plugin needs {libraries}, which is not "
                f"installed; install the package that provides it and start LayerLab again.")
    debian = " ".join(dict.fromkeys(LIBRARIES[name][0] for name in known))
    fedora = " ".join(dict.fromkeys(LIBRARIES[name][1] for name in known))
    how = {"debian": f"`sudo apt install {debian}`", "fedora": f"`sudo dnf install {fedora}`"}.get(
        system, f"`sudo apt install {debian}` (Debian, Ubuntu) or `sudo dnf install {fedora}` (Fedora)")
    one = len(missing) == 1
    return (f"LayerLab cannot open its window: Qt needs the system {'library' if one else 'libraries'} "
            f"{libraries}, which {'is' if one else 'are'} not installed; install {'it' if one else 'them'} with "
            f"{how} and start LayerLab again.")


def problem(environ: Mapping[str, str] | None = None, can_load: Callable[[str], bool] = loadable,
            platform: str = sys.platform, os_release: str | None = None) -> str | None:
    """The sentence to print instead of starting the GUI, or None when the window can open (or this is not xcb)."""
    environ = os.environ if environ is None else environ
    if not applies(environ, platform):
        return None
    if not environ.get("DISPLAY"):
        return ("LayerLab cannot open its window: there is no display to show it on (DISPLAY is not set); start it "
                "from a desktop session, or make a picture without one with --screenshot OUT.png.")
    missing = missing_libraries(can_load, xcb_plugin() if can_load is loadable else None)
    if not missing:
        return None
    return message(missing, distribution(_os_release() if os_release is None else os_release))


def main() -> int:
    """``python editor/cli/qt_check.py``: print the problem (exit status 1), or nothing (0)."""
    found = problem()
    if found:
        print(found, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
