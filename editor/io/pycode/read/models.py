"""The models a source defines, and the one an import takes.

After the reader has gone through a file (:class:`~editor.io.pycode.read.statements.SourceReader`),
:func:`list_models` lists its models: ``nn.Sequential`` values assigned at
module level (``model = nn.Sequential(...)``), instances of the file's own
classes (``net = Net(784, 256, 8)``, a model of one block) and functions that
return either when called without arguments (``def build_model(): ...``). :func:`pick`
takes the one asked for, and :func:`explain_no_model` says why a file has
none. :func:`measure` refuses models too large or deep for a design before
anything walks them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from typing import NoReturn

from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.errors import CodeImportError
from editor.io.pycode.read.evaluator import Function, Reader
from editor.model.words import say

_NO_MODEL = say("No nn.Sequential model found. LayerLab reads a model written as model = nn.Sequential(...), an "
                "instance of an nn.Module class of the file (net = Net(...)), or one returned by a function such as "
                "def build_model(): return nn.Sequential(...).")


@dataclass(frozen=True)
class ModelCandidate:
    """One model the source defines: a module-level name (``"model"``) or a function (``"build_model()"``)."""

    name: str
    line: int | None
    column: int | None
    summary: str
    root: nn.Sequential | None = field(default=None, repr=False, compare=False)
    error: CodeImportError | None = field(default=None, repr=False, compare=False)
    default: bool = False
    start: int = field(default=0, repr=False, compare=False)  # layers the reader had built before this model
    call: int = field(default=0, repr=False, compare=False)  # the reader's call that built it (0: module level)
    lazy: bool = field(default=False, compare=False)
    """Whether it holds lazy layers (its summary counts the parameters before the input sizes them)."""


def mentions_sequential(node: ast.AST, classes: frozenset[str] = frozenset()) -> bool:
    """Whether ``node`` names ``Sequential`` anywhere (``nn.Sequential``, or ``Sequential`` imported), or a class
    of the file (``classes``)."""
    return any((isinstance(n, ast.Name) and (n.id == "Sequential" or n.id in classes)) or
               (isinstance(n, ast.Attribute) and n.attr == "Sequential") for n in ast.walk(node))


def _classes(reader: Reader) -> frozenset[str]:
    """The module-level names of the file's classes (``Net``): calling one makes a model too."""
    return frozenset(name for name, value in reader.globals.names.items() if isinstance(value, cv.ClassRef))


def as_model(value: object, registry: cv.Registry) -> nn.Sequential | None:
    """The model a value is: an ``nn.Sequential``, or an instance of a class of the file as a Sequential of one."""
    if isinstance(value, nn.Sequential):
        return value
    if isinstance(value, nn.Module) and (info := registry.layers.get(id(value))) is not None and \
            getattr(info.kind, "module_class", None) is not None:
        root = nn.Sequential(value)
        registry.wrappers.add(id(root))
        registry.keep.append(root)
        return root
    return None


def model_module(root: nn.Sequential, registry: cv.Registry) -> nn.Module:
    """What the source calls the model: ``root``, or the class instance it wraps (see :func:`as_model`)."""
    return root[0] if id(root) in registry.wrappers else root


def _about_models(reader: Reader, node: ast.AST) -> bool:
    """Whether an assignment that failed meant to make a model: it mentions Sequential, or slices one."""
    if mentions_sequential(node, _classes(reader)):
        return True
    while isinstance(node, ast.Subscript):
        node = node.value
    return isinstance(node, ast.Name) and isinstance(reader.globals.names.get(node.id), (nn.Sequential, list))


def _model_builders(reader: Reader) -> set[str]:
    """Module-level functions that could build a model: they name Sequential, or call one that does."""
    functions = {name: value for name, value in reader.globals.names.items() if isinstance(value, Function)}
    calls = {name: {n.func.id for n in ast.walk(f.node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
             for name, f in functions.items()}
    classes = _classes(reader)
    found = {name for name, f in functions.items() if mentions_sequential(f.node, classes)}
    grew = True
    while grew:
        more = {name for name, called in calls.items() if name not in found and called & found}
        grew = bool(more)
        found |= more
    return found


def list_models(reader: Reader) -> list[ModelCandidate]:
    """The models of a source that ``reader`` has read, in source order, the one to take by default marked.

    Each function that takes no arguments is evaluated by the reader (never
    run) to see whether it returns an ``nn.Sequential``; helpers that other
    builders call are pieces of a model, not models.
    """
    functions: list[ModelCandidate] = []
    builders = _model_builders(reader)
    for name, value in list(reader.globals.names.items()):
        if not isinstance(value, Function) or name not in builders:
            continue  # only what could build a model is evaluated
        params = value.node.args
        needed = [a.arg for a in params.posonlyargs + params.args + params.kwonlyargs]
        if params.vararg or params.kwarg or any(a not in value.defaults for a in needed):
            continue
        line, column = cv.position(value.node, reader.lines)
        start = len(reader.registry.layers)
        call = reader.calls + 1
        try:
            result = reader.call_function(ast.Call(ast.Name(name, ast.Load()), [], [], lineno=value.node.lineno,
                                                   col_offset=value.node.col_offset), value, reader.globals)
        except CodeImportError as exc:
            if mentions_sequential(value.node, _classes(reader)):
                functions.append(ModelCandidate(f"{name}()", line, column,
                                                say("cannot be read: {problem}", problem=exc.problem), error=exc))
            continue
        root = as_model(result, reader.registry)
        if root is not None:
            functions.append(ModelCandidate(f"{name}()", line, column, _summary(root, reader.registry),
                                            root=root, start=start, call=call, lazy=_has_lazy(root, reader.registry)))
    # Helpers called by other functions (def block(c=3): ...) are pieces of a model, not models.
    builders = {c.name[:-2] for c in functions}
    functions = [c for c in functions if not reader.callers.get(c.name[:-2], set()) & builders]
    names: list[ModelCandidate] = []
    returned = {c.name[:-2] for c in functions}
    for name, (target, value_node) in reader.bindings.items():
        value = reader.globals.names.get(name)
        line, column = cv.position(target, reader.lines)
        root = as_model(value, reader.registry)
        if root is not None and reader.returned_by.get(id(value)) not in returned:
            names.append(ModelCandidate(name, line, column, _summary(root, reader.registry), root=root,
                                        lazy=_has_lazy(root, reader.registry)))
        elif isinstance(value, cv.Poison) and _about_models(reader, value_node) and not isinstance(target, ast.stmt):
            names.append(ModelCandidate(name, line, column,
                                        say("cannot be read: {problem}", problem=value.error.problem),
                                        error=value.error))
    # A Sequential that is part of a model built after it (or returned by a function) is a piece of that model,
    # not a model of its own; one taken out of a model built before it (model = base[1]) is a model.
    parts: dict[int, tuple[int, int]] = {}
    for c in functions + names:
        if c.root is not None:  # functions count as built last: they are called after the module is read
            when = (10**9, 0) if c in functions else (c.line or 0, c.column or 0)
            own = model_module(c.root, reader.registry)
            for m in c.root.modules():
                if m is not c.root and m is not own:
                    parts[id(m)] = max(parts.get(id(m), when), when)
    names = [c for c in names if c.root is None or parts.get(id(model_module(c.root, reader.registry)), (0, 0))
             <= (c.line or 0, c.column or 0)]
    # A function whose model is a layer of a module-level one (d2l's rgnet = nn.Sequential(block2(), nn.Linear(4, 1)))
    # builds a piece of it, as a helper that another function calls does.
    pieces = {arg.func.id for c in names if c.root is not None and c.name in reader.bindings
              for node in ast.walk(reader.bindings[c.name][1]) if _sequential_call(node)
              for arg in node.args if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name)}
    # So is one whose model, bound to a name first (net = build()), is a layer of one (big = nn.Sequential(net, head)).
    pieces |= {reader.returned_by[id(m)] for c in names if c.root is not None
               for m in c.root.modules() if m is not c.root and id(m) in reader.returned_by}
    functions = [c for c in functions if c.name[:-2] not in pieces]
    names.sort(key=lambda c: (c.line or 0, c.column or 0))
    functions.sort(key=lambda c: (c.line or 0, c.column or 0))
    found = functions + names
    if found:
        chosen = functions[-1] if functions else names[-1]
        found = [replace(c, default=c is chosen) for c in found]
    return found


def _sequential_call(node: ast.AST) -> bool:
    """Whether ``node`` is a call of ``nn.Sequential`` (or ``Sequential``, however imported)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr == "Sequential") or (
        isinstance(func, ast.Name) and func.id == "Sequential")


def _has_lazy(root: nn.Sequential, registry: cv.Registry) -> bool:
    return any((info := registry.layers.get(id(m))) is not None and info.lazy for m in root.modules())


def _summary(root: nn.Sequential, registry: cv.Registry) -> str:
    if id(root) in registry.wrappers:
        module = root[0]
        info = registry.layers[id(module)]
        values = ", ".join(f"{v!r}" for v in info.kwargs.values())
        count = sum(p.numel() for p in module.parameters())
        return say("{layer}({values}) ({count:,} parameters)", layer=type(module).__name__, values=values, count=count)
    layers = {id(m): m for m in root.modules() if not isinstance(m, nn.Sequential)}
    lazy = {key for key in layers if (info := registry.layers.get(key)) is not None and info.lazy}
    params = {id(p): p.numel() for key, m in layers.items() if key not in lazy for p in m.parameters()}
    try:
        blocks = measure(root)[0]
    except ValueError:
        return say("Sequential of {count} (too large to read)", count=len(root))
    if blocks > len(layers):
        distinct = say("{count} distinct layer", count=len(layers)) if len(layers) == 1 else \
            say("{count} distinct layers", count=len(layers))
        layers_text = say("{blocks} blocks, {distinct}", blocks=blocks, distinct=distinct)
    else:
        layers_text = say("{count} layer", count=blocks) if blocks == 1 else say("{count} layers", count=blocks)
    if lazy:
        return say("Sequential of {count} ({layers}, {parameters:,} parameters before its lazy layers are sized by "
                   "the input)", count=len(root), layers=layers_text, parameters=sum(params.values()))
    return say("Sequential of {count} ({layers}, {parameters:,} parameters)",
               count=len(root), layers=layers_text, parameters=sum(params.values()))


class TooDeepError(ValueError):
    """Sequentials nested deeper than a design can hold (raised by :func:`measure`)."""


def measure(root: nn.Sequential) -> tuple[int, int]:
    """Blocks (counting every use) and nesting depth; ``ValueError`` when absurd (before anything walks it)."""
    memo: dict[int, tuple[int, int]] = {}

    def visit(seq: nn.Sequential, depth: int) -> tuple[int, int]:
        if depth > cv.MAX_DEPTH:
            raise TooDeepError(say("its Sequentials are nested more than {limit} levels deep, as deep as a "
                                   "design goes", limit=cv.MAX_DEPTH))
        if id(seq) not in memo:
            blocks, deepest = 0, 0
            for child in seq:  # a Sequential iterates over every entry, shared ones too
                if isinstance(child, nn.Sequential):
                    inner, inner_depth = visit(child, depth + 1)
                    blocks, deepest = blocks + inner, max(deepest, inner_depth + 1)
                else:
                    blocks += 1
                if blocks > cv.MAX_ITEMS:
                    raise ValueError(say("it has more than {limit:,} blocks, more than LayerLab reads",
                                         limit=cv.MAX_ITEMS))
            memo[id(seq)] = (blocks, deepest)
        return memo[id(seq)]

    return visit(root, 0)


def explain_no_model(reader: Reader) -> NoReturn:
    """Say why there is no model: a class the file defines but never makes is the usual reason."""
    for node in ast.walk(reader.tree):
        if isinstance(node, ast.ClassDef) and any(_names_module(base) for base in node.bases):
            raise cv.fail(node, say("{node} is an nn.Module class of the file, but the file never makes one, so "
                                    "there is no model to read. Add the line that builds the model, e.g. net = "
                                    "{node}(...) or model = nn.Sequential({node}(...), ...)",
                                    node=node.name), "a class definition",
                          reader.lines)
    raise CodeImportError(_NO_MODEL, construct="no model")


def _names_module(base: ast.expr) -> bool:
    """``nn.Module``, ``torch.nn.Module`` or ``Module`` as a base class."""
    return (isinstance(base, ast.Attribute) and base.attr == "Module") or \
        (isinstance(base, ast.Name) and base.id == "Module")


def pick(candidates: list[ModelCandidate], choose: str | None) -> ModelCandidate:
    """The candidate called ``choose`` (``"model"``, ``"build_model"`` or ``"build_model()"``), else the default."""
    if not candidates:
        raise CodeImportError(_NO_MODEL, construct="no model")
    if choose is None:
        return next(c for c in candidates if c.default)
    wanted = choose.strip()
    for candidate in candidates:
        if wanted in (candidate.name, candidate.name.removesuffix("()"), candidate.name + "()"):
            return candidate
    names = ", ".join(c.name for c in candidates)
    raise CodeImportError(say("the source has no model called {choose!r}; it has: {names}.",
                              choose=choose, names=names), construct="--choose")
