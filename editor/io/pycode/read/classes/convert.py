"""A class read as data (:class:`~editor.io.pycode.read.classes.ir.ClassIR`) as a custom-layer definition.

A class without submodules becomes a :class:`~editor.model.custom.definitions.LayerDefinition`
(its forward expression, its parameters with their shapes and initial values);
one with submodules a :class:`~editor.model.custom.definitions.BlockDefinition`
(its children with their arguments, an ``nn.Sequential`` of them as a
Sequential child, and a forward unless it only applies the children in
order). A constructor argument without a default takes the value of the
first call the model makes (``Net(784, 256, 8)``): a definition's
hyperparameters always have a value a new instance starts with. The class's
docstring is the definition's description.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from editor.io.errors import CodeImportError
from editor.io.pycode.read.classes.ir import REQUIRED, ChildIR, ClassIR, ParameterIR
from editor.model.custom.blocks import SEQUENTIAL
from editor.model.custom.definitions import (
    BlockDefinition,
    ChildSpec,
    Definition,
    DefinitionError,
    LayerDefinition,
    ParameterSpec,
    check_value,
)
from editor.model.errors import ValidationError
from editor.model.words import message_of, say


def hyperparameter_values(ir: ClassIR, values: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The definition's (name, default) pairs: the class's defaults, else the values of this call."""
    return tuple((h.name, values[h.name] if h.default is REQUIRED else h.default) for h in ir.hyperparameters)


def check_values(ir: ClassIR, values: Mapping[str, Any]) -> str | None:
    """Why these constructor values cannot be a definition's hyperparameters (None when they can)."""
    for name, value in [*values.items(), *((h.name, h.default) for h in ir.hyperparameters
                                           if h.default is not REQUIRED and h.name not in values)]:
        try:
            check_value(name, value)
        except ValidationError as exc:
            return (f"{ir.name}'s constructor argument {exc} LayerLab keeps a class's constructor arguments as "
                    f"hyperparameters, which are whole numbers, numbers or True/False")
    return None


def _init_text(parameter: ParameterIR) -> str:
    if parameter.init is None:
        return parameter.fill
    arguments = []
    for name, text in parameter.init.arguments:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            value = None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise CodeImportError(say("the argument {name}={text} of nn.init.{function} depends on the "
                                      "constructor's arguments; LayerLab keeps an initial value's arguments as plain "
                                      "numbers: write the number",
                                      name=name, text=text, function=parameter.init.function), line=parameter.init.line,
                                  column=parameter.init.column, construct=f"a call of nn.init."
                                                                          f"{parameter.init.function}")
        arguments.append(f"{name}={value!r}")
    return f"{parameter.init.function}({', '.join(arguments)})"


def definition_of(ir: ClassIR, values: Mapping[str, Any]) -> Definition:
    """``ir`` as a definition, with the values of a call for arguments without defaults.

    Raises :class:`CodeImportError` at the class when LayerLab's definitions
    cannot hold something the class does (the message says what).
    """
    hyper = hyperparameter_values(ir, values)
    try:
        if ir.is_layer:
            specs = tuple(ParameterSpec(p.name, p.shape, _init_text(p), p.registered) for p in ir.parameters)
            return LayerDefinition(ir.name, ir.forward or "x", hyper, specs, description=ir.description)
        children = tuple(child_spec(c) for c in ir.children)
        return BlockDefinition(ir.name, hyper, children, None if ir.in_order else ir.forward,
                               description=ir.description)
    except DefinitionError as exc:
        raise CodeImportError(say("{class_name} cannot become a LayerLab definition: {reason}",
                                  class_name=ir.name, reason=message_of(exc)), line=ir.line,
                              column=ir.column, construct="a class definition") from None


def child_spec(child: ChildIR) -> ChildSpec:
    """A submodule read from ``__init__`` as a block's child (a Sequential's entries with it)."""
    entries = tuple(child_spec(c) for c in child.items) if child.kind == SEQUENTIAL else ()
    return ChildSpec(child.name, child.kind, child.arguments, entries)


def same_but_defaults(first: Definition, second: Definition) -> bool:
    """Whether two readings of a class define the same thing (calls may give different values)."""
    return type(first) is type(second) and first.name == second.name and \
        first.hyperparameter_names == second.hyperparameter_names and \
        _without_defaults(first) == _without_defaults(second)


def _without_defaults(definition: Definition) -> tuple[Any, ...]:
    if isinstance(definition, LayerDefinition):
        return definition.forward, definition.parameters
    return definition.children, definition.forward
