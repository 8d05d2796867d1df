"""Old names of the Project's methods, kept so that scripts written for earlier versions keep working.

"params" used to mean hyperparameters in ``params``/``set_params`` but tensor
elements in ``count_params``/``block_params``/``param_bytes``. The new names say
which: ``hyperparameters`` for constructor arguments, ``parameters`` for
tensors. Each old name warns once per call site (``DeprecationWarning``) and
calls the new one.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

RENAMED = {
    "params": "hyperparameters",
    "set_params": "set_hyperparameters",
    "check_params": "check_hyperparameters",
    "count_params": "count_parameters",
    "param_bytes": "parameter_bytes",
    "block_params": "count_block_parameters",
}
"""Old name -> new name."""


def _alias(old: str, new: str) -> Callable[..., Any]:
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        warnings.warn(f"Project.{old} is deprecated; use Project.{new} (same arguments).", DeprecationWarning,
                      stacklevel=2)
        return getattr(self, new)(*args, **kwargs)

    method.__name__ = old
    method.__doc__ = f"Deprecated name of :meth:`{new}`."
    return method


class DeprecatedNamesMixin:
    """Part of :class:`~editor.model.project.project.Project`: the old method names."""

    params = _alias("params", RENAMED["params"])
    set_params = _alias("set_params", RENAMED["set_params"])
    check_params = _alias("check_params", RENAMED["check_params"])
    count_params = _alias("count_params", RENAMED["count_params"])
    param_bytes = _alias("param_bytes", RENAMED["param_bytes"])
    block_params = _alias("block_params", RENAMED["block_params"])
