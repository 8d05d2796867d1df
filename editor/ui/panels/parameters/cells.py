"""What one row of the parameter table is, and how its values read as text.

An :class:`Entry` is one table row: the totals row, a block's header row, a
parameter, the buffers header, a buffer, or (in the state_dict view) one
``state_dict()`` entry. Numbers read calmly: four significant digits,
thousands separators, sizes in KB/MB.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

from editor.model.stats.parameters import Section, TensorRow


class Column(IntEnum):
    """The table's columns, in order."""

    NAME = 0
    BLOCK = 1
    SHAPE = 2
    DTYPE = 3
    DEVICE = 4
    GRAD = 5
    NUMEL = 6
    MEAN = 7
    STD = 8
    MIN = 9
    MAX = 10
    SHARED = 11
    GRADIENT = 12


HEADERS = ["name", "block", "shape", "dtype", "device", "requires_grad", "numel", "mean", "std", "min", "max",
           "shared with", "grad: norm, mean"]

HEADER_TIPS = [
    "The full name, as model.named_parameters(remove_duplicate=False) or model.state_dict() gives it.",
    "The block that holds the tensor: its path on the canvas and its kind.",
    "tensor.shape",
    "tensor.dtype",
    "tensor.device: where the values live (the project's device).",
    "requires_grad: whether an optimizer trains this parameter. Untick to freeze it (undo brings it back).",
    "tensor.numel(): how many numbers it holds.",
    "The mean of its values.",
    "The standard deviation of its values (unbiased, as torch.std).",
    "The smallest value.",
    "The largest value.",
    "Other names of the very same tensor: the module is used in more than one place (weight tying).",
    "The gradient autograd left in .grad after Run backward (Run tab): its norm and mean. '—' until a backward "
    "pass. For a module used in several places it is the sum of the gradients from every place.",
]

NUMERIC = frozenset({Column.SHAPE, Column.NUMEL, Column.MEAN, Column.STD, Column.MIN, Column.MAX,
                     Column.GRADIENT})
STATS = (Column.MEAN, Column.STD, Column.MIN, Column.MAX)

# Row kinds.
TOTAL, HEADER, PARAM, BUFFERS, BUFFER, STATE_TOTAL, STATE = "total", "header", "param", "buffers", "buffer", \
    "state_total", "state"


@dataclass(frozen=True, eq=False)
class Entry:
    """One row of the table."""

    kind: str
    row: TensorRow | None = None
    section: Section | None = None

    @property
    def key(self) -> tuple:
        """What the row stands for, stable across edits elsewhere (to keep the selection)."""
        if self.kind == HEADER:
            return (HEADER, section_key(self.section))
        if self.kind in (PARAM, BUFFER) and self.section is not None and self.row is not None:
            return (self.kind, section_key(self.section), self.row.local)
        if self.row is not None:
            return (self.kind, self.row.name)
        return (self.kind,)


def section_key(section: Section | None) -> object:
    """A block's identity: its design node (same object across edits), else its name prefix."""
    if section is None:
        return None
    return section.node if section.node is not None else section.key


def number(value: float) -> str:
    """Four significant digits, without trailing noise: ``0.1235``, ``-3.2e-05``, ``12``."""
    if math.isnan(value):
        return "—"
    if value == 0:
        return "0"
    text = f"{value:.4g}"
    return text.replace("e-0", "e-").replace("e+0", "e+")


def count(value: int) -> str:
    """A count with thousands separators: ``101,066``."""
    return f"{value:,}"


def size(nbytes: int) -> str:
    """Bytes in B, KB, MB or GB (1 KB = 1024 B)."""
    value = float(nbytes)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop always returns


def shape(dims: tuple[int, ...]) -> str:
    """``(10, 20)``; ``(8,)`` for one dimension; ``()`` for a scalar, as torch prints shapes."""
    if len(dims) == 1:
        return f"({dims[0]},)"
    return "(" + ", ".join(str(d) for d in dims) + ")"


def plural(n: int, word: str) -> str:
    """``1 tensor``, ``4 tensors``, ``1,024 parameters``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"
