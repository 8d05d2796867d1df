"""Reading a class's ``forward``: the one expression it returns, over its input, its parameters and submodules.

The statements of ``forward`` are followed in order without running them:
``X = self.hidden(X)`` and ``h = F.relu(X @ self.weight)`` give a name a new
expression, a loop ``for block in self._modules.values(): X = block(X)``
(or over ``self.children()``) applies every submodule in turn, and ``return``
ends it. The names are then written out where they are used, so the result is
one expression: ``out(relu(hidden(x)))``. Anything else (``if``, ``while``,
``print``) is refused at its line and column.
"""

from __future__ import annotations

import ast

from editor.io.pycode.read.classes.context import ClassContext
from editor.io.pycode.read.classes.translate import Names, Translator, self_attribute
from editor.io.pycode.read.constructs import statement_construct
from editor.model.words import say

ALL_CHILDREN = "\0children"
"""Stands, in a forward read from a class taking ``*args``, for "every submodule in turn" (no name can be it)."""

MAX_STATEMENTS = 200
"""Statements of one forward LayerLab reads (far more than any textbook layer has)."""

_SUPPORTED_FORWARD = ("LayerLab reads a forward made of assignments (X = self.hidden(X)), a loop "
                      "for block in self._modules.values(): X = block(X), and one return")


class ForwardReader:
    """Reads one ``forward`` into a syntax tree of the safe language (see the module's docstring)."""

    def __init__(self, class_name: str, forward: ast.FunctionDef, context: ClassContext, names: Names,
                 children: list[str], varargs: bool) -> None:
        self.class_name = class_name
        self.forward = forward
        self.context = context
        self.names = names
        self.children = children
        self.varargs = varargs
        self.translator: Translator | None = None

    @property
    def notes(self) -> list[str]:
        """What a learner should know about how forward was read (after :meth:`read`)."""
        return self.translator.notes if self.translator is not None else []

    def fail(self, node: ast.AST, message: str, construct: str) -> Exception:
        return self.context.fail(node, message, construct)

    def read(self) -> ast.expr:
        """What ``forward`` returns, as a tree over ``x``."""
        args = self.forward.args
        positional = [*args.posonlyargs, *args.args]
        if self.forward.decorator_list:
            raise self.fail(self.forward.decorator_list[0], say("decorators on forward are not read by LayerLab: "
                                                                "remove it"), "a decorator")
        if len(positional) != 2 or args.vararg or args.kwarg or args.kwonlyargs or args.defaults:
            raise self.fail(self.forward, say("{class_name}.forward must take self and one input, e.g. "
                                              "def forward(self, X); LayerLab reads layers with one input",
                                              class_name=self.class_name), "a def")
        if len(self.forward.body) > MAX_STATEMENTS:
            raise self.fail(self.forward.body[MAX_STATEMENTS], say("forward has more than {limit} "
                                                                   "statements, more than LayerLab reads",
                                                                   limit=MAX_STATEMENTS), "a long forward")
        self.names.self_name = positional[0].arg
        self.names.values[positional[1].arg] = ast.Name("x", ast.Load())
        translator = self.translator = Translator(self.context.fail, self.context.evaluate, self.context.lookup,
                                                  self.names)
        body = self.forward.body
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.Return):
                if stmt.value is None:
                    raise self.fail(stmt, say("forward returns nothing: return the output tensor"),
                                    "a return statement")
                if i != len(body) - 1:
                    raise self.fail(body[i + 1], say("this comes after forward's return and never runs: remove it"),
                                    statement_construct(body[i + 1]))
                return translator.tensor(stmt.value)
            self.statement(stmt, translator)
        raise self.fail(self.forward, say("{class_name}.forward does not end with a return: return the output "
                                          "tensor", class_name=self.class_name), "a def")

    def statement(self, stmt: ast.stmt, translator: Translator) -> None:
        if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                                          and isinstance(stmt.value.value, str)):
            return
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Name) \
                and stmt.value.func.id == "print" and "print" not in self.names.values:
            translator.notes.append(say("Line {line}: print(...) in {class_name}.forward is skipped: it shows "
                                        "something while the model runs and changes nothing it computes.",
                                        line=stmt.lineno, class_name=self.class_name))
            return
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if len(targets) == 1 and isinstance(targets[0], ast.Name) and stmt.value is not None:
                name = targets[0].id
                if name == self.names.self_name:
                    raise self.fail(targets[0], say("forward assigns {name}, the module itself; use another name",
                                                    name=name),
                                    "an assignment")
                value = translator.tensor(stmt.value)
                if isinstance(stmt, ast.AugAssign):
                    value = ast.BinOp(translator.tensor(ast.Name(name, ast.Load(), lineno=stmt.lineno,
                                                                 col_offset=stmt.col_offset)), stmt.op, value)
                self.names.values[name] = value
                return
        if isinstance(stmt, ast.For):
            self._loop(stmt)
            return
        construct = statement_construct(stmt)
        raise self.fail(stmt, say("{construct} in {class_name}.forward is not something LayerLab reads. "
                                  "{supported}, so that forward is one expression over its input.",
                                  construct=construct, class_name=self.class_name,
                                  supported=_SUPPORTED_FORWARD), construct)

    def _loop(self, loop: ast.For) -> None:
        """``for block in self._modules.values(): X = block(X)`` or ``for m in self.children(): X = m(X)``."""
        it = loop.iter
        over_children = isinstance(it, ast.Call) and not it.args and not it.keywords and isinstance(
            it.func, ast.Attribute) and (
            (it.func.attr == "values" and self_attribute(it.func.value, self.names) == "_modules")
            or self_attribute(it.func, self.names) == "children")
        body = loop.body[0] if len(loop.body) == 1 else None
        ok = over_children and isinstance(loop.target, ast.Name) and not loop.orelse and isinstance(body, ast.Assign) \
            and len(body.targets) == 1 and isinstance(body.targets[0], ast.Name) \
            and body.targets[0].id in self.names.values and isinstance(body.value, ast.Call) \
            and isinstance(body.value.func, ast.Name) and body.value.func.id == loop.target.id \
            and len(body.value.args) == 1 and not body.value.keywords and isinstance(body.value.args[0], ast.Name) \
            and body.value.args[0].id == body.targets[0].id
        if not ok:
            raise self.fail(loop, say("this for loop in {class_name}.forward is not one LayerLab reads: it reads "
                                      "for block in self._modules.values(): X = block(X) (or self.children()), which "
                                      "applies every submodule in turn", class_name=self.class_name), "a for loop")
        name = body.targets[0].id  # type: ignore[union-attr]
        state = self.names.values[name]
        if self.varargs:
            self.names.values[name] = ast.Call(ast.Name(ALL_CHILDREN, ast.Load()), [state], [])
            return
        for child in self.children:
            state = ast.Call(ast.Name(child, ast.Load()), [state], [])
        self.names.values[name] = state


def applies_in_order(tree: ast.expr, children: list[str]) -> bool:
    """Whether ``tree`` is ``cN(...c2(c1(x)))``: every child, once each, in the order they were assigned."""
    applied: list[str] = []
    node = tree
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 \
            and not node.keywords and node.func.id in children:
        applied.insert(0, node.func.id)
        node = node.args[0]
    return isinstance(node, ast.Name) and node.id == "x" and applied == children
