"""Write the lessons' project files into ``resources/examples`` from ``editor/model/lessons.py``.

    python tools/build_lessons.py           write every NN-name.pt
    python tools/build_lessons.py --check   only say which files are not what the code builds (exit status 1)

The lesson texts (``NN-name.json``) are written by hand; ``--check`` also reads
every one of them, so a damaged text is found here too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.io.lessons.catalog import read_lessons  # noqa: E402
from editor.io.lessons.designs import stale_designs, write_designs  # noqa: E402

FOLDER = ROOT / "resources" / "examples"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed files")
    args = parser.parse_args(argv)
    if not args.check:
        for path in write_designs(FOLDER):
            print(f"wrote {path.relative_to(ROOT)}")
    stale = stale_designs(FOLDER)
    for name, problems in stale.items():
        print(f"{name}.pt is not current: {'; '.join(problems[:5])}", file=sys.stderr)
    lessons = read_lessons(FOLDER)
    print(f"{len(lessons)} lessons, {len(stale)} stale design file(s)")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
