"""From catalog data to live torch modules and back.

``build_module`` constructs a layer from its kind and hyperparameters (after a
memory check, so a 4 TB ``Linear`` is refused before anything is allocated, or
kept unallocated on the meta device where the caller chose so);
``kind_of`` and ``read_params`` recognize a live module and read its
hyperparameters back, so any ``nn.Sequential`` of catalog layers can be opened.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import threading
from collections.abc import Mapping
from typing import Any

import torch
from torch import nn

from editor.model import catalog
from editor.model.catalog import LayerKind
from editor.model.catalog.hyperparameters import format_value, param_count
from editor.model.catalog.memory import MARGIN, allocation_failure, available_memory
from editor.model.catalog.unallocated import build_unallocated, builds_on_meta, keeps_unallocated
from editor.model.custom.expr import Expression, compile_expression
from editor.model.errors import MemoryLimitError, UnsupportedLayerError, ValidationError
from editor.model.meta import on_meta
from editor.model.words import format_bytes, message_of, say


def torch_class(kind: LayerKind) -> type[nn.Module]:
    """The torch class of ``kind``, imported on first use (a custom kind's generated class)."""
    own = getattr(kind, "module_class", None)
    return own if own is not None else _catalog_class(kind)


@functools.cache
def _catalog_class(kind: LayerKind) -> type[nn.Module]:
    module_name, _, class_name = kind.class_path.rpartition(".")
    return getattr(importlib.import_module(module_name), class_name)


@functools.cache
def _kinds_by_class() -> dict[type, LayerKind]:
    return {torch_class(k): k for k in catalog.kinds()}


def kind_of_class(cls: type) -> LayerKind | None:
    """The catalog kind whose torch class is exactly ``cls`` (None when there is none)."""
    return _kinds_by_class().get(cls)


@functools.cache
def lazy_kinds() -> dict[str, tuple[LayerKind, str]]:
    """torch's lazy layers that a catalog kind stands for: class path → (kind, the hyperparameter it infers).

    ``torch.nn.LazyLinear`` learns ``in_features`` from the first batch it
    sees and then becomes an ``nn.Linear``; a catalog Linear whose
    ``in_features`` is "auto" does the same job. Only kinds with exactly one
    auto hyperparameter, whose lazy class becomes the kind's own class, count.
    """
    from torch.nn.modules.lazy import LazyModuleMixin

    found: dict[str, tuple[LayerKind, str]] = {}
    for kind in catalog.kinds():
        lazy = getattr(nn, f"Lazy{kind.name}", None) if kind.module == "torch.nn" else None
        if isinstance(lazy, type) and issubclass(lazy, LazyModuleMixin) and len(kind.auto_names) == 1 and \
                getattr(lazy, "cls_to_become", None) is torch_class(kind):
            found[f"torch.nn.{lazy.__name__}"] = (kind, kind.auto_names[0])
    return found


def kind_of(module: object) -> LayerKind:
    """The catalog kind of ``module`` (its exact class); ``UnsupportedLayerError`` otherwise."""
    found = _kinds_by_class().get(type(module))
    if found is not None:
        return found
    custom = getattr(type(module), "layerlab_kind", None)  # a class generated for a custom definition
    if isinstance(custom, LayerKind):
        return custom
    if not isinstance(module, nn.Module):
        raise UnsupportedLayerError(
            say("module should be of type torch.nn.Module, but got {type} ({module!r:.60}).",
                type=type(module).__name__, module=module))
    cls = type(module)
    lazy = lazy_kinds().get(f"torch.nn.{cls.__name__}")
    if lazy is not None and getattr(nn, cls.__name__, None) is cls:
        kind, name = lazy
        raise UnsupportedLayerError(
            say("{lazy} has no weights until its first forward pass, so LayerLab cannot hold it yet. A "
                "{kind} block whose {name} is \"auto\" learns its input size the same way: add one with "
                "append_layer(\"{kind}\", ...), or run the module on a batch first (it then becomes an "
                "nn.{kind}).", lazy=cls.__name__, kind=kind.name, name=name))
    raise UnsupportedLayerError(
        say("LayerLab does not know the layer type {name} ({module}.{qualname}). "
            "It can hold torch.nn.Sequential groups and these layers: {kinds}.", name=cls.__name__,
            module=cls.__module__, qualname=cls.__qualname__, kinds=", ".join(k.name for k in catalog.kinds())))


def _getattr_path(module: nn.Module, dotted: str) -> Any:
    value: Any = module
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


_reading = threading.local()


def _attr(path: str) -> Any:
    return _getattr_path(_reading.module, path)


def _has(path: str) -> bool:
    return _getattr_path(_reading.module, path) is not None


@functools.cache
def _reader(source: str) -> Expression:
    return compile_expression(source, {"attr": _attr, "has": _has})


def _read_one(module: nn.Module, source: str) -> Any:
    _reading.module = module
    try:
        return _reader(source)({})
    finally:
        _reading.module = None


def read_params(kind: LayerKind, module: nn.Module) -> dict[str, Any]:
    """The hyperparameters of a live ``kind`` module, in constructor order.

    Values come back in the form the module stores them (lists become tuples,
    ``torch.Size`` becomes a tuple).
    """
    params: dict[str, Any] = {}
    for hp in kind.params:
        value = getattr(module, hp.name) if hp.read is None else _read_one(module, hp.read)
        if isinstance(value, (list, torch.Size)):
            value = tuple(value)
        params[hp.name] = value
    return params


def torch_defaults(kind: LayerKind) -> dict[str, Any]:
    """The defaults of the torch constructor of ``kind`` (required ones are absent; a custom kind has none)."""
    if getattr(kind, "module_class", None) is not None:
        return {}
    return _catalog_defaults(kind)


@functools.cache
def _catalog_defaults(kind: LayerKind) -> dict[str, Any]:
    signature = inspect.signature(torch_class(kind).__init__)
    return {name: p.default for name, p in signature.parameters.items()
            if p.default is not inspect.Parameter.empty}


def constructor_kwargs(kind: LayerKind, params: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments a careful person passes: required ones and non-defaults."""
    defaults = torch_defaults(kind)
    kwargs: dict[str, Any] = {}
    for hp in kind.params:
        value = params[hp.name]
        if hp.name in defaults and _same(defaults[hp.name], value):
            continue
        kwargs[hp.name] = value
    return kwargs


def _same(default: Any, value: Any) -> bool:
    if callable(default):  # TransformerEncoderLayer's activation defaults to F.relu
        return getattr(default, "__name__", None) == value
    return type(default) is type(value) and default == value


def _needs(kind: LayerKind, params: Mapping[str, Any], where: str, dtype: torch.dtype) -> tuple[int, int]:
    """How many parameters ``kind`` with ``params`` has, and their bytes (a custom kind counts every tensor)."""
    counter = getattr(kind, "count_elements", None)
    try:
        count = counter(params) if counter is not None else param_count(kind, params)
    except ValidationError as exc:  # a custom kind's shapes, worked out from these values, are impossible
        if not where or str(exc).startswith(where):
            raise
        raise ValidationError(say("{where}{problem}", where=where, problem=message_of(exc)), field=exc.field,
                              valid=exc.valid) from None
    return count, count * torch.empty((), dtype=dtype).element_size()


def fits_in_memory(kind: LayerKind, params: Mapping[str, Any], dtype: torch.dtype = torch.float32) -> bool:
    """Whether the parameters of ``kind`` with ``params`` fit in the memory free now (with the margin that
    materializing asks for: a layer that fits only just is kept unallocated, not allocated without a word)."""
    return _needs(kind, params, "", dtype)[1] * MARGIN <= available_memory()


def check_memory(kind: LayerKind, params: Mapping[str, Any], where: str = "",
                 dtype: torch.dtype = torch.float32) -> None:
    """Refuse, before allocating, a layer whose parameters cannot fit in memory.

    A custom kind counts every tensor it would make, plain tensor attributes included.
    Inside :func:`~editor.model.catalog.unallocated.keeping_unallocated` such a
    layer is not refused (:func:`build_module` keeps it unallocated); impossible
    values still are.
    """
    count, need = _needs(kind, params, where, dtype)
    have = available_memory()
    if need > have and not keeps_unallocated():
        sizes = [n for n in kind.param_names if isinstance(params.get(n), int) and not isinstance(params[n], bool)]
        biggest = max(sizes, key=lambda n: params[n], default=None)
        what = say("{kind} with these hyperparameters", kind=kind.name) if kind.params else kind.name
        if biggest is not None:
            fix = say("Choose smaller sizes (e.g. {name}).", name=biggest)
        elif getattr(kind, "definition", None) is not None:  # a custom kind whose sizes are written inside it
            fix = say("Its sizes are written in its definition: edit {kind} to make its layers smaller.",
                      kind=kind.name)
        else:
            fix = say("Choose smaller sizes.")
        raise MemoryLimitError(
            say("{where}{what} would have {count:,} parameters ({need}), but only {have} of memory is free. {fix}",
                where=where, what=what, count=count, need=format_bytes(need), have=format_bytes(have), fix=fix),
            field=biggest, valid=say("at most {have} of parameters", have=format_bytes(have)))


def build_module(kind: LayerKind, params: Mapping[str, Any], where: str = "",
                 unallocated: bool = False) -> nn.Module:
    """A new ``kind`` module with validated ``params``, constructed like ``nn.X(...)`` would be.

    Uses torch's global random generator, as a script does. A layer whose
    parameters do not fit in memory is refused (:func:`check_memory`), or,
    inside :func:`~editor.model.catalog.unallocated.keeping_unallocated`, kept
    unallocated on the meta device; ``unallocated`` keeps it so whatever its size. A part of a module built on
    the meta device (:func:`~editor.model.catalog.unallocated.building_on_meta`) allocates nothing: it is
    never refused for its size.
    """
    if unallocated or builds_on_meta() or (keeps_unallocated() and not fits_in_memory(kind, params)):
        return _build_unallocated(kind, params, where)
    check_memory(kind, params, where)
    kwargs = constructor_kwargs(kind, params)
    try:
        return torch_class(kind)(**kwargs)
    except (MemoryError, RuntimeError) as exc:
        if not allocation_failure(exc):
            raise ValidationError(_refused(where, kind, kwargs, exc)) from None
        raise MemoryLimitError(say("{where}{kind}({args}) could not be allocated: this process ran out of memory "
                                   "({free} free). Choose smaller sizes.", where=where, kind=kind.name,
                                   args=_call_text(kwargs), free=format_bytes(available_memory()))) from None
    except TypeError as exc:
        raise ValidationError(say("{where}this version of torch ({version}) cannot build {kind}({args}): {reason}",
                                  where=where, version=torch.__version__, kind=kind.name, args=_call_text(kwargs),
                                  reason=str(exc))) from None
    except ValueError as exc:
        raise ValidationError(_refused(where, kind, kwargs, exc)) from None


def _build_unallocated(kind: LayerKind, params: Mapping[str, Any], where: str) -> nn.Module:
    """``kind`` built on the meta device (see :mod:`editor.model.catalog.unallocated`)."""
    kwargs = constructor_kwargs(kind, params)
    try:
        return build_unallocated(lambda: torch_class(kind)(**kwargs))
    except (TypeError, ValueError, RuntimeError) as exc:
        raise ValidationError(_refused(where, kind, kwargs, exc)) from None


def canonical_params(kind: LayerKind, params: dict[str, Any], where: str = "") -> dict[str, Any]:
    """``params`` in the form torch stores them (``3`` becomes ``(3, 3)`` for Conv2d), via the meta device.

    A custom kind stores its hyperparameters as given (they were validated).
    """
    if getattr(kind, "module_class", None) is not None:
        return dict(params)
    kwargs = constructor_kwargs(kind, params)
    try:
        with on_meta():
            module = torch_class(kind)(**kwargs)
    except (TypeError, ValueError, RuntimeError) as exc:
        raise ValidationError(say("{where}torch refused {kind} with these values: {reason}", where=where,
                                  kind=kind.name, reason=str(exc))) from None
    return read_params(kind, module)


def _refused(where: str, kind: LayerKind, kwargs: Mapping[str, Any], exc: Exception) -> str:
    """"torch refused Linear(…): <torch's reason>", said for translation."""
    return say("{where}torch refused {kind}({args}): {reason}", where=where, kind=kind.name, args=_call_text(kwargs),
               reason=str(exc))


def _call_text(kwargs: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={format_value(v) if isinstance(v, tuple) else repr(v)}" for k, v in kwargs.items())

