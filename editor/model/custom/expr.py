"""A small, safe expression language.

LayerLab keeps formulas as data: parameter counts and "auto" values in the
layer catalog, custom initialization rules, custom layer definitions. They are
written in a subset of Python expression syntax and evaluated here, never by
``eval``: the source is parsed with :mod:`ast`, every node is checked against a
whitelist, and the tree is compiled into closures that only know the names and
functions they are given.

There is no attribute access (except the tensor methods and properties a
caller hands in by name, each resolved through its own table, never
``getattr``), no dunder name, no comprehension, no lambda, no keyword
arguments to unknown callables (and, when a caller lists them, only the
keyword names it allows) and no way to reach a builtin that was not handed
in. Powers and repetitions that would build huge numbers or sequences
are refused, and so is any operation on tensors whose result would hold more
values than the largest tensor it was given (at least ``MIN_ELEMENT_LIMIT``),
checked from the shapes before anything is computed (``@`` from the matrix
shapes, functions that create or join tensors from their ``result_shape``), so
an expression cannot exhaust memory either. No call may pass ``out=``: an expression computes new
values and never writes into its inputs. Every failure is an
:class:`ExpressionError` with the line and column of the part that failed.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

from editor.model.custom.formulas import (  # noqa: F401 - re-exported: catalog formulas import them from here
    FORMULA_FUNCTIONS,
    each_half,
    each_half_span,
    each_le,
    each_lt,
    each_max,
    ntuple,
    prod,
)
from editor.model.custom.sizes import broadcast_shape, matmul_shape, numel, shape_of
from editor.model.errors import ValidationError
from editor.model.words import message_of, say

MAX_SOURCE_LENGTH = 4000
MAX_DEPTH = 60
MAX_POWER_BITS = 4096
MAX_RESULT_BITS = 1024  # a whole-number result beyond a float's range is refused
MIN_ELEMENT_LIMIT = 1 << 20
LIMIT_KEY = "\0elements"  # the element limit of one evaluation, kept in the scope (no identifier can name it)

Env = Mapping[str, Any]
Evaluator = Callable[[Env], Any]


class ExpressionError(ValidationError):
    """An expression that cannot be parsed, is not allowed, or fails to evaluate."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        if line is not None:
            message = say("{problem} (line {line}, column {column})", problem=message, line=line, column=column)
        super().__init__(message, field="expression")
        self.line = line
        self.column = column


def _power(base: Any, exponent: Any) -> Any:
    if isinstance(base, int) and isinstance(exponent, int) and not isinstance(base, bool):
        if exponent < 0:
            return float(base) ** exponent
        bits = exponent * max(1, abs(base).bit_length())
        if bits > MAX_POWER_BITS:
            raise ExpressionError(say("{base} ** {exponent} is too large to compute", base=base, exponent=exponent))
    return base**exponent


def _multiply(left: Any, right: Any) -> Any:
    if isinstance(left, (str, tuple, list)) or isinstance(right, (str, tuple, list)):
        raise ExpressionError(say("repeating a text or tuple with * is not allowed"))
    return left * right


_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: _multiply,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: _power,
    ast.BitAnd: operator.and_,
    ast.BitOr: operator.or_,
    ast.MatMult: operator.matmul,
}
_UNARY: dict[type, Callable[[Any], Any]] = {
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
    ast.Not: operator.not_,
    ast.Invert: operator.invert,
}
_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}
_SYNTAX_NAMES = {
    ast.Attribute: "attribute access (a.b)",
    ast.Lambda: "lambda",
    ast.ListComp: "list comprehension",
    ast.SetComp: "set comprehension",
    ast.DictComp: "dict comprehension",
    ast.GeneratorExp: "generator expression",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
    ast.NamedExpr: "assignment (:=)",
    ast.Starred: "star unpacking",
    ast.JoinedStr: "f-string",
    ast.Dict: "dict literal",
    ast.Set: "set literal",
}


class Expression:
    """A parsed, checked expression; call it with a mapping of names to values.

    ``names`` are the variables it reads, ``calls`` the functions it calls
    (by their short name: ``torch.relu(x)`` and ``relu(x)`` both count as
    ``relu``).
    """

    def __init__(self, source: str, run: Evaluator, names: frozenset[str],
                 calls: frozenset[str] = frozenset()) -> None:
        self.source = source
        self.names = names
        self.calls = calls
        self._run = run

    def __call__(self, env: Env | None = None, /, **names: Any) -> Any:
        scope: dict[str, Any] = {**(env or {}), **names}
        scope[LIMIT_KEY] = max([MIN_ELEMENT_LIMIT, *(numel(v) for v in scope.values() if shape_of(v) is not None)])
        try:
            result = self._run(scope)
        except ExpressionError:
            raise
        except (ArithmeticError, TypeError, ValueError, IndexError, KeyError, RuntimeError, MemoryError,
                RecursionError) as exc:
            raise ExpressionError(say("'{source}' could not be evaluated: {reason}", source=self.source,
                                      reason=_first_line(exc))) from None
        if isinstance(result, int) and not isinstance(result, bool) and result.bit_length() > MAX_RESULT_BITS:
            raise ExpressionError(say("'{source}' gives a number too large to use ({bits} bits)",
                                      source=self.source, bits=result.bit_length()))
        return result

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


def compile_expression(source: str, functions: Mapping[str, Callable[..., Any]] | None = None,
                       names: frozenset[str] | None = None, *,
                       methods: Mapping[str, Callable[..., Any]] | None = None,
                       attributes: Mapping[str, Callable[[Any], Any]] | None = None,
                       namespaces: frozenset[str] = frozenset(),
                       keywords: frozenset[str] | None = None) -> Expression:
    """Parse and check ``source``; the result evaluates it against given names.

    ``functions`` are the only callables the expression may call. ``names``,
    when given, is the complete set of variable names it may use, so a typo is
    reported now rather than at evaluation.

    ``methods`` (``x.mean(dim=1)``) and ``attributes`` (``x.shape``) are the
    only attributes it may use; each entry gets the object first and checks
    it itself. ``namespaces`` are dotted prefixes a function call may be
    written with (``torch``, ``F``: ``torch.relu(x)`` calls ``relu``).
    ``keywords``, when given, are the only keyword-argument names allowed.
    A function or method with a ``result_shape`` attribute is asked, before it
    runs, for the shape of what it would make, so a call that would create a
    tensor beyond the element limit is refused first.
    """
    funcs = dict(functions or {})
    if not isinstance(source, str):
        raise ExpressionError(say("an expression must be text, not {type}", type=type(source).__name__))
    if len(source) > MAX_SOURCE_LENGTH:
        line = source.count("\n", 0, MAX_SOURCE_LENGTH) + 1
        column = MAX_SOURCE_LENGTH - (source.rfind("\n", 0, MAX_SOURCE_LENGTH) + 1) + 1
        raise ExpressionError(say("the expression is longer than {limit} characters",
                                  limit=MAX_SOURCE_LENGTH), line=line,
                              column=column)
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(say("syntax error: {msg}", msg=exc.msg), line=exc.lineno, column=exc.offset) from None
    except (RecursionError, MemoryError, ValueError):  # thousands of nested operators exhaust the parser
        raise ExpressionError(say("the expression is nested too deeply"), line=1, column=1) from None
    used: set[str] = set()
    compiler = _Compiler(funcs, names, used)
    compiler.methods = dict(methods or {})
    compiler.attributes = dict(attributes or {})
    compiler.namespaces = namespaces
    compiler.keywords = keywords
    run = compiler.compile(tree.body, 0)
    return Expression(source, run, frozenset(used), frozenset(compiler.calls))


class _Compiler:
    """Turns a checked AST into nested closures."""

    def __init__(self, functions: dict[str, Callable[..., Any]], names: frozenset[str] | None,
                 used: set[str]) -> None:
        self.functions = functions
        self.names = names
        self.used = used
        self.methods: dict[str, Callable[..., Any]] = {}
        self.attributes: dict[str, Callable[[Any], Any]] = {}
        self.namespaces: frozenset[str] = frozenset()
        self.keywords: frozenset[str] | None = None
        self.calls: set[str] = set()

    def fail(self, node: ast.AST, message: str) -> ExpressionError:
        return ExpressionError(message, line=getattr(node, "lineno", None),
                               column=getattr(node, "col_offset", -1) + 1)

    def compile(self, node: ast.AST, depth: int) -> Evaluator:
        if depth > MAX_DEPTH:
            raise self.fail(node, say("the expression is nested too deeply"))
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            what = _SYNTAX_NAMES.get(type(node), type(node).__name__)
            raise self.fail(node, say("{what} is not allowed here", what=what))
        return method(node, depth + 1)

    def _Constant(self, node: ast.Constant, depth: int) -> Evaluator:
        value = node.value
        if not isinstance(value, (int, float, str, bool, type(None))):
            raise self.fail(node, say("the constant {value!r} is not allowed", value=value))
        return lambda env: value

    def _Name(self, node: ast.Name, depth: int) -> Evaluator:
        name = node.id
        if name.startswith("__"):
            raise self.fail(node, say("the name {name!r} is not allowed: names starting with __ reach Python's "
                                      "internals", name=name))
        if name in self.functions:
            raise self.fail(node, say("'{name}' is a function; call it like {name}(...)", name=name))
        if self.names is not None and name not in self.names:
            known = ", ".join(sorted(self.names)) or "none"
            same = next((k for k in sorted(self.names) if k.lower() == name.lower()), None)
            if same is not None:  # the book's X for the input, here x
                raise self.fail(node, say("unknown name '{name}': here it is written {same} (known names: {known})",
                                          name=name, same=same, known=known))
            raise self.fail(node, say("unknown name '{name}' (known names: {known})", name=name, known=known))
        self.used.add(name)

        def lookup(env: Env) -> Any:
            try:
                return env[name]
            except KeyError:
                raise ExpressionError(say("unknown name '{name}'", name=name)) from None

        return lookup

    def guarded(self, node: ast.AST, run: Evaluator) -> Evaluator:
        """``run``, with any failure turned into an :class:`ExpressionError` at ``node``'s position."""
        def checked(env: Env) -> Any:
            try:
                return run(env)
            except ExpressionError as exc:
                if exc.line is None:  # raised by an operation that does not know where it is
                    raise self.fail(node, message_of(exc)) from None
                raise
            except (ArithmeticError, TypeError, ValueError, IndexError, KeyError, RuntimeError, MemoryError) as exc:
                raise self.fail(node, say("{code} failed: {reason}", code=ast.unparse(node)[:60],
                                          reason=_first_line(exc))) from None
        return checked

    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> Evaluator:
        op = _UNARY.get(type(node.op))
        if op is None:
            raise self.fail(node, say("this unary operator is not allowed"))
        operand = self.compile(node.operand, depth)
        return self.guarded(node, lambda env: op(operand(env)))

    def _BinOp(self, node: ast.BinOp, depth: int) -> Evaluator:
        op = _BINARY.get(type(node.op))
        if op is None:
            raise self.fail(node, say("the operator {type} is not allowed", type=type(node.op).__name__))
        left = self.compile(node.left, depth)
        right = self.compile(node.right, depth)

        matmul = isinstance(node.op, ast.MatMult)

        def run(env: Env) -> Any:
            a, b = left(env), right(env)
            if matmul:
                _check_count(self, node, env, matmul_shape(shape_of(a), shape_of(b)))
            else:
                _check_size(self, node, env, [a, b])
            return op(a, b)
        return self.guarded(node, run)

    def _BoolOp(self, node: ast.BoolOp, depth: int) -> Evaluator:
        parts = [self.compile(v, depth) for v in node.values]
        if isinstance(node.op, ast.And):
            def both(env: Env) -> Any:
                result: Any = True
                for part in parts:
                    result = part(env)
                    if not result:
                        return result
                return result
            return both

        def either(env: Env) -> Any:
            result: Any = False
            for part in parts:
                result = part(env)
                if result:
                    return result
            return result
        return either

    def _Compare(self, node: ast.Compare, depth: int) -> Evaluator:
        left = self.compile(node.left, depth)
        ops = []
        for op_node, comparator in zip(node.ops, node.comparators, strict=True):
            op = _COMPARE.get(type(op_node))
            if op is None:
                raise self.fail(node, say("this comparison is not allowed"))
            ops.append((op, self.compile(comparator, depth)))
        if len(ops) == 1:
            (op, right), = ops
            return lambda env: op(left(env), right(env))

        def chain(env: Env) -> Any:
            current = left(env)
            for op, right in ops:
                nxt = right(env)
                if not op(current, nxt):
                    return False
                current = nxt
            return True
        return chain

    def _IfExp(self, node: ast.IfExp, depth: int) -> Evaluator:
        test = self.compile(node.test, depth)
        body = self.compile(node.body, depth)
        orelse = self.compile(node.orelse, depth)
        return lambda env: body(env) if test(env) else orelse(env)

    def _Tuple(self, node: ast.Tuple, depth: int) -> Evaluator:
        items = [self.compile(e, depth) for e in node.elts]
        return lambda env: tuple(item(env) for item in items)

    _List = _Tuple

    def _Subscript(self, node: ast.Subscript, depth: int) -> Evaluator:
        value = self.compile(node.value, depth)
        index = self.compile(node.slice, depth)
        return self.guarded(node, lambda env: value(env)[index(env)])

    def _Slice(self, node: ast.Slice, depth: int) -> Evaluator:
        parts = [self.compile(p, depth) if p is not None else None
                 for p in (node.lower, node.upper, node.step)]
        return lambda env: slice(*(p(env) if p is not None else None for p in parts))

    def _Attribute(self, node: ast.Attribute, depth: int) -> Evaluator:
        attr = node.attr
        if attr.startswith("_"):
            raise self.fail(node, say("attribute access (.{attr}) is not allowed: names starting with _ reach "
                                      "Python's internals", attr=attr))
        read = self.attributes.get(attr)
        if read is None:
            known = ", ".join("." + a for a in sorted(self.attributes))
            if known:
                raise self.fail(node, say("attribute access (.{attr}) is not allowed (the ones available are {known})",
                                          attr=attr, known=known))
            raise self.fail(node, say("attribute access (.{attr}) is not allowed", attr=attr))
        value = self.compile(node.value, depth)
        return self.guarded(node, lambda env: read(value(env)))

    def _callee(self, node: ast.Call, depth: int) -> tuple[str, Callable[..., Any], Evaluator | None]:
        """The name and callable ``node`` calls, and the object it is a method of (None for a function)."""
        func = node.func
        known = ", ".join(sorted(self.functions)) or "none"
        if isinstance(func, ast.Name):
            if func.id in self.functions:
                return func.id, self.functions[func.id], None
            raise self.fail(node, say("cannot call {id!r}: the functions available are {known}", id=func.id,
                                      known=known))
        if isinstance(func, ast.Attribute):
            attr = func.attr
            if attr.startswith("_"):
                raise self.fail(func, say("attribute access (.{attr}) is not allowed: names starting with _ reach "
                                          "Python's internals", attr=attr))
            prefix = _dotted(func.value)
            if prefix is not None and prefix in self.namespaces:
                if attr in self.functions:
                    return attr, self.functions[attr], None
                raise self.fail(node, say("cannot call {prefix}.{attr}: the functions available are {known}",
                                          prefix=prefix, attr=attr, known=known))
            owner = self.compile(func.value, depth)  # what the method is called on: its own problems first
            if attr in self.methods:
                return attr, self.methods[attr], owner
            methods = ", ".join("." + m + "()" for m in sorted(self.methods))
            if methods:
                raise self.fail(node, say("cannot call the method .{attr}(): the methods available are {methods}",
                                          attr=attr, methods=methods))
            if attr in self.functions:  # the book's w.abs(): the function of that name takes it first
                raise self.fail(node, say("cannot call the method .{attr}(): calls of methods are not allowed; "
                                          "write {attr}({owner}) instead", attr=attr,
                                          owner=ast.unparse(func.value)[:40]))
            raise self.fail(node, say("cannot call the method .{attr}(): calls of methods are not allowed; the "
                                      "functions available are {known}", attr=attr, known=known))
        raise self.fail(node, say("only a function name can be called; the functions available are {known}",
                                  known=known))

    def _Call(self, node: ast.Call, depth: int) -> Evaluator:
        name, func, owner = self._callee(node, depth)
        self.calls.add(name)
        args = [self.compile(a, depth) for a in node.args]
        kwargs = {}
        for kw in node.keywords:
            if kw.arg is None:
                raise self.fail(node, say("**keyword unpacking is not allowed"))
            if kw.arg == "out":
                raise self.fail(kw, say("out= is not allowed: an expression computes new values and never writes "
                                        "into its inputs"))
            if self.keywords is not None and kw.arg not in self.keywords:
                raise self.fail(kw, say("the keyword argument {arg}= is not allowed; the ones available are "
                                        "{names}", arg=kw.arg,
                                        names=", ".join(k + "=" for k in sorted(self.keywords))))
            kwargs[kw.arg] = self.compile(kw.value, depth)
        sized = getattr(func, "result_shape", None)

        def run(env: Env) -> Any:
            values = [a(env) for a in args]
            if owner is not None:
                values.insert(0, owner(env))
            named = {k: v(env) for k, v in kwargs.items()}
            _check_size(self, node, env, [*values, *named.values()])
            if sized is not None:
                _check_count(self, node, env, sized(*values, **named))
            return func(*values, **named)
        return self.guarded(node, run)


def _dotted(node: ast.AST) -> str | None:
    """``torch.nn.functional`` for that chain of names (None for anything else)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().split("\n")[0] or type(exc).__name__)[:200]


def _check_count(compiler: _Compiler, node: ast.AST, env: Env, shape: Any) -> None:
    """Refuse, before computing it, a result of ``shape`` with more values than the element limit."""
    if shape is None:
        return
    count = math.prod(int(s) for s in shape)
    limit = env.get(LIMIT_KEY, MIN_ELEMENT_LIMIT)
    if count > limit:
        raise compiler.fail(node, say("this would make a tensor of {count:,} values (shape {shape}), more than "
                                      "the limit ({limit:,}, or the largest input if larger): an expression may "
                                      "not grow its tensors", count=count, shape=tuple(shape), limit=limit))


def _check_size(compiler: _Compiler, node: ast.AST, env: Env, operands: list[Any]) -> None:
    """Refuse, before computing it, an operation whose broadcast result would hold too many values."""
    shapes = [s for s in (shape_of(v) for v in operands) if s is not None]
    if len(shapes) < 2:
        return
    result = broadcast_shape(shapes)
    if result is None:
        return  # not broadcastable: the operation itself says so
    count = math.prod(result)
    limit = env.get(LIMIT_KEY, MIN_ELEMENT_LIMIT)
    if count > limit:
        raise compiler.fail(node, say("this would make a tensor of {count:,} values (shape {shape}), more than "
                                      "the largest input ({limit:,}): an expression may not grow its tensors",
                                      count=count, shape=tuple(result), limit=limit))
