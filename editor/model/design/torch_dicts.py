"""The one place that reads torch's private module dictionaries.

``nn.Module`` keeps its children, parameters and buffers in ``_modules``,
``_parameters`` and ``_buffers``. The public iterators (``named_children()``,
``named_parameters()``) skip repeats and ``None`` slots and walk recursively,
but a mirror of the design must see every slot exactly as torch stores it,
and must be able to swap a Sequential's dict in one step. Every such access
goes through here, so a torch upgrade that changes them has one place to fix.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

# torch's base classes of convolutions and of batch/instance norms (private names, stable for years).
CONV_BASE: type = nn.modules.conv._ConvNd  # noqa: SLF001 - torch exports no public base
NORM_BASE: type = nn.modules.batchnorm._NormBase  # noqa: SLF001 - torch exports no public base


def slots(module: nn.Module) -> dict[str, Any]:
    """The module's own dict of children, every slot (repeats and None included), as torch stores it."""
    return module._modules  # noqa: SLF001 - every slot, repeats and None included


def set_slots(sequential: nn.Sequential, mapping: dict[str, Any]) -> None:
    """Make ``mapping`` the Sequential's children dict (the design's mirror), in one step."""
    sequential._modules = mapping  # noqa: SLF001 - swapped in one step, as the mirror


def own_parameters(module: nn.Module) -> dict[str, torch.nn.Parameter | None]:
    """The module's own parameter slots (not its children's), None slots included (``bias=False``)."""
    return module._parameters  # noqa: SLF001 - own slots only, None included


def own_buffers(module: nn.Module) -> dict[str, torch.Tensor | None]:
    """The module's own buffer slots (not its children's), None slots included."""
    return module._buffers  # noqa: SLF001 - own slots only, None included


def is_persistent_buffer(module: nn.Module, name: str) -> bool:
    """Whether the module's own buffer ``name`` is saved in ``state_dict()``."""
    return name not in module._non_persistent_buffers_set  # noqa: SLF001 - no public query


def tensor_version(tensor: torch.Tensor) -> int:
    """How many times ``tensor`` was changed in place (torch's counter): a copy taken earlier is stale if it grew."""
    return int(tensor._version)  # noqa: SLF001 - torch's in-place write counter, not exposed otherwise
