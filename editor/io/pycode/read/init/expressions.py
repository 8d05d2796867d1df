"""Custom updates of an init function as rule expressions: ``torch.where(torch.abs(w) < 5, 0, w)`` → ``where(...)``.

Part of reading an init function (:mod:`editor.io.pycode.read.init.body`): the update
that follows an ``nn.init`` call (``w.copy_(...)``, ``m.weight.data *= ...``)
is rewritten into the rule expression language of
:mod:`editor.model.init.rules`, where ``w`` is the fresh tensor, torch functions
and tensor methods become the language's functions (``w.abs()`` → ``abs(w)``),
and anything else is refused at its line and column.

Names the function assigns once (:class:`Local`: ``mask = m.weight.data.abs() >= 5``,
``std = 0.01``) are read where they are used: a number as the number, an
expression over the parameter as that expression, provided the parameter still
holds the values it had when the name was assigned.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from typing import Any

from editor.io.pycode.read.init.program import Fill
from editor.io.pycode.read.values import TorchRef
from editor.model.custom.expr import MAX_DEPTH, MAX_SOURCE_LENGTH
from editor.model.init.rules import TENSOR_FUNCTIONS
from editor.model.words import say

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
    locals: dict[str, Local] = field(default_factory=dict)  # names assigned a value (mask = ..., std = 0.01)

    def inner(self, share_last: bool = False) -> StatementScope:
        return StatementScope(dict(self.aliases), set(self.fans), self.last if share_last else {}, self.loop_name,
                              self.no_grad, self.part, set(self.data), dict(self.locals))

    def drawn(self) -> dict[Any, tuple[Fill, str | None]]:
        """What each parameter holds now: the fill that last drew it, and the update applied to it so far."""
        return {key: (fill, fill.expression) for key, fill in self.last.items()}


@dataclass(eq=False)
class Local:
    """A name an init function assigns once (``mask = m.weight.data.abs() >= 5``), read where it is used.

    ``scope`` is what names meant at the assignment; ``drawn`` is what each
    parameter held then (:meth:`StatementScope.drawn`), so that a use after the
    parameter changed is refused rather than read as something else.
    """

    name: str
    node: ast.stmt
    value: ast.expr
    scope: StatementScope
    drawn: dict[Any, tuple[Fill, str | None]]
    constant: tuple[Any] | None = None  # the number it holds, once worked out (names used twice are read once)


class ExpressionReader:
    """The expression half of :class:`editor.io.pycode.read.init.body.BodyReader`."""

    depth: int
    steps: int = 0  # nodes written for the update being read: names inlined twice must not blow it up
    fail: Any
    evaluate: Any  # works out an expression in the function's module scope (raises CodeImportError)
    module: str  # the name of the function's module parameter (m)
    assigned: dict[str, int]  # names the function assigns anywhere, and the line of the first assignment

    # Provided by BodyReader: which tensor a node names, and a lookup that may fail quietly.
    def _tensor(self, node: ast.expr, scope: StatementScope) -> tuple[str | None, Any] | None:
        raise NotImplementedError

    def _maybe(self, node: ast.expr) -> Any:
        raise NotImplementedError

    # ------------------------------------------------------------ constants
    def _constant(self, node: ast.expr, scope: StatementScope | None = None) -> Any:
        """A number, string or None (names the function assigned are read as what they were assigned)."""
        if scope is not None:
            node = self._with_locals(node, scope)
        value = self.evaluate(node)
        if isinstance(value, bool) or not isinstance(value, (int, float, str, type(None))):
            raise self.fail(node, say("an init function's argument must be a number or a string (or a name assigned "
                                      "one earlier)"), "an init argument")
        return value

    def _with_locals(self, node: ast.expr, scope: StatementScope) -> ast.expr:
        """``node`` with the function's own names replaced by the numbers they hold."""
        used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        if not used & set(self.assigned):
            return node
        tree = copy.deepcopy(node)
        if isinstance(tree, ast.Name):
            return self._swap_name(tree, scope)
        for parent in ast.walk(tree):
            for field_name, value in ast.iter_fields(parent):
                if isinstance(value, ast.Name):
                    setattr(parent, field_name, self._swap_name(value, scope))
                elif isinstance(value, list):
                    value[:] = [self._swap_name(v, scope) if isinstance(v, ast.Name) else v for v in value]
        return tree

    def _swap_name(self, name: ast.Name, scope: StatementScope) -> ast.expr:
        local = scope.locals.get(name.id)
        if local is not None:
            return ast.copy_location(ast.Constant(self._local_constant(local)), name)
        if name.id in scope.fans or name.id in scope.aliases:
            what = say("a parameter") if name.id in scope.aliases else say(
                "a size that differs from parameter to parameter")
            raise self.fail(name, say("{name!r} is {what}, not a number: LayerLab reads it in a custom update of "
                                      "the fresh values (w.copy_(...)), not as an init argument",
                                      name=name.id, what=what), "an init argument")
        if name.id in self.assigned:
            raise self.fail(name, say("{name!r} is assigned on line {assigned} of the init function, "
                                      "but not before this line in this block, so running it would fail here or read "
                                      "another value: assign it first, in the same block",
                                      name=name.id,
                                      assigned=self.assigned[name.id]), "a name used before it is assigned")
        return name

    def _local_constant(self, local: Local) -> Any:
        if local.constant is not None:
            return local.constant[0]
        if any(isinstance(n, ast.Name) and (n.id == self.module or n.id in local.scope.aliases)
               for n in ast.walk(local.value)):
            raise self.fail(local.value, say("{local!r} holds values of the module's parameters, not a number: "
                                             "LayerLab reads such a name in an update of the parameter "
                                             "({module}.weight.data *= {local}), and init arguments that are numbers",
                                             local=local.name, module=self.module), "an init argument")
        local.constant = (self._constant(local.value, local.scope),)
        return local.constant[0]

    def _inline(self, node: ast.Name, local: Local, scope: StatementScope, tensor: Any) -> ast.expr:
        """What ``local`` stands for inside an update of ``tensor``: its expression, read as at its assignment."""
        value = self.expression(local.value, local.scope, tensor)
        if any(isinstance(n, ast.Name) and n.id == "w" for n in ast.walk(value)):
            now = scope.last.get(tensor[1])
            if local.drawn.get(tensor[1]) != (None if now is None else (now, now.expression)):
                then = local.drawn.get(tensor[1])
                if now is not None and (then is None or then[0] is not now):
                    message = say("{local!r} was worked out on line {line} from the parameter's values at that "
                                  "point, which are not the values this update changes (drawn by nn.init.{function} "
                                  "on line {drawn}): work it out after the nn.init call whose fresh values it "
                                  "updates, in the same block",
                                  local=local.name, line=local.node.lineno, function=now.function,
                                  drawn=getattr(now.node, "lineno", "?"))
                else:
                    message = say("{local!r} was worked out on line {line} from the parameter's values at that "
                                  "point, which are not the values this update changes: work it out after the "
                                  "nn.init call whose fresh values it updates, in the same block",
                                  local=local.name, line=local.node.lineno)
                raise self.fail(node, message, "a name read after its values changed")
        return value

    def expression(self, node: ast.expr, scope: StatementScope, tensor: Any) -> ast.expr:
        """``node`` in the rule expression language (``w`` is the fresh tensor)."""
        if self.depth == 0:
            self.steps = 0
        self.steps += 1
        if self.steps > MAX_SOURCE_LENGTH:
            raise self.fail(node, say("the update grows beyond {limit} parts once its names are written "
                                      "out, longer than a rule expression may be: write it shorter",
                                      limit=MAX_SOURCE_LENGTH), "a huge expression")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self.fail(node, say("the expression is nested more than {limit} levels deep", limit=MAX_DEPTH),
                                "deep nesting")
            return self._expression(node, scope, tensor)
        finally:
            self.depth -= 1

    def _expression(self, node: ast.expr, scope: StatementScope, tensor: Any) -> ast.expr:
        this = self._tensor(node, scope)
        if this is not None:
            if this[1] != tensor[1]:
                raise self.fail(node, say("an update may only use the parameter it updates"), "another parameter")
            return ast.Name("w", ast.Load())
        if isinstance(node, ast.Name):
            if node.id in scope.fans:
                return ast.Name(node.id, ast.Load())
            local = scope.locals.get(node.id)
            if local is not None:
                return self._inline(node, local, scope, tensor)
            return ast.Constant(self._constant(node, scope))
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
        raise self.fail(node, say("{shown!r} is not part of the rule expression language: it knows w, numbers, "
                                  "+ - * / ** comparisons and torch.{names}",
                                  shown=shown, names=', torch.'.join(TENSOR_FUNCTIONS)),
                        "an expression in an init function")
