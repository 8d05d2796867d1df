"""Where the model lives: the Project's device and moving modules to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.catalog.unallocated import is_unallocated
from editor.model.design.user_values import check_device, module_device
from editor.model.run.devices import PreparedMove, check_fits, tensors_to_move
from editor.model.words import say

if TYPE_CHECKING:
    from typing_extensions import Self

    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object


class DeviceMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: the device and moves to it."""

    @property
    def device(self) -> str:
        """The device the model lives on, e.g. ``"cpu"`` or ``"cuda:0"``."""
        return str(self._device)

    def to(self, device: str | torch.device, progress: Callable[[int, int], None] | None = None,
           prepared: PreparedMove | None = None) -> Self:
        """Move the whole model to ``device`` (``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``).

        Refused (``MemoryLimitError``, with both numbers) when the parameters, buffers and one forward pass
        at the input shape would not fit in the memory free there. ``progress(done, total)`` is called after
        each layer. ``prepared`` (from :meth:`prepare_move`, its ``copy()`` done on a worker thread) swaps in
        the copies made there, so the move itself takes no time here.
        """
        target = check_device(device)
        if target == self._device:
            return self
        self.check_allocated(say("Moving the model to {device}", device=str(target)))  # type: ignore[attr-defined]
        if prepared is None and target.type != "cpu":  # the CPU's memory is the host's: the model is in it
            check_fits(target, self.memory_needed())  # type: ignore[attr-defined]
        if prepared is not None and prepared.target != target:
            prepared = None
        try:
            with self._operation(say("Move to {device}", device=str(target))):
                self._set_device(target, progress, prepared)
        finally:
            if prepared is not None:
                prepared.release()
        return self

    def prepare_move(self, device: str | torch.device) -> PreparedMove:
        """The first half of a move that a window runs off its GUI thread: ``prepared.copy()`` there, then ``to``.

        Refused like :meth:`to` when the design does not fit on ``device``. Until the copies are swapped in,
        the design stays where it is; a tensor changed meanwhile is copied again when they are.
        """
        target = check_device(device)
        if target != self._device:
            self.check_allocated(say("Moving the model to {device}", device=str(target)))  # type: ignore[attr-defined]
        if target.type != "cpu" and target != self._device:
            check_fits(target, self.memory_needed())  # type: ignore[attr-defined]
        return PreparedMove(target, tensors_to_move(layer.module for layer in self._layers.values()))

    def _set_device(self, target: torch.device, progress: Callable[[int, int], None] | None = None,
                    prepared: PreparedMove | None = None) -> None:
        old = self._device
        layers = list(self._layers.values())
        for done, layer in enumerate(layers, 1):
            if prepared is not None:
                prepared.apply(layer.module)
            else:
                layer.module.to(target)
            if progress is not None:
                progress(done, len(layers))
        if prepared is not None:
            prepared.apply(self.model)  # anything the layers do not hold (nothing, unless added directly)
        else:
            self.model.to(target)
        self._device = target
        self.events.settings_changed.emit("device")
        if self._touched is not None:
            self._touched.update(self._layers.values())
        self._record(lambda: self._set_device(old), lambda: self._set_device(target))

    def _home_device(self, module: nn.Module) -> torch.device:
        """Where ``module`` lives: its first tensor's device, layers kept unallocated (on meta) aside."""
        kept = {id(t) for sub in module.modules() if is_unallocated(sub) for t in [*sub.parameters(), *sub.buffers()]}
        for tensor in [*module.parameters(), *module.buffers()]:
            if id(tensor) not in kept:
                return tensor.device
        return self._device

    def _prepare_module(self, module: nn.Module) -> nn.Module:
        if is_unallocated(module):
            return module  # kept on the meta device until materialized
        if module_device(module) not in (None, self._device) or self._device.type != "cpu":
            module.to(self._device)
        return module

    def _move_all_to_device(self) -> None:
        for layer in self._layers.values():
            self._prepare_module(layer.module)
