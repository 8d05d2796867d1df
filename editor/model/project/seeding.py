"""Weights from the seed: construction order, reset, verification, seeded construction.

The promise: after ``reset_parameters()``, or for a design built with a seed,
the parameters are bit for bit those of the plain script
``torch.manual_seed(seed)`` followed by constructing the same layers in the
project's construction order, then applying the project's init rules in order (see
:mod:`editor.model.init.rules`). That order is the order of first use in the
design, unless the design was read from code, where it is the order the source
constructs its modules in (``Layer.rank``).

All construction here runs inside ``torch.random.fork_rng``, so the caller's
global random state is left as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch
from torch import nn

from editor.model.catalog import LayerKind
from editor.model.catalog.build import build_module, constructor_kwargs, read_params, torch_class
from editor.model.design.tree import Block, Layer, distinct_layers, is_last_leaf
from editor.model.errors import ValidationError

if TYPE_CHECKING:
    from editor.model.project.project import Project


def construction_order(project: Project) -> list[Layer]:
    """Every layer once, in the order its module is constructed."""
    layers = distinct_layers(project._root)
    if project._ranked:
        first_use = {id(layer): i for i, layer in enumerate(layers)}
        layers.sort(key=lambda layer: (layer.rank is None, layer.rank or (), first_use[id(layer)]))
    return layers


def seed_state(seed: int) -> torch.Tensor:
    """The CPU random state right after ``torch.manual_seed(seed)``."""
    return torch.Generator().manual_seed(seed).get_state()


def fresh_modules(project: Project) -> tuple[list[Layer], list[nn.Module], torch.Tensor]:
    """New modules for every layer, constructed from the seed in construction order, then the init rules."""
    order = construction_order(project)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(project.seed)
        modules = [build_module(layer.kind, layer.params) for layer in order]
        if project.init_rules:
            project._replay_rules({id(layer): module for layer, module in zip(order, modules, strict=True)})
        state = torch.get_rng_state()
    return order, modules, state


def reset(project: Project) -> None:
    """Load seed-fresh values into every module, in place (journaled by the caller's operation)."""
    order, modules, state = fresh_modules(project)
    for layer, fresh in zip(order, modules, strict=True):
        if fresh.state_dict():
            project._load_values(layer, fresh.state_dict())
    project._set_seed_status(True, state)


def verify(project: Project) -> tuple[bool, torch.Tensor | None]:
    """Whether the current values equal seed-fresh ones, and the random state after constructing them."""
    order, modules, state = fresh_modules(project)
    for layer, fresh in zip(order, modules, strict=True):
        current = layer.module.state_dict()
        for name, value in fresh.state_dict().items():
            mine = current.get(name)
            if mine is None or mine.shape != value.shape or not torch.equal(mine.detach().cpu(), value):
                return False, None
    return True, state


def construct(project: Project, kind: LayerKind, params: dict[str, Any]) -> tuple[nn.Module, torch.Tensor | None]:
    """Build a new layer; continue the seed's random stream when the weights are seed-exact.

    Returns the module and the random state after it (None when built from
    torch's global generator because the seed stream is not known here).
    """
    state = project._seed_state
    if project._seed_status is True and state is None and not project._layers:
        state = seed_state(project.seed)
    if project._seed_status is not True or state is None:
        return build_module(kind, params), None
    with torch.random.fork_rng(devices=[]):
        torch.set_rng_state(state)
        module = build_module(kind, params)
        after = torch.get_rng_state()
    return module, after


def note_constructed(project: Project, block: Block, state_after: torch.Tensor | None) -> None:
    """Update the seed status after ``block``'s new layer was constructed and attached."""
    if project._seed_status is not True:
        return
    before = project._seed_state
    drew = state_after is None or before is None or not torch.equal(state_after, before)
    if state_after is not None and not drew:
        return  # it drew no random numbers (ReLU, BatchNorm, …): the seed stream is unchanged
    if state_after is not None and _constructed_last(project, block) and not project.init_rules:
        project._set_seed_status(True, state_after)
    else:
        project._set_seed_status(False)


def _constructed_last(project: Project, block: Block) -> bool:
    if project._ranked:
        return construction_order(project)[-1] is block.layer
    return is_last_leaf(block)


def canonical_params(kind: LayerKind, params: dict[str, Any], where: str = "") -> dict[str, Any]:
    """``params`` in the form torch stores them (``3`` becomes ``(3, 3)`` for Conv2d), via the meta device."""
    kwargs = constructor_kwargs(kind, params)
    try:
        with torch.device("meta"):
            module = torch_class(kind)(**kwargs)
    except (TypeError, ValueError, RuntimeError) as exc:
        raise ValidationError(f"{where}torch refused {kind.name} with these values: {exc}") from None
    return read_params(kind, module)
