"""Custom updates of an init function as rule expressions: ``torch.where(torch.abs(w) < 5, 0, w)`` → ``where(...)``.

Part of reading an init function (:mod:`editor.io.pycode.read.init.body`): the update
that follows an ``nn.init`` call (``w.copy_(...)``, ``m.weight.data *= ...``)
is rewritten into the rule expression language of
:mod:`editor.model.init.rules`, where ``w`` is the fresh tensor, torch functions
and tensor methods become the language's functions (``w.abs()`` → ``abs(w)``),
and anything else is refused at its line and column.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from editor.io.pycode.read.init.program import Fill
from editor.io.pycode.read.values import TorchRef
from editor.model.custom.expr import MAX_DEPTH
from editor.model.init.rules import TENSOR_FUNCTIONS

_TORCH_NAMES = {torch_name: name for name, (_, torch_name) in TENSOR_FUNCTIONS.items()}
_METHODS = {name for name in TENSOR_FUNCTIONS if name != "where"}


@dataclass
class StatementScope:
    """What a block of statements knows: tensor variables, fan names, the last fill of each tensor."""

    aliases: dict[str, str | None] = field(default_factory=dict)  # local name -> attribute (None: loop var)
    fans: set[str] = field(default_factory=set)
    last: dict[Any, Fill] = field(default_factory=dict)
    loop_name: str | None = None
    no_grad: bool = False
    part: str | None = None  # inside ``if 'weight' in name:``
    data: set[str] = field(default_factory=set)  # aliases of ``m.weight.data`` (changed in place freely)

    def inner(self, share_last: bool = False) -> StatementScope:
        return StatementScope(dict(self.aliases), set(self.fans), self.last if share_last else {}, self.loop_name,
                      self.no_grad, self.part, set(self.data))


class ExpressionReader:
    """The expression half of :class:`editor.io.pycode.read.init.body.BodyReader`."""

    depth: int
    fail: Any

    # Provided by BodyReader: which tensor a node names, constants, and a lookup that may fail quietly.
    def _tensor(self, node: ast.expr, scope: StatementScope) -> tuple[str | None, Any] | None:
        raise NotImplementedError

    def _constant(self, node: ast.expr) -> Any:
        raise NotImplementedError

    def _maybe(self, node: ast.expr) -> Any:
        raise NotImplementedError

    def expression(self, node: ast.expr, scope: StatementScope, tensor: Any) -> ast.expr:
        """``node`` in the rule expression language (``w`` is the fresh tensor)."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self.fail(node, f"the expression is nested more than {MAX_DEPTH} levels deep",
                                "deep nesting")
            return self._expression(node, scope, tensor)
        finally:
            self.depth -= 1

    def _expression(self, node: ast.expr, scope: StatementScope, tensor: Any) -> ast.expr:
        this = self._tensor(node, scope)
        if this is not None:
            if this[1] != tensor[1]:
                raise self.fail(node, "an update may only use the parameter it updates", "another parameter")
            return ast.Name("w", ast.Load())
        if isinstance(node, ast.Name):
            if node.id in scope.fans:
                return ast.Name(node.id, ast.Load())
            value = self._constant(node)
            return ast.Constant(value)
        if isinstance(node, ast.Constant):
            return ast.Constant(self._constant(node))
        if isinstance(node, ast.BinOp):
            return ast.BinOp(self.expression(node.left, scope, tensor), node.op,
                             self.expression(node.right, scope, tensor))
        if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not):
            return ast.UnaryOp(node.op, self.expression(node.operand, scope, tensor))
        if isinstance(node, ast.Compare) and not any(isinstance(o, (ast.In, ast.NotIn, ast.Is, ast.IsNot))
                                                     for o in node.ops):
            return ast.Compare(self.expression(node.left, scope, tensor), node.ops,
                               [self.expression(c, scope, tensor) for c in node.comparators])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            keywords = {k.arg: k.value for k in node.keywords}
            args = list(node.args)
            name = None
            if func.attr in _METHODS and (self._tensor(func.value, scope) is not None
                                          or not isinstance(self._maybe(func.value), TorchRef)):
                name, args = func.attr, [func.value, *args]
            else:
                ref = self._maybe(func)
                if isinstance(ref, TorchRef):
                    name = _TORCH_NAMES.get(ref.dotted)
            if name is not None and not any(isinstance(a, ast.Starred) for a in args):
                if name == "clamp":
                    if set(keywords) - {"min", "max"}:
                        name = None
                    else:
                        args = args[:1] + [args[1] if len(args) > 1 else keywords.get("min", ast.Constant(None)),
                                           args[2] if len(args) > 2 else keywords.get("max", ast.Constant(None))]
                        keywords = {}
                if name is not None and not keywords:
                    return ast.Call(ast.Name(name, ast.Load()),
                                    [self.expression(a, scope, tensor) for a in args], [])
        shown = ast.unparse(node)[:40]
        raise self.fail(node, f"{shown!r} is not part of the rule expression language: it knows w, numbers, "
                        f"+ - * / ** comparisons and torch.{', torch.'.join(TENSOR_FUNCTIONS)}",
                        "an expression in an init function")
