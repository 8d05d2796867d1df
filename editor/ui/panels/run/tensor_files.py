"""The Run tab's tensor files: load an input saved with ``torch.save(t)``, save the input or the output.

A part of :class:`~editor.ui.panels.run.panel.RunPanel` (its texts keep the panel's translation context).
Loading is safe (``weights_only``: nothing in the file runs); the folder last used is remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import torch
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QFileDialog, QPushButton

from editor.io.files.weights import load_tensor, save_tensor
from editor.model.errors import LayerLabError
from editor.model.project.project import Project
from editor.model.run.forward import RunResult
from editor.model.run.inputs import check_loaded_input
from editor.ui.app_settings import LAST_FOLDER, app_settings
from editor.ui.i18n import model_text, translate


class TensorFiles:
    """Load and save tensors (a part of the Run panel, which has what is named here)."""

    project: Project | None
    result: RunResult | None
    loaded: torch.Tensor | None
    load: QPushButton
    message: SignalInstance
    _say: Callable[..., None]
    _show_error: Callable[..., None]
    _input: Callable[[], torch.Tensor]
    _input_edited: Callable[..., None]

    def on_load(self) -> None:
        """Use a tensor from a ``.pt`` file as the input (loaded safely: weights_only, no code runs)."""
        if self.loaded is not None:
            self.loaded = None
            self.load.setText(translate("RunPanel", "Load tensor…"))
            self._input_edited()
            return
        path, _ = QFileDialog.getOpenFileName(self, translate("RunPanel", "Load an input tensor"), _folder(),
                                              translate("RunPanel", "Tensors (*.pt *.pth);;All (*)"))
        if path:
            self.load_input(Path(path))

    def load_input(self, path: Path) -> bool:
        """Read ``path`` as the input (True when it worked; the reason is shown otherwise)."""
        try:
            value = load_tensor(path)  # weights_only: nothing in the file runs
            self.loaded = check_loaded_input(value).to(self.project.device if self.project else "cpu")
        except LayerLabError as exc:
            error = exc
            self._show_error(lambda: translate("RunPanel", "Could not use {name} as the input: {reason}").format(
                name=path.name, reason=model_text(error)))
            return False
        _remember(path)
        self.load.setText(translate("RunPanel", "Use generated input"))
        name = path.name
        self._say(lambda: translate("RunPanel", "{name} is the input now: run forward to use it.").format(name=name),
                  muted=True)
        self._input_edited()  # (which says so again if it takes the shown outputs off)
        return True

    def save_tensor(self, which: str) -> None:
        """Save the input (or the last output) with ``torch.save``."""
        if self.project is None:
            return
        tensor = self.result.output.detach() if which == "output" and self.result is not None else None
        if which == "input":
            try:
                tensor = self._input()
            except LayerLabError as exc:
                self._show_error(exc)
                return
        if tensor is None:
            return
        title = (translate("RunPanel", "Save the input") if which == "input"
                 else translate("RunPanel", "Save the output"))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(_folder()) / f"{which}.pt"),
                                              translate("RunPanel", "Tensors (*.pt)"))
        if path:
            try:
                save_tensor(tensor.cpu(), path)
            except LayerLabError as exc:
                self._show_error(exc)
                return
            _remember(Path(path))
            saved = (translate("RunPanel", "Saved the input to {path} (torch.load it to use it again).")
                     if which == "input" else
                     translate("RunPanel", "Saved the output to {path} (torch.load it to use it again)."))
            self.message.emit(saved.format(path=path))


def _folder() -> str:
    """Where the Run tab's tensor files go: where the last one went, else where the last project was opened or saved
    (not the home folder, away from the project the learner just saved)."""
    settings = app_settings()
    for key in ("run/folder", LAST_FOLDER):
        folder = settings.value(key)
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def _remember(path: Path) -> None:
    app_settings().setValue("run/folder", str(path.parent))
