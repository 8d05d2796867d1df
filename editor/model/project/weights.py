"""The Project's weights: reset from the seed, seed tracking, construction order, loading a state_dict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.catalog.build import build_module
from editor.model.design.seeding import construction_order
from editor.model.design.tree import Block, Group, Layer, is_last_leaf, path_key, paths
from editor.model.errors import ValidationError

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object


@dataclass
class WeightsReport:
    """What loading a state_dict did: keys loaded, missing, unexpected and shape-mismatched."""

    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    mismatched: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """Every key present, nothing extra, every shape right."""
        return not (self.missing or self.unexpected or self.mismatched)

    def describe(self) -> str:
        """A sentence per kind of problem, naming a few keys."""
        def few(keys: list[str]) -> str:
            return ", ".join(keys[:4]) + (f" and {len(keys) - 4} more" if len(keys) > 4 else "")

        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} missing ({few(self.missing)})")
        if self.unexpected:
            parts.append(f"{len(self.unexpected)} unexpected ({few(self.unexpected)})")
        if self.mismatched:
            shown = [f"{k} is {got} but the design needs {want}" for k, want, got in self.mismatched]
            parts.append(f"{len(self.mismatched)} with the wrong shape ({few(shown)})")
        return "; ".join(parts) + "." if parts else "every key fits."


class WeightsMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: everything about parameter values."""

    def reset_parameters(self) -> None:
        """Every parameter and buffer from :attr:`seed`, in construction order (module identities kept).

        Afterwards the weights are bit for bit those of ``torch.manual_seed(seed)``
        followed by constructing the same layers in :meth:`construction_order`.
        """
        with self._operation("Reset parameters"):
            order, modules, state = self._fresh_modules()
            for layer, fresh in zip(order, modules, strict=True):
                if fresh.state_dict():
                    self._load_values(layer, fresh.state_dict())
            self._set_seed_status(True, state)

    @property
    def weights_from_seed(self) -> bool:
        """Whether the weights are exactly what :attr:`seed` gives.

        Tracked through every edit; values changed behind the project's back
        (``param.data``, an optimizer step, BatchNorm statistics in a forward
        pass) are noticed by a checksum, and an unknown state is settled by
        rebuilding the weights from the seed and comparing.
        """
        seeds = self.seeds
        if seeds.is_stale(self._layers.values()):
            seeds.forget()
        if seeds.status is None:
            exact, state = self._verify_seed()
            seeds.settle(exact, state, self._layers.values())
        return bool(seeds.status)

    def mark_weights_changed(self) -> None:
        """Say that parameter values were changed outside the project (e.g. by training)."""
        self.seeds.forget()

    def construction_order(self) -> list[str]:
        """Paths of the blocks whose modules are constructed, in construction order (first use of each)."""
        order = construction_order(self._root, self.seeds)
        return self._paths_in_order([layer.blocks for layer in order])

    def _fresh_modules(self) -> tuple[list[Layer], list[nn.Module], torch.Tensor]:
        """New modules for every layer, constructed from the seed in construction order, then the init rules.

        All construction runs inside ``torch.random.fork_rng``, so the caller's global random state is kept.
        """
        order = construction_order(self._root, self.seeds)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.seeds.seed)
            modules = [build_module(layer.kind, layer.params) for layer in order]
            if self._init_rules:
                self._replay_rules({id(layer): module for layer, module in zip(order, modules, strict=True)})
            state = torch.get_rng_state()
        return order, modules, state

    def _verify_seed(self) -> tuple[bool, torch.Tensor | None]:
        """Whether the current values equal seed-fresh ones, and the random state after constructing them."""
        order, modules, state = self._fresh_modules()
        for layer, fresh in zip(order, modules, strict=True):
            current = layer.module.state_dict()
            for name, value in fresh.state_dict().items():
                mine = current.get(name)
                if mine is None or mine.shape != value.shape or not torch.equal(mine.detach().cpu(), value):
                    return False, None
        return True, state

    def _note_constructed(self, block: Block, state_after: torch.Tensor | None) -> None:
        """Update the seed status after ``block``'s new layer was constructed and attached."""
        seeds = self.seeds
        if seeds.status is not True:
            return
        before = seeds.state
        drew = state_after is None or before is None or not torch.equal(state_after, before)
        if state_after is not None and not drew:
            return  # it drew no random numbers (ReLU, BatchNorm, …): the seed stream is unchanged
        if state_after is not None and self._constructed_last(block) and not self._init_rules:
            self._set_seed_status(True, state_after)
        else:
            self._set_seed_status(False)

    def _constructed_last(self, block: Block) -> bool:
        if self.seeds.ranked:
            return construction_order(self._root, self.seeds)[-1] is block.layer
        return is_last_leaf(block)

    def _paths_in_order(self, groups: list[list[Block]]) -> list[str]:
        table = paths(self._root)
        return [min((table[b] for b in blocks), key=path_key) for blocks in groups]

    def load_state(self, state: dict[str, torch.Tensor], strict: bool = True) -> WeightsReport:
        """Copy a state_dict's values into the design (module identities kept), as one undoable operation.

        With ``strict``, any missing, unexpected or shape-mismatched key
        refuses the whole load (nothing changes); otherwise the keys that fit
        are loaded and the rest reported.
        """
        _check_state(state)
        owners = self._state_owners()
        report = self.weights_report(state, owners)
        fitting = report.loaded
        if strict and not report.exact:
            raise ValidationError(f"These weights do not fit the design: {report.describe()} Load them partially "
                                  f"to take what fits.", field="state_dict",
                                  valid="the keys and shapes of model.state_dict()")
        per_layer: dict[int, tuple[Layer, dict[str, torch.Tensor]]] = {}
        for key in fitting:
            layer, local, _ = owners[key]
            entry = per_layer.setdefault(id(layer), (layer, {k: v for k, v in layer.module.state_dict().items()}))
            entry[1][local] = state[key]
        if per_layer:
            with self._operation("Load weights"):
                for layer, values in per_layer.values():
                    self._load_values(layer, values)
                self._set_seed_status(None)
        return report

    def weights_report(self, state: dict[str, torch.Tensor],
                       owners: dict[str, tuple[Layer, str, torch.Size]] | None = None) -> WeightsReport:
        """What :meth:`load_state` would do with ``state``, without doing it."""
        owners = owners if owners is not None else self._state_owners()
        mismatched = [(k, tuple(owners[k][2]), tuple(state[k].shape)) for k in owners
                      if k in state and tuple(state[k].shape) != tuple(owners[k][2])]
        bad = {m[0] for m in mismatched}
        return WeightsReport(missing=[k for k in owners if k not in state],
                             unexpected=[k for k in state if k not in owners], mismatched=mismatched,
                             loaded=[k for k in owners if k in state and k not in bad])

    def _state_owners(self) -> dict[str, tuple[Layer, str, torch.Size]]:
        """Every key of ``model.state_dict()``: the layer that owns it, its local key and its shape."""
        owners: dict[str, tuple[Layer, str, torch.Size]] = {}

        def visit(group: Group, prefix: str) -> None:
            for index, child in enumerate(group.children):
                key = f"{prefix}{child.label or index}"
                if isinstance(child, Group):
                    visit(child, key + ".")
                else:
                    layer = child.layer  # type: ignore[attr-defined]
                    for local, value in layer.module.state_dict().items():
                        owners[f"{key}.{local}"] = (layer, local, value.shape)

        visit(self._root, "")
        return owners


def _check_state(state: object) -> None:
    """A state_dict: a mapping of names to tensors (anything else gets a clear message)."""
    if not isinstance(state, Mapping):
        raise ValidationError(f"Weights must be a state_dict (a dict of names to tensors, like model.state_dict()), "
                              f"not {type(state).__name__}.", field="state_dict", valid="a dict of names to tensors")
    for key, value in state.items():
        if not isinstance(key, str) or not isinstance(value, torch.Tensor):
            raise ValidationError(f"Weights must map names to tensors, but {key!r} holds a "
                                  f"{type(value).__name__}.", field="state_dict", valid="a dict of names to tensors")
