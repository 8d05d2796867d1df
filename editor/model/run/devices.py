"""The devices this machine offers, and whether a design fits on one.

:func:`list_devices` names the CPU, every CUDA device (with its name and
free/total memory) and Apple's MPS, each with ``available`` and, when it is
not, a sentence saying why. :func:`memory_needed` estimates what a design
needs on a device: its parameters and buffers (shared ones once) plus the
activations of one forward pass at its input shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import torch
from torch import nn

from editor.model.catalog.build import available_memory, format_bytes
from editor.model.design.torch_dicts import tensor_version
from editor.model.errors import MemoryLimitError, RunError
from editor.model.words import say

# Room kept free on a device beyond the estimate (the allocator's caching, kernels' workspaces).
MARGIN = 1.2


@dataclass(frozen=True)
class DeviceInfo:
    """One device a model could live on."""

    name: str
    """What ``torch.device`` takes: ``"cpu"``, ``"cuda:0"``, ``"mps"``."""
    label: str
    """For a person: ``"cuda:0 · NVIDIA H200 · 139.8 GiB free of 140.4 GiB"``."""
    available: bool
    reason: str = ""
    """Why it cannot be used (empty when it can)."""
    total: int | None = None
    free: int | None = None


def cuda_unavailable_reason() -> str:
    """Why ``torch.cuda.is_available()`` is False here, in a learner's words."""
    if torch.version.cuda is None:
        return say("No CUDA: this torch build is CPU-only. To use an NVIDIA GPU, install a CUDA build of PyTorch "
                   "(see pytorch.org).")
    return say("No NVIDIA GPU found: this torch build supports CUDA {version}, but no GPU (or no working driver) "
               "is available, so torch.cuda.is_available() is False.", version=torch.version.cuda)


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
                found.append(DeviceInfo(name, f"{name} · unusable", False,
                                        say("{device} cannot be used: {problem}", device=name, problem=str(exc))))
                continue
            label = f"{name} · {props.name} · {format_bytes(free)} free of {format_bytes(total)}"
            found.append(DeviceInfo(name, label, True, total=int(total), free=int(free)))
    else:
        found.append(DeviceInfo("cuda", "cuda · not available", False, cuda_unavailable_reason()))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(DeviceInfo("mps", "mps · Apple GPU", True))
    elif mps is not None and mps.is_built():
        found.append(DeviceInfo("mps", "mps · not available", False, say("MPS is built into torch but this Mac has "
                                                                          "no usable Apple GPU (macOS 12.3+ needed).")))
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


def check_fits(device: torch.device, needed: int, action: str = "move") -> None:
    """Refuse, with both numbers, a move (``action``; or a ``"run"``, a ``"backward"`` run or ``"train"`` there)
    that the device's free memory cannot take."""
    if action not in ("move", "run", "backward", "train"):
        raise ValueError(f"check_fits: unknown action {action!r}")
    free = free_memory(device)
    if free is not None and needed * MARGIN > free:
        numbers = {"needed": format_bytes(needed), "device": device, "free": format_bytes(free)}
        if action == "run":
            text = say("This run needs about {needed} on {device} (parameters, buffers and a forward pass of this "
                       "batch), but only {free} is free there. Use a smaller batch or a smaller design.", **numbers)
        elif action == "backward":
            text = say("This run needs about {needed} on {device} (parameters, buffers, a forward pass of this batch "
                       "with the graph autograd keeps for the backward pass, and the gradients), but only {free} is "
                       "free there. Use a smaller batch or a smaller design.", **numbers)
        elif action == "train":
            text = say("Training needs about {needed} on {device} (a copy of the design, its gradients, the "
                       "optimizer's state, the teacher's copy, and each step's forward and backward pass), but only "
                       "{free} is free there. Make the design or its input shape smaller, or use SGD (Adam keeps two "
                       "more values per parameter).", **numbers)
        else:
            text = say("The design needs about {needed} on {device} (parameters, buffers and one forward pass), but "
                       "only {free} is free there. Make the design or the batch smaller, or stay on the current "
                       "device.", **numbers)
        raise MemoryLimitError(text, field="device", valid=say("at most {free}", free=format_bytes(free / MARGIN)))


@dataclass
class PreparedMove:
    """A move of a design's tensors to another device, in two steps, so that the slow part can leave the GUI thread.

    :meth:`copy` (on a worker thread) copies every parameter, gradient and
    buffer to ``target`` and only reads the design; the Project's ``to(...,
    prepared=...)`` (back on the GUI thread) then swaps the copies in, which
    takes no time. A tensor changed in place after it was copied (its version
    counter moved) is copied again then, so nothing stale is ever swapped in.
    """

    target: torch.device
    tensors: list[torch.Tensor]
    """The tensors to move, each distinct one once (parameters, their gradients, buffers)."""
    copies: dict[int, tuple[torch.Tensor, int]] = field(default_factory=dict)
    """``id(original)`` → (its copy on ``target``, the original's version when it was copied)."""
    swapped: set[int] = field(default_factory=set)
    """``id`` of each parameter and buffer already on the target (a shared module is met more than once)."""

    @property
    def total_bytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in self.tensors)

    def copy(self, progress: Callable[[float, str], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> None:
        """Copy each tensor to the target; ``progress(fraction, text)`` after each one; stops when ``cancelled()``."""
        total, done = max(self.total_bytes, 1), 0
        for tensor in self.tensors:
            if cancelled is not None and cancelled():
                raise RunError(say("The move to {target} was cancelled: the model stays where it was.",
                                   target=self.target))
            with torch.no_grad():
                self.copies[id(tensor)] = (tensor.detach().to(self.target, copy=True), tensor_version(tensor))
            done += tensor.numel() * tensor.element_size()
            if progress is not None:
                progress(done / total, say("{done} of {total} copied to {device}", done=format_bytes(done),
                                           total=format_bytes(total), device=self.target))

    def moved(self, tensor: torch.Tensor) -> torch.Tensor:
        """``tensor`` on the target: its copy when one is current, else a fresh one."""
        taken = self.copies.get(id(tensor))
        if taken is not None and taken[1] == tensor_version(tensor) and taken[0].shape == tensor.shape:
            return taken[0]
        return tensor.detach().to(self.target)

    def release(self) -> None:
        """Forget the originals and the copies (once swapped in, the design holds what it needs)."""
        self.tensors = []
        self.copies.clear()
        self.swapped.clear()

    def apply(self, module: nn.Module) -> None:
        """Swap the copies into ``module`` (parameters keep their identity, as ``module.to()`` keeps it)."""
        with torch.no_grad():
            for sub in module.modules():
                for param in list(sub.parameters(recurse=False)):
                    if id(param) in self.swapped:
                        continue
                    grad = param.grad
                    param.data = self.moved(param)
                    if grad is not None:
                        param.grad = self.moved(grad)
                    self.swapped.add(id(param))
                for name, buffer in list(sub.named_buffers(recurse=False)):
                    if id(buffer) not in self.swapped:
                        moved = self.moved(buffer)
                        setattr(sub, name, moved)
                        self.swapped.add(id(moved))


def tensors_to_move(modules: Iterable[nn.Module]) -> list[torch.Tensor]:
    """Every distinct parameter, gradient and buffer of ``modules`` (shared ones once)."""
    seen: dict[int, torch.Tensor] = {}
    for module in modules:
        for param in module.parameters():
            seen.setdefault(id(param), param)
            if param.grad is not None:
                seen.setdefault(id(param.grad), param.grad)
        for buffer in module.buffers():
            seen.setdefault(id(buffer), buffer)
    return list(seen.values())
