"""Live modules for custom definitions: one ``nn.Module`` subclass generated per definition.

``make_layer_class(definition)`` and ``make_block_class(definition, builders)``
return ``type(name, (CustomLayer,), ...)`` (never ``exec``/``eval``), so an
instance prints as ``MyLinear()`` or ``Net((hidden): Linear(...), ...)``,
exactly as the hand-written class would. The constructor takes the
hyperparameters positionally or by name (``MyLinear(20, 10)``), keeps them as
attributes, and creates the parameters in the order declared:
``nn.Parameter(torch.randn(in_units, units))`` draws the same numbers as the
textbook's ``__init__``. A block creates its children in order the same way
(a numbered child ``"0"`` as ``self._modules[str(idx)] = module`` adds it).
A parameter declared ``registered=False`` is a plain tensor attribute, as
``self.weight = torch.randn(...)`` makes it: it is not in ``parameters()``
or ``state_dict()`` and does not move with ``.to()``.
``forward`` evaluates the definition's expression with the safe evaluator.
"""

from __future__ import annotations

import contextvars
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

import torch
from torch import nn

from editor.model.custom.blocks import is_index
from editor.model.custom.definitions import (
    BlockDefinition,
    Definition,
    LayerDefinition,
    ParameterSpec,
    check_size_expression,
)
from editor.model.custom.expr import ExpressionError
from editor.model.custom.functions import compile_forward
from editor.model.custom.language import INPUT
from editor.model.errors import ValidationError
from editor.model.words import message_of, say

MAX_SIZE = 2**31 - 1
"""The largest size of one dimension of a custom parameter."""

ChildBuilder = Callable[[Mapping[str, Any]], nn.Module]
_CURRENT: contextvars.ContextVar[nn.Module] = contextvars.ContextVar("layerlab_custom_block")


def bind(definition: Definition, args: Sequence[Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The hyperparameter values of a call ``Name(*args, **kwargs)``, defaults filling the rest (like Python)."""
    names = definition.hyperparameter_names
    if len(args) > len(names):
        raise TypeError(say("{definition}() takes {want} hyperparameters but {got} were given",
                            definition=definition.name, want=len(names), got=len(args)))
    values = dict(definition.hyperparameters)
    values.update(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key not in values:
            raise TypeError(say("{definition}() got an unexpected keyword argument {key!r}",
                                definition=definition.name, key=key))
        if key in names[:len(args)]:
            raise TypeError(say("{definition}() got multiple values for argument {key!r}",
                                definition=definition.name, key=key))
        values[key] = value
    return values


def parameter_shapes(definition: LayerDefinition, values: Mapping[str, Any]) -> list[tuple[int, ...]]:
    """The shape of each declared parameter for these hyperparameter values; :class:`ValidationError` if invalid."""
    names = frozenset(definition.hyperparameter_names)
    shapes = []
    for spec in definition.parameters:
        shape = []
        for entry in spec.shape:
            try:
                size = check_size_expression(entry, names)(values)
            except ExpressionError as exc:
                raise ValidationError(say("{definition}: the shape of {spec} could not be worked out: {reason}",
                                          definition=definition.name, spec=spec.name, reason=message_of(exc)),
                                      field=spec.name) from None
            if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= MAX_SIZE:
                used = ", ".join(f"{n}={values[n]!r}" for n in definition.hyperparameter_names if n in entry)
                text = say("{definition}: the shape of {spec} needs whole numbers ≥ 0, but {entry} is {size!r} "
                           "(with {used}). Change the hyperparameters.", definition=definition.name, spec=spec.name,
                           entry=entry, size=size, used=used) if used else \
                    say("{definition}: the shape of {spec} needs whole numbers ≥ 0, but {entry} is {size!r}. "
                        "Change the hyperparameters.", definition=definition.name, spec=spec.name, entry=entry,
                        size=size)
                raise ValidationError(text,
                    field=next((n for n in definition.hyperparameter_names if n in entry), spec.name))
            shape.append(size)
        shapes.append(tuple(shape))
    return shapes


def count_elements(definition: LayerDefinition, values: Mapping[str, Any], registered_only: bool) -> int:
    """How many values the layer's tensors hold (only ``nn.Parameter`` ones with ``registered_only``)."""
    return sum(math.prod(shape) for spec, shape in zip(definition.parameters, parameter_shapes(definition, values),
                                                       strict=True) if spec.registered or not registered_only)


def initial_tensor(spec: ParameterSpec, shape: tuple[int, ...]) -> torch.Tensor:
    """A new tensor of ``shape`` with ``spec``'s initial values, from torch's global generator as a script does."""
    name, args = spec.init_function
    if name in ("randn", "rand", "zeros", "ones", "empty"):
        return {"randn": torch.randn, "rand": torch.rand, "zeros": torch.zeros, "ones": torch.ones,
                "empty": torch.empty}[name](shape)
    tensor = torch.empty(shape)
    if tensor.is_meta:
        return tensor  # a meta copy (shape inference, opening a file): there are no values to fill
    try:
        getattr(nn.init, name)(tensor, **args)  # name is one of language.INIT_FUNCTIONS (checked by parse_init)
    except (ValueError, RuntimeError, TypeError) as exc:
        raise ValidationError(say("nn.init.{name} cannot fill {spec} of shape {shape}: {reason}", name=name,
                                  spec=spec.name, shape=shape, reason=str(exc).splitlines()[0][:160]),
                              field=spec.name) from None
    return tensor


class CustomLayer(nn.Module):
    """The base of every generated custom-layer class (``definition`` is set on each subclass)."""

    definition: ClassVar[LayerDefinition]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        definition = type(self).definition
        values = bind(definition, args, kwargs)
        for name, value in values.items():
            setattr(self, name, value)
        for spec, shape in zip(definition.parameters, parameter_shapes(definition, values), strict=True):
            tensor = initial_tensor(spec, shape)
            setattr(self, spec.name, nn.Parameter(tensor) if spec.registered else tensor)

    def forward(self, x: torch.Tensor) -> Any:
        definition = type(self).definition
        env = {name: getattr(self, name) for name in definition.hyperparameter_names}
        env.update((spec.name, getattr(self, spec.name)) for spec in definition.parameters)
        env[INPUT] = x
        return _layer_forward(definition)(env)


class CustomBlock(nn.Module):
    """The base of every generated composite-block class (``definition`` and ``builders`` set on each subclass)."""

    definition: ClassVar[BlockDefinition]
    builders: ClassVar[tuple[ChildBuilder, ...]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        definition = type(self).definition
        values = bind(definition, args, kwargs)
        for name, value in values.items():
            setattr(self, name, value)
        for child, build in zip(definition.children, type(self).builders, strict=True):
            setattr(self, child.name, build(values))

    def forward(self, x: Any) -> Any:
        definition = type(self).definition
        if definition.forward is None:
            for module in self.children():
                x = module(x)
            return x
        env = {name: getattr(self, name) for name in definition.hyperparameter_names}
        env[INPUT] = x
        token = _CURRENT.set(self)
        try:
            return _block_forward(definition)(env)
        finally:
            _CURRENT.reset(token)


@functools.cache
def _child_caller(name: str) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        return getattr(_CURRENT.get(), name)(*args)  # the child of the block whose forward is running
    call.__name__ = name
    return call


def _layer_forward(definition: LayerDefinition) -> Callable[[dict[str, Any]], Any]:
    names = frozenset({INPUT, *definition.hyperparameter_names, *(s.name for s in definition.parameters)})
    return compile_forward(definition.forward, names)


def _block_forward(definition: BlockDefinition) -> Callable[[dict[str, Any]], Any]:
    names = frozenset({INPUT, *definition.hyperparameter_names})
    children = tuple((c.name, _child_caller(c.name)) for c in definition.children if not is_index(c.name))
    return compile_forward(definition.forward or INPUT, names, children)


def _class(definition: Definition, base: type, extra: dict[str, Any]) -> type[nn.Module]:
    namespace = {"definition": definition, "__module__": "layerlab.custom", "__qualname__": definition.name,
                 "__doc__": definition.description or f"The custom {definition.name} of a LayerLab project.", **extra}
    return type(definition.name, (base,), namespace)


def make_layer_class(definition: LayerDefinition) -> type[CustomLayer]:
    """A new ``nn.Module`` subclass named after ``definition`` (its forward checked now, compiled once)."""
    _layer_forward(definition)
    return _class(definition, CustomLayer, {})  # type: ignore[return-value]


def make_block_class(definition: BlockDefinition, builders: Sequence[ChildBuilder]) -> type[CustomBlock]:
    """A new ``nn.Module`` subclass for a composite; ``builders`` make each child from the block's values."""
    if definition.forward is not None:
        _block_forward(definition)
    return _class(definition, CustomBlock, {"builders": tuple(builders)})  # type: ignore[return-value]


def plain_tensors(module: nn.Module) -> dict[str, torch.Tensor]:
    """The plain tensor attributes (``registered=False``) of the custom layers in ``module``, by qualified name.

    ``parameters()`` and ``state_dict()`` do not see these; this is how LayerLab still lists and saves them.
    """
    found: dict[str, torch.Tensor] = {}
    for prefix, sub in module.named_modules():
        if isinstance(sub, CustomLayer):
            for spec in type(sub).definition.parameters:
                if not spec.registered:
                    found[f"{prefix}.{spec.name}" if prefix else spec.name] = getattr(sub, spec.name)
    return found


def set_plain_tensor(module: nn.Module, name: str, tensor: torch.Tensor) -> None:
    """Give the plain tensor attribute ``name`` (a key of :func:`plain_tensors`) of ``module`` a new tensor."""
    owner_path, _, local = name.rpartition(".")
    owner = module.get_submodule(owner_path) if owner_path else module
    if not isinstance(owner, CustomLayer) or local not in {s.name for s in type(owner).definition.parameters
                                                           if not s.registered}:
        raise KeyError(name)
    setattr(owner, local, tensor)


def copy_fitting_values(source: nn.Module, target: nn.Module) -> list[str]:
    """Copy every tensor of ``source`` into ``target`` where the name, shape and dtype still fit; returns those names.

    Parameters and buffers go through ``load_state_dict``; plain tensor attributes are copied as well.
    """
    mine = target.state_dict()
    fitting = {k: v for k, v in source.state_dict().items()
               if k in mine and mine[k].shape == v.shape and mine[k].dtype == v.dtype}
    target.load_state_dict(fitting, strict=False)
    theirs = plain_tensors(target)
    for key, value in plain_tensors(source).items():
        if key in theirs and theirs[key].shape == value.shape and theirs[key].dtype == value.dtype:
            set_plain_tensor(target, key, value.detach().clone())
            fitting[key] = value
    return list(fitting)


__all__ = ["CustomBlock", "CustomLayer", "bind", "copy_fitting_values", "count_elements", "initial_tensor",
           "make_block_class", "make_layer_class", "parameter_shapes", "plain_tensors", "set_plain_tensor"]
