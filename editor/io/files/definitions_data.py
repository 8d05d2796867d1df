"""A project file's custom definitions and plain tensors.

``"definitions"`` holds the project's custom layer and block definitions as
plain data (:mod:`editor.model.custom.data`): expressions stay text, checked
by the safe language and never executed. ``"plain_tensors"`` holds the
values of the custom layers' plain tensor attributes (declared with
``registered=False``), which ``state_dict()`` does not see, by their path in
the model (``"0.weight"``, ``"1.hidden.mask"``), so a project opens with
exactly the values it was saved with. A layer kept unallocated has no values:
its plain tensors are left out, as its parameters are left out of the
state_dict, and it opens unallocated again.

Both keys are optional (older files have neither); every problem is a
:class:`~editor.io.files.design_data.DesignDataError` that names the field.
"""

from __future__ import annotations

from typing import Any

import torch

from editor.io.files.design_data import DesignDataError
from editor.io.files.tensors import key_text, tensor_problem
from editor.model.catalog import LayerKind, has_kind
from editor.model.catalog import kind as catalog_kind
from editor.model.catalog.custom_kinds import CustomKind, check_name, make_kind
from editor.model.catalog.unallocated import is_unallocated
from editor.model.custom.data import definitions_from_data, definitions_to_data
from editor.model.custom.definitions import Definition, DefinitionError, dependency_order
from editor.model.custom.modules import plain_tensors, set_plain_tensor
from editor.model.project.project import Project
from editor.model.words import say

MAX_PLAIN = 10_000
"""The most plain tensors a file may hold."""


def definitions_to_payload(project: Project) -> list[dict[str, Any]]:
    """The project's definitions as plain data, in the order defined."""
    return definitions_to_data(list(project.definitions.values()))


def plain_tensors_to_payload(project: Project) -> dict[str, torch.Tensor]:
    """The plain tensor attributes of the project's custom layers, by path (detached CPU copies).

    Those of layers kept unallocated have no values and are left out (the design marks those layers).
    """
    kept = _unallocated_tensors(project)
    return {key: value.detach().cpu().clone() for key, value in plain_tensors(project.model).items()
            if id(value) not in kept}


def _unallocated_tensors(project: Project) -> set[int]:
    """The ids of the plain tensors of the project's layers kept unallocated."""
    return {id(t) for m in project.model.modules() if is_unallocated(m) for t in plain_tensors(m).values()}


def kinds_from_payload(raw: Any) -> tuple[list[Definition], dict[str, CustomKind]]:
    """The file's definitions, checked, and a kind for each (made in dependency order)."""
    if raw is None:
        return [], {}
    try:
        definitions = definitions_from_data(raw)
        by_name = {d.name: d for d in definitions}
        for definition in definitions:
            check_name(definition.name)
        made: dict[str, CustomKind] = {}

        def resolve(name: str) -> LayerKind:
            return made[name] if name in made else catalog_kind(name)

        for name in dependency_order(by_name, has_kind):
            made[name] = make_kind(by_name[name], resolve)
    except DefinitionError as exc:
        text = str(exc)
        raise DesignDataError(text if text.startswith("definitions") else f"definitions: {text}") from None
    return definitions, made


def restore_plain_tensors(project: Project, raw: Any) -> None:
    """Put the saved plain tensors into the project's custom layers (each checked: dense, right shape and dtype)."""
    expected = plain_tensors(project.model)
    kept = _unallocated_tensors(project)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict) or len(raw) > MAX_PLAIN:
        raise DesignDataError(say("plain_tensors: expected a dict of at most {limit} names to tensors",
                                  limit=MAX_PLAIN))
    for key, value in raw.items():
        if key not in expected or id(expected[key]) in kept:
            raise DesignDataError(say("plain_tensors: {key} is not a plain tensor of the design", key=key_text(key)))
        if not isinstance(value, torch.Tensor):
            raise DesignDataError(say("plain_tensors: {key} is a {type}, not a tensor",
                                      key=key_text(key), type=type(value).__name__))
        problem = tensor_problem(value)
        if problem is not None:
            raise DesignDataError(say("plain_tensors: {key} is {problem}", key=key_text(key), problem=problem))
        want = expected[key]
        if tuple(value.shape) != tuple(want.shape) or value.dtype != want.dtype:
            raise DesignDataError(say("plain_tensors: {key} has shape {shape} "
                                      "({dtype}), but the design needs {want_shape} ({want_dtype})",
                                      key=key_text(key), shape=tuple(value.shape), dtype=value.dtype,
                                      want_shape=tuple(want.shape), want_dtype=want.dtype))
        set_plain_tensor(project.model, key, value.detach().clone())
    missing = [k for k, v in plain_tensors(project.model).items() if v.is_meta and id(v) not in kept]
    if missing:
        raise DesignDataError(say("plain_tensors: no value for {key}", key=key_text(missing[0])))


__all__ = ["definitions_to_payload", "kinds_from_payload", "plain_tensors_to_payload", "restore_plain_tensors"]
