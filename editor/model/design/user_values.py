"""Checks of values users give the Project: seeds, input shapes, devices and labels."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any

import torch
from torch import nn

from editor.model.design.tree import Node
from editor.model.errors import ValidationError
from editor.model.words import message_of, say


def check_seed(seed: Any) -> int:
    """``seed`` checked: an integer torch.manual_seed accepts."""
    if isinstance(seed, bool):
        raise ValidationError(say("The seed must be an integer, not {seed}.", seed=seed), field="seed",
                              valid=say("an integer from 0 to 2**64 - 1"))
    if not isinstance(seed, int):
        try:
            seed = operator.index(seed)
        except TypeError:
            raise ValidationError(say("The seed must be an integer, not {type}.", type=type(seed).__name__),
                                  field="seed",
                                  valid=say("an integer from 0 to 2**64 - 1")) from None
    if not -(2**63) <= seed < 2**64:
        raise ValidationError(say("The seed {seed} is out of range.", seed=seed), field="seed",
                              valid=say("an integer from 0 to 2**64 - 1"))
    return int(seed)


def check_shape(shape: Iterable[int]) -> tuple[int, ...]:
    """An input shape checked: 1 to 8 positive integers, at most 2**31 elements in all."""
    try:
        values = tuple(shape)
    except TypeError:
        raise ValidationError(say("An input shape is a tuple of sizes like (1, 20), not {shape!r}.", shape=shape),
                              field="input_shape", valid=say("a tuple of 1 to 8 positive integers")) from None
    valid = say("a tuple of 1 to 8 positive integers")
    if not 1 <= len(values) <= 8:
        raise ValidationError(say("An input shape needs 1 to 8 sizes, got {count}.", count=len(values)),
                              field="input_shape",
                              valid=valid)
    out = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int):
            try:
                v = operator.index(v)
            except TypeError:
                raise ValidationError(say("Input sizes must be integers, got {value!r}.", value=v), field="input_shape",
                                      valid=valid) from None
        if v < 1:
            raise ValidationError(say("Input sizes must be at least 1, got {value}.", value=v), field="input_shape",
                                  valid=valid)
        out.append(int(v))
    total = 1
    for v in out:
        total *= v
    if total > 2**31:
        raise ValidationError(say("An input of shape {shape} would hold {total:,} numbers; use at most 2**31.",
                                  shape=tuple(out), total=total),
                              field="input_shape", valid=valid)
    return tuple(out)


def check_device(device: str | torch.device) -> torch.device:
    """``device`` parsed and checked to exist on this machine."""
    try:
        target = torch.device(device)
    except (RuntimeError, TypeError) as exc:
        raise ValidationError(say("{device!r} is not a device name ({reason}). Use 'cpu', 'cuda', 'cuda:0' or "
                                  "'mps'.", device=device, reason=message_of(exc)),
                              field="device", valid=say("cpu, cuda, cuda:N or mps")) from None
    if target.type == "cuda":
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if count == 0:
            raise ValidationError(say("CUDA is not available on this machine (torch.cuda.is_available() is "
                                      "False); use 'cpu'."), field="device", valid="cpu")
        index = target.index if target.index is not None else torch.cuda.current_device()
        if index >= count:
            raise ValidationError(say("There is no cuda:{index}: this machine has {count} CUDA device(s), cuda:0 "
                                      "to cuda:{last}.", index=index, count=count, last=count - 1), field="device",
                                  valid=f"cuda:0 … cuda:{count - 1}")
        return torch.device("cuda", index)
    if target.type == "mps" and not (hasattr(torch.backends, "mps") and torch.backends.mps.is_available()):
        raise ValidationError(say("MPS (Apple GPU) is not available on this machine; use 'cpu'."), field="device",
                              valid="cpu")
    if target.type not in ("cpu", "cuda", "mps"):
        raise ValidationError(say("LayerLab supports cpu, cuda and mps devices, not {type!r}.", type=target.type),
                              field="device", valid=say("cpu, cuda, cuda:N or mps"))
    return target


_EMPTY_SEQUENTIAL = nn.Sequential()


def label_clash(label: str | None, group: Node | None, ignore: Node | None = None) -> bool:
    """Whether ``group`` already has a child other than ``ignore`` called ``label``."""
    children = getattr(group, "children", [])
    return label is not None and any(c.label == label for c in children if c is not ignore)


def label_problem(label: str) -> str | None:
    """Why ``label`` cannot be a Sequential key: ``"form"`` (dots, digits only, blank, too long),
    ``"attribute"`` (an attribute of nn.Sequential such as ``forward``), or None when it can."""
    if "." in label or label.isdigit() or not label.strip() or len(label) > 100:
        return "form"
    if hasattr(_EMPTY_SEQUENTIAL, label):  # class and instance attributes: forward, training, …
        return "attribute"
    return None


def check_label(node: Node, label: str | None) -> str | None:
    """A block label checked: None, or a name usable as a Sequential key and unique in its group."""
    if label is None or label == "":
        return None
    if not isinstance(label, str):
        raise ValidationError(say("A label must be text, not {type}.", type=type(label).__name__), field="label",
                              valid=say("a name like 'encoder'"))
    valid = say("a name without dots that is not just digits, e.g. 'encoder'")
    problem = label_problem(label)
    if problem == "attribute":
        raise ValidationError(say("{label!r} is already an attribute of nn.Sequential; choose another label.",
                                  label=label),
                              field="label", valid=valid)
    if problem is not None:
        raise ValidationError(say("{label!r} cannot be a label: use {valid}.", label=label, valid=valid),
                              field="label", valid=valid)
    if label_clash(label, node.parent, ignore=node):
        raise ValidationError(say("Another block in this group is already called {label!r}.", label=label),
                              field="label",
                              valid=say("a name not used in this group"))
    return label


def module_device(module: nn.Module) -> torch.device | None:
    """The device of a module's first parameter or buffer (None for a module without tensors)."""
    for tensor in module.parameters():
        return tensor.device
    for tensor in module.buffers():
        return tensor.device
    return None
