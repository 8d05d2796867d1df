"""Where the model lives: the Project's device and moving modules to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.design.user_values import check_device, module_device
from editor.model.run.devices import check_fits

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

    def to(self, device: str | torch.device, progress: Callable[[int, int], None] | None = None) -> Self:
        """Move the whole model to ``device`` (``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``).

        Refused (``MemoryLimitError``, with both numbers) when the parameters, buffers and one forward pass
        at the input shape would not fit in the memory free there. ``progress(done, total)`` is called after
        each layer (a window keeps painting a progress bar for a big model).
        """
        target = check_device(device)
        if target == self._device:
            return self
        if target.type != "cpu":  # the CPU's memory is the host's: the model is in it already
            check_fits(target, self.memory_needed())  # type: ignore[attr-defined]
        with self._operation(f"Move to {target}"):
            self._set_device(target, progress)
        return self

    def _set_device(self, target: torch.device, progress: Callable[[int, int], None] | None = None) -> None:
        old = self._device
        layers = list(self._layers.values())
        for done, layer in enumerate(layers, 1):
            layer.module.to(target)
            if progress is not None:
                progress(done, len(layers))
        self.model.to(target)  # anything the layers do not hold (nothing, unless added directly)
        self._device = target
        self.events.settings_changed.emit("device")
        if self._touched is not None:
            self._touched.update(self._layers.values())
        self._record(lambda: self._set_device(old), lambda: self._set_device(target))

    def _prepare_module(self, module: nn.Module) -> nn.Module:
        if module_device(module) not in (None, self._device) or self._device.type != "cpu":
            module.to(self._device)
        return module

    def _move_all_to_device(self) -> None:
        for layer in self._layers.values():
            self._prepare_module(layer.module)
