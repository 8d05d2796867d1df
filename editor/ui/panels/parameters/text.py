"""The words of the parameter table: cell texts and the tooltips that explain them to a learner.

The functions read the table's state through :class:`TableState` (what the
:class:`~editor.ui.panels.parameters.table_model.ParameterTableModel` offers),
so this module does not import the model that uses it.
"""

from __future__ import annotations

from typing import Protocol

from editor.model.stats.parameters import BUFFERS_EXPLANATION, STATE_DICT_EXPLANATION, ParameterListing, Totals
from editor.ui.panels.parameters.cells import (
    BUFFERS,
    HEADER,
    STATE_TOTAL,
    TOTAL,
    Column,
    Entry,
    count,
    plural,
    shape,
    size,
)

EXPANDED, COLLAPSED = "▾", "▸"


class TableState(Protocol):
    """What the words depend on: the listing shown, its totals, and which sections are folded."""

    @property
    def listing(self) -> ParameterListing | None: ...

    @property
    def totals(self) -> Totals | None: ...

    def is_collapsed(self, header: Entry) -> bool: ...


def cell(entry: Entry, column: Column) -> str | None:
    """The text of a tensor row's cell (statistics aside)."""
    row = entry.row
    assert row is not None
    if column == Column.NAME:
        return row.name
    if column == Column.BLOCK:
        return f"{row.path} · {row.title}" if row.path else row.title
    if column == Column.SHAPE:
        return shape(row.shape)
    if column == Column.DTYPE:
        return row.dtype
    if column == Column.DEVICE:
        return row.device
    if column == Column.GRAD:
        if row.buffer:
            return "buffer" if row.persistent else "buffer, not saved"
        return "True" if row.requires_grad else "False"
    if column == Column.NUMEL:
        return count(row.numel)
    if column == Column.SHARED:
        return ", ".join(row.shared_with)
    return None


def summary(entry: Entry, column: Column, model: TableState) -> str | None:
    """The text of a header, totals or buffers row."""
    if entry.kind == HEADER:
        section = entry.section
        assert section is not None
        if column == Column.NAME:
            arrow = COLLAPSED if model.is_collapsed(entry) else EXPANDED
            return f"{arrow}  {section.path}  {section.title}"
        if column == Column.NUMEL:
            return count(section.numel)
        if column == Column.GRAD:
            return _grad_summary(entry)
        if column == Column.SHARED and section.shared_paths:
            return "same module as " + _blocks(section.shared_paths)
        return None
    if column != Column.NAME:
        return None
    if entry.kind == TOTAL:
        return total_text(model)
    if entry.kind == BUFFERS:
        return buffers_text(model, entry)
    if entry.kind == STATE_TOTAL:
        return state_total_text(model)
    return None


def _grad_summary(entry: Entry) -> str:
    assert entry.section is not None
    rows = entry.section.rows
    frozen = sum(1 for r in rows if not r.tensor.requires_grad)
    if frozen == 0:
        return "trainable"
    return "all frozen" if frozen == len(rows) else f"{frozen} of {len(rows)} frozen"


def total_text(model: TableState) -> str:
    """``Total: 265 parameters in 4 tensors · 265 trainable · 1.0 KB``."""
    totals = model.totals
    if totals is None:
        return "Total: no model"
    parts = [f"Total: {plural(totals.parameters, 'parameter')} in {plural(totals.tensors, 'tensor')}"]
    if totals.shared_tensors:
        parts[0] += f" (each of the {totals.shared_tensors} shared tensors counted once)"
    frozen = totals.parameters - totals.trainable
    parts.append(f"{count(totals.trainable)} trainable" + (f", {count(frozen)} frozen" if frozen else ""))
    parts.append(size(totals.bytes))
    return " · ".join(parts)


def buffers_text(model: TableState, entry: Entry) -> str:
    """The buffers header: what buffers are, in a few words, and how many there are."""
    listing = model.listing
    rows = listing.buffer_rows() if listing is not None else []
    arrow = COLLAPSED if model.is_collapsed(entry) else EXPANDED
    elements = sum(r.numel for r in {id(r.tensor): r for r in rows}.values())
    text = f"{arrow}  buffers: saved in state_dict, not trained  ({plural(len(rows), 'buffer')}, " \
           f"{plural(elements, 'number')})"
    transient = sum(1 for r in rows if not r.persistent)
    if transient:
        text += f"; {transient} non-persistent, not saved"
    return text


def state_total_text(model: TableState) -> str:
    """``state_dict: 13 keys: 9 parameter entries, 4 buffer entries``, and how many repeat a tensor."""
    listing = model.listing
    rows = listing.state_dict_rows() if listing is not None else []
    buffers = sum(1 for r in rows if r.buffer)
    seen: set[int] = set()
    repeats = 0
    for r in rows:
        repeats += id(r.tensor) in seen
        seen.add(id(r.tensor))
    params = len(rows) - buffers
    text = f"state_dict: {plural(len(rows), 'key')}: {params} for parameters, {buffers} for buffers"
    if repeats:
        text += f"; {repeats} of them repeat a shared tensor"
    return text


def tooltip(entry: Entry, column: Column, model: TableState) -> str | None:
    """What a cell means, in a sentence or two."""
    row = entry.row
    if entry.kind == TOTAL:
        return ("Counted like sum(p.numel() for p in model.parameters()): a tensor that several blocks share "
                "counts once.")
    if entry.kind == STATE_TOTAL:
        return STATE_DICT_EXPLANATION
    if entry.kind == BUFFERS:
        return BUFFERS_EXPLANATION + "\n\nClick the arrow (or double-click) to fold this section."
    if entry.kind == HEADER:
        section = entry.section
        assert section is not None
        if column == Column.GRAD:
            tip = "Tick or untick to unfreeze or freeze every parameter of this block (one undo step)."
            if section.shared_paths:
                tip += f" The module is also {_blocks(section.shared_paths)}: it changes there too."
            return tip
        if column == Column.SHARED and section.shared_paths:
            return (f"This block and {_blocks(section.shared_paths)} hold one module: their parameters are the "
                    f"same tensors (weight tying).")
        return f"Block {section.path}: {section.title}. Click the arrow (or double-click) to fold it."
    if row is None:
        return None
    if row.buffer and column == Column.GRAD:
        return BUFFERS_EXPLANATION
    if column == Column.GRAD:
        tip = ("requires_grad=True: an optimizer trains it. Untick to freeze it." if row.requires_grad else
               "requires_grad=False: frozen, an optimizer leaves it as it is. Tick to train it again.")
        if row.shared_with:
            tip += f" It is the same tensor as {', '.join(row.shared_with)}, so that one changes too."
        return tip
    if column == Column.SHARED and row.shared_with:
        return (f"{row.name} is the same tensor as {', '.join(row.shared_with)}: the module is used in more than "
                f"one place. Changing or freezing it here changes it everywhere; parameters() counts it once.")
    if column == Column.NAME:
        return f"{row.name}: {shape(row.shape)} {row.dtype} on {row.device}"
    return None


def _blocks(paths: tuple[str, ...]) -> str:
    return ("block " if len(paths) == 1 else "blocks ") + ", ".join(paths)
