"""What the code reader calls a piece of Python in its messages: "a for loop", "an assignment to an index".

Every :class:`~editor.io.errors.CodeImportError` names the construct it
stops at (its ``construct``), so that a learner sees which part of the code
LayerLab does not read. The expression reader, the statement reader and the
init-function reader all name constructs the same way, from here.
"""

from __future__ import annotations

import ast

_EXPRESSIONS: dict[type[ast.AST], str] = {
    ast.ListComp: "a list comprehension", ast.SetComp: "a set comprehension", ast.DictComp: "a dict comprehension",
    ast.GeneratorExp: "a generator expression", ast.Lambda: "a lambda", ast.IfExp: "a conditional expression",
    ast.Compare: "a comparison", ast.BoolOp: "and/or", ast.JoinedStr: "an f-string", ast.Dict: "a dict literal",
    ast.Set: "a set literal", ast.NamedExpr: "an assignment expression (:=)", ast.Await: "await",
    ast.Yield: "yield", ast.YieldFrom: "yield", ast.Subscript: "indexing", ast.Slice: "a slice",
    ast.Starred: "star-args (*)", ast.FormattedValue: "an f-string",
}

_STATEMENTS: dict[type[ast.AST], str] = {
    ast.For: "a for loop", ast.AsyncFor: "a for loop", ast.While: "a while loop", ast.If: "an if statement",
    ast.With: "a with block", ast.AsyncWith: "a with block", ast.Try: "a try block", ast.Delete: "a del statement",
    ast.ClassDef: "a class definition", ast.AsyncFunctionDef: "an async function", ast.Global: "a global statement",
    ast.Nonlocal: "a nonlocal statement", ast.Raise: "a raise statement", ast.Assert: "an assert statement",
    ast.Return: "a return statement", ast.Match: "a match statement", ast.Import: "an import",
    ast.ImportFrom: "an import", ast.FunctionDef: "a def", ast.Pass: "pass", ast.Break: "a break statement",
    ast.Continue: "a continue statement",
}


def expression_construct(node: ast.expr) -> str:
    """What an expression the reader does not evaluate is called (``"a list comprehension"``)."""
    return _EXPRESSIONS.get(type(node), type(node).__name__)


def statement_construct(stmt: ast.stmt) -> str:
    """What a statement is called (``"an assignment to an index"``, ``"a call of print()"``)."""
    if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if any(isinstance(t, ast.Subscript) for t in targets):
            return "an assignment to an index"
        if any(isinstance(t, ast.Attribute) for t in targets):
            return "an assignment to an attribute"
        return "an augmented assignment" if isinstance(stmt, ast.AugAssign) else "an assignment"
    if isinstance(stmt, ast.Expr):
        call = stmt.value
        if isinstance(call, ast.Call):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            return f"a call of {name}()" if name else "a call"
        return "an expression statement"
    return _STATEMENTS.get(type(stmt), f"a {type(stmt).__name__} statement")
