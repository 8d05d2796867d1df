"""The undo → redo → undo cycle every command test runs against snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def assert_undo_redo(stack: Any, take: Callable[[], Any], same: Callable[[Any, Any], None], before: Any,
                     after: Any) -> None:
    """Undo gives ``before``, redo ``after``, undo ``before`` again (compared with ``same``)."""
    stack.undo()
    same(take(), before)
    stack.redo()
    same(take(), after)
    stack.undo()
    same(take(), before)
