"""A few training steps to watch: a synthetic task that fits the design, SGD or Adam, and a loss curve.

A :class:`Trainer` trains a *copy* of the design's model (so the editor can go
on drawing the real one meanwhile) on a fixed synthetic data set:

- ``"teacher"``: regress the outputs of a fixed random "teacher" network of
  the same design (any design with a float input);
- ``"clusters"``: classify points from a few separable clusters (a design
  that maps ``(N, features)`` to ``(N, classes)`` scores).

Each step is the plain PyTorch loop: ``zero_grad``, forward, loss,
``backward``, per-layer gradient norms, ``step``. The Project keeps the
trained values as one undoable edit (``p.keep_trained(trainer)``) or drops them.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812 - torch's own convention

from editor.model.catalog.shape_rules import fmt
from editor.model.design.seeding import checksums
from editor.model.errors import RunError, ValidationError
from editor.model.randomness import forked
from editor.model.run.forward import describe_failure
from editor.model.run.inputs import make_input
from editor.model.words import join, say

TASKS = ("teacher", "clusters")
OPTIMIZERS = ("adam", "sgd")
MAX_STEPS = 100_000
MAX_DATA_ELEMENTS = 2_000_000


@dataclass
class Task:
    """A fixed data set: inputs, targets, and the loss that compares outputs with targets."""

    name: str
    inputs: torch.Tensor
    targets: torch.Tensor
    loss: str  # "mse" or "cross_entropy"

    def loss_of(self, output: torch.Tensor) -> torch.Tensor:
        if self.loss == "mse":
            return F.mse_loss(output, self.targets)
        return F.cross_entropy(output, self.targets)


@dataclass
class Trainer:
    """Training state over a copy of a model: the copy, the task, the optimizer and what happened so far."""

    model: nn.Module
    originals: dict[int, nn.Module]
    """id(copied module) -> the design's module it was copied from."""
    layers: list[tuple[str, nn.Module]]
    """(path of first use, copied module) for every layer with parameters, for the gradient norms."""
    task: Task
    make_optimizer: Callable[[], torch.optim.Optimizer]
    """Makes the optimizer, on the first :meth:`run`: the thread that trains, not the one that makes the trainer
    (the first optimizer a process makes imports ``torch._dynamo``, 1-1.5 s of a 2-core machine)."""
    losses: list[float] = field(default_factory=list)
    grad_norms: dict[str, list[float]] = field(default_factory=dict)
    stopped_by: str = ""
    """Why the last :meth:`run` ended early (Stop, or a loss that blew up); empty when it ran every step."""
    settings: dict[str, object] = field(default_factory=dict)
    """What it was made with: task, optimizer, lr and seed."""
    signature: tuple = ()
    """The design's run signature when it was made (``Project.run_signature()``): keeping needs the same."""
    generation: int = 0
    """The design's ``weights_generation`` when it was made (the weights it started from)."""
    checksums: tuple = ()
    """Checksums of the design's parameters when it was made: a write through ``.data`` escapes ``stamp``."""
    stamp: tuple = ()
    """The design's ``weights_stamp()`` when it was made: keeping needs the same (else it would overwrite a change
    made since, such as an init, a reset from the seed or an undo)."""

    _optimizer: torch.optim.Optimizer | None = field(default=None, repr=False)
    _random: tuple[torch.Tensor, torch.Tensor | None] | None = field(default=None, repr=False)
    """Where the training's own random numbers (Dropout's) stopped: the CPU's and the device's generator states."""

    @property
    def optimizer(self) -> torch.optim.Optimizer:
        """The optimizer over the copy's trainable parameters (made on first use)."""
        if self._optimizer is None:
            self._optimizer = self.make_optimizer()
        return self._optimizer

    @property
    def blew_up(self) -> bool:
        """Whether the last loss is NaN or infinite (the weights are then not worth keeping)."""
        return bool(self.losses) and not math.isfinite(self.losses[-1])

    def run(self, steps: int, on_step: Callable[[int, float, dict[str, float]], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> list[float]:
        """Train ``steps`` more steps (or until ``should_stop()``); returns this call's losses.

        The training's random numbers (a Dropout's masks) come from its seed and go on where the last
        run stopped: the same settings give the same losses however the steps are split. The rest of
        the program's random numbers are left as they were.
        """
        if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
            raise ValidationError(say("steps must be a whole number from 1 to {max_steps:,}, not {steps!r}.",
                                      max_steps=MAX_STEPS, steps=steps),
                                  field="steps", valid=say("1 to {max_steps:,}", max_steps=MAX_STEPS))
        model = self.model
        flags = {id(m): m.training for m in model.modules()}
        model.train()
        self.stopped_by = ""
        device = self.task.inputs.device
        cuda = device.type == "cuda"
        index = (device.index if device.index is not None else torch.cuda.current_device()) if cuda else None
        try:
            return self._steps(steps, on_step, should_stop, index)
        finally:
            for module in model.modules():
                module.training = flags[id(module)]

    @contextlib.contextmanager
    def _own_random(self, index: int | None) -> Iterator[None]:
        """The training's own random numbers for one step: from where they stopped (or from its seed), the
        program's given back after, while no other thread uses them (a layer built meanwhile waits one step)."""
        with forked([index] if index is not None else []):
            if self._random is None:  # from the seed (this device's generator too; no other device's)
                seed = int(self.settings.get("seed", 0))  # type: ignore[call-overload]
                torch.default_generator.manual_seed(seed)
                if index is not None:
                    with torch.cuda.device(index):
                        torch.cuda.manual_seed(seed)
            else:
                torch.set_rng_state(self._random[0])
                if index is not None and self._random[1] is not None:
                    torch.cuda.set_rng_state(self._random[1], index)
            try:
                yield
            finally:
                self._random = (torch.get_rng_state(), torch.cuda.get_rng_state(index) if index is not None else None)

    def _steps(self, steps: int, on_step: Callable[[int, float, dict[str, float]], None] | None,
               should_stop: Callable[[], bool] | None, index: int | None) -> list[float]:
        model, task, optimizer = self.model, self.task, self.optimizer
        done: list[float] = []
        for _ in range(steps):
            try:
                with self._own_random(index):
                    optimizer.zero_grad(set_to_none=True)
                    loss = task.loss_of(model(task.inputs))
                    loss.backward()
                    norms = {path: _grad_norm(module) for path, module in self.layers}
                    optimizer.step()
            except (RuntimeError, ValueError, TypeError, IndexError, MemoryError) as exc:  # torch's, made plain
                where = say("Training step {step}", step=len(self.losses) + 1)
                device = next((p.device for p in model.parameters()), task.inputs.device)
                raise RunError(describe_failure(exc, where, task.inputs, device)) from None
            value = float(loss.detach())
            done.append(value)
            self.losses.append(value)
            for path, norm in norms.items():
                self.grad_norms.setdefault(path, []).append(norm)
            if on_step is not None:
                on_step(len(self.losses), value, norms)
            if not math.isfinite(value):
                self.stopped_by = (join([blow_up_text(value, len(self.losses)),
                                         say("Revert, then try a smaller learning rate.")])
                                   if len(self.losses) > 1 else blow_up_text(value, 1))
                break
            if should_stop is not None and should_stop():
                self.stopped_by = (say("Stopped after {count} steps.", count=len(self.losses))
                                   if len(self.losses) != 1 else say("Stopped after 1 step."))
                break
        return done


@dataclass
class TrainingPlan:
    """What a training takes from the design, gathered, checked and copied on the thread that owns the design (a
    copy made later, elsewhere, could be of a design edited meanwhile and undone, which Keep could not tell);
    :meth:`build` makes the :class:`Trainer` from the copy on any thread (the teacher, the task's data).
    """

    model: nn.Module
    """The copy to train."""
    originals: dict[int, nn.Module]
    """id(copied module) -> the design's module it was copied from."""
    task: str
    optimizer: str
    lr: float
    seed: int
    shape: tuple[int, ...]
    """The shape of one batch of inputs (the task's data set has :func:`task_samples` of them)."""
    dtype: str
    high: int | None
    """The token ids' vocabulary for designs that take them."""
    output: tuple[int, ...] | None
    find_output: bool
    """Whether the output's shape is to be found by running two samples (the design's own works it out only for
    its own batch, which has an error of its own, such as BatchNorm's batch of one)."""
    device: torch.device
    layers: list[tuple[str, nn.Module]]
    """(path of first use, the design's module) of every layer, for the gradient norms of those that train."""
    signature: tuple
    generation: int
    stamp: tuple

    def build(self) -> Trainer:
        """The trainer: the copy, the task made from the seed, and what makes the optimizer."""
        clone, originals = self.model, self.originals
        output = self.output
        if self.find_output:
            output = output_shape_of(clone, self.shape, self.dtype, self.high, self.device)
        made = make_task(clone, self.task, self.shape, self.dtype, self.high, output, self.seed, self.device)
        copies = {id(originals[id(c)]): c for c in clone.modules() if id(c) in originals}
        layers = [(path, copies[id(module)]) for path, module in self.layers
                  if id(module) in copies and any(p.requires_grad for p in copies[id(module)].parameters())]
        trainable = [p for p in clone.parameters() if p.requires_grad]
        return Trainer(clone, originals, layers, made, make_optimizer(self.optimizer, trainable, self.lr),
                       settings={"task": self.task, "optimizer": self.optimizer, "lr": self.lr, "seed": self.seed},
                       signature=self.signature, generation=self.generation, stamp=self.stamp,
                       checksums=checksums(clone.parameters()))  # (untrained yet: the design's values then)


def stopped_before_training() -> str:
    """What a training stopped while it was being made (its teacher, its data) says."""
    return say("Stopped before the first step: nothing was trained.")


def blow_up_text(value: float, step: int) -> str:
    """Why a loss of ``value`` (NaN or infinite) at ``step`` ended a training, in words: from the first step, before
    any update, the design or the data make it, not the learning rate."""
    if step == 1:
        return say("The loss is {value} from the first step, before any weight was updated: the design's output is "
                   "already NaN or infinite on this task's data (a log or sqrt of negative values, a division by "
                   "zero?). Run forward to see the first block where it appears.", value=value)
    return say("The loss became {value} at step {step}: the weights blew up.", value=value, step=step)


def _grad_norm(module: nn.Module) -> float:
    grads = [p.grad for p in module.parameters() if p.grad is not None]
    if not grads:
        return 0.0
    return float(torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads])))


def output_shape_of(model: nn.Module, input_shape: tuple[int, ...], dtype: str, high: int | None,
                    device: torch.device) -> tuple[int, ...] | None:
    """The shape ``model`` gives for two samples of ``input_shape`` (run in eval mode, so no buffer moves), with the
    first size ``input_shape``'s; None when it cannot run them (the task's own checks then say why)."""
    flags = {id(m): m.training for m in model.modules()}
    model.eval()
    try:
        with torch.no_grad():
            out = model(make_input((2, *input_shape[1:]), "zeros", 0, dtype, high, device))
    except (RuntimeError, ValueError, TypeError, IndexError, MemoryError):
        return None
    finally:
        for module in model.modules():
            module.training = flags[id(module)]
    return (input_shape[0], *out.shape[1:]) if isinstance(out, torch.Tensor) else None


def task_samples(input_shape: tuple[int, ...]) -> int:
    """How many samples a task's data set has for inputs of ``input_shape``: 256, fewer for large samples (at most
    ``MAX_DATA_ELEMENTS`` values in all), at least 8."""
    per_sample = 1
    for size in input_shape[1:]:
        per_sample *= int(size)
    return max(8, min(256, MAX_DATA_ELEMENTS // max(per_sample, 1)))


def make_task(model: nn.Module, name: str, input_shape: tuple[int, ...], dtype: str, high: int | None,
              output_shape: tuple[int, ...] | None, seed: int, device: torch.device) -> Task:
    """The synthetic task ``name`` for this design, its data made from ``seed`` on ``device``."""
    if name not in TASKS:
        raise ValidationError(say("Unknown task {name!r}; use one of {tasks}.",
                                  name=name, tasks=", ".join(TASKS)), field="task",
                              valid=", ".join(TASKS))
    count = task_samples(input_shape)
    shape = (count, *input_shape[1:])
    if name == "teacher":
        teacher = _teacher(model, int(seed))
        inputs = make_input(shape, "randn", seed, dtype, high, device)
        try:
            with torch.no_grad():
                targets = teacher(inputs)
        except (RuntimeError, ValueError, TypeError, IndexError, MemoryError) as exc:  # torch's, made plain
            raise RunError(describe_failure(exc, say("The teacher network (a copy of the design)"), inputs,
                                            inputs.device)) from None
        if not targets.is_floating_point():
            raise RunError(say("The teacher task needs a design whose output is floats."))
        return Task("teacher", inputs, targets.detach(), "mse")
    check_clusters(input_shape, dtype, output_shape)
    assert output_shape is not None
    classes, features = int(output_shape[1]), int(input_shape[1])
    rng = torch.Generator().manual_seed(int(seed))
    centers = torch.randn(classes, features, generator=rng) * 2.5
    labels = torch.arange(count) % classes
    points = centers[labels] + 0.6 * torch.randn(count, features, generator=rng)
    return Task("clusters", points.to(device), labels.to(device), "cross_entropy")


def check_clusters(input_shape: tuple[int, ...], dtype: str, output_shape: tuple[int, ...] | None) -> None:
    """Why the clusters task does not fit a design taking ``input_shape`` (of ``dtype``) and giving ``output_shape``
    (a :class:`RunError`), if it does not."""
    if dtype != "float" or len(input_shape) != 2:
        raise RunError(say("The clusters task needs a design that takes points of shape (batch, features); this one "
                           "takes {shape}. Use the teacher task.", shape=fmt(input_shape)))
    if output_shape is None or len(output_shape) != 2 or output_shape[1] < 2:
        got = fmt(output_shape) if output_shape is not None else say("an unknown shape")
        raise RunError(say("The clusters task needs class scores of shape (batch, classes) with 2 classes or more; "
                           "this design gives {got}. End it with Linear(…, classes), or use the teacher task.",
                           got=got))


def _teacher(model: nn.Module, seed: int) -> nn.Module:
    """A copy of ``model`` with fresh random values drawn from ``seed + 1`` (again from other seeds while they
    give the model's own values: a project whose seed is that one would otherwise train towards itself)."""
    teacher = copy.deepcopy(model)
    for attempt in range(1, 4):
        with forked():
            torch.manual_seed((seed + attempt) % 2**63)
            for module in teacher.modules():
                reset = getattr(module, "reset_parameters", None)
                if callable(reset):
                    reset()
        if not all(torch.equal(a, b) for a, b in zip(teacher.parameters(), model.parameters(), strict=True)):
            break
    else:
        if any(True for _ in model.parameters()):
            raise RunError(say("The teacher task regresses a second network of this design with fresh random values, "
                               "but its layers draw none (they have no reset_parameters(), or it sets fixed values, "
                               "such as LayerNorm's ones and zeros), so the teacher would be the design itself. Use "
                               "the clusters task."))
    teacher.eval()
    return teacher


def make_optimizer(name: str, parameters: list[nn.Parameter], lr: float) -> Callable[[], torch.optim.Optimizer]:
    """What makes optimizer ``name`` over ``parameters`` with learning rate ``lr``, once the settings are checked
    (a wrong one is said now; the optimizer itself is made later, see :attr:`Trainer.make_optimizer`)."""
    if name not in OPTIMIZERS:
        raise ValidationError(say("Unknown optimizer {name!r}; use one of {optimizers}.",
                                  name=name, optimizers=", ".join(OPTIMIZERS)),
                              field="optimizer", valid=", ".join(OPTIMIZERS))
    if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or not 0 < lr <= 10:
        raise ValidationError(say("The learning rate must be a number above 0 and at most 10, not {lr!r}.", lr=lr),
                              field="lr", valid="0 < lr ≤ 10")
    if not parameters:
        raise RunError(say("This design has no trainable parameters, so there is nothing to train."))
    kind = torch.optim.Adam if name == "adam" else torch.optim.SGD
    return functools.partial(kind, parameters, lr=float(lr))


def copy_for_training(model: nn.Module) -> tuple[nn.Module, dict[int, nn.Module]]:
    """A deep copy of ``model`` (ties kept) and id(copied module) -> original module."""
    memo: dict[int, object] = {}
    clone = copy.deepcopy(model, memo)
    originals = {id(memo[id(m)]): m for m in model.modules() if id(m) in memo}
    return clone, originals
