"""Typed errors that LayerLab raises on purpose.

Every error carries a message a learner can act on: what went wrong, where
(the block path when there is one) and how to fix it. ``LayerLabError`` is the
base of them all, so ``except LayerLabError`` catches every deliberate refusal
and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editor.model.words import Said, say


class LayerLabError(Exception):
    """Base class of every error LayerLab raises on purpose."""


class ValidationError(LayerLabError, ValueError):
    """A hyperparameter (or another user value) is invalid; nothing was changed.

    ``field`` names the offending value and ``valid`` says what would be
    accepted, e.g. ``"an integer ≥ 1"``.
    """

    def __init__(self, message: str, *, field: str | None = None, valid: str | None = None,
                 path: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.valid = valid
        self.path = path


class MemoryLimitError(ValidationError):
    """A block would need more memory than this machine has; refused before allocating."""


class UnsupportedLayerError(LayerLabError, TypeError, AssertionError):
    """A module LayerLab cannot hold: not a ``torch.nn.Module`` or not in the catalog.

    It is a ``TypeError`` like the rest of Python's type complaints, and an
    ``AssertionError`` too because ``nn.Sequential.insert`` asserts on non-modules,
    so code written against torch keeps working against a Project.
    """


class PathError(LayerLabError, IndexError):
    """A block path like ``"1.0"`` that does not lead to a block or group."""


class PathTypeError(LayerLabError, TypeError):
    """Something used as a block index that is neither an integer nor a path like ``"1.0"``."""


class StructureError(LayerLabError, ValueError):
    """An edit that cannot be made to this design's structure (e.g. a group into itself)."""


class RunError(LayerLabError, RuntimeError):
    """Running the design failed (a shape or device mismatch, out of memory), said in plain words.

    ``path`` names the block where it happened, when there is one.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class RunStoppedError(RunError):
    """A run ended by Stop (not a failure: the learner asked for it)."""


class SharingError(StructureError):
    """Weights cannot be shared (or made independent) as asked: different kinds, shapes that one module
    cannot take at every place, a group, or a block that shares nothing."""


@dataclass(frozen=True)
class FixStep:
    """One step of a suggested fix, as plain data.

    ``op`` is ``"insert"`` (put a new ``kind`` layer at ``path``),
    ``"set_params"`` (set ``params`` on the block at ``path``) or
    ``"set_batch_size"`` (the design's input gets ``params["batch_size"]`` rows).
    """

    op: str
    path: str
    kind: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Fix:
    """A suggested fix for a shape error: a label for a button and the steps it takes."""

    label: str
    steps: tuple[FixStep, ...]


class ShapeError(LayerLabError):
    """The shapes of a design do not line up at one block.

    Carries the block ``path``, the incoming ``in_shape``, what the block
    ``expected`` in words, a ``sentence`` a learner understands and, where one
    exists, a suggested ``fix``.
    """

    def __init__(self, sentence: str, *, path: str = "", in_shape: tuple[int, ...] | None = None,
                 expected: str = "", fix: Fix | None = None, field: str | None = None) -> None:
        self.sentence = sentence
        self.path = path
        self.in_shape = in_shape
        self.expected = expected
        self.fix = fix
        self.field = field
        super().__init__(self._compose())

    def _compose(self) -> str:
        text = say("Block {path}: {problem}", path=self.path, problem=self.sentence) if self.path else self.sentence
        if self.fix is not None:
            text = say("{problem} Suggested fix: {fix}.", problem=text, fix=self.fix.label)
        return text

    def at(self, path: str) -> ShapeError:
        """The same error, located at ``path``."""
        return ShapeError(self.sentence, path=path, in_shape=self.in_shape, expected=self.expected,
                          fix=_relocate(self.fix, path), field=self.field)


def _relocate(fix: Fix | None, path: str) -> Fix | None:
    """Shape rules describe fixes relative to their block; give the steps its real path.

    An ``insert`` at the block's own path puts the new layer just before it, so
    rules list ``set_params`` steps before ``insert`` steps.
    """
    if fix is None:
        return None
    steps = tuple(FixStep(step.op, path, step.kind, dict(step.params)) for step in fix.steps)
    return Fix(_at_path(fix.label, path), steps)


def _at_path(label: str, path: str) -> str:
    """``label`` with its ``{path}`` placeholder filled in, still translatable when it was said."""
    if isinstance(label, Said):
        values = {name: _at_path(value, path) if isinstance(value, str) else value
                  for name, value in label.values.items()}
        return Said(label.template, values)
    return label.replace("{path}", path)
