"""What reading a class needs from the code reader: making errors, working out constants, looking names up.

The class readers (:mod:`~editor.io.pycode.read.classes.analyze` and the
modules it uses) never see the code reader itself, only this small
:class:`ClassContext`, so they stay plain functions of a syntax tree.
:func:`resolve` names what a called expression refers to (``nn.Linear``,
``torch.randn``, a class of the file) without evaluating any call.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from editor.io.errors import CodeImportError
from editor.io.pycode.read.values import ClassRef, Poison, TorchRef, position
from editor.model.words import say

MAX_CLASS_DEPTH = 16
"""Classes built inside classes, at most this deep (a class that builds itself is refused at once)."""

MODULE_BASES = frozenset({"torch.nn.Module", "torch.nn.modules.module.Module"})
PARAMETER = frozenset({"torch.nn.Parameter", "torch.nn.parameter.Parameter"})
FILLS = {"torch.randn": "randn", "torch.rand": "rand", "torch.zeros": "zeros", "torch.ones": "ones",
         "torch.empty": "empty"}
SUPPORTED = ("LayerLab reads nn.Module classes whose __init__ assigns submodules (self.hidden = nn.Linear(...)), "
             "parameters (self.weight = nn.Parameter(torch.randn(...))) and numbers, and whose forward returns "
             "one expression over its input")


@dataclass
class ClassContext:
    """The code reader's services for reading a class.

    ``fail(node, message, construct)`` makes a positioned error;
    ``evaluate(node)`` works out a constant expression in the module's scope
    (numbers, names assigned earlier, ``math.sqrt(5)``); ``lookup(name)`` is
    the module-level value of a name (None when there is none).
    """

    fail: Callable[[ast.AST, str, str], CodeImportError]
    evaluate: Callable[[ast.expr], Any]
    lookup: Callable[[str], Any]
    lines: list[str]
    active: tuple[str, ...] = ()  # the classes being read, outermost first (to refuse a class that builds itself)

    def inner(self, name: str) -> ClassContext:
        return ClassContext(self.fail, self.evaluate, self.lookup, self.lines, (*self.active, name))

    def where(self, node: ast.AST) -> tuple[int, int]:
        """Line and 1-based column of ``node`` (0 when it has none)."""
        line, column = position(node, self.lines)
        return line or 0, column or 0


def resolve(node: ast.expr, context: ClassContext, local: frozenset[str] = frozenset()) -> Any:
    """What a dotted name refers to: a :class:`TorchRef`, a :class:`ClassRef` of the file, or None.

    Only names and attributes are followed (``nn.init.normal_``, ``F.relu``),
    never calls; a name in ``local`` (the method's own) refers to nothing here.
    """
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id in local:
        return None
    base = context.lookup(node.id)
    if isinstance(base, Poison):
        raise base.error
    if isinstance(base, TorchRef):
        return TorchRef((*base.path, *parts))
    if isinstance(base, ClassRef) and not parts:
        return base
    return None


def signature(ref: ClassRef, context: ClassContext) -> inspect.Signature:
    """The signature of ``ref``'s ``__init__`` without ``self`` (defaults as worked out where it is defined)."""
    init = find_method(ref.node, "__init__")
    if init is None:
        return inspect.Signature([])
    args = init.args
    params: list[inspect.Parameter] = []
    positional = [*args.posonlyargs, *args.args][1:]
    for i, arg in enumerate(positional):
        kind = inspect.Parameter.POSITIONAL_ONLY if i < len(args.posonlyargs) - 1 else \
            inspect.Parameter.POSITIONAL_OR_KEYWORD
        params.append(inspect.Parameter(arg.arg, kind, default=ref.defaults.get(arg.arg, inspect.Parameter.empty)))
    if args.vararg is not None:
        params.append(inspect.Parameter(args.vararg.arg, inspect.Parameter.VAR_POSITIONAL))
    for arg in args.kwonlyargs:
        params.append(inspect.Parameter(arg.arg, inspect.Parameter.KEYWORD_ONLY,
                                        default=ref.defaults.get(arg.arg, inspect.Parameter.empty)))
    if args.kwarg is not None:
        raise context.fail(args.kwarg, say("{ref}.__init__ takes **{arg}, which LayerLab does not "
                                           "read: name each constructor argument",
                                           ref=ref.name, arg=args.kwarg.arg), "star-args in a def")
    return inspect.Signature(params)


def find_method(node: ast.ClassDef, name: str) -> ast.FunctionDef | None:
    """The ``def name`` of a class body (the last one, as Python keeps it)."""
    found = None
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == name:
            found = stmt
    return found
