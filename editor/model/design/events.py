"""The Project's events: psygnal signals that views subscribe to instead of polling.

Paths in an event are valid at the moment it is emitted; a view that keeps
something longer should keep the node (``project.node(path)``) instead.
"""

from __future__ import annotations

from psygnal import Signal, SignalGroup


class ProjectEvents(SignalGroup):
    """Every kind of change a Project announces."""

    inserted = Signal(str)
    """A block or group now sits at this path (everything after it moved down one)."""

    removed = Signal(str)
    """The block or group at this path was taken out (everything after it moved up one)."""

    changed = Signal(str)
    """The block at this path now holds a different module, hyperparameters, auto flags or label."""

    moved = Signal(str, str)
    """A block or group moved from the first path (before the move) to the second (after it)."""

    grouped = Signal(str, int)
    """The given number of siblings were wrapped into a new group, now at this path."""

    ungrouped = Signal(str, int)
    """The group at this path was dissolved; its children (this many) now start at the path."""

    weights_changed = Signal(tuple)
    """Parameter or buffer values changed in the blocks at these paths; ``()`` means all of them."""

    requires_grad_changed = Signal(tuple)
    """Parameters of the blocks at these paths were frozen or unfrozen (their ``requires_grad`` changed)."""

    shapes_changed = Signal(tuple)
    """Output shapes or shape errors changed at these paths."""

    settings_changed = Signal(str)
    """A project setting changed: ``"input_shape"``, ``"seed"`` or ``"device"``."""

    collapsed = Signal(str, bool)
    """The group at this path was collapsed (True) or expanded on the canvas; view state, not an edit."""

    reset = Signal()
    """The whole design was replaced (views rebuild from scratch)."""

    edited = Signal()
    """One operation (or undo, redo) finished; emitted after the events above."""

    transaction_done = Signal(object)
    """A top-level operation finished; carries its :class:`~editor.model.design.transaction.Transaction`."""
