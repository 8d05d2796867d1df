"""Building on the meta device: ``with on_meta(): nn.Linear(...)`` gives shapes and no values.

It does what ``with torch.device("meta"):`` does for the tensors a module's
construction makes (every factory call without a ``device`` gets
``device="meta"``), through a plain torch function mode: torch's own device
context is wrapped to keep ``torch.compile`` out, and its first use imports
``torch._dynamo``, 1.2-1.7 s of a 2-core machine, on whichever thread first
built something on the meta device (the GUI thread, reading code, adding a
huge layer). LayerLab never compiles, so building needs none of that. (Some
of torch's meta kernels import it on their first call all the same, and so does
the first optimizer a training makes: see :func:`prepare_meta_kernels`.)
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._device import _device_constructors

__all__ = ["META", "on_meta", "prepare_meta_kernels", "prepare_meta_kernels_in_background"]

META = torch.device("meta")

_log = logging.getLogger(__name__)


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


KERNELS_MODULE = "torch._dynamo"
"""What torch's meta kernels written in Python import on their first call (see :func:`prepare_meta_kernels`)."""

_preparing: list[threading.Thread] = []
_preparing_lock = threading.Lock()


def prepare_meta_kernels() -> None:
    """Import what torch's Python meta kernels need on their first call, now (1.2-1.7 s, once per process).

    Some of torch's meta kernels are Python functions (``x @ w`` on the meta device runs one), each
    wrapped to keep ``torch.compile`` out, and that wrapper imports ``torch._dynamo`` on its first
    call. A custom layer's shape check runs its forward on the meta device: the first one, on the GUI
    thread, froze the custom-layer dialog for that long. torch's optimizers are wrapped alike: the
    Run tab's training box starts the import when it is first shown.
    """
    if KERNELS_MODULE not in sys.modules:
        __import__(KERNELS_MODULE)


def prepare_meta_kernels_in_background() -> threading.Thread | None:
    """Start :func:`prepare_meta_kernels` on a thread of its own, once per process; that thread (perhaps finished).

    None when the module was imported some other way before the first call. For a dialog about to
    check custom layers: while the learner types, the import runs beside. A check that comes first
    waits for the import to finish (the module's import lock), about as long as it would have taken
    anyway. The thread is not a daemon: quitting meanwhile waits for the import to end rather than
    stopping it half-way through torch's code.
    """
    with _preparing_lock:
        if not _preparing and KERNELS_MODULE not in sys.modules:
            thread = threading.Thread(target=_prepare_quietly, name="layerlab-meta-kernels")
            _preparing.append(thread)
            thread.start()
        return _preparing[0] if _preparing else None


def _prepare_quietly() -> None:
    try:
        prepare_meta_kernels()
    except Exception:  # only a head start: the shape check that needs it says what is wrong
        _log.debug("could not import %s ahead of a shape check", KERNELS_MODULE, exc_info=True)
