"""The command line: ``layerlab [PROJECT]`` opens the GUI; subcommands work without it.

    layerlab                          open the editor
    layerlab PROJECT.pt               open a project
    layerlab --example mlp            open an example design (mlp, nested, cnn or tied)
    layerlab --lesson 3               open lesson 3, with its text beside the canvas
    layerlab --screenshot OUT.png [PROJECT] [--example E | --lesson N] [--select PATH] [--tab TAB]
             [--run forward] [--lang zh_CN] [--theme dark] [--part welcome] [--size 1400x900]
    layerlab --version
    layerlab summary PROJECT.pt       print(model), a table of blocks, totals
    layerlab export PROJECT.pt -o model.py [--weights W.pt]
                                      the design as plain PyTorch code ('-o -': stdout)
    layerlab import SRC.py -o PROJECT.pt [--seed N] [--choose NAME]
                                      read an nn.Sequential from code (never run) into a project
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from editor.version import __version__

EXAMPLE_NAMES = ("mlp", "nested", "cnn", "tied")
"""The example designs ``--example`` opens (File → Open Example's; a test checks they are
``editor.model.examples.EXAMPLES``, which the command line does not import: it loads torch)."""


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="layerlab", description="Build PyTorch networks from blocks, mirrored live into a real nn.Sequential.",
        epilog="Subcommands: 'layerlab summary PROJECT.pt', 'layerlab export PROJECT.pt -o model.py', "
        "'layerlab import SRC.py -o PROJECT.pt'. Run 'layerlab summary -h' (or export -h, import -h) for details.")
    parser.add_argument("project", nargs="?", type=Path, help="a LayerLab project (.pt) to open")
    parser.add_argument("--example", choices=EXAMPLE_NAMES, help="open an example design instead (with "
                        "--screenshot, the one shown without a PROJECT; cnn unless given)")
    parser.add_argument("--lesson", type=int, metavar="N", help="open lesson N, with its text beside the canvas")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="render the main window offscreen at 1400×900 and save it, then exit")
    shots = parser.add_argument_group("screenshot options", "what --screenshot shows (tools/make_screenshots.py "
                                      "uses them for the pictures in docs/)")
    shots.add_argument("--select", metavar="PATH[,PATH]", default="",
                       help="select these blocks, e.g. 1.0 (default: one the picture shows)")
    shots.add_argument("--tab", metavar="TAB[,TAB]", default="", help="bring a bottom tab forward: parameters, "
                       "histogram, code, run or print; with --part bottom, several are saved one under the other")
    shots.add_argument("--run", choices=["forward", "backward"], help="run a pass in the Run tab first")
    shots.add_argument("--lang", metavar="LANGUAGE", help="the language: en or zh_CN (default: the settings')")
    shots.add_argument("--theme", default="system", choices=["system", "light", "dark"],
                       help="a light or dark palette (default: the system's)")
    shots.add_argument("--part", default="window", choices=["window", "welcome", "inspector", "bottom"],
                       help="what to save: the window (default), the welcome screen, the inspector column (with "
                       "About this layer) or the bottom panel")
    shots.add_argument("--size", default="1400x900", metavar="WxH", help="the window's size (default 1400x900)")
    parser.add_argument("--version", action="version", version=f"LayerLab {__version__}")
    return parser


def _names(text: str) -> list[str]:
    """``"parameters, histogram"`` as ``["parameters", "histogram"]``."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _summary(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="layerlab summary",
                                     description="Print a project's model, a table of its blocks and totals.")
    parser.add_argument("project", type=Path, help="a LayerLab project (.pt)")
    args = parser.parse_args(argv)
    from editor.io.files.project_file import load_project
    from editor.model.errors import LayerLabError

    try:
        project = load_project(args.project)
    except LayerLabError as exc:
        print(f"layerlab summary: {exc}", file=sys.stderr)
        return 1
    print(project.summary())
    for notice in project.notices:  # e.g. a device this machine lacks, an init rule left out
        print(f"layerlab summary: note: {notice}", file=sys.stderr)
    return 0


def _export(argv: list[str]) -> int:
    from editor.cli.export_command import export_command

    return export_command(argv)


def _import(argv: list[str]) -> int:
    from editor.cli.import_command import import_command

    return import_command(argv)


SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {"summary": _summary, "export": _export, "import": _import}
"""The subcommands; each imports torch and the io layer only when it runs (the GUI shows its window first)."""


def _lesson_numbers() -> list[int]:
    """The installed lessons' numbers, read from their JSON files alone (no torch: before the window shows).

    Empty when none can be read: the window then says what is wrong with them.
    """
    import json

    from editor.resources import examples_folder

    numbers = set()
    for path in examples_folder().glob("*.json"):
        try:
            if path.stat().st_size > 1 << 20:
                continue
            number = json.loads(path.read_text(encoding="utf-8")).get("number")
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            continue
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.add(number)
    return sorted(numbers)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``layerlab`` and ``python main.py``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        from editor.io import doors  # noqa: F401  (registers p.save and p.to_code for the subcommands)

        return SUBCOMMANDS[args[0]](args[1:])
    parser = _gui_parser()
    options = parser.parse_args(args)
    given = [name for name, value in (("a PROJECT", options.project), ("--example", options.example),
                                      ("--lesson", options.lesson)) if value is not None]
    if len(given) > 1:
        parser.error(f"open one thing at a time: {', '.join(given[:-1])} and {given[-1]} were given together")
    if options.lesson is not None:
        numbers = _lesson_numbers()
        if numbers and options.lesson not in numbers:  # said now, as a usage error (status 2), before Qt starts
            listed = (f"{numbers[0]} to {numbers[-1]}" if numbers == list(range(numbers[0], numbers[-1] + 1))
                      else ", ".join(str(n) for n in numbers))
            parser.error(f"there is no lesson {options.lesson}: the lessons are numbered {listed}")
    if options.screenshot is not None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from editor.ui.app import screenshot
        from editor.ui.screenshots import ScreenshotError, Shot, parse_size

        try:
            shot = Shot(size=parse_size(options.size), tabs=_names(options.tab), select=_names(options.select),
                        run=options.run, lesson=options.lesson, language=options.lang, scheme=options.theme,
                        part=options.part)
            shot.check()  # a wrong option is a usage error (status 2), said before Qt starts
        except ScreenshotError as exc:
            print(f"layerlab: {exc}", file=sys.stderr)
            return 2
        return screenshot(options.screenshot, options.project, options.example or "cnn", shot)
    from editor.cli.qt_check import problem

    missing = problem()  # before Qt loads: one clear sentence instead of Qt's platform-plugin trace
    if missing:
        print(missing, file=sys.stderr)
        return 1
    from editor.ui.app import run

    return run(options.project, options.example, options.lesson)


if __name__ == "__main__":
    raise SystemExit(main())
