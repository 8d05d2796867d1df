"""The Project: a design of stacked and nested layer blocks, mirrored into one live ``nn.Sequential``.

Its editing API is the ``nn.Sequential`` API (indexing, slices, ``del``,
``append``, ``insert``, ``extend``, ``pop``) plus paths for nesting (``"1.0"``
is ``net[1][0]``), moves, grouping and hyperparameter changes. Every edit
touches only the modules it must; every other module keeps its identity and its
exact parameter values. See README.md for the scripting API.
"""

from __future__ import annotations

import contextlib
import operator
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from . import seeding
from .adopt import Adopter
from .build import build_module, check_memory, read_params
from .catalog import AUTO, LayerKind
from .catalog import kind as catalog_kind
from .core import DesignCore
from .errors import (
    Fix,
    LayerLabError,
    PathError,
    PathTypeError,
    ShapeError,
    StructureError,
    UnsupportedLayerError,
    ValidationError,
)
from .shapes import Spec, output_spec
from .shaping import infer
from .transaction import Transaction
from .tree import Block, Group, Layer, Node, paths, walk
from .validate import resolve_auto, split_auto, validate_params

PathLike = int | str


@dataclass
class WeightsReport:
    """What loading a state_dict did: keys loaded, missing, unexpected and shape-mismatched."""

    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    mismatched: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """Every key present, nothing extra, every shape right."""
        return not (self.missing or self.unexpected or self.mismatched)

    def describe(self) -> str:
        """A sentence per kind of problem, naming a few keys."""
        def few(keys: list[str]) -> str:
            return ", ".join(keys[:4]) + (f" and {len(keys) - 4} more" if len(keys) > 4 else "")

        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} missing ({few(self.missing)})")
        if self.unexpected:
            parts.append(f"{len(self.unexpected)} unexpected ({few(self.unexpected)})")
        if self.mismatched:
            shown = [f"{k} is {got} but the design needs {want}" for k, want, got in self.mismatched]
            parts.append(f"{len(self.mismatched)} with the wrong shape ({few(shown)})")
        return "; ".join(parts) + "." if parts else "every key fits."


class Project(DesignCore):
    """A design of layer blocks and the live ``torch.nn.Sequential`` that mirrors it."""

    def __init__(self, seed: int = 0) -> None:
        super().__init__(_check_seed(seed))
        self.notices: list[str] = []
        """Things the user should know about how the project was opened (e.g. "opened on the CPU")."""

    # ------------------------------------------------------------- files
    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the project as a ``.pt`` file (written safely: the old file survives any crash)."""
        from editor.io.project_file import save_project

        save_project(self, path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Project:
        """Open a project file; raises ``editor.ProjectFileError`` with a clear message when it cannot."""
        from editor.io.project_file import load_project

        return load_project(path)

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
        children = [adopter.node(child, _label(key)) for key, child in _children(module)]
        for child in children:
            child.parent = root
            root.children.append(child)
            project._register(child)
        project._sync_all()
        project._move_all_to_device()
        project._seed_status = None
        project._settle()
        project._shape_changed.clear()
        return project

    def _sync_all(self) -> None:
        from .tree import sync

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
        return self._seed

    @seed.setter
    def seed(self, value: int) -> None:
        value = _check_seed(value)
        if value == self._seed:
            return
        with self._operation("Change seed"):
            self._set_attr("_seed", value, "seed")
            self._set_seed_status(None if self._layers else True)

    @property
    def device(self) -> str:
        """The device the model lives on, e.g. ``"cpu"`` or ``"cuda:0"``."""
        return str(self._device)

    def to(self, device: str | torch.device) -> Project:
        """Move the whole model to ``device`` (``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``)."""
        target = check_device(device)
        if target == self._device:
            return self
        with self._operation(f"Move to {target}"):
            self._set_device(target)
        return self

    def _set_device(self, target: torch.device) -> None:
        old = self._device
        self.model.to(target)
        self._device = target
        self.events.settings_changed.emit("device")
        if self._touched is not None:
            self._touched.update(self._layers.values())
        self._record(lambda: self._set_device(old), lambda: self._set_device(target))

    def _prepare_module(self, module: nn.Module) -> nn.Module:
        if _module_device(module) not in (None, self._device) or self._device.type != "cpu":
            module.to(self._device)
        return module

    def _move_all_to_device(self) -> None:
        for layer in self._layers.values():
            self._prepare_module(layer.module)

    def _on_rebuilt(self) -> None:
        self._set_seed_status(False)

    # ------------------------------------------------------------ reading
    def __len__(self) -> int:
        return len(self._root.children)

    def __iter__(self) -> Iterator[nn.Module]:
        return iter([child.module for child in self._root.children])

    def __getitem__(self, index: PathLike | slice) -> nn.Module:
        if isinstance(index, slice):
            return self.model[index]
        return self._locate(index).module

    def __contains__(self, module: object) -> bool:
        return id(module) in self._layers or (id(module) in self._groups and module is not self.model)

    def __repr__(self) -> str:
        return f"<Project: {len(self)} top-level blocks, {self.count_params():,} parameters, seed {self.seed}>"

    def node(self, path: PathLike) -> Node:
        """The tree node at ``path`` (a read-only handle for views: keep it instead of the path)."""
        return self._locate(path)

    def path_of(self, node: Node) -> str:
        """The current path of ``node``."""
        if not self._attached(node):
            raise PathError("That block is no longer part of the design.")
        return node.path()

    def walk(self) -> Iterator[tuple[str, Node]]:
        """Every (path, node) in data-flow order, groups before their children."""
        table = paths(self._root)
        for node in walk(self._root):
            yield table[node], node

    def paths(self) -> list[str]:
        """Every path in data-flow order."""
        return [path for path, _ in self.walk()]

    def kind(self, path: PathLike) -> LayerKind | None:
        """The catalog kind of the block at ``path`` (None for a group)."""
        node = self._locate(path)
        return node.layer.kind if isinstance(node, Block) else None

    def params(self, path: PathLike) -> dict[str, Any]:
        """The hyperparameters of the block at ``path`` (a copy)."""
        return dict(self._block(path).layer.params)

    def auto(self, path: PathLike) -> frozenset[str]:
        """The hyperparameters of the block at ``path`` that follow its input."""
        return self._block(path).layer.auto

    def shared_with(self, path: PathLike) -> list[str]:
        """Paths of the other blocks that hold the same module as ``path``."""
        node = self._locate(path)
        if not isinstance(node, Block):
            return []
        return [p for p in self._paths([b for b in node.layer.blocks if b is not node])]

    # -------------------------------------------------------------- paths
    def _parse(self, path: PathLike) -> list[int]:
        if isinstance(path, str):
            try:
                parts = [int(part) for part in path.split(".")]
            except ValueError:
                raise PathError(f"{path!r} is not a block path: use indices joined by dots, like '1.0' "
                                f"(block 0 of the group at 1).") from None
            return parts
        if isinstance(path, bool):
            raise PathTypeError("a block index must be an integer or a path like '1.0', not a bool")
        try:
            return [operator.index(path)]
        except TypeError:
            raise PathTypeError(f"a block index must be an integer or a path like '1.0', "
                                f"not {type(path).__name__}") from None

    def _locate(self, path: PathLike) -> Node:
        indices = self._parse(path)
        node: Node = self._root
        walked: list[str] = []
        for i in indices:
            if not isinstance(node, Group):
                where = ".".join(walked)
                raise PathError(f"Block {where} is a {node.layer.kind.name}, not a group, so there is no "  # type: ignore[attr-defined]
                                f"block {path!r} inside it.")
            n = len(node.children)
            if not -n <= i < n:
                holder = "the design" if not walked else f"group {'.'.join(walked)}"
                has = f"{n} blocks (0 to {n - 1})" if n else "no blocks"
                raise PathError(f"index {i} is out of range: {holder} has {has}.")
            node = node.children[i]
            walked.append(str(i % n))
        return node

    def _slot(self, path: PathLike) -> tuple[Group, int]:
        indices = self._parse(path)
        parent: Node = self._root if len(indices) == 1 else self._locate(".".join(map(str, indices[:-1])))
        if not isinstance(parent, Group):
            raise PathError(f"Block {parent.path()} is not a group, so nothing can be inserted into it.")
        i, n = indices[-1], len(parent.children)
        if not -n <= i <= n:
            raise PathError(f"Index out of range: {i} (there are {n} blocks here, so use 0 to {n}).")
        return parent, i + n if i < 0 else i

    def _block(self, path: PathLike) -> Block:
        node = self._locate(path)
        if not isinstance(node, Block):
            raise StructureError(f"{_where(path)}this is a group (a nested Sequential), which has no "
                                 f"hyperparameters of its own.")
        return node

    # ------------------------------------------------------------ editing
    def _adopt(self, module: object, label: str | None = None) -> Node:
        if not isinstance(module, nn.Module):
            raise UnsupportedLayerError(f"module should be of type torch.nn.Module, not {type(module).__name__}.")
        node = Adopter(self).node(module, label)
        self._prepare_module(node.module)
        return node

    def _new_layers(self, node: Node) -> list[Layer]:
        """Layers under ``node`` that the design does not hold yet."""
        nodes = [node, *walk(node)] if isinstance(node, Group) else [node]
        return [n.layer for n in nodes if isinstance(n, Block) and id(n.layer.module) not in self._layers]

    def _note_foreign(self, layers: list[Layer]) -> None:
        """Modules built outside the project: their values may not be what the seed gives."""
        if self._seed_status is True and any(layer.module.state_dict() for layer in layers):
            self._set_seed_status(None)

    def __setitem__(self, index: PathLike, module: nn.Module) -> None:
        old = self._locate(index)
        new = self._adopt(module, old.label)
        with self._operation(f"Replace with {_name(module)}"):
            parent = old.parent
            assert parent is not None
            i = parent.children.index(old)
            self._detach(parent, i)
            fresh = self._new_layers(new)
            self._attach(parent, i, new)
            self._note_foreign(fresh)

    def __delitem__(self, index: PathLike | slice) -> None:
        if isinstance(index, slice):
            chosen = range(len(self))[index]
            nodes = [self._root.children[i] for i in chosen]
            with self._operation("Delete"):
                for node in sorted(nodes, key=lambda n: -self._root.children.index(n)):
                    self._remove(node)
            return
        node = self._locate(index)
        with self._operation(f"Delete {_name(node.module)}"):
            self._remove(node)

    def _remove(self, node: Node) -> None:
        parent = node.parent
        assert parent is not None
        self._detach(parent, parent.children.index(node))
        if self._seed_status is True:
            self._set_seed_status(None)

    def append(self, module: nn.Module) -> Project:
        """Add ``module`` at the end, like ``nn.Sequential.append``; returns the project."""
        return self.insert(len(self), module)

    def insert(self, index: PathLike, module: nn.Module) -> Project:
        """Insert ``module`` before ``index`` (``"1.2"`` inserts into the group at 1); returns the project."""
        parent, i = self._slot(index)
        node = self._adopt(module)
        with self._operation(f"Insert {_name(module)}"):
            fresh = self._new_layers(node)
            self._attach(parent, i, node)
            self._note_foreign(fresh)
        return self

    def extend(self, modules: Iterable[nn.Module]) -> Project:
        """Append every module of ``modules`` (a Sequential's children, or any iterable)."""
        items = list(modules)
        with self._operation("Extend"):
            for module in items:
                self.append(module)
        return self

    def pop(self, index: PathLike | slice) -> nn.Module:
        """Remove and return the module at ``index`` (a Sequential of them for a slice)."""
        module = self[index]
        del self[index]
        return module

    def insert_layer(self, index: PathLike, kind: str, **params: Any) -> nn.Module:
        """Build a new ``kind`` layer from the catalog and insert it before ``index``.

        Hyperparameters not given, and that can follow the input (like
        ``in_features``), are "auto". Returns the new module.
        """
        parent, i = self._slot(index)
        spec_kind = _catalog(kind)
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
        check_memory(spec_kind, values, where)
        with self._operation(f"Insert {spec_kind.name}"):
            module, state_after = seeding.construct(self, spec_kind, values)
            self._prepare_module(module)
            layer = Layer(module, spec_kind, read_params(spec_kind, module), auto)
            block = Block(layer)
            self._attach(parent, i, block)
            seeding.note_constructed(self, block, state_after)
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
        finally:
            parent.children.insert(index, node)
        if target is parent and i == index:
            return node.path()
        with self._operation(f"Move {_name(node.module)}"):
            self._move(node, target, i)
            if self._seed_status is True:
                self._set_seed_status(None)
        return node.path()

    def move_to(self, source: PathLike, group: PathLike | None, index: int) -> str:
        """Move the block or group at ``source`` to position ``index`` of ``group`` (None: the top level).

        Unlike :meth:`move`, ``index`` counts the group as it is now, before
        the move, the way a drop between two blocks does. Returns the new path.
        """
        node = self._locate(source)
        target = self._root if group is None or group == "" else self._locate(group)
        if not isinstance(target, Group):
            raise StructureError(f"{_where(group)}only a group (a nested Sequential) can hold blocks.")
        if target is node or node in target.ancestors():
            raise StructureError("A group cannot be moved into itself.")
        count = len(target.children)
        if not 0 <= index <= count:
            raise PathError(f"Index out of range: {index} (the group has {count} blocks, so use 0 to {count}).")
        parent = node.parent
        assert parent is not None
        if parent is target and index > parent.children.index(node):
            index -= 1
        if parent is target and index == parent.children.index(node):
            return node.path()
        with self._operation(f"Move {_name(node.module)}"):
            self._move(node, target, index)
            if self._seed_status is True:
                self._set_seed_status(None)
        return node.path()

    @property
    def root(self) -> Group:
        """The top-level group node (read-only handle for views)."""
        return self._root

    def group(self, items: Iterable[PathLike]) -> str:
        """Wrap adjacent sibling blocks in a new nested Sequential; returns its path."""
        nodes = [self._locate(p) for p in items]
        if not nodes:
            raise StructureError("Choose at least one block to group.")
        parent = nodes[0].parent
        if any(n.parent is not parent for n in nodes) or len({id(n) for n in nodes}) != len(nodes):
            raise StructureError("Only blocks side by side in the same group can be grouped together.")
        assert parent is not None
        indices = sorted(parent.children.index(n) for n in nodes)
        if indices != list(range(indices[0], indices[0] + len(indices))):
            raise StructureError("Only adjacent blocks can be grouped: the chosen ones have gaps between them.")
        group = Group(nn.Sequential())
        with self._operation("Group into Sequential"):
            self._wrap(parent, indices[0], len(indices), group)
        return group.path()

    def ungroup(self, path: PathLike) -> list[str]:
        """Dissolve the group at ``path`` in place; returns the paths its children now have."""
        node = self._locate(path)
        if not isinstance(node, Group):
            raise StructureError(f"{_where(path)}only a group (a nested Sequential) can be ungrouped.")
        parent = node.parent
        assert parent is not None
        index = parent.children.index(node)
        count = len(node.children)
        with self._operation("Ungroup"):
            self._unwrap(parent, index)
        prefix = parent.path()
        return [f"{prefix}.{i}" if prefix else str(i) for i in range(index, index + count)]

    def set_collapsed(self, path: PathLike, collapsed: bool) -> None:
        """Collapse or expand the group at ``path`` on the canvas (saved with the design, not an edit)."""
        node = self._locate(path)
        if not isinstance(node, Group):
            raise StructureError(f"{_where(path)}only a group (a nested Sequential) can be collapsed.")
        if node.collapsed != bool(collapsed):
            node.collapsed = bool(collapsed)
            self.events.collapsed.emit(node.path(), node.collapsed)

    def set_label(self, path: PathLike, label: str | None) -> None:
        """Name the block at ``path``: its key in the parent Sequential (None: its index)."""
        node = self._locate(path)
        label = _check_label(node, label)
        if label == node.label:
            return
        with self._operation("Rename"):
            self._set_label(node, label)

    def set_params(self, path: PathLike, **changes: Any) -> None:
        """Change hyperparameters of the block at ``path``; ``"auto"`` makes one follow the input.

        Values are validated first: an invalid one raises
        :class:`ValidationError` and changes nothing. Only this block is rebuilt
        (and blocks whose auto values follow from it).
        """
        block, values, canonical, auto = self._plan_params(path, changes)
        layer = block.layer
        if canonical == layer.params:
            if auto != layer.auto:
                with self._operation(f"Change {layer.kind.name}"):
                    self._swap_layer(layer, layer.module, layer.params, auto)
            return
        with self._operation(f"Change {layer.kind.name}"):
            module = self._prepare_module(build_module(layer.kind, values, _where(path)))
            self._swap_layer(layer, module, read_params(layer.kind, module), auto)
            self._set_seed_status(False)

    def check_params(self, path: PathLike, **changes: Any) -> dict[str, Any]:
        """Validate a hyperparameter change without making it; returns the values the block would get.

        Raises :class:`ValidationError` exactly when :meth:`set_params` would.
        """
        return self._plan_params(path, changes)[2]

    def _plan_params(self, path: PathLike,
                     changes: dict[str, Any]) -> tuple[Block, dict[str, Any], dict[str, Any], frozenset[str]]:
        block = self._block(path)
        layer = block.layer
        kind = layer.kind
        where = _where(path)
        concrete, to_auto, _ = split_auto(kind, changes, where)
        auto = frozenset((layer.auto | to_auto) - set(concrete))
        values = {**layer.params, **concrete}
        spec = block.in_spec if isinstance(block.in_spec, Spec) else None
        for name in to_auto:
            resolved = resolve_auto(kind, name, spec.shape if spec is not None else None)
            if resolved is not None:
                values[name] = resolved
        values = validate_params(kind, values, where)
        check_memory(kind, values, where)
        canonical = seeding.canonical_params(kind, values, where)
        if spec is not None:
            self._check_fits(kind, canonical, spec, set(concrete), where)
        return block, values, canonical, auto

    def _check_fits(self, kind: LayerKind, params: dict[str, Any], spec: Spec, changed: set[str], where: str) -> None:
        """Refuse values that cannot work for the block's own input (a kernel larger than it, say)."""
        try:
            output_spec(kind, params, spec)
        except ShapeError as exc:
            field = exc.field
            if field in changed and kind.param(field).auto is None:
                raise ValidationError(f"{where}{exc.sentence} Valid here: {exc.expected}.", field=field,
                                      valid=exc.expected) from None

    def apply_fix(self, fix: Fix) -> None:
        """Apply a suggested fix (from a :class:`ShapeError`) as one operation."""
        with self._operation(fix.label):
            for step in fix.steps:
                if step.op == "set_params":
                    self.set_params(step.path, **step.params)
                elif step.op == "insert":
                    self.insert_layer(step.path, step.kind or "", **step.params)
                elif step.op == "set_batch_size" and self.input_shape is not None:
                    self.input_shape = (step.params["batch_size"], *self.input_shape[1:])
                else:
                    raise StructureError(f"Unknown fix step {step.op!r}.")

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
            raise StructureError("A transaction is already running; nest operations inside it instead.")
        with self._operation(name) as tx:
            tx.keep_values = True
            yield tx

    def revert(self, tx: Transaction) -> None:
        """Undo ``tx`` exactly: the previous modules and values come back, not fresh ones."""
        self._replay(tx, undo=True)

    def replay(self, tx: Transaction) -> None:
        """Redo ``tx`` exactly as it first ran."""
        self._replay(tx, undo=False)

    # --------------------------------------------------------------- shapes
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
        with self._operation("Set input shape"):
            self._set_attr("_input_shape", value, "input_shape")

    @property
    def input_is_inferred(self) -> bool:
        """Whether the input shape comes from the first layer rather than being set."""
        return self._input_shape is None

    @property
    def input_dtype(self) -> str:
        """``"long"`` when the design starts with an Embedding (token ids), else ``"float"``."""
        spec = self._root.in_spec
        return spec.dtype if isinstance(spec, Spec) else "float"

    @property
    def output_shape(self) -> tuple[int, ...] | None:
        """The shape the whole design outputs, or None when unknown (no input, or a shape error)."""
        spec = self._root.out_spec if self._root.children else self._root.in_spec
        return spec.shape if isinstance(spec, Spec) else None

    def shape(self, path: PathLike) -> tuple[int, ...] | None:
        """The output shape of the block or group at ``path`` (None when unknown)."""
        spec = self._locate(path).out_spec
        return spec.shape if isinstance(spec, Spec) else None

    def in_shape(self, path: PathLike) -> tuple[int, ...] | None:
        """The shape flowing into the block or group at ``path`` (None when unknown)."""
        spec = self._locate(path).in_spec
        return spec.shape if isinstance(spec, Spec) else None

    def shape_errors(self) -> list[ShapeError]:
        """Every shape error, in data-flow order, each located at its block."""
        return [node.error.at(path) for path, node in self.walk() if node.error is not None]

    @property
    def shape_error(self) -> ShapeError | None:
        """The first shape error (the one that stops the data), or None when shapes line up."""
        for node in walk(self._root):
            if node.error is not None:
                return node.error.at(node.path())
        return None

    def infer_shapes(self, input_shape: Iterable[int] | None = None) -> dict[str, tuple[int, ...]]:
        """Output shape of every block and group for ``input_shape`` (default: the project's).

        Raises :class:`ShapeError` at the first block where shapes do not line up.
        """
        table = paths(self._root)
        if input_shape is None:
            error = self.shape_error
            if error is not None:
                raise error
            spec = self._root.in_spec if isinstance(self._root.in_spec, Spec) else None
        else:
            first = next(iter(self._blocks()), None)
            spec = Spec(check_shape(input_shape), first.layer.kind.input_dtype if first else "float")
        return infer(self._root, spec, table)

    # ------------------------------------------------------------ weights
    def reset_parameters(self) -> None:
        """Every parameter and buffer from :attr:`seed`, in construction order (module identities kept).

        Afterwards the weights are bit for bit those of ``torch.manual_seed(seed)``
        followed by constructing the same layers in :meth:`construction_order`.
        """
        with self._operation("Reset parameters"):
            seeding.reset(self)

    @property
    def weights_from_seed(self) -> bool:
        """Whether the weights are exactly what :attr:`seed` gives (checked by rebuilding when unknown)."""
        if self._seed_status is None:
            exact, state = seeding.verify(self)
            self._seed_status = exact
            self._seed_state = state if exact else None
        return bool(self._seed_status)

    def construction_order(self) -> list[str]:
        """Paths of the blocks whose modules are constructed, in construction order (first use of each)."""
        order = seeding.construction_order(self)
        return self._paths_in_order([layer.blocks for layer in order])

    def _paths_in_order(self, groups: list[list[Block]]) -> list[str]:
        table = paths(self._root)
        return [min((table[b] for b in blocks), key=_path_key) for blocks in groups]

    def load_state(self, state: dict[str, torch.Tensor], strict: bool = True) -> WeightsReport:
        """Copy a state_dict's values into the design (module identities kept), as one undoable operation.

        With ``strict``, any missing, unexpected or shape-mismatched key
        refuses the whole load (nothing changes); otherwise the keys that fit
        are loaded and the rest reported.
        """
        owners = self._state_owners()
        report = WeightsReport(
            missing=[k for k in owners if k not in state],
            unexpected=[k for k in state if k not in owners],
            mismatched=[(k, tuple(owners[k][2]), tuple(state[k].shape)) for k in owners
                        if k in state and tuple(state[k].shape) != tuple(owners[k][2])])
        fitting = [k for k in owners if k in state and k not in {m[0] for m in report.mismatched}]
        if strict and not report.exact:
            raise ValidationError(f"These weights do not fit the design: {report.describe()} Load them partially "
                                  f"to take what fits.", field="state_dict", valid="keys and shapes of model.state_dict()")
        per_layer: dict[int, tuple[Layer, dict[str, torch.Tensor]]] = {}
        for key in fitting:
            layer, local, _ = owners[key]
            entry = per_layer.setdefault(id(layer), (layer, {k: v for k, v in layer.module.state_dict().items()}))
            entry[1][local] = state[key]
        report.loaded = fitting
        if per_layer:
            with self._operation("Load weights"):
                for layer, values in per_layer.values():
                    self._load_values(layer, values)
                self._set_seed_status(None)
        return report

    def _state_owners(self) -> dict[str, tuple[Layer, str, torch.Size]]:
        """Every key of ``model.state_dict()``: the layer that owns it, its local key and its shape."""
        owners: dict[str, tuple[Layer, str, torch.Size]] = {}

        def visit(group: Group, prefix: str) -> None:
            for index, child in enumerate(group.children):
                key = f"{prefix}{child.label or index}"
                if isinstance(child, Group):
                    visit(child, key + ".")
                else:
                    layer = child.layer  # type: ignore[attr-defined]
                    for local, value in layer.module.state_dict().items():
                        owners[f"{key}.{local}"] = (layer, local, value.shape)

        visit(self._root, "")
        return owners

    # ------------------------------------------------------------ counting
    def count_params(self, trainable_only: bool = False) -> int:
        """Number of parameter elements, shared ones counted once."""
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad or not trainable_only)

    def param_bytes(self) -> int:
        """Memory the parameters take, shared ones counted once."""
        return sum(p.numel() * p.element_size() for p in self.model.parameters())

    def block_params(self, path: PathLike) -> int:
        """Number of parameter elements of the block or group at ``path``."""
        return sum(p.numel() for p in self._locate(path).module.parameters())

    def summary(self) -> str:
        """``print(model)``, then a table of path, kind, output shape and parameters, then totals."""
        from .summary import summarize

        return summarize(self)


def _catalog(name: str) -> LayerKind:
    try:
        return catalog_kind(name)
    except KeyError:
        from .catalog import kinds

        raise UnsupportedLayerError(f"There is no layer kind {name!r} in the catalog. Known kinds: "
                                    f"{', '.join(k.name for k in kinds())}.") from None


def _children(module: nn.Sequential) -> list[tuple[str, nn.Module]]:
    return list(module._modules.items())  # type: ignore[arg-type]


def _label(key: str) -> str | None:
    return None if key.isdigit() else key


def _name(module: nn.Module) -> str:
    return "Sequential" if isinstance(module, nn.Sequential) else type(module).__name__


def _where(path: PathLike) -> str:
    return f"Block {path}: "


def _path_key(path: str) -> tuple[int, ...]:
    return tuple(int(p) for p in path.split(".")) if path else ()


def _module_device(module: nn.Module) -> torch.device | None:
    for tensor in module.parameters():
        return tensor.device
    for tensor in module.buffers():
        return tensor.device
    return None


def _check_seed(seed: Any) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int):
        try:
            seed = operator.index(seed)
        except TypeError:
            raise ValidationError(f"The seed must be an integer, not {type(seed).__name__}.", field="seed",
                                  valid="an integer from 0 to 2**64 - 1") from None
    if not -(2**63) <= seed < 2**64:
        raise ValidationError(f"The seed {seed} is out of range.", field="seed", valid="an integer from 0 to 2**64 - 1")
    return int(seed)


def check_shape(shape: Iterable[int]) -> tuple[int, ...]:
    """An input shape checked: 1 to 8 positive integers, at most 2**31 elements in all."""
    try:
        values = tuple(shape)
    except TypeError:
        raise ValidationError(f"An input shape is a tuple of sizes like (1, 20), not {shape!r}.",
                              field="input_shape", valid="a tuple of 1 to 8 positive integers") from None
    valid = "a tuple of 1 to 8 positive integers"
    if not 1 <= len(values) <= 8:
        raise ValidationError(f"An input shape needs 1 to 8 sizes, got {len(values)}.", field="input_shape",
                              valid=valid)
    out = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int):
            try:
                v = operator.index(v)
            except TypeError:
                raise ValidationError(f"Input sizes must be integers, got {v!r}.", field="input_shape",
                                      valid=valid) from None
        if v < 1:
            raise ValidationError(f"Input sizes must be at least 1, got {v}.", field="input_shape", valid=valid)
        out.append(int(v))
    total = 1
    for v in out:
        total *= v
    if total > 2**31:
        raise ValidationError(f"An input of shape {tuple(out)} would hold {total:,} numbers; use at most 2**31.",
                              field="input_shape", valid=valid)
    return tuple(out)


def check_device(device: str | torch.device) -> torch.device:
    """``device`` parsed and checked to exist on this machine."""
    try:
        target = torch.device(device)
    except (RuntimeError, TypeError) as exc:
        raise ValidationError(f"{device!r} is not a device name ({exc}). Use 'cpu', 'cuda', 'cuda:0' or 'mps'.",
                              field="device", valid="cpu, cuda, cuda:N or mps") from None
    if target.type == "cuda":
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if count == 0:
            raise ValidationError("CUDA is not available on this machine (torch.cuda.is_available() is False); "
                                  "use 'cpu'.", field="device", valid="cpu")
        index = target.index if target.index is not None else torch.cuda.current_device()
        if index >= count:
            raise ValidationError(f"There is no cuda:{index}: this machine has {count} CUDA device(s), "
                                  f"cuda:0 to cuda:{count - 1}.", field="device", valid=f"cuda:0 … cuda:{count - 1}")
        return torch.device("cuda", index)
    if target.type == "mps" and not (hasattr(torch.backends, "mps") and torch.backends.mps.is_available()):
        raise ValidationError("MPS (Apple GPU) is not available on this machine; use 'cpu'.", field="device",
                              valid="cpu")
    if target.type not in ("cpu", "cuda", "mps"):
        raise ValidationError(f"LayerLab supports cpu, cuda and mps devices, not {target.type!r}.",
                              field="device", valid="cpu, cuda, cuda:N or mps")
    return target


def _check_label(node: Node, label: str | None) -> str | None:
    if label is None or label == "":
        return None
    if not isinstance(label, str):
        raise ValidationError(f"A label must be text, not {type(label).__name__}.", field="label",
                              valid="a name like 'encoder'")
    valid = "a name without dots that is not just digits, e.g. 'encoder'"
    if "." in label or label.isdigit() or not label.strip() or len(label) > 100:
        raise ValidationError(f"{label!r} cannot be a label: use {valid}.", field="label", valid=valid)
    if hasattr(nn.Sequential, label):
        raise ValidationError(f"{label!r} is already an attribute of nn.Sequential; choose another label.",
                              field="label", valid=valid)
    if node.parent is not None and any(c.label == label for c in node.parent.children if c is not node):
        raise ValidationError(f"Another block in this group is already called {label!r}.", field="label",
                              valid="a name not used in this group")
    return label


__all__ = ["LayerLabError", "Project", "check_device", "check_shape"]
