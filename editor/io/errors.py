"""Errors about files on disk."""

from __future__ import annotations

from editor.model.errors import LayerLabError
from editor.model.words import say


class ProjectFileError(LayerLabError):
    """A project (or weights) file that cannot be read or written; the message says why and what to do.

    ``reason`` is a short machine-readable word (``"missing"``, ``"code"``,
    ``"truncated"``, ``"newer"``, ``"state_dict"``, …) so the app can offer the
    right next step, e.g. "Load weights into the current design". The message is
    in LayerLab's own words (what is wrong, what to do) and short enough for a
    dialog; ``detail``, when given, keeps the low-level text (torch's, Python's)
    for a log or a "Details" button, never for the message itself.
    """

    def __init__(self, message: str, reason: str = "invalid", path: str | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path
        self.detail = detail


class CodeImportError(LayerLabError, ValueError):
    """Python source that LayerLab cannot read as a design; nothing was changed.

    ``line`` and ``column`` (1-based, as editors count them) point at the
    construct, ``construct`` names it (e.g. ``"a for loop"``), and the message
    says what is supported instead.
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 construct: str | None = None) -> None:
        if line is not None and column is not None:
            text = say("Line {line}, column {column}: {problem}", line=line, column=column, problem=message)
        elif line is not None:
            text = say("Line {line}: {problem}", line=line, problem=message)
        else:
            text = message
        super().__init__(text)
        self.line = line
        self.column = column
        self.construct = construct
        self.problem = message
