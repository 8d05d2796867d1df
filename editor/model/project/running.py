"""Running the design from the Project: ``p.run(...)``, ``p.train_steps(...)`` and the memory a device needs.

``run`` feeds one batch through the live model (optionally with a backward
pass, leaving autograd's gradients in ``.grad``); ``train_steps`` trains a
copy on a synthetic task and keeps the trained values as one undoable edit.
Both respect the memory the device has: they are refused, with both numbers,
before anything is allocated when the estimate does not fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from editor.model.design.tree import Block, Node, paths, walk
from editor.model.errors import RunError, ValidationError
from editor.model.run.devices import check_fits, memory_needed
from editor.model.run.forward import RunResult, run_design
from editor.model.run.inputs import check_loaded_input, make_input
from editor.model.run.training import Trainer, copy_for_training, make_optimizer, make_task

if TYPE_CHECKING:
    from editor.model.design.core import DesignCore

    _Base = DesignCore
else:
    _Base = object

MAX_BATCH = 100_000


class RunningMixin(_Base):
    """Part of :class:`~editor.model.project.project.Project`: forward, backward and training runs."""

    def run_input_shape(self, batch: int = 2) -> tuple[int, ...]:
        """The shape of a batch of ``batch`` inputs: ``(batch, *input_shape[1:])``."""
        if isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= MAX_BATCH:
            raise ValidationError(f"The batch size must be a whole number from 1 to {MAX_BATCH:,}, not {batch!r}.",
                                  field="batch", valid=f"1 to {MAX_BATCH:,}")
        shape = self.input_shape  # type: ignore[attr-defined]
        if not self._root.children:
            raise RunError("The design is empty: add a layer first.")
        if shape is None:
            raise RunError("The design's input shape is not known: set one in the toolbar (e.g. 2, 20).")
        return (batch, *shape[1:])

    def make_run_input(self, batch: int = 2, generator: str = "randn", seed: int = 0) -> torch.Tensor:
        """The batch ``p.run`` would feed: ``generator`` (randn, rand, zeros, ones, arange) from ``seed``."""
        shape = self.run_input_shape(batch)
        dtype = self.input_dtype  # type: ignore[attr-defined]
        return make_input(shape, generator, seed, dtype, self._token_count(), self._device)

    def memory_needed(self, device: str | torch.device | None = None, batch: int | None = None) -> int:
        """Bytes the design needs on a device: parameters and buffers (shared once) plus one forward pass."""
        shape = self.input_shape  # type: ignore[attr-defined]
        if batch is not None and shape is not None:
            shape = (batch, *shape[1:])
        outputs = self.infer_shapes(shape) if shape is not None and self._root.children else {}  # type: ignore[attr-defined]
        blocks = paths(self._root)
        leaf_paths = {p for node, p in blocks.items() if isinstance(node, Block)}
        return memory_needed(self.model, [s for p, s in outputs.items() if p in leaf_paths and s is not None])  # type: ignore[attr-defined]

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
        self._follow_direct_edits()  # type: ignore[attr-defined]
        x = self.make_run_input(batch, generator, seed) if x is None else check_loaded_input(x)
        if not self._root.children:
            raise RunError("The design is empty: add a layer first.")
        check_fits(self._device, self.memory_needed(batch=int(x.shape[0])) if self.input_shape else 0)  # type: ignore[attr-defined]
        model = self.model  # type: ignore[attr-defined]
        flags = {id(m): m.training for m in model.modules()}
        model.train(bool(train))
        try:
            table = paths(self._root)
            result = run_design(self._root, model, x, table, self._device, backward, seed)
        except torch.cuda.OutOfMemoryError:
            raise RunError(f"Out of memory on {self._device}: use a smaller batch or design, or another device.") \
                from None
        finally:
            for module in model.modules():
                module.training = flags[id(module)]
        if train:
            self.mark_weights_changed()  # type: ignore[attr-defined]  # BatchNorm's running statistics moved
        if backward is not None:
            result.notes.extend(self._shared_gradient_notes(table))
        return result

    def _shared_gradient_notes(self, table: dict[Node, str]) -> list[str]:
        notes = []
        for layer in self._layers.values():
            if len(layer.blocks) > 1 and any(True for _ in layer.module.parameters()):
                places = sorted(table[b] for b in layer.blocks if b in table)
                notes.append(f"Blocks {', '.join(places)} share one {layer.kind.name}: its .grad is the sum of the "
                             f"gradients from all {len(places)} places.")
        return notes

    def make_trainer(self, task: str = "teacher", optimizer: str = "adam", lr: float = 1e-3, seed: int = 0,
                     batch: int | None = None) -> Trainer:
        """A :class:`Trainer` over a copy of the model (the design itself is untouched until :meth:`keep_trained`)."""
        self._follow_direct_edits()  # type: ignore[attr-defined]
        shape = self.run_input_shape(batch or (self.input_shape or (2,))[0])  # type: ignore[attr-defined]
        check_fits(self._device, 2 * self.memory_needed(batch=max(shape[0], 256)))
        clone, originals = copy_for_training(self.model)  # type: ignore[attr-defined]
        output = self.output_shape  # type: ignore[attr-defined]
        made = make_task(clone, task, shape, self.input_dtype, self._token_count(), output, seed,  # type: ignore[attr-defined]
                         self._device)
        copies = {id(originals[id(c)]): c for c in clone.modules() if id(c) in originals}
        table = paths(self._root)
        layers = []
        for layer in self._layers.values():
            copied = copies.get(id(layer.module))
            if copied is not None and any(p.requires_grad for p in copied.parameters()):
                layers.append((min(table[b] for b in layer.blocks), copied))
        layers.sort(key=lambda item: [int(i) for i in item[0].split(".")])
        trainable = [p for p in clone.parameters() if p.requires_grad]
        return Trainer(clone, originals, layers, made, make_optimizer(optimizer, trainable, lr))

    def keep_trained(self, trainer: Trainer, name: str | None = None) -> None:
        """Take the trainer's values into the design as one undoable edit ("Train 200 steps")."""
        changed = []
        for copied in trainer.model.modules():
            original = trainer.originals.get(id(copied))
            layer = self._layers.get(id(original)) if original is not None else None
            if layer is None:
                continue
            state = copied.state_dict()
            mine = layer.module.state_dict()
            if state.keys() != mine.keys() or any(state[k].shape != mine[k].shape for k in state):
                raise RunError(f"The design changed while training ({layer.kind.name} at block "
                               f"{layer.blocks[0].path()} is not the one trained): train again.")
            changed.append((layer, state))
        with self._operation(name or f"Train {len(trainer.losses)} steps"):
            for layer, state in changed:
                self._load_values(layer, {k: v.detach().clone() for k, v in state.items()})
            self._set_seed_status(False)

    def train_steps(self, steps: int, task: str = "teacher", optimizer: str = "adam", lr: float = 1e-3,
                    seed: int = 0) -> list[float]:
        """Train ``steps`` steps on a synthetic task; the trained weights are one undoable edit. Returns the losses.

        ``task``: "teacher" (regress a fixed random network of the same design) or
        "clusters" (classify separable clusters); ``optimizer``: "adam" or "sgd".
        """
        trainer = self.make_trainer(task, optimizer, lr, seed)
        losses = trainer.run(steps)
        self.keep_trained(trainer)
        return losses

    def _token_count(self) -> int | None:
        """The size of the first Embedding's vocabulary, for designs that take token ids."""
        for node in walk(self._root):
            if isinstance(node, Block):
                return node.layer.params.get("num_embeddings")
        return None

