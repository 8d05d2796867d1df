"""What one row of the parameter table is, and how its values read as text.

An :class:`Entry` is one table row: the totals row, a block's header row, a
parameter, the buffers header, a buffer, the plain-tensors header, a plain
tensor attribute of a custom layer (not a parameter: shown with a warning), or
(in the state_dict view) one ``state_dict()`` entry. Numbers read calmly: four significant digits,
thousands separators, sizes in KiB/MiB.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

from editor.model.stats.parameters import Section, TensorRow
from editor.model.words import format_bytes
from editor.ui.i18n import QT_TRANSLATE_NOOP


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


# Marked for translation here, translated where they are shown (context ParameterTable). The tensor
# attributes (shape, dtype, device, requires_grad, numel) keep torch's names in every language.
HEADERS = [
    QT_TRANSLATE_NOOP("ParameterTable", "name"), QT_TRANSLATE_NOOP("ParameterTable", "block"), "shape", "dtype",
    "device", "requires_grad", "numel", QT_TRANSLATE_NOOP("ParameterTable", "mean"),
    QT_TRANSLATE_NOOP("ParameterTable", "std"), QT_TRANSLATE_NOOP("ParameterTable", "min"),
    QT_TRANSLATE_NOOP("ParameterTable", "max"), QT_TRANSLATE_NOOP("ParameterTable", "shared with"),
    QT_TRANSLATE_NOOP("ParameterTable", "grad: norm, mean"),
]

HEADER_TIPS = [
    QT_TRANSLATE_NOOP("ParameterTable", "The full name, as model.named_parameters(remove_duplicate=False) or "
                      "model.state_dict() gives it. Each parameter is an nn.Parameter: a tensor registered on its "
                      "module, so parameters() lists it and an optimizer trains it. A plain tensor stored as an "
                      "attribute is neither listed nor trained nor saved."),
    QT_TRANSLATE_NOOP("ParameterTable", "The block that holds the tensor: its path on the canvas and its kind."),
    QT_TRANSLATE_NOOP("ParameterTable", "tensor.shape: the size of each dimension."),
    QT_TRANSLATE_NOOP("ParameterTable", "tensor.dtype: the type of its numbers (float32 unless you ask for another)."),
    QT_TRANSLATE_NOOP("ParameterTable", "tensor.device: where the values live (the project's device)."),
    QT_TRANSLATE_NOOP("ParameterTable", "requires_grad: whether autograd computes a gradient for this parameter, so "
                      "that an optimizer trains it. Untick to freeze it (undo brings it back). Buffers have no "
                      "requires_grad: they are never trained."),
    QT_TRANSLATE_NOOP("ParameterTable", "tensor.numel(): how many numbers it holds."),
    QT_TRANSLATE_NOOP("ParameterTable", "The mean of its values."),
    QT_TRANSLATE_NOOP("ParameterTable", "The standard deviation of its values (unbiased, as torch.std)."),
    QT_TRANSLATE_NOOP("ParameterTable", "The smallest value."),
    QT_TRANSLATE_NOOP("ParameterTable", "The largest value."),
    QT_TRANSLATE_NOOP("ParameterTable", "Other names of the very same tensor: the module is used in more than one "
                      "place (weight tying)."),
    QT_TRANSLATE_NOOP("ParameterTable", "The gradient autograd left in .grad after Run backward (Run tab): its norm "
                      "and mean. '—' until a backward pass. For a module used in several places it is the sum of the "
                      "gradients from every place."),
]

NUMERIC = frozenset({Column.SHAPE, Column.NUMEL, Column.MEAN, Column.STD, Column.MIN, Column.MAX,
                     Column.GRADIENT})
STATS = (Column.MEAN, Column.STD, Column.MIN, Column.MAX)

# Row kinds.
TOTAL, HEADER, PARAM, BUFFERS, BUFFER, STATE_TOTAL, STATE = "total", "header", "param", "buffers", "buffer", \
    "state_total", "state"
PLAINS, PLAIN = "plains", "plain"
"""The plain-tensors section: custom layers' tensor attributes that are not parameters."""


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
    """Bytes in B, KiB, MiB, GiB, … (1 KiB = 1024 B)."""
    return format_bytes(nbytes)


def shape(dims: tuple[int, ...]) -> str:
    """``(10, 20)``; ``(8,)`` for one dimension; ``()`` for a scalar, as torch prints shapes."""
    if len(dims) == 1:
        return f"({dims[0]},)"
    return "(" + ", ".join(str(d) for d in dims) + ")"


def plural(n: int, word: str) -> str:
    """``1 tensor``, ``4 tensors``, ``1,024 parameters``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"
