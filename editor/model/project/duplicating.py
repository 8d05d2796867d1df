"""New blocks made from the design's own blocks: duplicates and replacements.

``p.duplicate(paths)`` is ``copy.deepcopy`` placed right after the chosen
blocks: new modules holding the same values. ``p.duplicate(paths,
fresh=True)`` is what calling the block's constructor again gives (the
textbook's ``block1()`` called four times): new modules of the same kinds and
hyperparameters, with new weights drawn from the seed's random stream while
the design is exactly what its seed gives. Either way the copies keep which
hyperparameters follow the input ("auto"), so a copy placed after a layer of
another width adapts to it, and ties inside the copied part stay ties inside
the copy.

``p.replace_layer(path, kind)`` is ``net[i] = nn.Sigmoid()`` for a catalog
kind: a new layer in the same place, keeping the place's label, with the
hyperparameters that can follow the input set to "auto".

Each is one undoable step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from torch import nn

from editor.model.catalog.build import read_params
from editor.model.catalog.unallocated import deep_copy
from editor.model.design.adopt import Adopter
from editor.model.design.seeding import construct
from editor.model.design.tree import Block, Group, Layer, Node, sync, walk
from editor.model.errors import StructureError, ValidationError
from editor.model.project.freezing import apply_frozen, frozen_names
from editor.model.project.reading import PathLike
from editor.model.words import say

if TYPE_CHECKING:
    import torch

    from editor.model.design.core import DesignCore
    from editor.model.design.seeding import SeedTracker

    _Base = DesignCore
else:
    _Base = object


class DuplicatingMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: ``duplicate`` and ``replace_layer``."""

    def duplicate(self, paths: Iterable[PathLike], fresh: bool = False) -> list[str]:
        """Insert a copy of each block or group at ``paths`` right after the last of them; returns the copies' paths.

        The copies come in the order of the originals (so duplicating blocks
        1 and 2 gives 1, 2, 1′, 2′) and carry no label (the originals keep
        theirs; blocks inside a copied group keep their own). With
        ``fresh=False`` each copy holds the original's current values, like
        ``copy.deepcopy``; with ``fresh=True`` each is constructed anew from
        its kind and hyperparameters, drawing from the seed's stream when the
        design is exactly what its seed gives (as :meth:`insert_layer` does).
        Copies keep their originals' "auto" hyperparameters, frozen parameters
        and train/eval mode. Blocks of the chosen ones that share a module
        share one new module in the copy; a module shared with a block outside
        the chosen ones is not shared by the copy.
        """
        if not isinstance(fresh, bool):
            raise ValidationError(say("fresh must be True or False, not {fresh!r}.", fresh=fresh), field="fresh")
        nodes = self._chosen_nodes(paths)
        last = nodes[-1]
        parent = last.parent
        assert parent is not None
        start = parent.children.index(last) + 1
        state: torch.Tensor | None = None
        if fresh:
            with self._keeping():  # type: ignore[attr-defined]  # a new layer too large is kept unallocated, as inserting one is
                made, state = self._fresh_copies(nodes)
        else:
            made = self._value_copies(nodes)
        what = _name(nodes[0]) if len(nodes) == 1 else say("{count} blocks", count=len(nodes))
        title = say("Duplicate {what} with fresh weights", what=what) if fresh else say("Duplicate {what}", what=what)
        with self._operation(title):
            for offset, node in enumerate(made):
                self._prepare_module(node.module)
                self._attach(parent, start + offset, node)
            blocks = [b for node in made for b in _blocks_of(node)]
            if fresh and blocks:
                self._note_constructed(blocks[-1], state)  # type: ignore[attr-defined]
            elif blocks:  # copied values: whether the seed still gives them is worked out when asked
                layers = list({id(b.layer): b.layer for b in blocks}.values())
                self._note_foreign(layers, made[0])  # type: ignore[attr-defined]
        return [node.path() for node in made]

    def replace_layer(self, path: PathLike, kind: str, **params: Any) -> nn.Module:
        """Put a new catalog ``kind`` layer in place of the block or group at ``path``: ``net[i] = nn.Sigmoid()``.

        The place keeps its label; hyperparameters not given that can follow
        the input are "auto", as with :meth:`insert_layer`. Other places that
        shared the replaced module keep it. Returns the new module.
        """
        old = self._locate(path)  # type: ignore[attr-defined]
        parent = old.parent
        assert parent is not None
        index = parent.children.index(old)
        slot = old.path()
        label = old.label
        with self._operation(say("Replace {old} with {kind}", old=_name(old), kind=kind)):
            self._detach(parent, index)
            if self.seeds.status is True:
                self._set_seed_status(None)  # the replaced module no longer draws its share of the seed's stream
            module = self.insert_layer(slot, kind, **params)  # type: ignore[attr-defined]
            if label is not None:
                self.set_label(slot, label)  # type: ignore[attr-defined]
        return module

    # ------------------------------------------------------------ helpers
    def _chosen_nodes(self, paths: Iterable[PathLike]) -> list[Node]:
        """The blocks and groups at ``paths`` in data-flow order, each once; one inside a chosen group is left out."""
        if isinstance(paths, (str, int)):
            paths = [paths]
        nodes: list[Node] = []
        for path in paths:
            node = self._locate(path)  # type: ignore[attr-defined]
            if all(node is not n for n in nodes):
                nodes.append(node)
        if not nodes:
            raise StructureError(say("Choose at least one block to duplicate."))
        chosen = {id(n) for n in nodes}
        nodes = [n for n in nodes if not any(id(a) in chosen for a in n.ancestors())]
        return sorted(nodes, key=lambda n: n.indices())

    def _value_copies(self, nodes: list[Node]) -> list[Node]:
        """Deep copies of ``nodes`` (ties among them kept), with the originals' auto flags and collapsed groups."""
        modules = deep_copy([n.module for n in nodes])  # a layer kept unallocated is copied unallocated
        adopter = Adopter(self)
        made = [adopter.node(module) for module in modules]
        for source, twin_root in zip(nodes, made, strict=True):
            for original, twin in zip(_subtree(source), _subtree(twin_root), strict=True):
                if isinstance(original, Block) and isinstance(twin, Block):
                    twin.layer.auto = original.layer.auto  # a copy adapts to its input as the original does
                elif isinstance(original, Group) and isinstance(twin, Group):
                    twin.collapsed = original.collapsed
        return made

    def _fresh_copies(self, nodes: list[Node]) -> tuple[list[Node], torch.Tensor | None]:
        """New nodes over newly constructed modules, in data-flow order; and the random state after the last draw.

        The state is None when some module was drawn from torch's global
        generator (the design was not seed-exact), so the seed status cannot
        follow along.
        """
        scratch: SeedTracker = dataclasses.replace(self.seeds)  # continues the stream without touching the design's
        layers: dict[int, Layer] = {}
        from_stream = True

        def layer_for(source: Layer) -> Layer:
            nonlocal from_stream
            made = layers.get(id(source))
            if made is None:
                module, after = construct(scratch, False, source.kind, dict(source.params))
                module.train(source.module.training)
                apply_frozen(module, frozen_names(source.module))
                made = Layer(module, source.kind, read_params(source.kind, module), source.auto)
                layers[id(source)] = made
                if after is None:
                    from_stream = False
                else:
                    scratch.state = after
            return made

        def rebuild(node: Node, label: str | None) -> Node:
            if isinstance(node, Block):
                return Block(layer_for(node.layer), label)
            assert isinstance(node, Group)
            group = Group(nn.Sequential(), label)
            group.collapsed = node.collapsed
            for child in node.children:
                twin = rebuild(child, child.label)
                twin.parent = group
                group.children.append(twin)
            sync(group)
            return group

        made = [rebuild(node, None) for node in nodes]
        return made, (scratch.state if from_stream else None)


def _subtree(node: Node) -> list[Node]:
    return [node, *walk(node)] if isinstance(node, Group) else [node]


def _blocks_of(node: Node) -> list[Block]:
    return [n for n in _subtree(node) if isinstance(n, Block)]


def _name(node: Node) -> str:
    return node.layer.kind.name if isinstance(node, Block) else "Sequential"


__all__ = ["DuplicatingMixin"]
