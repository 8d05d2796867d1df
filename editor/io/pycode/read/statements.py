"""Statements for the code reader: imports, assignments, ``def``, in-place Sequential edits, and what it skips.

See :mod:`editor.io.pycode.read.evaluator` for the idea. Here each statement is either
understood and evaluated (without running any of the source), or skipped: a
skipped statement sets :class:`~editor.io.pycode.read.values.Poison` on the names it
would assign and a :class:`~editor.io.pycode.read.values.Taint` on the modules it
mentions, so it only matters if the chosen model depends on it.
"""

from __future__ import annotations

import ast
from typing import Any

from torch import nn

import editor.io.pycode.read.init.statements as code_init_read
import editor.io.pycode.read.values as cv
from editor.io.errors import CodeImportError
from editor.io.pycode.read.classes.context import find_method
from editor.io.pycode.read.classes.instances import instantiate
from editor.io.pycode.read.constructs import statement_construct
from editor.io.pycode.read.evaluator import PASS_THROUGH, Function, Reader, Scope
from editor.io.pycode.read.loops import follow_range_loop
from editor.io.pycode.read.values import Poison, Taint, TorchRef
from editor.model import catalog
from editor.model.catalog.build import lazy_kinds
from editor.model.words import message_of, say

# Sequential methods LayerLab performs (on the values it holds, never by running the source).
_EDITS = frozenset({"append", "extend", "insert", "add_module", "register_module"})
# Sequential methods that change its structure in ways LayerLab does not follow.
_STRUCTURE = _EDITS | {"pop", "clear", "__setitem__", "__delitem__", "__iadd__", "__imul__"}
# Methods that change parameter values or types after construction.
_WEIGHTS = frozenset({"apply", "load_state_dict", "half", "double", "float", "bfloat16", "type", "to_empty"})

# List methods LayerLab performs on a list of layers it holds (layers.append(nn.ReLU())).
_LIST_EDITS = frozenset({"append", "extend", "insert"})


def _children(node: ast.AST) -> list[ast.AST]:
    """Child nodes, without looking into nested function or class bodies (they have their own names)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
        return [*getattr(node, "decorator_list", [])]
    return list(ast.iter_child_nodes(node))


def _walk(stmt: ast.AST) -> list[ast.AST]:
    out, stack = [], [stmt]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(_children(node) if node is not stmt or not isinstance(node, ast.ClassDef) else [])
    return out


def _stored_names(stmt: ast.stmt) -> list[str]:
    names: list[str] = []
    for node in _walk(stmt):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.append(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names += [(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"]
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.append(node.name)
    return list(dict.fromkeys(names))


def _is_main_guard(stmt: ast.stmt) -> bool:
    test = stmt.test if isinstance(stmt, ast.If) else None
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and \
        any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)


def _effect(stmt: ast.stmt, name: str, module: nn.Module) -> tuple[str | None, ast.AST]:
    """What a skipped ``stmt`` may do to the module held by ``name`` ("structure", "weights" or None), and where."""
    sequential = isinstance(module, nn.Sequential)
    effect: tuple[str | None, ast.AST] = (None, stmt)
    for node in _walk(stmt):
        targets: list[ast.AST] = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For)):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and target.id == name and isinstance(node, ast.AugAssign) and sequential:
                return "structure", node
            if isinstance(target, (ast.Subscript, ast.Attribute)):
                if sequential and isinstance(target.value, ast.Name) and target.value.id == name:
                    return "structure", node
                effect = ("weights", node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            if sequential and attr in _STRUCTURE and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id == name:
                return "structure", node
            if attr in _WEIGHTS or (attr.endswith("_") and not attr.startswith("__")):
                effect = ("weights", node)
    return effect


class SourceReader(Reader):
    """Reads a whole file: runs (in its own way) the statements it understands, skips the rest."""

    def read_module(self) -> None:
        """Go through the module's statements in order."""
        self.run(self.tree.body, self.globals)

    def run(self, body: list[ast.stmt], scope: Scope, in_function: bool = False) -> Any:
        for stmt in body:
            if in_function and isinstance(stmt, ast.Return):
                return None if stmt.value is None else self.eval(stmt.value, scope)
            understood = self.statement(stmt, scope, top=not in_function)
            if in_function and not understood and any(isinstance(n, ast.Return) for n in _walk(stmt)):
                construct = statement_construct(stmt)
                raise self.fail(stmt, say("{construct} decides what the function returns, and LayerLab does not run "
                                          "it: end the function with return nn.Sequential(...)",
                                          construct=construct), construct)
        return None

    def statement(self, stmt: ast.stmt, scope: Scope, top: bool) -> bool:
        """Evaluate or skip one statement; whether it was understood."""
        if top and not _is_main_guard(stmt):
            self._note_inputs(stmt, scope)
        if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
            return True
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self._import(stmt, scope)
        elif isinstance(stmt, ast.FunctionDef):
            self._def(stmt, scope, top)
        elif isinstance(stmt, ast.ClassDef):
            self._class(stmt, scope, top)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)) and (
                (isinstance(stmt, ast.Assign) and code_init_read.read_assign(self, stmt, scope))  # requires_grad
                or self._assign(stmt, scope, top)):
            pass
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            self._augassign(stmt, scope)
        elif (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and self._expr_call(stmt.value, scope)) \
                or (isinstance(stmt, ast.For) and follow_range_loop(self, stmt, scope)):
            pass
        elif top and _is_main_guard(stmt):
            self.run(stmt.body, scope)  # what runs when the file is run as a script
        else:
            self._skip(stmt, scope)
            return False
        return True

    def _note_inputs(self, stmt: ast.stmt, scope: Scope) -> None:
        """Remember ``model(x)`` with ``x = torch.randn(...)`` (or ``model(torch.randn(...))``): the batch shape."""
        for node in _walk(stmt):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 \
                    and isinstance(node.args[0], (ast.Name, ast.Call)) and not node.keywords:
                model = scope.names.get(node.func.id)
                if not isinstance(model, nn.Module):
                    continue
                arg = node.args[0]
                batch = scope.names.get(arg.id) if isinstance(arg, ast.Name) else self._batch(arg, scope)
                if isinstance(batch, cv.TensorValue):
                    self.inputs.setdefault(id(model), batch.shape)

    def _batch(self, call: ast.Call, scope: Scope) -> cv.TensorValue | None:
        """``torch.randn(3, 20)`` written inside ``model(...)``: its shape; None for any other call."""
        try:
            func = self.eval(call.func, scope) if isinstance(call.func, ast.Attribute) else None
            if isinstance(func, TorchRef) and func.dotted in cv.TENSORS:
                value = self.eval(call, scope)
                return value if isinstance(value, cv.TensorValue) else None
        except CodeImportError:
            return None
        return None

    # -------------------------------------------------------------- imports
    def _import(self, stmt: ast.Import | ast.ImportFrom, scope: Scope) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                path = tuple(alias.name.split("."))
                scope.names[alias.asname or path[0]] = TorchRef(path if alias.asname else path[:1])
            return
        module = tuple(("." * stmt.level + (stmt.module or "")).split("."))
        for alias in stmt.names:
            if alias.name == "*":
                if module == ("torch", "nn"):
                    for kind in catalog.kinds():
                        scope.names[kind.name] = TorchRef(("torch", "nn", kind.name))
                    for path in lazy_kinds():
                        scope.names[path.rpartition(".")[2]] = TorchRef(tuple(path.split(".")))
                    scope.names["Sequential"] = TorchRef(("torch", "nn", "Sequential"))
                continue
            scope.names[alias.asname or alias.name] = TorchRef((*module, alias.name))

    def _def(self, stmt: ast.FunctionDef, scope: Scope, top: bool) -> None:
        value: Any
        try:
            if stmt.decorator_list:
                raise self.fail(stmt.decorator_list[0], say("decorators are not supported on functions that build "
                                                            "models; remove it"), "a decorator")
            params = stmt.args
            positional = params.posonlyargs + params.args
            defaults: dict[str, Any] = {}
            for arg, node in zip(positional[len(positional) - len(params.defaults):], params.defaults, strict=True):
                defaults[arg.arg] = self.eval(node, scope)
            for arg, node in zip(params.kwonlyargs, params.kw_defaults, strict=True):
                if node is not None:
                    defaults[arg.arg] = self.eval(node, scope)
            value = Function(stmt, scope, defaults)
        except CodeImportError as exc:
            value = Poison(exc)
        scope.names[stmt.name] = value
        if top:
            self.bindings[stmt.name] = (stmt, stmt)

    def _class(self, stmt: ast.ClassDef, scope: Scope, top: bool) -> None:
        """``class Net(nn.Module)``: kept as data; its ``__init__`` defaults are worked out now, as Python does.

        Nothing of the class runs: neither its body, nor its decorators, nor
        its base classes' code. Whether LayerLab reads it is decided when the
        model calls it; until then a class LayerLab cannot read stops nothing.
        """
        value: Any
        try:
            init = find_method(stmt, "__init__")
            defaults: dict[str, Any] = {}
            if init is not None and not stmt.decorator_list:
                params = init.args
                positional = params.posonlyargs + params.args
                for arg, node in zip(positional[len(positional) - len(params.defaults):], params.defaults,
                                     strict=True):
                    defaults[arg.arg] = self.eval(node, scope)
                for arg, node in zip(params.kwonlyargs, params.kw_defaults, strict=True):
                    if node is not None:
                        defaults[arg.arg] = self.eval(node, scope)
            value = cv.ClassRef(stmt, scope, defaults)
        except CodeImportError as exc:
            value = Poison(exc)
        scope.names[stmt.name] = value
        if top:
            self.bindings[stmt.name] = (stmt, stmt)

    def call_class(self, node: ast.Call, ref: cv.ClassRef, scope: Scope) -> Any:
        return instantiate(self, node, ref, scope)

    # ---------------------------------------------------------- assignments
    def _assign(self, stmt: ast.Assign | ast.AnnAssign, scope: Scope, top: bool) -> bool:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            parts = target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]
            if not all(isinstance(p, ast.Name) for p in parts):
                return False
        if stmt.value is None:
            return True  # `x: int` only annotates
        try:
            value = self.eval(stmt.value, scope)
        except CodeImportError as exc:
            value = Poison(exc)
            self._poison_lists(stmt, scope)  # x = layers.pop() was not run: layers may have changed
        for target in targets:
            self._bind(target, value, scope, stmt.value, top)
        origin = stmt.value
        while isinstance(origin, ast.Call) and isinstance(origin.func, ast.Attribute) and \
                origin.func.attr in PASS_THROUGH:
            origin = origin.func.value
        if top and isinstance(value, nn.Sequential) and isinstance(origin, ast.Call) and \
                isinstance(origin.func, ast.Name) and not origin.args and not origin.keywords:
            self.returned_by[id(value)] = origin.func.id
        return True

    def _bind(self, target: ast.expr, value: Any, scope: Scope, value_node: ast.expr, top: bool) -> None:
        if isinstance(target, ast.Name):
            scope.names[target.id] = value
            if top:
                self.bindings[target.id] = (target, value_node)
            return
        names = target.elts  # type: ignore[attr-defined]
        if not isinstance(value, Poison) and (not isinstance(value, (tuple, list)) or len(value) != len(names)):
            value = Poison(self.fail(target, say("cannot unpack {what} into {count} names",
                                                 what=self._what(value), count=len(names)),
                                     "unpacking"))
        for i, name in enumerate(names):
            self._bind(name, value if isinstance(value, Poison) else value[i], scope, value_node, top)

    def _augassign(self, stmt: ast.AugAssign, scope: Scope) -> None:
        name = stmt.target.id  # type: ignore[attr-defined]
        current: Any = None
        try:
            current = self._name(ast.Name(name, ast.Load(), lineno=stmt.lineno, col_offset=stmt.col_offset), scope)
            operand = self.eval(stmt.value, scope)
            if isinstance(current, nn.Sequential):
                symbol = "*=" if isinstance(stmt.op, ast.Mult) else "+="
                if isinstance(stmt.op, ast.Mult):
                    cv.repeat(current, operand)
                    current *= operand  # torch's __imul__: in place, the same modules again
                elif isinstance(stmt.op, ast.Add) and isinstance(operand, nn.Sequential):
                    if len(current) + len(operand) > cv.MAX_ITEMS:
                        raise ValueError(say("more than {limit:,} layers", limit=cv.MAX_ITEMS))
                    current += operand
                else:
                    raise ValueError(say("a Sequential supports *= n and += another Sequential"))
                value: Any = current
            else:
                symbol = cv.SYMBOLS.get(type(stmt.op), "?") + "="
                value = cv.arithmetic(stmt.op, current, operand)
                if isinstance(current, list) and isinstance(value, list):
                    current[:] = value  # list += and *= change the list in place, as Python does
                    value = current
        except CodeImportError as exc:
            value = Poison(exc)
        except ValueError as exc:
            value = Poison(self.fail(stmt, say("{reason}.", reason=message_of(exc)), f"the operator {symbol}"))
        if isinstance(value, Poison) and isinstance(current, nn.Module):
            self.registry.taint(current, Taint(stmt.lineno, value.error.problem, value.error))
        scope.names[name] = value

    # ---------------------------------------------------------------- calls
    def _expr_call(self, call: ast.Call, scope: Scope) -> bool:
        """A call used as a statement: a Sequential edit, ``torch.manual_seed``, or a harmless method."""
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in ("apply", "requires_grad_") and \
                code_init_read.read_call(self, call, scope):
            return True  # init rules and freezing: recorded, applied to the model on import
        if not isinstance(func, ast.Attribute) or not isinstance(func.value, (ast.Name, ast.Attribute)):
            return False
        try:
            receiver = self.eval(func.value, scope)
        except CodeImportError:
            return False
        if isinstance(receiver, TorchRef):
            if ".".join((*receiver.path, func.attr)) not in cv.MANUAL_SEED:
                return False
            try:
                value = self.eval(call.args[0], scope) if len(call.args) == 1 and not call.keywords else None
            except CodeImportError:
                value = None
            if isinstance(value, int) and not isinstance(value, bool):
                self.seeds.append((call.lineno, value))
            return True
        if isinstance(receiver, nn.Module) and func.attr in PASS_THROUGH:
            return True
        if isinstance(receiver, list) and func.attr in _LIST_EDITS:
            return self._list_edit(receiver, call, scope)
        if not isinstance(receiver, nn.Sequential) or func.attr not in _EDITS:
            return False
        try:
            args, kwargs = self._arguments(call, scope)
            if any(isinstance(a, (ast.Starred)) for a in call.args) or any(k.arg is None for k in call.keywords):
                raise self.fail(call, say("star-args are not supported"), "star-args (*)")
            self._edit(receiver, func.attr, args, kwargs)
        except CodeImportError as exc:
            self.registry.taint(receiver, Taint(call.lineno, exc.problem, exc))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            error = self.fail(call, say("{attr}(...) failed: {reason}.",
                                        attr=func.attr, reason=cv.reason(exc)), f"{func.attr}(...)")
            self.registry.taint(receiver, Taint(call.lineno, error.problem, error))
        return True

    def _list_edit(self, items: list[Any], call: ast.Call, scope: Scope) -> bool:
        """``layers.append(x)``, ``extend``, ``insert`` on a list the reader holds, as Python does them."""
        func = call.func
        assert isinstance(func, ast.Attribute)
        try:
            if any(isinstance(a, ast.Starred) for a in call.args) or call.keywords:
                raise self.fail(call, say("{attr}(...) takes plain arguments here",
                                          attr=func.attr), f"{func.attr}(...)")
            owner = scope.lookup(func.value.id)[1] if isinstance(func.value, ast.Name) else None
            if self.active and owner is not scope:
                # Each call of the function would grow the module's list again: what it builds depends on how often
                # it is called, which the reader (calling each builder to list the models) cannot follow.
                raise self.fail(call, say("{active}() changes a list defined outside it; build the list "
                                          "inside the function instead", active=self.active[-1]), f"{func.attr}(...)")
            args = [self.eval(a, scope) for a in call.args]
            if func.attr == "extend":
                if len(args) != 1 or not isinstance(args[0], (list, tuple, nn.Sequential)):
                    raise self.fail(call, say("extend takes a list or tuple"), "extend(...)")
                added = list(args[0])
            else:
                wanted = say("one item") if func.attr == "append" else say("an index and an item")
                if len(args) != (1 if func.attr == "append" else 2) or (
                        func.attr == "insert" and (isinstance(args[0], bool) or not isinstance(args[0], int))):
                    raise self.fail(call, say("{attr} takes {wanted}",
                                              attr=func.attr, wanted=wanted), f"{func.attr}(...)")
                added = args[-1:]
            if len(items) + len(added) > cv.MAX_ITEMS:
                raise self.fail(call, say("the list grows beyond {limit:,} items",
                                          limit=cv.MAX_ITEMS), f"{func.attr}(...)")
        except CodeImportError as exc:
            self._poison_lists(call, scope, exc)
            return True
        if func.attr == "insert":
            items.insert(args[0], added[0])
        else:
            items.extend(added)
        return True

    def _poison_lists(self, stmt: ast.AST, scope: Scope, error: CodeImportError | None = None) -> None:
        """Lists that ``stmt`` (not run) may change: using them later raises an error instead of missing items.

        A function of the file that ``stmt`` calls is looked into too (its
        names as its module sees them): ``add_layers()`` may append to a list.
        """
        construct = statement_construct(stmt) if isinstance(stmt, ast.stmt) else "a call"
        pending: list[tuple[ast.AST, Scope]] = [(stmt, scope)]
        seen: set[int] = set()
        while pending:
            code, where = pending.pop()
            for node in _walk(code) if code is stmt else [n for s in code.body for n in _walk(s)]:  # type: ignore
                target: ast.AST | None = None
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    target = node.func.value
                elif isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
                    target = node.value
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    function = where.lookup(node.func.id)[0]
                    if isinstance(function, Function) and id(function.node) not in seen:
                        seen.add(id(function.node))
                        pending.append((function.node, function.scope))
                if not isinstance(target, ast.Name):
                    continue
                value, owner = where.lookup(target.id)
                if isinstance(value, list) and owner is not None:
                    owner.names[target.id] = Poison(error or self.fail(
                        stmt, say("{construct} on line {line} ({snippet}) changes the list "
                                  "{name!r}, and LayerLab does not run it: write the list out, e.g. {name} = "
                                  "[nn.Linear(4, 8), nn.ReLU()], or use {name}.append(...) outside loops",
                                  construct=construct, line=stmt.lineno, snippet=self.snippet(stmt),
                                  name=target.id), construct))

    def _edit(self, sequential: nn.Sequential, method: str, args: list[Any], kwargs: dict[str, Any]) -> None:
        """``sequential.method(*args)``, checked first so that what torch does is what LayerLab can hold."""
        values = [*args, *kwargs.values()]
        if method == "extend":
            items = list(values[0]) if len(values) == 1 and isinstance(values[0], (list, tuple, nn.Sequential)) \
                else None
            if items is None:
                raise ValueError(say("extend takes a list of layers or a Sequential"))
            modules = items
        elif method in ("add_module", "register_module"):
            if len(values) != 2:
                raise ValueError(say("{method} takes a name and a layer", method=method))
            cv.check_label(values[0], len(sequential))
            modules = [values[1]]
        else:
            modules = [values[-1]] if values else []
        for module in modules:
            cv.check_module(module, say("the argument of {method}", method=method))
        if len(sequential) + len(modules) > cv.MAX_ITEMS:
            raise ValueError(say("more than {limit:,} layers", limit=cv.MAX_ITEMS))
        getattr(sequential, method)(*args, **kwargs)

    # ------------------------------------------------------------- skipping
    def _skip(self, stmt: ast.stmt, scope: Scope) -> None:
        """Do not run ``stmt``; make sure it only matters if the model depends on what it would do."""
        construct = statement_construct(stmt)
        line = stmt.lineno
        snippet = self.snippet(stmt)
        self._poison_lists(stmt, scope)
        for name, module in list(scope.modules(stmt)):
            effect, where = _effect(stmt, name, module)
            if effect == "structure":
                if where is stmt:
                    message = say("{construct}, {snippet}, changes {name!r}; LayerLab does not run code when it "
                                  "reads a model: write the layers out in nn.Sequential(...) instead",
                                  construct=construct, snippet=snippet, name=name)
                else:
                    message = say("{construct} ({snippet}) changes {name!r} with {change}; LayerLab does not run "
                                  "code when it reads a model: write the layers out in nn.Sequential(...) instead",
                                  construct=construct, snippet=snippet, name=name, change=self.snippet(where))
                error = self.fail(stmt, message, construct)
                self.registry.taint(module, Taint(line, error.problem, error))
            elif effect == "weights":
                self.registry.taint(module, Taint(line, say("Line {line}: {snippet!r} was not run: LayerLab reads "
                                                            "how the model is built, so its weights are the freshly "
                                                            "constructed ones.", line=line, snippet=snippet)))
        for name in _stored_names(stmt):
            message = say("{name!r} is set by {construct} on line {line}, which LayerLab does not run when it "
                          "reads a model: set it with a plain assignment such as {name} = ... instead",
                          name=name, construct=construct, line=line)
            scope.names[name] = Poison(self.fail(stmt, message, construct))
