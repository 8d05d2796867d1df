"""The names of a state_dict read as a design's: the book's ``MLP().state_dict()`` for the class imported as block 0.

:func:`aligned` renames a state_dict whose names are not the design's as they stand but are
those of one top-level block alone (``hidden.weight`` for ``0.hidden.weight``), or are under one
common prefix (a model that wrapped the design), when every name and shape then fits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import torch

from editor.model.design.tree import path_key
from editor.model.words import join, say

if TYPE_CHECKING:
    from editor.model.design.tree import Layer


def aligned(state: dict[str, torch.Tensor], owners: Mapping[str, tuple[Layer, str, torch.Size]]
             ) -> tuple[dict[str, torch.Tensor], str]:
    """``state`` with its names read as the design's, when none is the design's as it stands but every one is
    under one top-level block's prefix (the book's ``MLP().state_dict()``: ``hidden.weight``, where the class,
    imported, is block 0: ``0.hidden.weight``), or after one common prefix (a model that wrapped the design);
    and how they were read ("" when as they are)."""
    def fits(renamed: dict[str, torch.Tensor]) -> bool:  # every name the design's, with its shape
        return all(key in owners and tuple(owners[key][2]) == tuple(value.shape) for key, value in renamed.items())

    if not state or any(key in owners for key in state):
        return state, ""
    tops = sorted({key.split(".", 1)[0] for key in owners}, key=path_key)
    fitting = [top for top in tops if fits({f"{top}.{key}": value for key, value in state.items()})]
    if fitting:
        top = fitting[0]
        said = say("The names in the file are those of block {top} alone ({first}); they were read as {top}.{first} "
                   "and so on.", top=top, first=next(iter(state)))
        if len(fitting) == 2:  # two blocks alike: the first, and which other would take them too
            said = say("{said} Block {other} fits them too.", said=said, other=fitting[1])
        elif len(fitting) > 2:
            said = say("{said} Blocks {others} fit them too.", said=said, others=join(fitting[1:], ", "))
        return {f"{top}.{key}": value for key, value in state.items()}, said
    firsts = {key.split(".", 1)[0] for key in state}
    if len(firsts) == 1 and all("." in key for key in state):
        renamed = {key.split(".", 1)[1]: value for key, value in state.items()}
        if fits(renamed):
            return renamed, say("The names in the file start with {prefix}. ({first}), a model around this design; "
                                "they were read without it.", prefix=firsts.pop(), first=next(iter(state)))
    return state, ""
