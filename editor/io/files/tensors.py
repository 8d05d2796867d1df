"""Tensors from a stranger's file, checked before they become a design's weights.

``torch.load(weights_only=True)`` runs no code, but what it returns can still
hurt: a sparse, quantized or meta tensor that no layer can compute with; a
stride-0 view (``expand``) or an ``as_strided`` view whose elements overlap,
so that writing one element writes others; complex values; a ``float64``
tensor where the design computes in ``float32``; and, worst, two layers'
weights that are views of one storage, so that initializing one block
silently changes another. Opening a project assigns the loaded tensors to the
modules (no copy), so :func:`usable_state` refuses what cannot be a value and
:func:`fit_to_design` lets tensors share memory only where the design shares
the module, copying everything else. Every refusal names the key and says how
to fix the file.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import torch
from torch import nn

from editor.io.errors import ProjectFileError
from editor.model.words import say

MAX_KEY = 60
"""Characters of a state_dict key shown in a message."""


def key_text(key: object) -> str:
    """A state_dict key for a message (quoted; long ones cut)."""
    text = key if isinstance(key, str) else str(type(key).__name__)
    return repr(text if len(text) <= MAX_KEY else text[:MAX_KEY - 1] + "…")


def _overlaps(tensor: torch.Tensor) -> bool:
    """Whether two elements of a strided tensor share memory (conservative: exotic interleavings count too)."""
    reach = 0  # the largest offset the dimensions with smaller strides can reach
    for stride, size in sorted((st, sz) for sz, st in zip(tensor.shape, tensor.stride(), strict=True) if sz > 1):
        if stride <= reach:
            return True
        reach += stride * (size - 1)
    return False


def tensor_problem(tensor: torch.Tensor) -> str | None:
    """What makes a loaded tensor unusable as a parameter or buffer, and how to fix it; None when it is usable."""
    if tensor.is_meta or tensor.device.type == "meta":
        return say("on the meta device, so it has no values; save the real tensor instead")
    if tensor.layout != torch.strided:
        layout = str(tensor.layout).removeprefix("torch.")
        return say("a {layout} tensor; save it dense, with .to_dense()", layout=layout)
    if tensor.is_nested:
        return say("a nested tensor; save a regular tensor instead")
    if tensor.is_quantized:
        return say("a quantized tensor; save it with .dequantize()")
    if tensor.is_complex():
        return say("complex ({dtype}), which no layer computes with; save .real",
                   dtype=str(tensor.dtype).removeprefix("torch."))
    if any(size > 1 and stride == 0 for size, stride in zip(tensor.shape, tensor.stride(), strict=True)):
        return say("a view that repeats one stored value (stride 0, as .expand makes); save it with .contiguous()")
    if _overlaps(tensor):
        return say("a view whose elements overlap in memory (as .as_strided can make); save it with .contiguous()")
    return None


def usable_state(state: Mapping[str, torch.Tensor], name: str, path: str | None = None) -> dict[str, torch.Tensor]:
    """``state`` with every tensor checked by :func:`tensor_problem` and detached (plain, no grad, no hooks).

    Raises :class:`ProjectFileError` (reason ``"unsupported_tensor"``) naming
    the first key whose tensor is not usable (``name`` is the file as messages
    show it, ``path`` the whole path). Detaching matters: a loaded
    ``nn.Parameter`` assigned to a buffer would turn it into a parameter, and
    a tensor loaded with ``requires_grad`` would break in-place updates.
    """
    out = {}
    for key, tensor in state.items():
        problem = tensor_problem(tensor)
        if problem is not None:
            raise ProjectFileError(say("{name}: the tensor {key} is {problem}. Nothing was loaded.",
                                       name=name, key=key_text(key), problem=problem),
                                   "unsupported_tensor", path or name)
        out[key] = tensor.detach()
    return out


def _dtype(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def _shape(shape: torch.Size) -> str:
    return str(tuple(shape))


def _few(keys: list[str]) -> str:
    shown = ", ".join(key_text(k) for k in keys[:3])
    return say("{keys} and {count} more", keys=shown, count=len(keys) - 3) if len(keys) > 3 else shown


def fit_to_design(root: nn.Module, state: Mapping[str, torch.Tensor],
                  skip: Collection[int] = ()) -> dict[str, torch.Tensor]:
    """The tensors to assign to ``root`` (built on the meta device): checked against it, aliases resolved.

    Every key of ``root.state_dict()`` must be present with its shape and dtype
    (a design does not record a dtype: it computes in what its layers are built
    with), and no other key. Tensors may share memory only where ``root``
    shares the module (weight tying): each parameter or buffer gets one
    tensor, and a tensor whose storage another one uses already, or that uses
    only part of its storage, is copied. Raises :class:`ValueError` with a
    sentence naming the key. Tensors of the modules whose ``id`` is in
    ``skip`` (layers kept unallocated) are neither expected nor allowed.
    """
    expected = root.state_dict(keep_vars=True)
    if skip:
        owners = _owners(root, expected)
        expected = {k: v for k, v in expected.items() if owners[k][0] not in skip}
    missing = [k for k in expected if k not in state]
    if missing:
        raise ValueError(say("no value for {keys}", keys=_few(missing)))
    unexpected = [k for k in state if k not in expected]
    if unexpected:
        if len(unexpected) == 1:
            raise ValueError(say("{key} belongs to no block of the design", key=_few(unexpected)))
        raise ValueError(say("{keys} belong to no block of the design", keys=_few(unexpected)))
    for key, want in expected.items():
        got = state[key]
        if got.shape != want.shape:
            raise ValueError(say("{key} has shape {shape}, but the design needs {want}",
                                 key=key_text(key), shape=_shape(got.shape), want=_shape(want.shape)))
        if got.dtype != want.dtype:
            raise ValueError(say("{key} is {dtype}, but the design computes in {want}; save it with "
                                 ".to(torch.{want})",
                                 key=key_text(key), dtype=_dtype(got.dtype), want=_dtype(want.dtype)))
    owner_of = _owners(root, expected)
    chosen: dict[tuple[int, str], tuple[str, torch.Tensor, torch.Tensor]] = {}  # key, tensor given, as loaded
    claimed: dict[int, tuple[int, str]] = {}  # storage address -> the parameter that keeps that storage
    out: dict[str, torch.Tensor] = {}
    for key in expected:
        tensor, owner = state[key], owner_of[key]
        if owner in chosen:  # a shared module seen under another path: one tensor for both
            first_key, first, loaded = chosen[owner]
            if not _same(loaded, tensor):
                raise ValueError(say("{key} and {other} are one shared block's tensor, but the "
                                     "file gives them different values", key=key_text(first_key), other=key_text(key)))
            out[key] = first
            continue
        storage = tensor.untyped_storage()
        address = storage.data_ptr()
        whole = tensor.numel() > 0 and storage.nbytes() == tensor.numel() * tensor.element_size()
        given = tensor
        if whole and address not in claimed:
            claimed[address] = owner
        else:
            given = tensor.clone(memory_format=torch.contiguous_format)
        chosen[owner] = (key, given, tensor)
        out[key] = given
    return out


def _owners(root: nn.Module, expected: Mapping[str, torch.Tensor]) -> dict[str, tuple[int, str]]:
    """For each state_dict key, the (module, local name) it belongs to: one pair per parameter or buffer."""
    modules: dict[str, nn.Module] = {}
    out = {}
    for key in expected:
        path, _, local = key.rpartition(".")
        if path not in modules:
            modules[path] = root.get_submodule(path)
        out[key] = (id(modules[path]), local)
    return out


def _same(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Whether two tensors for one shared parameter agree (the very same view, or equal values, NaN equal to NaN)."""
    if a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr() and a.storage_offset() == b.storage_offset() \
            and a.stride() == b.stride():
        return True
    return bool(((a == b) | ((a != a) & (b != b))).all())
