"""Reading Python source into modules without running it: a tiny evaluator over the syntax tree.

The :class:`Reader` walks a module's statements in order, as Python would, and
evaluates only what it understands (imports of torch, assignments, function
definitions and calls of them, ``nn.Sequential``, catalog layers, constants,
``OrderedDict`` and a few in-place Sequential methods). A statement it does not
understand is never run: the names it would set become :class:`Poison`
(an error raised only if the model uses them), and the modules it mentions get a
:class:`Taint` (an error when it would change the model's structure, a notice
when it would change its weights). So code around the model (``print``,
``model.to(device)``, training loops) does not stop the import, while anything
unsupported inside the model's definition is reported at its line and column.
"""

from __future__ import annotations

import ast
import time
from collections import OrderedDict
from typing import Any

from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.pycode.read.constructs import expression_construct
from editor.io.pycode.read.fstrings import fstring
from editor.io.pycode.read.scope import Function, Scope
from editor.io.pycode.read.values import Poison, TorchRef
from editor.model.catalog import suggested_kind
from editor.model.catalog.build import lazy_kinds
from editor.model.design.torch_dicts import slots
from editor.model.errors import LayerLabError
from editor.model.words import message_of, say

# The import a learner forgot, for names that are modules rather than values.
_IMPORTS = {"nn": "import torch.nn as nn (or from torch import nn)", "torch": "import torch",
            "F": "import torch.nn.functional as F", "OrderedDict": "from collections import OrderedDict",
            "math": "import math"}
# Methods that return the module itself and leave its design alone.
PASS_THROUGH = frozenset({"to", "cpu", "cuda", "eval", "train"})


class Reader:
    """Evaluates expressions; :class:`editor.io.pycode.read.statements.SourceReader` adds statements."""

    def __init__(self, source: str, tree: ast.Module) -> None:
        self.source = source
        self.lines = source.splitlines()
        self.tree = tree
        self.registry = cv.Registry()
        self.globals = Scope()
        self.depth = 0
        self.active: list[str] = []  # functions being called, to refuse recursion
        self.seeds: list[tuple[int, int]] = []  # (line, value) of each torch.manual_seed(...) run
        self.bindings: dict[str, ast.AST] = {}  # module-level name -> the node of its last assignment
        self.callers: dict[str, set[str]] = {}  # function -> the functions that call it
        self.returned_by: dict[int, str] = {}  # id(model) -> "f" for `model = f()` at module level
        self.inputs: dict[int, tuple[int, ...]] = {}  # id(model) -> shape of x in `model(x)` statements
        self.random_batches: list[tuple[int, str]] = []  # (line, call) of the first torch.randn(...)-like batch
        self.applications: list[Any] = []  # model.apply(fn) statements (init.statements.Application)
        self.freezes: list[Any] = []  # requires_grad_(False) statements (init.statements.Freeze)
        self.programs: dict[int, Any] = {}  # id(def node) -> its init function read as data, or the error
        self.steps = 0  # expressions evaluated so far (bounded by values.MAX_STEPS)
        self.deadline = time.monotonic() + cv.MAX_SECONDS
        self.calls = 0  # function calls made from module level so far
        self.call = 0  # the number of the module-level call in progress (0: at module level)
        self.class_definitions: Any = None  # the definitions the file's classes became (classes.instances)

    def run(self, body: list[ast.stmt], scope: Scope, in_function: bool = False) -> Any:
        """Run statements in order; the value of a ``return`` (None when there is none)."""
        raise NotImplementedError

    def call_class(self, node: ast.Call, ref: cv.ClassRef, scope: Scope) -> Any:
        """The module ``node`` makes by calling a class of the file (read as data, never run)."""
        raise self.fail(node, say("{ref} is a class defined in the file; LayerLab reads it only while reading "
                                  "a whole file", ref=ref.name), "a class definition")

    def fail(self, node: ast.AST, message: str, construct: str) -> cv.CodeImportError:
        return cv.fail(node, message, construct, self.lines)

    def snippet(self, node: ast.AST) -> str:
        text = (ast.get_source_segment(self.source, node) or "").strip().splitlines()
        line = text[0] if text else ""
        return line if len(line) <= 60 else line[:57] + "..."

    # ------------------------------------------------------------ expressions
    def tick(self, node: ast.AST) -> None:
        """One more step of reading (an expression, a loop's turn): refused past the reader's limits on work."""
        self.steps += 1
        if self.steps > cv.MAX_STEPS or (self.steps % 1024 == 0 and time.monotonic() > self.deadline):
            raise self.fail(node, say("reading this file takes too much work (more than {steps:,} steps or "
                                      "{seconds:g} s): LayerLab reads model definitions, not computations. "
                                      "Write the model's layers out, or build fewer of them",
                                      steps=cv.MAX_STEPS, seconds=cv.MAX_SECONDS), "too much work")

    def eval(self, node: ast.expr, scope: Scope) -> Any:
        """The value of ``node``; raises :class:`CodeImportError` at the first unsupported construct."""
        self.depth += 1
        try:
            self.tick(node)
        except cv.CodeImportError:
            self.depth -= 1
            raise
        try:
            if self.depth > cv.MAX_EXPRESSION_DEPTH:
                raise self.fail(node, say("the expression is nested more than {limit} levels deep; "
                                          "build inner Sequentials as variables first (inner = nn.Sequential(...))",
                                          limit=cv.MAX_EXPRESSION_DEPTH),
                                "deep nesting")
            return self._eval(node, scope)
        finally:
            self.depth -= 1

    def _eval(self, node: ast.expr, scope: Scope) -> Any:
        if isinstance(node, ast.Constant):
            if node.value is None or isinstance(node.value, (bool, int, float, str)):
                if cv.too_big(node.value):
                    raise self.fail(node, say("this constant is far too large for a hyperparameter"), "a huge number")
                return node.value
            raise self.fail(node, say("a {type} constant cannot be a hyperparameter. "
                                      "{supported}.",
                                      type=type(node.value).__name__,
                                      supported=cv.SUPPORTED), f"a {type(node.value).__name__} constant")
        if isinstance(node, ast.Name):
            return self._name(node, scope)
        if isinstance(node, ast.JoinedStr):
            return fstring(self, node, scope)
        if isinstance(node, (ast.Tuple, ast.List)):
            if len(node.elts) > cv.MAX_ITEMS:
                raise self.fail(node, say("more than {limit:,} items", limit=cv.MAX_ITEMS), "a huge tuple")
            items = [self.eval(item, scope) for item in node.elts]
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if isinstance(node, ast.UnaryOp):
            return self._unary(node, scope)
        if isinstance(node, ast.BinOp):
            return self._binop(node, scope)
        if isinstance(node, ast.Call):
            return self._call(node, scope)
        if isinstance(node, ast.Attribute):
            value = self.eval(node.value, scope)
            if isinstance(value, TorchRef):
                ref = TorchRef((*value.path, node.attr))
                return cv.MATH_CONSTANTS.get(ref.dotted, ref)
            raise self.fail(node, say("reading .{attr} of {what} is not supported; "
                                      "write the value itself instead. {supported}.",
                                      attr=node.attr, what=self._what(value),
                                      supported=cv.SUPPORTED), f"attribute access .{node.attr}")
        if isinstance(node, ast.Subscript):
            return self._subscript(node, scope)
        construct = expression_construct(node)
        raise self.fail(node, say("{construct} is not supported in a model definition. {supported}.",
                                  construct=construct, supported=cv.SUPPORTED), construct)

    def _subscript(self, node: ast.Subscript, scope: Scope, keys: bool = True) -> Any:
        """``seq[1]``, ``seq[0:2]``, ``layers[-1]``: what Python and torch give, or an error; never ignored.

        ``keys``: refuse a slice of a Sequential whose kept keys a design cannot hold.
        """
        value = self.eval(node.value, scope)
        if not isinstance(value, (nn.Sequential, list, tuple)):
            raise self.fail(node, say("indexing {what} is not supported; LayerLab indexes and slices "
                                      "Sequentials, lists and tuples", what=self._what(value)), "indexing")
        index: Any
        if isinstance(node.slice, ast.Slice):
            bounds = [None if part is None else self.eval(part, scope)
                      for part in (node.slice.lower, node.slice.upper, node.slice.step)]
            if not all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds):
                raise self.fail(node.slice, say("slice bounds must be whole numbers, e.g. seq[0:2]"), "a slice")
            if bounds[2] == 0:
                raise self.fail(node.slice, say("a slice step cannot be zero"), "a slice")
            index = slice(*bounds)
        else:
            index = self.eval(node.slice, scope)
            if isinstance(index, bool) or not isinstance(index, int):
                raise self.fail(node.slice, say("the index must be a whole number, not {what}", what=self._what(index)),
                                "indexing")
        try:
            result = value[index]
        except IndexError:
            raise self.fail(node, say("index {index} is out of range: it has {count} items",
                                      index=index, count=len(value)),
                            "indexing") from None
        if keys and isinstance(result, nn.Sequential) and isinstance(index, slice):
            # torch keeps the keys of a slice: base[1:3] holds (1) and (2), which LayerLab cannot hold.
            # Every key counts, also of a module used twice, which named_children() would skip.
            for position, key in enumerate(slots(result)):
                if key.isdigit() and key != str(position):
                    raise self.fail(node, say("torch keeps the original numbers of a slice, so this Sequential's "
                                              "entry {position} is called ({key}), which a LayerLab design cannot "
                                              "hold: write nn.Sequential(*{snippet}) to number its entries from 0",
                                              position=position, key=key, snippet=self.snippet(node)),
                                    "a slice")
        return result

    def describe(self, value: Any) -> str:
        """How a value is named in messages: "the module Linear", "the function f", "a float"."""
        return self._what(value)

    def _what(self, value: Any) -> str:
        if isinstance(value, nn.Module):
            return say("the module {type}", type=type(value).__name__)
        if isinstance(value, Function):
            return say("the function {name}", name=value.name)
        return say("a {type}", type=type(value).__name__)

    def _name(self, node: ast.Name, scope: Scope) -> Any:
        try:
            value = scope.get(node.id)
        except KeyError:
            missing = _IMPORTS.get(node.id)
            if missing:
                raise self.fail(node, say("{name!r} is used but never imported: add {missing} at the top of the "
                                          "file", name=node.id, missing=missing), "an undefined name") from None
            raise self.fail(node, say("{name!r} is not defined before it is used here: assign it earlier in "
                                      "the file (e.g. {name} = 64) or import it from torch.nn",
                                      name=node.id), "an undefined name") \
                from None
        if isinstance(value, Poison):
            raise value.error
        return value

    def _unary(self, node: ast.UnaryOp, scope: Scope) -> Any:
        value = self.eval(node.operand, scope)
        if isinstance(node.op, (ast.USub, ast.UAdd)) and isinstance(value, (int, float)):
            return -value if isinstance(node.op, ast.USub) else +value
        if isinstance(node.op, ast.Not) and isinstance(value, bool):
            return not value
        raise self.fail(node, say("this unary operator on {what} is not supported; LayerLab "
                                  "works out -x and +x of numbers", what=self._what(value)), "a unary operator")

    def _binop(self, node: ast.BinOp, scope: Scope) -> Any:
        left = self.eval(node.left, scope)
        right = self.eval(node.right, scope)
        try:
            if isinstance(left, nn.Sequential) or isinstance(right, nn.Sequential):
                return self._sequential_op(node.op, left, right)
            if isinstance(left, nn.Module) or isinstance(right, nn.Module):
                raise ValueError(say("only an nn.Sequential can be repeated (*) or joined (+); wrap the layer in "
                                     "nn.Sequential(...) first"))
            return cv.arithmetic(node.op, left, right)
        except ValueError as exc:
            symbol = cv.SYMBOLS.get(type(node.op), "?")
            raise self.fail(node, cv.sentence(exc), f"the operator {symbol}") from None

    def _sequential_op(self, op: ast.operator, left: Any, right: Any) -> nn.Sequential:
        """``seq * n``, ``n * seq`` and ``seq + seq``, done by torch itself so the sharing is exactly torch's."""
        if isinstance(op, ast.Mult):
            seq, count = (left, right) if isinstance(left, nn.Sequential) else (right, left)
            cv.repeat(seq, count)
            return seq * count
        if isinstance(op, ast.Add) and isinstance(left, nn.Sequential) and isinstance(right, nn.Sequential):
            if len(left) + len(right) > cv.MAX_ITEMS:
                raise ValueError(say("more than {limit:,} layers", limit=cv.MAX_ITEMS))
            return left + right
        raise ValueError(say("a Sequential supports * (repeat it n times) and + (join two Sequentials)"))

    # ------------------------------------------------------------------ calls
    def _call(self, node: ast.Call, scope: Scope) -> Any:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in PASS_THROUGH:
            receiver = self.eval(func.value, scope)
            if isinstance(receiver, nn.Module):
                return receiver  # .to(device), .eval(): the design stays what it is
            value: Any = TorchRef((*receiver.path, func.attr)) if isinstance(receiver, TorchRef) else None
            if value is None:
                raise self.fail(node, say("calling .{attr}() of {what} is not supported. "
                                          "{supported}.",
                                          attr=func.attr, what=self._what(receiver),
                                          supported=cv.SUPPORTED), f"a call of .{func.attr}()")
        elif isinstance(func, ast.Name) and scope.lookup(func.id)[1] is None:
            raise self.fail(func, say("{name}() is not defined in the file: LayerLab calls torch.nn layers, "
                                      "nn.Sequential, OrderedDict and functions defined earlier in the file",
                                      name=func.id),
                            "a call of an unknown function")
        else:
            value = self.eval(func, scope)
        if isinstance(value, cv.ClassRef):  # a class of the file: read as data (MySequential(*layers) spreads)
            return self.call_class(node, value, scope)
        spreads = isinstance(value, TorchRef) and value.dotted in cv.SEQUENTIAL  # nn.Sequential(*layers)
        for arg in node.args:
            if isinstance(arg, ast.Starred) and not spreads:
                raise self.fail(arg, say("star-args (*args) are only read in nn.Sequential(*layers): write each "
                                         "argument out"), "star-args (*)")
        for keyword in node.keywords:
            if keyword.arg is None:
                raise self.fail(keyword.value, say("**kwargs are not supported: write each hyperparameter as "
                                                   "name=value"), "star-args (**)")
        if isinstance(value, Function):
            return self.call_function(node, value, scope)
        if isinstance(value, TorchRef):
            return self._call_torch(node, value, scope)
        raise self.fail(node, say("calling {what} is not supported; LayerLab calls torch.nn layers, "
                                  "nn.Sequential, OrderedDict and functions defined in the file",
                                  what=self._what(value)),
                        "a call of an unknown function")

    def arguments(self, node: ast.Call, scope: Scope) -> tuple[list[Any], dict[str, Any]]:
        """The values of a call's positional and keyword arguments (no star-args)."""
        return self._arguments(node, scope)

    def _arguments(self, node: ast.Call, scope: Scope) -> tuple[list[Any], dict[str, Any]]:
        args = [self.eval(arg, scope) for arg in node.args]
        kwargs: dict[str, Any] = {}
        for keyword in node.keywords:
            kwargs[keyword.arg or ""] = self.eval(keyword.value, scope)
        return args, kwargs

    def spread_arguments(self, node: ast.Call, scope: Scope) -> tuple[list[Any], list[ast.AST]]:
        """The arguments of ``nn.Sequential(...)`` with ``*layers`` spread as Python does, and each one's node.

        ``*seq`` of a Sequential spreads its modules (torch iterates
        ``_modules.values()``), the same objects, so they are shared with ``seq``.
        """
        args: list[Any] = []
        origins: list[ast.AST] = []
        for arg in node.args:
            if not isinstance(arg, ast.Starred):
                args.append(self.eval(arg, scope))
                origins.append(arg)
                continue
            # *base[1:] spreads the slice's modules: the keys torch keeps in the slice do not matter.
            value = self._subscript(arg.value, scope, keys=False) if isinstance(arg.value, ast.Subscript) \
                else self.eval(arg.value, scope)
            if not isinstance(value, (list, tuple, nn.Sequential)):
                raise self.fail(arg, say("*{snippet} spreads {what}; LayerLab spreads "
                                         "a list or tuple of layers, or a Sequential: nn.Sequential(*layers)",
                                         snippet=self.snippet(arg.value), what=self._what(value)),
                                "star-args (*)")
            items = list(value)
            if len(args) + len(items) > cv.MAX_ITEMS:
                raise self.fail(arg, say("more than {limit:,} layers", limit=cv.MAX_ITEMS), "star-args (*)")
            args += items
            origins += [arg] * len(items)
        return args, origins

    def _call_torch(self, node: ast.Call, ref: TorchRef, scope: Scope) -> Any:
        dotted = ref.dotted
        kind = cv.kinds_by_path().get(dotted)
        if kind is not None:
            args, kwargs = self._arguments(node, scope)
            try:
                module, given = cv.construct_layer(kind, args, kwargs)
                self.registry.add(module, kind, given, node.lineno)
            except (LayerLabError, TypeError) as exc:
                raise self.fail(node, cv.sentence(exc), f"nn.{kind.name}(...)") from None
            return module
        lazy = lazy_kinds().get(dotted)
        if lazy is not None:  # nn.LazyLinear(10): a Linear whose in_features follows its input
            args, kwargs = self._arguments(node, scope)
            try:
                module, given = cv.construct_lazy(*lazy, dotted, args, kwargs)
                self.registry.add(module, lazy[0], given, node.lineno, lazy=lazy[1], node=node)
            except (LayerLabError, TypeError) as exc:
                raise self.fail(node, cv.sentence(exc), ref.shown + "(...)") from None
            return module
        if dotted in cv.SEQUENTIAL:
            if node.keywords:
                raise self.fail(node, say("nn.Sequential takes layers as positional arguments (or one OrderedDict), "
                                          "not keywords"), "keyword arguments of nn.Sequential")
            args, origins = self.spread_arguments(node, scope)
            try:
                cv.check_sequential_args(args)
                return nn.Sequential(*args)
            except (ValueError, KeyError, TypeError) as exc:
                where = origins[exc.index] if isinstance(exc, cv.ArgumentError) else node
                raise self.fail(where, cv.sentence(exc), "nn.Sequential(...)") from None
        if dotted in cv.ORDERED_DICT:
            return self._ordered_dict(node, scope)
        if dotted in cv.TENSORS:
            return self._tensor(node, ref, scope)
        if dotted in cv.MATH_FUNCTIONS:
            args, kwargs = self._arguments(node, scope)
            if kwargs or len(args) != 1 or isinstance(args[0], bool) or not isinstance(args[0], (int, float)):
                raise self.fail(node, say("{function}(...) takes one number", function=dotted), f"a call of {dotted}")
            try:
                return cv.MATH_FUNCTIONS[dotted](args[0])
            except (ValueError, OverflowError) as exc:
                raise self.fail(node, say("{function}({args!r}) fails: {reason}",
                                          function=dotted, args=args[0],
                                          reason=message_of(exc)), f"a call of {dotted}") from None
        if ref.path[:2] == ("torch", "nn") and len(ref.path) == 3:
            known = ", ".join(k.name for k in cv.kinds_by_path().values())
            lazy_of = ref.path[2].removeprefix("Lazy")
            if lazy_of != ref.path[2]:
                lazy = "nn." + ", nn.".join(p.rpartition(".")[2] for p in lazy_kinds())
                message = say("{ref} is not a layer LayerLab knows (it is the lazy form of nn.{layer}, which "
                              "LayerLab does not know either; the lazy layers it reads are {lazy}). It knows "
                              "nn.Sequential and: {known}.", ref=ref.shown, layer=lazy_of, lazy=lazy, known=known)
            elif (best := suggested_kind(ref.path[2])) is not None:
                message = say("{ref} is not a layer LayerLab knows. Did you mean nn.{best}? It knows nn.Sequential "
                              "and: {known}.", ref=ref.shown, best=best, known=known)
            else:
                message = say("{ref} is not a layer LayerLab knows. It knows nn.Sequential and: {known}.",
                              ref=ref.shown, known=known)
            raise self.fail(node, message, ref.shown)
        raise self.fail(node, say("{ref}(...) cannot be part of a model definition. {supported}.",
                                  ref=ref.shown, supported=cv.SUPPORTED),
                        f"a call of {ref.shown}")

    def _tensor(self, node: ast.Call, ref: TorchRef, scope: Scope) -> cv.TensorValue:
        """``torch.randn(3, 20)``: a batch for the model; only its shape matters (``device=`` is not read)."""
        size_node = next((k.value for k in node.keywords if k.arg == "size"), None)
        if ref.dotted == "torch.randint":  # randint(high, size) or randint(low, high, size)
            size_node = size_node or (node.args[-1] if len(node.args) >= 2 else None)
        sizes = [self.eval(size_node, scope)] if size_node is not None else [self.eval(a, scope) for a in node.args]
        if len(sizes) == 1 and isinstance(sizes[0], (tuple, list)):
            sizes = list(sizes[0])
        if not sizes or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in sizes):
            raise self.fail(node, say("{ref}(...) needs whole-number sizes", ref=ref.dotted), f"a call of {ref.dotted}")
        if ref.dotted in cv.RANDOM_TENSORS and not self.random_batches:  # the first one is all a notice names
            self.random_batches.append((node.lineno, cv.call_text(node, self.lines)))
        return cv.TensorValue(tuple(sizes))

    def _ordered_dict(self, node: ast.Call, scope: Scope) -> OrderedDict:
        args, kwargs = self._arguments(node, scope)
        if len(args) > 1:
            raise self.fail(node, say("OrderedDict takes one list of (name, layer) pairs"), "OrderedDict(...)")
        pairs = list(args[0]) if args else []
        for pair in pairs:
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise self.fail(node, say('each entry of OrderedDict([...]) must be a pair ("name", layer)'),
                                "OrderedDict(...)")
        return OrderedDict([*pairs, *kwargs.items()])

    def call_function(self, node: ast.Call, function: Function, scope: Scope) -> Any:
        """The value ``function`` returns when ``node`` calls it: its body evaluated with the arguments bound."""
        if function.name in self.active:
            raise self.fail(node, say("{function}() calls itself; LayerLab reads functions that do not recurse",
                                      function=function.name),
                            "a recursive call")
        if len(self.active) >= 16:
            raise self.fail(node, say("functions call each other more than 16 deep"), "deep nesting")
        if self.active:
            self.callers.setdefault(function.name, set()).add(self.active[-1])
        params = function.node.args
        if params.vararg or params.kwarg:
            raise self.fail(function.node, say("{function}() takes *args or **kwargs, which LayerLab does not "
                                               "read: name each parameter",
                                               function=function.name), "star-args in a def")
        args, kwargs = self._arguments(node, scope)
        local = Scope(function.scope)
        names = [a.arg for a in params.posonlyargs + params.args]
        if len(args) > len(names):
            raise self.fail(node, say("{function}() takes {expected} positional arguments but got {got}",
                                      function=function.name, expected=len(names), got=len(args)),
                            f"a call of {function.name}()")
        local.names.update(zip(names, args, strict=False))
        by_keyword = {a.arg for a in params.kwonlyargs} | set(names[len(params.posonlyargs):])
        for key, value in kwargs.items():
            if key not in by_keyword or key in local.names:
                raise self.fail(node, say("{function}() got an unexpected or repeated argument {key!r}",
                                          function=function.name, key=key),
                                f"a call of {function.name}()")
            local.names[key] = value
        for name in names + [a.arg for a in params.kwonlyargs]:
            if name not in local.names:
                if name not in function.defaults:
                    raise self.fail(node, say("{function}() is missing the argument {name!r}",
                                              function=function.name, name=name),
                                    f"a call of {function.name}()")
                local.names[name] = function.defaults[name]
        outermost = not self.active
        if outermost:
            self.calls += 1
            self.call = self.calls
        self.active.append(function.name)
        try:
            result = self.run(function.node.body, local, in_function=True)
        finally:
            self.active.pop()
            if outermost:
                self.call = 0
        if result is None:
            raise self.fail(node, say("{function}() returns nothing: end it with return nn.Sequential(...)",
                                      function=function.name),
                            f"a call of {function.name}()")
        return result
