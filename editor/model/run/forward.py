"""A forward (and backward) pass through a design, block by block, with each block's statistics.

The design is run the way ``nn.Sequential.forward`` runs it, one module after
another, so the output equals ``model(x)`` bit for bit; on the way each
block's output is kept for its statistics (shape, mean, std, min, max, the
fraction of exact zeros, a small histogram), computed after the pass so they
never slow it. Failures come back as a :class:`~editor.model.errors.RunError`
naming the block, in plain words.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812 - torch's own convention

from editor.model.catalog.shape_rules import fmt
from editor.model.design.tree import Group, Node
from editor.model.errors import RunError, ValidationError

LOSSES = ("sum", "mse", "cross_entropy")
SPARK_BINS = 16


@dataclass(frozen=True)
class LayerStats:
    """What one block's output looked like in a run."""

    path: str
    kind: str
    shape: tuple[int, ...]
    mean: float
    std: float
    min: float
    max: float
    zeros: float
    """The fraction of values that are exactly 0 (dead ReLUs show here)."""
    histogram: tuple[int, ...] = ()
    """Counts over ``SPARK_BINS`` equal bins from min to max (a sparkline)."""
    finite: bool = True


@dataclass
class RunResult:
    """The outcome of ``p.run(...)``: the output, each block's statistics, the loss and the time taken."""

    input: torch.Tensor
    output: torch.Tensor
    layers: dict[str, LayerStats]
    seconds: float
    loss: torch.Tensor | None = None
    gradients: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Parameter name (as ``named_parameters()`` gives it, shared ones once) -> (norm, mean) of its ``.grad``."""
    notes: list[str] = field(default_factory=list)
    """Things a learner should see (a NaN, the block where it first appeared, a shared module's gradient)."""


def describe_failure(exc: BaseException, where: str, x: torch.Tensor, model_device: torch.device) -> str:
    """A torch failure at block ``where`` in a learner's words."""
    text = str(exc).strip().split("\n")[0]
    lowered = text.lower()
    if isinstance(exc, MemoryError) or "out of memory" in lowered:
        return (f"{where}: out of memory while computing it. Use a smaller batch, a smaller design, or another "
                f"device.")
    if "same device" in lowered or "expected all tensors to be on the same device" in lowered:
        return (f"{where}: the input is on {x.device} but the model is on {model_device}. Data and model must be "
                f"on the same device: move one of them (x.to(device) or model.to(device)).")
    if "dtype" in lowered or "expected scalar type" in lowered:
        return f"{where}: the input has dtype {x.dtype}, which this layer cannot take ({text})."
    return f"{where}: {text}"


@dataclass(frozen=True)
class Step:
    """One block of a run: its path, its kind's name and its module."""

    path: str
    kind: str
    module: nn.Module
    shape_error: str = ""
    """The design's own explanation when its shapes already say this block cannot take its input."""


def plan_of(root: Group, paths: dict[Node, str]) -> list[Step]:
    """The blocks under ``root`` in data-flow order: running them one after another is ``model(x)``.

    A nested ``nn.Sequential`` only applies its children in order, so the flat
    plan computes exactly what the nested model does. Made on the thread that
    owns the design; running it touches modules and tensors only.
    """
    steps: list[Step] = []

    def visit(node: Node) -> None:
        if isinstance(node, Group):
            for child in node.children:
                visit(child)
        else:
            error = node.error.sentence if node.error is not None else ""
            steps.append(Step(paths[node], node.layer.kind.name, node.module, error))  # type: ignore[attr-defined]

    for child in root.children:
        visit(child)
    return steps


def forward(plan: list[Step], x: torch.Tensor, model_device: torch.device,
            keep: Callable[[Step, torch.Tensor], None]) -> torch.Tensor:
    """Run ``plan`` on ``x``, handing each block's output to ``keep``."""
    value = x
    for step in plan:
        try:
            out = step.module(value)
        except (RuntimeError, ValueError, TypeError, IndexError, MemoryError) as exc:
            where = f"Block {step.path} ({step.kind})"
            if step.shape_error and not isinstance(exc, MemoryError):
                raise RunError(f"{where}: {step.shape_error}", path=step.path) from None
            got = f" It got {fmt(tuple(value.shape))}." if isinstance(value, torch.Tensor) else ""
            raise RunError(describe_failure(exc, where, x, model_device) + got, path=step.path) from None
        keep(step, out)
        value = out
    return value


def layer_stats(path: str, kind: str, out: torch.Tensor) -> LayerStats:
    """Statistics of one block's output (on its own device, then a few numbers to the CPU)."""
    values = out.detach()
    if not values.is_floating_point():
        values = values.float()
    flat = values.reshape(-1)
    count = flat.numel()
    if count == 0:
        return LayerStats(path, kind, tuple(out.shape), math.nan, math.nan, math.nan, math.nan, 0.0)
    finite = bool(torch.isfinite(flat).all())
    shown = flat if finite else flat[torch.isfinite(flat)]
    if shown.numel() == 0:
        return LayerStats(path, kind, tuple(out.shape), math.nan, math.nan, math.nan, math.nan, 0.0, (), False)
    low, high = float(shown.min()), float(shown.max())
    std = float(shown.float().std()) if shown.numel() > 1 else 0.0
    histogram = torch.histc(shown.float(), bins=SPARK_BINS, min=low, max=high if high > low else low + 1)
    return LayerStats(path, kind, tuple(out.shape), float(shown.float().mean()), std, low, high,
                      float((flat == 0).sum()) / count, tuple(int(c) for c in histogram.tolist()), finite)


def make_loss(output: torch.Tensor, loss: str, seed: int = 0) -> torch.Tensor:
    """The loss ``loss`` of ``output``: its sum, MSE against zeros, or cross-entropy against random labels."""
    if loss not in LOSSES:
        raise ValidationError(f"Unknown loss {loss!r}; use one of {', '.join(LOSSES)}.", field="backward",
                              valid=", ".join(LOSSES))
    if not output.is_floating_point():
        raise RunError("The output holds whole numbers, so there is nothing to differentiate: end the design with "
                       "a layer that gives floats.")
    if loss == "sum":
        return output.sum()
    if loss == "mse":
        return F.mse_loss(output, torch.zeros_like(output))
    if output.dim() < 2 or output.shape[1] < 2:
        raise RunError(f"Cross-entropy needs class scores of shape (batch, classes, …) with 2 classes or more; the "
                       f"output is {fmt(tuple(output.shape))}. Use 'sum' or 'mse', or end with Linear(…, classes).")
    rng = torch.Generator().manual_seed(int(seed))
    labels = torch.randint(0, output.shape[1], (output.shape[0], *output.shape[2:]), generator=rng)
    return F.cross_entropy(output, labels.to(output.device))


def run_design(plan: list[Step], model: nn.Module, x: torch.Tensor, model_device: torch.device,
               backward: str | None = None, seed: int = 0) -> RunResult:
    """Forward ``x`` (and, with ``backward``, the loss's backward pass): the result with every block's statistics."""
    outputs: list[tuple[Step, torch.Tensor]] = []
    if backward is not None:
        for parameter in model.parameters():
            parameter.grad = None  # this run's gradients, not an accumulation of earlier ones
    grad = torch.enable_grad() if backward is not None else torch.no_grad()
    with grad:
        _synchronize(model_device)
        start = time.perf_counter()
        output = forward(plan, x, model_device, lambda step, out: outputs.append((step, out)))
        _synchronize(model_device)
        seconds = time.perf_counter() - start
        loss = make_loss(output, backward, seed) if backward is not None else None
    result = RunResult(x, output, {}, seconds, loss)
    first_bad = None
    for step, out in outputs:
        stats = layer_stats(step.path, step.kind, out)
        result.layers[step.path] = stats
        if not stats.finite and first_bad is None:
            first_bad = step.path
    if first_bad is not None:
        result.notes.append(f"NaN or Inf first appears in the output of block {first_bad}; everything after it "
                            f"follows from there.")
    if loss is not None:
        if not bool(torch.isfinite(loss)):
            value = float(loss.detach())
            result.notes.append(f"The loss is {value}: a NaN or Inf reached it, so its gradients are not meaningful.")
        loss.backward()
        result.gradients = {name: (float(p.grad.norm()), float(p.grad.float().mean()))
                            for name, p in model.named_parameters() if p.grad is not None}
    return result


def _synchronize(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)
