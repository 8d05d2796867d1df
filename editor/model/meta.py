"""Building on the meta device: ``with on_meta(): nn.Linear(...)`` gives shapes and no values.

It does what ``with torch.device("meta"):`` does for the tensors a module's
construction makes (every factory call without a ``device`` gets
``device="meta"``), through a plain torch function mode: torch's own device
context is wrapped to keep ``torch.compile`` out, and its first use imports
``torch._dynamo``, 1.2-1.7 s of a 2-core machine, on whichever thread first
built something on the meta device (the GUI thread, reading code, adding a
huge layer). LayerLab never compiles, so it needs none of that.
"""

from __future__ import annotations

from typing import Any

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._device import _device_constructors

__all__ = ["META", "on_meta"]

META = torch.device("meta")


class _OnMeta(TorchFunctionMode):
    """Factory calls without a device make meta tensors."""

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        if func in _device_constructors() and kwargs.get("device") is None:
            kwargs["device"] = META
        return func(*args, **kwargs)


def on_meta() -> _OnMeta:
    """A context in which modules are built on the meta device (``with on_meta(): ...``)."""
    return _OnMeta()
