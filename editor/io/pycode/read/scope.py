"""The names a reading knows: one :class:`Scope` per module or function call, and the file's ``def``s.

The :class:`~editor.io.pycode.read.evaluator.Reader` binds and looks up names here as it walks the
source; ``Function`` and ``Scope`` are still importable from the evaluator, where they used to live.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Any

from torch import nn

from editor.model.words import say


class Function:
    """A ``def`` of the file: called by evaluating its body with the arguments bound."""

    def __init__(self, node: ast.FunctionDef, scope: Scope, defaults: dict[str, Any]) -> None:
        self.node = node
        self.scope = scope
        self.defaults = defaults

    @property
    def name(self) -> str:
        return self.node.name

    def describe(self) -> str:
        return say("the function {name} (call it: {name}())", name=self.name)


class Scope:
    """Names of one module or one function call; a function looks up free names in its module."""

    def __init__(self, parent: Scope | None = None) -> None:
        self.names: dict[str, Any] = {}
        self.parent = parent

    def lookup(self, name: str) -> tuple[Any, Scope | None]:
        """The value of ``name`` and the scope that holds it (None, None when it is not defined)."""
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name], scope
            scope = scope.parent
        return None, None

    def get(self, name: str) -> Any:
        value, owner = self.lookup(name)
        if owner is None:
            raise KeyError(name)
        return value

    def modules(self, node: ast.AST) -> Iterator[tuple[str, nn.Module]]:
        """The modules that the names loaded in ``node`` hold."""
        seen: set[str] = set()
        for item in ast.walk(node):
            if isinstance(item, ast.Name) and item.id not in seen:
                seen.add(item.id)
                value = self.lookup(item.id)[0]
                if isinstance(value, nn.Module):
                    yield item.id, value
