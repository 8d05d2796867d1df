"""What read-only views of a design need of it: :class:`DesignView`.

Statistics, summaries and listings (``editor.model.stats``) read a Project
through this protocol, so they can sit below the Project (which offers them as
``project.summary()`` and friends) without importing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from torch import nn

from editor.model.design.tree import Group, Layer, Node
from editor.model.errors import ShapeError


class DesignView(Protocol):
    """The read-only surface of a Project that views use."""

    @property
    def model(self) -> nn.Sequential:
        """The live ``nn.Sequential``."""
        ...

    @property
    def root(self) -> Group:
        """The top-level group node."""
        ...

    @property
    def input_shape(self) -> tuple[int, ...] | None:
        """The input shape, set or inferred."""
        ...

    @property
    def shape_error(self) -> ShapeError | None:
        """The first shape error, or None."""
        ...

    def layers(self) -> list[Layer]:
        """Every distinct layer once."""
        ...

    def walk(self) -> Iterator[tuple[str, Node]]:
        """``(path, node)`` for every block and group, in order."""
        ...

    def shared_with(self, path: int | str) -> list[str]:
        """The other paths that use the module at ``path``."""
        ...

    def count_parameters(self, trainable_only: bool = False) -> int:
        """Parameter elements, shared tensors counted once."""
        ...

    def parameter_bytes(self) -> int:
        """Bytes of parameter storage, shared tensors counted once."""
        ...
