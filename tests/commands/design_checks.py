"""Checks the command state machine runs after every step (issue #17).

Each function looks at a Project from the outside as far as it can: the live
``nn.Sequential`` is read through torch's own ``_modules`` (every slot, repeats
included), and the design tree through ``project.root`` / ``project.walk()``,
which never adopt direct edits (a path lookup would, and so could hide a
mirror that drifted from the design).
"""

from __future__ import annotations

import contextlib
import math
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from editor import Project
from editor.model.catalog.build import build_module, read_params
from editor.model.design.tree import Block, Group, Node

FORWARD_LIMIT = 4096
"""Run a real forward pass only when the input and every block's output have at most this many values."""


@contextlib.contextmanager
def one_torch_thread() -> Iterator[None]:
    """Tiny tensors, thousands of calls: one intra-op thread is faster, and steady on a busy 2-core CI machine
    (with two, a layer_norm of 16 values took 4 ms whenever another process held the other core)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


# ------------------------------------------------------------------ snapshots
@dataclass
class Snapshot:
    """Everything an exact undo must bring back, with the module objects themselves (compared with ``is``)."""

    text: str
    nodes: list[tuple[Any, ...]]
    modules: list[nn.Module]
    ties: list[int]
    state: dict[str, torch.Tensor]
    grads: list[tuple[str, bool]]
    training: list[bool]
    settings: tuple[Any, ...]
    rules: list[Any]
    errors: list[str]


def node_entries(project: Project) -> list[tuple[str, Node]]:
    """(path, node) for every node, read from the tree (no path lookups)."""
    return list(project.walk())


def snapshot(project: Project) -> Snapshot:
    nodes, modules, ties = [], [], []
    layer_index: dict[int, int] = {}
    for path, node in node_entries(project):
        if isinstance(node, Block):
            layer = node.layer
            ties.append(layer_index.setdefault(id(layer), len(layer_index)))
            nodes.append((path, "block", node.label, layer.kind.name, dict(layer.params), sorted(layer.auto)))
            modules.append(layer.module)
        else:
            assert isinstance(node, Group)
            nodes.append((path, "group", node.label, node.collapsed))
            modules.append(node.sequential)
    model = project.model
    state = {key: value.detach().clone() for key, value in model.state_dict().items()}
    grads = [(name, p.requires_grad) for name, p in model.named_parameters(remove_duplicate=False)]
    training = [m.training for _, m in model.named_modules(remove_duplicate=False)]
    settings = (project.input_shape, project.input_is_inferred, project.seed, project.device)
    return Snapshot(repr(model), nodes, modules, ties, state, grads, training, settings, list(project.init_rules),
                    shape_errors(project))


def shape_errors(project: Project) -> list[str]:
    """Every shape error in words, with what it suggests (its fix, or the other places of a shared module)."""
    return [str(e) for e in project.shape_errors()]


def rule_entries(project: Project) -> list[tuple[Any, ...]]:
    """The init rules as data: function, arguments, target, and the paths of the chosen blocks.

    Every edit keeps the rules replayable, so a rule never names a deleted block (it narrows, or goes with them).
    """
    out = []
    for rule in project.init_rules:
        places = None
        if rule.layers is not None:
            places = sorted(b.path() for layer in rule.layers for b in layer.blocks)
        out.append((rule.function, sorted(rule.args.items()), rule.parameters, rule.kind, rule.expression,
                    rule.gain_from, places))
    return out


def same_tensor(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Bit for bit: dtype, shape and every byte (so -0.0 differs from 0.0, and NaN payloads count)."""
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    return torch.equal(a.detach().cpu().contiguous().reshape(-1).view(torch.uint8),
                       b.detach().cpu().contiguous().reshape(-1).view(torch.uint8))


def assert_same(got: Snapshot, want: Snapshot, what: str) -> None:
    assert got.text == want.text, f"{what}: print(model) differs\n{got.text}\n---\n{want.text}"
    assert got.nodes == want.nodes, f"{what}: the design tree differs\n{got.nodes}\n---\n{want.nodes}"
    assert len(got.modules) == len(want.modules) and all(a is b for a, b in zip(got.modules, want.modules)), \
        f"{what}: module identities differ"
    assert got.ties == want.ties, f"{what}: which blocks share a module differs"
    assert list(got.state) == list(want.state), f"{what}: state_dict keys differ"
    for key in want.state:
        assert same_tensor(got.state[key], want.state[key]), f"{what}: {key} differs"
    assert got.grads == want.grads, f"{what}: requires_grad differs"
    assert got.training == want.training, f"{what}: train/eval modes differ"
    assert got.settings == want.settings, f"{what}: input shape, seed or device differ: {got.settings} {want.settings}"
    assert len(got.rules) == len(want.rules) and all(a is b for a, b in zip(got.rules, want.rules)), \
        f"{what}: init rules differ"
    assert got.errors == want.errors, f"{what}: shape errors differ\n{got.errors}\n---\n{want.errors}"


# --------------------------------------------------------------- the mirror
def check_mirror(project: Project) -> None:
    """The live Sequential holds exactly the design: every slot, key, module identity and tie."""
    root = project.root
    assert project.model is root.sequential
    assert not project.direct_edits_pending(), "the design believes project.model was edited behind its back"
    layers = {id(layer): layer for layer in project.layers()}
    seen_layers: dict[int, Any] = {}

    def visit(group: Group, prefix: str) -> nn.Sequential:
        slots = group.sequential._modules
        keys = [child.label or str(i) for i, child in enumerate(group.children)]
        assert list(slots) == keys, f"group {prefix or '(top)'}: keys {list(slots)} but the design has {keys}"
        rebuilt: OrderedDict[str, nn.Module] = OrderedDict()
        for (key, module), child in zip(slots.items(), group.children):
            assert child.parent is group
            where = f"{prefix}.{key}" if prefix else key
            assert module is child.module, f"slot {where} holds another module than its block"
            if isinstance(child, Group):
                assert isinstance(module, nn.Sequential)
                rebuilt[key] = visit(child, where)
            else:
                assert isinstance(child, Block)
                layer = child.layer
                assert child in layer.blocks and id(layer) in layers, f"block {where} is not registered"
                assert type(module).__name__ == layer.kind.name, f"{where}: not a {layer.kind.name}"
                assert read_params(layer.kind, module) == layer.params, f"{where}: hyperparameters disagree"
                seen_layers.setdefault(id(layer), layer)
                rebuilt[key] = module
        return nn.Sequential(rebuilt)

    rebuilt = visit(root, "")
    assert repr(rebuilt) == repr(project.model)
    assert set(seen_layers) == set(layers), "layers() lists modules that no block holds (or misses some)"
    modules = {}
    for layer in layers.values():
        assert layer.blocks, f"{layer} has no blocks"
        assert all(b.layer is layer and project.is_attached(b) for b in layer.blocks)
        assert modules.setdefault(id(layer.module), layer) is layer, "two layers hold one module"
    # Shared modules are the same objects at every place; distinct layers are distinct objects.
    by_path = dict(project.model.named_modules(remove_duplicate=False))
    for path, node in node_entries(project):
        if isinstance(node, Block):
            keys = _keys(node)
            assert by_path[".".join(keys)] is node.layer.module, f"model path {'.'.join(keys)} is not block {path}"
    assert len(project) == len(project.model)


def _keys(node: Node) -> list[str]:
    out = []
    while node.parent is not None:
        parent = node.parent
        index = parent.children.index(node)
        out.append(node.label or str(index))
        node = parent
    return list(reversed(out))


# ------------------------------------------------------------------- shapes
def check_forward(project: Project) -> bool:
    """Where shapes say the design runs and the input is small: a real forward pass gives exactly those shapes.

    Runs in eval mode under ``torch.no_grad`` (BatchNorm statistics stay as they are) and puts every module's
    mode back. Returns whether it ran.
    """
    if project.shape_error is not None or project.input_shape is None or not len(project):
        return False
    shape = project.input_shape
    inferred = [getattr(node.out_spec, "shape", None) or () for _, node in node_entries(project)]
    if max(math.prod(s) for s in [shape, *inferred]) > FORWARD_LIMIT:
        return False  # big activations (a huge padding, say): too slow for a check at every step
    generator = torch.Generator().manual_seed(0)
    if project.input_dtype == "long":
        x = torch.zeros(shape, dtype=torch.long)
    else:
        x = torch.randn(shape, generator=generator)
    modes = [(m, m.training) for m in project.model.modules()]
    seen: list[tuple[str, tuple[int, ...], tuple[int, ...] | None]] = []
    try:
        project.model.eval()
        with torch.no_grad():
            by_tree = _run_tree(project.root, x.clone(), "", seen)  # clones: a ReLU(inplace=True) writes into it
            by_model = project.model(x.clone())
    finally:
        for module, mode in modes:
            module.training = mode
    for path, got, want in seen:
        assert want is None or got == want, f"block {path}: a forward pass gives {got}, shapes say {want}"
    assert tuple(by_model.shape) == project.output_shape, \
        f"the model outputs {tuple(by_model.shape)}, shapes say {project.output_shape}"
    assert torch.equal(by_model, by_tree), "running the live Sequential differs from running the design's blocks"
    return True


def _run_tree(node: Node, x: torch.Tensor, path: str, seen: list) -> torch.Tensor:
    if isinstance(node, Group):
        for i, child in enumerate(node.children):
            x = _run_tree(child, x, f"{path}.{i}" if path else str(i), seen)
    else:
        x = node.module(x)
    if path:
        seen.append((path, tuple(x.shape), getattr(node.out_spec, "shape", None)))
    return x


# --------------------------------------------------------------------- seed
def check_seed_claim(project: Project) -> bool:
    """When the project holds that its weights are the seed's (and weights_from_seed would not re-check), they are.

    Rebuilds the layers from the seed in ``construction_order()``, as the exported code would, and compares.
    Skipped with init rules (they run after construction; their replay is the project's own code).
    Returns whether it checked.
    """
    if project.seeds.status is not True or project.init_rules:
        return False
    if project.seeds.is_stale(project.layers()):  # the claim is re-checked when next asked (weights_from_seed)
        return False
    order = project.construction_order()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(project.seed)
        fresh = [build_module(project.kind(p), project.hyperparameters(p)) for p in order]
    for path, module in zip(order, fresh):
        mine = project[path].state_dict()
        for key, value in module.state_dict().items():
            assert key in mine and same_tensor(mine[key], value), \
                f"weights_from_seed is tracked as True, but {path}.{key} is not what seed {project.seed} gives"
    return True


# ---------------------------------------------------------------- save/open
def check_round_trip(project: Project, opened: Project) -> None:
    """An opened project equals the saved one: structure, values bit for bit, ties, auto flags, settings."""
    assert repr(opened.model) == repr(project.model), f"after opening\n{opened.model}\n---\n{project.model}"
    mine, theirs = project.model.state_dict(), opened.model.state_dict()
    assert list(mine) == list(theirs)
    for key in mine:
        assert same_tensor(theirs[key], mine[key]), f"{key} differs after save and open"
    want, got = snapshot(project), snapshot(opened)
    strip = [n[:-1] if n[1] == "group" else n for n in want.nodes]  # collapsed is view state; compared below
    assert [n[:-1] if n[1] == "group" else n for n in got.nodes] == strip
    assert got.ties == want.ties, "shared modules are not shared the same way after opening"
    assert [n[-1] for n in got.nodes if n[1] == "group"] == [n[-1] for n in want.nodes if n[1] == "group"]
    for path, node in node_entries(project):
        if isinstance(node, Block):
            assert opened.auto(path) == project.auto(path), f"auto flags of {path} differ after opening"
            assert opened.frozen(path) == project.frozen(path), f"frozen parameters of {path} differ"
    assert got.grads == want.grads, "requires_grad differs after opening"
    assert got.settings == want.settings, f"settings differ after opening: {got.settings} {want.settings}"
    assert got.errors == want.errors, f"shape errors differ after opening\n{got.errors}\n---\n{want.errors}"
    assert rule_entries(opened) == rule_entries(project), "init rules differ after opening"
    assert opened.construction_order() == project.construction_order()
    check_mirror(opened)
