"""Weights interop: state_dicts and single tensors as plain ``torch.save`` files.

"Export weights…" writes exactly ``torch.save(model.state_dict(), path)``, so
any script (and the exported code) can ``load_state_dict(torch.load(path))``.
Reading accepts a bare state_dict, a dict holding one under ``"state_dict"``
or ``"model"``, or a LayerLab project.
"""

from __future__ import annotations

from pathlib import Path

import torch

from editor.io.errors import ProjectFileError
from editor.io.files.atomic import atomic_write, rewrite
from editor.io.files.limits import TENSOR_PICKLE, shown
from editor.io.files.safe_load import safe_torch_load
from editor.io.files.tensors import tensor_problem, usable_state
from editor.model.project.project import Project
from editor.model.words import say


def _save(data: object, target: str) -> None:
    with rewrite(target) as file:  # not torch.save(data, target): see rewrite
        torch.save(data, file)


def _is_state_dict(data: object) -> bool:
    return isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in data.items())


def export_weights(project: Project, path: str | Path) -> None:
    """``torch.save(model.state_dict(), path)``, written safely (refused while a layer is kept unallocated)."""
    project.check_allocated(say("Exporting weights"))
    state = project.model.state_dict()
    atomic_write(Path(path), lambda target: _save(state, target))


def read_state_dict(path: str | Path) -> dict[str, torch.Tensor]:
    """The state_dict in ``path``; raises :class:`ProjectFileError` when there is none.

    Every tensor is checked (:func:`~editor.io.files.tensors.usable_state`):
    a sparse, quantized, meta, complex, stride-0 or overlapping one is
    refused here, naming its key, before anything is loaded.
    """
    path = Path(path)
    data = safe_torch_load(path, say("weights file"))
    if isinstance(data, dict):
        for candidate in (data, data.get("state_dict"), data.get("model")):
            if _is_state_dict(candidate) and candidate:
                return usable_state(candidate, shown(path), str(path))  # type: ignore[arg-type]
    if isinstance(data, torch.Tensor):
        raise ProjectFileError(say("{file} holds a single tensor, not a state_dict of weights.",
                                   file=shown(path)), "tensor",
                               str(path))
    raise ProjectFileError(say("{file} holds no state_dict: expected a dict of parameter names to tensors (or "
                               "one under 'state_dict' or 'model').", file=shown(path)), "no_weights", str(path))


def save_tensor(tensor: torch.Tensor, path: str | Path) -> None:
    """``torch.save(tensor, path)``, written safely."""
    if not isinstance(tensor, torch.Tensor):
        raise ProjectFileError(say("Only tensors can be saved this way, not {type}.",
                                   type=type(tensor).__name__), "not_tensor")
    atomic_write(Path(path), lambda target: _save(tensor, target))


def load_tensor(path: str | Path) -> torch.Tensor:
    """The single tensor saved in ``path``."""
    path = Path(path)
    data = safe_torch_load(path, say("tensor file"), TENSOR_PICKLE)
    if not isinstance(data, torch.Tensor):
        raise ProjectFileError(say("{file} does not hold a single tensor (it holds a {type}).",
                                   file=shown(path), type=type(data).__name__),
                               "not_tensor", str(path))
    problem = tensor_problem(data)
    if problem is not None:
        raise ProjectFileError(say("{file} holds a tensor that is {problem}.",
                                   file=shown(path), problem=problem), "unsupported_tensor", str(path))
    return data.detach()
