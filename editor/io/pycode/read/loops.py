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

import editor.io.pycode.read.values as cv
from editor.model.words import say

if TYPE_CHECKING:
    from editor.io.pycode.read.evaluator import Scope
    from editor.io.pycode.read.statements import SourceReader

NOT_FOLLOWED = (ast.Return, ast.Break, ast.Continue, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                ast.While, ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)
"""What a followed loop's body may not hold (a loop that stops early, or definitions made in a loop)."""


def follow_range_loop(reader: SourceReader, loop: ast.For, scope: Scope) -> bool:
    """Run ``loop``'s body once for each number of its ``range`` (``for i in range(4): ...``); whether the loop is one
    of those: a plain ``range`` of whole numbers (not a name the file gave another meaning), no ``else``, and a body
    without return, break, continue or definitions."""
    call = loop.iter
    if not (isinstance(loop.target, ast.Name) and isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            and call.func.id == "range" and "range" not in scope.names and "range" not in reader.globals.names
            and 1 <= len(call.args) <= 3 and not call.keywords and not loop.orelse):
        return False
    if any(isinstance(node, NOT_FOLLOWED) for stmt in loop.body for node in ast.walk(stmt)):
        return False
    bounds = [reader.eval(arg, scope) for arg in call.args]
    if not all(type(bound) is int for bound in bounds):
        return False
    if len(bounds) == 3 and bounds[2] == 0:
        raise reader.fail(loop.iter, say("range() cannot step by 0"), "a for loop")
    numbers = range(*bounds)
    try:
        count = len(numbers)
    except OverflowError:  # more turns than sys.maxsize (range(2**255))
        count = cv.MAX_ITEMS + 1
    if count > cv.MAX_ITEMS:
        raise reader.fail(loop.iter, say("this loop runs more than the {limit:,} times LayerLab follows",
                                         limit=cv.MAX_ITEMS), "a huge loop")
    for number in numbers:
        reader.tick(loop)  # loops within loops, even of pass alone, stay within the limits on work
        scope.names[loop.target.id] = number
        for stmt in loop.body:
            reader.statement(stmt, scope, top=False)
    return True
