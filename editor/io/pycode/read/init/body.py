"""Reading an init function (``def init_fn(m): ...``) as data, without running it.

The body becomes a small program (:class:`IfType`, :class:`IfNotNone`,
:class:`Loop`, :class:`IfName`, :class:`Fill`) over the forms that exported
code and textbooks use::

    if type(m) is nn.Linear:                 # also ==, isinstance(m, ...), type(m) in (...)
        nn.init.normal_(m.weight, mean=0, std=0.01)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    for name, w in m.named_parameters(recurse=False):
        if 'weight' in name:
            nn.init.uniform_(w, -10, 10)
            with torch.no_grad():
                w.copy_(torch.where(torch.abs(w) < 5, 0, w))   # or: w.data *= w.data.abs() >= 5

Names assigned once are read where they are used (``mask = m.weight.data.abs()
>= 5`` then ``m.weight.data *= mask``; ``std = 0.01``), and ``print(...)``
calls that only show values are passed over. A fill's custom update is
translated into the rule expression language
(``torch.where`` → ``where``, ``w.abs()`` → ``abs(w)``). Anything else raises
:class:`CodeImportError` at its line and column, naming the construct.
:mod:`editor.io.pycode.read.init.run` runs the program on real modules to find what
it fills.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
from typing import Any

import torch
from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.errors import CodeImportError
from editor.io.pycode.read.constructs import statement_construct
from editor.io.pycode.read.init.expressions import ExpressionReader, Local, StatementScope
from editor.io.pycode.read.init.program import Fill, IfName, IfNotNone, IfType, Loop, Program
from editor.io.pycode.read.values import TorchRef
from editor.model.errors import ValidationError
from editor.model.init.functions import INIT_FUNCTIONS
from editor.model.init.rules import compile_rule_expression
from editor.model.words import message_of, say

# Tensor methods that fill like an nn.init function (same draws): method -> (function, argument names).
_TENSOR_FILLS = {"normal_": ("normal_", ("mean", "std")), "uniform_": ("uniform_", ("a", "b")),
                 "fill_": ("constant_", ("val",)), "zero_": ("zeros_", ())}
_UPDATE_OPS = {ast.Mult: ast.Mult(), ast.Add: ast.Add(), ast.Sub: ast.Sub(), ast.Div: ast.Div()}
_SUPPORTED = say("LayerLab reads init functions made of nn.init calls, type checks (if type(m) is nn.Linear:), "
                 "'if m.bias is not None:', 'for name, w in m.named_parameters(recurse=False):' with "
                 "'if \"weight\" in name:', names assigned once (mask = m.weight.data.abs() >= 5), and one custom "
                 "update of the fresh values (w.copy_(...) or m.weight.data *= ...)")
# Calls that only read what a print(...) shows: a print made of these (and no others) changes nothing.
_PRINTABLE = frozenset({"named_parameters", "parameters", "named_buffers", "buffers", "named_children", "children",
                        "named_modules", "modules", "size", "numel", "dim", "item", "tolist", "abs", "sum",
                        "mean", "std", "var", "min", "max", "norm", "len", "str", "repr", "type", "round",
                        "float", "int", "list", "tuple", "format", "extra_repr", "_get_name"})


class BodyReader(ExpressionReader):
    """Reads one init function; ``evaluate(node)`` works out constants in the function's module scope."""

    def __init__(self, function: ast.FunctionDef, evaluate: Any, fail: Any) -> None:
        self.function = function
        self.evaluate = evaluate
        self.fail = fail
        args = function.args
        params = args.posonlyargs + args.args
        if len(params) != 1 or args.vararg or args.kwarg or args.kwonlyargs or args.defaults:
            raise fail(function, say("{function}() is applied with .apply(...), which calls it with one module: "
                                     "define it as def {function}(m):",
                                     function=function.name), "an init function's parameters")
        if function.decorator_list:
            raise fail(function.decorator_list[0], say("decorators are not supported on init functions; remove it"),
                       "a decorator")
        self.module = params[0].arg
        self.depth = 0
        self.assigned: dict[str, int] = {}  # every name the function assigns, and the line it is first assigned
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Store):
                            self.assigned.setdefault(name.id, node.lineno)

    def read(self) -> Program:
        doc = ast.get_docstring(self.function) or ""
        # Exported code says which parameters a rule fills ("… on all parameters of …"): a tie-breaker where
        # the layers at hand cannot tell (a PReLU has only a weight, so "weight" and "all" fill the same).
        hint = next((p for text, p in (("on the weights of", "weight"), ("on the biases of", "bias"),
                                       ("on all parameters of", "all")) if text in doc), None)
        return Program(self.function.name, self.function, self.block(self.function.body, StatementScope()), hint)

    # ------------------------------------------------------------ statements
    def block(self, body: list[ast.stmt], scope: StatementScope) -> list[Any]:
        out: list[Any] = []
        for stmt in body:
            self.statement(stmt, scope, out)
        return out

    def statement(self, stmt: ast.stmt, scope: StatementScope, out: list[Any]) -> None:
        if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
            return
        if isinstance(stmt, ast.If):
            self._if(stmt, scope, out)
        elif isinstance(stmt, ast.For):
            self._for(stmt, scope, out)
        elif isinstance(stmt, ast.With):
            if len(stmt.items) != 1 or stmt.items[0].optional_vars is not None or \
                    not self._is_torch(stmt.items[0].context_expr, "torch.no_grad", call=True):
                raise self.fail(stmt, say("only 'with torch.no_grad():' is read in an init function. {supported}.",
                                          supported=_SUPPORTED),
                                "a with block")
            inner = scope.inner(share_last=True)
            inner.no_grad = True
            for item in stmt.body:
                self.statement(item, inner, out)
            scope.fans |= inner.fans
            scope.locals.update(inner.locals)  # a with block always runs: its names are there after it
        elif isinstance(stmt, ast.Assign):
            self._assign(stmt, scope)
        elif isinstance(stmt, ast.AugAssign):
            if isinstance(stmt.target, ast.Name) and stmt.target.id in scope.locals:
                self._reassigned(stmt, stmt.target.id, scope)
            target = self._tensor(stmt.target, scope)
            if target is None or type(stmt.op) not in _UPDATE_OPS:
                raise self.fail(stmt, say("this augmented assignment is not an update LayerLab reads. {supported}.",
                                          supported=_SUPPORTED),
                                "an augmented assignment")
            self._in_place(stmt.target, scope, stmt)
            value = self.expression(stmt.value, scope, target)
            self._update(stmt, scope, target, ast.BinOp(ast.Name("w", ast.Load()), _UPDATE_OPS[type(stmt.op)],
                                                         value))
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            self._call(stmt.value, scope, out)
        else:
            construct = statement_construct(stmt)
            raise self.fail(stmt, say("{construct} inside the init function {function}(): LayerLab reads "
                                      "init functions as rules and does not run them. {supported}.",
                                      construct=construct, function=self.function.name,
                                      supported=_SUPPORTED), construct)

    def _if(self, stmt: ast.If, scope: StatementScope, out: list[Any]) -> None:
        if stmt.orelse:
            raise self.fail(stmt.orelse[0], say("an else or elif branch in an init function is not read: write one "
                                                "'if type(m) is nn.X:' block per layer type"), "an else branch")
        test = stmt.test
        classes = self._type_test(test)
        if classes is not None:
            out.append(IfType(stmt, classes[0], classes[1], self.block(stmt.body, scope.inner())))
            return
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.IsNot) and \
                isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None:
            name = self._attribute(test.left)
            if name is not None:
                out.append(IfNotNone(stmt, name, self.block(stmt.body, scope.inner())))
                return
        if scope.loop_name is not None and isinstance(test, ast.Compare) and len(test.ops) == 1 and \
                isinstance(test.ops[0], ast.In) and isinstance(test.left, ast.Constant) and \
                isinstance(test.left.value, str) and isinstance(test.comparators[0], ast.Name) and \
                test.comparators[0].id == scope.loop_name:
            inner = scope.inner()
            inner.part = test.left.value
            out.append(IfName(stmt, test.left.value, self.block(stmt.body, inner)))
            return
        raise self.fail(test, say("LayerLab does not read this condition in an init function. {supported}.",
                                  supported=_SUPPORTED),
                        "an if statement")

    def _type_test(self, test: ast.expr) -> tuple[tuple[type, ...], bool] | None:
        """``type(m) is nn.X`` / ``== nn.X`` / ``in (nn.X, nn.Y)`` (exact) or ``isinstance(m, ...)``."""
        def is_type_of_m(node: ast.expr) -> bool:
            return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" and \
                len(node.args) == 1 and not node.keywords and self._is_module(node.args[0])

        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, right, op = test.left, test.comparators[0], test.ops[0]
            if is_type_of_m(right) and isinstance(op, (ast.Is, ast.Eq)):
                left, right = right, left
            if is_type_of_m(left) and isinstance(op, (ast.Is, ast.Eq, ast.In)):
                if isinstance(op, ast.In) != isinstance(right, (ast.Tuple, ast.List)):
                    return None
                return self._classes(right), True
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance" and \
                len(test.args) == 2 and not test.keywords and self._is_module(test.args[0]):
            return self._classes(test.args[1]), False
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):  # type(m) == nn.Linear or ... == nn.Conv2d
            parts = [self._type_test(value) for value in test.values]
            if all(p is not None for p in parts) and len({p[1] for p in parts if p is not None}) == 1:
                return tuple(c for p in parts if p is not None for c in p[0]), parts[0][1]  # type: ignore[index]
        return None

    def _classes(self, node: ast.expr) -> tuple[type, ...]:
        items = node.elts if isinstance(node, (ast.Tuple, ast.List)) else [node]
        out = []
        for item in items:
            value = self.evaluate(item)
            cls: Any = None
            if isinstance(value, TorchRef) and value.path[0] == "torch":
                cls = torch
                for part in value.path[1:]:
                    cls = getattr(cls, part, None)
            if not (isinstance(cls, type) and issubclass(cls, nn.Module)):
                raise self.fail(item, say("a type check in an init function compares with a torch.nn class such as "
                                          "nn.Linear"), "a type check")
            out.append(cls)
        return tuple(out)

    def _for(self, stmt: ast.For, scope: StatementScope, out: list[Any]) -> None:
        target, it = stmt.target, stmt.iter
        ok = isinstance(target, ast.Tuple) and len(target.elts) == 2 and \
            all(isinstance(e, ast.Name) for e in target.elts) and isinstance(it, ast.Call) and \
            isinstance(it.func, ast.Attribute) and it.func.attr == "named_parameters" and \
            self._is_module(it.func.value) and not stmt.orelse and not it.args
        if not ok:
            raise self.fail(stmt, say("this for loop is not read in an init function. {supported}.",
                                      supported=_SUPPORTED), "a for loop")
        recurse = {k.arg: k.value for k in it.keywords}
        flag = recurse.get("recurse")
        if set(recurse) != {"recurse"} or not isinstance(flag, ast.Constant) or flag.value is not False:
            raise self.fail(it, say("named_parameters() without recurse=False also visits the parameters of "
                                    "submodules, which .apply(...) visits again on its own: write "
                                    "m.named_parameters(recurse=False)"), "named_parameters()")
        inner = scope.inner()
        inner.loop_name = target.elts[0].id  # type: ignore[attr-defined]
        inner.aliases[target.elts[1].id] = None  # type: ignore[attr-defined]
        out.append(Loop(stmt, self.block(stmt.body, inner)))

    def _assign(self, stmt: ast.Assign, scope: StatementScope) -> None:
        if len(stmt.targets) != 1:
            raise self.fail(stmt, say("chained assignment is not read in an init function"), "an assignment")
        target = stmt.targets[0]
        if isinstance(target, ast.Name) and target.id in ("fan_in", "fan_out", "numel"):
            self._fan(stmt, target.id, scope)
            return
        if isinstance(target, ast.Tuple) and [getattr(e, "id", None) for e in target.elts] == ["fan_in", "fan_out"]:
            value = stmt.value
            if isinstance(value, ast.Call) and len(value.args) == 1 and \
                    self._is_torch(value.func, "torch.nn.init._calculate_fan_in_and_fan_out") and \
                    self._tensor(value.args[0], scope) is not None:
                scope.fans |= {"fan_in", "fan_out"}
                return
        if isinstance(target, ast.Name):
            self._check_new_name(stmt, target.id, scope)
        source = self._tensor(stmt.value, scope) if isinstance(target, ast.Name) else None
        if source is not None and source[0] is not None and isinstance(target, ast.Name):
            if target.id in scope.locals:
                self._reassigned(stmt, target.id, scope)
            scope.aliases[target.id] = source[0]  # w = m.weight, or w = m.weight.data
            if isinstance(stmt.value, ast.Attribute) and stmt.value.attr == "data":
                scope.data.add(target.id)
            else:
                scope.data.discard(target.id)
            return
        if isinstance(target, ast.Attribute) and target.attr == "data" and self._tensor(target.value, scope):
            tensor = self._tensor(target.value, scope)
            self._update(stmt, scope, tensor, self.expression(stmt.value, scope, tensor))
            return
        if isinstance(target, ast.Subscript) and self._tensor(target.value, scope) is not None:
            tensor = self._tensor(target.value, scope)
            self._in_place(target.value, scope, stmt)
            mask = self.expression(target.slice, scope, tensor)
            value = self.expression(stmt.value, scope, tensor)
            if any(isinstance(n, ast.Name) and n.id == "w" for n in ast.walk(value)):
                raise self.fail(stmt.value, say("the value assigned to the selected entries must not depend on the "
                                                "tensor; write w.copy_(torch.where(condition, value, w)) instead"),
                                "an assignment")
            where = ast.Call(ast.Name("where", ast.Load()), [mask, value, ast.Name("w", ast.Load())], [])
            self._update(stmt, scope, tensor, where)
            return
        if isinstance(target, ast.Name):  # mask = m.weight.data.abs() >= 5, std = 0.01: read where it is used
            if target.id in scope.locals or target.id in scope.aliases:
                self._reassigned(stmt, target.id, scope)
            local = Local(target.id, stmt, stmt.value, scope.inner(share_last=True), scope.drawn())
            scope.locals[target.id] = local
            if not any(isinstance(n, ast.Call) for n in ast.walk(stmt.value)):
                with contextlib.suppress(CodeImportError):  # a number: worked out now, so long chains stay flat
                    self._local_constant(local)
            return
        raise self.fail(stmt, say("this assignment is not read in an init function. {supported}.",
                                  supported=_SUPPORTED), "an assignment")

    def _check_new_name(self, stmt: ast.stmt, name: str, scope: StatementScope) -> None:
        """A name the function may assign: not its module, the loop's name or an import of the file."""
        if name == self.module or name == scope.loop_name:
            what = say("module the function is applied to") if name == self.module \
                else say("parameter name of the loop")
            raise self.fail(stmt, say("{name!r} is the {what}; assigning it changes what the rest of the function "
                                      "reads: use a new name", name=name, what=what), "an assignment")
        if isinstance(self._maybe(ast.Name(name, ast.Load(), lineno=stmt.lineno, col_offset=0)), TorchRef):
            raise self.fail(stmt, say("{name!r} names an import of the file; assigning it inside the init function "
                                      "hides it: use a new name", name=name), "an assignment")

    def _reassigned(self, stmt: ast.stmt, name: str, scope: StatementScope) -> None:
        local = scope.locals.get(name)
        first = local.node.lineno if local is not None else self.assigned.get(name, stmt.lineno)
        raise self.fail(stmt, say("{name!r} is assigned again here (first on line {first}): LayerLab reads each name "
                                  "of an init function as the one value it is assigned, so give this value a new name",
                                  name=name, first=first),
                        "a second assignment")

    def _fan(self, stmt: ast.Assign, name: str, scope: StatementScope) -> None:
        """``fan_in = w.shape[1] * math.prod(w.shape[2:])`` (as exported), ``numel = w.numel()``."""
        formula = {"fan_in": "{w}.shape[1] * math.prod({w}.shape[2:])",
                   "fan_out": "{w}.shape[0] * math.prod({w}.shape[2:])", "numel": "{w}.numel()"}[name]
        given = ast.dump(stmt.value)
        if any(given == ast.dump(ast.parse(formula.format(w=var), mode="eval").body) for var in scope.aliases):
            scope.fans.add(name)
            return
        raise self.fail(stmt, say("{name} is worked out as in exported code (fan_in = w.shape[1] * "
                                  "math.prod(w.shape[2:]), numel = w.numel()) or with "
                                  "nn.init._calculate_fan_in_and_fan_out(w)", name=name), "an assignment")

    def _call(self, call: ast.Call, scope: StatementScope, out: list[Any]) -> None:
        func = call.func
        if isinstance(func, ast.Attribute) and self._tensor(func.value, scope) is not None:
            tensor = self._tensor(func.value, scope)
            if func.attr in ("copy_", "mul_") and len(call.args) == 1 and not call.keywords:
                self._in_place(func.value, scope, call)
                value = self.expression(call.args[0], scope, tensor)
                if func.attr == "mul_":
                    value = ast.BinOp(ast.Name("w", ast.Load()), ast.Mult(), value)
                self._update(call, scope, tensor, value)
                return
            if func.attr in _TENSOR_FILLS:
                self._in_place(func.value, scope, call)
                function, names = _TENSOR_FILLS[func.attr]
                if len(call.args) > len(names) or any(k.arg not in {"from", "to", *names} for k in call.keywords):
                    raise self.fail(call, say("{attr}() takes {names} here", attr=func.attr,
                                              names=", ".join(names) or say("no arguments")),
                                    f"a call of {func.attr}()")
                args = {n: self._constant(a, scope) for n, a in zip(names, call.args, strict=False)}
                args.update({{"from": "a", "to": "b"}.get(k.arg, k.arg): self._constant(k.value, scope)
                             for k in call.keywords})
                self._fill(call, scope, tensor, function, args, None, out)
                return
        value = self._maybe(func) if isinstance(func, (ast.Attribute, ast.Name)) else None
        if isinstance(func, ast.Name) and func.id == "print" and value is None:
            self._print(call)
            return
        if isinstance(value, TorchRef) and value.path[:3] == ("torch", "nn", "init") and len(value.path) == 4 and \
                value.path[3] in INIT_FUNCTIONS:
            self._init_call(call, value.path[3], scope, out)
            return
        shown = ast.unparse(func)[:40]
        raise self.fail(call, say("{shown}(...) inside the init function {function}(): LayerLab reads init "
                                  "functions as rules and does not run them. {supported}.",
                                  shown=shown, function=self.function.name,
                                  supported=_SUPPORTED), f"a call of {shown}()")

    def _print(self, call: ast.Call) -> None:
        """``print("Init", m.weight.shape)`` changes no parameter: passed over, unless it calls something else."""
        for node in ast.walk(call):
            if node is call or not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _PRINTABLE:
                raise self.fail(node, say("this print(...) calls {code}(), which may change the parameters or "
                                          "draw random numbers, and LayerLab does not run it: print only values such "
                                          "as {module}.weight.shape",
                                          code=ast.unparse(func)[:40], module=self.module), "a call inside print()")

    def _init_call(self, call: ast.Call, function: str, scope: StatementScope, out: list[Any]) -> None:
        if not call.args or self._tensor(call.args[0], scope) is None:
            raise self.fail(call, say("nn.init.{function} is read when its first argument is the module's parameter "
                                      "(m.weight, m.bias, or the loop's w)", function=function), f"nn.init.{function}")
        tensor = self._tensor(call.args[0], scope)
        for arg in call.args:
            if isinstance(arg, ast.Starred):
                raise self.fail(arg, say("star-args are not supported"), "star-args (*)")
        if any(k.arg is None for k in call.keywords):
            raise self.fail(call, say("**kwargs are not supported"), "star-args (**)")
        signature = inspect.signature(getattr(nn.init, function))
        try:
            bound = signature.bind(*call.args, **{k.arg: k.value for k in call.keywords})
        except TypeError as exc:
            raise self.fail(call, say("nn.init.{function}(...) does not take these arguments: {reason}",
                                      function=function, reason=message_of(exc)),
                            f"nn.init.{function}") from None
        given = dict(bound.arguments)
        given.pop(next(iter(signature.parameters)))  # the tensor itself
        if "generator" in given:
            raise self.fail(given["generator"], say("a generator= argument is not read: LayerLab's rules draw from "
                                                    "torch's default generator, as torch.manual_seed(seed) sets it"),
                            "generator=")
        gain_from = None
        gain = given.get("gain")
        if gain is not None and isinstance(gain, ast.Call) and self._is_torch(gain.func,
                                                                              "torch.nn.init.calculate_gain"):
            if not 1 <= len(gain.args) <= 2 or gain.keywords:
                raise self.fail(gain, say("write nn.init.calculate_gain('relu') or calculate_gain('leaky_relu', 0.2)"),
                                "calculate_gain")
            values = [self._constant(a, scope) for a in gain.args]
            gain_from = (values[0], values[1] if len(values) > 1 else None)
            del given["gain"]
        args = {name: self._constant(node, scope) for name, node in given.items()}
        self._fill(call, scope, tensor, function, args, gain_from, out)

    def _fill(self, node: ast.AST, scope: StatementScope, tensor: Any, function: str, args: dict[str, Any],
              gain_from: Any, out: list[Any]) -> None:
        name = tensor[0] if tensor[0] is not None else scope.part
        natural = "all" if name is None else "bias" if "bias" in name else "weight" if "weight" in name else "all"
        fill = Fill(node, tensor[0], function, args, gain_from, natural=natural)
        try:
            fill.rule()
        except ValidationError as exc:
            raise self.fail(node, cv.sentence(exc), f"nn.init.{function}") from None
        scope.last[tensor[1]] = fill
        out.append(fill)

    def _update(self, node: ast.AST, scope: StatementScope, tensor: Any, value: ast.expr) -> None:
        fill = scope.last.get(tensor[1])
        if fill is None:
            raise self.fail(node, say("this changes the parameter without an nn.init call just before it: a custom "
                                      "rule starts from an init function, e.g. nn.init.uniform_(m.weight, -10, 10), "
                                      "then updates the fresh values"), "a custom update")
        if fill.expression is not None:
            raise self.fail(node, say("an init call is followed by more than one update; LayerLab keeps one custom "
                                      "expression per init call: combine them into one"), "a second custom update")
        source = ast.unparse(ast.fix_missing_locations(value))
        try:
            compiled = compile_rule_expression(source)
        except ValidationError as exc:
            raise self.fail(node, say("the update {source!r} is not a rule expression LayerLab reads: {reason}",
                                      source=source, reason=message_of(exc)),
                            "a custom update") from None
        fill.expression = source
        fill.uses_fans = bool({"fan_in", "fan_out"} & compiled.names)
        try:
            fill.rule()
        except ValidationError as exc:
            raise self.fail(node, cv.sentence(exc), "a custom update") from None

    def _in_place(self, node: ast.expr, scope: StatementScope, where: ast.AST) -> None:
        """An in-place change of a parameter itself (not ``.data``) runs only under ``torch.no_grad()``."""
        data = (isinstance(node, ast.Attribute) and node.attr == "data") or \
            (isinstance(node, ast.Name) and node.id in scope.data)
        if not scope.no_grad and not data:
            raise self.fail(where, say("running this fails: an in-place change of a parameter that requires grad. "
                                       "Write it under 'with torch.no_grad():' or change m.weight.data"),
                            "an in-place update")

    # ---------------------------------------------------------------- pieces
    def _maybe(self, node: ast.expr) -> Any:
        try:
            return self.evaluate(node)
        except CodeImportError:
            return None

    def _is_module(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id == self.module

    def _attribute(self, node: ast.expr) -> str | None:
        """``m.weight`` → ``"weight"``."""
        if isinstance(node, ast.Attribute) and self._is_module(node.value):
            return node.attr
        return None

    def _tensor(self, node: ast.expr, scope: StatementScope) -> tuple[str | None, Any] | None:
        """``m.weight``, ``m.weight.data``, an alias or the loop's ``w``: (attribute or None, identity key)."""
        if isinstance(node, ast.Attribute) and node.attr == "data":
            node = node.value
        name = self._attribute(node)
        if name is not None:
            return name, ("attr", name)
        if isinstance(node, ast.Name) and node.id in scope.aliases:
            attr = scope.aliases[node.id]
            return attr, ("attr", attr) if attr is not None else ("loop", node.id)
        return None

    def _is_torch(self, node: ast.expr, dotted: str, call: bool = False) -> bool:
        if call:
            if not isinstance(node, ast.Call) or node.args or node.keywords:
                return False
            node = node.func
        value = self._maybe(node)
        return isinstance(value, TorchRef) and value.dotted == dotted
