"""Reading PyTorch source into a design, without ever executing it.

:func:`find_models` lists the models a file defines (:class:`ModelCandidate`):
``nn.Sequential`` models and instances of the file's own ``nn.Module``
classes, which become the project's custom-layer definitions.
:func:`import_code` turns one of them into a new
:class:`~editor.model.project.project.Project`, and :func:`import_model` also
says which model it took (:class:`ImportResult`). Anything unsupported in the
model's definition raises :class:`~editor.io.errors.CodeImportError` at its
line and column.

Modules, from the bottom up: ``values`` and ``constructs`` (what the reader
works with and how it names syntax), ``evaluator`` (expressions), ``classes``
(the file's ``nn.Module`` classes, read as data), ``init`` (init functions and
freezing), ``statements`` (a whole file), ``models`` (which models the file
defines), ``lazy`` (sizing ``nn.LazyLinear`` and the other lazy layers from
the input), ``reader`` (the entry points).
"""

from typing import Any

__all__ = ["ImportResult", "ModelCandidate", "find_models", "import_code", "import_model"]


def __getattr__(name: str) -> Any:
    """The entry points, imported when first asked for (``read.source`` alone, which the app needs at start-up
    to open files, does not bring the whole reader)."""
    if name in __all__:
        from editor.io.pycode.read import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
