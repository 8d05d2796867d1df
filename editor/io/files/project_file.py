"""LayerLab project files: a ``.pt`` holding a plain dict of primitives and tensors.

Format (version 1)::

    {"format": "layerlab", "version": 1, "app_version": "0.1.0",
     "design": {...},            # the tree, kinds, hyperparameters, sharing, labels, canvas state
     "state_dict": {...},        # exactly model.state_dict()
     "seed": 0, "input_shape": [3, 20] or None, "device": "cpu",
     "init_rules": [...],        # see editor/model/init_data.py: function, args, parameters, kind,
                                 # layers (indices into design.layers), expression, gain_from
     "weights_from_seed": True/False/None,
     "training": False,          # optional: the model was in eval mode (absent: training mode)
     "definitions": [...],       # optional: custom layers and blocks as plain data (editor/model/custom/data.py)
     "plain_tensors": {...}}     # optional: custom layers' plain tensor attributes, by path ("0.weight")

so ``torch.load(path, weights_only=True)["state_dict"]`` works with
``model.load_state_dict`` in any script. Files are read with
``weights_only=True`` only and rebuilt from the catalog, never unpickled into
modules; every field is checked before anything is built.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.utils.serialization

from editor.io.errors import ProjectFileError
from editor.io.files.atomic import atomic_write, rewrite
from editor.io.files.definitions_data import (
    definitions_to_payload,
    kinds_from_payload,
    plain_tensors_to_payload,
    restore_plain_tensors,
)
from editor.io.files.design_data import DesignDataError, apply_settings, design_to_data, project_from_data
from editor.io.files.init_data import rules_from_data, rules_to_data
from editor.io.files.limits import shown
from editor.io.files.rule_checks import check_rules
from editor.io.files.safe_load import safe_torch_load
from editor.io.files.sentences import first_sentence
from editor.io.files.tensors import usable_state
from editor.model.design.user_values import check_device
from editor.model.errors import ValidationError
from editor.model.project.project import Project
from editor.model.words import message_of, say
from editor.version import __version__

FORMAT = "layerlab"
VERSION = 1
THE_FILE = say("the file")
"""What a file is called in messages when its name is not known."""

MAX_DETAIL = 170
"""Characters of a field's problem quoted in a message (the file's name and our sentence come around it)."""


@dataclass
class Opened:
    """A project read from disk, with notices for the user (e.g. "opened on the CPU")."""

    project: Project
    notices: list[str] = field(default_factory=list)


def to_payload(project: Project) -> dict[str, Any]:
    """The dict a project file holds (``definitions`` and ``plain_tensors`` only when the project has them)."""
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "design": design_to_data(project),
        "state_dict": allocated_state(project),
        "seed": project.seed,
        "input_shape": None if project.input_is_inferred else list(project.input_shape or ()),
        "device": project.device,
        "init_rules": rules_to_data(project),
        "weights_from_seed": project.seeds.status,
    }
    if not project.model.training:
        payload["training"] = False
    if project.definitions:
        payload["definitions"] = definitions_to_payload(project)
        plain = plain_tensors_to_payload(project)
        if plain:
            payload["plain_tensors"] = plain
    return payload


def allocated_state(project: Project) -> dict[str, torch.Tensor]:
    """``model.state_dict()`` without the tensors of layers kept unallocated (the design marks those)."""
    state = project.model.state_dict()
    if not project.unallocated():
        return state
    return {key: tensor for key, tensor in state.items() if not tensor.is_meta}


def save_project(project: Project, path: str | Path) -> None:
    """Save ``project`` to ``path`` safely (temporary file, fsync, atomic replace)."""
    save_payload(to_payload(project), path)


def save_payload(payload: dict[str, Any], path: str | Path) -> None:
    """Write a payload made by :func:`to_payload` (it may be taken on one thread and written on another)."""
    atomic_write(Path(path), lambda target: save_without_crc(payload, target))


def save_without_crc(payload: dict[str, Any], target: str) -> None:
    """``torch.save`` without zip CRC32s: torch.load never checks them, and computing them costs more
    than the fsync that really protects the file. Files stay ordinary torch.load-able ``.pt`` files."""
    save_config = getattr(getattr(getattr(torch.utils, "serialization", None), "config", None), "save", None)
    switch = save_config is not None and hasattr(save_config, "compute_crc32")
    previous = save_config.compute_crc32 if switch else None
    if switch:
        save_config.compute_crc32 = False
    try:
        with rewrite(target) as file:  # not torch.save(payload, target): see rewrite
            torch.save(payload, file)
    finally:
        if switch:
            save_config.compute_crc32 = previous


def _looks_like_state_dict(data: Any) -> bool:
    return isinstance(data, dict) and bool(data) and all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in data.items())


def _value(value: Any) -> str:
    """A value from the file for a message: a short repr of a primitive, else its type's name."""
    if isinstance(value, (str, int, float, bool, type(None))):
        text = repr(value)
        return text if len(text) <= 40 else text[:39] + "…"
    return say("a {type}", type=type(value).__name__)



def project_from_payload(data: Any, name: str = THE_FILE) -> Opened:
    """Check a loaded payload field by field and rebuild the project it describes.

    The state_dict's tensors are checked (:func:`~editor.io.files.tensors.usable_state`)
    before anything is built, and the init rules are checked against the
    rebuilt design (:func:`~editor.io.files.rule_checks.check_rules`), so a
    file that opens can be used. Every problem is a :class:`ProjectFileError`.
    """
    if not isinstance(data, dict):
        if isinstance(data, torch.Tensor):
            raise ProjectFileError(say("{name} holds a single tensor, not a LayerLab project. Tensors like this are "
                                       "inputs for the Run panel.", name=name), "tensor", name)
        raise ProjectFileError(say("{name} is not a LayerLab project: it holds a {type}, not a dict.",
                                   name=name, type=type(data).__name__),
                               "not_project", name)
    if "format" not in data:
        inner = data.get("state_dict", data.get("model"))
        if _looks_like_state_dict(data) or _looks_like_state_dict(inner):
            raise ProjectFileError(say("{name} is a plain state_dict (weights only), not a LayerLab project. Use "
                                       "'Load weights into the current design' to put these weights into a design.",
                                       name=name),
                                   "state_dict", name)
        raise ProjectFileError(say("{name} is not a LayerLab project: it has no 'format' entry.",
                                   name=name), "not_project", name)
    if data.get("format") != FORMAT:
        raise ProjectFileError(say("{name} is not a LayerLab project: its format is {value}, not "
                                   "'layerlab'.", name=name, value=_value(data.get("format"))), "wrong_format", name)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectFileError(say("{name} has an invalid format version ({value}).",
                                   name=name, value=_value(version)[:20]), "invalid", name)
    if version > VERSION:
        raise ProjectFileError(say("{name} was made by a newer LayerLab (format version {value}; this "
                                   "LayerLab {app} reads version {readable}). Update LayerLab to open it.",
                                   name=name, value=_value(version)[:20], app=__version__, readable=VERSION),
                               "newer", name)
    seed = data.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or not -(2**63) <= seed < 2**64:
        raise ProjectFileError(say("{name} has an invalid seed.", name=name), "invalid", name)
    state = data.get("state_dict")
    if not isinstance(state, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                              for k, v in state.items()):
        raise ProjectFileError(say("{name} has no valid state_dict (a dict of names to tensors).",
                                   name=name), "invalid", name)
    state = usable_state(state, name)
    try:
        definitions, kinds = kinds_from_payload(data.get("definitions"))
        project = project_from_data(data.get("design"), seed=seed, state_dict=state, kinds=kinds)
        if definitions:
            try:
                project.restore_definitions(definitions)
            except ValidationError as exc:
                raise DesignDataError(say("definitions: {problem}", problem=message_of(exc))) from None
            restore_plain_tensors(project, data.get("plain_tensors"))
        apply_settings(project, data.get("input_shape"))
        rules, notices = check_rules(project, rules_from_data(data.get("init_rules"), project))
        project.restore_init_rules(rules)
    except DesignDataError as exc:
        problem, period = first_sentence(exc, MAX_DETAIL)
        if str(exc).startswith("init_rules"):
            message = say("{name} has an unusable init rule: {problem} Open an earlier copy of the file.",
                          name=name, problem=problem) if period else say("{name} has an unusable init rule: "
                                                              "{problem}. Open an earlier copy of the "
                                                              "file.", name=name, problem=problem)
            raise ProjectFileError(message, "init_rule", name) from None
        message = say("{name} has a damaged design: {problem}",
                      name=name, problem=problem) if period else say("{name} has a damaged design: {problem}.",
                                                                     name=name, problem=problem)
        raise ProjectFileError(message, "invalid", name) from None
    device = data.get("device", "cpu")
    if isinstance(device, str) and device != "cpu":
        try:
            project.to(check_device(device))
        except (ValidationError, RuntimeError):
            notices.append(say("This project was saved on {device}, which this machine does not have (or has no "
                               "room on), so it opened on the CPU.", device=device[:20]))
    status = data.get("weights_from_seed")
    project.seeds.status = None if status is not False else False  # checked when first asked
    training = data.get("training", True)
    if not isinstance(training, bool):
        raise ProjectFileError(say("{name} is damaged: its training mode is {value}, not true or false.", name=name,
                                   value=_value(training)), "invalid", name)
    project.model.train(training)
    project.seeds.state = None
    return Opened(project, notices)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a file is read and its design built.

    Both make objects by the ten thousand and free none, and each full collection walks all of them: with
    it running, opening 10,000 blocks took a quarter longer and grew faster than the number of blocks.
    Nothing is leaked: reference counting frees as usual, and cycles wait for the next collection.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def open_project(path: str | Path) -> Opened:
    """Read a project file; raises :class:`ProjectFileError` with a clear message for anything wrong."""
    path = Path(path)
    with collector_paused():
        data = safe_torch_load(path, say("project file"))
    try:
        with collector_paused():
            return project_from_payload(data, shown(path))
    except ProjectFileError as exc:
        exc.path = str(path)
        raise
    except Exception as exc:  # a problem no check above foresaw: still our words, torch's or Python's in detail
        raise ProjectFileError(say("{file} is damaged: LayerLab could not rebuild the design it describes. "
                                   "Open an earlier copy of it.", file=shown(path)), "damaged", str(path),
                               detail=f"{type(exc).__name__}: {str(exc)[:2000]}") from None


def load_project(path: str | Path) -> Project:
    """The project in ``path`` (see :func:`open_project` for notices)."""
    opened = open_project(path)
    opened.project.notices = opened.notices
    return opened.project
