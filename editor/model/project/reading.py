"""Reading a design: the list API, paths, shapes and parameter counts (nothing here changes it)."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from torch import nn

from editor.model.catalog import LayerKind
from editor.model.catalog.shape_rules import Spec
from editor.model.design.shape_inference import infer
from editor.model.design.tree import Block, Group, Layer, Node, paths, walk
from editor.model.design.user_values import check_shape
from editor.model.errors import PathError, PathTypeError, ShapeError, StructureError
from editor.model.stats.summary import summarize
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object

PathLike = int | str



class ParameterTotals(NamedTuple):
    """Parameter elements (shared ones once), those with ``requires_grad``, and the bytes they take."""

    count: int
    trainable: int
    bytes: int
    unallocated: int = 0
    """Of ``bytes``, those of parameters kept unallocated (on the meta device: they take no memory yet)."""

    @property
    def allocated(self) -> int:
        """The bytes the parameters take in memory now (and in a saved file)."""
        return self.bytes - self.unallocated

class ReadingMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: queries of the design."""

    # ------------------------------------------------------------ reading
    def _follow_direct_edits(self) -> None:
        """Adopt edits made to ``project.model`` itself before reading the design (a cheap check)."""
        if self._tx is None:
            self._adopt_direct_edits()

    def __len__(self) -> int:
        self._follow_direct_edits()
        return len(self._root.children)

    def __iter__(self) -> Iterator[nn.Module]:
        self._follow_direct_edits()
        return iter([child.module for child in self._root.children])

    def __getitem__(self, index: PathLike | slice) -> nn.Module:
        if isinstance(index, slice):
            return self.model[index]
        return self._locate(index).module

    def __contains__(self, module: object) -> bool:
        return id(module) in self._layers or (id(module) in self._groups and module is not self.model)

    def __repr__(self) -> str:
        return f"<Project: {len(self)} top-level blocks, {self.count_parameters():,} parameters, seed {self.seed}>"

    def blocks(self) -> Iterator[Block]:
        """Every block of the design as the Project holds it, in order (a shared module's blocks each appear).

        A plain read for views: it does not pick up edits made to ``project.model`` directly (see
        :meth:`follow_direct_edits`), so drawing never changes the design.
        """
        return self._blocks()

    def layers(self) -> list[Layer]:
        """Every distinct layer (module) of the design once; ``layer.blocks`` are the places it is used.

        A plain read for views, like :meth:`blocks`.
        """
        return list(self._layers.values())

    def is_attached(self, node: Node) -> bool:
        """Whether ``node`` is still part of the design (a deleted block, or one inside a deleted group, is not)."""
        return self._attached(node)

    def follow_direct_edits(self) -> None:
        """Adopt edits made to ``project.model`` itself now (every read does this; call it before reading the tree)."""
        self._follow_direct_edits()

    def node(self, path: PathLike) -> Node:
        """The tree node at ``path`` (a read-only handle for views: keep it instead of the path)."""
        return self._locate(path)

    def path_of(self, node: Node) -> str:
        """The current path of ``node``."""
        if not self._attached(node):
            raise PathError(say("That block is no longer part of the design."))
        return node.path()

    def block_path_of(self, module: object) -> str | None:
        """The current path of the first block whose module ``module`` is (None when no block has it)."""
        layer = self._layers.get(id(module))  # type: ignore[attr-defined]
        return min((block.path() for block in layer.blocks), key=_path_key) if layer is not None and layer.blocks \
            else None

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

    def hyperparameters(self, path: PathLike) -> dict[str, Any]:
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
        self._follow_direct_edits()
        if isinstance(path, str):
            try:
                parts = [int(part) for part in path.split(".")]
            except ValueError:
                raise PathError(say("{path!r} is not a block path: use indices joined by dots, like '1.0' (block 0 of "
                                    "the group at 1).", path=path)) from None
            return parts
        if isinstance(path, bool):
            raise PathTypeError(say("a block index must be an integer or a path like '1.0', not a bool"))
        try:
            return [operator.index(path)]
        except TypeError:
            raise PathTypeError(say("a block index must be an integer or a path like '1.0', not {type}",
                                    type=type(path).__name__)) from None

    def _locate(self, path: PathLike) -> Node:
        indices = self._parse(path)
        node: Node = self._root
        walked: list[str] = []
        for i in indices:
            if not isinstance(node, Group):
                where = ".".join(walked)
                raise PathError(say("Block {where} is a {kind}, not a group, so there is no block {path!r} inside it.",
                                    where=where, kind=node.layer.kind.name, path=path))
            n = len(node.children)
            if not -n <= i < n:
                holder = say("the design") if not walked else say("group {path}", path=".".join(walked))
                has = say("{n} blocks (0 to {last})", n=n, last=n - 1) if n > 1 else \
                    say("1 block (0 to 0)") if n else say("no blocks")
                raise PathError(say("index {i} is out of range: {holder} has {has}.", i=i, holder=holder, has=has))
            node = node.children[i]
            walked.append(str(i % n))
        return node

    def _slot(self, path: PathLike) -> tuple[Group, int]:
        indices = self._parse(path)
        parent: Node = self._root if len(indices) == 1 else self._locate(".".join(map(str, indices[:-1])))
        if not isinstance(parent, Group):
            raise PathError(say("Block {path} is not a group, so nothing can be inserted into it.", path=parent.path()))
        i, n = indices[-1], len(parent.children)
        if not -n <= i <= n:
            raise PathError(say("Index out of range: {i} (there are {n} blocks here, so use 0 to {n}).", i=i, n=n))
        return parent, i + n if i < 0 else i

    def _block(self, path: PathLike) -> Block:
        node = self._locate(path)
        if not isinstance(node, Block):
            raise StructureError(say("{where}this is a group (a nested Sequential), which has no hyperparameters of "
                                     "its own.", where=block_prefix(path)))
        return node

    # --------------------------------------------------------------- shapes
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

    # ------------------------------------------------------------ counting
    def count_parameters(self, trainable_only: bool = False) -> int:
        """Number of parameter elements, shared ones counted once."""
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad or not trainable_only)

    def parameter_bytes(self) -> int:
        """Memory the parameters take, shared ones counted once."""
        return sum(p.numel() * p.element_size() for p in self.model.parameters())

    def parameter_totals(self) -> ParameterTotals:
        """:meth:`count_parameters` (all and trainable) and :meth:`parameter_bytes` from one walk of the model
        (each walk visits every module: at 10,000 blocks a panel asking three times paid three)."""
        count = trainable = size = meta = 0
        for p in self.model.parameters():
            n = p.numel()
            count += n
            size += n * p.element_size()
            if p.requires_grad:
                trainable += n
            if p.is_meta:
                meta += n * p.element_size()
        return ParameterTotals(count, trainable, size, meta)

    def count_block_parameters(self, path: PathLike) -> int:
        """Number of parameter elements of the block or group at ``path``."""
        return sum(p.numel() for p in self._locate(path).module.parameters())

    def summary(self) -> str:
        """``print(model)``, then a table of path, kind, output shape and parameters, then totals."""
        return summarize(self)


def block_prefix(path: PathLike) -> str:
    """"Block 1.0: ", the start of a message about the block at ``path``."""
    return say("Block {path}: ", path=path)


def _path_key(path: str) -> list[int]:
    return [int(part) for part in path.split(".")]
