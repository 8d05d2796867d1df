"""The Project's weights: reset from the seed, seed tracking, construction order, loading a state_dict.

Seed exactness through edits: when an edit rebuilds a layer (new
hyperparameters, an auto value following a new input) or constructs one
before layers that were constructed after it, plain PyTorch would draw the
new layer, and every layer constructed after it, from a different point of the
seed's stream. While the weights are exactly the seed's, such an edit draws
the design's values again from the seed once the edit has settled (module
identities kept, as one undoable step), so they stay what
``torch.manual_seed(seed)`` and constructing the final design give. Values
the learner changed (edited, trained, loaded) are never drawn over: the
weights then are not the seed's already, and stay honestly so. A design too
large to redraw at every edit (:data:`REDRAW_LIMIT`) says why it is no longer
the seed's (:attr:`WeightsMixin.why_not_from_seed`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.catalog.build import format_bytes
from editor.model.catalog.unallocated import is_unallocated
from editor.model.design.seeding import construction_order, fingerprint
from editor.model.design.tree import Block, Group, Layer, is_last_leaf, path_key, paths
from editor.model.errors import LayerLabError, MemoryLimitError, ValidationError
from editor.model.project.state_names import aligned as _aligned
from editor.model.randomness import forked
from editor.model.words import join, message_of, say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object


REDRAW_LIMIT = 32 * 2**20
"""Bytes of parameters and buffers up to which an edit draws a seed-exact design's values again from the seed.

Drawing them means constructing the whole design once more (a few milliseconds
per million values); beyond this the edit leaves the weights as they are and
says why they are no longer the seed's.
"""
REDRAW_LAYERS = 2000
"""Layers up to which it does so too (constructing each costs as well: 10,000 small ones took 3 s)."""


@dataclass
class WeightsReport:
    """What loading a state_dict did: keys loaded, missing, unexpected and shape-mismatched.

    ``unallocated`` are keys of blocks kept unallocated that the memory free
    now cannot hold (``why_unallocated`` says so in words): they are not
    loaded. A block kept unallocated whose memory fits is materialized to take
    its values, so its keys are loaded.
    """

    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    mismatched: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)
    unallocated: list[str] = field(default_factory=list)
    why_unallocated: str | None = None
    renamed: str = ""
    """How the file's names were read, when they were those of one block alone (or of a model around the design)."""

    @property
    def exact(self) -> bool:
        """Every key present and loadable, nothing extra, every shape right."""
        return not (self.missing or self.unexpected or self.mismatched or self.unallocated)

    def describe(self) -> str:
        """A sentence per kind of problem, naming a few keys."""
        def few(keys: list[str]) -> str:
            if len(keys) > 4:
                return say("{keys} and {more} more", keys=join(keys[:4], ", "), more=len(keys) - 4)
            return join(keys, ", ")

        parts = []
        if self.missing:
            parts.append(say("{count} missing ({keys})", count=len(self.missing), keys=few(self.missing)))
        if self.unexpected:
            parts.append(say("{count} unexpected ({keys})", count=len(self.unexpected), keys=few(self.unexpected)))
        if self.mismatched:
            shown = [say("{key} is {got} but the design needs {want}", key=k, got=got, want=want)
                     for k, want, got in self.mismatched]
            parts.append(say("{count} with the wrong shape ({keys})", count=len(self.mismatched), keys=few(shown)))
        if self.unallocated:
            parts.append(say("{count} not loaded ({keys}): {reason}", count=len(self.unallocated),
                             keys=few(self.unallocated), reason=self.why_unallocated or ""))
        described = say("{parts}.", parts=join(parts, "; ")) if parts else say("every key fits.")
        return join([self.renamed, described]) if self.renamed else described


class WeightsMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: everything about parameter values."""

    _seed_note: str | None = None  # why the weights are not the seed's, when an edit knows (journaled)
    _redraw_for: tuple[str, ...] = ()  # what the running operation did that the seed now gives other values for

    def reset_parameters(self) -> None:
        """Every parameter and buffer from :attr:`seed`, in construction order (module identities kept).

        Afterwards the weights are bit for bit those of ``torch.manual_seed(seed)``
        followed by constructing the same layers in :meth:`construction_order`.
        """
        with self._operation(say("Reset parameters")):
            order, modules, state = self._fresh_modules()
            for layer, fresh in zip(order, modules, strict=True):
                if self._unallocated_fresh(layer, fresh, adopt=True) is not None:  # type: ignore[attr-defined]
                    continue  # kept unallocated: it now materializes from where this construction drew it
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
            self._seed_note = None  # changed in place: whatever was said before no longer tells the whole story
        if seeds.status is None:
            self._seed_note = None
            try:
                exact, state = self._verify_seed()
            except MemoryLimitError as exc:  # too little memory free to compare: not known, asked again next time
                self._seed_note = message_of(exc)
                return False
            except ValidationError as exc:  # the seed cannot rebuild this design (a rule it outgrew, a layer
                exact, state = False, None  # kept unallocated that draws too much): not the seed's, and why
                seeds.settle(exact, state, self._layers.values())
                self._seed_note = message_of(exc)
                return False
            seeds.settle(exact, state, self._layers.values())
        return bool(seeds.status)

    @property
    def why_not_from_seed(self) -> str | None:
        """Why the weights are not what :attr:`seed` gives, in words, when an edit knows; else None.

        For example "block 0 was rebuilt with new hyperparameters after the
        weights were drawn, …". None while the weights are the seed's, and when
        the reason is not known (values edited, trained or loaded). While it
        cannot be worked out (too little memory free to compare with the
        seed's), says so.
        """
        return self._seed_note if self.seeds.status is not True else None

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
        with forked():
            torch.manual_seed(self.seeds.seed)
            modules = self._fresh_layer_modules(order)  # type: ignore[attr-defined]
            if self._init_rules:
                try:
                    self._replay_rules({id(layer): module for layer, module in zip(order, modules, strict=True)})
                except ValidationError:
                    raise
                except (ValueError, RuntimeError, TypeError) as exc:
                    raise ValidationError(
                        say("An init rule no longer fits this design ({problem}), so the weights cannot be rebuilt "
                            "from the seed. Remove that rule in the Initialize dialog, or change the design back.",
                            problem=str(exc).splitlines()[0][:120]), field="init_rules") from None
            state = torch.get_rng_state()
        return order, modules, state

    def _verify_seed(self) -> tuple[bool, torch.Tensor | None]:
        """Whether the current values equal seed-fresh ones, and the random state after constructing them.

        Without init rules the layers are built and compared one at a time, so
        at most one fresh layer is held; with rules (which run after all
        construction) the whole design is. ``MemoryLimitError`` when the memory
        free now cannot hold that: the answer is then not known.
        """
        order = construction_order(self._root, self.seeds)
        self._check_room_to_compare(order, together=bool(self._init_rules))  # type: ignore[attr-defined]
        if self._init_rules:
            order, modules, state = self._fresh_modules()
            exact = all(self._same_as_fresh(layer, fresh) for layer, fresh in zip(order, modules, strict=True))
            return exact, state if exact else None
        with forked():
            torch.manual_seed(self.seeds.seed)
            for i, layer in enumerate(order):
                fresh = self._fresh_layer(layer, more=i < len(order) - 1)  # type: ignore[attr-defined]
                if not self._same_as_fresh(layer, fresh):
                    return False, None
                del fresh  # before the next one is built: one fresh layer at a time
            return True, torch.get_rng_state()

    def _same_as_fresh(self, layer: Layer, fresh: nn.Module) -> bool:
        """Whether ``layer``'s values are those of ``fresh``, the same layer constructed from the seed."""
        same = self._unallocated_fresh(layer, fresh, adopt=False)  # type: ignore[attr-defined]
        if same is not None:
            return same
        return _same_values(layer.module.state_dict(), fresh.state_dict(), exact_keys=False)

    def _note_constructed(self, block: Block, state_after: torch.Tensor | None) -> None:
        """Update the seed status after ``block``'s new layer was constructed and attached.

        A layer constructed last continues the seed's stream; one constructed
        before others (inserted in the middle), or in a design with init rules
        (which run after all construction), changes what the seed gives the
        layers after it, so the design's values are drawn again from the seed.
        """
        seeds = self.seeds
        if seeds.status is not True or self._note_unallocated(block):  # type: ignore[attr-defined]
            return
        before = seeds.state
        drew = state_after is None or before is None or not torch.equal(state_after, before)
        ruled = bool(self._init_rules) and bool(block.layer.module.state_dict())
        if state_after is not None and not drew and not ruled:
            return  # it drew no random numbers (ReLU, BatchNorm, …): the seed stream is unchanged
        # New layers are registered after the ones the seed status was recorded over: those must be unchanged.
        drawn = seeds.fingerprint or ()
        if not self._redraw_for and fingerprint(self._layers.values())[:len(drawn)] != drawn:
            self._set_seed_status(None)  # changed in place before this edit (trained, param.data): not ours to redraw
            return
        if state_after is not None and self._constructed_last(block) and not self._init_rules:
            self._set_seed_status(True, state_after)
            return
        self._redraw_for += (f"block {block.path()} was inserted before layers constructed after it",)

    def _rebuilding(self, block: Block, cause: str) -> None:
        """``block``'s layer is about to get a new module (``cause``: why); see :meth:`_seed_stream_changed`."""
        self._seed_stream_changed(f"block {block.path()} {cause}")

    def _seed_stream_changed(self, what: str) -> None:
        """An edit is about to change which values the seed gives the design's layers (``what`` says how).

        While the weights are the seed's, they are drawn again from it once the
        edit has settled (:meth:`_after_settle`). Call this before the edit
        changes any module, so that values changed in place since they were
        drawn (training, ``param.data``) are still noticed, and kept: the
        weights are then not the seed's, and nothing is drawn over them.
        """
        seeds = self.seeds
        if self._tx is None or self._replaying:
            self._set_seed_status(False)  # not an edit (opening, undoing): nothing to draw again
            return
        if seeds.status is True and not self._redraw_for and seeds.is_stale(self._layers.values()):
            self._set_seed_status(None)
        if seeds.status is True:
            self._redraw_for += (what,)
        # Not the seed's (False) stays so; not known (None) is worked out when asked, values compared.

    def _after_settle(self) -> None:
        """After an edit that rebuilt layers of a seed-exact design: its values drawn again from the seed.

        Every value as the seed gives the design now, in construction order
        (module identities kept); only layers whose values differ are loaded
        (and journaled, so undo brings back the exact previous values).
        """
        pending, self._redraw_for = self._redraw_for, ()
        if not pending or self._tx is None or self._replaying or self.seeds.status is not True:
            return
        where = f"{pending[0]} after the weights were drawn"
        size = self._state_bytes()
        if size > REDRAW_LIMIT or len(self._layers) > REDRAW_LAYERS:
            large = format_bytes(size) if size > REDRAW_LIMIT else f"{len(self._layers):,} layers"
            self._set_seed_status(False, reason=(
                f"{where}, and this design is too large ({large}) to draw again from the seed at "
                f"every edit: reset_parameters() (Edit → Reset Parameters from Seed) draws every value from the "
                f"seed."))
            return
        try:
            order, modules, state = self._fresh_modules()
        except (LayerLabError, RuntimeError, ValueError) as exc:  # an init rule that no longer fits, say
            self._set_seed_status(False, reason=f"{where}, and drawing the values again from the seed failed: "
                                                f"{str(exc).rstrip('.')}.")
            return
        for fresh_layer, fresh in zip(order, modules, strict=True):
            if self._unallocated_fresh(fresh_layer, fresh, adopt=True) is not None:  # type: ignore[attr-defined]
                continue
            values = fresh.state_dict()
            if values and not _same_values(fresh_layer.module.state_dict(), values):
                self._load_values(fresh_layer, values)
        self._set_seed_status(True, state)

    def _state_bytes(self) -> int:
        """Bytes of every parameter and buffer of the design (a shared module's once)."""
        return sum(t.numel() * t.element_size() for layer in self._layers.values()
                   for t in layer.module.state_dict().values())

    def _settle_seed_status_if_cheap(self) -> None:
        """Before an edit that may draw from the seed: find out whether the weights are the seed's, if affordable.

        Inside a running operation the outcome is journaled, so that undoing the operation forgets it again.
        """
        if self.seeds.status is None and len(self._layers) <= REDRAW_LAYERS and self._state_bytes() <= REDRAW_LIMIT:
            if self._tx is None:
                self.weights_from_seed  # noqa: B018 - settles the status (rebuilds from the seed and compares)
                return
            try:
                exact, state = self._verify_seed()
            except MemoryLimitError:
                return  # not known now (too little memory free to compare): stays so
            except ValidationError:
                exact, state = False, None
            self._set_seed_status(exact, state)

    def _set_seed_status(self, status: bool | None, state: torch.Tensor | None = None,
                         reason: str | None = None) -> None:
        """Record the seed status (see :class:`DesignCore`) and, when not the seed's, the ``reason`` if known."""
        super()._set_seed_status(status, state)
        note = reason if status is False else None
        if note != self._seed_note:
            self._set_attr("_seed_note", note)

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
        are loaded and the rest reported. All or nothing: every tensor to be
        loaded is checked first (dense, with values, of a dtype its parameter
        or buffer can take: no sparse, quantized, meta or complex tensor), and
        only then is anything copied; a refusal names the key.

        A block kept unallocated that gets values is materialized first (its
        other tensors get what materializing gives), when the memory free now
        holds it (as :meth:`materialize` checks); otherwise its keys are not
        loaded, and the report says why.
        """
        _check_state(state)
        owners = self._state_owners()
        state, renamed = _aligned(state, owners)
        report = self.weights_report(state, owners)
        report.renamed = renamed
        fitting = report.loaded
        if strict and not report.exact:
            raise ValidationError(say("These weights do not fit the design: {report} Load them partially to take what "
                                      "fits.", report=report.describe()), field="state_dict",
                                  valid=say("the keys and shapes of model.state_dict()"))
        _check_state(state, {key: (owners[key][0].module, owners[key][1]) for key in fitting})
        per_layer: dict[int, tuple[Layer, dict[str, torch.Tensor]]] = {}
        for key in fitting:
            layer, local, _ = owners[key]
            per_layer.setdefault(id(layer), (layer, {}))[1][local] = state[key]
        if per_layer:
            with self._operation(say("Load weights")):
                self._allocate([layer for layer, _ in per_layer.values()  # type: ignore[attr-defined]
                                if is_unallocated(layer.module)])
                for layer, given in per_layer.values():
                    self._load_values(layer, {**layer.module.state_dict(), **given})
                self._set_seed_status(None)
        return report

    def weights_report(self, state: dict[str, torch.Tensor],
                       owners: dict[str, tuple[Layer, str, torch.Size]] | None = None) -> WeightsReport:
        """What :meth:`load_state` would do with ``state``, without doing it."""
        _check_state(state)
        owners = owners if owners is not None else self._state_owners()
        state, renamed = _aligned(state, owners)
        mismatched = [(k, tuple(owners[k][2]), tuple(state[k].shape)) for k in owners
                      if k in state and tuple(state[k].shape) != tuple(owners[k][2])]
        bad = {m[0] for m in mismatched}
        fitting = [k for k in owners if k in state and k not in bad]
        targets = list({id(owners[k][0]): owners[k][0] for k in fitting}.values())
        refused, why = self._allocatable(targets)  # type: ignore[attr-defined]
        return WeightsReport(missing=[k for k in owners if k not in state],
                             unexpected=[k for k in state if k not in owners], mismatched=mismatched,
                             loaded=[k for k in fitting if id(owners[k][0]) not in refused],
                             unallocated=[k for k in fitting if id(owners[k][0]) in refused], why_unallocated=why,
                             renamed=renamed)

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


def _same_values(mine: Mapping[str, torch.Tensor], fresh: Mapping[str, torch.Tensor], exact_keys: bool = True) -> bool:
    """Whether a layer's state equals freshly constructed values (same keys, or ``fresh``'s at least; shapes, bits)."""
    if exact_keys and list(mine) != list(fresh):
        return False
    return all(k in mine and mine[k].shape == v.shape and torch.equal(mine[k].detach().cpu(), v)
               for k, v in fresh.items())


def _check_state(state: object, targets: Mapping[str, tuple[nn.Module, str]] | None = None) -> None:
    """A state_dict: a mapping of names to tensors (anything else gets a clear message).

    With ``targets`` (key -> the module and local name it would be copied
    into), also every such tensor: one that could not be copied, or only by
    losing values, is refused before anything is copied.
    """
    if not isinstance(state, Mapping):
        raise ValidationError(say("Weights must be a state_dict (a dict of names to tensors, like model.state_dict()), "
                                  "not {type}.", type=type(state).__name__),
                              field="state_dict", valid=say("a dict of names to tensors"))
    for key, value in state.items():
        if not isinstance(key, str) or not isinstance(value, torch.Tensor):
            raise ValidationError(say("Weights must map names to tensors, but {key} holds a {type}.",
                                      key=_key_text(key), type=type(value).__name__),
                                  field="state_dict", valid=say("a dict of names to tensors"))
    current: dict[int, dict[str, torch.Tensor]] = {}
    for key, (module, local) in (targets or {}).items():
        values = current.setdefault(id(module), module.state_dict())
        problem = _value_problem(state[key], values[local])
        if problem is not None:
            raise ValidationError(say("Nothing was loaded: {key} is {problem}.",
                                      key=_key_text(key), problem=problem), field="state_dict",
                                  valid=say("dense tensors with values, of the dtype model.state_dict() has"))


def _key_text(key: object) -> str:
    text = key if isinstance(key, str) else type(key).__name__
    return repr(text if len(text) <= 60 else text[:59] + "…")


def _value_problem(value: torch.Tensor, target: torch.Tensor) -> str | None:
    """Why ``value`` cannot be copied into ``target`` (a parameter or buffer), with the fix; None when it can."""
    if value.is_meta or value.device.type == "meta":
        return say("on the meta device, so it has no values; load the real tensor")
    if value.layout != torch.strided:
        return say("a {layout} tensor; make it dense with .to_dense()", layout=str(value.layout).removeprefix("torch."))
    if value.is_nested or value.is_quantized:
        return say("a nested or quantized tensor; load a regular one (.dequantize() for quantized)")
    have, want = str(value.dtype).removeprefix("torch."), str(target.dtype).removeprefix("torch.")

    def family(t: torch.Tensor) -> str:
        return "complex" if t.is_complex() else "float" if t.is_floating_point() else "integer"

    if family(value) != family(target):
        return say("{have}, but the design's tensor is {want}; convert it first, e.g. with .to(torch.{want})",
                   have=have, want=want)
    return None
