"""Turning live torch modules into design nodes.

A catalog module becomes a :class:`Block` over a :class:`Layer` (the same
layer when the module is already in the design: that is weight sharing); an
``nn.Sequential`` becomes a :class:`Group` of its children, keeping the
Sequential object itself. Hyperparameters are read back from the module and
checked, so a module LayerLab could not rebuild is refused up front; so is
one whose tensors are on the meta device (shapes, no values) unless LayerLab
itself keeps it unallocated (it then knows how to give it the seed's values).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from torch import nn

from editor.model.catalog.build import kind_of, read_params
from editor.model.catalog.hyperparameters import validate_params
from editor.model.catalog.unallocated import is_unallocated
from editor.model.design.torch_dicts import slots
from editor.model.design.tree import MAX_DEPTH, Block, Group, Layer, Node, sync, too_deep_message
from editor.model.errors import StructureError, UnsupportedLayerError
from editor.model.words import join, say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore


def label_from_key(key: str) -> str | None:
    """The label a Sequential key stands for: None for plain indices like ``"3"``."""
    return None if key.isdigit() else key


class Adopter:
    """Adopts modules into one design; remembers what it adopted so repeats become shared."""

    def __init__(self, design: DesignCore) -> None:
        self.design = design
        self.layers: dict[int, Layer] = {}
        self.groups: set[int] = set()

    def node(self, module: object, label: str | None = None, where: str = "", depth: int = 1,
             place: str | None = None) -> Node:
        """A new node for ``module`` (not attached yet), to be placed at depth ``depth`` (1: at the top level).

        ``place`` is the path it will have, when known (for messages).
        Sequentials nested deeper than a design holds (:data:`MAX_DEPTH`) are refused before they are walked.
        """
        if isinstance(module, nn.Sequential):
            return self._group(module, label, where, depth, place)
        kind = kind_of(module)
        assert isinstance(module, nn.Module)
        layer = self.design.layer_for(module) or self.layers.get(id(module))
        if layer is None:
            _check_values(module, kind.name, place)
            params = read_params(kind, module)
            validate_params(kind, params, where)
            layer = Layer(module, kind, params)
            self.layers[id(module)] = layer
        return Block(layer, label)

    def _group(self, sequential: nn.Sequential, label: str | None, where: str, depth: int,
               place: str | None = None) -> Group:
        if sequential is self.design.root.sequential:
            raise StructureError(say("The design cannot contain itself: project.model cannot be inserted into it."))
        seen = self.design.holds_group(sequential) or id(sequential) in self.groups
        # A Sequential used twice becomes two groups over the same (shared) layers.
        if depth > MAX_DEPTH:  # before walking it: a Sequential nested 10,000 deep is refused, not recursed into
            raise StructureError(too_deep_message(depth))
        children = list(slots(sequential).items())
        group = Group(nn.Sequential() if seen else sequential, label)
        self.groups.add(id(group.sequential))
        for index, (key, child) in enumerate(children):
            if child is None:
                raise UnsupportedLayerError(say("{where}slot {key!r} of a Sequential holds None, not a module.",
                                                where=where, key=key))
            inner = f"{place}.{index}" if place else None
            node = self.node(child, label_from_key(key), where, depth + 1, inner)
            node.parent = group
            group.children.append(node)
        sync(group)  # the group's mirror: a new Sequential gets its modules, an adopted one is watched like the rest
        return group


def _check_values(module: nn.Module, kind: str, place: str | None) -> None:
    """Refuse a module whose tensors are on the meta device (shapes, no values), unless LayerLab keeps it unallocated.

    Such a module cannot run, be compared with the seed or be saved; only a
    layer LayerLab kept unallocated knows where its values come from.
    """
    if is_unallocated(module):
        return
    names = [name for name, tensor in [*module.named_parameters(), *module.named_buffers()] if tensor.is_meta]
    if not names:
        return
    what = say("Block {path} ({kind})", path=place, kind=kind) if place else say("This {kind}", kind=kind)
    shown = join(names, ", ") if len(names) <= 4 else say("{keys} and {more} more", keys=join(names[:4], ", "),
                                                            more=len(names) - 4)
    raise UnsupportedLayerError(say(
        "{what} holds tensors on the meta device, which have shapes but no values ({names}), so LayerLab cannot "
        "hold it. Give it values first, e.g. module.to_empty(device=\"cpu\") and then module.reset_parameters(); "
        "or add the layer from LayerLab's palette (or with append_layer), which keeps a layer too large for "
        "memory unallocated and materializes it with its seed's values.", what=what, names=shown))
