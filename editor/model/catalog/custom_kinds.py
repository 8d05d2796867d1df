"""Custom definitions as layer kinds: what lets a definition be used wherever a catalog kind is.

:func:`make_kind` turns a :class:`~editor.model.custom.definitions.LayerDefinition`
or :class:`~editor.model.custom.definitions.BlockDefinition` into a
:class:`CustomKind`: a :class:`~editor.model.catalog.LayerKind` in the "My
blocks" category whose hyperparameters come from the definition and whose
torch class is generated for it (:mod:`editor.model.custom.modules`). The
rest of LayerLab (validation, memory checks, building, reading hyperparameters
back, shape inference on the meta device) then treats it like any other kind.
A block's children are built from their own kinds (catalog or custom), so a
composite nests as deep as its definitions do; a child that is an
``nn.Sequential`` of children has a :class:`SequentialKind`, which holds
theirs (it is no layer of the palette: only a part of a block).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from torch import nn

from editor.model.catalog import has_kind
from editor.model.catalog.build import build_module
from editor.model.catalog.hyperparameters import example_input, param_count, validate_params
from editor.model.catalog.layers import CUSTOM_CATEGORY
from editor.model.catalog.schema import HyperParam, LayerKind
from editor.model.custom.blocks import SEQUENTIAL
from editor.model.custom.definitions import (
    BlockDefinition,
    ChildSpec,
    Definition,
    DefinitionError,
    LayerDefinition,
    check_size_expression,
)
from editor.model.custom.expr import ExpressionError
from editor.model.custom.language import name_problem
from editor.model.custom.modules import count_elements, make_block_class, make_layer_class
from editor.model.errors import ValidationError
from editor.model.words import message_of, say

EXPORT_RESERVED = frozenset({"Sequential", "Module", "Parameter", "OrderedDict", "Path", "SEED", "build_model",
                             "init", "main", "torch", "nn", "F", "math", "collections", "pathlib"})
"""Names the exported script already uses at its top level, so no definition can take them."""


@dataclass(frozen=True, eq=False)
class CustomKind(LayerKind):
    """A layer kind made from a custom definition (compared by identity, like every kind).

    ``module_class`` is its generated ``nn.Module`` subclass; ``children``
    the kinds of a block's children, in order (empty for a layer).
    """

    definition: Definition | None = None
    module_class: type[nn.Module] | None = None
    children: tuple[LayerKind, ...] = ()

    def __repr__(self) -> str:
        return f"<CustomKind {self.name}>"

    @property
    def docs_url(self) -> str:
        """A custom kind has no PyTorch documentation page (empty)."""
        return ""

    @property
    def is_block(self) -> bool:
        """Whether this is a composite block (else a custom layer)."""
        return isinstance(self.definition, BlockDefinition)

    def child_values(self, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Each child's hyperparameters for a block with ``params`` (checked; :class:`ValidationError`).

        A Sequential child has none of its own (``{}``): its children's come from ``params`` too.
        """
        definition = self.definition
        assert isinstance(definition, BlockDefinition)
        return [_child_params(definition, child, kind, params)
                for child, kind in zip(definition.children, self.children, strict=True)]

    def count_parameters(self, params: Mapping[str, Any]) -> int:
        """How many values its ``nn.Parameter`` tensors hold (its children's included)."""
        return self._count(params, registered_only=True)

    def count_elements(self, params: Mapping[str, Any]) -> int:
        """How many values all its tensors hold, plain tensor attributes included (for memory checks)."""
        return self._count(params, registered_only=False)

    def _count(self, params: Mapping[str, Any], registered_only: bool) -> int:
        definition = self.definition
        if isinstance(definition, LayerDefinition):
            return count_elements(definition, params, registered_only)
        assert isinstance(definition, BlockDefinition)
        return sum(_child_count(definition, child, kind, params, registered_only)
                   for child, kind in zip(definition.children, self.children, strict=True))

    def example(self, params: Mapping[str, Any]) -> tuple[int, ...] | None:
        """A natural input for a design that starts with this block: its first layer's, if it has one."""
        definition = self.definition
        if not isinstance(definition, BlockDefinition):
            return None
        child, kind = definition.children[0], self.children[0]
        while isinstance(kind, SequentialKind):
            if not kind.children:
                return None
            child, kind = child.children[0], kind.children[0]
        try:
            first = _child_params(definition, child, kind, params)
        except ValidationError:
            return None
        return example_input(kind, first)


@dataclass(frozen=True, eq=False)
class SequentialKind(LayerKind):
    """The kind of a block's child that is an ``nn.Sequential``: ``children`` are its entries' kinds, in order.

    It is made for one :class:`~editor.model.custom.blocks.ChildSpec` (``spec``)
    and is no kind of the palette or the catalog: only a part of a block.
    """

    spec: ChildSpec | None = None
    children: tuple[LayerKind, ...] = ()

    def __repr__(self) -> str:
        return f"<SequentialKind of {len(self.children)}>"


def _child_kind(child: ChildSpec, resolve: Callable[[str], LayerKind]) -> LayerKind:
    if child.kind != SEQUENTIAL:
        return resolve(child.kind)
    return SequentialKind(name=SEQUENTIAL, category=CUSTOM_CATEGORY.name, description="An nn.Sequential inside a "
                          "block: its children, applied in order.", module="torch.nn", spec=child,
                          children=tuple(_child_kind(c, resolve) for c in child.children))


def _child_count(definition: BlockDefinition, child: ChildSpec, kind: LayerKind, params: Mapping[str, Any],
                 registered_only: bool) -> int:
    """How many values ``child`` of a block with ``params`` holds (see :meth:`CustomKind.count_parameters`)."""
    if isinstance(kind, SequentialKind):
        return sum(_child_count(definition, c, k, params, registered_only)
                   for c, k in zip(child.children, kind.children, strict=True))
    values = _child_params(definition, child, kind, params)
    counter = getattr(kind, "count_elements" if not registered_only else "count_parameters", None)
    return counter(values) if counter is not None else param_count(kind, values)


def _child_params(definition: BlockDefinition, child: ChildSpec, kind: LayerKind,
                  params: Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(kind, SequentialKind):
        return {}
    where = f"{definition.name}.{child.name}: "
    names = frozenset(definition.hyperparameter_names)
    given: dict[str, Any] = {}
    for key, source in child.arguments:
        try:
            given[key] = check_size_expression(source, names)(params)
        except ExpressionError as exc:
            raise ValidationError(say("{where}{key} = {source} could not be worked out: {reason}", where=where,
                                      key=key, source=source, reason=message_of(exc)), field=key) from None
    return validate_params(kind, {**kind.defaults(), **given}, where)


def check_name(name: object, taken: Mapping[str, Any] | None = None) -> str:
    """``name`` checked as a new definition's name; :class:`DefinitionError` in words otherwise."""
    problem = name_problem(name, "definition")
    if problem is not None:
        raise DefinitionError(say("{problem}.", problem=problem), field="name")
    assert isinstance(name, str)
    if has_kind(name):
        raise DefinitionError(say("{name!r} is already a layer of the catalog (torch.nn.{name}); give your "
                                  "definition another name, e.g. My{name}.", name=name), field="name")
    if name in EXPORT_RESERVED:
        raise DefinitionError(say("{name!r} is a name the exported code already uses; choose another.", name=name),
                              field="name")
    return name


def _hyper(name: str, default: Any, definition: Definition) -> HyperParam:
    kind = "bool" if isinstance(default, bool) else "int" if isinstance(default, int) else "float"
    if isinstance(definition, LayerDefinition) and name in definition.auto:  # follows the input, as in_features does
        return HyperParam(name, kind, default, required=True, auto="shape[-1]",
                          help=say("A hyperparameter of {name}; \"auto\" follows the size of the input's "
                                   "last dimension.", name=definition.name))
    return HyperParam(name, kind, default, required=True, help=say("A hyperparameter of {name}.", name=definition.name))


def _count_text(definition: Definition) -> tuple[str, str]:
    """The parameter-count formula (an expression over hyperparameters) and its text for people."""
    if isinstance(definition, BlockDefinition):
        return "0", say("the sum of its children's parameters")
    terms = [" * ".join(f"({e})" if not e.isidentifier() and not e.isdigit() else e for e in spec.shape) or "1"
             for spec in definition.parameters if spec.registered]
    formula = " + ".join(terms) or "0"
    return formula, formula.replace(" * ", " × ")


def _describe(definition: Definition) -> str:
    if definition.description:
        return definition.description.splitlines()[0][:200]
    if isinstance(definition, LayerDefinition):
        return say("Custom layer: {forward}", forward=definition.forward[:120])
    inner = ", ".join(f"{c.name}: {c.kind}" for c in definition.children[:6])
    more = ", …" if len(definition.children) > 6 else ""
    return say("Custom block of {count} ({children})", count=len(definition.children), children=inner + more)


def make_kind(definition: Definition, resolve: Callable[[str], LayerKind]) -> CustomKind:
    """The kind of ``definition``; ``resolve`` finds the kind of each child by name (catalog or custom)."""
    params = tuple(_hyper(n, v, definition) for n, v in definition.hyperparameters)
    count, count_text = _count_text(definition)
    common = {"name": definition.name, "category": CUSTOM_CATEGORY.name, "description": _describe(definition),
              "params": params, "param_count": count, "shape": "custom", "count_text": count_text,
              "module": "layerlab.custom", "definition": definition}
    if isinstance(definition, LayerDefinition):
        cls = make_layer_class(definition)
        kind = CustomKind(module_class=cls, **common)
    else:
        children = tuple(_child_kind(child, resolve) for child in definition.children)
        builders = [_builder(definition, child, child_kind) for child, child_kind in zip(definition.children,
                                                                                       children, strict=True)]
        cls = make_block_class(definition, builders)
        kind = CustomKind(module_class=cls, children=children, **common)
    cls.layerlab_kind = kind  # type: ignore[attr-defined]  # how build.kind_of recognizes its instances
    return kind


def _builder(definition: BlockDefinition, child: ChildSpec, kind: LayerKind) -> Callable[[Mapping[str, Any]],
                                                                                        nn.Module]:
    if isinstance(kind, SequentialKind):
        entries = [_builder(definition, c, k) for c, k in zip(child.children, kind.children, strict=True)]

        def build_sequential(values: Mapping[str, Any]) -> nn.Module:
            sequential = nn.Sequential()  # its entries built in order, as nn.Sequential(a, b) has them built
            for spec, build_entry in zip(child.children, entries, strict=True):
                sequential.add_module(spec.name, build_entry(values))
            return sequential
        return build_sequential

    def build(values: Mapping[str, Any]) -> nn.Module:
        params = _child_params(definition, child, kind, values)
        return build_module(kind, params, f"{definition.name}.{child.name}: ")
    return build


def custom_kinds_in(kinds: list[LayerKind]) -> list[CustomKind]:
    """The custom kinds among ``kinds`` and every custom kind they are made of (inside Sequential children too),
    each once, after the ones it uses."""
    found: dict[str, CustomKind] = {}

    def visit(kind: LayerKind) -> None:
        if isinstance(kind, SequentialKind):
            for child in kind.children:
                visit(child)
        elif isinstance(kind, CustomKind) and kind.name not in found:
            for child in kind.children:
                visit(child)
            found[kind.name] = kind

    for kind in kinds:
        visit(kind)
    return list(found.values())


__all__ = ["CUSTOM_CATEGORY", "CustomKind", "SequentialKind", "check_name", "custom_kinds_in", "make_kind"]
