"""Transactions: what one Project operation did, so that it can be undone exactly.

Every Project operation is built from a few primitive changes (attach a node,
detach a node, swap a layer's module, write tensor values, set a setting).
Each primitive records a pair of closures, one that undoes it and one that
does it again with the very same objects. Undo therefore restores the exact
previous modules and values, never fresh random ones, and redo restores the
exact result of the first run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Step = tuple[Callable[[], None], Callable[[], None]]


@dataclass
class Transaction:
    """The primitive steps of one operation, in the order they ran."""

    name: str
    keep_values: bool = False
    steps: list[Step] = field(default_factory=list)
    serial: int = 0  # its place in the design's history (only the latest step can be undone)

    def record(self, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        """Remember one primitive change."""
        self.steps.append((undo, redo))

    def __bool__(self) -> bool:  # an operation that changed nothing is not worth an undo step
        return bool(self.steps)

    def __len__(self) -> int:
        return len(self.steps)
