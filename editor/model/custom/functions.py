"""The torch side of the custom-layer vocabulary: each name of :mod:`editor.model.custom.language` bound to torch.

Functions are torch's own (``torch.mean``, ``F.relu``, …); methods are
wrappers that first check that the object is a tensor and then call the
tensor's method of that (fixed, whitelisted) name; attributes likewise. The
functions that can make a tensor larger than their inputs (``cat``,
``stack``, ``matmul``, ``mm``, ``ones``, ``zeros``) carry a ``result_shape``
worked out on the meta device, so the expression evaluator refuses a result
beyond its element limit before anything is allocated.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import torch
import torch.nn.functional as F  # noqa: N812 - torch's own spelling, as the exported code writes it

from editor.model.custom.expr import Expression, compile_expression
from editor.model.custom.language import ATTRIBUTES, FUNCTIONS, KEYWORDS, METHODS, NAMESPACES
from editor.model.meta import on_meta
from editor.model.words import say

_GROWERS = frozenset({"cat", "stack", "matmul", "mm", "ones", "zeros"})


def _torch_function(name: str) -> Callable[..., Any]:
    module = F if FUNCTIONS[name].startswith("F.") else torch
    return getattr(module, name)


def _meta(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return torch.empty(value.shape, dtype=value.dtype, device="meta")
    if isinstance(value, (list, tuple)):
        return type(value)(_meta(v) for v in value)
    return value


class _Sized:
    """A torch function that says, before it runs, what shape it would make (found on the meta device)."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*args, **kwargs)

    def result_shape(self, *args: Any, **kwargs: Any) -> tuple[int, ...] | None:
        with on_meta():
            out = self.function(*(_meta(a) for a in args), **{k: _meta(v) for k, v in kwargs.items()})
        return tuple(out.shape) if isinstance(out, torch.Tensor) else None


def _method(name: str) -> Callable[..., Any]:
    def call(obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(obj, torch.Tensor):
            raise TypeError(say(".{name}() is a tensor method, but {type} is not a tensor", name=name,
                                type=type(obj).__name__))
        return getattr(obj, name)(*args, **kwargs)
    return call


def _attribute(name: str) -> Callable[[Any], Any]:
    def read(obj: Any) -> Any:
        if not isinstance(obj, torch.Tensor):
            raise TypeError(say(".{name} is a tensor attribute, but {type} is not a tensor", name=name,
                                type=type(obj).__name__))
        value = getattr(obj, name)
        return tuple(value) if isinstance(value, torch.Size) else value
    return read


def _build_functions() -> dict[str, Callable[..., Any]]:
    out: dict[str, Callable[..., Any]] = {}
    for name in FUNCTIONS:
        function = _torch_function(name)
        out[name] = _Sized(function) if name in _GROWERS else function
    return out


TENSOR_FUNCTIONS: dict[str, Callable[..., Any]] = _build_functions()
"""Every function a forward expression may call, by its short name."""

TENSOR_METHODS: dict[str, Callable[..., Any]] = {name: _method(name) for name in METHODS}
TENSOR_METHODS["matmul"] = _Sized(TENSOR_METHODS["matmul"])
TENSOR_METHODS["mm"] = _Sized(TENSOR_METHODS["mm"])
"""Every tensor method a forward expression may call (each checks it is given a tensor)."""

TENSOR_ATTRIBUTES: dict[str, Callable[[Any], Any]] = {name: _attribute(name) for name in ATTRIBUTES}
"""Every tensor attribute a forward expression may read."""


@functools.cache
def compile_forward(source: str, names: frozenset[str],
                    children: tuple[tuple[str, Callable[..., Any]], ...] = ()) -> Expression:
    """The forward expression ``source``, ready to run on tensors (``children``: a block's callables by name)."""
    functions = {**TENSOR_FUNCTIONS, **dict(children)}
    return compile_expression(source, functions, names, methods=TENSOR_METHODS, attributes=TENSOR_ATTRIBUTES,
                              namespaces=NAMESPACES, keywords=KEYWORDS)


__all__ = ["TENSOR_ATTRIBUTES", "TENSOR_FUNCTIONS", "TENSOR_METHODS", "compile_forward"]
