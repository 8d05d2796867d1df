"""Make the README's screenshots in ``docs/`` (and, with ``--review``, light and dark pictures to look over).

    python tools/make_screenshots.py                 every picture in docs/
    python tools/make_screenshots.py --only run      the pictures whose name contains "run"
    python tools/make_screenshots.py --review DIR    the main window, Run tab, welcome screen, lesson and
                                                     About panels, each in light and in dark, into DIR
    python tools/make_screenshots.py --list          say what would be made

Each picture is one ``python main.py --screenshot OUT.png …`` run, offscreen,
in a fresh process with settings of its own (no recent files, no saved
language or layout), so the pictures do not depend on who makes them.
Chinese pictures need a font with Chinese glyphs (``fc-list :lang=zh``; see
the README's "Languages").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TIMEOUT = 180  # seconds for one picture

DOC_SHOTS: dict[str, list[str]] = {
    "screenshot.png": ["--example", "cnn", "--lang", "en"],
    "nested-groups.png": ["--lesson", "4", "--select", "0.1.0", "--lang", "en"],
    "parameters-histogram.png": ["--example", "cnn", "--select", "1.0", "--tab", "parameters,histogram",
                                 "--part", "bottom", "--size", "1400x500", "--lang", "en"],
    "shared-weights.png": ["--example", "tied", "--select", "2", "--lang", "en"],
    "code-panel.png": ["--example", "cnn", "--select", "1.0", "--tab", "code", "--lang", "en"],
    "run-forward.png": ["--example", "cnn", "--tab", "run", "--run", "backward", "--part", "bottom",
                        "--size", "1400x760", "--lang", "en"],
    "welcome.png": ["--part", "welcome", "--lang", "en"],
    "dark.png": ["--lesson", "3", "--theme", "dark", "--lang", "en"],
    "screenshot-zh_CN.png": ["--example", "cnn", "--select", "1.0", "--lang", "zh_CN"],
}
"""The pictures in docs/ and the options that make each."""

REVIEW_SHOTS: dict[str, list[str]] = {
    "main": ["--example", "nested", "--lang", "en"],
    "run": ["--example", "cnn", "--tab", "run", "--run", "backward", "--lang", "en"],
    "histogram": ["--example", "cnn", "--select", "0.0", "--tab", "histogram", "--lang", "en"],
    "code": ["--example", "cnn", "--tab", "code", "--lang", "en"],
    "welcome": ["--part", "welcome", "--lang", "en"],
    "lesson": ["--lesson", "8", "--lang", "en"],
    "about": ["--example", "cnn", "--select", "0.1", "--part", "inspector", "--lang", "en"],
    "shared": ["--example", "tied", "--select", "2", "--lang", "en"],
    "zh_CN": ["--example", "cnn", "--select", "1.0", "--lang", "zh_CN"],
}
"""The pictures of ``--review``, each made once with ``--theme light`` and once with ``--theme dark``."""


def shoot(out: Path, options: list[str], settings: Path) -> subprocess.CompletedProcess:
    """One picture, made by ``main.py --screenshot`` in a fresh offscreen process with its own settings."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings),
           "XDG_DATA_HOME": str(settings / "data")}
    env.pop("LAYERLAB_THEME", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), *options],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT)


def planned(review: Path | None, only: str) -> list[tuple[Path, list[str]]]:
    """(picture, options) for each picture to make."""
    if review is None:
        shots = [(DOCS / name, options) for name, options in DOC_SHOTS.items()]
    else:
        shots = [(review / f"{name}-{scheme}.png", [*options, "--theme", scheme])
                 for name, options in REVIEW_SHOTS.items() for scheme in ("light", "dark")]
    return [(path, options) for path, options in shots if only in path.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", type=Path, metavar="DIR", help="make the light and dark review set in DIR")
    parser.add_argument("--only", default="", metavar="TEXT", help="only the pictures whose file name contains TEXT")
    parser.add_argument("--list", action="store_true", help="say what would be made, make nothing")
    args = parser.parse_args(argv)
    shots = planned(args.review, args.only)
    if not shots:
        print(f"No picture's name contains {args.only!r}.", file=sys.stderr)
        return 1
    failed = 0
    for path, options in shots:
        line = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: main.py {' '.join(options)}"
        if args.list:
            print(line)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="layerlab-shot-") as settings:
            result = shoot(path, options, Path(settings))
        if result.returncode != 0:
            failed += 1
            print(f"FAILED {line}\n{result.stderr.strip()}", file=sys.stderr)
        else:
            print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
