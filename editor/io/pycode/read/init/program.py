"""An init function read as data: the steps of ``def init_fn(m): ...`` that fill parameters.

:mod:`editor.io.pycode.read.init.body` builds these from the syntax tree;
:mod:`editor.io.pycode.read.init.run` follows them over real modules, as
``module.apply(fn)`` would, without running any of the source.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

from torch import nn

from editor.model.init.rules import InitRule, make_rule


@dataclass(eq=False)
class Fill:
    """``nn.init.<function>(target, ...)``, then optionally ``w = <expression>``."""

    node: ast.AST
    target: str | None  # the parameter's attribute name (m.weight), or None for the loop's variable
    function: str
    args: dict[str, Any]
    gain_from: tuple[str, float | None] | None
    expression: str | None = None
    uses_fans: bool = False
    natural: str = "all"  # the rule's parameters this fill reads as (m.bias: "bias"; the loop unfiltered: "all")

    def rule(self, **where: Any) -> InitRule:
        """The checked rule doing this fill (``where``: parameters, kind, layers)."""
        return make_rule(self.function, expression=self.expression, gain_from=self.gain_from, **where,
                         **self.args)


@dataclass(eq=False)
class IfType:
    """``if type(m) is X`` (``exact``) or ``if isinstance(m, X)``; ``classes`` may hold several."""

    node: ast.AST
    classes: tuple[type, ...]
    exact: bool
    body: list[Any]

    def holds(self, module: nn.Module) -> bool:
        return type(module) in self.classes if self.exact else isinstance(module, self.classes)


@dataclass(eq=False)
class IfNotNone:
    """``if m.bias is not None:``."""

    node: ast.AST
    name: str
    body: list[Any]


@dataclass(eq=False)
class Loop:
    """``for name, w in m.named_parameters(recurse=False):``."""

    node: ast.AST
    body: list[Any]


@dataclass(eq=False)
class IfName:
    """``if 'weight' in name:`` inside a :class:`Loop`."""

    node: ast.AST
    part: str
    body: list[Any]


@dataclass
class Program:
    """An init function read as data."""

    name: str
    node: ast.FunctionDef
    body: list[Any]
    hint: str | None = None  # the parameters its docstring names (exported code), preferred when exact

    def fills(self) -> list[tuple[Fill, tuple[IfType, ...]]]:
        """Every fill in source order, with the type checks around it."""
        out: list[tuple[Fill, tuple[IfType, ...]]] = []

        def walk(body: list[Any], conds: tuple[IfType, ...]) -> None:
            for item in body:
                if isinstance(item, Fill):
                    out.append((item, conds))
                else:
                    walk(item.body, (*conds, item) if isinstance(item, IfType) else conds)

        walk(self.body, ())
        return out
