"""Calling a class of the file, ``Net(784, 256, 8)``: the class read as data, and a module of its definition.

The code reader never runs the class. :func:`instantiate` reads it
(:func:`~editor.io.pycode.read.classes.analyze.analyze_class`), binds the
call's arguments to its constructor as Python would, turns it into a
custom-layer definition (:mod:`~editor.io.pycode.read.classes.convert`) with a
layer kind (:func:`~editor.model.catalog.custom_kinds.make_kind`), and returns
a module of that kind built on the meta device (no memory, no random numbers),
registered like any layer the reader constructs, so that the import later
builds the real one from the seed in source order. Classes used inside the
class get their definitions too, each once (:class:`ClassDefinitions`).

A class taking ``*args`` as its submodules (the textbook's ``MySequential``)
applies them in turn: a call of it becomes a block of the definition
``MySequential`` whose children are the layers it is given, numbered ``0``,
``1``, …, so that it prints and draws its weights exactly as the class does.
Where the layers cannot be its own (made before the call, used twice, or
other layers than another call gave it), the call becomes an
``nn.Sequential`` of them (same keys, same weights) with a notice that says
why. Inside another class, ``MySequential(...)`` is read the same way.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
from dataclasses import dataclass, field
from typing import Any

from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.errors import CodeImportError
from editor.io.pycode.read.classes.analyze import analyze_class
from editor.io.pycode.read.classes.context import MAX_CLASS_DEPTH, ClassContext, signature
from editor.io.pycode.read.classes.convert import check_values, child_spec, definition_of, same_but_defaults
from editor.io.pycode.read.classes.from_modules import NotChildrenError, specs_from_modules
from editor.io.pycode.read.classes.ir import ChildIR, ClassIR
from editor.io.pycode.read.evaluator import Reader, Scope
from editor.io.pycode.read.values import ClassRef
from editor.model import catalog
from editor.model.catalog import LayerKind
from editor.model.catalog.build import check_memory
from editor.model.catalog.custom_kinds import check_name, make_kind
from editor.model.catalog.hyperparameters import validate_params
from editor.model.custom.blocks import SEQUENTIAL, ChildSpec
from editor.model.custom.definitions import BlockDefinition, Definition, DefinitionError, check_size_expression
from editor.model.custom.expr import ExpressionError
from editor.model.errors import LayerLabError
from editor.model.meta import on_meta
from editor.model.words import message_of, say


@dataclass
class ClassDefinitions:
    """The definitions (and their kinds) a file's classes became while the reader went through it, by name."""

    definitions: dict[str, Definition] = field(default_factory=dict)
    kinds: dict[str, LayerKind] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)  # name -> line of the call that defined it
    read: dict[int, ClassIR] = field(default_factory=dict)  # id(class node) -> the class read as data
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> notes of it and the classes it uses

    def resolve(self, name: str) -> LayerKind:
        """The kind called ``name``: one of these definitions, else the catalog's."""
        return self.kinds[name] if name in self.kinds else catalog.kind(name)


def definitions_of(reader: Reader) -> ClassDefinitions:
    """The reader's record of class definitions (made on first use)."""
    if reader.class_definitions is None:
        reader.class_definitions = ClassDefinitions()
    return reader.class_definitions


def read_class(reader: Reader, ref: ClassRef, context: ClassContext) -> ClassIR:
    """``ref`` read as data, once per class however often the file calls it (the work counts in the budget)."""
    record = definitions_of(reader)
    found = record.read.get(id(ref.node))
    if found is None:
        reader.steps += sum(1 for _ in ast.walk(ref.node))
        found = record.read[id(ref.node)] = analyze_class(ref, context)
        reader.registry.keep.append(ref.node)
    return found


def class_context(reader: Reader, ref: ClassRef) -> ClassContext:
    """What reading ``ref`` needs: errors at its lines, constants and names of the scope it was defined in."""
    def lookup(name: str) -> Any:
        return ref.scope.lookup(name)[0]

    return ClassContext(reader.fail, lambda node: reader.eval(node, ref.scope), lookup, reader.lines)


def instantiate(reader: Reader, node: ast.Call, ref: ClassRef, scope: Scope) -> nn.Module:
    """The module that ``node`` (``Net(784, 256, 8)``) makes; raises :class:`CodeImportError` at what fails."""
    context = class_context(reader, ref)
    ir = read_class(reader, ref, context)
    start = len(reader.registry.layers)  # the layers made before this call's arguments
    args, origins = reader.spread_arguments(node, scope)
    kwargs: dict[str, Any] = {}
    for keyword in node.keywords:
        if keyword.arg is None:
            raise reader.fail(keyword.value, say("**kwargs are not supported: write each argument as name=value"),
                              "star-args (**)")
        kwargs[keyword.arg] = reader.eval(keyword.value, scope)
    try:
        bound = signature(ref, context).bind(*args, **kwargs)
    except TypeError as exc:
        raise reader.fail(node, say("{ref}() does not take these arguments ({reason})",
                                    ref=ref.name, reason=message_of(exc)), f"a call of {ref.name}") \
            from None
    if ir.varargs is not None:
        return _layers_call(reader, node, ir, bound, origins, start)
    values = dict(bound.arguments)
    for name, value in values.items():
        if isinstance(value, (nn.Module, cv.TorchRef, ClassRef, cv.TensorValue)):
            raise reader.fail(node, say("{ref}'s argument {name} is {value}; LayerLab reads classes whose "
                                        "constructor arguments are numbers (a class taking its layers as *args is "
                                        "read as a Sequential)",
                                        ref=ref.name, name=name,
                                        value=reader.describe(value)), f"a call of {ref.name}")
    problem = check_values(ir, values)
    if problem is not None:
        raise reader.fail(node, problem, f"a call of {ref.name}")
    kind = kind_for(reader, ir, values, context, node)
    full = {h.name: values.get(h.name, h.default) for h in ir.hyperparameters}
    try:
        module = build_meta(kind, full, "")
        reader.registry.add(module, kind, full, node.lineno, node=node)
        for note in definitions_of(reader).notes.get(ir.name, ()):
            reader.registry.taint(module, cv.Taint(node.lineno, note))
    except LayerLabError as exc:
        raise reader.fail(node, cv.sentence(exc), f"a call of {ref.name}") from None
    return module


def build_meta(kind: LayerKind, values: dict[str, Any], where: str) -> nn.Module:
    """A module of a custom ``kind`` on the meta device, its values checked like the editor checks them."""
    values = validate_params(kind, values, where)
    check_memory(kind, values, where)
    with on_meta():
        return kind.module_class(**values)  # type: ignore[attr-defined]


def kind_for(reader: Reader, ir: ClassIR, values: dict[str, Any], context: ClassContext, node: ast.AST) -> LayerKind:
    """The kind of ``ir`` (defined on its first call), and those of the classes it uses, each once."""
    record = definitions_of(reader)
    if ir.name in context.active:
        raise context.fail(node, say("{class_name} builds itself ({names}); LayerLab "
                                     "reads classes that do not",
                                     class_name=ir.name,
                                     names=' → '.join((*context.active, ir.name))), "a recursive class")
    if len(context.active) >= MAX_CLASS_DEPTH:
        raise context.fail(node, say("classes are built inside classes more than {limit} deep", limit=MAX_CLASS_DEPTH),
                           "deep nesting")
    notes: list[str] = []
    children = tuple(_resolve_child(reader, ir, child, values, context, node, notes) for child in ir.children)
    if children != ir.children:
        ir = dataclasses.replace(ir, children=children)
    used = [c.kind for child in children for c in _walk(child) if c.of_file]
    record.notes[ir.name] = tuple(dict.fromkeys([*ir.notes, *notes, *(note for kind in used
                                                                       for note in record.notes.get(kind, ()))]))
    try:
        check_name(ir.name)
    except DefinitionError as exc:
        raise CodeImportError(say("{class_name} cannot become a LayerLab definition: {reason}.",
                                  class_name=ir.name, reason=cv.reason(exc)), line=ir.line,
                              column=ir.column, construct="a class definition") from None
    definition = definition_of(ir, values)
    known = record.definitions.get(ir.name)
    if known is not None:
        if not same_but_defaults(known, definition):
            raise context.fail(node, say("{class_name} reads differently here than at its call on line "
                                         "{calls} (a name it uses changed in between); LayerLab keeps one "
                                         "definition per class",
                                         class_name=ir.name, calls=record.calls[ir.name]), f"a call of {ir.name}")
        return record.kinds[ir.name]
    return _define(record, definition, ir.line, ir.column, getattr(node, "lineno", 0))


def _define(record: ClassDefinitions, definition: Definition, line: int, column: int, call: int) -> LayerKind:
    """Make and record the kind of a class's ``definition`` (its first call is on line ``call``)."""
    try:
        kind = make_kind(definition, record.resolve)
    except (DefinitionError, LayerLabError, KeyError) as exc:
        raise CodeImportError(say("{definition} cannot become a LayerLab definition: {reason}.",
                                  definition=definition.name, reason=cv.reason(exc)), line=line,
                              column=column, construct="a class definition") from None
    record.definitions[definition.name] = definition
    record.kinds[definition.name] = kind
    record.calls[definition.name] = call
    return kind


def _walk(child: ChildIR) -> list[ChildIR]:
    """``child`` and the children inside it (a Sequential's, or the layers a ``MySequential`` is given)."""
    return [child, *(c for item in child.items for c in _walk(item))]


def _resolve_child(reader: Reader, ir: ClassIR, child: ChildIR, values: dict[str, Any], context: ClassContext,
                   node: ast.AST, notes: list[str]) -> ChildIR:
    """``child`` with the classes of the file it uses defined; a ``MySequential`` that cannot be a definition of
    its own becomes an ``nn.Sequential`` of its layers (said in ``notes``)."""
    items = tuple(_resolve_child(reader, ir, item, values, context, node, notes) for item in child.items)
    if items != child.items:
        child = dataclasses.replace(child, items=items)
    ref = context.lookup(child.kind) if child.of_file else None
    if not isinstance(ref, ClassRef):
        return child
    inner = context.inner(ir.name)
    child_ir = read_class(reader, ref, class_context_from(context, ref, inner))
    if child_ir.varargs is None:
        child_values = _child_values(ir, child, values, context)
        problem = check_values(child_ir, child_values)
        if problem is not None:
            raise _error(child, problem, f"a call of {ref.name}")
        kind_for(reader, child_ir, child_values, inner, node)
        return child
    why = _layers_definition(reader, child_ir, child, items)
    if why is None:
        return child
    notes.append(say("Line {line}: {ref}(...) in {name} applies its layers in turn, as nn.Sequential does; "
                     "LayerLab reads it as an nn.Sequential of them (same keys, same weights), because {why}.",
                     line=child.line, ref=ref.name, name=ir.name, why=why))
    return dataclasses.replace(child, kind=SEQUENTIAL, of_file=False)


def _layers_definition(reader: Reader, ir: ClassIR, child: ChildIR, items: tuple[ChildIR, ...]) -> str | None:
    """Define ``MySequential`` from the layers ``child`` gives it inside a class; why it cannot be, else None."""
    specs = tuple(child_spec(item) for item in items)
    for spec in (s for item in specs for s in item.walk()):
        for key, text in spec.arguments:
            try:
                check_size_expression(text, frozenset())
            except ExpressionError:
                return say("its {kind}'s {key} = {text} follows the constructor's arguments, and a {name} block's "
                           "layers are fixed", kind=spec.kind, key=key, text=text, name=ir.name)
    return _layers_kind(reader, ir, specs, child.line)


def _layers_kind(reader: Reader, ir: ClassIR, specs: tuple[ChildSpec, ...], line: int) -> str | None:
    """Define (or find) the block ``MySequential`` with these children; why it cannot be, else None."""
    record = definitions_of(reader)
    try:
        check_name(ir.name)
        definition = BlockDefinition(ir.name, (), specs, None, ir.description)
    except DefinitionError as exc:
        return cv.reason(exc)
    known = record.definitions.get(ir.name)
    if known is not None:
        if known != definition:
            return say("it is given other layers than on line {line}, and a LayerLab block has one set of layers",
                       line=record.calls[ir.name])
        return None
    try:
        _define(record, definition, ir.line, ir.column, line)
    except CodeImportError as exc:
        return cv.unperiod(exc.problem)
    return None


def class_context_from(context: ClassContext, ref: ClassRef, inner: ClassContext) -> ClassContext:
    """The context for a class used inside another: its own scope's names, the outer classes still active."""
    def lookup(name: str) -> Any:
        return ref.scope.lookup(name)[0]

    return ClassContext(context.fail, context.evaluate, lookup, context.lines, inner.active)


def _child_values(ir: ClassIR, child: ChildIR, values: dict[str, Any], context: ClassContext) -> dict[str, Any]:
    names = frozenset(ir.hyperparameter_names())
    full = {h.name: values.get(h.name, h.default) for h in ir.hyperparameters}
    out = {}
    for key, text in child.arguments:
        try:
            out[key] = check_size_expression(text, names)(full)
        except ExpressionError as exc:
            raise _error(child, say("{name}.{child}: {key} = {text} could not be worked out: {reason}",
                                    name=ir.name, child=child.name, key=key, text=text, reason=message_of(exc)),
                         f"a call of {child.kind}") from None
    return out


def _error(child: ChildIR, message: str, construct: str) -> CodeImportError:
    """An error at the line and column where ``child`` is constructed."""
    return CodeImportError(message, line=child.line or None, column=child.column or None, construct=construct)


def _layers_call(reader: Reader, node: ast.Call, ir: ClassIR, bound: inspect.BoundArguments,
                 origins: list[ast.AST], start: int) -> nn.Module:
    """``MySequential(nn.Linear(...), nn.ReLU())``: a block of the definition ``MySequential`` with these layers.

    When they cannot be its own children (see
    :func:`~editor.io.pycode.read.classes.from_modules.specs_from_modules`), or
    another call gave it other layers, the call is read as an
    ``nn.Sequential`` of them, which applies them in turn exactly so (same
    keys, same weights), with a notice that says why.
    """
    layers = list(bound.arguments.get(ir.varargs or "", ()))
    others = [name for name in bound.arguments if name != ir.varargs]
    if others:
        raise reader.fail(node, say("{class_name} takes other arguments besides *{varargs}; LayerLab reads a class "
                                    "that takes only its layers",
                                    class_name=ir.name, varargs=ir.varargs), f"a call of {ir.name}")
    try:
        cv.check_sequential_args(layers)
    except (ValueError, KeyError, TypeError) as exc:
        where = origins[exc.index] if isinstance(exc, cv.ArgumentError) and exc.index < len(origins) else node
        raise reader.fail(where, say("{reason}.", reason=cv.reason(exc)), f"a call of {ir.name}") from None
    try:
        specs, notices = specs_from_modules(layers, origins, reader.registry, start)
    except NotChildrenError as exc:
        return _as_sequential(reader, node, ir, layers, str(exc))
    why = _layers_kind(reader, ir, specs, node.lineno)
    if why is not None:
        return _as_sequential(reader, node, ir, layers, why)
    kind = definitions_of(reader).kinds[ir.name]
    try:
        module = build_meta(kind, {}, "")
    except LayerLabError as exc:
        raise reader.fail(node, cv.sentence(exc), f"a call of {ir.name}") from None
    for key in [key for key, info in reader.registry.layers.items() if info.seq > start]:
        del reader.registry.layers[key]  # its layers are made by the block now, in the same order
    reader.registry.add(module, kind, {}, node.lineno, node=node)
    for taint in notices:
        reader.registry.taint(module, taint)
    for spec in (s for child in specs for s in child.walk()):
        for note in definitions_of(reader).notes.get(spec.kind, ()):
            reader.registry.taint(module, cv.Taint(node.lineno, note))
    return module


def _as_sequential(reader: Reader, node: ast.Call, ir: ClassIR, layers: list[nn.Module], why: str) -> nn.Sequential:
    sequential = nn.Sequential(*layers)
    reader.registry.taint(sequential, cv.Taint(node.lineno, say("Line {line}: {name}(...) applies its layers in "
                                                                "turn, as nn.Sequential does; LayerLab reads it as "
                                                                "an nn.Sequential of them (same keys, same weights), "
                                                                "because {why}.",
                                                                line=node.lineno, name=ir.name, why=why)))
    return sequential
