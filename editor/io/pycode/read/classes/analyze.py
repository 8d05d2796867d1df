"""One ``class X(nn.Module)`` of the file read as a :class:`~editor.io.pycode.read.classes.ir.ClassIR`.

:func:`analyze_class` checks the class itself (derived from ``nn.Module``, no
decorators, a body of ``__init__`` and ``forward``), then reads ``__init__``
(:mod:`~editor.io.pycode.read.classes.init_method`) and ``forward``
(:mod:`~editor.io.pycode.read.classes.forward_method`). Nothing in the class is
run: its defaults were worked out by the code reader where the class is
defined, the way Python works them out, and the rest is read from the syntax
tree. Every refusal points at the line and column of the part LayerLab does
not read, and says what it does read.
"""

from __future__ import annotations

import ast
import inspect
import keyword

from editor.io.pycode.read.classes.context import (
    MAX_CLASS_DEPTH,
    MODULE_BASES,
    SUPPORTED,
    ClassContext,
    find_method,
    resolve,
    signature,
)
from editor.io.pycode.read.classes.forward_method import ALL_CHILDREN, ForwardReader, applies_in_order
from editor.io.pycode.read.classes.init_method import InitReader
from editor.io.pycode.read.classes.ir import REQUIRED, ClassIR, Hyperparameter
from editor.io.pycode.read.classes.translate import Names, to_text
from editor.io.pycode.read.constructs import statement_construct
from editor.io.pycode.read.values import ClassRef, TorchRef
from editor.model.custom.blocks import is_index
from editor.model.custom.definitions import MAX_DESCRIPTION
from editor.model.words import say

_METHODS = ("__init__", "forward")


def analyze_class(ref: ClassRef, context: ClassContext) -> ClassIR:
    """``ref`` as data; raises :class:`~editor.io.errors.CodeImportError` at the first part LayerLab does not read."""
    node = ref.node
    if len(context.active) >= MAX_CLASS_DEPTH:
        raise context.fail(node, say("classes are built inside classes more than {limit} deep", limit=MAX_CLASS_DEPTH),
                           "deep nesting")
    _check_class(ref, context)
    params = signature(ref, context)
    hyperparameters = tuple(Hyperparameter(p.name, REQUIRED if p.default is inspect.Parameter.empty else p.default)
                            for p in params.parameters.values() if p.kind is not inspect.Parameter.VAR_POSITIONAL)
    init = find_method(node, "__init__")
    self_name = "self"
    if init is not None:
        positional = [*init.args.posonlyargs, *init.args.args]
        if not positional:
            raise context.fail(init, say("{ref}.__init__ must take self first", ref=ref.name), "a def")
        self_name = positional[0].arg
    names = Names({h.name: ast.Name(h.name, ast.Load()) for h in hyperparameters}, self_name=self_name)
    inner = context.inner(ref.name)
    result = InitReader(ref, init, inner, names).read() if init is not None else None
    parameters = tuple(result.parameters.values()) if result else ()
    children = [c.name for c in result.children] if result else []
    varargs = init.args.vararg.arg if init is not None and init.args.vararg is not None else None
    forward = find_method(node, "forward")
    if forward is None:
        raise context.fail(node, say("{ref} has no forward method; LayerLab reads classes whose forward returns "
                                     "the output: def forward(self, X): return ...",
                                     ref=ref.name), "a class definition")
    if parameters and (children or varargs):
        first = parameters[0]
        if first.registered:
            message = say("{ref} has both submodules and its own parameters (self.{first}, line {line}); LayerLab "
                          "reads a class with parameters as a layer and one with submodules as a block: move the "
                          "parameters into a layer class of their own", ref=ref.name, first=first.name,
                          line=first.line)
        else:  # a plain tensor (d2l's FixedHiddenMLP: self.rand_weight = torch.rand(...)), not a parameter
            message = say("{ref} has both submodules and its own tensor (self.{first}, line {line}, a constant that "
                          "parameters() does not see); LayerLab reads a class with tensors as a layer and one with "
                          "submodules as a block: move the tensor into a layer class of its own",
                          ref=ref.name, first=first.name, line=first.line)
        raise context.fail(node, message, "a class definition")
    attributes = dict(names.attributes)
    forward_names = Names({}, attributes, frozenset(children), self_name)
    forward_reader = ForwardReader(ref.name, forward, inner, forward_names, children, varargs is not None)
    tree = forward_reader.read()
    _check_names(ref, context, hyperparameters, parameters, children)
    line, column = context.where(node)
    if varargs is not None:
        if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id == ALL_CHILDREN
                and isinstance(tree.args[0], ast.Name) and tree.args[0].id == "x"):
            raise context.fail(forward, say("{ref} takes its submodules as *{varargs}; LayerLab reads its forward "
                                            "when it applies them in turn and returns the result: for block in "
                                            "self._modules.values(): X = block(X), then return X",
                                            ref=ref.name, varargs=varargs), "a def")
        return ClassIR(ref.name, hyperparameters, (), (), None, True, varargs, line, column, _docstring(node))
    in_order = bool(children) and applies_in_order(tree, children)
    numbered = next((name for name in children if is_index(name)), None)
    if numbered is not None and not in_order:
        raise context.fail(forward, say("{ref} has numbered submodules ({numbered!r}, as nn.Sequential numbers "
                                        "them), which forward can only apply all in turn: LayerLab reads for layer "
                                        "in self.children(): X = layer(X), then return X",
                                        ref=ref.name, numbered=numbered), "a def")
    text = to_text(tree, context.fail, forward, f"{ref.name}.forward")
    return ClassIR(ref.name, hyperparameters, parameters, tuple(result.children) if result else (), text, in_order,
                   None, line, column, _docstring(node), tuple(forward_reader.notes))


def _docstring(node: ast.ClassDef) -> str:
    """The class's docstring, as a definition's description (cut to the length a description may have)."""
    text = ast.get_docstring(node) or ""
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION - 1] + "…"


def _check_class(ref: ClassRef, context: ClassContext) -> None:
    node = ref.node
    if node.decorator_list:
        raise context.fail(node.decorator_list[0], say("decorators on a class are not read by LayerLab: remove it "
                                                       "from {ref}", ref=ref.name), "a decorator")
    if node.keywords:
        raise context.fail(node.keywords[0], say("class keywords (metaclass=...) are not read by LayerLab: "
                                                 "derive {ref} from nn.Module only", ref=ref.name), "a class keyword")
    bases = [resolve(b, context) for b in node.bases]
    if len(node.bases) != 1 or not isinstance(bases[0], TorchRef) or bases[0].dotted not in MODULE_BASES:
        where = node.bases[0] if node.bases else node
        if bases and isinstance(bases[0], ClassRef):
            message = say("{ref} must derive from nn.Module, and from nothing else ({base} is a class of the file): "
                          "LayerLab reads class {ref}(nn.Module)", ref=ref.name, base=ast.unparse(node.bases[0])[:40])
        else:
            message = say("{ref} must derive from nn.Module, and from nothing else: LayerLab reads class "
                          "{ref}(nn.Module)", ref=ref.name)
        raise context.fail(where, message, "a base class")
    for stmt in node.body:
        if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                                          and isinstance(stmt.value.value, str)):
            continue
        if isinstance(stmt, ast.FunctionDef) and stmt.name in _METHODS:
            if stmt.decorator_list:
                raise context.fail(stmt.decorator_list[0], say("decorators on {stmt} are not read by LayerLab: "
                                                               "remove it", stmt=stmt.name), "a decorator")
            continue
        construct = f"the method {stmt.name}" if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
            statement_construct(stmt)
        raise context.fail(stmt, say("{construct} in the body of {ref} is not something LayerLab reads: a class "
                                     "holds def __init__ and def forward only. {supported}.",
                                     construct=construct, ref=ref.name, supported=SUPPORTED), construct)


def _check_names(ref: ClassRef, context: ClassContext, hyperparameters: tuple[Hyperparameter, ...],
                 parameters: tuple, children: list[str]) -> None:
    """Hyperparameters, parameters and submodules share one namespace in a definition, and ``x`` is the input."""
    seen: dict[str, str] = {}
    for what, names in (("constructor argument", [h.name for h in hyperparameters]),
                        ("parameter", [p.name for p in parameters]), ("submodule", children)):
        for name in names:
            if name == "x" or keyword.iskeyword(name) or name in seen:
                clash = "the input's name in LayerLab's expressions" if name == "x" else \
                    "a Python keyword" if keyword.iskeyword(name) else f"also a {seen[name]}"
                raise context.fail(ref.node, say("the {what} {name!r} of {ref} is {clash}: rename it",
                                                 what=what, name=name, ref=ref.name, clash=clash),
                                   "a class definition")
            seen[name] = what
