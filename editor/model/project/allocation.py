"""Layers kept unallocated, and materializing them: :class:`AllocationMixin`.

By default (the scripting API) a layer whose parameters would not fit in
memory is refused with :class:`~editor.model.errors.MemoryLimitError` before
anything is allocated. With ``project.keep_unallocated = True`` (the editor's
choice) such a layer is kept *unallocated* on the meta device instead (see
:mod:`editor.model.catalog.unallocated`): the design stays editable (shapes,
counts, ``print(net)``, code export, saving the design without its weights),
while running, training and device moves are refused until the learner
materializes it (:meth:`AllocationMixin.materialize`), which only proceeds
when the memory free now suffices.

Seeds: an unallocated layer keeps torch's random state from just before its
construction, so materializing it draws exactly the values the script that
constructs the design in order gives it. Its own draws are replayed, so that
layers constructed after it get the seed's values too, when there are at most
:data:`~editor.model.catalog.unallocated.ADVANCE_LIMIT` of them; beyond that,
the weights are marked as not the seed's, with the reason in words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.catalog import memory
from editor.model.catalog.build import build_module, check_memory, format_bytes, read_params
from editor.model.catalog.memory import available_memory
from editor.model.catalog.unallocated import (
    advance,
    is_unallocated,
    keeping_unallocated,
    keeps_unallocated,
    mark_unallocated,
    tensor_bytes,
    unallocated_info,
)
from editor.model.design.seeding import construction_order, fingerprint
from editor.model.design.transaction import Transaction
from editor.model.design.tree import Block, Group, Layer, path_key, paths, walk
from editor.model.errors import MemoryLimitError, RunError, ValidationError
from editor.model.project.freezing import apply_frozen, frozen_names
from editor.model.randomness import forked
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.catalog import LayerKind
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object

MARGIN = memory.MARGIN
"""Materializing needs the parameters' bytes times this free (the allocator and the copy while swapping in)."""


class AllocationMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: layers kept unallocated, and materializing them."""

    keep_unallocated: bool = False
    """True: a layer that does not fit in memory is kept unallocated on the meta device (the editor's choice);
    False (the default): it is refused with ``MemoryLimitError`` before anything is allocated."""

    # ---------------------------------------------------------------- policy
    def _keeping(self) -> contextlib.AbstractContextManager[None]:
        return keeping_unallocated(self.keep_unallocated or keeps_unallocated())

    @contextlib.contextmanager
    def _operation(self, name: str) -> Iterator[Transaction]:
        with self._keeping(), super()._operation(name) as tx:  # type: ignore[misc]
            yield tx

    def _check_memory(self, kind: LayerKind, values: dict, where: str = "") -> None:
        """``check_memory`` under this project's policy (a layer too large passes when it is kept unallocated)."""
        with self._keeping():
            check_memory(kind, values, where)

    # --------------------------------------------------------------- reading
    def unallocated(self) -> list[str]:
        """Paths of the blocks whose layer is kept unallocated, in design order (a shared layer's every block)."""
        table = paths(self._root)
        found = [path for node, path in table.items() if isinstance(node, Block) and is_unallocated(node.module)]
        return sorted(found, key=path_key)

    def is_allocated(self, path: str | int) -> bool:
        """Whether the block (or every block of the group) at ``path`` has its parameters in memory."""
        node = self._locate(path)  # type: ignore[attr-defined]
        return not any(is_unallocated(layer.module) for layer in _layers_under(node))

    def memory_to_materialize(self, path: str | int | None = None) -> int:
        """Bytes that materializing the block or group at ``path`` (None: the whole design) would allocate."""
        return sum(_needs(layer) for layer in self._unallocated_layers(path))

    def _unallocated_layers(self, path: str | int | None) -> list[Layer]:
        node = self._root if path is None or path == "" else self._locate(path)  # type: ignore[attr-defined]
        chosen = {id(layer) for layer in _layers_under(node) if is_unallocated(layer.module)}
        return [layer for layer in construction_order(self._root, self.seeds) if id(layer) in chosen]

    def check_allocated(self, doing: str) -> None:
        """Refuse ``doing`` (e.g. "Running a batch") while a block is unallocated, saying what to do."""
        places = self.unallocated()
        if places:
            raise RunError(say("{doing} needs every block in memory, but block {path} is not allocated: materialize "
                               "it first (needs {need}).", doing=doing, path=places[0],
                               need=format_bytes(self.memory_to_materialize())))

    # ---------------------------------------------------------- materializing
    def check_materialize(self, path: str | int | None = None) -> tuple[int, int]:
        """(bytes needed, bytes free now) for materializing ``path``; ``MemoryLimitError`` when they do not fit."""
        need = self.memory_to_materialize(path)
        have = available_memory()
        if need * MARGIN > have:
            what = say("the design") if path is None or path == "" else say("block {path}", path=path)
            raise MemoryLimitError(say("Materializing {what} needs {need} of memory, but only {have} is free. Make "
                                       "its layers smaller, or close other programs and try again.", what=what,
                                       need=format_bytes(need), have=format_bytes(have)),
                                   valid=say("at most {have}", have=format_bytes(have / MARGIN)))
        return need, have

    def _allocatable(self, layers: list[Layer]) -> tuple[set[int], str | None]:
        """Of ``layers``, the ids of those kept unallocated that the memory free now cannot hold along with the
        ones before them (as :meth:`check_materialize` counts), and why in words (None when all fit)."""
        have = available_memory()
        used = 0
        refused: set[int] = set()
        first: Layer | None = None
        for layer in layers:
            need = _needs(layer) if is_unallocated(layer.module) else 0
            if not need:
                continue
            if (used + need) * MARGIN <= have:
                used += need
                continue
            refused.add(id(layer))
            first = first or layer
        if first is None:
            return refused, None
        return refused, say("block {path} is not allocated, and materializing it to take them needs {need} of "
                            "memory, but only {have} is free (close other programs and load again)",
                            path=_first_path(self, first),
                            need=format_bytes(used + _needs(first)), have=format_bytes(have))

    def materialize(self, path: str | int | None = None) -> list[str]:
        """Allocate the unallocated layers at ``path`` (None: all of them), as one undoable operation.

        Refused (``MemoryLimitError``, with both numbers) unless the memory
        free now holds them. Each layer gets the values the script that
        constructs the design in order gives it: torch's random state from just
        before its construction, kept when it was kept unallocated (for a
        design opened from a file, worked out from the seed unless the weights
        are known not to be the seed's; then torch's global generator as it
        stands). Init rules are not applied to it: while the weights are the
        seed's and the design has rules, they are then marked as not the
        seed's until reset from it. Returns the paths of the blocks
        materialized.
        """
        layers = self._unallocated_layers(path)
        if not layers:
            return []
        self.check_materialize(path)
        table = paths(self._root)
        done = sorted((table[b] for layer in layers for b in layer.blocks if b in table), key=path_key)
        with self._operation(say("Materialize")):
            self._allocate(layers)
        return done

    def _allocate(self, layers: list[Layer]) -> None:
        """Materialize ``layers`` (unallocated; memory checked by the caller) within the running operation.

        Values changed in place since the seed status was recorded are noticed
        before the swap; otherwise the record's fingerprint is refreshed, so
        that the new values do not read as changed behind the design's back.
        """
        stale = self.seeds.is_stale(self._layers.values())
        guessed: list[Layer] = []
        for layer in layers:
            module, from_seed = self._materialized(layer)
            if not from_seed:
                guessed.append(layer)
            apply_frozen(module, frozen_names(layer.module))
            self._prepare_module(module)  # type: ignore[attr-defined]
            self._swap_layer(layer, module, read_params(layer.kind, module), layer.auto)
        if self.seeds.status is not True:
            return
        if stale:
            self._set_seed_status(None)  # changed in place before: worked out again when asked
        elif guessed:
            self._set_seed_status(False, reason=say(  # type: ignore[call-arg]
                "block {path} was materialized with values from torch's global random generator, because where "
                "the seed's stream stands before it could not be worked out: reset the parameters from the seed "
                "to draw them from it.", path=_first_path(self, guessed[0])))
        elif self._init_rules:  # the rules ran before these values existed
            self._set_seed_status(False, reason=say(  # type: ignore[call-arg]
                "block {path} was materialized after the init rules ran, so they did not fill it: reset the "
                "parameters from the seed to apply them.", path=min((_first_path(self, layer) for layer in layers),
                                                                     key=path_key)))
        else:  # the same stream; the fingerprint now sees the new values
            self._set_attr("fingerprint", fingerprint(self._layers.values()), owner=self.seeds)

    def _materialized(self, layer: Layer) -> tuple[nn.Module, bool]:
        """A new module with values for ``layer``, and whether they are drawn from where the seed's stream stands."""
        info = unallocated_info(layer.module)
        state = info.state_before if info is not None else None
        if state is None and self.seeds.status is not False:
            state = self._stream_before(layer)
        with keeping_unallocated(False), forked():
            if state is not None:
                torch.set_rng_state(state)
            return build_module(layer.kind, layer.params), state is not None

    def _stream_before(self, layer: Layer) -> torch.Tensor | None:
        """Torch's random state just before ``layer`` is constructed from the seed (None if the seed cannot say).

        Every layer before it is constructed on the meta device and its draws
        replayed on the CPU in chunks, so nothing is allocated beyond a chunk
        (and the memory free now does not matter: nothing is refused for it).
        """
        with forked():
            torch.manual_seed(self.seeds.seed)
            for before in construction_order(self._root, self.seeds):
                if before is layer:
                    return torch.get_rng_state()
                info = unallocated_info(before.module)
                if info is None:
                    try:  # built unallocated whatever its size: its draws recorded, and replayed when affordable
                        info = unallocated_info(build_module(before.kind, before.params, unallocated=True))
                    except ValidationError:
                        return None
                    if info is None:
                        return None
                    if info.stream_kept:
                        continue
                if not advance(info.draws, unbounded=True):
                    return None
        return None

    # ------------------------------------------------ rebuilding from the seed
    def _fresh_layer_modules(self, order: list[Layer]) -> list[nn.Module]:
        """New modules for ``order``, constructed from torch's generator as it stands (see :meth:`_fresh_layer`)."""
        return [self._fresh_layer(layer, more=i < len(order) - 1) for i, layer in enumerate(order)]

    def _fresh_layer(self, layer: Layer, more: bool) -> nn.Module:
        """A new module for ``layer`` from torch's generator as it stands; one kept unallocated stays so.

        An allocated layer is built allocated (``MemoryLimitError`` when the
        memory free now cannot hold a fresh copy: kept unallocated instead, it
        could not be compared with, nor give its values). Refused when an
        unallocated layer's draws cannot be replayed and layers after it draw (``more``).
        """
        if not is_unallocated(layer.module):
            with keeping_unallocated(False):
                return build_module(layer.kind, layer.params)
        module = build_module(layer.kind, layer.params, unallocated=True)
        info = unallocated_info(module)
        if info is not None and not info.stream_kept and more:
            raise ValidationError(say("The weights cannot be drawn from the seed: {reason}",
                                      reason=_too_many_draws(_first_path(self, layer), info.values_drawn)))
        return module

    def _check_room_to_compare(self, order: list[Layer], together: bool) -> None:
        """``MemoryLimitError`` when the memory free now cannot hold a fresh copy of each allocated layer of
        ``order`` (``together``: of all of them at once) to compare the weights with the seed's."""
        have = available_memory()
        total = 0
        for layer in order:
            if is_unallocated(layer.module):
                continue
            size = tensor_bytes(layer.module)
            total = total + size if together else size
            if total > have:
                raise MemoryLimitError(say(
                    "Whether the weights are the seed's is not known: comparing them with the seed's needs {need} "
                    "of memory (to build block {path} again from the seed), but only {have} is free. Free some "
                    "memory (close other programs), then ask again.", path=_first_path(self, layer),
                    need=format_bytes(total), have=format_bytes(have)))

    def _unallocated_fresh(self, layer: Layer, fresh: nn.Module, adopt: bool) -> bool | None:
        """For a fresh unallocated module: whether ``layer``'s module would get the same values (None: not one).

        Its values are its random state from just before construction. A layer
        whose state is not known yet (opened from a file) takes the fresh one,
        and so does any when ``adopt`` (resetting from the seed).
        """
        info = unallocated_info(fresh)
        if info is None:
            return None
        mine = unallocated_info(layer.module)
        if mine is None:
            return False
        if adopt or mine.state_before is None:
            mark_unallocated(layer.module, info)
            return True
        return mine.state_before is not None and info.state_before is not None and \
            torch.equal(mine.state_before, info.state_before)

    def _note_unallocated(self, block: Block) -> bool:
        """After a seed-exact design constructed ``block``'s new layer unallocated: True when that ends its exactness.

        Its draws could not be replayed, so layers constructed after it would not get the seed's values.
        """
        info = unallocated_info(block.layer.module)
        if info is None or info.stream_kept or self.seeds.status is not True:
            return False
        self._set_seed_status(False, reason=_too_many_draws(block.path(), info.values_drawn))  # type: ignore[call-arg]
        return True


def _too_many_draws(path: str, count: int) -> str:
    return say("block {path} is not allocated, and its {count:,} random values are too many to draw past in the "
               "seed's stream, so layers constructed after it do not get the seed's values. Materialize it (it then "
               "gets exactly the seed's values), then reset the parameters from the seed.", path=path, count=count)


def _first_path(project: AllocationMixin, layer: Layer) -> str:
    table = paths(project.root)
    return min((table[b] for b in layer.blocks if b in table), key=path_key, default="?")


def _needs(layer: Layer) -> int:
    info = unallocated_info(layer.module)
    return info.needs if info is not None else 0


def _layers_under(node: object) -> list[Layer]:
    if isinstance(node, Block):
        return [node.layer]
    if isinstance(node, Group):
        return [n.layer for n in walk(node) if isinstance(n, Block)]
    return []


__all__ = ["AllocationMixin"]
