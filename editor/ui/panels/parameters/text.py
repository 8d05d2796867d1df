"""The words of the parameter table: cell texts and the tooltips that explain them to a learner.

The functions read the table's state through :class:`TableState` (what the
:class:`~editor.ui.panels.parameters.table_model.ParameterTableModel` offers),
so this module does not import the model that uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from editor.model.stats.parameters import (
    BUFFERS_EXPLANATION,
    PLAIN_EXPLANATION,
    STATE_DICT_EXPLANATION,
    ParameterListing,
    TensorRow,
    Totals,
)
from editor.ui.i18n import catalog_text, translate
from editor.ui.panels.parameters.cells import (
    BUFFER,
    BUFFERS,
    HEADER,
    PLAIN,
    PLAINS,
    STATE_TOTAL,
    TOTAL,
    Column,
    Entry,
    count,
    shape,
    size,
)

EXPANDED, COLLAPSED = "▾", "▸"


def _plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated texts with ``{n}``) for ``n`` things."""
    return (one if n == 1 else many).format(n=f"{n:,}")


class TableState(Protocol):
    """What the words depend on: the listing shown, its totals, and which sections are folded."""

    @property
    def listing(self) -> ParameterListing | None: ...

    @property
    def totals(self) -> Totals | None: ...

    def is_collapsed(self, header: Entry) -> bool: ...

    def plain_rows(self) -> list[TensorRow]: ...


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
        if entry.kind == PLAIN:
            return translate("ParameterTable", "⚠ plain")
        if row.buffer:
            return translate("ParameterTable", "buffer") if row.persistent else translate(
                "ParameterTable", "buffer, not saved")
        return "True" if row.requires_grad else "False"
    if column == Column.NUMEL:
        return count(row.numel)
    if column == Column.SHARED:
        return _listed(row.shared_with)
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
            return translate("ParameterTable", "same module as {blocks}").format(blocks=_blocks(section.shared_paths))
        return None
    if column != Column.NAME:
        return None
    if entry.kind == TOTAL:
        return total_text(model)
    if entry.kind == BUFFERS:
        return buffers_text(model, entry)
    if entry.kind == PLAINS:
        return plains_text(model, entry)
    if entry.kind == STATE_TOTAL:
        return state_total_text(model)
    return None


def _grad_summary(entry: Entry) -> str:
    assert entry.section is not None
    rows = entry.section.rows
    frozen = sum(1 for r in rows if not r.tensor.requires_grad)
    if frozen == 0:
        return translate("ParameterTable", "trainable")
    return translate("ParameterTable", "all frozen") if frozen == len(rows) else translate(
        "ParameterTable", "{frozen} of {count} frozen").format(frozen=frozen, count=len(rows))


def total_text(model: TableState) -> str:
    """``Total: 265 parameters in 4 tensors · 265 trainable · 1.0 KiB``."""
    totals = model.totals
    if totals is None:
        return translate("ParameterTable", "Total: no model")
    parameters = _plural(totals.parameters, translate("ParameterTable", "{n} parameter"),
                         translate("ParameterTable", "{n} parameters"))
    tensors = _plural(totals.tensors, translate("ParameterTable", "{n} tensor"),
                      translate("ParameterTable", "{n} tensors"))
    parts = [translate("ParameterTable", "Total: {parameters} in {tensors}").format(parameters=parameters,
                                                                                    tensors=tensors)]
    if totals.shared_tensors:
        parts[0] += translate("ParameterTable", " (each of the {count} shared tensors counted once)").format(
            count=totals.shared_tensors)
    frozen = totals.parameters - totals.trainable
    trainable = translate("ParameterTable", "{count} trainable").format(count=count(totals.trainable))
    if frozen:
        trainable += translate("ParameterTable", ", {count} frozen").format(count=count(frozen))
    parts.append(trainable)
    parts.append(size(totals.bytes))
    if totals.plain_tensors:
        parts.append(_plural(totals.plain_tensors, translate("ParameterTable", "⚠ {n} plain tensor, not counted"),
                             translate("ParameterTable", "⚠ {n} plain tensors, not counted")))
    return " · ".join(parts)


def buffers_text(model: TableState, entry: Entry) -> str:
    """The buffers header: what buffers are, in a few words, and how many there are."""
    listing = model.listing
    rows = listing.buffer_rows() if listing is not None else []
    arrow = COLLAPSED if model.is_collapsed(entry) else EXPANDED
    elements = sum(r.numel for r in {id(r.tensor): r for r in rows}.values())
    buffers = _plural(len(rows), translate("ParameterTable", "{n} buffer"), translate("ParameterTable", "{n} buffers"))
    numbers = _plural(elements, translate("ParameterTable", "{n} number"), translate("ParameterTable", "{n} numbers"))
    text = f"{arrow}  " + translate("ParameterTable", "buffers: saved in state_dict, not trained  ({buffers}, "
                                    "{numbers})").format(buffers=buffers, numbers=numbers)
    transient = sum(1 for r in rows if not r.persistent)
    if transient:
        text += translate("ParameterTable", "; {count} non-persistent, not saved").format(count=transient)
    return text


def plains_text(model: TableState, entry: Entry) -> str:
    """The plain-tensors header: they look like parameters, but parameters() and state_dict() do not see them."""
    rows = model.plain_rows()
    arrow = COLLAPSED if model.is_collapsed(entry) else EXPANDED
    tensors = _plural(len(rows), translate("ParameterTable", "{n} tensor"), translate("ParameterTable", "{n} tensors"))
    numbers = _plural(sum(r.numel for r in rows), translate("ParameterTable", "{n} number"),
                      translate("ParameterTable", "{n} numbers"))
    return f"{arrow}  ⚠ " + translate("ParameterTable", "plain tensors ({tensors}, {numbers}): not parameters, so "
                                      "parameters() and state_dict() do not see them").format(tensors=tensors,
                                                                                              numbers=numbers)


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
    keys = _plural(len(rows), translate("ParameterTable", "{n} key"), translate("ParameterTable", "{n} keys"))
    text = translate("ParameterTable", "state_dict: {keys}: {params} for parameters, {buffers} for buffers").format(
        keys=keys, params=params, buffers=buffers)
    if repeats:
        text += translate("ParameterTable", "; {count} of them repeat a shared tensor").format(count=repeats)
    return text


def tooltip(entry: Entry, column: Column, model: TableState) -> str | None:
    """What a cell means, in a sentence or two."""
    row = entry.row
    if entry.kind == TOTAL:
        return translate("ParameterTable", "Counted like sum(p.numel() for p in model.parameters()): a tensor that "
                         "several blocks share counts once.")
    if entry.kind == STATE_TOTAL:
        return catalog_text(STATE_DICT_EXPLANATION)
    if entry.kind == BUFFERS:
        return catalog_text(BUFFERS_EXPLANATION) + "\n\n" + translate(
            "ParameterTable", "Click the arrow (or double-click) to fold this section.")
    if entry.kind in (PLAINS, PLAIN):
        return plain_warning(entry)
    if entry.kind == HEADER:
        section = entry.section
        assert section is not None
        if column == Column.GRAD:
            tip = translate("ParameterTable", "Tick or untick to unfreeze or freeze every parameter of this block "
                            "(one undo step).")
            if section.shared_paths:
                tip += translate("ParameterTable", " The module is also {blocks}: it changes there too.").format(
                    blocks=_blocks(section.shared_paths))
            return tip
        if column == Column.SHARED and section.shared_paths:
            return translate("ParameterTable", "This block and {blocks} hold one module: their parameters are the "
                             "same tensors (weight tying).").format(blocks=_blocks(section.shared_paths))
        return translate("ParameterTable", "Block {path}: {title}. Click the arrow (or double-click) to fold "
                         "it.").format(path=section.path, title=section.title)
    if row is None:
        return None
    if row.buffer and column == Column.GRAD:
        return catalog_text(BUFFERS_EXPLANATION)
    if column == Column.GRAD:
        tip = (translate("ParameterTable", "requires_grad=True: an optimizer trains it. Untick to freeze it.")
               if row.requires_grad else translate("ParameterTable", "requires_grad=False: frozen, an optimizer "
                                                   "leaves it as it is. Tick to train it again."))
        if row.shared_with:
            tip += translate("ParameterTable", " It is the same tensor as {names}, so that one changes too.").format(
                names=_listed(row.shared_with))
        return tip
    if column == Column.SHARED and row.shared_with:
        return translate("ParameterTable", "{name} is the same tensor as {names}: the module is used in more than "
                         "one place. Changing or freezing it here changes it everywhere; parameters() counts it "
                         "once.").format(name=row.name, names=_listed(row.shared_with))
    if column == Column.NAME:
        what = (translate("ParameterTable", "a buffer (register_buffer): saved, never trained") if row.buffer
                else translate("ParameterTable", "an nn.Parameter: listed by parameters(), trained, saved"))
        tip = translate("ParameterTable", "{name}: {shape} {dtype} on {device}").format(
            name=row.name, shape=shape(row.shape), dtype=row.dtype, device=row.device) + f" · {what}"
        if entry.kind == BUFFER:  # listed in the buffers' section, away from its block's header row
            tip += translate("ParameterTable", ", in block {block}").format(block=cell(entry, Column.BLOCK))
        return tip
    return None


def plain_warning(entry: Entry) -> str:
    """Why a plain tensor attribute is not a parameter (the listing's own words, in the current language)."""
    warning = entry.row.warning if entry.row is not None else None
    text = catalog_text(warning or PLAIN_EXPLANATION)
    if entry.row is None:
        return text
    where = translate("ParameterTable", "{name}: {shape} {dtype} on {device}, in block {path}").format(
        name=entry.row.name, shape=shape(entry.row.shape), dtype=entry.row.dtype, device=entry.row.device,
        path=entry.row.path)
    return f"{where}\n\n{text}"


def _blocks(paths: Sequence[str]) -> str:
    one = len(paths) == 1
    return (translate("ParameterTable", "block {paths}") if one else translate("ParameterTable", "blocks {paths}")
            ).format(paths=_listed(paths))


SHOWN_NAMES = 8
"""Names a cell lists before "and N more": a module shared by 5,000 blocks would name 4,999 in every row."""


def _listed(names: Sequence[str]) -> str:
    """``names`` joined by commas, the first :data:`SHOWN_NAMES` of them when there are more."""
    if len(names) <= SHOWN_NAMES:
        return ", ".join(names)
    return translate("ParameterTable", "{names} and {n} more").format(
        names=", ".join(names[:SHOWN_NAMES]), n=f"{len(names) - SHOWN_NAMES:,}")
