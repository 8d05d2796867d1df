"""Running the design from the Project: ``p.run(...)``, ``p.train_steps(...)`` and the memory a device needs.

``run`` feeds one batch through the live model (optionally with a backward
pass, leaving autograd's gradients in ``.grad``); ``train_steps`` trains a
copy on a synthetic task and keeps the trained values as one undoable edit.
Both respect the memory the device has: they are refused, with both numbers,
before anything is allocated when the estimate does not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.design.seeding import checksums
from editor.model.design.tree import Block, Node, paths, walk
from editor.model.errors import RunError, ValidationError
from editor.model.randomness import RANDOM
from editor.model.run.devices import activation_bytes, check_fits, tensors_bytes
from editor.model.run.forward import LOSSES, RunResult, Step, plan_of, run_design, where_of
from editor.model.run.inputs import check_loaded_input, check_seed, make_input
from editor.model.run.training import (
    TASKS,
    Trainer,
    TrainingPlan,
    blow_up_text,
    check_clusters,
    copy_for_training,
    make_optimizer,
    task_samples,
)
from editor.model.words import join, say

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object

MAX_BATCH = 100_000


@dataclass
class PreparedRun:
    """A run with everything it needs from the design, ready to execute (on any thread)."""

    plan: list[Step]
    model: nn.Module
    x: torch.Tensor
    device: torch.device
    backward: str | None
    seed: int
    train: bool
    notes: list[str]
    modules: list[nn.Module] = field(default_factory=list)
    """The model's modules as the run was prepared: the ones it switches to train or eval and back."""
    parameters: list[tuple[str, nn.Parameter]] = field(default_factory=list)
    """The model's named parameters as the run was prepared (their ``.grad`` is what a backward sets)."""
    signature: tuple = ()
    """The design's :meth:`RunningMixin.run_signature` as the run was prepared (a result is stale once it differs)."""
    generation: int = 0
    """The design's ``weights_generation`` as the run was prepared (its weights changed once that differs)."""
    current_generation: Callable[[], int] | None = None
    """The design's ``weights_generation`` now: a failed run gives its buffers back only while it is still
    :attr:`generation` (a Reset from seed meanwhile set values that must stay)."""

    def execute(self, should_stop: Callable[[], bool] | None = None) -> RunResult:
        """Run it: ``model.train()`` or ``model.eval()`` for the run, the modules' own modes restored after.

        The design may change while this runs on a worker thread: the run keeps to the modules and
        parameters it was prepared with. ``should_stop()`` is asked before each block (Stop).
        """
        modules = self.modules or list(self.model.modules())
        flags = [module.training for module in modules]
        for module in modules:
            module.training = self.train
        # In training mode a forward moves BatchNorm's running statistics: a run that fails gives them back.
        kept = [(buffer, buffer.detach().clone()) for buffer in self.model.buffers()] if self.train else []
        try:
            with RANDOM:  # (a Dropout draws torch's global numbers: a layer built from the seed meanwhile waits)
                result = run_design(self.plan, self.model, self.x, self.device, self.backward, self.seed,
                                    self.parameters or None, should_stop)
        except torch.cuda.OutOfMemoryError:
            self._give_back(kept)
            raise RunError(say("Out of memory on {device}: use a smaller batch or design, or another device.",
                               device=self.device)) \
                from None
        except BaseException:
            self._give_back(kept)
            raise
        finally:
            for module, flag in zip(modules, flags, strict=True):
                module.training = flag
        result.notes.extend(self.notes)
        moved = _moved_buffers(self.plan, kept)
        if moved:
            result.notes.append(say("In training mode, {blocks} updated its running statistics (running_mean, "
                                    "running_var), as model(x) does after model.train(); in eval mode a run uses them "
                                    "and leaves them as they are. Reset from seed brings back the seed's values.",
                                    blocks=moved[0]) if len(moved) == 1 else
                                say("In training mode, {blocks} updated their running statistics (running_mean, "
                                    "running_var), as model(x) does after model.train(); in eval mode a run uses them "
                                    "and leaves them as they are. Reset from seed brings back the seed's values.",
                                    blocks=join(moved, ", ")))
        return result

    def _give_back(self, kept: list[tuple[torch.Tensor, torch.Tensor]]) -> None:
        """Write each buffer's value from before a failed run back into it (in place: the model keeps its tensors),
        unless the design's weights changed meanwhile (those values are the design's now)."""
        if self.current_generation is not None and self.current_generation() != self.generation:
            return
        with torch.no_grad():
            for buffer, value in kept:
                buffer.copy_(value)


def _moved_buffers(plan: list[Step], kept: list[tuple[torch.Tensor, torch.Tensor]]) -> list[str]:
    """The blocks whose buffers a run changed ("Block 1 (BatchNorm1d)"; ``kept``: each buffer with its value before),
    once each."""
    if not kept:
        return []
    before = {id(buffer): value for buffer, value in kept}
    moved: list[str] = []
    seen: set[str] = set()
    for step in plan:
        if step.path not in seen and any(
                id(b) in before and not torch.equal(b, before[id(b)]) for b in step.module.buffers()):
            seen.add(step.path)
            moved.append(where_of(step))
    return moved


class RunningMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: forward, backward and training runs."""

    def run_input_shape(self, batch: int = 2) -> tuple[int, ...]:
        """The shape of a batch of ``batch`` inputs: ``(batch, *input_shape[1:])``."""
        if isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= MAX_BATCH:
            raise ValidationError(say("The batch size must be a whole number from 1 to {max_batch:,}, not {batch!r}.",
                                      max_batch=MAX_BATCH, batch=batch),
                                  field="batch", valid=say("1 to {max_batch:,}", max_batch=MAX_BATCH))
        shape = self.input_shape  # type: ignore[attr-defined]
        if not self._root.children:
            raise RunError(say("The design is empty: add a layer first."))
        if shape is None:
            raise RunError(say("The design's input shape is not known: set one in the toolbar (e.g. 2, 20)."))
        return (batch, *shape[1:])

    def make_run_input(self, batch: int = 2, generator: str = "randn", seed: int = 0) -> torch.Tensor:
        """The batch ``p.run`` would feed: ``generator`` (randn, rand, zeros, ones, arange) from ``seed``."""
        shape = self.run_input_shape(batch)
        dtype = self.input_dtype  # type: ignore[attr-defined]
        return make_input(shape, generator, seed, dtype, self._token_count(), self._device)

    def memory_needed(self, batch: int | None = None, values: int | None = None) -> int:
        """Bytes the design needs on a device: parameters and buffers (shared once) plus one forward pass.

        The activations are the blocks' output shapes as worked out for the input shape (blocks after a shape
        error are not counted: a run stops there), scaled to ``batch`` when one is given, or to an input of
        ``values`` values (one of another size than the design's, such as a larger image: outputs grow with it).
        """
        shape = self.input_shape  # type: ignore[attr-defined]
        scale = batch / shape[0] if batch is not None and shape else 1.0
        if values is not None and shape:
            design_values = 1
            for size in shape:
                design_values *= int(size)
            scale = max(scale, values / max(design_values, 1))
        outputs = []
        for block in self._blocks():
            spec = block.out_spec
            if spec is not None and getattr(spec, "shape", None):
                outputs.append(tuple(spec.shape))
        return tensors_bytes(self.model) + round(activation_bytes(outputs) * scale)  # type: ignore[attr-defined]

    def run(self, x: torch.Tensor | None = None, batch: int = 2, generator: str = "randn", seed: int = 0,
            backward: str | None = None, train: bool = False) -> RunResult:
        """Feed a batch through the model: the output, every block's statistics and the time taken.

        Without ``x`` a batch of ``batch`` is made by ``generator`` from
        ``seed`` on the model's device (``x`` given is used as it is: on
        another device it is refused, as torch would). ``train`` runs in
        ``model.train()`` mode (Dropout drops, BatchNorm uses and updates its
        batch statistics), else ``model.eval()``; the model's own mode is
        restored afterwards. With ``backward`` ("sum", "mse" or
        "cross_entropy" against random labels from ``seed``) the parameters'
        ``.grad`` hold autograd's gradients of that loss afterwards.
        """
        prepared = self.prepare_run(x, batch, generator, seed, backward, train)
        result = prepared.execute()
        self.finish_run(prepared)
        return result

    def prepare_run(self, x: torch.Tensor | None = None, batch: int = 2, generator: str = "randn", seed: int = 0,
                    backward: str | None = None, train: bool = False) -> PreparedRun:
        """Everything :meth:`run` reads of the design, taken now: ``execute()`` may then run on a worker thread."""
        self._follow_direct_edits()  # type: ignore[attr-defined]
        self._settle_open_transaction()
        self.check_allocated(say("Running a batch"))  # type: ignore[attr-defined]
        check_seed(seed)
        x = self.make_run_input(batch, generator, seed) if x is None else check_loaded_input(x, from_file=False)
        if not self._root.children:
            raise RunError(say("The design is empty: add a layer first."))
        needed = self.memory_needed(batch=int(x.shape[0]), values=x.numel()) if self.input_shape else 0  # type: ignore[attr-defined]
        if backward is not None:  # the graph keeps the activations, and each parameter gets a gradient
            needed *= 2
        check_fits(self._device, needed, "run" if backward is None else "backward")
        if backward is not None and backward not in LOSSES:
            raise ValidationError(say("Unknown loss {backward!r}; use one of {losses}.",
                                      backward=backward, losses=", ".join(LOSSES)), field="backward",
                                  valid=", ".join(LOSSES))
        table = paths(self._root)
        notes = self._shared_gradient_notes(table) if backward is not None else []
        plan = plan_of(self._root, table)
        model = self.model  # type: ignore[attr-defined]
        return PreparedRun(plan, model, x, self._device, backward, seed, bool(train), notes,
                           list(model.modules()), list(model.named_parameters()), self._signature_of(plan),
                           self.weights_generation, lambda: self.weights_generation)  # type: ignore[attr-defined]

    def _settle_open_transaction(self) -> None:
        """Inside ``with p.transaction(...)``: work out now what its edits left pending ("auto" sizes), as its
        end would, so that a run or a training inside it sees the design as it reads (an undo still takes the
        whole transaction back)."""
        if self._tx is not None:  # type: ignore[attr-defined]
            self._settle()  # type: ignore[attr-defined]

    def run_signature(self) -> tuple:
        """What a run's or a training's result depends on: each block's path and module, in order, and the device.

        Equal signatures mean the same modules in the same places; a result made under another one is
        stale (a block was inserted, removed, moved or rebuilt since).
        """
        return self._signature_of(plan_of(self._root, paths(self._root)))

    def weights_stamp(self, buffers: bool = False) -> tuple:
        """Which parameter tensors (and, with ``buffers``, buffers) the model holds and how often each was written
        in place since it was made.

        torch counts every in-place write to a tensor (its version counter: an init, ``load_state_dict``, an
        optimizer step); a tensor replaced is another tensor. Cheap enough for every edit, but a write
        through ``.data`` escapes the counter: :meth:`keep_trained` also compares checksums. Buffers are
        left out unless asked for: a forward in training mode moves BatchNorm's running statistics (a
        training keeps parameters; a run's outputs depend on the buffers too).
        """
        model = self.model  # type: ignore[attr-defined]
        tensors = [*model.parameters(), *model.buffers()] if buffers else model.parameters()
        return tuple((id(t), t._version) for t in tensors)  # noqa: SLF001

    def _signature_of(self, plan: list[Step]) -> tuple:
        return (str(self._device), *((step.path, id(step.module)) for step in plan))

    def finish_run(self, prepared: PreparedRun) -> None:
        """After a run in training mode, BatchNorm's running statistics have moved: the weights changed."""
        if prepared.train and any(True for _ in self.model.buffers()):  # type: ignore[attr-defined]
            self.mark_weights_changed()  # type: ignore[attr-defined]

    def _shared_gradient_notes(self, table: dict[Node, str]) -> list[str]:
        notes = []
        for layer in self._layers.values():
            if len(layer.blocks) > 1 and any(True for _ in layer.module.parameters()):
                places = sorted(table[b] for b in layer.blocks if b in table)
                notes.append(say("Blocks {paths} share one {kind}: its .grad is the sum of the gradients from all "
                                 "{count} places.", paths=", ".join(places), kind=layer.kind.name, count=len(places)))
        return notes

    def make_trainer(self, task: str = "teacher", optimizer: str = "adam", lr: float = 1e-3, seed: int = 0,
                     batch: int | None = None) -> Trainer:
        """A :class:`Trainer` over a copy of the model (the design itself is untouched until :meth:`keep_trained`)."""
        return self.prepare_training(task, optimizer, lr, seed, batch).build()

    def prepare_training(self, task: str = "teacher", optimizer: str = "adam", lr: float = 1e-3, seed: int = 0,
                         batch: int | None = None) -> TrainingPlan:
        """Everything :meth:`make_trainer` takes from the design, checked; its ``build()`` makes the trainer on any
        thread (the Run tab's training copies the model there, not on the GUI thread)."""
        self._follow_direct_edits()  # type: ignore[attr-defined]
        self._settle_open_transaction()
        self.check_allocated(say("Training"))  # type: ignore[attr-defined]
        check_seed(seed)
        if task not in TASKS:
            raise ValidationError(say("Unknown task {name!r}; use one of {tasks}.", name=task, tasks=", ".join(TASKS)),
                                  field="task", valid=", ".join(TASKS))
        make_optimizer(optimizer, [p for p in self.model.parameters() if p.requires_grad], lr)  # type: ignore[attr-defined]
        shape = self.run_input_shape(batch or (self.input_shape or (2,))[0])  # type: ignore[attr-defined]
        table = paths(self._root)
        batch_only = {table[node] for node in walk(self._root) if isinstance(node, Block) and node.error is not None
                      and node.error.fix is not None and node.error.fix.steps
                      and all(step.op == "set_batch_size" for step in node.error.fix.steps)}
        broken = next((step for step in plan_of(self._root, table) if step.shape_error and step.path not in batch_only),
                      None)
        if broken is not None:  # a training runs the whole design (the teacher too; its data are 8 to 256 samples,
            # so an error about the design's own batch alone, such as BatchNorm's batch of one, does not stop it)
            raise RunError(say("{where}: {problem} Fix this before training: every step runs the whole design.",
                               where=where_of(broken), problem=broken.shape_error), path=broken.path)
        check_fits(self._device, self._training_memory(task, optimizer, shape), "train")
        output = self.output_shape  # type: ignore[attr-defined]
        find_output = output is None and bool(batch_only) and task == "clusters"
        if task == "clusters" and not find_output:  # said now (else once the copy has run two samples)
            check_clusters(shape, self.input_dtype, output)  # type: ignore[attr-defined]
        layers = sorted(((min(table[b] for b in layer.blocks), layer.module) for layer in self._layers.values()),
                        key=lambda item: [int(i) for i in item[0].split(".")])
        clone, originals = copy_for_training(self.model)  # type: ignore[attr-defined]
        return TrainingPlan(clone, originals, task, optimizer, lr, seed, shape, self.input_dtype,  # type: ignore[attr-defined]
                            self._token_count(), output,
                            find_output=find_output,
                            device=self._device, layers=layers, signature=self.run_signature(),
                            generation=self.weights_generation, stamp=self.weights_stamp())  # type: ignore[attr-defined]

    def _training_memory(self, task: str, optimizer: str, shape: tuple[int, ...]) -> int:
        """Bytes a training needs: the copy trained, its gradients and the optimizer's state (Adam keeps two values
        per parameter), the teacher's copy, and the forward and backward passes of a batch of the task's data."""
        tensors = tensors_bytes(self.model)  # type: ignore[attr-defined]
        copies = 2 + (1 if task == "teacher" else 0) + (2 if optimizer == "adam" else 0)  # copy, grads, teacher, state
        passes = self.memory_needed(batch=task_samples(shape)) - tensors  # the task's data set, every step
        return copies * tensors + 2 * max(passes, 0)

    def keep_trained(self, trainer: Trainer, name: str | None = None) -> None:
        """Take the trainer's values into the design as one undoable edit ("Train 200 steps"); each parameter's
        ``.grad`` then holds the last step's gradient, as after a plain training loop (gradients are not part of
        an undo).

        Refused when the design changed since the trainer was made (a block inserted, removed, moved
        or rebuilt): the trained values belong to a network that is no longer the design; and when its
        weights changed since (:meth:`weights_stamp`): keeping would overwrite that change.
        """
        self._follow_direct_edits()  # type: ignore[attr-defined]
        if trainer.signature and trainer.signature != self.run_signature():
            raise RunError(say("The design changed since this training started, so its weights no longer fit it. "
                               "Train again to train the design as it is now."))
        if (trainer.stamp and trainer.stamp != self.weights_stamp()) or (
                trainer.checksums and trainer.checksums != checksums(self.model.parameters())):  # type: ignore[attr-defined]
            raise RunError(say("The weights changed since this training started (an init, a reset from the seed, an "
                               "undo or a load), and keeping the trained ones would overwrite that change. Train "
                               "again from the weights as they are now."))
        changed = []
        for copied in trainer.model.modules():
            original = trainer.originals.get(id(copied))
            layer = self._layers.get(id(original)) if original is not None else None
            if layer is None:
                continue
            state = copied.state_dict()
            mine = layer.module.state_dict()
            if state.keys() != mine.keys() or any(state[k].shape != mine[k].shape for k in state):
                raise RunError(say("The design changed while training ({kind} at block {path} is not the one "
                                   "trained): train again.", kind=layer.kind.name, path=layer.blocks[0].path()))
            changed.append((layer, state, copied))
        count = len(trainer.losses)
        with self._operation(name or (f"Train {count} steps" if count != 1 else "Train 1 step")):
            for layer, state, _ in changed:
                self._load_values(layer, {k: v.detach().clone() for k, v in state.items()})
            self._set_seed_status(False)
        for layer, _, copied in changed:  # as a plain training loop leaves them: the last step's gradients
            for mine, trained in zip(layer.module.parameters(), copied.parameters(), strict=True):
                mine.grad = None if trained.grad is None else trained.grad.detach().clone()

    def train_steps(self, steps: int, task: str = "teacher", optimizer: str = "adam", lr: float = 1e-3,
                    seed: int = 0) -> list[float]:
        """Train ``steps`` steps on a synthetic task; the trained weights are one undoable edit. Returns the losses.

        ``task``: "teacher" (regress a fixed random network of the same design) or
        "clusters" (classify separable clusters); ``optimizer``: "adam" or "sgd". A loss that
        becomes NaN or infinite raises :class:`RunError` and leaves the weights as they were.
        """
        trainer = self.make_trainer(task, optimizer, lr, seed)
        losses = trainer.run(steps)
        if trainer.blew_up:  # NaN or infinite weights are nothing to keep (the Run tab's Keep is off then too)
            if len(trainer.losses) == 1:
                raise RunError(blow_up_text(losses[-1], 1))
            raise RunError(say("The loss became {value} at step {step}: the weights blew up, so the design keeps "
                               "the weights it had. Try a smaller learning rate (lr).", value=losses[-1],
                               step=len(losses)))
        self.keep_trained(trainer)
        return losses

    def _token_count(self) -> int | None:
        """The size of the first Embedding's vocabulary, for designs that take token ids."""
        for node in walk(self._root):
            if isinstance(node, Block):
                return node.layer.params.get("num_embeddings")
        return None

