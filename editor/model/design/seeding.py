"""The seed, and what is known about the weights' relation to it: :class:`SeedTracker`.

The promise: after ``reset_parameters()``, or for a design built with a seed,
the parameters are bit for bit those of the plain script
``torch.manual_seed(seed)`` followed by constructing the same layers in the
design's construction order, then applying its init rules in order. That order
is the order of first use in the design, unless the design was read from code,
where it is the order the source constructs its modules in (``Layer.rank``).

The tracker is plain state; the design changes it through its journal (so undo
restores it) and the Project's weights operations decide what to record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from editor.model.catalog import LayerKind
from editor.model.catalog.build import build_module
from editor.model.design.tree import Block, Group, Layer, distinct_layers, previous_block
from editor.model.randomness import forked


@dataclass
class SeedTracker:
    """The seed and the construction-order bookkeeping of one design.

    ``status`` is True when the weights are exactly what ``seed`` gives,
    False when they are not, None when not known (the next check settles it).
    ``state`` is the CPU random state right after constructing the design from
    the seed, so that a new layer continues the seed's stream; ``fingerprint``
    notices values changed behind the design's back. ``ranked`` says the
    construction order comes from ``Layer.rank`` (designs read from code)
    rather than from first use; ``rank_counter`` keeps new ranks unique.
    """

    seed: int = 0
    status: bool | None = True
    state: torch.Tensor | None = None
    fingerprint: tuple | None = None
    ranked: bool = False
    rank_counter: int = 0

    def forget(self) -> None:
        """The weights' relation to the seed is no longer known (values changed outside the design)."""
        self.status, self.state, self.fingerprint = None, None, None

    def is_stale(self, layers: Iterable[Layer]) -> bool:
        """True when the weights were the seed's but have since changed in place (``param.data``, training)."""
        return self.status is True and self.fingerprint != fingerprint(layers)

    def settle(self, exact: bool, state: torch.Tensor | None, layers: Iterable[Layer]) -> None:
        """Record the outcome of a check against the seed (not an edit, so not journaled)."""
        self.status = exact
        self.state = state if exact else None
        self.fingerprint = fingerprint(layers) if exact else None

    def start_ranking(self, count: int) -> None:
        """From now on construction follows ``Layer.rank``; ``count`` ranks are taken."""
        self.ranked = True
        self.rank_counter = count

    def next_rank(self, block: Block) -> tuple[int, ...]:
        """A rank that puts a new layer just after the layer before it (designs read from code)."""
        self.rank_counter += 1
        before = previous_block(block)
        while before is not None and before.layer.rank is None:
            before = previous_block(before)
        base = before.layer.rank if before is not None and before.layer.rank is not None else (-1,)
        return (*base, self.rank_counter)


def construction_order(root: Group, seeds: SeedTracker) -> list[Layer]:
    """Every layer under ``root`` once, in the order its module is constructed."""
    layers = distinct_layers(root)
    if seeds.ranked:
        first_use = {id(layer): i for i, layer in enumerate(layers)}
        layers.sort(key=lambda layer: (layer.rank is None, layer.rank or (), first_use[id(layer)]))
    return layers


def seed_state(seed: int) -> torch.Tensor:
    """The CPU random state right after ``torch.manual_seed(seed)``."""
    return torch.Generator().manual_seed(seed).get_state()


def construct(seeds: SeedTracker, empty: bool, kind: LayerKind,
              params: dict[str, Any]) -> tuple[nn.Module, torch.Tensor | None]:
    """Build a new layer; continue the seed's random stream when the weights are seed-exact.

    ``empty`` says the design holds no layer yet (its stream then starts at the
    seed). Returns the module and the random state after it (None when built
    from torch's global generator because the seed stream is not known here).
    """
    state = seeds.state
    if seeds.status is True and state is None and empty:
        state = seed_state(seeds.seed)
    if seeds.status is not True or state is None:
        return build_module(kind, params), None
    with forked():
        torch.set_rng_state(state)
        module = build_module(kind, params)
        after = torch.get_rng_state()
    return module, after


def _checksum(tensor: torch.Tensor) -> int:
    """A cheap exact-bits checksum: the sum of the values' bit patterns as integers."""
    flat = tensor.detach().reshape(-1)
    if flat.dtype == torch.bool:
        flat = flat.to(torch.int8)
    elif flat.dtype.is_floating_point or flat.dtype.is_complex:
        flat = flat.view({8: torch.int64, 4: torch.int32, 2: torch.int16, 1: torch.int8}[flat.element_size()])
    return int(flat.to(torch.int64).sum())


CHECKSUM_BATCH = 1 << 22
"""Values of small tensors checksummed together (their bit patterns joined, summed in one pass per tensor)."""
_INTS = {8: torch.int64, 4: torch.int32, 2: torch.int16, 1: torch.int8}


def fingerprint(layers: Iterable[Layer]) -> tuple:
    """Identity and contents of every parameter and buffer, to notice in-place changes (``.data``, training)."""
    entries = [(name, tensor) for layer in layers  # keep_vars: no detached copy of each (4 µs a tensor)
               for name, tensor in layer.module.state_dict(keep_vars=True).items()]
    sums = _checksums([tensor for _, tensor in entries])
    return tuple((name, tensor.data_ptr(), total) for (name, tensor), total in zip(entries, sums, strict=True))


def checksums(tensors: Iterable[torch.Tensor]) -> tuple[int | None, ...]:
    """A checksum of each tensor's values (None for a meta tensor): equal checksums, (almost surely) equal values."""
    return tuple(_checksums(list(tensors)))


def _checksums(tensors: list[torch.Tensor]) -> list[int | None]:
    """:func:`_checksum` of each tensor (None for a meta tensor, which has no values), small ones together.

    A design of many small layers spent most of the time per tensor on calls (about 20 µs each: a
    tenth of a second per edit at 5,000 layers); tensors of the same element size are joined into
    one buffer of at most ``CHECKSUM_BATCH`` values, widened once, and summed per tensor from a
    running sum. Large tensors are summed alone, as before.
    """
    found: list[int | None] = [None] * len(tensors)
    batches: dict[int, list[tuple[int, torch.Tensor]]] = {}
    for index, tensor in enumerate(tensors):
        if tensor.is_meta:
            continue
        if (tensor.numel() > CHECKSUM_BATCH // 8 or tensor.device.type != "cpu" or tensor.dtype == torch.bool
                or tensor.element_size() not in _INTS or _unsigned(tensor.dtype)):
            found[index] = _checksum(tensor)
        else:
            batches.setdefault(tensor.element_size(), []).append((index, tensor))
    for size, members in batches.items():
        start = 0
        while start < len(members):
            end, count = start, 0
            while end < len(members) and (end == start or count + members[end][1].numel() <= CHECKSUM_BATCH):
                count += members[end][1].numel()
                end += 1
            _sum_together(members[start:end], _INTS[size], found)
            start = end
    return found


def _unsigned(dtype: torch.dtype) -> bool:
    """Whether ``dtype`` holds unsigned integers (widened as such by :func:`_checksum`, not as bit patterns)."""
    return not dtype.is_floating_point and not dtype.is_complex and dtype != torch.bool and not dtype.is_signed


def _sum_together(members: list[tuple[int, torch.Tensor]], ints: torch.dtype, found: list[int | None]) -> None:
    """Each member's checksum (its values' bit patterns summed as integers) from one joined buffer."""
    with torch.no_grad():
        flats = [tensor.reshape(-1).view(ints) for _, tensor in members]  # no_grad: views, nothing recorded
        counts = torch.tensor([flat.numel() for flat in flats], dtype=torch.int64)
        ends = counts.cumsum(0)
        # running[i] is the sum of the first i values (wrapping as the int64 sum of one tensor alone does)
        running = torch.cat([torch.zeros(1, dtype=torch.int64), torch.cat(flats).to(torch.int64).cumsum(0)])
        values = (running[ends] - running[ends - counts]).tolist()
    for (index, _), value in zip(members, values, strict=True):
        found[index] = value
