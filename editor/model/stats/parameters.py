"""Every parameter and buffer of a model, grouped by block: what the parameter table shows (pure, no Qt).

A :class:`ParameterListing` reads a Project's live model, or any
``nn.Module``, and answers the questions a learner asks about it:

* which parameters each block has, named exactly as
  ``model.named_parameters(remove_duplicate=False)`` names them, so a shared
  module lists its tensors under every place that uses it, each row saying
  which other names reach the same tensor (:meth:`ParameterListing.sections`);
* which buffers there are (BatchNorm's running statistics), and which of them
  are persistent, that is saved in the ``state_dict`` (:meth:`buffer_rows`);
* exactly the keys of ``model.state_dict()`` (:meth:`state_dict_rows`);
* totals that count a shared tensor once, like ``model.parameters()`` does
  (:meth:`totals`);
* the plain tensor attributes of custom layers (a tensor declared without
  "register as Parameter"), which neither ``parameters()`` nor
  ``state_dict()`` sees, flagged so a view can warn (:meth:`plain_rows`).

Sections and their rows are produced lazily, block by block, so a view of a
design with ten thousand tensors only pays for the rows it shows. Statistics
are computed separately, one tensor at a time, on the tensor's own device
(:func:`tensor_stats`), so a UI can run them in a worker.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import torch
from torch import nn

from editor.model.custom.modules import plain_tensors
from editor.model.design.torch_dicts import is_persistent_buffer, own_buffers, own_parameters, slots
from editor.model.design.tree import Block, Group, Node
from editor.model.stats.shared_names import Places

if TYPE_CHECKING:
    from editor.model.design.view import DesignView

STATE_DICT_EXPLANATION = (
    "model.state_dict() is what torch.save stores: one entry per parameter and per persistent buffer, under "
    "every name that reaches it. It differs from model.parameters() in two ways. Buffers (like BatchNorm's "
    "running_mean) are in the state_dict but are not parameters, so an optimizer never trains them. And a "
    "module used in two places (shared weights) has its tensors in the state_dict once per place, but only "
    "once in parameters()."
)
"""Why the state_dict view lists other rows than the parameter view."""

BUFFERS_EXPLANATION = (
    "Buffers are tensors a layer keeps next to its parameters, such as BatchNorm's running_mean, running_var "
    "and num_batches_tracked. They change during training (a forward pass in train mode updates them) but no "
    "optimizer touches them: they are not parameters. Persistent buffers are saved in the state_dict and "
    "restored by load_state_dict; a non-persistent buffer (register_buffer(..., persistent=False)) is not saved."
)
"""What buffers are, for the buffers section of the table."""

PLAIN_EXPLANATION = (
    "This tensor is a plain attribute (self.weight = torch.randn(...)), not an nn.Parameter: model.parameters() "
    "and model.state_dict() do not see it, so an optimizer never trains it, torch.save(model.state_dict()) does "
    "not save it, and model.to(device) does not move it. Wrap it in nn.Parameter (turn on \"register as "
    "Parameter\") to make it a real parameter."
)
"""Why a custom layer's plain tensor is not a parameter, for the warning next to its row."""


@dataclass(frozen=True, eq=False)
class TensorRow:
    """One named tensor: a parameter (or a buffer) under one of the names that reach it.

    Shape, dtype, device and ``requires_grad`` are read from the live tensor
    each time, so a row never goes stale when values or devices change.
    """

    name: str
    """The full name, as ``model.named_parameters(remove_duplicate=False)`` (or ``state_dict()``) gives it."""
    local: str
    """The name inside its block's module: ``"weight"``, ``"self_attn.out_proj.bias"``."""
    path: str
    """The block path (``"1.0"``); for a plain module, the name of the submodule that holds the tensor."""
    title: str
    """The block's kind and label: ``"Linear"``, ``"Linear · head"``."""
    tensor: torch.Tensor
    buffer: bool = False
    persistent: bool = True
    """Buffers only: whether ``state_dict()`` holds it."""
    shared_with: Sequence[str] = ()
    """Other full names of the very same tensor (shared modules, tied weights), in data-flow order: a tuple,
    or an :class:`~editor.model.stats.shared_names.OtherNames` equal to one (made without copying the names)."""
    plain: bool = False
    """A custom layer's plain tensor attribute: not a parameter, not in the state_dict (see PLAIN_EXPLANATION)."""

    @property
    def warning(self) -> str | None:
        """What a view should warn about this row (None when nothing)."""
        return PLAIN_EXPLANATION if self.plain else None

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.tensor.shape)

    @property
    def dtype(self) -> str:
        return str(self.tensor.dtype).removeprefix("torch.")

    @property
    def device(self) -> str:
        return str(self.tensor.device)

    @property
    def requires_grad(self) -> bool | None:
        """Whether an optimizer trains it (None for buffers, which are never trained; False for plain tensors)."""
        if self.plain:
            return False
        return None if self.buffer else bool(self.tensor.requires_grad)

    @property
    def numel(self) -> int:
        return self.tensor.numel()

    @property
    def nbytes(self) -> int:
        return self.tensor.numel() * self.tensor.element_size()


@dataclass(eq=False)
class Section:
    """One block (or, for a plain module, one submodule) and the parameters it holds."""

    path: str
    """The block path ("1.0"); for a plain module, the submodule's name ("" for the module itself)."""
    key: str
    """The prefix of its names in ``named_parameters()`` and ``state_dict()``: ``"1.0"``, ``"body.head"``."""
    title: str
    kind: str
    module: nn.Module
    shared_paths: Sequence[str] = ()
    """Paths of the other blocks that hold the same module (a tuple, or an ``OtherNames`` equal to one)."""
    node: object = None
    """The design's Block (stays the same object across edits), or None for a plain module."""
    recurse: bool = True
    _listing: ParameterListing | None = field(default=None, repr=False)
    _rows: list[TensorRow] | None = field(default=None, repr=False)

    @property
    def rows(self) -> list[TensorRow]:
        """Its parameters, in ``named_parameters(remove_duplicate=False)`` order (made on first use)."""
        if self._rows is None:
            assert self._listing is not None
            named = self.module.named_parameters(prefix=self.key, recurse=self.recurse, remove_duplicate=False)
            self._rows = [self._listing.row(name, tensor, self) for name, tensor in named]
        return self._rows

    @property
    def numel(self) -> int:
        """Elements of its parameters (a tensor it reaches twice counted once)."""
        return sum(t.numel() for t in {id(r.tensor): r.tensor for r in self.rows}.values())


@dataclass(frozen=True)
class Totals:
    """Counts over the whole model, each tensor counted once however many names reach it."""

    tensors: int
    parameters: int
    trainable: int
    bytes: int
    shared_tensors: int
    """Tensors reached by more than one name."""
    buffers: int
    buffer_elements: int
    plain_tensors: int = 0
    """Plain tensor attributes of custom layers (not parameters, not counted above)."""
    plain_elements: int = 0


@dataclass(frozen=True)
class TensorStats:
    """Mean, standard deviation (unbiased, as ``torch.std``), minimum and maximum of one tensor."""

    mean: float
    std: float
    min: float
    max: float


class ParameterListing:
    """The parameters and buffers of a Project's model (grouped by block) or of any ``nn.Module``.

    Made cheaply; everything is worked out on first use. Make a new one after
    the design changes shape (blocks inserted, removed, moved, rebuilt); value,
    device and ``requires_grad`` changes show through the live tensors.
    """

    def __init__(self, source: DesignView | nn.Module) -> None:
        if isinstance(source, nn.Module):
            self.project: DesignView | None = None
            self.model = source
        else:
            self.project = source
            self.model = source.model
        self._scanned = False
        self._refs: dict[int, list] = {}
        self._params: dict[int, torch.Tensor] = {}
        self._buffers: dict[int, torch.Tensor] = {}
        self._buffer_rows: list[TensorRow] | None = None
        self._state_rows: list[TensorRow] | None = None
        self._place_table: Places | None = None

    # ------------------------------------------------------------ sections
    def sections(self) -> Iterator[Section]:
        """The blocks that hold parameters, in canvas (data-flow) order, each with its rows."""
        if self.project is None:
            yield from self._module_sections()
            return
        for block, path, key in self._walk():
            module = block.module
            if next(module.parameters(), None) is None:
                continue
            shared = self._places().other_paths(block) if len(block.layer.blocks) > 1 else ()
            yield Section(path, key, _title(block.layer.kind.name, block.label), block.layer.kind.name, module,
                          shared, block, True, self)

    def _module_sections(self) -> Iterator[Section]:
        for name, module in self.model.named_modules(remove_duplicate=False):
            if any(p is not None for p in own_parameters(module).values()):
                yield Section(name, name, type(module).__name__, type(module).__name__, module, node=None,
                              recurse=False, _listing=self)

    def _walk(self) -> Iterator[tuple[Block, str, str]]:
        """Every block with its path and its key prefix, in data-flow order."""
        assert self.project is not None

        def visit(group: Group, path: str, key: str) -> Iterator[tuple[Block, str, str]]:
            for index, child in enumerate(group.children):
                child_path = f"{path}{index}"
                child_key = f"{key}{child.label or index}"
                if isinstance(child, Group):
                    yield from visit(child, child_path + ".", child_key + ".")
                else:
                    yield child, child_path, child_key  # type: ignore[misc]

        yield from visit(self.project.root, "", "")

    def row(self, name: str, tensor: torch.Tensor, section: Section, buffer: bool = False,
            persistent: bool = True) -> TensorRow:
        """The row of ``tensor`` reached as ``name`` in ``section``."""
        local = name[len(section.key) + 1:] if section.key else name
        self._ensure_scan()
        refs = self._refs.get(id(tensor), ())
        if self._alone(refs):
            shared: Sequence[str] = ()
        elif self.project is None:
            shared = tuple(n for n in refs if n != name)
        else:
            shared = self._places().others(id(tensor), refs, name)
        return TensorRow(name, local, section.path, section.title, tensor, buffer, persistent, shared)

    def _alone(self, refs: list) -> bool:
        """Whether a tensor with these holders is reached by one name only (no cost: no paths worked out)."""
        return len(refs) <= 1 and (self.project is None or not refs or len(refs[0][0].blocks) <= 1)

    def names_of(self, tensor: torch.Tensor) -> list[str]:
        """Every name that reaches ``tensor`` in ``named_parameters``/``named_buffers(remove_duplicate=False)``."""
        self._ensure_scan()
        refs = self._refs.get(id(tensor), ())
        if self.project is None:
            return list(refs)
        return list(self._places().names(id(tensor), refs))

    def _places(self) -> Places:
        """Every block's place, path and key, from one walk (made on first need)."""
        if self._place_table is None:
            assert self.project is not None
            self._place_table = Places(self.project.root)
        return self._place_table

    def _ensure_scan(self) -> None:
        if not self._scanned:
            self._scan()

    def _scan(self) -> None:
        """One pass over every tensor: who holds each, and the distinct parameters and buffers.

        For a Project it reads each distinct module once (its layers), not every
        place it is used: cheap even for a design with thousands of blocks.
        """
        refs: dict[int, list] = {}
        params: dict[int, torch.Tensor] = {}
        buffers: dict[int, torch.Tensor] = {}

        def note(holder: object, named: Iterable[tuple[str, torch.Tensor | None]], into: dict) -> None:
            for local, tensor in named:
                if tensor is not None:
                    refs.setdefault(id(tensor), []).append(local if holder is None else (holder, local))
                    into[id(tensor)] = tensor

        if self.project is None:
            note(None, self.model.named_parameters(remove_duplicate=False), params)
            note(None, self.model.named_buffers(remove_duplicate=False), buffers)
        else:
            for layer in self.project.layers():
                module = layer.module
                nested = bool(slots(module))  # most layers hold their tensors directly: skip the recursion
                note(layer, module.named_parameters(remove_duplicate=False) if nested
                     else own_parameters(module).items(), params)
                note(layer, module.named_buffers(remove_duplicate=False) if nested
                     else own_buffers(module).items(), buffers)
        self._refs, self._params, self._buffers = refs, params, buffers
        self._scanned = True

    # ------------------------------------------------------------- flat lists
    def parameter_rows(self) -> list[TensorRow]:
        """Every parameter row in order: the names of ``named_parameters(remove_duplicate=False)``."""
        return [row for section in self.sections() for row in section.rows]

    def buffer_rows(self) -> list[TensorRow]:
        """Every buffer under every name that reaches it (as ``named_buffers(remove_duplicate=False)``)."""
        if self._buffer_rows is not None:
            return self._buffer_rows
        rows = []
        for section in self._buffer_sections():
            module = section.module
            for name, tensor in module.named_buffers(prefix=section.key, recurse=section.recurse,
                                                     remove_duplicate=False):
                owner, _, short = name.rpartition(".")
                holder = module.get_submodule(owner[len(section.key) + 1:]) if owner != section.key else module
                persistent = is_persistent_buffer(holder, short)
                rows.append(self.row(name, tensor, section, buffer=True, persistent=persistent))
        self._buffer_rows = rows
        return rows

    def _buffer_sections(self) -> Iterator[Section]:
        if self.project is None:
            for name, module in self.model.named_modules(remove_duplicate=False):
                if own_buffers(module):
                    yield Section(name, name, type(module).__name__, type(module).__name__, module, recurse=False,
                                  _listing=self)
            return
        for block, path, key in self._walk():
            if next(block.module.buffers(), None) is not None:
                yield Section(path, key, _title(block.layer.kind.name, block.label), block.layer.kind.name,
                              block.module, node=block, _listing=self)

    def plain_rows(self) -> list[TensorRow]:
        """The plain tensor attributes of custom layers, per block that holds them (flagged ``plain``).

        ``parameters()`` and ``state_dict()`` do not see these tensors; they are
        listed so that a view can show them with :data:`PLAIN_EXPLANATION`.
        """
        rows: list[TensorRow] = []
        if self.project is None:
            for name, tensor in plain_tensors(self.model).items():
                owner = name.rpartition(".")[0]
                section = Section(owner, owner, "", "", self.model, _listing=self)
                rows.append(TensorRow(name, name.rpartition(".")[2], owner, section.title, tensor, plain=True))
            return rows
        for block, path, key in self._walk():
            if not _custom(block.module):
                continue
            found = plain_tensors(block.module)
            title = _title(block.layer.kind.name, block.label)
            for local, tensor in found.items():
                rows.append(TensorRow(f"{key}.{local}", local, path, title, tensor, plain=True))
        return rows

    def _plain_tensors(self) -> dict[int, torch.Tensor]:
        """Every distinct plain tensor of the model's custom layers, by identity."""
        if self.project is None:
            return {id(t): t for t in plain_tensors(self.model).values()}
        return {id(t): t for layer in self.project.layers() if _custom(layer.module)
                for t in plain_tensors(layer.module).values()}

    def state_dict_rows(self) -> list[TensorRow]:
        """Exactly the entries of ``model.state_dict()``, in its order, each with the block it belongs to."""
        if self._state_rows is not None:
            return self._state_rows
        sections = {s.key: s for s in self._state_sections()}
        rows = []
        self._ensure_scan()
        buffers = self._buffers
        for name, tensor in self.model.state_dict(keep_vars=True).items():
            section = _owner(sections, name)
            is_buffer = id(tensor) in buffers
            rows.append(self.row(name, tensor, section, buffer=is_buffer))
        self._state_rows = rows
        return rows

    def _state_sections(self) -> Iterator[Section]:
        yield Section("", "", type(self.model).__name__, type(self.model).__name__, self.model, _listing=self)
        if self.project is None:
            for name, module in self.model.named_modules(remove_duplicate=False):
                if name:
                    yield Section(name, name, type(module).__name__, type(module).__name__, module, _listing=self)
            return
        for block, path, key in self._walk():
            yield Section(path, key, _title(block.layer.kind.name, block.label), block.layer.kind.name,
                          block.module, node=block, _listing=self)

    # ---------------------------------------------------------------- totals
    def totals(self) -> Totals:
        """Counts over the whole model; a tensor reached by several names counts once."""
        self._ensure_scan()
        shared = sum(1 for refs in self._refs.values() if not self._alone(refs))
        values = self._params.values()  # by identity: what model.parameters() yields
        buffers = self._buffers
        plain = self._plain_tensors()
        return Totals(
            tensors=len(values),
            parameters=sum(p.numel() for p in values),
            trainable=sum(p.numel() for p in values if p.requires_grad),
            bytes=sum(p.numel() * p.element_size() for p in values),
            shared_tensors=shared,
            buffers=len(buffers),
            buffer_elements=sum(b.numel() for b in buffers.values()),
            plain_tensors=len(plain),
            plain_elements=sum(t.numel() for t in plain.values()),
        )


def tensor_stats(tensor: torch.Tensor) -> TensorStats | None:
    """Mean, std, min and max of ``tensor``, computed by torch on the tensor's own device.

    None when there is nothing to compute (an empty or meta tensor, complex
    values). Safe to call from a worker thread. The std of a single value is
    NaN (``torch.std`` would warn about zero degrees of freedom).
    """
    values = tensor.detach()
    if values.is_meta or values.numel() == 0 or values.is_complex():
        return None
    with torch.no_grad():
        if not values.is_floating_point():
            values = values.to(torch.float64)  # integer buffers (num_batches_tracked) and bools
        elif values.dtype in (torch.float16, torch.bfloat16):
            values = values.float()  # accumulate low precision in float32, as torch.mean itself does
        if values.numel() > 1:
            std, mean = torch.std_mean(values)
        else:
            mean, std = values.reshape(()), torch.full((), math.nan, dtype=values.dtype, device=values.device)
        low, high = torch.aminmax(values)
        mean_, std_, min_, max_ = torch.stack([mean, std, low, high]).tolist()  # one transfer from the device
    return TensorStats(mean_, std_, min_, max_)


def state_key(node: Node) -> str:
    """The node's prefix in ``state_dict()`` keys: its path, with labels where blocks have them (``"head.0"``)."""
    parts = []
    current = node
    while current.parent is not None:
        parts.append(current.label or str(current.parent.children.index(current)))
        current = current.parent
    return ".".join(reversed(parts))


def _owner(sections: dict[str, Section], name: str) -> Section:
    """The section whose key is the longest prefix of ``name``."""
    key = name
    while key:
        key = key.rpartition(".")[0]
        found = sections.get(key)
        if found is not None:
            return found
    return sections[""]


def _custom(module: nn.Module) -> bool:
    """Whether ``module`` is an instance of a class generated for a custom definition (cheap: no walk)."""
    return getattr(type(module), "layerlab_kind", None) is not None


def _title(kind: str, label: str | None) -> str:
    return f"{kind} · {label}" if label else kind
