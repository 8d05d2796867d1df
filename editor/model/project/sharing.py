"""Weight tying you can do: share, use again, repeat, make independent.

In PyTorch a tie is one module object used at two places (``shared =
nn.Linear(8, 8)``, then ``nn.Sequential(shared, nn.ReLU(), shared)``). In a
design it is two blocks that reference one layer. Every operation here is one
undoable step, and each is refused (a :class:`SharingError`, nothing changed)
when the one module could not work at every place: the operation is made, the
shapes are worked out, and a new shape error at any place of the shared module
undoes it and says which places disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.model.catalog.shape_rules import fmt
from editor.model.catalog.unallocated import deep_copy
from editor.model.design.seeding import construct, construction_order
from editor.model.design.tree import Block, Group, Layer, Node, walk
from editor.model.errors import SharingError, ValidationError
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object

PathLike = int | str
WEIGHTS_CHOICES = ("copy", "reinit")
MAX_REPEAT = 1000
BROKEN = "shape error"  # a block's entry in _broken_places when it has a shape error


class SharingMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: making and breaking weight ties."""

    def share(self, first: PathLike, second: PathLike, *more: PathLike, keep: PathLike | None = None) -> None:
        """Make the blocks at these paths references to one module: afterwards ``p[first] is p[second]``.

        ``keep`` names the block whose module (and so whose current weights
        and hyperparameters) survives; the first path by default. Refused when
        the blocks are of different kinds, a path is a group or given twice, or
        the kept module cannot take the input of every place.
        """
        paths = [first, second, *more]
        nodes = [self._locate(p) for p in paths]  # type: ignore[attr-defined]
        keep_node = nodes[0] if keep is None else self._locate(keep)  # type: ignore[attr-defined]
        for path, node in zip(paths, nodes, strict=True):
            if not isinstance(node, Block):
                raise SharingError(say("Block {path} is a group (a nested Sequential): only single layers share "
                                       "weights. Use Repeat or Use again to place a group twice.", path=path))
        if len({id(n) for n in nodes}) < len(nodes):
            raise SharingError(say("The same block is named twice: sharing needs two different blocks."))
        if keep_node not in nodes:
            raise SharingError(say("keep={keep!r} is not one of the blocks to share; name one of {paths}.",
                                   keep=keep, paths=paths))
        kept: Block = keep_node  # type: ignore[assignment]
        for path, node in zip(paths, nodes, strict=True):
            if node.layer.kind is not kept.layer.kind:  # type: ignore[attr-defined]
                raise SharingError(say("Block {path} is a {kind} and block {path2} is a {kind2}: only blocks of one "
                                       "kind can share a module.",
                                       path=self.path_of(kept), kind=kept.layer.kind.name, path2=path,
                                       kind2=node.layer.kind.name))  # type: ignore[attr-defined]
        others = [n for n in nodes if n.layer is not kept.layer]  # type: ignore[attr-defined]
        if not others:
            return  # they share one module already
        layer = kept.layer
        before = self._broken_places()
        order = self._construction_layers()
        with self._operation(say("Share {kind} weights", kind=layer.kind.name)):
            for node in others:
                parent = node.parent
                assert parent is not None
                index = parent.children.index(node)
                self._detach(parent, index)
                self._attach(parent, index, Block(layer, node.label))
            self._refuse_misfits(layer, before)
            self._seed_unknown(order)

    def unshare(self, path: PathLike, weights: str = "copy") -> None:
        """Give the block at ``path`` its own module: a copy of the current weights or fresh ones (``"reinit"``).

        Fresh weights are drawn as constructing the layer would draw them: from
        the seed's stream when the design is still exactly what its seed gives.
        """
        if weights not in WEIGHTS_CHOICES:
            raise ValidationError(say("weights must be 'copy' or 'reinit', not {weights!r}.",
                                      weights=weights), field="weights",
                                  valid=say("'copy' or 'reinit'"))
        node = self._locate(path)  # type: ignore[attr-defined]
        if not isinstance(node, Block):
            raise SharingError(say("Block {path} is a group; make the blocks inside it independent one by one.",
                                   path=path))
        layer = node.layer
        if len(layer.blocks) < 2:
            raise SharingError(say("Block {path} does not share its module with another block, so it is independent "
                                   "already.", path=path))
        state_after = None
        if weights == "copy":
            module = deep_copy(layer.module)
        else:
            self._settle_seed_status_if_cheap()  # type: ignore[attr-defined]  # so the new draw continues the stream
            with self._keeping():  # type: ignore[attr-defined]
                module, state_after = construct(self.seeds, False, layer.kind, layer.params)
        own = Layer(module, layer.kind, dict(layer.params), layer.auto)
        with self._operation(say("Make {kind} independent", kind=layer.kind.name)):
            parent = node.parent
            assert parent is not None
            index = parent.children.index(node)
            self._detach(parent, index)
            block = Block(own, node.label)
            self._prepare_module(module)
            self._attach(parent, index, block)
            if weights == "reinit" and state_after is not None:
                self._note_constructed(block, state_after)  # type: ignore[attr-defined]
            elif self.seeds.status is True:
                self._set_seed_status(None)  # a copy of the values, or drawn off the seed's stream

    def use_again(self, path: PathLike, at: PathLike) -> str:
        """Insert another reference to the module at ``path`` before position ``at`` (``shared`` used twice).

        A group placed again is a second group over the same layers. Returns
        the new block's path. Refused when the module cannot take the input it
        would receive there.
        """
        node = self._locate(path)  # type: ignore[attr-defined]
        parent, index = self._slot(at)  # type: ignore[attr-defined]
        before = self._broken_places()
        order = self._construction_layers()
        with self._operation(say("Use {name} again", name=_name(node))):
            placed = self._place_again(node, parent, index)
            self._refuse_misfits_under(placed, before)
            self._seed_unknown(order)
        return placed.path()

    def repeat(self, path: PathLike, n: int, shared: bool = True) -> list[str]:
        """Make ``n`` blocks of the one at ``path`` (itself and ``n - 1`` more right after it).

        ``shared=True`` places the same module again (``nn.Sequential(*[m] * n)``);
        ``shared=False`` places independent copies of its current weights (and
        keeps which hyperparameters follow the input). Returns the paths of all
        ``n``.
        """
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_REPEAT:
            raise ValidationError(say("n must be a whole number from 1 to {max_repeat}, not {n!r}.",
                                      max_repeat=MAX_REPEAT, n=n), field="n",
                                  valid=say("1 to {max_repeat}", max_repeat=MAX_REPEAT))
        if not isinstance(shared, bool):
            raise ValidationError(say("shared must be True or False, not {shared!r}.", shared=shared), field="shared")
        node = self._locate(path)  # type: ignore[attr-defined]
        parent = node.parent
        assert parent is not None
        placed = [node]
        before = self._broken_places()
        order = self._construction_layers()
        with self._operation(say("Repeat {name} ×{n}", name=_name(node), n=n)):
            for step in range(1, n):
                index = parent.children.index(node) + step
                if shared:
                    placed.append(self._place_again(node, parent, index))
                else:
                    placed.append(self._place_copy(node, parent, index))
            if shared:
                for item in placed[1:]:
                    self._refuse_misfits_under(item, before)
            if n > 1:
                self._seed_unknown(order)
        return [p.path() for p in placed]

    # ------------------------------------------------------------ helpers
    def _place_again(self, node: Node, parent: Group, index: int) -> Node:
        again = self._adopt(node.module)  # type: ignore[attr-defined]  # a module it holds: the same layers
        self._attach(parent, index, again)
        return again

    def _place_copy(self, node: Node, parent: Group, index: int) -> Node:
        fresh = self._adopt(deep_copy(node.module))  # type: ignore[attr-defined]
        sources = [node, *walk(node)] if isinstance(node, Group) else [node]
        copies = [fresh, *walk(fresh)] if isinstance(fresh, Group) else [fresh]
        for source, made in zip(sources, copies, strict=True):
            if isinstance(source, Block) and isinstance(made, Block):
                made.layer.auto = source.layer.auto  # copies adapt to their input as the original does
            if isinstance(source, Group) and isinstance(made, Group):
                made.collapsed = source.collapsed
        self._attach(parent, index, fresh)
        return fresh

    def _construction_layers(self) -> list[int]:
        """The design's layers, by identity, in the order a script constructs their modules."""
        return [id(layer) for layer in construction_order(self._root, self.seeds)]

    def _seed_unknown(self, order: list[int]) -> None:
        """After placing modules again (or dropping some): the seed's values still hold while the construction order
        (``order``, from :meth:`_construction_layers` before the edit) is unchanged. Placing a module again after its
        first use constructs nothing (``nn.Sequential(shared, relu, shared)`` draws ``shared`` once), so the weights
        stay the seed's and the stream goes on where it was for the layers added next. Otherwise whether the weights
        are the seed's is worked out anew, when asked.
        """
        if self.seeds.status is True and self._construction_layers() != order:
            self._set_seed_status(None)

    def _broken_places(self) -> dict[int, tuple[int, ...] | str | None]:
        """Each block's input shape now (None: not known), or ``BROKEN`` where it has a shape error."""
        return {id(b): (BROKEN if b.error is not None else _shape(b)) for b in self._blocks()}

    def _refuse_misfits_under(self, node: Node, before: dict[int, tuple[int, ...] | str | None]) -> None:
        for block in [node, *walk(node)] if isinstance(node, Group) else [node]:
            if isinstance(block, Block):
                self._refuse_misfits(block.layer, before)

    def _refuse_misfits(self, layer: Layer, before: dict[int, tuple[int, ...] | str | None]) -> None:
        """Raise (undoing the running operation) when a place of ``layer`` cannot take what it receives.

        Only errors the operation made count (``before`` is :meth:`_broken_places` from before it).
        """
        self._settle()
        broken = [b for b in layer.blocks if b.error is not None and before.get(id(b)) is not BROKEN]
        if not broken:
            return
        bad = broken[0]
        # A place that takes the module: fine now, or fine before the operation (its input may be unknown now).
        earlier = {i: s for i, s in before.items() if s is not BROKEN}
        fits = [(b, (_shape(b) if b.error is None else None) or earlier.get(id(b))) for b in layer.blocks
                if b is not bad]
        fine = next(((b, s) for b, s in fits if s is not None), None)
        name = layer.kind.name
        if fine is not None and _shape(bad) is not None and _shape(bad) != fine[1]:
            raise SharingError(say("Block {path} receives {shape} but block {path2} receives {shape2}: one {name} "
                                   "cannot take both. Change the layer that feeds one of them, or keep them "
                                   "independent.",
                                   path=fine[0].path(), shape=fmt(fine[1]), path2=bad.path(),
                                   shape2=fmt(_shape(bad)), name=name))
        raise SharingError(say("Block {path} cannot use this {name}: {problem}",
                               path=bad.path(), name=name, problem=bad.error.sentence))  # type: ignore[union-attr]


def _shape(block: Block) -> tuple[int, ...] | None:
    spec = block.in_spec
    return getattr(spec, "shape", None)


def _name(node: Node) -> str:
    return node.layer.kind.name if isinstance(node, Block) else "Sequential"


__all__ = ["MAX_REPEAT", "WEIGHTS_CHOICES", "SharingMixin"]
