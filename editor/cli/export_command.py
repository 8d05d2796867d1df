"""``layerlab export PROJECT.pt -o model.py [--weights W.pt]``: a project as a plain PyTorch script.

``-o -`` writes the script to stdout. With ``--weights`` the editor's
``model.state_dict()`` is saved too and the script loads it by file name from
its own folder. Files are written safely (the old file survives any failure);
problems end with exit code 1 and one clear sentence on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROG = "layerlab export"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Write a project as the plain PyTorch code a careful learner would write: "
        "build_model(), the seed, and a main part that prints the model and runs one batch.")
    parser.add_argument("project", type=Path, help="a LayerLab project (.pt)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.py",
                        help="where to write the script ('-' writes it to stdout)")
    parser.add_argument("--weights", type=Path, metavar="W.pt",
                        help="also save the editor's weights (model.state_dict()) to W.pt; the script loads "
                        "them from its own folder")
    return parser


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def export_command(argv: list[str]) -> int:
    """Run the subcommand; returns the exit code."""
    args = _parser().parse_args(argv)
    from editor.io.files.project_file import load_project
    from editor.io.files.weights import export_weights
    from editor.io.pycode.export.writer import export_code
    from editor.model.errors import LayerLabError

    to_stdout = args.output == "-"
    output = None if to_stdout else Path(args.output)
    for target, what in ((output, "the script"), (args.weights, "the weights")):
        if target is not None and _same_file(target, args.project):
            return _fail(f"{target} is the project itself; writing {what} there would overwrite the project. "
                         f"Choose another file name.")
    if output is not None and args.weights is not None and _same_file(output, args.weights):
        return _fail("The script and the weights need two different file names.")
    try:
        project = load_project(args.project)
    except LayerLabError as exc:
        return _fail(str(exc))
    weights_name = args.weights.name if args.weights is not None else None
    try:
        code = export_code(project, weights_file=weights_name)
    except ValueError as exc:
        return _fail(str(exc))
    try:
        if args.weights is not None:
            export_weights(project, args.weights)
        if output is not None:
            from editor.io.files.atomic import atomic_write

            atomic_write(output, lambda target: Path(target).write_text(code, encoding="utf-8"))
    except LayerLabError as exc:
        return _fail(str(exc))
    if to_stdout:
        sys.stdout.write(code)
        sys.stdout.flush()
    _notes(project.weights_from_seed, output, args.weights, project.unallocated())
    return 0


def _notes(from_seed: bool, output: Path | None, weights: Path | None, unallocated: list[str] | None = None) -> None:
    """Hints on stderr about things that would surprise a learner later."""
    if not from_seed and weights is None and unallocated:
        print(f"{PROG}: note: block {unallocated[0]} is kept unallocated (it has no values yet), so the script "
              f"builds it with the seed's values and there are no weights to save; materialize it in LayerLab "
              f"first to keep its values.", file=sys.stderr)
    elif not from_seed and weights is None:
        print(f"{PROG}: note: the project's weights do not come from its seed (they were edited, trained or "
              f"loaded), so the script builds different values. Add --weights W.pt to save them and load them "
              f"in the script.", file=sys.stderr)
    if weights is not None and (output is None or not _same_file(weights.parent, output.parent)):
        where = "the folder you save the script in" if output is None else f"{output.parent}"
        print(f"{PROG}: note: the script loads {weights.name!r} from its own folder; put {weights} in {where}.",
              file=sys.stderr)
    from editor.io.pycode.export.writer import shadowing_note

    shadowed = shadowing_note(output) if output is not None else None
    if shadowed is not None:
        print(f"{PROG}: note: {shadowed}", file=sys.stderr)
