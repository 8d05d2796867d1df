"""Freezing and unfreezing parameters (``requires_grad``) as undoable Project operations.

A frozen parameter (``requires_grad=False``) keeps its values while an
optimizer trains the rest: the usual way to reuse a trained feature extractor.
Freezing is a property of the tensor, so a parameter of a shared module is
frozen at every place that uses the module: it is one tensor.

Project files keep the frozen parameters of each layer as a ``"frozen"`` list
of local names (``["weight"]``); :func:`frozen_names` and :func:`read_frozen`
write and check it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from torch import nn

from editor.model.design.tree import Block, Group, Layer, distinct_layers
from editor.model.errors import StructureError, ValidationError
from editor.model.stats.parameters import state_key
from editor.model.words import say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore
    from editor.model.project.reading import PathLike

    _Base = DesignCore
else:
    _Base = object


class FreezingMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: ``requires_grad`` of parameters."""

    def set_requires_grad(self, path: PathLike, name: str | None, flag: bool) -> None:
        """Freeze (``flag=False``) or unfreeze one parameter of the block at ``path``, as one undoable step.

        ``name`` is the parameter's name inside the block, as in
        ``block.named_parameters()`` (``"weight"``, ``"bias"``,
        ``"self_attn.out_proj.weight"``). With ``name=None`` every parameter of
        the block is changed; ``path`` may then also be a group, which
        changes every block inside it. A shared module's parameter changes at
        every place the module is used (it is one tensor).
        """
        if not isinstance(flag, bool):
            raise ValidationError(say("requires_grad must be True or False, not {flag!r}.",
                                      flag=flag), field="requires_grad",
                                  valid=say("True or False"))
        node = self._locate(path)  # type: ignore[attr-defined]
        if name is not None and not isinstance(node, Block):
            raise StructureError(say("Block {path}: this is a group; name one of its blocks to change a single "
                                     "parameter, or pass name=None to change all of them.", path=path))
        layers = [node.layer] if isinstance(node, Block) else distinct_layers(node)  # type: ignore[arg-type]
        targets: list[tuple[Layer, list[nn.Parameter]]] = []
        found = False
        for layer in layers:
            params = dict(layer.module.named_parameters())
            if name is not None and name not in params:
                have = ", ".join(params) or say("no parameters at all")
                raise StructureError(say("Block {path}: a {kind} has no parameter {name!r} (it has {have}).",
                                         path=path, kind=layer.kind.name, name=name, have=have))
            chosen = [params[name]] if name is not None else list(params.values())
            found = found or bool(chosen)
            change = [p for p in chosen if p.requires_grad != flag]
            if change:
                targets.append((layer, change))
        if not found:
            what = say("this group holds no parameters") if isinstance(node, Group) else \
                say("a {kind} has no parameters", kind=node.layer.kind.name)  # type: ignore[union-attr]
            raise StructureError(say("Block {path}: {what}, so there is nothing to freeze or unfreeze.",
                                     path=path, what=what))
        if not targets:
            return
        key = state_key(node)
        if name is not None:
            title = say("Unfreeze {what}", what=f"{key}.{name}") if flag else say("Freeze {what}", what=f"{key}.{name}")
        elif key:
            title = say("Unfreeze block {path}", path=key) if flag else say("Freeze block {path}", path=key)
        else:
            title = say("Unfreeze all") if flag else say("Freeze all")
        with self._operation(title):
            for layer, params in targets:
                self._set_requires_grad(layer, params, flag)

    def frozen(self, path: PathLike) -> list[str]:
        """Names of the frozen parameters of the block at ``path`` (``[]`` when all are trainable)."""
        return frozen_names(self._block(path).module)  # type: ignore[attr-defined]

    def _set_requires_grad(self, layer: Layer, params: list[nn.Parameter], flag: bool) -> None:
        for param in params:
            param.requires_grad_(flag)
        self.events.requires_grad_changed.emit(self._paths(list(layer.blocks)))
        self._record(lambda: self._set_requires_grad(layer, params, not flag),
                     lambda: self._set_requires_grad(layer, params, flag))


def frozen_names(module: nn.Module) -> list[str]:
    """Local names of the parameters of ``module`` that do not require grad, in order."""
    return [name for name, param in module.named_parameters() if not param.requires_grad]


def read_frozen(value: Any, module: nn.Module) -> list[str]:
    """A saved ``"frozen"`` list checked against ``module``; raises ValueError saying what is wrong."""
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(say("expected a list of parameter names, like ['weight']"))
    params = dict(module.named_parameters())
    for name in value:
        if name not in params:
            have = ", ".join(params) or say("no parameters")
            raise ValueError(say("{name!r} is not a parameter of {type} (it has {have})",
                                 name=name[:60], type=type(module).__name__, have=have))
    return list(dict.fromkeys(value))


def apply_frozen(module: nn.Module, names: Sequence[str]) -> None:
    """Set ``requires_grad=False`` on the named parameters of ``module`` (names checked by :func:`read_frozen`)."""
    params = dict(module.named_parameters())
    for name in names:
        params[name].requires_grad_(False)
