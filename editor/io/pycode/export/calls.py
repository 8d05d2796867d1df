"""Constructor calls as a careful learner writes them: ``nn.Conv2d(1, 16, 3, padding=1)``.

Each layer becomes the shortest call that builds the very same module: the
arguments torch requires come positionally, then only the hyperparameters that
differ from torch's defaults, by keyword. A candidate is shortened (an argument
dropped, ``(3, 3)`` written as ``3``) only when a module built from the shorter
call on the meta device reads back the same hyperparameters and prints the
same, so ``print(model)`` of the exported code always equals the editor's.

Every value is written as a Python literal (``repr`` of ints, strings,
tuples, ``float("inf")`` for infinities): nothing a user typed can become code.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Mapping
from typing import Any

from editor.model.catalog import LayerKind
from editor.model.catalog.build import constructor_kwargs, read_params, torch_class, torch_defaults
from editor.model.meta import on_meta
from editor.model.words import say

# Hyperparameter types whose tuples of equal sizes torch also accepts as one int.
_SIZE_TYPES = ("size", "padding", "output_size", "shape")


def literal(value: Any) -> str:
    """``value`` as Python source that evaluates to an equal value; refuses anything but plain data."""
    if isinstance(value, str):
        return string_literal(value)
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else '-float("inf")'
        return repr(value)
    if isinstance(value, tuple):
        items = [literal(v) for v in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    raise TypeError(say("LayerLab cannot write a {type} as a Python literal: {value!r:.60}",
                        type=type(value).__name__, value=value))


def string_literal(text: str) -> str:
    """``repr(text)``, in double quotes when that needs no escapes (as formatters like ruff write strings)."""
    source = repr(text)
    if source.startswith("'") and '"' not in text:
        return f'"{source[1:-1]}"'  # repr chose ' although text has neither quote: nothing inside changes
    return source


def class_expression(kind: LayerKind) -> str:
    """How the exported code names the torch class of ``kind`` (``nn.Linear``)."""
    if kind.module == "torch.nn":
        return f"nn.{kind.name}"
    if kind.module.startswith("torch.nn."):
        return f"nn.{kind.module.removeprefix('torch.nn.')}.{kind.name}"
    return f"{kind.module}.{kind.name}"  # pragma: no cover - every catalog kind lives in torch.nn


def module_call(kind: LayerKind, params: Mapping[str, Any], column: int = 0, indent: str = "",
                width: int = 100) -> str:
    """The constructor call that builds ``kind`` with ``params``, e.g. ``nn.Linear(20, 10, bias=False)``.

    A call that would not fit in ``width`` from ``column`` is wrapped, its
    arguments on lines indented one step more than ``indent``. A custom kind
    (its class is written by :mod:`editor.io.pycode.export.classes`) gets
    every hyperparameter positionally: ``MyLinear(20, 10)``.
    """
    if getattr(kind, "module_class", None) is not None:
        return f"{kind.name}({', '.join(literal(params[hp.name]) for hp in kind.params)})"
    positional, keywords = call_arguments(kind, params)
    parts = [literal(v) for v in positional] + [f"{k}={literal(v)}" for k, v in keywords.items()]
    head = class_expression(kind)
    one_line = f"{head}({', '.join(parts)})"
    if column + len(one_line) <= width or not parts:
        return one_line
    inner = indent + "    "
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(part) + 2 <= width:
            lines[-1] += f" {part},"
        else:
            lines.append(f"{inner}{part},")
    return "\n".join([f"{head}(", *lines, f"{indent})"])


def call_arguments(kind: LayerKind, params: Mapping[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The positional and keyword arguments of :func:`module_call`."""
    try:
        key = tuple(sorted(params.items()))
        hash(key)
    except TypeError:  # pragma: no cover - catalog values are hashable; stay correct if one is not
        return _split_positional(kind, _minimal_kwargs(kind, dict(params)))
    return _split_positional(kind, dict(_cached_minimal(kind, key)))


@functools.lru_cache(maxsize=8192)
def _cached_minimal(kind: LayerKind, key: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
    return tuple(_minimal_kwargs(kind, dict(key)).items())


def _minimal_kwargs(kind: LayerKind, params: dict[str, Any]) -> dict[str, Any]:
    kwargs = constructor_kwargs(kind, params)
    target = _fingerprint(kind, kwargs)
    if target is None:  # torch refuses the exact call on the meta device: keep it as the editor builds it
        return kwargs
    defaults = torch_defaults(kind)
    for name in list(kwargs):
        value = kwargs[name]
        candidates: list[dict[str, Any]] = []
        if name in defaults:
            candidates.append({k: v for k, v in kwargs.items() if k != name})
        if (kind.param(name).type in _SIZE_TYPES and isinstance(value, tuple) and value
                and all(isinstance(v, int) and v == value[0] for v in value)):
            candidates.append({**kwargs, name: value[0]})
        for candidate in candidates:
            if _fingerprint(kind, candidate) == target:
                kwargs = candidate
                break
    return kwargs


def _fingerprint(kind: LayerKind, kwargs: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """What a module built from ``kwargs`` prints and reads back as (None when torch refuses it)."""
    try:
        with on_meta():  # no memory, and no draws from the random generator
            module = torch_class(kind)(**kwargs)
        return repr(module), read_params(kind, module)
    except (TypeError, ValueError, RuntimeError, AttributeError):
        return None


def _split_positional(kind: LayerKind, kwargs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """Arguments torch requires go first, positionally, as long as they come in signature order."""
    positional: list[Any] = []
    rest = dict(kwargs)
    for name in _signature_names(kind):
        if name not in rest or name in torch_defaults(kind):
            break
        positional.append(rest.pop(name))
    return positional, rest


@functools.cache
def _signature_names(kind: LayerKind) -> tuple[str, ...]:
    signature = inspect.signature(torch_class(kind).__init__)
    return tuple(name for name, p in signature.parameters.items() if name != "self"
                 and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
