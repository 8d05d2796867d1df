"""Inputs to feed a design: a batch made by a generator from a seed, or a tensor the learner saved.

Every generator draws from its own ``torch.Generator`` (the global random
state is left alone), so the same seed gives the same batch every time, as
``torch.manual_seed(seed); torch.randn(shape)`` would.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

import torch

from editor.model.errors import ValidationError
from editor.model.words import say

GENERATORS = ("randn", "rand", "zeros", "ones", "arange")
MAX_INPUT_ELEMENTS = 50_000_000
MAX_SEED = 2**63 - 2
"""The largest seed a run or a training takes (``torch.manual_seed`` takes 64 bits; the teacher uses seed + 1)."""


def check_seed(seed: object) -> int:
    """``seed`` (an int, a NumPy integer, a 0-d integer tensor) when it is a whole number from 0 to ``MAX_SEED``; else
    a refusal that says so."""
    try:
        value = None if isinstance(seed, bool) else operator.index(seed)  # type: ignore[arg-type]
    except TypeError:
        value = None
    if value is None or not 0 <= value <= MAX_SEED:
        raise ValidationError(say("The seed must be a whole number from 0 to {max_seed:,}, not {seed!r}.",
                                  max_seed=MAX_SEED, seed=seed), field="seed", valid=say("0 to {max_seed:,}",
                                                                                        max_seed=MAX_SEED))
    return value


def make_input(shape: Sequence[int], generator: str = "randn", seed: int = 0, dtype: str = "float",
               high: int | None = None, device: torch.device | str = "cpu") -> torch.Tensor:
    """A batch of ``shape``: ``randn``/``rand`` from ``seed``, ``zeros``, ``ones`` or ``arange`` (reshaped).

    For a design that takes token ids (``dtype="long"``) the random generators
    draw whole numbers below ``high`` (the first Embedding's size) instead.
    """
    if generator not in GENERATORS:
        raise ValidationError(say("Unknown input generator {generator!r}; use one of {generators}.",
                                  generator=generator, generators=", ".join(GENERATORS)),
                              field="generator", valid=", ".join(GENERATORS))
    shape = tuple(int(s) for s in shape)
    count = 1
    for size in shape:
        if size < 1:
            raise ValidationError(say("An input shape needs sizes of at least 1, not {shape}.",
                                      shape=shape), field="shape")
        count *= size
    if count > MAX_INPUT_ELEMENTS:
        raise ValidationError(say("An input of shape {shape} has {count:,} values; at most {max_input_elements:,} are "
                                  "made here. Use a smaller batch.",
                                  shape=shape, count=count, max_input_elements=MAX_INPUT_ELEMENTS), field="shape")
    rng = torch.Generator().manual_seed(check_seed(seed))
    if dtype == "long":
        limit = max(int(high or 2), 1)
        if generator in ("randn", "rand"):
            values = torch.randint(0, limit, shape, generator=rng)
        elif generator == "arange":
            values = (torch.arange(count) % limit).reshape(shape)
        else:
            fill = 0 if generator == "zeros" else min(1, limit - 1)
            values = torch.full(shape, fill, dtype=torch.long)
        return values.to(device)
    if generator == "randn":
        values = torch.randn(shape, generator=rng)
    elif generator == "rand":
        values = torch.rand(shape, generator=rng)
    elif generator == "arange":
        values = torch.arange(count, dtype=torch.float32).reshape(shape)
    else:
        values = (torch.zeros if generator == "zeros" else torch.ones)(shape)
    return values.to(device)


def check_loaded_input(value: object, from_file: bool = True) -> torch.Tensor:
    """A tensor read from a file (``torch.save(t, path)``), or given to ``p.run(x=...)`` (not ``from_file``),
    checked to be something a design can take."""
    if not isinstance(value, torch.Tensor):
        if not from_file:
            raise ValidationError(say("x is a {type}, not a tensor: pass one, e.g. torch.tensor(...) or "
                                      "torch.randn(2, 20).", type=type(value).__name__), field="x")
        raise ValidationError(say("The file holds a {type}, not a tensor: save one with torch.save(t, path).",
                                  type=type(value).__name__), field="input")
    if value.is_nested:
        raise ValidationError(say("The tensor is a nested tensor (rows of different lengths); a design takes an "
                                  "ordinary dense tensor: pad the rows to one length first (e.g. "
                                  "torch.nested.to_padded_tensor(t, 0.0))."), field="input")
    if value.layout != torch.strided or value.is_meta or value.is_complex():
        raise ValidationError(say("The tensor is sparse, complex or on the meta device; a design takes an ordinary "
                                  "dense tensor."), field="input")
    if value.dim() == 0:
        raise ValidationError(say("The tensor is a single number; a design takes a batch, e.g. shape (2, 20)."),
                              field="input")
    if value.numel() > MAX_INPUT_ELEMENTS:
        raise ValidationError(say("The tensor has {count:,} values; at most {max_input_elements:,} are run here.",
                                  count=value.numel(), max_input_elements=MAX_INPUT_ELEMENTS), field="input")
    return value.detach().clone()


def same_tensor(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Whether ``a`` and ``b`` hold the same values, shape, dtype and device (a run's input against the one shown);
    NaN counts as equal to NaN in the same place (a loaded input may hold some)."""
    if a is b:
        return True
    if a.shape != b.shape or a.dtype != b.dtype or a.device != b.device:
        return False
    if torch.equal(a, b):
        return True
    if not a.is_floating_point():
        return False
    nans = a.isnan()
    return torch.equal(nans, b.isnan()) and torch.equal(a.masked_fill(nans, 0), b.masked_fill(nans, 0))
