"""Python code in and out: a design exported as a PyTorch script, and PyTorch source read into a design.

- :mod:`editor.io.pycode.export`: :func:`export_code` and :func:`write_code`
  write a project as a script that needs nothing but torch.
- :mod:`editor.io.pycode.read`: :func:`find_models`, :func:`import_code` and
  :func:`import_model` read the ``nn.Sequential`` models a source defines
  (and its own ``nn.Module`` classes, as custom layers and blocks) into a new
  project; the source is parsed, never executed.
"""

from typing import Any

from editor.io.pycode.export import export_code, write_code

__all__ = ["export_code", "find_models", "import_code", "import_model", "write_code"]


def __getattr__(name: str) -> Any:
    """The reader's entry points, imported when first asked for: the app needs the writer at start-up, the
    reader (a few dozen modules) only when code is read."""
    if name in ("find_models", "import_code", "import_model"):
        from editor.io.pycode import read

        return getattr(read, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
