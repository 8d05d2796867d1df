"""The checks every custom definition is made of: names, hyperparameter values, expressions, initial values.

:mod:`editor.model.custom.definitions` (layers) and :mod:`editor.model.custom.blocks`
(composites) build on these; they raise :class:`DefinitionError`, a sentence
naming the part and the fix. Expressions are compiled by the safe language of
:mod:`editor.model.custom.expr` against the vocabulary of
:mod:`editor.model.custom.language` (stand-ins that are never called), so a
definition is checked when it is made and never ``eval``-ed.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping
from typing import Any

from editor.model.custom.expr import Expression, ExpressionError, compile_expression
from editor.model.custom.language import (
    ATTRIBUTES,
    CREATION_INITS,
    FUNCTIONS,
    INIT_FUNCTIONS,
    KEYWORDS,
    METHODS,
    MODULE_ATTRIBUTES,
    NAMESPACES,
    RESERVED,
    name_problem,
    noun,
)
from editor.model.errors import ValidationError
from editor.model.words import message_of, say

MAX_DEFINITIONS = 500
"""The most definitions one project (or one file) holds."""
MAX_HYPERPARAMETERS = 32
MAX_PARAMETERS = 32
MAX_CHILDREN = 256
MAX_DIMS = 8
MAX_DESCRIPTION = 2000
MAX_INIT_TEXT = 200
MAX_FORWARD_TEXT = 1 << 20
"""Only a sanity bound: the expression language itself refuses, with a position, anything over its own limit."""
MAX_VALUE = 2**53
"""Hyperparameter values are at most this large in magnitude (beyond it a float cannot tell integers apart)."""

HyperValue = int | float | bool


class DefinitionError(ValidationError):
    """A custom definition that is malformed: the message names the part and how to fix it.

    For a bad expression, ``line`` and ``column`` say where in it (None otherwise).
    """

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message, field=field)
        self.line = line
        self.column = column


def _unavailable(*_: Any, **__: Any) -> Any:  # pragma: no cover - only compiled against, never called
    raise RuntimeError(say("a definition's expressions are only checked here, not run"))


_CHECK_FUNCTIONS = {name: _unavailable for name in FUNCTIONS}
_CHECK_METHODS = {name: _unavailable for name in METHODS}
_CHECK_ATTRIBUTES = {name: _unavailable for name in ATTRIBUTES}


def check_forward(source: str, names: frozenset[str], callables: frozenset[str] = frozenset()) -> Expression:
    """``source`` checked as a forward expression over ``names`` (``x`` included), calling the vocabulary and
    ``callables`` (a block's children); returns the compiled expression (for its ``names`` and ``calls``)."""
    functions = {**_CHECK_FUNCTIONS, **{name: _unavailable for name in callables}}
    return compile_expression(source, functions, names, methods=_CHECK_METHODS, attributes=_CHECK_ATTRIBUTES,
                              namespaces=NAMESPACES, keywords=KEYWORDS)


def check_size_expression(source: str, names: frozenset[str]) -> Expression:
    """``source`` checked as arithmetic over hyperparameter ``names`` (a shape entry, a child's argument)."""
    return compile_expression(source, {"min": min, "max": max, "abs": abs, "int": int}, names)


def parse_init(text: str) -> tuple[str, dict[str, Any]]:
    """``"normal_(std=0.01)"`` as ``("normal_", {"std": 0.01})``; raises :class:`DefinitionError`."""
    if not isinstance(text, str) or not text.strip():
        raise DefinitionError(say("an initial value must be text such as 'randn' or 'normal_(std=0.01)'"), field="init")
    if len(text) > MAX_INIT_TEXT:
        raise DefinitionError(say("the initial value is longer than {limit} characters",
                                  limit=MAX_INIT_TEXT), field="init")
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        raise DefinitionError(say("{text!r} is not an initial value; write e.g. 'randn' or 'normal_(std=0.01)'",
                                  text=text),
                              field="init") from None
    call = node if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else None
    if call is not None:
        node = call.func
    if not isinstance(node, ast.Name):
        raise DefinitionError(say("{text!r} is not an initial value; write e.g. 'randn' or 'normal_(std=0.01)'",
                                  text=text),
                              field="init")
    name = node.id
    if name not in CREATION_INITS and name not in INIT_FUNCTIONS:
        raise DefinitionError(say("unknown initial value {name!r}: use one of {creations} or a torch.nn.init function "
                                  "({functions})", name=name, creations=", ".join(CREATION_INITS),
                                  functions=", ".join(INIT_FUNCTIONS)), field="init")
    if name in CREATION_INITS:
        if call is not None:
            raise DefinitionError(say("{name} takes no arguments (its shape is the parameter's)", name=name),
                                  field="init")
        return name, {}
    args: dict[str, Any] = {}
    if call is not None:
        if call.args:
            raise DefinitionError(say("{text!r}: give the arguments by name, e.g. normal_(std=0.01)", text=text),
                                  field="init")
        for kw in call.keywords:
            args[str(kw.arg)] = _literal(kw.value, text)
    allowed = INIT_FUNCTIONS[name]
    for arg in args:
        if arg not in allowed:
            known = ", ".join(allowed) or "no arguments"
            raise DefinitionError(say("nn.init.{name} has no argument {arg!r} (it takes {known})", name=name,
                                      arg=arg, known=known), field="init")
    return name, args


def _literal(node: ast.AST, text: str) -> Any:
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and \
            not isinstance(node.value, bool) and math.isfinite(node.value) and abs(node.value) <= MAX_VALUE:
        return sign * node.value
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and sign == 1 and len(node.value) <= 40:
        return node.value
    raise DefinitionError(say("{text!r}: an argument must be a number or a short text", text=text), field="init")


def checked_name(name: Any, what: str, field: str = "name") -> str:
    problem = name_problem(name, what)
    if problem is not None:
        raise DefinitionError(say("{problem}.", problem=problem), field=field)
    return name


def member_name(name: Any, what: str, taken: set[str], field: str) -> str:
    checked_name(name, what, field)
    if name in RESERVED or name in MODULE_ATTRIBUTES:
        raise DefinitionError(say("a {what} cannot be called {name!r}: every nn.Module (or the generated code) "
                                  "already uses that name. Choose another.", what=noun(what), name=name), field=field)
    if name in FUNCTIONS:
        raise DefinitionError(say("a {what} cannot be called {name!r}: that is a function forward expressions "
                                  "call. Choose another.", what=noun(what), name=name), field=field)
    if name in taken:
        raise DefinitionError(say("the name {name!r} is used twice in this definition: each hyperparameter, "
                                  "parameter and child needs its own.", name=name), field=field)
    taken.add(name)
    return name


def checked_hyperparameters(value: Any, taken: set[str]) -> tuple[tuple[str, HyperValue], ...]:
    items = list(value.items()) if isinstance(value, Mapping) else value
    if not isinstance(items, (list, tuple)):
        raise DefinitionError(say("hyperparameters must be a list of (name, default value) pairs."),
                              field="hyperparameters")
    if len(items) > MAX_HYPERPARAMETERS:
        raise DefinitionError(say("a definition has at most {limit} hyperparameters.",
                                  limit=MAX_HYPERPARAMETERS),
                              field="hyperparameters")
    out = []
    for item in items:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise DefinitionError(say("each hyperparameter is a (name, default value) pair."), field="hyperparameters")
        name, default = item
        member_name(name, "hyperparameter", taken, "hyperparameters")
        out.append((name, check_value(name, default)))
    return tuple(out)


def check_value(name: str, value: Any) -> HyperValue:
    """A hyperparameter value checked: an int, float or bool of sensible size; raises :class:`DefinitionError`."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_VALUE:
            raise DefinitionError(say("{name} = {value} is too large (at most {limit:,}).", name=name,
                                      value=value, limit=MAX_VALUE), field=name)
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_VALUE:
            raise DefinitionError(say("{name} = {value} must be a finite number of sensible size.", name=name,
                                      value=value), field=name)
        return value
    raise DefinitionError(say("{name} must be an integer, a number or True/False, not {type}.", name=name,
                              type=type(value).__name__),
                          field=name)


def checked_text(value: Any, field: str, limit: int) -> str:
    if not isinstance(value, str):
        raise DefinitionError(say("{field} must be text, not {type}.", field=field, type=type(value).__name__),
                              field=field)
    if len(value) > limit:
        raise DefinitionError(say("{field} is longer than {limit} characters.", field=field, limit=limit), field=field)
    return value


def expression_error(where: str, exc: ExpressionError, field: str) -> DefinitionError:
    return DefinitionError(say("{where}: {problem}", where=where, problem=message_of(exc)), field=field,
                           line=exc.line, column=exc.column)


def freeze(instance: object, name: str, value: Any) -> None:
    object.__setattr__(instance, name, value)



__all__ = ["MAX_CHILDREN", "MAX_DEFINITIONS", "MAX_DESCRIPTION", "MAX_DIMS", "MAX_FORWARD_TEXT",
           "MAX_HYPERPARAMETERS", "MAX_INIT_TEXT", "MAX_PARAMETERS", "MAX_VALUE", "DefinitionError", "HyperValue",
           "check_forward", "check_size_expression", "check_value", "checked_hyperparameters", "checked_name",
           "checked_text", "expression_error", "freeze", "member_name", "parse_init"]
