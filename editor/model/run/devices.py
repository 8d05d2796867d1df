"""The devices this machine offers, and whether a design fits on one.

:func:`list_devices` names the CPU, every CUDA device (with its name and
free/total memory) and Apple's MPS, each with ``available`` and, when it is
not, a sentence saying why. :func:`memory_needed` estimates what a design
needs on a device: its parameters and buffers (shared ones once) plus the
activations of one forward pass at its input shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import torch
from torch import nn

from editor.model.catalog.build import available_memory, format_bytes
from editor.model.errors import MemoryLimitError

# Room kept free on a device beyond the estimate (the allocator's caching, kernels' workspaces).
MARGIN = 1.2


@dataclass(frozen=True)
class DeviceInfo:
    """One device a model could live on."""

    name: str
    """What ``torch.device`` takes: ``"cpu"``, ``"cuda:0"``, ``"mps"``."""
    label: str
    """For a person: ``"cuda:0 · NVIDIA H200 · 139.8 GB free of 140.4 GB"``."""
    available: bool
    reason: str = ""
    """Why it cannot be used (empty when it can)."""
    total: int | None = None
    free: int | None = None


def cuda_unavailable_reason() -> str:
    """Why ``torch.cuda.is_available()`` is False here, in a learner's words."""
    if torch.version.cuda is None:
        return ("No CUDA: this torch build is CPU-only. To use an NVIDIA GPU, install a CUDA build of PyTorch "
                "(see pytorch.org).")
    return (f"No NVIDIA GPU found: this torch build supports CUDA {torch.version.cuda}, but no GPU (or no working "
            f"driver) is available, so torch.cuda.is_available() is False.")


def list_devices() -> list[DeviceInfo]:
    """The CPU, then each CUDA device by index, then MPS; unavailable ones are listed with the reason."""
    found = [DeviceInfo("cpu", f"cpu · {format_bytes(available_memory())} free", True, free=available_memory())]
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            name = f"cuda:{index}"
            try:
                props = torch.cuda.get_device_properties(index)
                free, total = torch.cuda.mem_get_info(index)
            except (RuntimeError, AssertionError) as exc:
                found.append(DeviceInfo(name, f"{name} · unusable", False, f"{name} cannot be used: {exc}"))
                continue
            label = f"{name} · {props.name} · {format_bytes(free)} free of {format_bytes(total)}"
            found.append(DeviceInfo(name, label, True, total=int(total), free=int(free)))
    else:
        found.append(DeviceInfo("cuda", "cuda · not available", False, cuda_unavailable_reason()))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(DeviceInfo("mps", "mps · Apple GPU", True))
    elif mps is not None and mps.is_built():
        found.append(DeviceInfo("mps", "mps · not available", False, "MPS is built into torch but this Mac has "
                                                                      "no usable Apple GPU (macOS 12.3+ needed)."))
    return found


def free_memory(device: torch.device) -> int | None:
    """Bytes still free on ``device`` (None when it cannot be told, e.g. MPS)."""
    if device.type == "cpu":
        return available_memory()
    if device.type == "cuda" and torch.cuda.is_available():
        return int(torch.cuda.mem_get_info(device.index or 0)[0])
    return None


def tensors_bytes(module: nn.Module) -> int:
    """Parameters and buffers of ``module``, each distinct tensor once."""
    seen: dict[int, int] = {}
    for tensor in [*module.parameters(), *module.buffers()]:
        seen[id(tensor)] = tensor.numel() * tensor.element_size()
    return sum(seen.values())


def activation_bytes(shapes: Iterable[tuple[int, ...]], element_size: int = 4) -> int:
    """Bytes of the blocks' outputs of one forward pass (all kept, as a backward pass needs them)."""
    total = 0
    for shape in shapes:
        count = 1
        for size in shape:
            count *= int(size)
        total += count * element_size
    return total


def memory_needed(module: nn.Module, activation_shapes: Iterable[tuple[int, ...]], element_size: int = 4) -> int:
    """Parameters and buffers, plus every block's output for one forward pass (kept for a backward)."""
    return tensors_bytes(module) + activation_bytes(activation_shapes, element_size)


def check_fits(device: torch.device, needed: int) -> None:
    """Refuse, with both numbers, a move that the device's free memory cannot take."""
    free = free_memory(device)
    if free is not None and needed * MARGIN > free:
        raise MemoryLimitError(f"The design needs about {format_bytes(needed)} on {device} (parameters, buffers "
                               f"and one forward pass), but only {format_bytes(free)} is free there. Make the "
                               f"design or the batch smaller, or stay on the current device.", field="device",
                               valid=f"at most {format_bytes(free / MARGIN)}")
