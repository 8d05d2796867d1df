"""The code reader's side of init rules and freezing: ``model.apply(fn)`` and ``requires_grad_(False)``.

While the reader goes through the source, these statements are recorded
(never run): which module the function is applied to (``model``,
``model[0][1]``, ``model.get_submodule('head.0')``), the init function read as
data (:mod:`editor.io.pycode.read.init.body`), how many layers had been constructed
by then, and the model's structure at that moment. Which records belong to the
model being imported is decided afterwards (:mod:`editor.io.pycode.read.init.restore`).
"""

from __future__ import annotations

import ast
import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from torch import nn

from editor.io.errors import CodeImportError
from editor.io.pycode.read.evaluator import Function
from editor.io.pycode.read.init.body import BodyReader
from editor.io.pycode.read.init.program import Program
from editor.io.pycode.read.values import Poison, Taint
from editor.model.design.torch_dicts import slots
from editor.model.words import message_of, say

if TYPE_CHECKING:
    from editor.io.pycode.read.evaluator import Reader, Scope


@dataclass(eq=False)
class Application:
    """``<target>.apply(fn)``: ``base`` is the module the expression starts from (``model``)."""

    node: ast.Call
    base: nn.Module
    target: nn.Module
    program: Program | None
    error: CodeImportError | None
    built: int  # layers constructed so far in the file
    call: int  # the module-level function call it was made in (0: at module level)
    snapshot: tuple[Any, ...]  # the structure of ``base`` at that moment


@dataclass(eq=False)
class Freeze:
    """``<parameter>.requires_grad_(flag)``, ``.requires_grad = flag`` or ``<module>.requires_grad_(flag)``."""

    node: ast.AST
    base: nn.Module
    target: nn.Module | nn.Parameter
    flag: bool
    call: int


def structure(module: nn.Module) -> tuple[Any, ...]:
    """Which modules hold which children, by identity (to notice changes made after an ``apply``)."""
    # Every entry counts, also a child held twice, which named_children() would skip.
    return tuple((id(m), tuple(id(c) for c in slots(m).values())) for m in module.modules())


def _base_name(node: ast.expr) -> ast.Name | None:
    while True:
        if isinstance(node, ast.Name):
            return node
        if isinstance(node, (ast.Subscript, ast.Attribute)):
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            node = node.func.value
        else:
            return None


def _base(node: ast.expr, scope: Scope) -> nn.Module | None:
    name = _base_name(node)
    value = scope.lookup(name.id)[0] if name is not None else None
    return value if isinstance(value, nn.Module) else None


def address(reader: Reader, node: ast.expr, scope: Scope) -> nn.Module | nn.Parameter:
    """The module or parameter that ``model[0].weight`` / ``model.get_submodule('a.b')`` names."""
    if isinstance(node, ast.Name):
        value = scope.get(node.id)
        assert isinstance(value, nn.Module)
        return value
    if isinstance(node, ast.Subscript):
        holder = address(reader, node.value, scope)
        if not isinstance(holder, nn.Sequential):
            raise reader.fail(node, say("{snippet} is not an nn.Sequential, so it cannot be indexed",
                                        snippet=reader.snippet(node.value)),
                              "indexing")
        index = reader.eval(node.slice, scope)
        if isinstance(index, bool) or not isinstance(index, int):
            raise reader.fail(node.slice, say("index a Sequential with a whole number here (model[0])"), "indexing")
        if not -len(holder) <= index < len(holder):
            raise reader.fail(node, say("index {index} is out of range: the Sequential has {count} blocks",
                                        index=index, count=len(holder)),
                              "indexing")
        return holder[index]
    if isinstance(node, ast.Attribute):
        holder = address(reader, node.value, scope)
        if isinstance(holder, nn.Module):
            for lookup in (holder.get_submodule, holder.get_parameter):  # model.fc, model[0].weight
                with contextlib.suppress(AttributeError):
                    return lookup(node.attr)
        raise reader.fail(node, say("{snippet} has no parameter or submodule {attr!r}",
                                    snippet=reader.snippet(node.value), attr=node.attr),
                          f"attribute access .{node.attr}")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr in ("get_submodule", "get_parameter") and len(node.args) == 1 and not node.keywords:
        holder = address(reader, node.func.value, scope)
        key = reader.eval(node.args[0], scope)
        if not isinstance(holder, nn.Module) or not isinstance(key, str):
            raise reader.fail(node, say("{attr} takes a dotted name such as 'head.0'",
                                        attr=node.func.attr), node.func.attr)
        try:
            return getattr(holder, node.func.attr)(key)
        except AttributeError as exc:
            raise reader.fail(node, say("{attr}({key!r}) fails: {reason}",
                                        attr=node.func.attr, key=key, reason=message_of(exc)), node.func.attr) from None
    raise reader.fail(node, say("{snippet} does not name a block or parameter LayerLab can follow; "
                                "write model[0], model.get_submodule('a.b') or model[0].weight",
                                snippet=reader.snippet(node)), "an expression")


def read_call(reader: Reader, call: ast.Call, scope: Scope) -> bool:
    """``<module>.apply(fn)`` or ``<...>.requires_grad_(flag)`` as a statement; False when it is neither."""
    func = call.func
    assert isinstance(func, ast.Attribute)
    base = _base(func.value, scope)
    if base is None or (func.attr == "apply" and not _init_function(call, scope)):
        return False  # e.g. apply(lambda m: ...): skipped like any statement LayerLab does not read, with a notice
    call_number = reader.call
    try:
        target = address(reader, func.value, scope)
        if func.attr == "requires_grad_":
            flag = _flag(reader, call, call.args[0] if call.args else (
                call.keywords[0].value if call.keywords else None), call.keywords, scope)
            reader.freezes.append(Freeze(call, base, target, flag, call_number))
            return True
        if not isinstance(target, nn.Module):
            raise reader.fail(call, say("apply(...) is a method of modules, not of parameters"), "apply(...)")
        program, error = _program(reader, call, scope)
    except CodeImportError as exc:
        reader.registry.taint(base, Taint(call.lineno, exc.problem, exc))
        return True
    reader.applications.append(Application(
        call, base, target, program, error, len(reader.registry.layers), call_number, structure(base)))
    return True


def read_assign(reader: Reader, stmt: ast.Assign, scope: Scope) -> bool:
    """``<parameter>.requires_grad = flag``; False when the statement is something else."""
    if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Attribute) or \
            stmt.targets[0].attr != "requires_grad":
        return False
    holder = stmt.targets[0].value
    base = _base(holder, scope)
    if base is None:
        return False
    try:
        target = address(reader, holder, scope)
        if not isinstance(target, nn.Parameter):
            return False  # a module's plain attribute: it changes nothing
        flag = _flag(reader, stmt, stmt.value, [], scope)
    except CodeImportError as exc:
        reader.registry.taint(base, Taint(stmt.lineno, exc.problem, exc))
        return True
    reader.freezes.append(Freeze(stmt, base, target, flag, reader.call))
    return True


def _flag(reader: Reader, node: ast.AST, value: ast.expr | None, keywords: list[ast.keyword], scope: Scope) -> bool:
    if len(keywords) > 1 or any(k.arg != "requires_grad" for k in keywords) or \
            (isinstance(node, ast.Call) and len(node.args) + len(keywords) > 1):
        raise reader.fail(node, say("requires_grad_ takes one True or False"), "requires_grad_")
    flag = True if value is None else reader.eval(value, scope)
    if not isinstance(flag, bool):
        raise reader.fail(node, say("requires_grad is set to True or False"), "requires_grad")
    return flag


def _init_function(call: ast.Call, scope: Scope) -> bool:
    """Whether ``call`` is ``apply(fn)`` with ``fn`` a function defined in the file (``def fn(m): ...``)."""
    if len(call.args) != 1 or call.keywords or not isinstance(call.args[0], ast.Name):
        return False
    return isinstance(scope.lookup(call.args[0].id)[0], (Function, Poison))


def _program(reader: Reader, call: ast.Call, scope: Scope) -> tuple[Program | None, CodeImportError | None]:
    """The init function passed to ``apply``, read as data (or the error that says why it cannot be)."""
    function = scope.get(call.args[0].id)  # type: ignore[attr-defined]
    if isinstance(function, Poison):
        return None, function.error
    cache = reader.programs
    key = id(function.node)
    if key not in cache:
        try:
            body = BodyReader(function.node, lambda node: reader.eval(node, function.scope), reader.fail)
            cache[key] = body.read()
        except CodeImportError as exc:
            cache[key] = exc
    found = cache[key]
    return (None, found) if isinstance(found, CodeImportError) else (found, None)
