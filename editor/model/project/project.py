"""The Project: a design of stacked and nested layer blocks, mirrored into one live ``nn.Sequential``.

Its editing API is the ``nn.Sequential`` API (indexing, slices, ``del``,
``append``, ``insert``, ``extend``, ``pop``) plus paths for nesting (``"1.0"``
is ``net[1][0]``), moves, grouping and hyperparameter changes. Every edit
touches only the modules it must; every other module keeps its identity and its
exact parameter values. See README.md for the scripting API.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from torch import nn

from editor.model.catalog import AUTO
from editor.model.catalog.build import read_params
from editor.model.catalog.hyperparameters import resolve_auto, validate_params
from editor.model.catalog.shape_rules import Spec
from editor.model.design.adopt import Adopter
from editor.model.design.resync import ResyncingDesign
from editor.model.design.seeding import construct
from editor.model.design.torch_dicts import slots
from editor.model.design.transaction import Transaction
from editor.model.design.tree import Block, Group, Layer, Node, depth, path_key, sync, walk
from editor.model.design.user_values import (
    check_device,
    check_label,
    check_seed,
    check_shape,
    label_clash,
)
from editor.model.errors import (
    LayerLabError,
    PathError,
    StructureError,
    UnsupportedLayerError,
)
from editor.model.project.allocation import AllocationMixin
from editor.model.project.custom_layers import CustomLayersMixin
from editor.model.project.deprecated import DeprecatedNamesMixin
from editor.model.project.devices import DeviceMixin
from editor.model.project.duplicating import DuplicatingMixin
from editor.model.project.freezing import FreezingMixin
from editor.model.project.hyperparameters import HyperparametersMixin
from editor.model.project.initializing import InitMixin
from editor.model.project.interop import InteropMixin
from editor.model.project.reading import PathLike, ReadingMixin, block_prefix
from editor.model.project.replacing import ReplaceMixin
from editor.model.project.running import RunningMixin
from editor.model.project.sharing import SharingMixin
from editor.model.project.weights import WeightsMixin, WeightsReport
from editor.model.words import message_of, say


class Project(DeprecatedNamesMixin, InteropMixin, RunningMixin, InitMixin, DuplicatingMixin, SharingMixin,
              ReplaceMixin, HyperparametersMixin, FreezingMixin, CustomLayersMixin, ReadingMixin, WeightsMixin,
              AllocationMixin, DeviceMixin, ResyncingDesign):
    """A design of layer blocks and the live ``torch.nn.Sequential`` that mirrors it."""

    def __init__(self, seed: int = 0) -> None:
        super().__init__(check_seed(seed))
        self.notices: list[str] = []
        """Things the user should know about how the project was opened (e.g. "opened on the CPU")."""

    # ------------------------------------------------------------ creation
    @classmethod
    def from_module(cls, module: nn.Module, seed: int = 0) -> Project:
        """A project over ``module`` itself (no copies): nested Sequentials become groups.

        A single catalog layer is wrapped in a new Sequential. The weights are
        kept as they are; :attr:`weights_from_seed` tells whether they happen to
        be what ``seed`` gives.
        """
        project = cls(seed)
        if not isinstance(module, nn.Sequential):
            module = nn.Sequential(module)
        root = project._root
        adopter = Adopter(project)
        root.sequential = module
        project._groups = {id(module): root}
        children = [adopter.node(child, _label(key), place=str(index))
                    for index, (key, child) in enumerate(_children(module))]
        for child in children:
            child.parent = root
            root.children.append(child)
            project._register(child)
        project._sync_all()
        project._device = project._home_device(module)  # adopt the model where it lives
        project._move_all_to_device()
        project.seeds.status = None
        project._settle()
        project._shape_changed.clear()
        return project

    def _sync_all(self) -> None:
        for node in [self._root, *walk(self._root)]:
            if isinstance(node, Group):
                sync(node)

    # --------------------------------------------------------- the model
    @property
    def model(self) -> nn.Sequential:
        """The live ``nn.Sequential``: the same object for the life of the project."""
        return self._root.sequential

    @property
    def seed(self) -> int:
        """The seed that :meth:`reset_parameters` (and the exported code) construct the weights from."""
        return self.seeds.seed

    @seed.setter
    def seed(self, value: int) -> None:
        value = check_seed(value)
        if value == self.seeds.seed:
            return
        with self._operation(say("Change seed")):
            self._set_attr("seed", value, "seed", owner=self.seeds)
            self._set_seed_status(None if self._layers else True)

    def _on_rebuilt(self) -> None:
        self._set_seed_status(False)

    # ------------------------------------------------------------ editing
    def _adopt(self, module: object, label: str | None = None, parent: Group | None = None,
               place: str | None = None) -> Node:
        """A new node for ``module``, to be placed in ``parent`` (its depth bounds the nesting it may bring)
        at path ``place`` (when known, for messages)."""
        if not isinstance(module, nn.Module):
            raise UnsupportedLayerError(say("module should be of type torch.nn.Module, not {type}.",
                                            type=type(module).__name__))
        node = Adopter(self).node(module, label, depth=1 if parent is None else depth(parent) + 1, place=place)
        self._prepare_module(node.module)
        return node

    def _new_layers(self, node: Node) -> list[Layer]:
        """Layers under ``node`` that the design does not hold yet."""
        nodes = [node, *walk(node)] if isinstance(node, Group) else [node]
        return [n.layer for n in nodes if isinstance(n, Block) and id(n.layer.module) not in self._layers]

    def _note_foreign(self, layers: list[Layer], node: Node | None = None) -> None:
        """Modules built outside the project, or a shared one placed anew: the seed may no longer give these values.

        A module the design already holds, placed before its first use,
        changes the construction order; the status is then worked out again.
        """
        if self.seeds.status is not True:
            return
        placed = [node, *walk(node)] if isinstance(node, Group) else [node]
        moved = any(isinstance(n, Block) and n.layer not in layers and _first_use(n) for n in placed)
        if moved or any(layer.module.state_dict() for layer in layers):
            self._set_seed_status(None)

    def __setitem__(self, index: PathLike, module: nn.Module) -> None:
        old = self._locate(index)
        new = self._adopt(module, old.label, old.parent, old.path())
        with self._operation(say("Replace with {kind}", kind=_name(module))):
            parent = old.parent
            assert parent is not None
            i = parent.children.index(old)
            self._detach(parent, i)
            self._attach(parent, i, new)
            if self.seeds.status is True:
                self._set_seed_status(None)  # the replaced module no longer draws its share of the seed's stream

    def __delitem__(self, index: PathLike | slice) -> None:
        if isinstance(index, slice):
            chosen = range(len(self))[index]
            nodes = [self._root.children[i] for i in chosen]
            with self._operation(say("Delete")):
                for node in sorted(nodes, key=lambda n: -self._root.children.index(n)):
                    self._remove(node)
            return
        node = self._locate(index)
        with self._operation(say("Delete {kind}", kind=_name(node.module))):
            self._remove(node)

    def _remove(self, node: Node) -> None:
        parent = node.parent
        assert parent is not None
        self._detach(parent, parent.children.index(node))
        if self.seeds.status is True and not _draws_nothing(node):
            self._set_seed_status(None)  # worked out again when asked: rebuilding every layer from the seed

    def append(self, module: nn.Module) -> Project:
        """Add ``module`` at the end, like ``nn.Sequential.append``; returns the project."""
        return self.insert(len(self), module)

    def insert(self, index: PathLike, module: nn.Module) -> Project:
        """Insert ``module`` before ``index`` (``"1.2"`` inserts into the group at 1); returns the project."""
        parent, i = self._slot(index)
        node = self._adopt(module, parent=parent, place=".".join(filter(None, (parent.path(), str(i)))))
        with self._operation(say("Insert {kind}", kind=_name(module))):
            fresh = self._new_layers(node)
            self._attach(parent, i, node)
            self._note_foreign(fresh, node)
        return self

    def extend(self, modules: Iterable[nn.Module]) -> Project:
        """Append every module of ``modules`` (a Sequential's children, or any iterable)."""
        items = list(modules)
        with self._operation(say("Extend")):
            for module in items:
                self.append(module)
        return self

    def pop(self, index: PathLike | slice) -> nn.Module:
        """Remove and return the module at ``index`` (a Sequential of them for a slice)."""
        module = self[index]
        del self[index]
        return module

    def insert_layer(self, index: PathLike, kind: str, **params: Any) -> nn.Module:
        """Build a new ``kind`` layer (from the catalog, or one of :attr:`definitions`) and insert it before ``index``.

        Hyperparameters not given, and that can follow the input (like
        ``in_features``), are "auto". Returns the new module.
        """
        parent, i = self._slot(index)
        spec_kind = self._kind_named(kind)
        given = {k: v for k, v in params.items() if not (isinstance(v, str) and v == AUTO)}
        auto = frozenset(n for n in spec_kind.auto_names if n not in given)
        values = {**spec_kind.defaults(), **given}
        spec = self._incoming(parent, i)
        for name in auto:
            resolved = resolve_auto(spec_kind, name, spec.shape if spec is not None else None)
            if resolved is not None:
                values[name] = resolved
        where = f"New {spec_kind.name}: "
        values = validate_params(spec_kind, values, where)
        self._check_memory(spec_kind, values, where)  # a layer too large is kept unallocated where chosen
        self._settle_seed_status_if_cheap()  # the new layer continues the seed's stream only when that is known
        with self._operation(say("Insert {kind}", kind=spec_kind.name)):
            module, state_after = construct(self.seeds, not self._layers, spec_kind, values)
            self._prepare_module(module)
            layer = Layer(module, spec_kind, read_params(spec_kind, module), auto)
            block = Block(layer)
            self._attach(parent, i, block)
            self._note_constructed(block, state_after)
        return module

    def append_layer(self, kind: str, **params: Any) -> nn.Module:
        """Build a new ``kind`` layer from the catalog and append it; returns the new module."""
        return self.insert_layer(len(self), kind, **params)

    def move(self, source: PathLike, destination: PathLike) -> str:
        """Move the block or group at ``source`` so that it ends up at ``destination``.

        Like ``m = p.pop(source); p.insert(destination, m)`` (``destination``
        is read after the removal), but the block keeps everything it had.
        Returns the new path.
        """
        node = self._locate(source)
        parent = node.parent
        assert parent is not None
        index = parent.children.index(node)
        parent.children.pop(index)
        try:
            target, i = self._slot(destination)
        except PathError as exc:
            raise PathError(say("Cannot move block {source} to {destination}: with block {source} taken out, {problem}",
                                source=source, destination=destination, problem=message_of(exc))) from None
        finally:
            parent.children.insert(index, node)
        return self._move_node(node, target, i)

    def move_to(self, source: PathLike, group: PathLike | None, index: int) -> str:
        """Move the block or group at ``source`` to position ``index`` of ``group`` (None: the top level).

        Unlike :meth:`move`, ``index`` counts the group as it is now, before
        the move, the way a drop between two blocks does. Returns the new path.
        """
        node = self._locate(source)
        target = self._root if group is None or group == "" else self._locate(group)
        if not isinstance(target, Group):
            raise StructureError(say("{where}only a group (a nested Sequential) can hold blocks.",
                                     where=block_prefix(group)))
        if target is node or node in target.ancestors():
            raise StructureError(say("A group cannot be moved into itself."))
        count = len(target.children)
        if not 0 <= index <= count:
            raise PathError(say("Index out of range: {index} (the group has {count} blocks, so use 0 to {count}).",
                                index=index, count=count))
        parent = node.parent
        assert parent is not None
        if parent is target and index > parent.children.index(node):
            index -= 1
        return self._move_node(node, target, index)

    def _move_node(self, node: Node, target: Group, index: int) -> str:
        """Move ``node`` to ``index`` of ``target`` (counted after taking it out); returns its new path."""
        if node.parent is target and target.children.index(node) == index:
            return node.path()
        if label_clash(node.label, target, ignore=node):
            raise StructureError(say("That group already has a block called {label!r}, so this one cannot join it. "
                                     "Rename one of them first.", label=node.label))
        with self._operation(say("Move {kind}", kind=_name(node.module))):
            self._move(node, target, index)
            if self.seeds.status is True:
                self._set_seed_status(None)
        return node.path()

    def group(self, items: Iterable[PathLike]) -> str:
        """Wrap adjacent sibling blocks in a new nested Sequential; returns its path."""
        nodes = [self._locate(p) for p in items]
        if not nodes:
            raise StructureError(say("Choose at least one block to group."))
        parent = nodes[0].parent
        if any(n.parent is not parent for n in nodes) or len({id(n) for n in nodes}) != len(nodes):
            raise StructureError(say("Only blocks side by side in the same group can be grouped together."))
        assert parent is not None
        indices = sorted(parent.children.index(n) for n in nodes)
        if indices != list(range(indices[0], indices[0] + len(indices))):
            raise StructureError(say("Only adjacent blocks can be grouped: the chosen ones have gaps between them."))
        group = Group(nn.Sequential())
        with self._operation(say("Group into Sequential")):
            self._wrap(parent, indices[0], len(indices), group)
        return group.path()

    def ungroup(self, path: PathLike) -> list[str]:
        """Dissolve the group at ``path`` in place; returns the paths its children now have."""
        node = self._locate(path)
        if not isinstance(node, Group):
            raise StructureError(say("{where}only a group (a nested Sequential) can be ungrouped.",
                                     where=block_prefix(path)))
        parent = node.parent
        assert parent is not None
        index = parent.children.index(node)
        count = len(node.children)
        clash = [c.label for c in node.children if label_clash(c.label, parent, ignore=node)]
        if clash:
            raise StructureError(say("The group around it already has a block called {clash!r}, so this group cannot "
                                     "be dissolved into it. Rename one of them first.", clash=clash[0]))
        with self._operation(say("Ungroup")):
            self._unwrap(parent, index)
        prefix = parent.path()
        return [f"{prefix}.{i}" if prefix else str(i) for i in range(index, index + count)]

    def set_collapsed(self, path: PathLike, collapsed: bool) -> None:
        """Collapse or expand the group at ``path`` on the canvas (saved with the design, not an edit)."""
        node = self._locate(path)
        if not isinstance(node, Group):
            raise StructureError(say("{where}only a group (a nested Sequential) can be collapsed.",
                                     where=block_prefix(path)))
        if node.collapsed != bool(collapsed):
            node.collapsed = bool(collapsed)
            self.events.collapsed.emit(node.path(), node.collapsed)

    def set_label(self, path: PathLike, label: str | None) -> None:
        """Name the block at ``path``: its key in the parent Sequential (None: its index)."""
        node = self._locate(path)
        label = check_label(node, label)
        if label == node.label:
            return
        with self._operation(say("Rename")):
            self._set_label(node, label)

    # ------------------------------------------------------------- input
    @property
    def input_shape(self) -> tuple[int, ...] | None:
        """The shape of the input batch, e.g. ``(3, 20)``; inferred from the first layer until set."""
        spec = self._root.in_spec
        return spec.shape if isinstance(spec, Spec) else None

    @input_shape.setter
    def input_shape(self, shape: Iterable[int] | None) -> None:
        value = None if shape is None else check_shape(shape)
        if value == self._input_shape:
            return
        with self._operation(say("Set input shape")):
            self._set_attr("_input_shape", value, "input_shape")


    # ---------------------------------------------------------- transactions
    def transaction(self, name: str = "Edit") -> contextlib.AbstractContextManager[Transaction]:
        """Group several operations into one (one undo step); values are kept for exact undo.

        ``with project.transaction("Paste") as tx: ...``; afterwards
        ``project.revert(tx)`` undoes all of it and ``project.replay(tx)`` redoes it.
        """
        return self._transaction(name)

    @contextlib.contextmanager
    def _transaction(self, name: str) -> Iterator[Transaction]:
        if self._tx is not None:
            raise StructureError(say("A transaction is already running; nest operations inside it instead."))
        with self._operation(name) as tx:
            tx.keep_values = True
            yield tx

    def revert(self, tx: Transaction) -> None:
        """Undo ``tx`` exactly: the previous modules and values come back, not fresh ones."""
        self._replay(tx, undo=True)

    def replay(self, tx: Transaction) -> None:
        """Redo ``tx`` exactly as it first ran."""
        self._replay(tx, undo=False)



def _children(module: nn.Sequential) -> list[tuple[str, nn.Module]]:
    return list(slots(module).items())


def _draws_nothing(node: Node) -> bool:
    """Whether ``node``'s layers left the seed's random stream as it was when constructed: torch's own layers
    without parameters or buffers (ReLU, Flatten, Dropout, …), so that removing them leaves every other
    layer's seed values as they are (a custom layer may draw and keep nothing)."""
    blocks = [node] if isinstance(node, Block) else [n for n in walk(node) if isinstance(n, Block)]
    return all(type(b.module).__module__.startswith("torch.nn.modules.") and not b.module.state_dict()
               for b in blocks)


def _first_use(block: Block) -> bool:
    """Whether ``block`` comes before every other block of its (shared) layer: it then moved its first use."""
    mine = path_key(block.path())
    return all(mine < path_key(other.path()) for other in block.layer.blocks if other is not block)


def _label(key: str) -> str | None:
    return None if key.isdigit() else key


def _name(module: nn.Module) -> str:
    return "Sequential" if isinstance(module, nn.Sequential) else type(module).__name__


__all__ = ["LayerLabError", "Project", "WeightsReport", "check_device", "check_shape"]
