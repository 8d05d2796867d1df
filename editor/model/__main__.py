"""``python -m editor.model [EXAMPLE]``: print the summary of an example design (mlp, nested, cnn, tied)."""

from __future__ import annotations

import sys

from editor.model.examples import EXAMPLES


def main(argv: list[str]) -> int:
    name = argv[0] if argv else "mlp"
    if name not in EXAMPLES:
        print(f"Unknown example {name!r}; choose one of: {', '.join(EXAMPLES)}.", file=sys.stderr)
        return 2
    print(EXAMPLES[name](0).summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
