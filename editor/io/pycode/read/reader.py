"""Import from Python code: PyTorch source in, a Project out; the source is parsed and never executed.

:func:`find_models` lists the ``nn.Sequential`` models a file defines (assigned
at module level, or returned by a function such as ``build_model()``), and
:func:`import_code` turns one of them into a :class:`~editor.model.project.project.Project`.

With a seed, the parameters are bit for bit those of running the model's
statements after ``torch.manual_seed(seed)``: the layers are constructed from
the seed in the order the source constructs them (Python's evaluation order),
and the design records that order (``Layer.rank``) so that
``reset_parameters()`` and exported code reproduce it. Statements the model
does not depend on are not run; if one of them would draw random numbers first
when the file runs, ``project.notices`` says so.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
from torch import nn

from editor.io.errors import CodeImportError
from editor.io.pycode.read import values as cv
from editor.io.pycode.read.evaluator import Function
from editor.io.pycode.read.init import restore as code_init
from editor.io.pycode.read.statements import SourceReader
from editor.model.catalog.build import available_memory, build_module, format_bytes, torch_class
from editor.model.design.user_values import check_seed
from editor.model.errors import LayerLabError
from editor.model.project.project import Project

_NO_MODEL = ("No nn.Sequential model found. LayerLab reads a model written as model = nn.Sequential(...) or "
             "returned by a function such as def build_model(): return nn.Sequential(...).")
_STACK_FRAMES = 6_000  # Python frames the deepest accepted code needs, with room to spare


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


def _mentions_sequential(node: ast.AST) -> bool:
    return any((isinstance(n, ast.Name) and n.id == "Sequential") or
               (isinstance(n, ast.Attribute) and n.attr == "Sequential") for n in ast.walk(node))


def _about_models(reader: SourceReader, node: ast.AST) -> bool:
    """Whether an assignment that failed meant to make a model: it mentions Sequential, or slices one."""
    if _mentions_sequential(node):
        return True
    while isinstance(node, ast.Subscript):
        node = node.value
    return isinstance(node, ast.Name) and isinstance(reader.globals.names.get(node.id), (nn.Sequential, list))


def _parse(source: str) -> ast.Module:
    if not isinstance(source, str):
        raise CodeImportError(f"expected Python source as text, not {type(source).__name__}", construct="not text")
    if len(source) > cv.MAX_SOURCE:
        raise CodeImportError(f"the source is {len(source):,} characters long; LayerLab reads files of up to "
                              f"{cv.MAX_SOURCE:,}", construct="a huge file")
    try:
        return ast.parse(source)
    except SyntaxError as exc:
        column = exc.offset if exc.offset and exc.offset > 0 else None
        raise CodeImportError(f"this is not valid Python: {exc.msg}", line=exc.lineno, column=column,
                              construct="a syntax error") from None
    except (RecursionError, MemoryError):
        raise CodeImportError("the code is nested far too deeply to read; LayerLab reads models nested at most "
                              f"{cv.MAX_DEPTH} levels deep", construct="deep nesting") from None
    except ValueError as exc:  # e.g. null bytes
        raise CodeImportError(f"this is not valid Python: {exc}", construct="a syntax error") from None


def _read(source: str) -> tuple[SourceReader, list[ModelCandidate]]:
    if isinstance(source, str):
        source = source.removeprefix("\ufeff")  # a byte order mark, as some editors write: not code
    tree = _parse(source)
    reader = SourceReader(source, tree)
    with torch.random.fork_rng(devices=[]):  # reading draws no random numbers, and must not disturb anyone's
        reader.read_module()
        return reader, _candidates(reader)


def _candidates(reader: SourceReader) -> list[ModelCandidate]:
    functions: list[ModelCandidate] = []
    for name, value in list(reader.globals.names.items()):
        if not isinstance(value, Function):
            continue
        params = value.node.args
        needed = [a.arg for a in params.posonlyargs + params.args + params.kwonlyargs]
        if params.vararg or params.kwarg or any(a not in value.defaults for a in needed):
            continue
        line, column = cv.position(value.node, reader.lines)
        start = len(reader.registry.layers)
        call = reader.calls + 1
        try:
            result = reader._call_function(ast.Call(ast.Name(name, ast.Load()), [], [], lineno=value.node.lineno,
                                                    col_offset=value.node.col_offset), value, reader.globals)
        except CodeImportError as exc:
            if _mentions_sequential(value.node):
                functions.append(ModelCandidate(f"{name}()", line, column, f"cannot be read: {exc.problem}",
                                                error=exc))
            continue
        if isinstance(result, nn.Sequential):
            functions.append(ModelCandidate(f"{name}()", line, column, _summary(result), root=result, start=start,
                                            call=call))
    # Helpers called by other functions (def block(c=3): ...) are pieces of a model, not models.
    builders = {c.name[:-2] for c in functions}
    functions = [c for c in functions if not reader.callers.get(c.name[:-2], set()) & builders]
    names: list[ModelCandidate] = []
    returned = {c.name[:-2] for c in functions}
    for name, (target, value_node) in reader.bindings.items():
        value = reader.globals.names.get(name)
        line, column = cv.position(target, reader.lines)
        if isinstance(value, nn.Sequential) and reader.returned_by.get(id(value)) not in returned:
            names.append(ModelCandidate(name, line, column, _summary(value), root=value))
        elif isinstance(value, cv.Poison) and _about_models(reader, value_node) and not isinstance(target, ast.stmt):
            names.append(ModelCandidate(name, line, column, f"cannot be read: {value.error.problem}",
                                        error=value.error))
    # A Sequential that is part of a model built after it (or returned by a function) is a piece of that model,
    # not a model of its own; one taken out of a model built before it (model = base[1]) is a model.
    parts: dict[int, tuple[int, int]] = {}
    for c in functions + names:
        if c.root is not None:  # functions count as built last: they are called after the module is read
            when = (10**9, 0) if c in functions else (c.line or 0, c.column or 0)
            for m in c.root.modules():
                if m is not c.root:
                    parts[id(m)] = max(parts.get(id(m), when), when)
    names = [c for c in names if c.root is None or parts.get(id(c.root), (0, 0)) <= (c.line or 0, c.column or 0)]
    names.sort(key=lambda c: (c.line or 0, c.column or 0))
    functions.sort(key=lambda c: (c.line or 0, c.column or 0))
    found = functions + names
    if found:
        chosen = functions[-1] if functions else names[-1]
        found = [ModelCandidate(c.name, c.line, c.column, c.summary, c.root, c.error, c is chosen, c.start,
                                 c.call)
                 for c in found]
    return found


def _summary(root: nn.Sequential) -> str:
    layers = {id(m): m for m in root.modules() if not isinstance(m, nn.Sequential)}
    params = {id(p): p.numel() for m in layers.values() for p in m.parameters()}
    try:
        blocks = _size(root)[0]
    except ValueError:
        return f"Sequential of {len(root)} (too large to read)"
    distinct = f"{len(layers)} distinct layer{'' if len(layers) == 1 else 's'}"
    layers_text = (f"{blocks} blocks, {distinct}" if blocks > len(layers) else
                   f"{blocks} layer{'' if blocks == 1 else 's'}")
    return f"Sequential of {len(root)} ({layers_text}, {sum(params.values()):,} parameters)"


class _TooDeepError(ValueError):
    """Sequentials nested deeper than a design can hold."""


def _size(root: nn.Sequential) -> tuple[int, int]:
    """Blocks (counting every use) and nesting depth; ``ValueError`` when absurd (before anything walks it)."""
    memo: dict[int, tuple[int, int]] = {}

    def visit(seq: nn.Sequential, depth: int) -> tuple[int, int]:
        if depth > cv.MAX_DEPTH:
            raise _TooDeepError(f"its Sequentials are nested more than {cv.MAX_DEPTH} levels deep, as deep as a "
                           f"design goes")
        if id(seq) not in memo:
            blocks, deepest = 0, 0
            for child in seq._modules.values():
                if isinstance(child, nn.Sequential):
                    inner, inner_depth = visit(child, depth + 1)
                    blocks, deepest = blocks + inner, max(deepest, inner_depth + 1)
                else:
                    blocks += 1
                if blocks > cv.MAX_ITEMS:
                    raise ValueError(f"it has more than {cv.MAX_ITEMS:,} blocks, more than LayerLab reads")
            memo[id(seq)] = (blocks, deepest)
        return memo[id(seq)]

    return visit(root, 0)


@contextlib.contextmanager
def _deep_stack() -> Iterator[None]:
    """Room on Python's stack for what the reader allows (expressions 200 deep, Sequentials 64 deep).

    The reader's own limits keep the recursion bounded; Python's default
    limit of 1,000 frames is just below what the deepest code it accepts
    needs. Anything deeper still ends in a clear error, never a RecursionError.
    """
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, _STACK_FRAMES))
    try:
        yield
    except RecursionError:
        raise CodeImportError("the code is nested far too deeply to read: build inner Sequentials as variables "
                              "first (inner = nn.Sequential(...))", construct="deep nesting") from None
    finally:
        if sys.getrecursionlimit() == max(before, _STACK_FRAMES):
            sys.setrecursionlimit(before)


def find_models(source: str) -> list[ModelCandidate]:
    """The models ``source`` defines, in source order; the one :func:`import_code` takes has ``default``.

    Raises :class:`CodeImportError` only when the source cannot be parsed.
    """
    with _deep_stack():
        return _read(source)[1]


def _no_model(reader: SourceReader) -> None:
    """Say why there is no model: a model inside a class is the usual reason."""
    for node in ast.walk(reader.tree):
        if isinstance(node, ast.ClassDef) and _mentions_sequential(node):
            raise cv.fail(node, f"the nn.Sequential is inside the class {node.name}, and LayerLab does not read "
                          f"custom classes. Move it out: def build_model(): return nn.Sequential(...)",
                          "a class definition", reader.lines)
    for node in ast.walk(reader.tree):
        if isinstance(node, ast.ClassDef) and any(_names_module(base) for base in node.bases):
            raise cv.fail(node, f"{node.name} is a custom nn.Module class, and LayerLab reads nn.Sequential models "
                          f"(custom nn.Module classes are not supported yet). Rewrite its layers as an "
                          f"nn.Sequential, in the order forward() uses them: model = nn.Sequential(nn.Linear(...), "
                          f"nn.ReLU(), ...)", "a class definition", reader.lines)
    raise CodeImportError(_NO_MODEL, construct="no model")


def _names_module(base: ast.expr) -> bool:
    """``nn.Module``, ``torch.nn.Module`` or ``Module`` as a base class."""
    return (isinstance(base, ast.Attribute) and base.attr == "Module") or \
        (isinstance(base, ast.Name) and base.id == "Module")


def _pick(candidates: list[ModelCandidate], choose: str | None) -> ModelCandidate:
    if not candidates:
        raise CodeImportError(_NO_MODEL, construct="no model")
    if choose is None:
        return next(c for c in candidates if c.default)
    wanted = choose.strip()
    for candidate in candidates:
        if wanted in (candidate.name, candidate.name.removesuffix("()"), candidate.name + "()"):
            return candidate
    names = ", ".join(c.name for c in candidates)
    raise CodeImportError(f"the source has no model called {choose!r}; it has: {names}.", construct="--choose")


@dataclass
class ImportResult:
    """What :func:`import_model` read: the new project, the model it took, and every model the source has."""

    project: Project
    chosen: ModelCandidate
    candidates: list[ModelCandidate]


def import_code(source: str, seed: int | None = None, choose: str | None = None) -> Project:
    """A new Project from the model that ``source`` defines (see :func:`find_models` and ``choose``).

    ``seed`` defaults to the source's ``torch.manual_seed(N)``, else 0.
    Raises :class:`CodeImportError` (line, column, construct) for anything
    unsupported in the model's definition; callers' projects are untouched.
    """
    return import_model(source, seed=seed, choose=choose).project


def import_model(source: str, seed: int | None = None, choose: str | None = None) -> ImportResult:
    """Like :func:`import_code`, and also says which model was taken and which others the source has."""
    with _deep_stack():
        return _import_model(source, seed, choose)


def _import_model(source: str, seed: int | None, choose: str | None) -> ImportResult:
    reader, candidates = _read(source)
    if not candidates:
        _no_model(reader)
    chosen = _pick(candidates, choose)
    if chosen.error is not None:
        raise chosen.error
    assert chosen.root is not None
    where = dict(line=chosen.line, column=chosen.column)
    try:
        _size(chosen.root)
    except ValueError as exc:
        construct = "deep nesting" if isinstance(exc, _TooDeepError) else "a huge model"
        raise CodeImportError(f"{chosen.name} is too large: {exc}.", construct=construct, **where) from None
    members = list(chosen.root.modules())
    taints = sorted((t for m in members for t in reader.registry.taints.get(id(m), [])), key=lambda t: t.line)
    for taint in taints:
        if taint.error is not None:
            raise taint.error
    notices = list(dict.fromkeys(t.message for t in taints))
    if seed is None:
        seed = reader.seeds[0][1] if reader.seeds else 0
    try:
        seed = check_seed(seed)
        order = sorted({id(m): m for m in members if id(m) in reader.registry.layers}.values(),
                       key=lambda m: reader.registry.layers[id(m)].seq)
        root, real = _materialize(chosen.root, order, reader.registry, seed, chosen)
        project = Project.from_module(root, seed=seed)
    except LayerLabError as exc:
        if isinstance(exc, CodeImportError):
            raise
        raise CodeImportError(f"{chosen.name} cannot become a design: {exc}", construct="the model",
                              **where) from None
    rank = {id(module): i for i, module in enumerate(real)}
    for layer in project.layers():
        layer.rank = (rank[id(layer.module)],)
    project.seeds.start_ranking(len(real))
    _set_input_shape(project, reader, chosen)
    init_notices, latest_draw = code_init.restore(project, reader, chosen)  # model.apply(fn), requires_grad_
    # Settle the seed status now (rebuilding from the seed and comparing), so that layers added later
    # continue the seed's random stream as they do in a design built in the editor.
    project.weights_from_seed  # noqa: B018
    project.notices.extend(notices + init_notices + _skipped_draws(reader.registry, order, chosen.start,
                                                                   latest_draw))
    return ImportResult(project, chosen, candidates)


def _set_input_shape(project: Project, reader: SourceReader, chosen: ModelCandidate) -> None:
    """The batch shape of ``model(torch.randn(...))`` in the source, when it is not what LayerLab infers."""
    shape = reader.inputs.get(id(chosen.root))
    if shape is None and chosen.name.endswith("()"):
        shape = next((s for key, s in reader.inputs.items() if reader.returned_by.get(key) == chosen.name[:-2]),
                     None)
    if shape is not None and shape != project.input_shape:
        try:
            project.input_shape = shape
        except LayerLabError:
            project.notices.append(f"The source runs the model on a batch of shape {shape}, which LayerLab "
                                   f"cannot use as the input shape; it is inferred instead.")


def _materialize(meta_root: nn.Sequential, order: list[nn.Module], registry: cv.Registry, seed: int,
                 chosen: ModelCandidate) -> tuple[nn.Sequential, list[nn.Module]]:
    """Real modules for the meta ones, constructed from ``seed`` in source order, in the same structure."""
    need = sum(p.numel() * p.element_size() for m in order for p in [*m.parameters(), *m.buffers()])
    if need > available_memory():
        raise CodeImportError(f"{chosen.name} needs {format_bytes(need)} for its parameters, but only "
                              f"{format_bytes(available_memory())} of memory is free: choose smaller sizes",
                              line=chosen.line, column=chosen.column, construct="a huge model")
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        real = [torch_class(registry.layers[id(m)].kind)(**registry.layers[id(m)].kwargs) for m in order]
    swap = {id(m): r for m, r in zip(order, real, strict=True)}
    copies: dict[int, nn.Sequential] = {}

    def convert(module: nn.Module) -> nn.Module:
        if id(module) in swap:
            return swap[id(module)]
        if id(module) not in copies:
            copy = copies[id(module)] = nn.Sequential()  # a Sequential used twice stays one object
            for key, child in module._modules.items():
                copy.add_module(key, convert(child))
        return copies[id(module)]

    return convert(meta_root), real  # type: ignore[return-value]


@functools.cache
def _draws(kind: object) -> bool:
    """Whether constructing a layer of ``kind`` draws random numbers (Linear does, BatchNorm does not)."""
    with torch.random.fork_rng(devices=[]):
        before = torch.get_rng_state()
        build_module(kind, kind.defaults())  # type: ignore[attr-defined]
        return not torch.equal(before, torch.get_rng_state())


def _skipped_draws(registry: cv.Registry, order: list[nn.Module], start: int, until: int = 0) -> list[str]:
    """A notice when the source constructs a layer outside the model, before the model's last one, that draws.

    ``start`` is where the model's own evaluation began: for a function, its
    call (``torch.manual_seed(seed); build_model()``); for a module-level
    name, the top of the file. ``until`` extends the span to the layers
    constructed before the last ``model.apply(fn)`` that draws random numbers.
    """
    if not order:
        return []
    last = max(registry.layers[id(order[-1])].seq, until)
    used = {id(m) for m in order}
    for key, info in sorted(registry.layers.items(), key=lambda item: item[1].seq):
        if start < info.seq <= last and key not in used and _draws(info.kind):
            return [f"Line {info.line}: nn.{info.kind.name}(...) is constructed outside the model while the model "
                    f"is built or initialized. Running the file draws random numbers for it; LayerLab does not, "
                    f"so the weights are those of the model's own layers after torch.manual_seed(seed)."]
    return []
