"""Run the benchmarks: ``python -m bench [name ...]``; exit status 1 when a goal is missed.

Every table is also written to ``bench/results.json`` (one section per suite, replaced when it runs).
"""

from __future__ import annotations

import importlib
import sys

from bench.common import begin_suite

SUITES = ["startup", "model", "canvas", "files", "table", "code", "histogram", "run", "memory", "scale"]


def main(argv: list[str]) -> int:
    names = argv or SUITES
    ok = True
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        begin_suite(name)
        ok = module.run() and ok
        print()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
