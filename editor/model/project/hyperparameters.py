"""Changing a block's hyperparameters, checking a change first, and applying a shape error's fix."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torch import nn

from editor.model.catalog import LayerKind
from editor.model.catalog.build import build_module, canonical_params, read_params
from editor.model.catalog.hyperparameters import resolve_auto, split_auto, validate_params
from editor.model.catalog.shape_rules import Spec, output_spec
from editor.model.design.tree import Block
from editor.model.errors import Fix, ShapeError, StructureError, ValidationError
from editor.model.project.freezing import apply_frozen, frozen_names
from editor.model.project.reading import PathLike, block_prefix
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object

# Values that together decide whether a window fits its input (a larger dilation can make a kernel too big).
_SIZE_FIELDS = ("kernel_size", "dilation", "padding", "stride", "output_padding")


class HyperparametersMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: hyperparameter edits and fixes."""

    def set_hyperparameters(self, path: PathLike, **changes: Any) -> None:
        """Change hyperparameters of the block at ``path``; ``"auto"`` makes one follow the input.

        Values are validated first: an invalid one raises
        :class:`ValidationError` and changes nothing. Only this block is rebuilt
        (and blocks whose auto values follow from it): the other modules keep
        their identity. While the weights are exactly what :attr:`seed` gives,
        they stay so: the values are drawn again from the seed as
        ``torch.manual_seed(seed)`` and constructing the changed design give
        them (see :mod:`editor.model.project.weights`); undo brings back the
        exact previous values.
        """
        block, values, canonical, auto = self._plan_params(path, changes)
        layer = block.layer
        if canonical == layer.params:
            if auto != layer.auto:
                with self._operation(say("Change {kind}", kind=layer.kind.name)):
                    self._swap_layer(layer, layer.module, layer.params, auto)
            return
        self._settle_seed_status_if_cheap()  # type: ignore[attr-defined]
        with self._operation(say("Change {kind}", kind=layer.kind.name)):
            module = self._prepare_module(build_module(layer.kind, values, block_prefix(path)))
            apply_frozen(module, [n for n in frozen_names(layer.module) if _has_parameter(module, n)])
            self._rebuilding(block, "was rebuilt with new hyperparameters")
            self._swap_layer(layer, module, read_params(layer.kind, module), auto)

    def check_hyperparameters(self, path: PathLike, **changes: Any) -> dict[str, Any]:
        """Validate a hyperparameter change without making it; returns the values the block would get.

        Raises :class:`ValidationError` exactly when :meth:`set_hyperparameters` would.
        """
        return self._plan_params(path, changes)[2]

    def _plan_params(self, path: PathLike,
                     changes: dict[str, Any]) -> tuple[Block, dict[str, Any], dict[str, Any], frozenset[str]]:
        block = self._block(path)
        layer = block.layer
        kind = layer.kind
        where = block_prefix(path)
        concrete, to_auto, _ = split_auto(kind, changes, where)
        auto = frozenset((layer.auto | to_auto) - set(concrete))
        values = {**layer.params, **concrete}
        spec = block.in_spec if isinstance(block.in_spec, Spec) else None
        for name in to_auto:
            resolved = resolve_auto(kind, name, spec.shape if spec is not None else None)
            if resolved is not None:
                values[name] = resolved
        values = validate_params(kind, values, where)
        self._check_memory(kind, values, where)  # type: ignore[attr-defined]
        canonical = canonical_params(kind, values, where)
        if spec is not None:
            self._check_fits(kind, canonical, spec, set(concrete), where)
        return block, values, canonical, auto

    def _check_fits(self, kind: LayerKind, params: dict[str, Any], spec: Spec, changed: set[str], where: str) -> None:
        """Refuse values that cannot work for the block's own input (a kernel larger than it, say)."""
        try:
            output_spec(kind, params, spec)
        except ShapeError as exc:
            field = exc.field
            if field is None or field not in kind.param_names or kind.param(field).auto is not None:
                return  # a mismatch with the input, not an impossible value: it stays a shape error
            culprit = field if field in changed else next((n for n in _SIZE_FIELDS if n in changed), None)
            if culprit is not None:
                raise ValidationError(say("{where}{problem} Valid here: {expected}.",
                                          where=where, problem=exc.sentence, expected=exc.expected), field=culprit,
                                      valid=exc.expected) from None

    def apply_fix(self, fix: Fix) -> None:
        """Apply a suggested fix (from a :class:`ShapeError`) as one operation."""
        if not isinstance(fix, Fix):  # p.apply_fix(p.shape_error.fix) where the error offers none
            raise ValidationError(say("There is no fix to apply: this shape error has none to offer (its .fix is "
                                      "None). Change the block's hyperparameters, or its input, yourself."),
                                  field="fix")
        with self._operation(fix.label):
            for step in fix.steps:
                if step.op == "set_params":
                    self.set_hyperparameters(step.path, **step.params)
                elif step.op == "insert":
                    self.insert_layer(step.path, step.kind or "", **step.params)
                elif step.op == "set_batch_size" and self.input_shape is not None:
                    self.input_shape = (step.params["batch_size"], *self.input_shape[1:])
                else:
                    raise StructureError(say("Unknown fix step {op!r}.", op=step.op))


def _has_parameter(module: nn.Module, name: str) -> bool:
    """Whether ``module`` has a parameter ``name`` (a frozen bias stays frozen only if there still is one)."""
    return any(n == name for n, _ in module.named_parameters())
