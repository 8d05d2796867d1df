"""Errors about files on disk."""

from __future__ import annotations

from editor.model.errors import LayerLabError


class ProjectFileError(LayerLabError):
    """A project (or weights) file that cannot be read or written; the message says why and what to do.

    ``reason`` is a short machine-readable word (``"missing"``, ``"code"``,
    ``"truncated"``, ``"newer"``, ``"state_dict"``, …) so the app can offer the
    right next step, e.g. "Load weights into the current design".
    """

    def __init__(self, message: str, reason: str = "invalid", path: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path
