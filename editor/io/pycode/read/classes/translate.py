"""Python expressions of a class's methods, rewritten into LayerLab's safe expression language (checked as they go).

Two kinds of expression are read from a class, never evaluated:

- in ``__init__``, the arguments of a submodule or the shape of a parameter:
  numbers and arithmetic over the constructor's hyperparameters
  (``nn.Linear(num_inputs, 2 * num_hiddens)`` → ``"2 * num_hiddens"``); a part
  that names no hyperparameter is worked out by the code reader's evaluator
  (``HIDDEN`` assigned at module level, ``math.sqrt(5)``);
- in ``forward``, what it returns: ``self.`` is taken off attributes
  (``self.weight`` → ``weight``, ``self.hidden(X)`` → ``hidden(x)``), ``F.``,
  ``torch.`` and ``torch.nn.functional.`` off functions (``F.relu`` →
  ``relu``), the input is called ``x``, and local names are replaced by what
  they were assigned.

Anything else is refused at its line and column with what is supported. The
result is kept as a syntax tree and turned into text (:func:`to_text`) with
its size and depth bounded, so that substitution cannot blow it up.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from editor.io.errors import CodeImportError
from editor.io.pycode.read.constructs import expression_construct
from editor.io.pycode.read.values import TorchRef
from editor.model.custom.expr import MAX_DEPTH, MAX_SOURCE_LENGTH
from editor.model.custom.language import ATTRIBUTES, FUNCTIONS, KEYWORDS, METHODS
from editor.model.words import say

MAX_NODES = 2_000
"""Most syntax nodes in one translated expression (local names substituted), well above any forward's."""

# Arithmetic the safe language has (and Python's meaning of it).
_ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
_TENSOR_OPS = (*_ARITHMETIC, ast.MatMult)
_TORCH_PREFIXES = (("torch", "nn", "functional"), ("torch",))


@dataclass
class Names:
    """What names mean inside one method: the translated tree each one stands for.

    ``values`` holds the hyperparameters (``Name("num_hiddens")``) and local
    names (their assigned trees); ``attributes`` holds ``self.<name>``:
    parameters, plain tensors and hyperparameter copies (``self.num_inputs =
    num_inputs``); ``children`` names the submodules ``forward`` may call.
    """

    values: dict[str, ast.expr] = field(default_factory=dict)
    attributes: dict[str, ast.expr] = field(default_factory=dict)
    children: frozenset[str] = frozenset()
    self_name: str = "self"


Fail = Callable[[ast.AST, str, str], CodeImportError]
Evaluate = Callable[[ast.expr], Any]
Lookup = Callable[[str], Any]


def size(node: ast.AST) -> tuple[int, int]:
    """Nodes and depth of a tree whose subtrees may be shared (counted as often as they occur), without recursion."""
    memo: dict[int, tuple[int, int]] = {}
    stack: list[tuple[ast.AST, bool]] = [(node, False)]
    while stack:
        item, done = stack.pop()
        if id(item) in memo:
            continue
        children = list(ast.iter_child_nodes(item))
        if done or not children:
            counts = [memo[id(c)] for c in children]
            memo[id(item)] = (1 + sum(c[0] for c in counts), 1 + max((c[1] for c in counts), default=0))
            if memo[id(item)][0] > MAX_NODES * 1000:  # a blow-up: stop counting long before it costs anything
                return memo[id(item)]
        else:
            stack.append((item, True))
            stack.extend((c, False) for c in children if id(c) not in memo)
    return memo[id(node)]


def to_text(tree: ast.expr, fail: Fail, where: ast.AST, what: str) -> str:
    """The expression as text, refused when it grew beyond the safe language's limits."""
    nodes, depth = size(tree)
    if nodes > MAX_NODES or depth > MAX_DEPTH:
        raise fail(where, say("{what} grows into an expression too large for LayerLab ({nodes:,} parts, nested "
                              "{depth} deep; at most {max_nodes:,} parts, {max_depth} deep): each local name is "
                              "written out where it is used, so use fewer of them or simplify the computation",
                              what=what, nodes=nodes, depth=depth, max_nodes=MAX_NODES, max_depth=MAX_DEPTH),
                   "a huge expression")
    text = ast.unparse(tree)
    if len(text) > MAX_SOURCE_LENGTH:
        raise fail(where, say("{what} is {count:,} characters long once written as one expression; LayerLab "
                              "keeps expressions of up to {limit:,}",
                              what=what, count=len(text), limit=MAX_SOURCE_LENGTH), "a huge expression")
    return text


def _constant(value: Any) -> ast.expr | None:
    """A literal for a value worked out from the file (a number, text, True/False/None, or a tuple of them)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return ast.Constant(value)
    if isinstance(value, (tuple, list)):
        items = [_constant(v) for v in value]
        return None if any(i is None for i in items) else ast.Tuple([i for i in items if i is not None], ast.Load())
    return None


def self_attribute(node: ast.AST, names: Names) -> str | None:
    """``name`` when ``node`` is ``self.name``."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == names.self_name:
        return node.attr
    return None


def _mentions(node: ast.AST, names: Names) -> bool:
    """Whether ``node`` uses a name or ``self.`` attribute of the method (then it cannot be worked out now)."""
    for item in ast.walk(node):
        if isinstance(item, ast.Name) and (item.id in names.values or item.id == names.self_name):
            return True
    return False


class Translator:
    """Rewrites one method's expressions; ``fail`` makes the errors, ``evaluate`` works out constant parts."""

    def __init__(self, fail: Fail, evaluate: Evaluate, lookup: Lookup, names: Names) -> None:
        self.fail = fail
        self.evaluate = evaluate
        self.lookup = lookup
        self.names = names
        self.notes: list[str] = []  # what a learner should know about how an expression was read

    # ------------------------------------------------------------ __init__
    def hyper(self, node: ast.expr, what: str) -> ast.expr:
        """An argument or a size in ``__init__``: numbers and arithmetic over the hyperparameters."""
        if not _mentions(node, self.names):
            value = self.evaluate(node)
            literal = _constant(value)
            if literal is None:
                raise self.fail(node, say("{what} is {type}, not a number; LayerLab reads numbers, text, "
                                          "True/False/None and tuples here, and arithmetic on the constructor's "
                                          "arguments", what=what, type=type(value).__name__), "an unsupported argument")
            return literal
        if isinstance(node, ast.Name):
            if node.id in self.names.values:
                return self.names.values[node.id]
            raise self.fail(node, say("{name!r} is the module itself; LayerLab reads arithmetic on the "
                                      "constructor's arguments here", name=node.id), "self")
        attribute = self_attribute(node, self.names)
        if attribute is not None:
            if attribute in self.names.attributes:
                return self.names.attributes[attribute]
            raise self.fail(node, say("self.{attribute} is not a number assigned earlier in __init__; write the "
                                      "value itself, or a constructor argument",
                                      attribute=attribute), "attribute access")
        if isinstance(node, ast.BinOp) and isinstance(node.op, _ARITHMETIC):
            return ast.BinOp(self.hyper(node.left, what), node.op, self.hyper(node.right, what))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return ast.UnaryOp(node.op, self.hyper(node.operand, what))
        if isinstance(node, (ast.Tuple, ast.List)):
            return ast.Tuple([self.hyper(e, what) for e in node.elts], ast.Load())
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("int", "max", "min") \
                and not node.keywords and node.args and self.lookup(node.func.id) is None:
            return ast.Call(ast.Name(node.func.id, ast.Load()), [self.hyper(a, what) for a in node.args], [])
        raise self.fail(node, say("{what} is {code!r}, which LayerLab cannot write as arithmetic on the "
                                  "constructor's arguments: use + - * / // % ** and int(), min(), max() of numbers "
                                  "and argument names",
                                  what=what, code=ast.unparse(node)[:60]), "an unsupported argument")

    # ------------------------------------------------------------- forward
    def tensor(self, node: ast.expr) -> ast.expr:
        """An expression of ``forward``: over the input, parameters, children, torch functions and methods."""
        if isinstance(node, ast.Constant):
            if node.value is None or isinstance(node.value, (bool, int, float, str)):
                return ast.Constant(node.value)
            raise self.fail(node, say("a {type} constant is not supported in forward", type=type(node.value).__name__),
                            "a constant")
        if isinstance(node, ast.Name):
            return self._name(node)
        attribute = self_attribute(node, self.names)
        if attribute is not None:
            return self._attribute(node, attribute)
        if isinstance(node, ast.Attribute):
            if node.attr == "data" and self_attribute(node.value, self.names) in self.names.attributes:
                line = getattr(node, "lineno", 0)
                self.notes.append(say("Line {line}: {code} is read as {value}: the same values, but LayerLab's "
                                      "layer lets gradients reach it (.data would stop them, so the hand-written "
                                      "layer would not train it).", line=line, code=ast.unparse(node),
                                      value=ast.unparse(node.value)))
                return self.tensor(node.value)
            if node.attr in ATTRIBUTES:
                return ast.Attribute(self.tensor(node.value), node.attr, ast.Load())
            raise self.fail(node, say("reading .{attr} is not supported in forward; LayerLab reads tensor "
                                      "methods such as x.mean(dim=1), the module's own parameters (self.weight) and "
                                      "submodules (self.hidden(x))", attr=node.attr), f"attribute access .{node.attr}")
        if isinstance(node, ast.BinOp):
            if not isinstance(node.op, _TENSOR_OPS):
                raise self.fail(node, say("the operator {type} is not supported in forward; use "
                                          "+ - * / // % ** and @", type=type(node.op).__name__), "an operator")
            return ast.BinOp(self.tensor(node.left), node.op, self.tensor(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return ast.UnaryOp(node.op, self.tensor(node.operand))
        if isinstance(node, ast.Compare):
            return ast.Compare(self.tensor(node.left), node.ops, [self.tensor(c) for c in node.comparators])
        if isinstance(node, (ast.Tuple, ast.List)):
            return ast.Tuple([self.tensor(e) for e in node.elts], ast.Load())
        if isinstance(node, ast.Subscript):
            return ast.Subscript(self.tensor(node.value), self._index(node.slice), ast.Load())
        if isinstance(node, ast.Call):
            return self._call(node)
        construct = expression_construct(node)
        raise self.fail(node, say("{construct} is not supported in forward; LayerLab reads one expression over the "
                                  "input: arithmetic, @, torch functions, tensor methods, the module's parameters "
                                  "and submodules", construct=construct), construct)

    def _index(self, node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Slice):
            parts = [None if p is None else self.tensor(p) for p in (node.lower, node.upper, node.step)]
            return ast.Slice(*parts)
        if isinstance(node, ast.Tuple):
            return ast.Tuple([self._index(e) for e in node.elts], ast.Load())
        return self.tensor(node)

    def _name(self, node: ast.Name) -> ast.expr:
        if node.id in self.names.values:
            return self.names.values[node.id]
        if node.id == self.names.self_name:
            raise self.fail(node, say("forward uses the module itself; LayerLab reads its parameters (self.weight) "
                                      "and submodules (self.hidden(x))"), "self")
        value = self.lookup(node.id)
        literal = _constant(value)
        if literal is not None:
            return literal  # a number of the file, e.g. EPS = 1e-5
        raise self.fail(node, say("{name!r} is not the input, a local name or a number of the file; forward may "
                                  "use its input, names it assigned, self.<parameter> and numbers",
                                  name=node.id), "an unknown name")

    def _attribute(self, node: ast.Attribute, name: str) -> ast.expr:
        if name in self.names.attributes:
            return self.names.attributes[name]
        if name in self.names.children:
            raise self.fail(node, say("self.{name} is a submodule: call it, self.{name}(x)", name=name), "a submodule")
        raise self.fail(node, say("self.{name} is not set in __init__ as a parameter, a tensor or a number", name=name),
                        f"attribute access .{name}")

    def _call(self, node: ast.Call) -> ast.expr:
        func = node.func
        for keyword in node.keywords:
            if keyword.arg is None:
                raise self.fail(keyword.value, say("**kwargs are not supported: write each argument as name=value"),
                                "star-args (**)")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.fail(arg, say("star-args (*) are not supported in forward: write each argument out"),
                                "star-args (*)")
        for keyword in node.keywords:
            if keyword.arg not in KEYWORDS:
                raise self.fail(keyword, say("the argument {arg}= is not one LayerLab's expressions pass; "
                                             "they pass {names}",
                                             arg=keyword.arg,
                                             names=', '.join(sorted(KEYWORDS))), f"the argument {keyword.arg}=")
        if isinstance(func, ast.Call):
            self.tensor(func)  # getattr(X, "mean")(): refused where the inner call is, if it is unsupported
            raise self.fail(node, say("calling what a call returns is not supported in forward; it calls torch "
                                      "functions (F.relu), tensor methods (x.mean()) and submodules (self.hidden(x))"),
                            "a call")
        if not isinstance(func, (ast.Name, ast.Attribute)):
            construct = expression_construct(func)
            raise self.fail(func, say("{construct} is not supported in forward; it calls torch functions (F.relu), "
                                      "tensor methods (x.mean()) and submodules (self.hidden(x))",
                                      construct=construct), construct)
        args = [self.tensor(a) for a in node.args]
        keywords = [ast.keyword(k.arg, self.tensor(k.value)) for k in node.keywords]
        child = self_attribute(func, self.names)
        if child is not None:
            if child not in self.names.children:
                raise self.fail(func, say("self.{child} is not a submodule assigned in __init__, so it cannot be "
                                          "called", child=child), "a call")
            if len(args) != 1 or keywords:
                raise self.fail(node, say("self.{child}(...) takes the one tensor it transforms",
                                          child=child), "a call")
            return ast.Call(ast.Name(child, ast.Load()), args, [])
        if isinstance(func, ast.Name) and func.id in self.names.values:
            raise self.fail(func, say("{name} is a value, not a function", name=func.id), "a call")
        name = self._torch_function(func)
        if name is not None:
            if name not in FUNCTIONS:
                raise self.fail(node, say("{code} is not a function LayerLab's expressions know; "
                                          "they know {names}",
                                          code=ast.unparse(func)[:40],
                                          names=', '.join(FUNCTIONS)), f"a call of {ast.unparse(func)[:40]}")
            return ast.Call(ast.Name(name, ast.Load()), args, keywords)
        if isinstance(func, ast.Attribute) and not (isinstance(func.value, ast.Name)
                                                    and isinstance(self.lookup(func.value.id), TorchRef)
                                                    and func.value.id not in self.names.values):
            if func.attr not in METHODS:  # a tensor method: x.mean(dim=1)
                raise self.fail(func, say(".{attr}() is not a tensor method LayerLab's expressions know; they "
                                          "know {names}",
                                          attr=func.attr, names=', '.join(METHODS)), f"a call of .{func.attr}()")
            return ast.Call(ast.Attribute(self.tensor(func.value), func.attr, ast.Load()), args, keywords)
        shown = ast.unparse(func)[:40]
        raise self.fail(node, say("{shown}(...) is not a torch function LayerLab knows; forward may call torch and "
                                  "F functions (F.relu, torch.matmul), tensor methods (x.mean()) and submodules "
                                  "(self.hidden(x))", shown=shown), f"a call of {shown}")

    def _torch_function(self, func: ast.expr) -> str | None:
        """``relu`` for ``F.relu``, ``torch.relu``, ``torch.nn.functional.relu`` (as the file imported them)."""
        parts: list[str] = []
        while isinstance(func, ast.Attribute):
            parts.insert(0, func.attr)
            func = func.value
        if not isinstance(func, ast.Name) or func.id in self.names.values or func.id == self.names.self_name:
            return None
        base = self.lookup(func.id)
        if not isinstance(base, TorchRef):
            return None
        path = (*base.path, *parts)
        for prefix in _TORCH_PREFIXES:
            if path[:len(prefix)] == prefix and len(path) == len(prefix) + 1:
                return path[-1]
        return None if len(path) == 1 else ".".join(path)  # a torch name LayerLab does not know

