"""The Project's initialization API: apply ``torch.nn.init`` rules, preview them, keep them as a recipe."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

from editor.model.catalog.unallocated import is_unallocated
from editor.model.design.tree import Block, Layer, distinct_layers, path_key
from editor.model.errors import ValidationError
from editor.model.init.rules import (
    InitRule,
    check_rule,
    fill,
    fits_layer,
    make_rule,
    narrowed,
    run_rules,
    targets,
    where_text,
)
from editor.model.randomness import forked
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object


class InitMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: initialization rules."""

    @property
    def init_rules(self) -> tuple[InitRule, ...]:
        """The rules applied so far, in order; "reset parameters" and exported code replay them."""
        return self._init_rules

    def make_init_rule(self, function: str, *, parameters: str = "weight", kind: str | None = None,
                       blocks: Iterable[Any] | None = None, expression: str | None = None,
                       gain_from: tuple[str, float | None] | str | None = None, **args: Any) -> InitRule:
        """A checked rule for this design (``blocks`` are paths); see :meth:`initialize`."""
        layers = None
        if isinstance(blocks, (str, int)):
            blocks = [blocks]  # one path, not a sequence of one-character paths
        if blocks is not None:
            layers = []
            for path in blocks:
                node = self._locate(path)  # type: ignore[attr-defined]
                found = [node.layer] if isinstance(node, Block) else distinct_layers(node)
                layers.extend(layer for layer in found if layer not in layers)
            if not layers:
                raise ValidationError(say("Choose at least one block to initialize."), field="blocks")
            layers = tuple(layers)
        if isinstance(gain_from, str):
            gain_from = (gain_from, None)
        return make_rule(function, parameters=parameters, kind=kind, layers=layers, expression=expression,
                         gain_from=gain_from, **args)

    def initialize(self, function: str, *, parameters: str = "weight", kind: str | None = None,
                   blocks: Iterable[Any] | None = None, expression: str | None = None,
                   gain_from: tuple[str, float | None] | str | None = None, **args: Any) -> InitRule:
        """Apply ``torch.nn.init.<function>`` as one undoable operation and keep it as a rule.

        ``parameters`` is ``"weight"``, ``"bias"`` or ``"all"``; ``kind`` limits
        it to one layer kind (like ``net.apply(fn)`` with a type check),
        ``blocks`` to chosen blocks (paths); neither means the whole design.
        ``expression`` post-processes the fresh sample ``w``, e.g.
        ``initialize("uniform_", a=-10, b=10, expression="where(abs(w) < 5, 0, w)")``.
        ``gain_from="relu"`` passes ``gain=nn.init.calculate_gain("relu")``.
        A parameter the function cannot fill (``eye_`` on a 4-D weight, a
        fan-based init on a bias) raises :class:`ValidationError` and
        nothing changes.
        """
        rule = self.make_init_rule(function, parameters=parameters, kind=kind, blocks=blocks,
                                   expression=expression, gain_from=gain_from, **args)
        self.apply_init(rule)
        return rule

    def apply_init(self, rule: InitRule) -> None:
        """Apply a rule made by :meth:`make_init_rule` (one undoable operation)."""
        found = check_rule(rule, self._root)
        if not found:
            raise ValidationError(say("No parameter matches: {rule} finds nothing to initialize in this design.",
                                      rule=rule.describe()), field="parameters")
        exact = self.weights_from_seed  # type: ignore[attr-defined]
        state = self.seeds.state if exact else None
        if exact and state is None:
            state = self._fresh_modules()[2]  # type: ignore[attr-defined]
        with self._operation(say("Initialize: {function}", function=rule.function)):
            chosen = {id(layer): layer for layer, _, _ in found}
            # A layer kept unallocated has no values to fill: the rule runs over its meta tensors, drawing nothing.
            skipped = [layer for layer in chosen.values() if is_unallocated(layer.module)]
            copies = _cpu_copies(layer for layer in chosen.values() if not is_unallocated(layer.module))
            if state is not None:
                with forked():
                    torch.set_rng_state(state)
                    run_rules((rule,), self._root, lambda layer: copies.get(id(layer), layer.module))
                    state = torch.get_rng_state()
            else:
                run_rules((rule,), self._root, lambda layer: copies.get(id(layer), layer.module))
            if rule.expression:
                _check_finite(rule, self._root, copies)
            for layer_id, module in copies.items():
                self._load_values(chosen[layer_id], module.state_dict())
            self._set_attr("_init_rules", (*self._init_rules, rule), "init_rules")
            if skipped and state is not None and (rule.init.random or rule.expression):
                where = min((block.path() for block in skipped[0].blocks), key=path_key)
                self._set_seed_status(False, reason=say(  # type: ignore[call-arg]
                    "block {path} is not allocated, so the rule drew nothing for it, and the blocks after it got "
                    "other values than a script gives them: materialize it, then reset the parameters from the "
                    "seed.", path=where))
            else:
                self._set_seed_status(state is not None, state)

    def preview_init(self, rule: InitRule, limit: int = 2_000_000,
                     seed: int = 0) -> list[tuple[str, torch.Tensor]]:
        """What ``rule`` would give, without changing anything: ``(key, values)`` per parameter it fills.

        Drawn from a private generator seeded with ``seed`` (torch's global
        random state is not touched); parameters beyond ``limit`` values in
        total are left out.
        """
        return sample_preview(rule, self.preview_targets(rule, limit), seed)

    def preview_targets(self, rule: InitRule, limit: int = 2_000_000) -> list[tuple[str, torch.Size, torch.dtype]]:
        """The parameters a preview of ``rule`` samples (key, shape, dtype); checks the rule fits them.

        Layers kept unallocated are left out: they have no values, and a sample of their size
        is what did not fit in memory (an empty list when the rule fills only such layers).
        """
        out = []
        total = 0
        for layer, name, tensor in check_rule(rule, self._root):
            if tensor.is_meta:
                continue
            if total + tensor.numel() > limit and out:
                break
            out.append((f"{layer.blocks[0].path()}.{name}", tensor.shape, tensor.dtype))
            total += tensor.numel()
        return out

    def remove_init_rule(self, index: int) -> None:
        """Forget rule ``index`` (values stay as they are; "reset parameters" no longer replays it)."""
        rules = list(self._init_rules)
        if not -len(rules) <= index < len(rules):
            raise ValidationError(say("There is no init rule {index}; the project has {count}.",
                                      index=index, count=len(rules)), field="index")
        rule = rules.pop(index)
        with self._operation(say("Remove init rule {function}", function=rule.function)):
            self._set_attr("_init_rules", tuple(rules), "init_rules")
            if self.seeds.status is not False:
                self._set_seed_status(None)

    def restore_init_rules(self, rules: Iterable[InitRule]) -> None:
        """Take ``rules`` as the recipe of a design being opened (from a file or code).

        Nothing is replayed and no undo step is made: the values are already
        what the rules gave. Use :meth:`apply_init` to initialize.
        """
        self._init_rules = tuple(rules)

    # ------------------------------------------------------------ upkeep
    def _after_settle(self) -> None:
        """Every edit leaves rules that can be replayed: see :meth:`_tidy_init_rules`."""
        if self._tx is not None and not self._replaying and self._init_rules and self._edited_layers:
            self._tidy_init_rules()
        super()._after_settle()

    def _tidy_init_rules(self) -> None:
        """Keep every init rule replayable ("reset parameters", the seed check, exported code, a saved file).

        An edit can outgrow a rule: an init rule for the whole design, or for
        every Conv1d, meets a layer it cannot fill (xavier_uniform_ on a
        LayerNorm's 1-D weight, dirac_ with groups=2 on a convolution whose
        output channels no longer divide by 2), or the blocks a rule was made
        for are deleted. The rule then narrows to the blocks it can still fill
        (``model[i].apply(fn)`` in exported code; a layer kind it had still
        picks inside them), and a rule left with none is dropped. The values
        stay as they are; undoing the edit brings the rule back as it was.
        """
        edited = self._edited_layers
        rules, changed = [], []
        for rule in self._init_rules:
            tidy = self._tidied(rule, edited)
            if tidy is not rule:
                changed.append(rule)
            if tidy is not None:
                rules.append(tidy)
        if not changed:
            return
        self._set_attr("_init_rules", tuple(rules), "init_rules")
        words = "; ".join(rule.describe() for rule in changed[:2])
        self._seed_stream_changed(f"init rules were narrowed to the blocks they can fill ({words})")  # type: ignore[attr-defined]

    def _tidied(self, rule: InitRule, edited: set[Layer]) -> InitRule | None:
        """``rule`` as it can still be replayed after an edit of the ``edited`` layers (None: nothing left)."""
        if rule.layers is not None:
            kept = tuple(layer for layer in rule.layers if self._holds_layer(layer)
                         and (layer not in edited or fits_layer(rule, layer) is not False))
            if len(kept) == len(rule.layers):
                return rule
            return narrowed(rule, kept) if kept else None
        misfits = [layer for layer in edited if self._holds_layer(layer) and fits_layer(rule, layer) is False]
        if not misfits:
            return rule
        kept = tuple(layer for layer in distinct_layers(self._root)
                     if layer not in misfits and fits_layer(rule, layer))
        return narrowed(rule, kept) if kept else None

    def _holds_layer(self, layer: Layer) -> bool:
        """Whether ``layer`` is still part of the design (placed at least once)."""
        return self._layers.get(id(layer.module)) is layer and bool(layer.blocks)

    def _replay_rules(self, modules: dict[int, nn.Module]) -> None:
        """Apply every rule to freshly constructed modules (keyed by layer id), from the current random state."""
        run_rules(self._init_rules, self._root, lambda layer: modules[id(layer)])


def sample_preview(rule: InitRule, planned: list[tuple[str, torch.Size, torch.dtype]],
                   seed: int = 0) -> list[tuple[str, torch.Tensor]]:
    """Fresh tensors of the planned shapes filled by ``rule`` from a private generator (safe on any thread)."""
    generator = torch.Generator().manual_seed(seed)
    out = []
    for key, shape, dtype in planned:
        sample = torch.empty(shape, dtype=dtype)
        fill(rule, sample, generator)
        out.append((key, sample))
    return out


def _check_finite(rule: InitRule, root: Any, copies: dict[int, nn.Module]) -> None:
    """Refuse a custom expression that made NaN or ±inf (``log(w)`` of a negative sample), before anything changes."""
    for layer, name, tensor in targets(rule, root, lambda layer: copies.get(id(layer), layer.module)):
        if tensor.is_meta:  # a layer kept unallocated: nothing was drawn
            continue
        bad = int((~torch.isfinite(tensor)).sum())
        if bad:
            where = where_text(layer, name)
            if bad == 1:
                raise ValidationError(say("The expression {expression!r} gives 1 NaN or infinite value for {where} "
                                          "(log or sqrt of a negative number, a division by zero, a huge power). "
                                          "Parameters must be finite numbers: change the expression. Nothing was "
                                          "changed.", expression=rule.expression, where=where), field="expression")
            raise ValidationError(say("The expression {expression!r} gives {bad:,} NaN or infinite values for {where} "
                                      "(log or sqrt of a negative number, a division by zero, a huge power). "
                                      "Parameters must be finite numbers: change the expression. Nothing was "
                                      "changed.", expression=rule.expression, bad=bad, where=where),
                                  field="expression")


def _cpu_copies(layers: Iterable[Layer]) -> dict[int, nn.Module]:
    """A CPU copy of each layer's module: rules draw from the CPU generator, as exported code does."""
    out = {}
    for layer in layers:
        module = copy.deepcopy(layer.module)
        out[id(layer)] = module.to("cpu")
    return out
