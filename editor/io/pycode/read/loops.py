"""The loops the code reader follows: ``for i in range(n):`` over a body that builds a model.

d2l's ``block2`` builds its model so: ``for i in range(4): net.add_module(f'block {i}', block1())``.
The reader runs such a body once for each number, in its own way (nothing of the source
runs), as Python would; every turn counts against the reader's limits on work
(:meth:`~editor.io.pycode.read.evaluator.Reader.tick`). Any other loop is skipped, and
refused where the model depends on it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from torch import nn

import editor.io.pycode.read.values as cv
from editor.model.words import say

if TYPE_CHECKING:
    from editor.io.pycode.read.evaluator import Reader, Scope

NOT_FOLLOWED = (ast.Return, ast.Break, ast.Continue, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                ast.While, ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)
"""What a followed loop's body may not hold (a loop that stops early, or definitions made in a loop)."""


def follow_range_loop(reader: Reader, loop: ast.For, scope: Scope) -> bool:
    """Run ``loop``'s body once for each number of its ``range`` (``for i in range(4): ...``); whether the loop is one
    of those: it builds a model (changes a Sequential or a list of the file), over a plain ``range`` of whole numbers
    (not a name the file gave another meaning) of at most ``MAX_ITEMS`` turns (all the file's followed loops together),
    with no ``else`` and a body without
    return, break, continue or definitions. Any other loop (a training loop, ``range(len(data))``) is skipped, as
    before: it only matters if the model depends on it."""
    call = loop.iter
    if not (isinstance(loop.target, ast.Name) and isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            and call.func.id == "range" and not _range_redefined(reader) and 1 <= len(call.args) <= 3
            and not call.keywords and not loop.orelse):
        return False
    if any(isinstance(node, NOT_FOLLOWED) for stmt in loop.body for node in ast.walk(stmt)):
        return False
    if not builds_a_model(loop, scope):
        return False
    try:
        bounds = [reader.eval(arg, scope) for arg in call.args]
    except cv.CodeImportError:  # range(len(data)), range(args.epochs): not followed
        return False
    if not all(type(bound) is int for bound in bounds):
        return False
    if len(bounds) == 3 and bounds[2] == 0:
        raise reader.fail(loop.iter, say("range() cannot step by 0"), "a for loop")
    numbers = range(*bounds)
    try:
        turns = reader.__dict__.get("loop_turns", 0) + len(numbers)
    except OverflowError:  # more turns than sys.maxsize (range(2**255))
        turns = cv.MAX_ITEMS + 1
    if turns > cv.MAX_ITEMS:  # all the file's loops together, nested ones too (each turn may add a layer)
        raise reader.fail(loop, say("the loops that build this model would run more than {limit:,} turns in all, "
                                    "more than LayerLab follows: build fewer layers", limit=cv.MAX_ITEMS),
                          "a huge loop")
    reader.__dict__["loop_turns"] = turns
    for number in numbers:
        reader.tick(loop)  # loops within loops, even of pass alone, stay within the limits on work
        scope.names[loop.target.id] = number
        for stmt in loop.body:
            reader.statement(stmt, scope, top=False)  # type: ignore[attr-defined]  # (a SourceReader's)
    return True


def _range_redefined(reader: Reader) -> bool:
    """:func:`redefines_range` of the reader's file, worked out once."""
    known = reader.__dict__.get("range_redefined")
    if known is None:
        known = reader.__dict__["range_redefined"] = redefines_range(reader.tree)
    return known


def redefines_range(tree: ast.AST) -> bool:
    """Whether the file gives ``range`` a meaning of its own anywhere (a def, a class, an assignment, an import, a
    parameter): its loops are then not followed (the reader's scopes are not Python's closures)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == "range":
            return True
        if isinstance(node, ast.Name) and node.id == "range" and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name) == "range":
            return True
        if isinstance(node, ast.arg) and node.arg == "range":
            return True
    return False


BUILDS = frozenset({"append", "extend", "insert", "add_module"})
"""The calls by which a loop's body builds a Sequential or a list of layers."""


def builds_a_model(loop: ast.For, scope: Scope) -> bool:
    """Whether ``loop`` changes a Sequential or a list that the file holds (``net.add_module(...)``,
    ``layers.append(...)``, ``layers += [...]``): a training loop does neither."""
    for node in ast.walk(loop):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in BUILDS:
            target = node.func.value
        elif isinstance(node, ast.AugAssign):
            target = node.target
        if isinstance(target, ast.Name) and isinstance(scope.lookup(target.id)[0], (nn.Sequential, list)):
            return True
    return False
