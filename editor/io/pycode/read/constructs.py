"""What the code reader calls a piece of Python in its messages: "a for loop", "an assignment to an index".

Every :class:`~editor.io.errors.CodeImportError` names the construct it
stops at (its ``construct``), so that a learner sees which part of the code
LayerLab does not read. The expression reader, the statement reader and the
init-function reader all name constructs the same way, from here.
"""

from __future__ import annotations

import ast

from editor.model.words import say

_EXPRESSIONS: dict[type[ast.AST], str] = {
    ast.ListComp: say("a list comprehension"), ast.SetComp: say("a set comprehension"),
    ast.DictComp: say("a dict comprehension"), ast.GeneratorExp: say("a generator expression"),
    ast.Lambda: say("a lambda"), ast.IfExp: say("a conditional expression"), ast.Compare: say("a comparison"),
    ast.BoolOp: say("and/or"), ast.JoinedStr: say("an f-string"), ast.Dict: say("a dict literal"),
    ast.Set: say("a set literal"), ast.NamedExpr: say("an assignment expression (:=)"), ast.Await: say("await"),
    ast.Yield: say("yield"), ast.YieldFrom: say("yield"), ast.Subscript: say("indexing"), ast.Slice: say("a slice"),
    ast.Starred: say("star-args (*)"), ast.FormattedValue: say("an f-string"),
}

_STATEMENTS: dict[type[ast.AST], str] = {
    ast.For: say("a for loop"), ast.AsyncFor: say("a for loop"), ast.While: say("a while loop"),
    ast.If: say("an if statement"), ast.With: say("a with block"), ast.AsyncWith: say("a with block"),
    ast.Try: say("a try block"), ast.Delete: say("a del statement"), ast.ClassDef: say("a class definition"),
    ast.AsyncFunctionDef: say("an async function"), ast.Global: say("a global statement"),
    ast.Nonlocal: say("a nonlocal statement"), ast.Raise: say("a raise statement"),
    ast.Assert: say("an assert statement"), ast.Return: say("a return statement"), ast.Match: say("a match statement"),
    ast.Import: say("an import"), ast.ImportFrom: say("an import"), ast.FunctionDef: say("a def"),
    ast.Pass: say("pass"), ast.Break: say("a break statement"), ast.Continue: say("a continue statement"),
}


def expression_construct(node: ast.expr) -> str:
    """What an expression the reader does not evaluate is called (``"a list comprehension"``)."""
    return _EXPRESSIONS.get(type(node), type(node).__name__)


def statement_construct(stmt: ast.stmt) -> str:
    """What a statement is called (``"an assignment to an index"``, ``"a call of print()"``)."""
    if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if any(isinstance(t, ast.Subscript) for t in targets):
            return say("an assignment to an index")
        if any(isinstance(t, ast.Attribute) for t in targets):
            return say("an assignment to an attribute")
        return say("an augmented assignment") if isinstance(stmt, ast.AugAssign) else say("an assignment")
    if isinstance(stmt, ast.Expr):
        call = stmt.value
        if isinstance(call, ast.Call):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            return say("a call of {name}()", name=name) if name else say("a call")
        return say("an expression statement")
    return _STATEMENTS.get(type(stmt), say("a {type} statement", type=type(stmt).__name__))
