"""Replacing the whole design with another one, as one undoable operation (applying edited code).

The modules of the other design are taken over as they are (same objects,
same values), with their labels, nesting, collapsed groups and construction
order, and the other design's seed, input shape and seed tracking. The
project keeps its own identity, device and event subscribers, so the canvas
and panels follow the change like any other edit, and undo brings back the
previous modules and values exactly.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import TYPE_CHECKING, Any

from editor.model.catalog.hyperparameters import resolve_auto
from editor.model.design.adopt import Adopter
from editor.model.design.core import DesignCore
from editor.model.design.tree import Block, Group, Node, blocks, walk
from editor.model.errors import LayerLabError

if TYPE_CHECKING:
    from typing_extensions import Self

    _Base = DesignCore
else:
    _Base = object


class ReplaceMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: ``replace_design(other)``."""

    def replace_design(self, other: Self, *, name: str = "Replace design", keep_input_shape: bool = False,
                       keep_auto: bool = False) -> None:
        """Make this design the same as ``other``'s (whose modules it takes over; ``other`` is spent).

        One operation: every current block goes, ``other``'s top-level blocks
        and groups come in with their labels, and the seed, input shape,
        construction order and seed tracking follow ``other``. Nothing of
        ``other`` is copied: its modules keep their exact values. ``other``
        must not be used afterwards (its modules now belong to this design).

        With ``keep_input_shape``, a design that does not set an input shape
        (code rarely does) keeps this one's, as long as it fits as well as the
        inferred one does (e.g. the batch size stays when a layer is edited).

        With ``keep_auto``, hyperparameters that followed the input here
        (code carries values only) follow it again in the matching blocks of
        ``other`` whose values are still the ones the input gives.
        """
        if other is self:
            return
        if keep_input_shape and other.given_input_shape is None and self._input_shape is not None:
            _offer_input_shape(other, self._input_shape)
        if keep_auto:
            _carry_auto(self, other)
        adopter = Adopter(self)
        incoming: list[Node] = [adopter.node(child.module, child.label, place=str(index))
                                for index, child in enumerate(other.root.children)]
        _copy_layer_state(other, incoming)
        with self._operation(name):
            root = self._root
            for index in range(len(root.children) - 1, -1, -1):
                self._detach(root, index)
            seeds = self.seeds
            self._set_attr("ranked", other.seeds.ranked, owner=seeds)
            seeds.rank_counter = max(seeds.rank_counter, other.seeds.rank_counter)  # new ranks never collide
            self._set_attr("seed", other.seed, "seed", owner=seeds)
            for index, node in enumerate(incoming):
                self._prepare_module(node.module)
                self._attach(root, index, node)
            self._set_attr("_input_shape", other.given_input_shape, "input_shape")
            self._set_attr("_init_rules", _rules_for(other, self), "init_rules")
            self._adopt_seed_status(other)

    def _adopt_seed_status(self, other: DesignCore) -> None:
        """Take over whether ``other``'s weights are the seed's (and where its random stream stands)."""
        status = other.seeds.status
        self._set_seed_status(status, other.seeds.state if status is True else None)


def _copy_layer_state(other: DesignCore, incoming: list[Node]) -> None:
    """Give the new layers ``other``'s ranks and auto flags, and the new groups its collapsed state."""
    for top in incoming:
        for node in [top, *walk(top)] if isinstance(top, Group) else [top]:
            if isinstance(node, Block):
                source = other.layer_for(node.layer.module)
                if source is not None:
                    node.layer.rank = source.rank
                    node.layer.auto = source.auto
            elif isinstance(node, Group):
                group = other.group_for(node.sequential)
                if group is not None:
                    node.collapsed = group.collapsed


def _carry_auto(design: DesignCore, other: ReplaceMixin) -> None:
    """Mark "auto" in ``other`` what was auto in the matching block of ``design`` and still has the inferred value.

    Blocks are matched by kind along the flattened stack (difflib), so a block
    inserted or removed in the code does not shift the others; a new block
    and a value typed differently in the code stay as the code says.
    """
    old = list(blocks(design.root))
    new = [(path, node) for path, node in other.walk() if isinstance(node, Block)]
    matcher = difflib.SequenceMatcher(None, [b.layer.kind.name for b in old],
                                      [b.layer.kind.name for _, b in new], autojunk=False)
    first: dict[int, Block] = {}
    for _, block in new:
        first.setdefault(id(block.layer), block)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            continue
        for before, (path, block) in zip(old[i1:i2], new[j1:j2], strict=True):
            layer = block.layer
            if not before.layer.auto or first[id(layer)] is not block:  # a shared module follows its first place
                continue
            shape = getattr(block.in_spec, "shape", None)
            follow = {name: "auto" for name in before.layer.auto - layer.auto
                      if resolve_auto(layer.kind, name, shape) == layer.params.get(name)}
            if follow:
                try:
                    # The same values: only the flags change, nothing is rebuilt.
                    other.set_hyperparameters(path, **follow)
                except LayerLabError:  # pragma: no cover - a flag that cannot be kept must not block the change
                    continue


def _offer_input_shape(other: ReplaceMixin, shape: tuple[int, ...]) -> None:
    """Give ``other`` the input shape ``shape`` unless that makes more shape errors than inferring it."""
    errors = len(other.shape_errors())
    other.input_shape = shape
    if len(other.shape_errors()) > errors:
        other.input_shape = None


def _rules_for(other: ReplaceMixin, design: DesignCore) -> tuple[Any, ...]:
    """``other``'s init rules, with the layers they name swapped for this design's layers of the same modules."""
    rules = []
    for rule in other.init_rules:  # type: ignore[attr-defined]
        if rule.layers is not None:
            mine = [design.layer_for(layer.module) for layer in rule.layers]
            rule = dataclasses.replace(rule, layers=tuple(layer for layer in mine if layer is not None))
        rules.append(rule)
    return tuple(rules)
