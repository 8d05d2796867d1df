"""``layerlab import SRC.py -o PROJECT.pt [--seed N] [--choose NAME]``: PyTorch code in, a project out.

The source is parsed, never executed. When it defines several models, the
one returned by a function such as ``build_model()`` (or else the one assigned
last) is taken, and stderr says which and what else there was; ``--choose``
takes another. Problems end with exit code 1 and ``SRC:LINE:COL: message`` on
stderr, and the output file is left as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROG = "layerlab import"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Read an nn.Sequential model from PyTorch code (without running the code) and "
        "save it as a LayerLab project.")
    parser.add_argument("source", help="a Python file that builds an nn.Sequential ('-' reads stdin)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="PROJECT.pt",
                        help="where to save the project")
    parser.add_argument("--seed", type=_seed, metavar="N",
                        help="construct the weights after torch.manual_seed(N) (default: the file's own "
                        "torch.manual_seed, else 0)")
    parser.add_argument("--choose", metavar="NAME",
                        help="which model to take when the file has several, e.g. 'model' or 'build_model()'")
    return parser


def _seed(text: str) -> int:
    """``--seed``'s value: an integer torch.manual_seed accepts (argparse reports anything else as a usage error)."""
    from editor.model.design.user_values import check_seed
    from editor.model.errors import ValidationError

    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    try:
        return check_seed(seed)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(f"{exc} Use {exc.valid}.") from None


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _read_source(name: str) -> str:
    """The source to import: a regular file checked before reading, or standard input (bounded)."""
    from editor.io.pycode.read.source import read_source, read_stream

    return read_stream() if name == "-" else read_source(name)


def import_command(argv: list[str]) -> int:
    """Run the subcommand; returns the exit code."""
    args = _parser().parse_args(argv)
    from editor.io.errors import CodeImportError
    from editor.io.pycode.read.reader import import_model
    from editor.model.errors import LayerLabError

    shown = "<stdin>" if args.source == "-" else args.source
    if args.source != "-":
        source_path = Path(args.source)
        try:
            if args.output.exists() and source_path.resolve() == args.output.resolve():
                return _fail(f"{args.output} is the source file itself; choose another name for the project.")
        except OSError:
            pass
    try:
        source = _read_source(args.source)
    except LayerLabError as exc:
        return _fail(str(exc))
    except (OSError, ValueError) as exc:
        return _fail(f"cannot read {shown}: {getattr(exc, 'strerror', None) or exc}")
    try:
        result = import_model(source, seed=args.seed, choose=args.choose)
    except CodeImportError as exc:
        where = f"{exc.line}:{exc.column}:" if exc.line is not None and exc.column is not None else (
            f"{exc.line}:" if exc.line is not None else "")
        print(f"{shown}:{where} {exc.problem}", file=sys.stderr)
        return 1
    except LayerLabError as exc:
        return _fail(f"{shown}: {exc}")
    others = [c for c in result.candidates if c is not result.chosen]
    if others and args.choose is None:
        listed = ", ".join(f"{c.name} (line {c.line})" for c in others)
        print(f"{PROG}: {shown} defines {len(result.candidates)} models; took {result.chosen.name} "
              f"(line {result.chosen.line}). The others: {listed}. Take another with --choose NAME.",
              file=sys.stderr)
    project = result.project
    try:
        project.save(args.output)
    except LayerLabError as exc:
        return _fail(str(exc))
    for notice in project.notices:
        print(f"{PROG}: note: {notice}", file=sys.stderr)
    sized = f"; sized by the input, it has {project.count_parameters():,} parameters" if result.chosen.lazy else ""
    print(f"Saved {args.output}: {result.chosen.name}, {result.chosen.summary}, seed {project.seed}{sized}.")
    return 0
