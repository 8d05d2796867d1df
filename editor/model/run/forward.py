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
import threading
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
SPARK_SAMPLE = 256


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
    """Statistics of one block's output (see :func:`all_stats`, which computes many at once)."""
    return all_stats([(path, kind, out)])[0]


def all_stats(outputs: list[tuple[str, str, torch.Tensor]]) -> list[LayerStats]:
    """Statistics of every block's output, computed a group at a time on the outputs' device.

    Outputs with the same number of values are stacked and reduced together
    (a handful of kernels for a whole stack of Linear and ReLU outputs, and one
    transfer of numbers to the CPU at the end), so statistics stay cheap next
    to the forward pass itself. The sparkline is a histogram of up to
    ``SPARK_SAMPLE`` evenly spaced values of each output.
    """
    found: dict[int, LayerStats] = {}
    groups: dict[tuple[tuple[int, ...], torch.device, torch.dtype], list[int]] = {}
    for index, (_, _, out) in enumerate(outputs):
        groups.setdefault((tuple(out.shape), out.device, out.dtype), []).append(index)
    with torch.no_grad():  # statistics are not part of anything autograd should see
        for (shape, device, dtype), members in groups.items():
            count = math.prod(shape)
            if count == 0:
                for i in members:
                    path, kind, out = outputs[i]
                    found[i] = LayerStats(path, kind, shape, math.nan, math.nan, math.nan, math.nan, 0.0)
                continue
            tensors = [outputs[i][2] for i in members]
            if dtype == torch.float32:  # stacked straight into a kept buffer: no per-output copies
                rows = torch.stack(tensors, out=_scratch("rows", (len(members), *shape), dtype, device))
            else:
                rows = torch.stack([t.float() for t in tensors])
            for i, stats in zip(members, _group_stats(rows.view(len(members), count), [outputs[i] for i in members]),
                                strict=True):
                found[i] = stats
    return [found[i] for i in range(len(outputs))]


_workspace = threading.local()
SCRATCH_LIMIT = 256 * 1024**2  # bytes kept between runs; larger buffers are made for one run only


def _scratch(name: str, shape: tuple[int, ...], dtype: torch.dtype, device: torch.device) -> torch.Tensor:
    """A buffer of ``shape`` kept between runs on this thread: fresh pages cost more than the statistics."""
    cache: dict[str, torch.Tensor] = _workspace.__dict__.setdefault("buffers", {})
    held = cache.get(name)
    if held is not None and held.shape == shape and held.dtype == dtype and held.device == device:
        return held
    buffer = torch.empty(shape, dtype=dtype, device=device)
    if buffer.numel() * buffer.element_size() <= SCRATCH_LIMIT:
        cache[name] = buffer
    else:
        cache.pop(name, None)
    return buffer


def _group_stats(rows: torch.Tensor, members: list[tuple[str, str, torch.Tensor]]) -> list[LayerStats]:
    """Statistics of each row of ``rows`` (one block's output per row); sums run as matrix products (BLAS)."""
    count = rows.shape[1]
    ones = torch.ones(count, dtype=rows.dtype, device=rows.device)
    mean = (rows @ ones) / count
    low, high = rows.amin(dim=1), rows.amax(dim=1)
    scratch = _scratch("work", tuple(rows.shape), rows.dtype, rows.device)
    # ||sign(x)||² counts the values that are not zero; ||x||² is the sum of squares: two vectorized norms,
    # much cheaper than squaring into a buffer.
    zeros = count - torch.linalg.vector_norm(torch.sign(rows, out=scratch), dim=1).double().square().round()
    squares = torch.linalg.vector_norm(rows, dim=1).double().square()
    centred = (squares - count * mean.double().square()).clamp_min(0)
    spread = centred / max(count - 1, 1)
    # Where the mean dwarfs the spread, the one-pass formula loses digits: those rows the exact two-pass way.
    unsure = centred < 1e-3 * squares
    if bool(unsure.any()):
        picked = unsure.nonzero().flatten()
        exact = rows[picked] - mean[picked, None]
        spread[picked] = (exact.double().square().sum(dim=1) / max(count - 1, 1))
    numbers_t = torch.stack([mean.double(), spread.sqrt(), low.double(), high.double(), zeros])
    if not bool(torch.isfinite(numbers_t).all()):  # rare: NaN or Inf somewhere; those rows one by one
        finite = torch.isfinite(rows).all(dim=1).tolist()
        return [_one_with_nonfinite(row, member) if not ok else _group_stats(row[None], [member])[0]
                for row, ok, member in zip(rows, finite, members, strict=True)]
    sample = rows[:, :: max(1, count // SPARK_SAMPLE)]
    width = (high - low).clamp_min(torch.finfo(rows.dtype).tiny)
    bins = ((sample - low[:, None]) * (SPARK_BINS / width)[:, None]).long().clamp_(0, SPARK_BINS - 1)
    bins += torch.arange(len(members), device=rows.device)[:, None] * SPARK_BINS
    counts = torch.bincount(bins.reshape(-1), minlength=SPARK_BINS * len(members)).reshape(len(members), -1)
    numbers = numbers_t.double().cpu().tolist()
    histograms = counts.cpu().tolist()
    return [LayerStats(path, kind, tuple(out.shape), numbers[0][i], numbers[1][i], numbers[2][i], numbers[3][i],
                       numbers[4][i] / count, tuple(histograms[i]))
            for i, (path, kind, out) in enumerate(members)]


def _one_with_nonfinite(row: torch.Tensor, member: tuple[str, str, torch.Tensor]) -> LayerStats:
    """One output with NaN or Inf: statistics of its finite values, marked not finite."""
    path, kind, out = member
    shown = row[torch.isfinite(row)]
    zeros = float((row == 0).sum()) / row.numel()
    if shown.numel() == 0:
        return LayerStats(path, kind, tuple(out.shape), math.nan, math.nan, math.nan, math.nan, zeros, (), False)
    stats = _group_stats(shown[None], [member])[0]
    return LayerStats(path, kind, tuple(out.shape), stats.mean, stats.std, stats.min, stats.max, zeros,
                      stats.histogram, False)


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
    for stats in all_stats([(step.path, step.kind, out) for step, out in outputs]):
        result.layers[stats.path] = stats
        if not stats.finite and first_bad is None:
            first_bad = stats.path
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
