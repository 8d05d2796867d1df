"""The lessons' project files, written from :mod:`editor.model.lessons` and checked against it.

``tools/build_lessons.py`` calls :func:`write_designs` after a lesson design
changes; the tests call :func:`stale_designs`, which rebuilds every design in
memory and compares it with the committed file: the design, the init rules,
the settings and every tensor, bit for bit (only the app version that wrote
the file may differ).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from editor.io.errors import ProjectFileError
from editor.io.files.project_file import save_project, to_payload
from editor.io.files.safe_load import safe_torch_load
from editor.model.lessons import DESIGNS

IGNORED = frozenset({"app_version"})
"""Payload fields that may differ between a committed file and a fresh build."""


def write_designs(folder: Path) -> list[Path]:
    """Build every lesson design and save it as ``folder/NAME.pt``; the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in DESIGNS.items():
        path = folder / f"{name}.pt"
        save_project(build(), path)
        written.append(path)
    return written


def differences(expected: Any, found: Any, where: str = "") -> list[str]:
    """Where two payloads (plain data and tensors) differ, as short phrases; empty when they are equal."""
    name = where or "the payload"
    if isinstance(expected, torch.Tensor) or isinstance(found, torch.Tensor):
        same = (isinstance(expected, torch.Tensor) and isinstance(found, torch.Tensor)
                and expected.dtype == found.dtype and expected.shape == found.shape and torch.equal(expected, found))
        return [] if same else [f"{name} differs"]
    if isinstance(expected, dict) and isinstance(found, dict):
        out = []
        for key in sorted(set(expected) | set(found), key=str):
            inner = f"{where}.{key}" if where else str(key)
            if not where and key in IGNORED:
                continue
            if key not in expected or key not in found:
                out.append(f"{inner} is {'new' if key not in expected else 'gone'}")
            else:
                out += differences(expected[key], found[key], inner)
        return out
    if isinstance(expected, (list, tuple)) and isinstance(found, (list, tuple)):
        if len(expected) != len(found):
            return [f"{name} has {len(found)} items, not {len(expected)}"]
        return [d for i, (a, b) in enumerate(zip(expected, found)) for d in differences(a, b, f"{where}[{i}]")]
    return [] if type(expected) is type(found) and expected == found else [f"{name} differs"]


def stale_designs(folder: Path) -> dict[str, list[str]]:
    """The lesson designs whose file in ``folder`` is missing or not what :data:`DESIGNS` builds, and how."""
    stale = {}
    for name, build in DESIGNS.items():
        path = Path(folder) / f"{name}.pt"
        if not path.is_file():
            stale[name] = ["the file is missing"]
            continue
        try:
            committed = safe_torch_load(path, "lesson design")
        except ProjectFileError as exc:
            stale[name] = [str(exc)]
            continue
        found = differences(to_payload(build()), committed)
        if found:
            stale[name] = found
    return stale


__all__ = ["differences", "stale_designs", "write_designs"]
