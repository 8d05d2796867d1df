"""A design as plain data (dicts, lists, tuples, strings, numbers) and back.

This is the ``"design"`` entry of a project file: the tree of groups and
blocks, the layers they reference (kind, hyperparameters, auto flags,
construction rank), labels and canvas state. Blocks refer to layers by index,
so two blocks with the same index share one module, as they did when saved.

Reading checks every field (types, ranges, known kinds, tree shape) and turns
any problem into a :class:`DesignDataError` that says what is wrong where;
nothing in the data is ever executed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch
from torch import nn

from editor.io.files.tensors import fit_to_design, key_text
from editor.model import catalog
from editor.model.catalog.build import build_module
from editor.model.catalog.hyperparameters import validate_params
from editor.model.catalog.unallocated import is_unallocated, opened_unallocated
from editor.model.design.torch_dicts import is_persistent_buffer, own_buffers, own_parameters, slots
from editor.model.design.tree import MAX_DEPTH, Block, Group, Node
from editor.model.design.user_values import check_shape
from editor.model.errors import LayerLabError, ValidationError
from editor.model.project.freezing import apply_frozen, frozen_names, read_frozen
from editor.model.project.project import Project
from editor.model.randomness import forked
from editor.model.words import message_of, say

MAX_LAYERS = 200_000
MAX_LABEL = 100
MAX_RANK = 64
"""Most entries in a layer's construction rank (LayerLab writes one; older files held more)."""
_EMPTY = nn.Sequential()


class DesignDataError(LayerLabError, ValueError):
    """Design data that is malformed; the message says which field and why."""


def design_to_data(project: Project) -> dict[str, Any]:
    """The design of ``project`` as plain data."""
    layers: list[dict[str, Any]] = []
    index_of: dict[int, int] = {}
    ranks = _ranks(project)

    def node(n: Node) -> dict[str, Any]:
        if isinstance(n, Group):
            return {"type": "group", "label": n.label, "collapsed": n.collapsed,
                    "children": [node(c) for c in n.children]}
        assert isinstance(n, Block)
        layer = n.layer
        if id(layer) not in index_of:
            index_of[id(layer)] = len(layers)
            layers.append({"kind": layer.kind.name, "params": dict(layer.params), "auto": sorted(layer.auto),
                           "rank": ranks.get(id(layer))})
            if is_unallocated(layer.module):  # optional: its weights are not in the file; it opens unallocated
                layers[-1]["unallocated"] = True
            frozen = frozen_names(layer.module)
            if frozen:  # optional: files without it (all trainable) stay as they were
                layers[-1]["frozen"] = frozen
        return {"type": "block", "layer": index_of[id(layer)], "label": n.label}

    root = node(project.root)
    return {"layers": layers, "root": root}


def _ranks(project: Project) -> dict[int, list[int]]:
    """Each ranked layer's place in construction order, as a rank of one entry (layer id -> ``[place]``).

    In a design read from code, every layer inserted after another gets a rank one entry longer than that
    one's; written as they are, 64 insertions in a row made a file that did not open. Their order is all a
    rank says, so the file keeps the order only.
    """
    ranked = sorted((layer.rank, i, layer) for i, layer in enumerate(project.layers()) if layer.rank is not None)
    return {id(layer): [place] for place, (_, _, layer) in enumerate(ranked)}


MAX_WHERE = 90


def _fail(where: str, problem: str) -> DesignDataError:
    if len(where) > MAX_WHERE:  # deep in the tree: the start and the end say where
        where = f"{where[:30]}…{where[-(MAX_WHERE - 31):]}"
    return DesignDataError(say("{where}: {problem}", where=where, problem=problem))


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple)
                                                                                else (kind,))):
        first, *others = (k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        names = first
        for other in others:
            names = say("{left} or {right}", left=names, right=other)
        raise _fail(where, say("expected {names}, found {type}", names=names, type=type(value).__name__))
    return value


def _label(value: Any, where: str) -> str | None:
    if value is None:
        return None
    _expect(value, str, where)
    if not value or len(value) > MAX_LABEL or "." in value or value.isdigit() or hasattr(_EMPTY, value):
        raise _fail(where, say("{value!r} is not a valid block label", value=value[:40]))
    return value


def _layer(data: Any, where: str, custom: Mapping[str, catalog.LayerKind]
           ) -> tuple[catalog.LayerKind, dict[str, Any], frozenset[str], tuple[int, ...] | None]:
    _expect(data, dict, where)
    name = _expect(data.get("kind"), str, f"{where}.kind")
    if name in custom:
        kind = custom[name]
    elif not catalog.has_kind(name):
        raise _fail(f"{where}.kind", say("unknown layer kind {name!r}", name=name[:60]))
    else:
        kind = catalog.kind(name)
    params = _expect(data.get("params"), dict, f"{where}.params")
    try:
        values = validate_params(kind, params)
    except ValidationError as exc:
        raise _fail(f"{where}.params", message_of(exc)) from None
    auto_names = _expect(data.get("auto", []), (list, tuple), f"{where}.auto")
    for auto in auto_names:
        if auto not in kind.auto_names:
            raise _fail(f"{where}.auto", say("{kind}.{auto!r} cannot follow the input", kind=kind.name, auto=auto))
    rank = data.get("rank")
    if rank is not None:
        _expect(rank, (list, tuple), f"{where}.rank")
        if len(rank) > MAX_RANK or not all(isinstance(r, int) and not isinstance(r, bool) for r in rank):
            raise _fail(f"{where}.rank", say("expected a list of integers"))
        rank = tuple(rank)
    return kind, values, frozenset(auto_names), rank


def project_from_data(design: Any, seed: int = 0, state_dict: dict[str, torch.Tensor] | None = None,
                      kinds: Mapping[str, catalog.LayerKind] | None = None) -> Project:
    """A new Project built from design data, with the weights of ``state_dict`` (which must fit exactly).

    Without a state_dict the modules are freshly initialized. With one, they are
    built on the meta device and take the given tensors over directly, so no
    time goes into random values that would be overwritten. ``kinds`` are the
    file's custom kinds by name (see :mod:`editor.io.files.definitions_data`).
    Raises :class:`DesignDataError` for anything malformed.
    """
    _expect(design, dict, "design")
    raw_layers = _expect(design.get("layers"), (list, tuple), "design.layers")
    if len(raw_layers) > MAX_LAYERS:
        raise _fail("design.layers", say("{count} layers is more than LayerLab opens ({limit})",
                                         count=len(raw_layers), limit=MAX_LAYERS))
    specs = [_layer(item, f"design.layers[{i}]", kinds or {}) for i, item in enumerate(raw_layers)]
    modules = []
    with forked(), torch.device("meta" if state_dict is not None else "cpu"):
        for i, (kind, values, _, _) in enumerate(specs):
            try:
                if _unallocated_flag(raw_layers[i], f"design.layers[{i}].unallocated"):
                    modules.append(opened_unallocated(build_module(kind, values, unallocated=True)))
                else:
                    modules.append(build_module(kind, values))
            except ValidationError as exc:
                raise DesignDataError(say("design.layers[{index}]: {problem}",
                                          index=i, problem=message_of(exc))) from None
    frozen = [_frozen(item, module, f"design.layers[{i}].frozen")
              for i, (item, module) in enumerate(zip(raw_layers, modules, strict=True))]
    used: set[int] = set()
    collapsed: set[int] = set()
    seen: set[int] = set()  # every node dict once: a tree, not a cycle or a graph that unfolds exponentially

    def build(data: Any, where: str, depth: int) -> nn.Module:
        _expect(data, dict, where)
        if id(data) in seen:
            raise _fail(where, say("this node appears twice in the tree (a group inside itself, or a node reused); "
                                   "the file was altered"))
        seen.add(id(data))
        kind = data.get("type")
        if kind == "block":
            index = _expect(data.get("layer"), int, f"{where}.layer")
            if not 0 <= index < len(modules):
                raise _fail(f"{where}.layer", say("there is no layer {index}", index=index))
            used.add(index)
            return modules[index]
        if kind != "group":
            raise _fail(f"{where}.type", say("expected 'block' or 'group', found {kind!r}", kind=str(kind)[:40]))
        if depth > MAX_DEPTH:  # the root is at 0; the blocks of a group 64 deep sit at 65
            raise _fail(where, say("groups are nested more than {limit} deep", limit=MAX_DEPTH))
        children = _expect(data.get("children"), (list, tuple), f"{where}.children")
        sequential = nn.Sequential()
        keys: set[str] = set()
        for i, child in enumerate(children):
            label = _label(child.get("label") if isinstance(child, dict) else None, f"{where}.children[{i}].label")
            key = label or str(i)
            if key in keys:
                raise _fail(f"{where}.children[{i}].label", say("the label {key!r} is used twice in one group",
                                                                key=key))
            keys.add(key)
            module = build(child, f"{where}.children[{i}]", depth + 1)
            slots(sequential)[key] = module
            if isinstance(module, nn.Sequential) and child.get("collapsed") is True:
                collapsed.add(id(module))
        return sequential

    root_data = _expect(design.get("root"), dict, "design.root")
    root = build(root_data, "design.root", 0)
    if used != set(range(len(modules))):
        missing = sorted(set(range(len(modules))) - used)[:5]
        raise _fail("design.layers", say("layers {missing} are not used by any block", missing=missing))
    if state_dict is not None:
        _take_weights(root, state_dict)
    project = Project.from_module(root, seed=seed)
    for _, node in project.walk():
        if isinstance(node, Group) and id(node.sequential) in collapsed:
            node.collapsed = True
    project.root.collapsed = root_data.get("collapsed") is True
    ranked = False
    for module, (_, _, auto, rank), names in zip(modules, specs, frozen, strict=True):
        layer = project.layer_for(module)
        assert layer is not None  # the project was just built from these modules
        apply_frozen(module, names)
        layer.auto = auto
        layer.rank = rank
        ranked = ranked or rank is not None
    project.seeds.ranked = ranked
    return project


def _unallocated_flag(data: dict[str, Any], where: str) -> bool:
    """The layer's optional ``"unallocated"`` flag: True when the file holds no weights for it."""
    return bool(_expect(data.get("unallocated", False), bool, where))


def _frozen(data: dict[str, Any], module: nn.Module, where: str) -> list[str]:
    try:
        return read_frozen(data.get("frozen"), module)
    except ValueError as exc:
        raise _fail(where, str(exc)) from None


def _take_weights(root: nn.Sequential, state_dict: dict[str, torch.Tensor]) -> None:
    """Assign the saved tensors to the modules built on the meta device (checked first, aliases resolved)."""
    unallocated = [m for m in root.modules() if is_unallocated(m)]  # the file holds no weights for these
    try:
        fitted = fit_to_design(root, state_dict, skip={id(sub) for m in unallocated for sub in m.modules()})
    except ValueError as exc:
        raise DesignDataError(say("state_dict: {problem}", problem=message_of(exc))) from None
    try:
        _assign(root, fitted)
    except (RuntimeError, ValueError, TypeError, KeyError):
        raise DesignDataError(say("state_dict: the saved weights do not fit the saved design")) from None
    kept_unallocated = {id(t) for m in unallocated for t in [*m.parameters(), *m.buffers()]}
    for name, tensor in [*root.named_parameters(), *root.named_buffers()]:
        if tensor.is_meta and id(tensor) not in kept_unallocated:
            raise DesignDataError(say("state_dict: no value for {key}", key=key_text(name)))


def _assign(root: nn.Module, fitted: dict[str, torch.Tensor]) -> None:
    """``root.load_state_dict(fitted, strict=True, assign=True)``, in time linear in the number of blocks.

    torch's own load scans the whole state_dict once per child (a 20,000-block file took minutes);
    here each distinct module gets exactly its own entries (``fit_to_design`` checked the keys).
    """
    for name, module in root.named_modules():  # each distinct module once, under its first name
        prefix = f"{name}." if name else ""
        own = [*own_parameters(module), *(b for b in own_buffers(module) if is_persistent_buffer(module, b))]
        own = [local for local in own if f"{prefix}{local}" in fitted]
        if own:
            module.load_state_dict({local: fitted[f"{prefix}{local}"] for local in own}, strict=False, assign=True)


def apply_settings(project: Project, input_shape: Any) -> None:
    """Set the saved input shape (None: inferred) after checking it."""
    if input_shape is None:
        return
    try:
        project.input_shape = check_shape(_expect(input_shape, (list, tuple), "input_shape"))
    except ValidationError as exc:
        raise DesignDataError(say("input_shape: {problem}", problem=message_of(exc))) from None
