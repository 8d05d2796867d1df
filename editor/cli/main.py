"""The command line: ``layerlab [PROJECT]`` opens the GUI; subcommands work without it.

    layerlab                          open the editor
    layerlab PROJECT.pt               open a project
    layerlab --screenshot OUT.png [PROJECT]
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

from editor.cli.export_command import export_command
from editor.cli.import_command import import_command
from editor.io import doors  # noqa: F401  (registers p.save and p.to_code for the subcommands)
from editor.version import __version__


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="layerlab", description="Build PyTorch networks from blocks, mirrored live into a real nn.Sequential.",
        epilog="Subcommands: 'layerlab summary PROJECT.pt', 'layerlab export PROJECT.pt -o model.py', "
        "'layerlab import SRC.py -o PROJECT.pt'. Run 'layerlab summary -h' (or export -h, import -h) for details.")
    parser.add_argument("project", nargs="?", type=Path, help="a LayerLab project (.pt) to open")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="render the main window offscreen at 1400×900 and save it, then exit")
    parser.add_argument("--version", action="version", version=f"LayerLab {__version__}")
    return parser


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


SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {"summary": _summary, "export": export_command,
                                                      "import": import_command}


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``layerlab`` and ``python main.py``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    options = _gui_parser().parse_args(args)
    if options.screenshot is not None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from editor.ui.app import screenshot

        return screenshot(options.screenshot, options.project)
    from editor.ui.app import run

    return run(options.project)


if __name__ == "__main__":
    raise SystemExit(main())
