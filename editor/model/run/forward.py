"""A forward (and backward) pass through a design, block by block, with each block's statistics.

The design is run the way ``nn.Sequential.forward`` runs it, one module after
another, so the output equals ``model(x)`` bit for bit; on the way each
block's output goes to a :class:`~editor.model.run.layer_stats.StatsCollector`
for its statistics (shape, mean, std, min, max, the fraction of exact zeros, a
small histogram); their time is left out of the forward's own. Failures come
back as a :class:`~editor.model.errors.RunError` naming the block, in plain words.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812 - torch's own convention

from editor.model.catalog.shape_rules import Spec, fmt
from editor.model.design.tree import Group, Node
from editor.model.errors import RunError, RunStoppedError, ValidationError
from editor.model.run.layer_stats import (  # noqa: F401 - the statistics' names, as they were offered here
    SPARK_BINS,
    SPARK_SAMPLE,
    LayerStats,
    StatsCollector,
    all_stats,
    layer_stats,
)
from editor.model.words import say

LOSSES = ("sum", "mse", "cross_entropy")


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
    if isinstance(exc, MemoryError) or "out of memory" in lowered or "can't allocate memory" in lowered:
        return say("{where}: out of memory while computing it. Use a smaller batch, a smaller design, or another "
                   "device.", where=where)
    if "same device" in lowered or "expected all tensors to be on the same device" in lowered:
        return say("{where}: the input is on {device} but the model is on {model_device}. Data and model must be "
                   "on the same device: move one of them (x.to(device) or model.to(device)).",
                   where=where, device=str(x.device), model_device=str(model_device))
    if "modified by an inplace operation" in lowered:
        return say("{where}: a block changed a tensor in place (such as ReLU(inplace=True) or Dropout(inplace=True)) "
                   "that autograd had saved for the backward pass. Set inplace=False on that block to run backward.",
                   where=where)
    if "does not require grad" in lowered and "element 0" in lowered:
        return say("{where}: no parameter this loss depends on requires a gradient (the design has none, or they are "
                   "all frozen), so there is nothing to compute. Unfreeze a block (requires_grad), or run forward "
                   "only.", where=where)
    if "dtype" in lowered or "expected scalar type" in lowered:
        fix = (say("Convert it with x.float() (a NumPy array gives float64).") if x.dtype == torch.float64
               else say("Convert it with x.float().") if x.is_floating_point() or x.dtype == torch.bool
               else say("Convert it with x.float(), unless the design takes token ids."))
        return say("{where}: the input has dtype {dtype}, which this layer cannot take ({problem}). {fix}",
                   where=where, dtype=str(x.dtype), problem=text, fix=fix)
    if "more than 1 value per channel when training" in lowered:
        return say("{where}: in training mode BatchNorm needs more than one value per channel to average over. Use "
                   "a batch of 2 or more, or turn training mode off (model.eval()).", where=where)
    if not text.endswith((".", "!", "?")):
        text += "."
    return say("{where}: {problem}", where=where, problem=text)


@dataclass(frozen=True)
class Step:
    """One block of a run: its path, its kind's name and its module."""

    path: str
    kind: str
    module: nn.Module
    shape_error: str = ""
    """The design's own explanation when its shapes already say this block cannot take its input."""
    in_place: bool = False
    """Whether the block changes its input in place (``ReLU(inplace=True)``): the block before it is read first."""
    expects: tuple[int, ...] | None = None
    """The input shape the design works out for this block (for its own input shape), when known."""
    tokens: bool = False
    """Whether the block looks up token ids (``nn.Embedding``): they are checked before it runs."""


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
            spec = node.in_spec
            expects = tuple(spec.shape) if isinstance(spec, Spec) and spec.shape else None
            steps.append(Step(paths[node], node.layer.kind.name, node.module, error,  # type: ignore[attr-defined]
                              getattr(node.module, "inplace", False) is True, expects,
                              isinstance(node.module, nn.Embedding)))

    for child in root.children:
        visit(child)
    return steps


def forward(plan: list[Step], x: torch.Tensor, model_device: torch.device,
            keep: Callable[[Step, torch.Tensor], None],
            before_in_place: Callable[[], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> torch.Tensor:
    """Run ``plan`` on ``x``, handing each block's output to ``keep`` (and calling ``before_in_place`` before a
    block that changes its input, the output handed over last, in place). ``should_stop()``, asked before each
    block, ends the run with a :class:`RunError` that says where (Stop)."""
    # the input stays as given (and shown): a block that changes its input in place would change it when no block
    # before it made a new tensor (the first block, or one after Identity, Flatten, Dropout in eval mode)
    value = x.clone() if any(step.in_place for step in plan) else x
    for step in plan:
        if should_stop is not None and should_stop():
            raise RunStoppedError(say("Stopped before {where}: the run ended there, and nothing it did is kept.",
                                 where=where_of(step)), path=step.path)
        if step.in_place and before_in_place is not None:
            before_in_place()
        if step.tokens and isinstance(value, torch.Tensor):  # before the lookup: on a GPU a bad id breaks CUDA
            problem = _token_problem(step.module, value, where_of(step))  # type: ignore[arg-type]
            if problem:
                raise RunError(problem, path=step.path)
        try:
            out = step.module(value)
        except (RuntimeError, ValueError, TypeError, IndexError, MemoryError) as exc:
            raise RunError(_failure(step, exc, value, x, model_device), path=step.path) from None
        keep(step, out)
        value = out
    return value


def _failure(step: Step, exc: BaseException, value: object, x: torch.Tensor, model_device: torch.device) -> str:
    """Why block ``step`` failed on ``value``, in plain words: what it got and, where known, what it wants."""
    where = where_of(step)
    got = tuple(value.shape) if isinstance(value, torch.Tensor) else None
    if step.shape_error and not isinstance(exc, MemoryError):
        problem = say("{where}: {problem}", where=where, problem=step.shape_error)
        if got is not None and step.expects is not None and got != step.expects:  # (the sentence: the design's batch)
            problem = say("{problem} In this run it got {shape}.", problem=problem, shape=fmt(got))
        return problem
    problem = describe_failure(exc, where, x, model_device)
    if got is None:
        return problem
    wants = step.expects
    if wants is not None and len(wants) == len(got):
        wants = (got[0], *wants[1:])  # this run's batch
    if wants is not None and wants != got and not isinstance(exc, MemoryError):
        return say("{problem} It got {shape}, where the design expects {wanted}.", problem=problem,
                   shape=fmt(got), wanted=fmt(wants))
    return say("{problem} It got {shape}.", problem=problem, shape=fmt(got))


def where_of(step: Step) -> str:
    """"Block 2 (Linear)": the block a message is about."""
    return say("Block {path} ({kind})", path=step.path, kind=step.kind)


def _token_problem(embedding: nn.Embedding, value: torch.Tensor, where: str) -> str:
    """Why an Embedding cannot look up ``value``, in a learner's words ("" when the ids look fine)."""
    if value.dtype not in (torch.int64, torch.int32):
        return say("{where} looks up token ids: it takes a LongTensor of whole numbers (e.g. torch.randint(0, "
                   "{count}, shape) or x.long()), not {dtype}.", where=where, count=embedding.num_embeddings,
                   dtype=str(value.dtype))
    if not value.numel():
        return ""
    low, high = (int(end) for end in torch.aminmax(value))
    if low < 0 or high >= embedding.num_embeddings:
        return say("{where} has num_embeddings={count}, so it looks up ids 0 to {last}; this input holds ids from "
                   "{low} to {high}. Use ids from 0 to {last}, or a larger num_embeddings.", where=where,
                   count=embedding.num_embeddings, last=embedding.num_embeddings - 1, low=low, high=high)
    return ""


def make_loss(output: torch.Tensor, loss: str, seed: int = 0) -> torch.Tensor:
    """The loss ``loss`` of ``output``: its sum, MSE against zeros, or cross-entropy against random labels."""
    if loss not in LOSSES:
        raise ValidationError(say("Unknown loss {loss!r}; use one of {losses}.",
                                  loss=loss, losses=", ".join(LOSSES)), field="backward",
                              valid=", ".join(LOSSES))
    if not output.is_floating_point():
        raise RunError(say("The output holds whole numbers, so there is nothing to differentiate: end the design with "
                           "a layer that gives floats."))
    if loss == "sum":
        return output.sum()
    if loss == "mse":
        return F.mse_loss(output, torch.zeros_like(output))
    if output.dim() < 2 or output.shape[1] < 2:
        raise RunError(say("Cross-entropy needs class scores of shape (batch, classes, …) with 2 classes or more; the "
                           "output is {shape}. Use 'sum' or 'mse', or end with Linear(…, classes).",
                           shape=fmt(tuple(output.shape))))
    rng = torch.Generator().manual_seed(int(seed))
    labels = torch.randint(0, output.shape[1], (output.shape[0], *output.shape[2:]), generator=rng)
    return F.cross_entropy(output, labels.to(output.device))


def run_design(plan: list[Step], model: nn.Module, x: torch.Tensor, model_device: torch.device,
               backward: str | None = None, seed: int = 0,
               parameters: list[tuple[str, nn.Parameter]] | None = None,
               should_stop: Callable[[], bool] | None = None) -> RunResult:
    """Forward ``x`` (and, with ``backward``, the loss's backward pass): the result with every block's statistics.

    ``parameters`` are the model's named parameters as the plan was made (``model.named_parameters()`` now
    when not given): the ones whose ``.grad`` this run sets and reports, even if the design changes meanwhile.
    """
    collector = StatsCollector()
    if backward is not None:
        if parameters is None:
            parameters = list(model.named_parameters())
        for _, parameter in parameters:
            parameter.grad = None  # this run's gradients, not an accumulation of earlier ones
    grad = torch.enable_grad() if backward is not None else torch.no_grad()
    with grad:
        _synchronize(model_device)
        start = time.perf_counter()
        output = forward(plan, x, model_device, lambda step, out: collector.add(step.path, step.kind, out),
                         collector.before_in_place, should_stop)
        _synchronize(model_device)
        seconds = time.perf_counter() - start - collector.seconds  # the forward's own time, statistics left out
        loss = make_loss(output, backward, seed) if backward is not None else None
    result = RunResult(x, output, {}, seconds, loss)
    first_bad = None
    for stats in collector.finish():
        result.layers[stats.path] = stats
        if not stats.finite and first_bad is None:
            first_bad = stats.path
    if first_bad is not None and first_bad == next(iter(result.layers)) and x.is_floating_point() and not bool(
            torch.isfinite(x).all()):  # NaN or Inf from the first block on, and in the input already
        result.notes.append(say("The input already holds NaN or Inf, so every block's output follows from it. The "
                                "statistics of a block with NaN or Inf are over its finite values alone."))
    elif first_bad is not None:
        result.notes.append(say("NaN or Inf first appears in the output of block {path}; everything after it "
                                "follows from there. The statistics of a block with NaN or Inf are over its finite "
                                "values alone.", path=first_bad))
    if loss is not None:
        if not bool(torch.isfinite(loss)):
            value = float(loss.detach())
            result.notes.append(say("The loss is {value}: a NaN or Inf reached it, so its gradients are not "
                                    "meaningful.", value=value))
        try:
            loss.backward()
        except (RuntimeError, MemoryError) as exc:  # torch's, made plain
            raise RunError(describe_failure(exc, say("The backward pass"), x, model_device)) from None
        result.gradients = {name: (float(p.grad.norm()), float(p.grad.float().mean()))
                            for name, p in parameters or () if p.grad is not None}
    return result


def _synchronize(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)
