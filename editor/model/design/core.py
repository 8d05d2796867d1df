"""The state of a design and the primitive changes every operation is made of.

:class:`DesignCore` owns the tree, the live ``nn.Sequential`` and the layer
registry. It changes them only through a handful of primitives (attach,
detach, move, wrap, unwrap, swap a layer, load values, set an attribute).
Each primitive keeps the mirror in step, marks what needs its shapes worked
out again, announces itself with an event and records how to undo and redo
itself in the running :class:`Transaction`.

After an operation, :meth:`DesignCore._settle` works out shapes again, only
downstream of what changed, stopping where shapes stop changing (see
:mod:`editor.model.design.shape_inference`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import torch
from torch import nn

from editor.model.design.events import ProjectEvents
from editor.model.design.seeding import SeedTracker, fingerprint
from editor.model.design.shape_inference import ShapeEngine
from editor.model.design.transaction import Transaction
from editor.model.design.tree import (
    MAX_DEPTH,
    STALE,
    Block,
    Group,
    Layer,
    Node,
    Watch,
    blocks,
    deepest_group,
    depth,
    path_key,
    paths,
    sync,
    sync_after_insert,
    sync_after_remove,
    sync_after_swap,
    too_deep_message,
    walk,
)
from editor.model.errors import StructureError
from editor.model.words import Said, message_of, say


class DesignCore(ShapeEngine):
    """Design state plus journaled primitives; the Project's editing API sits on top."""

    def __init__(self, seed: int = 0, sequential: nn.Sequential | None = None) -> None:
        self.events = ProjectEvents()
        self._watch = Watch()
        self._root = Group(sequential if sequential is not None else nn.Sequential())
        self._root.watch = self._watch
        self._root.in_spec = None
        sync(self._root)
        self._layers: dict[int, Layer] = {}
        self._groups: dict[int, Group] = {id(self._root.sequential): self._root}
        self.seeds = SeedTracker(int(seed))
        """The seed and what is known about the weights' relation to it (changed through the journal)."""
        self._device = torch.device("cpu")
        self._init_rules: tuple = ()  # InitRule, in the order applied (editor.model.init.rules)
        self._tx: Transaction | None = None
        self._serial = 0
        self._done: list[int] = []  # serials of the operations that can be undone, oldest first
        self._undone: list[int] = []  # serials of undone operations that can be redone, latest undone last
        self._replaying = False  # undoing or redoing (or rolling back a failed operation): no new modules
        self._touched: set[Layer] | None = None
        self._placed: list[Node] = []  # nodes the running operation attached, moved or wrapped (depth checks)
        self._edited_layers: set[Layer] = set()  # layers the running operation placed or rebuilt (rule checks)
        self.weights_generation = 0
        """Counts the operations (undo and redo included) that changed parameter or buffer values; a run's or a
        training's result made under another count was made with other weights."""
        ShapeEngine.__init__(self)

    # ----------------------------------------------------------------- journal
    def _record(self, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        if self._tx is not None:
            self._tx.record(undo, redo)

    @contextlib.contextmanager
    def _operation(self, name: str) -> Iterator[Transaction]:
        """Run the body as one operation: nested ones join the outer one.

        On an exception every primitive done so far is undone, so a failed
        operation changes nothing.
        """
        if self._tx is not None:
            yield self._tx
            return
        self._adopt_direct_edits()
        keep = len(self.events.transaction_done) > 0
        self._serial += 1
        tx = Transaction(name, keep_values=keep, serial=self._serial)
        self._tx = tx
        self._touched = set()
        self._placed = []
        self._edited_layers = set()
        try:
            yield tx
            self._settle()
            self._before_commit()
        except BaseException:
            self._tx = None
            self._placed = []
            self._edited_layers = set()
            self._replaying = True  # back to exactly the state before: nothing is built anew
            try:
                for undo, _ in reversed(tx.steps):
                    undo()
                self._settle()
            finally:
                self._replaying = False
            self._finish(None)
            raise
        self._tx = None
        self._placed = []
        self._edited_layers = set()
        if tx:
            self._done.append(tx.serial)
            self._undone.clear()  # a new step: what was undone can no longer be redone
        self._finish(tx)

    def _before_commit(self) -> None:
        """The operation's last word, once shapes have settled: raise a LayerLabError to refuse (and undo) it.

        The design refuses nesting deeper than :data:`MAX_DEPTH`; the Project adds its own upkeep (init rules).
        """
        for node in self._placed:
            if not self._attached(node):
                continue
            bottom, below = deepest_group(node)
            if bottom is not None and below + depth(node) > MAX_DEPTH:
                raise StructureError(too_deep_message(depth(bottom), bottom.path()))

    def _finish(self, tx: Transaction | None) -> None:
        touched, self._touched = self._touched, None
        self._emit_shapes()
        if touched:
            self.weights_generation += 1
            self.events.weights_changed.emit(self._paths_of_layers(touched))
        self.events.edited.emit()
        if tx:
            self.events.transaction_done.emit(tx)

    def _paths_of_layers(self, layers: set[Layer]) -> tuple[str, ...]:
        if len(layers) >= len(self._layers) > 0:
            return ()
        found = [b for layer in layers for b in layer.blocks]
        return self._paths(found)

    def _paths(self, nodes: list[Node]) -> tuple[str, ...]:
        if len(nodes) > 16:
            table = paths(self._root)
            return tuple(sorted((table[n] for n in nodes if n in table), key=path_key))
        return tuple(sorted((n.path() for n in nodes if self._attached(n)), key=path_key))

    def _attached(self, node: Node) -> bool:
        while node.parent is not None:
            node = node.parent
        return node is self._root

    def _replay(self, tx: Transaction, undo: bool) -> None:
        """Undo or redo ``tx`` with the very objects it recorded; all or nothing.

        Nothing is built anew here (shapes settle with the recorded modules), so
        the design comes back bit for bit. Should a step fail all the same, the
        steps done so far are taken back and a :class:`StructureError` says so:
        the design is as it was before the call.
        """
        verb = say("undo") if undo else say("redo")
        if self._tx is not None:
            raise StructureError(say("Cannot {verb} while an operation is running; wait until it has finished.",
                                     verb=verb))
        if not isinstance(tx, Transaction):
            raise StructureError(say("revert and replay take a Transaction (from 'with project.transaction() as "
                                     "tx:'), not {type}.", type=type(tx).__name__))
        if self._adopt_direct_edits():
            return  # the history no longer applies to this design (views were told: events.reset)
        if tx:
            self._check_order(tx, undo)
        self._touched = set()
        self._replaying = True
        done: list[Callable[[], None]] = []  # how to take back each step done so far
        try:
            for back, forth in (reversed(tx.steps) if undo else iter(tx.steps)):
                (back if undo else forth)()
                done.append(forth if undo else back)
            self._settle()
        except Exception as exc:
            self._take_back(done)
            if tx:
                self._check_order(tx, not undo)  # the step counts as done (or undone) as before
            raise StructureError(say("Could not {verb} {tx!r} ({type}: {reason}). The design is as it was before.",
                                     verb=verb, tx=tx.name, type=type(exc).__name__, reason=_first_line(exc))) from exc
        finally:
            self._replaying = False
        self._finish(None)

    def _take_back(self, done: list[Callable[[], None]]) -> None:
        """After a failed replay: take back the steps it did, latest first (still replaying: nothing is rebuilt)."""
        try:
            for step in reversed(done):
                step()
            self._settle()
        finally:
            self._finish(None)

    def _check_order(self, tx: Transaction, undo: bool) -> None:
        """Undo only the latest step, redo only the latest undone one: anything else would damage the design."""
        if undo:
            if not self._done or self._done[-1] != tx.serial:
                reason = (say("it was undone already") if tx.serial in self._undone else
                          say("later steps came after it: undo those first"))
                raise StructureError(say("Cannot undo {tx!r}: {reason}.", tx=tx.name, reason=reason))
            self._undone.append(self._done.pop())
        else:
            if not self._undone or self._undone[-1] != tx.serial:
                reason = (say("it is not undone") if tx.serial in self._done else
                          say("it is not the step undone last (or the design changed since)"))
                raise StructureError(say("Cannot redo {tx!r}: {reason}.", tx=tx.name, reason=reason))
            self._done.append(self._undone.pop())

    def _adopt_direct_edits(self) -> bool:
        """Follow edits made to the live Sequentials behind the design's back; True when there were any.

        The base design has none to follow; :class:`~editor.model.design.resync.ResyncingDesign` does.
        """
        return False

    # -------------------------------------------------------------- registry
    def _register(self, node: Node) -> None:
        subtree = [node, *walk(node)] if isinstance(node, Group) else [node]
        for item in subtree:
            item.in_spec = STALE
            if isinstance(item, Block):
                layer = item.layer
                if layer.auto:
                    self._places_changed.add(layer)
                if self._tx is not None:
                    self._edited_layers.add(layer)
                if not layer.blocks:
                    self._layers[id(layer.module)] = layer
                    if self.seeds.ranked and layer.rank is None:
                        layer.rank = self.seeds.next_rank(item)
                layer.blocks.append(item)
                if len(layer.blocks) > 1:
                    self._shared_layers[id(layer)] = layer
            else:
                self._groups[id(item.sequential)] = item  # type: ignore[union-attr]
                item.watch = self._watch  # type: ignore[union-attr]

    def _unregister(self, node: Node) -> None:
        subtree = [node, *walk(node)] if isinstance(node, Group) else [node]
        for item in subtree:
            if isinstance(item, Block):
                layer = item.layer
                layer.blocks.remove(item)
                if len(layer.blocks) < 2:
                    self._shared_layers.pop(id(layer), None)
                if self._tx is not None:
                    self._edited_layers.add(layer)
                if not layer.blocks:
                    del self._layers[id(layer.module)]
                elif layer.auto:
                    self._places_changed.add(layer)  # another place may be its first now
            else:
                self._groups.pop(id(item.sequential), None)  # type: ignore[union-attr]

    # ------------------------------------------------------------ primitives
    def _attach(self, parent: Group, index: int, node: Node) -> None:
        parent.children.insert(index, node)
        node.parent = parent
        if self._tx is not None:
            self._placed.append(node)
        self._register(node)
        sync_after_insert(parent, index)
        self._dirty.append(node)
        self.events.inserted.emit(node.path())
        self._record(lambda: self._detach(parent, index), lambda: self._attach(parent, index, node))

    def _detach(self, parent: Group, index: int) -> Node:
        path = parent.children[index].path()
        old_key = parent.children[index].label or str(index)
        node = parent.children.pop(index)
        self._unregister(node)
        node.parent = None
        sync_after_remove(parent, index, old_key)
        self._mark_gap(parent, index)
        self.events.removed.emit(path)
        self._record(lambda: self._attach(parent, index, node), lambda: self._detach(parent, index))
        return node

    def _mark_gap(self, parent: Group, index: int) -> None:
        """Something left ``parent`` at ``index``: whatever now follows must be worked out again."""
        children = parent.children
        target: Node = children[index] if index < len(children) else (children[-1] if children else parent)
        target.in_spec = STALE
        self._dirty.append(target)

    def _move(self, node: Node, parent: Group, index: int) -> None:
        old_parent = node.parent
        assert old_parent is not None
        old_index = old_parent.children.index(node)
        src = node.path()
        old_parent.children.pop(old_index)
        sync(old_parent)
        self._mark_gap(old_parent, old_index)
        parent.children.insert(index, node)
        node.parent = parent
        sync(parent)
        if self._tx is not None:
            self._placed.append(node)
        for item in [node, *walk(node)] if isinstance(node, Group) else [node]:
            item.in_spec = STALE
            if isinstance(item, Block) and item.layer.auto and len(item.layer.blocks) > 1:
                self._places_changed.add(item.layer)  # its first place may have moved
        self._dirty.append(node)
        self.events.moved.emit(src, node.path())
        self._record(lambda: self._move(node, old_parent, old_index), lambda: self._move(node, parent, index))

    def _wrap(self, parent: Group, index: int, count: int, group: Group) -> None:
        members = parent.children[index:index + count]
        parent.children[index:index + count] = [group]
        group.parent = parent
        group.children = members
        for member in members:
            member.parent = group
        self._groups[id(group.sequential)] = group
        group.watch = self._watch
        sync(group)
        sync(parent)
        if self._tx is not None:
            self._placed.append(group)
        group.in_spec = STALE
        self._dirty.append(group)
        self.events.grouped.emit(group.path(), count)
        self._record(lambda: self._unwrap(parent, index), lambda: self._wrap(parent, index, count, group))

    def _unwrap(self, parent: Group, index: int) -> Group:
        group = parent.children[index]
        assert isinstance(group, Group)
        path = group.path()
        members = group.children
        parent.children[index:index + 1] = members
        for member in members:
            member.parent = parent
        group.children = []
        group.parent = None
        sync(group)
        self._groups.pop(id(group.sequential), None)
        sync(parent)
        if members:
            members[0].in_spec = STALE
            self._dirty.append(members[0])
        else:
            self._mark_gap(parent, index)
        self.events.ungrouped.emit(path, len(members))
        count = len(members)
        self._record(lambda: self._wrap(parent, index, count, group), lambda: self._unwrap(parent, index))
        return group

    def _swap_layer(self, layer: Layer, module: nn.Module, params: dict[str, Any], auto: frozenset[str]) -> None:
        """Give ``layer`` a new module, hyperparameters and auto flags, at every place it is used."""
        old = (layer.module, layer.params, layer.auto)
        if self._tx is not None:
            self._edited_layers.add(layer)
        del self._layers[id(layer.module)]
        layer.module, layer.params, layer.auto = module, params, auto
        self._layers[id(module)] = layer
        for block in layer.blocks:
            if block.parent is not None:
                sync_after_swap(block, old[0], module)
        for block in layer.blocks:
            block.in_spec = STALE
            self._dirty.append(block)
        for path in self._paths(list(layer.blocks)):
            self.events.changed.emit(path)
        self._record(lambda: self._swap_layer(layer, *old), lambda: self._swap_layer(layer, module, params, auto))

    def _set_label(self, node: Node, label: str | None) -> None:
        old = node.label
        node.label = label
        if node.parent is not None:
            sync(node.parent)
            self.events.changed.emit(node.path())
        self._record(lambda: self._set_label(node, old), lambda: self._set_label(node, label))

    def _load_values(self, layer: Layer, state: dict[str, torch.Tensor]) -> None:
        """Copy ``state`` into the layer's parameters and buffers, in place (module identity kept).

        A module on the meta device has no values to copy into (torch would
        only warn, keeping nothing): refused, so nothing reads as loaded that was not.
        """
        current = layer.module.state_dict()
        if any(value.is_meta for value in current.values()):
            raise StructureError(say("Block {path} is not allocated, so it cannot take values: materialize it "
                                     "first.", path=(self._paths(list(layer.blocks)) or ("?",))[0]))
        keep = self._tx is not None and self._tx.keep_values
        before = {k: v.detach().clone() for k, v in current.items()} if keep else None
        layer.module.load_state_dict(state)
        if self._touched is not None:
            self._touched.add(layer)
        if before is not None:
            after = {k: v.detach().clone() for k, v in state.items()}
            self._record(lambda: self._load_values(layer, before), lambda: self._load_values(layer, after))

    def _set_attr(self, name: str, value: Any, event: str | None = None, owner: object = None) -> None:
        """Set a journaled attribute of the design, or of ``owner`` (input shape, seed, device, seed status)."""
        target = self if owner is None else owner
        old = getattr(target, name)
        if old is value:
            return
        setattr(target, name, value)
        if event:
            self.events.settings_changed.emit(event)
        self._record(lambda: self._set_attr(name, old, event, owner), lambda: self._set_attr(name, value, event, owner))

    def _set_seed_status(self, status: bool | None, state: torch.Tensor | None = None) -> None:
        """Record whether the weights are exactly what the seed gives (None: not known), as an undoable change."""
        seeds = self.seeds
        if status is not True:
            state = None
        if status != seeds.status or state is not seeds.state:
            self._set_attr("status", status, owner=seeds)
            self._set_attr("state", state, owner=seeds)
            self._set_attr("fingerprint", fingerprint(self._layers.values()) if status is True else None, owner=seeds)

    # ------------------------------------------------------------- queries
    @property
    def root(self) -> Group:
        """The top-level group node (read-only handle for views)."""
        return self._root

    def layer_for(self, module: nn.Module) -> Layer | None:
        """The design's layer for ``module``, or None when the design does not hold it."""
        return self._layers.get(id(module))

    def holds_group(self, sequential: nn.Sequential) -> bool:
        """Whether ``sequential`` is one of the design's groups (the root included)."""
        return id(sequential) in self._groups

    def group_for(self, sequential: nn.Sequential) -> Group | None:
        """The design's group for ``sequential``, or None when the design does not hold it."""
        return self._groups.get(id(sequential))

    @property
    def given_input_shape(self) -> tuple[int, ...] | None:
        """The input shape as set by the user, or None when it is inferred from the first layer."""
        return self._input_shape

    def _blocks(self) -> Iterator[Block]:
        return blocks(self._root)


def _first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (at most 160 characters), still translatable when it was said."""
    text = message_of(exc)
    if not text:
        return say("no details")
    if isinstance(text, Said) and len(text) <= 160 and "\n" not in text:
        return text
    return text.splitlines()[0][:160]
