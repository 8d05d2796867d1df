"""The other names of a shared tensor or module, worked out once per listing, not once per row.

A module that 5,000 blocks share has 5,000 rows in the parameter table, and
each row names the 4,999 other places. Written out per row, that is 25
million strings, and working out every place's path again for every row is
quadratic too. Here every block's path and key prefix come from one walk of
the design (:class:`Places`); each tensor's (or layer's) sorted names are made
once; and a row holds an :class:`OtherNames`, a read-only view of those names
without its own, which costs nothing to make.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from editor.model.design.tree import Block, Group, Layer


class OtherNames(Sequence[str]):
    """Every name in ``names`` but the one at ``skip``: a tuple-like, read-only view (equal to the tuple).

    It compares equal to the tuple of the same names (``row.shared_with == ("4.weight",)``), is empty when
    there are no others, and iterates, indexes and joins like one.
    """

    __slots__ = ("_names", "_skip")

    def __init__(self, names: tuple[str, ...], skip: int = -1) -> None:
        self._names = names
        self._skip = skip if 0 <= skip < len(names) else -1

    def __len__(self) -> int:
        return len(self._names) - (self._skip >= 0)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):  # the first few of thousands: only those are read
            return tuple(self[i] for i in range(len(self))[index])
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("OtherNames index out of range")
        return self._names[index + 1 if 0 <= self._skip <= index else index]

    def __iter__(self) -> Iterator[str]:
        names, skip = self._names, self._skip
        if skip < 0:
            return iter(names)
        return iter(names[:skip] + names[skip + 1:])  # a copy made in C: quicker to join than a generator

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OtherNames | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


class Places:
    """Every block of a design with its place in data-flow order, its path and its ``state_dict`` prefix.

    Made by one walk of the tree; the sorted names of a tensor (by the layers and local names that hold
    it) and the sorted paths of a layer's blocks are then made once each and kept.
    """

    def __init__(self, root: Group) -> None:
        self.of: dict[Block, tuple[int, str, str]] = {}
        """Each block: (place in data-flow order, path "1.0", key prefix "1.head")."""
        order = 0
        stack: list[tuple[Group, str, str]] = [(root, "", "")]
        while stack:  # depth first, children in order: the data-flow order of the canvas
            group, path, key = stack.pop()
            later: list[tuple[Group, str, str]] = []
            for index, child in enumerate(group.children):
                child_path = f"{path}{index}"
                child_key = f"{key}{child.label or index}"
                if isinstance(child, Group):
                    later.append((child, child_path + ".", child_key + "."))
                    continue
                assert isinstance(child, Block)
                self.of[child] = (order, child_path, child_key)
                order += 1
            stack.extend(reversed(later))
        self._names: dict[int, tuple[tuple[str, ...], dict[str, int]]] = {}
        self._paths: dict[int, tuple[tuple[str, ...], dict[Block, int]]] = {}

    def names(self, tensor_id: int, refs: Iterable[tuple[Layer, str]]) -> tuple[str, ...]:
        """Every full name of the tensor held as ``refs`` (layer, name inside it), in data-flow order."""
        return self._tensor(tensor_id, refs)[0]

    def others(self, tensor_id: int, refs: Iterable[tuple[Layer, str]], name: str) -> OtherNames:
        """The tensor's names other than ``name``."""
        names, index = self._tensor(tensor_id, refs)
        return OtherNames(names, index.get(name, -1))

    def other_paths(self, block: Block) -> OtherNames:
        """Paths of the other blocks that hold ``block``'s module, in data-flow order."""
        layer = block.layer
        made = self._paths.get(id(layer))
        if made is None:
            found = sorted((self.of[b][0], self.of[b][1], b) for b in layer.blocks if b in self.of)
            made = (tuple(path for _, path, _ in found), {b: i for i, (_, _, b) in enumerate(found)})
            self._paths[id(layer)] = made
        paths, index = made
        return OtherNames(paths, index.get(block, -1))

    def _tensor(self, tensor_id: int, refs: Iterable[tuple[Layer, str]]) -> tuple[tuple[str, ...], dict[str, int]]:
        made = self._names.get(tensor_id)
        if made is None:
            places = [(self.of[block][0], f"{self.of[block][2]}.{local}")
                      for layer, local in refs for block in layer.blocks if block in self.of]
            places.sort(key=_first)  # stable: one module's names of one tensor keep their order
            names = tuple(name for _, name in places)
            made = (names, {name: i for i, name in enumerate(names)})
            self._names[tensor_id] = made
        return made


def _first(item: tuple[int, Any]) -> int:
    return item[0]
