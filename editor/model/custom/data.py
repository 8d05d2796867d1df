"""Definitions as plain data (dicts, lists, strings, numbers) and back, for project files and the user library.

A layer is ``{"type": "layer", "name", "forward", "hyperparameters": [[name, default], ...],
"parameters": [{"name", "shape": [...], "init", "registered"}], "description", "auto": [name, ...]}``
(``"auto"`` only when some hyperparameter follows the input); a block is
``{"type": "block", "name", "hyperparameters", "children": [{"name", "kind", "arguments":
[[hyperparameter, expression], ...]}], "forward": text or None, "description"}``; a child of kind
``"Sequential"`` also has ``"children"``, its own list of such child dicts (nested at most
:data:`~editor.model.custom.blocks.MAX_NESTING` deep). Older files have no ``"children"`` in a child.

Reading checks every field's type and size before making the definition
(which then checks its names and expressions), and turns any problem into a
:class:`~editor.model.custom.definitions.DefinitionError` that says where it
is (``definitions[2].parameters[0].shape``). Nothing in the data is executed:
expressions stay text until the safe evaluator compiles them.
"""

from __future__ import annotations

from typing import Any

from editor.model.custom.blocks import MAX_NESTING, MAX_SPECS, SEQUENTIAL
from editor.model.custom.definitions import (
    MAX_CHILDREN,
    MAX_DEFINITIONS,
    MAX_DIMS,
    MAX_HYPERPARAMETERS,
    MAX_PARAMETERS,
    BlockDefinition,
    ChildSpec,
    Definition,
    DefinitionError,
    LayerDefinition,
    ParameterSpec,
)
from editor.model.custom.expr import MAX_SOURCE_LENGTH
from editor.model.words import message_of, say

MAX_TEXT = MAX_SOURCE_LENGTH


def definition_to_data(definition: Definition) -> dict[str, Any]:
    """``definition`` as a dict of primitives."""
    hyper = [[name, value] for name, value in definition.hyperparameters]
    if isinstance(definition, LayerDefinition):
        return {"type": "layer", "name": definition.name, "forward": definition.forward, "hyperparameters": hyper,
                "parameters": [{"name": p.name, "shape": list(p.shape), "init": p.init, "registered": p.registered}
                               for p in definition.parameters],
                "description": definition.description, **({"auto": list(definition.auto)} if definition.auto else {})}
    return {"type": "block", "name": definition.name, "hyperparameters": hyper,
            "children": [_child_to_data(c) for c in definition.children],
            "forward": definition.forward, "description": definition.description}


def _child_to_data(child: ChildSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"name": child.name, "kind": child.kind, "arguments": [[k, v] for k, v in child.arguments]}
    if child.kind == SEQUENTIAL:
        data["children"] = [_child_to_data(c) for c in child.children]
    return data


def definitions_to_data(definitions: list[Definition]) -> list[dict[str, Any]]:
    """Several definitions as a list of dicts, in the order given."""
    return [definition_to_data(d) for d in definitions]


def _fail(where: str, problem: str) -> DefinitionError:
    return DefinitionError(say("{where}: {problem}", where=where, problem=problem))


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = ...) -> Any:
    if key not in data:
        if default is not ...:
            return default
        raise _fail(f"{where}.{key}", say("missing"))
    value = data[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise _fail(f"{where}.{key}", say("expected {names}, found {type}", names=names, type=type(value).__name__))
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise _fail(f"{where}.{key}", say("longer than {limit} characters", limit=MAX_TEXT))
    return value


def _list(data: dict[str, Any], key: str, where: str, limit: int, default: Any = ...) -> list[Any]:
    value = _get(data, key, (list, tuple), where, default)
    if len(value) > limit:
        raise _fail(f"{where}.{key}", say("{count} entries is more than {limit}", count=len(value), limit=limit))
    return list(value)


def _pairs(items: list[Any], where: str) -> list[tuple[Any, Any]]:
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, (list, tuple)) or len(item) != 2 or not isinstance(item[0], str):
            raise _fail(f"{where}[{i}]", say("expected a [name, value] pair"))
        out.append((item[0], item[1]))
    return out


def definition_from_data(data: Any, where: str = "definition") -> Definition:
    """The definition ``data`` describes; :class:`DefinitionError` naming the field for anything wrong."""
    if not isinstance(data, dict):
        raise _fail(where, say("expected a dict, found {type}", type=type(data).__name__))
    kind = _get(data, "type", str, where)
    name = _get(data, "name", str, where)
    hyper = _pairs(_list(data, "hyperparameters", where, MAX_HYPERPARAMETERS, []), f"{where}.hyperparameters")
    description = _get(data, "description", str, where, "")
    try:
        if kind == "layer":
            specs = []
            for i, item in enumerate(_list(data, "parameters", where, MAX_PARAMETERS, [])):
                at = f"{where}.parameters[{i}]"
                if not isinstance(item, dict):
                    raise _fail(at, say("expected a dict, found {type}", type=type(item).__name__))
                shape = _list(item, "shape", at, MAX_DIMS)
                if not all(isinstance(s, str) and len(s) <= MAX_TEXT for s in shape):
                    raise _fail(f"{at}.shape", say("expected a list of expressions (text)"))
                specs.append(ParameterSpec(_get(item, "name", str, at), tuple(shape), _get(item, "init", str, at),
                                           _get(item, "registered", bool, at, True)))
            auto = _list(data, "auto", where, MAX_HYPERPARAMETERS, [])
            if not all(isinstance(a, str) for a in auto):
                raise _fail(f"{where}.auto", say("expected a list of hyperparameter names"))
            return LayerDefinition(name, _get(data, "forward", str, where), tuple(hyper), tuple(specs), description,
                                   tuple(auto))
        if kind == "block":
            children = _children_from_data(data, where, 0, [0])
            return BlockDefinition(name, tuple(hyper), tuple(children), _get(data, "forward", (str, type(None)), where,
                                                                              None), description)
    except DefinitionError as exc:
        if str(exc).startswith(where):
            raise
        raise _fail(f"{where} ({name[:60]})", message_of(exc)) from None
    raise _fail(f"{where}.type", say("expected 'layer' or 'block', found {found!r}", found=kind[:40]))


def _children_from_data(data: dict[str, Any], where: str, depth: int, count: list[int]) -> list[ChildSpec]:
    """A block's children (or a Sequential child's), each checked; Sequentials nest at most MAX_NESTING deep, and
    ``count`` (children read so far) stays within MAX_SPECS however often the data repeats one list."""
    if depth > MAX_NESTING:
        raise _fail(f"{where}.children", say("Sequentials nest more than {limit} deep", limit=MAX_NESTING))
    children = []
    for i, item in enumerate(_list(data, "children", where, MAX_CHILDREN, [] if depth else ...)):
        at = f"{where}.children[{i}]"
        count[0] += 1
        if count[0] > MAX_SPECS:
            raise _fail(at, say("a block holds at most {limit} children, counting those inside its Sequentials",
                                limit=MAX_SPECS))
        if not isinstance(item, dict):
            raise _fail(at, say("expected a dict, found {type}", type=type(item).__name__))
        arguments = _pairs(_list(item, "arguments", at, 2 * MAX_HYPERPARAMETERS, []), f"{at}.arguments")
        if not all(isinstance(v, str) and len(v) <= MAX_TEXT for _, v in arguments):
            raise _fail(f"{at}.arguments", say("each argument's value is an expression (text)"))
        kind = _get(item, "kind", str, at)
        inner = _children_from_data(item, at, depth + 1, count) if kind == SEQUENTIAL else []
        if kind != SEQUENTIAL and item.get("children"):
            raise _fail(f"{at}.children", say("only a {sequential} child has children of its own",
                                              sequential=SEQUENTIAL))
        children.append(ChildSpec(_get(item, "name", str, at), kind, tuple(arguments), tuple(inner)))
    return children


def definitions_from_data(data: Any, where: str = "definitions") -> list[Definition]:
    """A list of definitions from plain data (at most :data:`MAX_DEFINITIONS`, names unique)."""
    if not isinstance(data, (list, tuple)):
        raise _fail(where, say("expected a list, found {type}", type=type(data).__name__))
    if len(data) > MAX_DEFINITIONS:
        raise _fail(where, say("{count} definitions is more than LayerLab opens ({limit})",
                               count=len(data), limit=MAX_DEFINITIONS))
    out = [definition_from_data(item, f"{where}[{i}]") for i, item in enumerate(data)]
    names = [d.name for d in out]
    twice = next((n for n in names if names.count(n) > 1), None)
    if twice is not None:
        raise _fail(where, say("{twice!r} is defined twice", twice=twice))
    return out


__all__ = ["definition_from_data", "definition_to_data", "definitions_from_data", "definitions_to_data"]
