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
from dataclasses import dataclass

import torch
from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.errors import CodeImportError
from editor.io.pycode.read.init.restore import restore_rules
from editor.io.pycode.read.lazy import lazy_notice, resolve_lazy
from editor.io.pycode.read.models import (
    ModelCandidate,
    TooDeepError,
    explain_no_model,
    list_models,
    measure,
    model_module,
    pick,
)
from editor.io.pycode.read.statements import SourceReader
from editor.model.catalog.build import available_memory, build_module, format_bytes, torch_class
from editor.model.catalog.custom_kinds import CustomKind
from editor.model.catalog.hyperparameters import validate_params
from editor.model.catalog.unallocated import keeps_unallocated
from editor.model.custom.definitions import LayerDefinition
from editor.model.design.torch_dicts import slots
from editor.model.design.user_values import check_seed
from editor.model.errors import LayerLabError
from editor.model.init.functions import INIT_FUNCTIONS
from editor.model.project.project import Project
from editor.model.randomness import forked
from editor.model.words import message_of, say

_STACK_FRAMES = 6_000  # Python frames the deepest accepted code needs, with room to spare


def _parse(source: str) -> ast.Module:
    if not isinstance(source, str):
        raise CodeImportError(say("Expected Python source as text, not {type}.",
                                  type=type(source).__name__), construct="not text")
    if len(source) > cv.MAX_SOURCE:
        raise CodeImportError(say("The source is {count:,} characters long; LayerLab reads Python code of up to "
                                  "{limit:,} characters. Is it really a model definition?", count=len(source),
                                  limit=cv.MAX_SOURCE), construct="a huge file")
    try:
        return ast.parse(source)
    except SyntaxError as exc:
        column = exc.offset if exc.offset and exc.offset > 0 else None
        raise CodeImportError(say("this is not valid Python: {reason}", reason=exc.msg), line=exc.lineno, column=column,
                              construct="a syntax error") from None
    except (RecursionError, MemoryError):
        raise CodeImportError(say("the code is nested far too deeply to read; LayerLab reads models nested at most "
                                  "{limit} levels deep", limit=cv.MAX_DEPTH), construct="deep nesting") from None
    except ValueError as exc:  # e.g. null bytes
        raise CodeImportError(say("this is not valid Python: {reason}",
                                  reason=message_of(exc)), construct="a syntax error") from None


def _read(source: str) -> tuple[SourceReader, list[ModelCandidate]]:
    if isinstance(source, str):
        source = source.removeprefix("\ufeff")  # a byte order mark, as some editors write: not code
    tree = _parse(source)
    reader = SourceReader(source, tree)
    with forked():  # reading draws no random numbers, and must not disturb anyone's
        reader.read_module()
        return reader, list_models(reader)


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
        raise CodeImportError(say("the code is nested far too deeply to read: build inner Sequentials as variables "
                                  "first (inner = nn.Sequential(...))"), construct="deep nesting") from None
    finally:
        if sys.getrecursionlimit() == max(before, _STACK_FRAMES):
            sys.setrecursionlimit(before)


def find_models(source: str) -> list[ModelCandidate]:
    """The models ``source`` defines, in source order; the one :func:`import_code` takes has ``default``.

    Raises :class:`CodeImportError` only when the source cannot be parsed.
    """
    with _deep_stack():
        return _read(source)[1]


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
        explain_no_model(reader)
    chosen = pick(candidates, choose)
    if chosen.error is not None:
        raise chosen.error
    assert chosen.root is not None
    where = dict(line=chosen.line, column=chosen.column)
    try:
        measure(chosen.root)
    except ValueError as exc:
        construct = "deep nesting" if isinstance(exc, TooDeepError) else "a huge model"
        raise CodeImportError(say("{model} is too large: {reason}.",
                                  model=chosen.name, reason=message_of(exc)), construct=construct, **where) from None
    members = list(chosen.root.modules())
    taints = sorted((t for m in members for t in reader.registry.taints.get(id(m), [])), key=lambda t: t.line)
    for taint in taints:
        if taint.error is not None:
            raise taint.error
    if chosen.name.endswith("()"):  # `model = build_model()`, then `model.load_state_dict(...)`: said of the copy
        function = chosen.name[:-2]
        taints += sorted((t for key, name in reader.returned_by.items() if name == function
                          for t in reader.registry.taints.get(key, []) if t.error is None), key=lambda t: t.line)
    notices = list(dict.fromkeys(t.message for t in taints))
    if seed is None:
        seed = reader.seeds[0][1] if reader.seeds else 0
    batch = _source_input(reader, chosen)
    lazy = resolve_lazy(chosen.root, reader.registry, batch, reader.lines)  # nn.LazyLinear(10): from its input
    if lazy:
        notices.append(lazy_notice(lazy, reader.registry, reader.random_batches, reader.lines))
    try:
        seed = check_seed(seed)
        order = sorted({id(m): m for m in members if id(m) in reader.registry.layers}.values(),
                       key=lambda m: reader.registry.layers[id(m)].seq)
        if lazy:
            order = _lazy_order(order, lazy, members, reader.registry)
        root, real = _materialize(chosen.root, order, reader.registry, seed, chosen)
        project = Project.from_module(root, seed=seed)
    except LayerLabError as exc:
        if isinstance(exc, CodeImportError):
            raise
        raise CodeImportError(say("{model} cannot become a design: {reason}",
                                  model=chosen.name, reason=message_of(exc)), construct="the model",
                              **where) from None
    rank = {id(module): i for i, module in enumerate(real)}
    follows = {id(r): reader.registry.layers[id(m)].lazy for m, r in zip(order, real, strict=True)}
    for layer in project.layers():
        layer.rank = (rank[id(layer.module)],)
        lazy_name = follows.get(id(layer.module))
        if lazy_name:
            layer.auto = frozenset({lazy_name})  # as the lazy layer did, it follows its input from now on
    project.seeds.start_ranking(len(real))
    _set_input_shape(project, batch)
    init_notices, latest_draw = restore_rules(project, reader, chosen)  # model.apply(fn), requires_grad_
    # Settle the seed status now (rebuilding from the seed and comparing), so that layers added later
    # continue the seed's random stream as they do in a design built in the editor.
    project.weights_from_seed  # noqa: B018
    project.notices.extend(notices + init_notices + _skipped_draws(reader.registry, order, chosen.start,
                                                                   latest_draw))
    return ImportResult(project, chosen, candidates)


def _lazy_order(order: list[nn.Module], lazy: list[nn.Module], members: list[nn.Module],
                registry: cv.Registry) -> list[nn.Module]:
    """The order torch draws weights in when the model has lazy layers.

    The layers that draw at construction come first, in source order; torch
    draws a lazy layer's weights at the model's first forward pass, so the lazy
    ones come after them, in the order the data reaches them. Layers that draw
    nothing (ReLU, BatchNorm) may go anywhere: they take their data-flow place,
    so that exported code can build them inline.
    """
    late = {id(m) for m in lazy}
    first = [m for m in order if id(m) not in late and _draws(registry.layers[id(m)].kind)]
    early = {id(m) for m in first}
    rest = [m for m in dict.fromkeys(members) if id(m) in registry.layers and id(m) not in early]
    return first + rest


def _source_input(reader: SourceReader, chosen: ModelCandidate) -> tuple[int, ...] | None:
    """The batch shape of ``model(torch.randn(...))`` in the source, if it runs the model on one."""
    shape = reader.inputs.get(id(model_module(chosen.root, reader.registry))) if chosen.root is not None else None
    if shape is None and chosen.name.endswith("()"):
        shape = next((s for key, s in reader.inputs.items() if reader.returned_by.get(key) == chosen.name[:-2]),
                     None)
    return shape


def _set_input_shape(project: Project, shape: tuple[int, ...] | None) -> None:
    """The source's batch shape as the project's input shape, when it is not what LayerLab infers."""
    if shape is not None and shape != project.input_shape:
        try:
            project.input_shape = shape
        except LayerLabError:
            project.notices.append(say("The source runs the model on a batch of shape {shape}, which LayerLab "
                                       "cannot use as the input shape; it is inferred instead.", shape=shape))


def _materialize(meta_root: nn.Sequential, order: list[nn.Module], registry: cv.Registry, seed: int,
                 chosen: ModelCandidate) -> tuple[nn.Sequential, list[nn.Module]]:
    """Real modules for the meta ones, constructed from ``seed`` in source order, in the same structure."""
    need = sum(p.numel() * p.element_size() for m in order for p in [*m.parameters(), *m.buffers()])
    keep = keeps_unallocated()  # the editor's choice: a layer too large for memory stays unallocated
    if need > available_memory() and not keep:
        raise CodeImportError(say("{model} needs {need} for its parameters, but only "
                                  "{free} of memory is free: choose smaller sizes",
                                  model=chosen.name, need=format_bytes(need), free=format_bytes(available_memory())),
                              line=chosen.line, column=chosen.column, construct="a huge model")
    with forked():
        torch.manual_seed(seed)
        real = [_construct(registry.layers[id(m)], keep) for m in order]
    swap = {id(m): r for m, r in zip(order, real, strict=True)}
    copies: dict[int, nn.Sequential] = {}

    def convert(module: nn.Module) -> nn.Module:
        if id(module) in swap:
            return swap[id(module)]
        if id(module) not in copies:
            copy = copies[id(module)] = nn.Sequential()  # a Sequential used twice stays one object
            # Every key, also of a child used twice, which named_children() would skip.
            for key, child in slots(module).items():
                copy.add_module(key, convert(child))
        return copies[id(module)]

    return convert(meta_root), real  # type: ignore[return-value]


def _construct(info: cv.LayerInfo, keep: bool) -> nn.Module:
    """The real layer ``info`` describes; with ``keep``, one that does not fit in memory is built unallocated
    (its random draws replayed, so that the layers after it get the values the source gives them)."""
    if keep:
        return build_module(info.kind, validate_params(info.kind, info.kwargs))
    return torch_class(info.kind)(**info.kwargs)


@functools.cache
def _draws(kind: object) -> bool:
    """Whether constructing a layer of ``kind`` draws random numbers (Linear does, BatchNorm does not).

    A custom kind says so from its definition (nothing is built: its defaults may be large).
    """
    definition = getattr(kind, "definition", None)
    if isinstance(definition, LayerDefinition):
        return any(spec.init_function[0] in ("randn", "rand") or (
            spec.init_function[0] in INIT_FUNCTIONS and INIT_FUNCTIONS[spec.init_function[0]].random)
            for spec in definition.parameters)
    if definition is not None:
        return any(_draws(child) for child in getattr(kind, "children", ()))
    with forked():
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
            custom = isinstance(info.kind, CustomKind)  # the file's own class: MyLinear(...), not nn.MyLinear(...)
            return [say("Line {line}: {layer}(...) is constructed outside the model while the model is built or "
                        "initialized. Running the file draws random numbers for it; LayerLab does not, so the "
                        "weights are those of the model's own layers after torch.manual_seed(seed).",
                        line=info.line, layer=info.kind.name if custom else f"nn.{info.kind.name}")]
    return []
