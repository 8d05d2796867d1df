"""Making a reusable block of a group: the :class:`BlockDefinition` a selected group stands for.

``plan_block(group, "Net", {"input_nodes": ["0.in_features"], ...})`` reads
the group's children (each a block of a catalog or custom kind) and writes a
definition whose children are those kinds, with each bound field given by its
new hyperparameter and every other value that differs from the kind's default
written out, so an instance with the default values is exactly the group. It
checks everything first and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from editor.model.catalog import LayerKind
from editor.model.custom.definitions import (
    BlockDefinition,
    ChildSpec,
    DefinitionError,
    HyperValue,
    check_value,
)
from editor.model.custom.language import FUNCTIONS, MODULE_ATTRIBUTES, RESERVED, name_problem
from editor.model.design.tree import Block, Group
from editor.model.errors import StructureError
from editor.model.words import say


def child_name(block: Block, index: int, taken: set[str]) -> str:
    """The attribute name a group's child gets in the block: its label when that fits, else e.g. ``linear0``."""
    label = block.label
    if label and name_problem(label, "child") is None and label not in RESERVED and label not in MODULE_ATTRIBUTES \
            and label not in FUNCTIONS and label not in taken:
        return label
    base = block.layer.kind.name.lower()
    name = f"{base}{index}"
    while name in taken or name in FUNCTIONS or name in RESERVED or name in MODULE_ATTRIBUTES:
        name += "_"
    return name


def _fields(group: Group, bindings: Mapping[str, list[str]], where: str) -> dict[tuple[int, str], str]:
    """Each bound field ``(child index, hyperparameter)`` → the new hyperparameter that sets it."""
    if not isinstance(bindings, Mapping):
        raise DefinitionError(say("{where}bindings map each new hyperparameter to a list of fields, like "
                                  "{{'hidden_nodes': ['0.out_features', '2.in_features']}}.",
                                  where=where), field="bindings")
    bound: dict[tuple[int, str], str] = {}
    for name, fields in bindings.items():
        if isinstance(fields, str):
            fields = [fields]
        if not isinstance(fields, (list, tuple)) or not fields:
            raise DefinitionError(say("{where}{name} must be bound to at least one field, like ['0.in_features'].",
                                      where=where, name=name),
                                  field="bindings")
        for text in fields:
            index_text, _, hp = str(text).partition(".")
            if not index_text.isdigit() or not hp:
                raise DefinitionError(say("{where}{text!r} is not a field: write '<child index>.<hyperparameter>', "
                                          "like '0.in_features'.", where=where, text=text), field="bindings")
            index = int(index_text)
            if index >= len(group.children):
                raise DefinitionError(say("{where}{text!r}: the group has {count} children (0 to {last}).",
                                          where=where, text=text, count=len(group.children),
                                          last=len(group.children) - 1), field="bindings")
            child = group.children[index]
            if not isinstance(child, Block) or hp not in child.layer.kind.param_names:
                kind = child.layer.kind.name if isinstance(child, Block) else "group"
                have = ", ".join(child.layer.kind.param_names) if isinstance(child, Block) else "none"
                raise DefinitionError(say("{where}{text!r}: a {kind} has no hyperparameter {hp!r} (it has {have}).",
                                          where=where, text=text, kind=kind, hp=hp, have=have),
                                      field="bindings")
            if (index, hp) in bound:
                raise DefinitionError(say("{where}{text!r} is bound twice ({bound} and {name}).",
                                          where=where, text=text, bound=bound[(index, hp)], name=name),
                                      field="bindings")
            bound[(index, hp)] = name
    return bound


def plan_block(group: Group, name: str, bindings: Mapping[str, list[str]], where: str = "") -> BlockDefinition:
    """The definition that ``group`` becomes with these ``bindings``; raises in words for anything that cannot be."""
    if not group.children:
        raise StructureError(say("{where}an empty group has nothing to make a block of.", where=where))
    for i, child in enumerate(group.children):
        if not isinstance(child, Block):
            raise StructureError(say("{where}child {i} is itself a group; make that group a reusable block first, "
                                     "then this one.", where=where, i=i))
        if len(child.layer.blocks) > 1:
            raise StructureError(say("{where}child {i} shares its module with another block; a reusable block owns "
                                     "its layers, so unshare it first.", where=where, i=i))
    bound = _fields(group, bindings, where)
    defaults: dict[str, HyperValue] = {}
    for (index, hp), hyper in bound.items():
        value = group.children[index].layer.params[hp]  # type: ignore[attr-defined]
        checked = check_value(hyper, value) if not isinstance(value, tuple) else _refuse_tuple(where, hyper, value)
        if hyper in defaults and defaults[hyper] != checked:
            raise DefinitionError(say("{where}the fields bound to {hyper} have different values ({defaults!r} and "
                                      "{checked!r}); bind fields that agree, or use two hyperparameters.",
                                      where=where, hyper=hyper, defaults=defaults[hyper], checked=checked),
                                  field="bindings")
        defaults[hyper] = checked
    taken: set[str] = set(bindings)
    children = []
    for index, child in enumerate(group.children):
        assert isinstance(child, Block)
        kind = child.layer.kind
        spec_name = child_name(child, index, taken)
        taken.add(spec_name)
        fields = {hp: name for (i, hp), name in bound.items() if i == index}
        children.append(ChildSpec(spec_name, kind.name, spec_arguments(kind, child.layer.params, fields)))
    return BlockDefinition(name, tuple((n, defaults[n]) for n in bindings), tuple(children))


def spec_arguments(kind: LayerKind, params: Mapping[str, Any],
                   bound: Mapping[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """A child's arguments for a ``kind`` layer with ``params``: the fields in ``bound`` given by the block's
    hyperparameter named there, every other value that differs from the kind's default written out, so that the
    child is built exactly as the layer is (raises :class:`StructureError` for a value no expression can hold)."""
    bound = bound or {}
    own_defaults = kind.defaults()
    arguments: list[tuple[str, str]] = []
    for hp in kind.param_names:
        value = params[hp]
        if hp in bound:
            arguments.append((hp, bound[hp]))
        elif hp not in own_defaults or not _same(own_defaults[hp], value):
            arguments.append((hp, value_text(value)))
    return tuple(arguments)


def _refuse_tuple(where: str, name: str, value: tuple[Any, ...]) -> HyperValue:
    raise DefinitionError(say("{where}{name} would stand for {value!r}, but a block's hyperparameters are single "
                              "numbers; bind a field that holds one number.",
                              where=where, name=name, value=value), field="bindings")


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def value_text(value: Any) -> str:
    """``value`` as an expression of the safe language (a child's argument): numbers, True/False/None, text, tuples."""
    if isinstance(value, tuple):
        inner = ", ".join(value_text(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, (bool, int, float, str)) or value is None:
        return repr(value)
    raise StructureError(say("the value {value!r} cannot be written into a block definition.", value=value))
