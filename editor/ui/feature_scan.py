"""PySide6's look at every module imported after it, made a plain read of the file.

PySide6 (``shibokensupport.feature``, for its optional ``from __feature__ import
snake_case``) asks of every module imported after Qt whether its source
mentions "PySide6", through ``inspect.getsource``. That goes through
``linecache``, which keeps every line it read for the life of the process: for
``import torch``, which LayerLab does after Qt, some 800 files, 17 MB of source
held, and 200-400 ms more for the import on a 2-core machine (torch imported
before Qt takes none of it).

:func:`install` gives the same answer (does the file's text contain
"PySide6"?) from one read of the file's bytes, kept nowhere; for Python's own
modules and the packages in :data:`WITHOUT_QT`, whose files never mention
PySide6, without reading them (for ``import torch``, 860 files and 60-80 ms on
a 2-core machine). Modules without a ``.py`` file, and a PySide6 that no longer
has this hook, are left to PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

__all__ = ["install", "original", "uses_pyside"]

_MARK = "_layerlab_plain_read"
_UPSTREAM = "_layerlab_upstream"
_NEEDLE = b"PySide6"
WITHOUT_QT = frozenset({"torch", "torchgen", "functorch", "numpy", "typing_extensions", "sympy", "mpmath", "networkx",
                        "jinja2", "markupsafe", "filelock", "fsspec", "pygments", "psygnal"})
"""Packages (PyTorch and what it and the editor import) whose source never mentions PySide6; checked in the tests."""

MAX_BYTES = 16 << 20
"""Files larger than this are left to PySide6's own look (none of torch's comes near)."""


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source file mentions PySide6 (``fallback`` answers for modules without one)."""
    package = str(getattr(module, "__name__", "")).partition(".")[0]
    if package in WITHOUT_QT or package in sys.stdlib_module_names:
        return False
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            text = source.read(MAX_BYTES + 1)
    except OSError:
        return fallback(module)
    if len(text) > MAX_BYTES:
        return fallback(module)
    return _NEEDLE in text


def install() -> bool:
    """Replace PySide6's source lookup with :func:`uses_pyside` (once); whether it is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:  # PySide6 sets it up on its first import
        import PySide6.QtCore  # noqa: F401

        feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False  # a PySide6 without this hook: nothing to make quicker
    if getattr(upstream, _MARK, False):
        return True

    def plain_read(module: ModuleType) -> bool:
        return uses_pyside(module, upstream)

    setattr(plain_read, _MARK, True)
    setattr(plain_read, _UPSTREAM, upstream)
    feature._mod_uses_pyside = plain_read  # type: ignore[attr-defined]  # noqa: SLF001 - the hook we replace
    return True


def original() -> Callable[[ModuleType], bool] | None:
    """PySide6's own lookup, whether or not :func:`install` replaced it (None without the hook)."""
    feature = sys.modules.get("shibokensupport.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    return getattr(current, _UPSTREAM, current)
