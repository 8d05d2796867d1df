"""Layers kept unallocated: built on the meta device when their parameters would not fit in memory.

A design may hold a layer too large for this machine (a 10-billion-parameter
``Linear``). The editor keeps such a layer *unallocated* instead of refusing
it: the module is built on the meta device, where tensors have shapes and
dtypes but no values, so shapes, counts, ``print(net)``, code export and
saving the design all work. :func:`build_unallocated` builds one and
remembers, per module, what materializing it later needs (:class:`Unallocated`).

The seed's random stream: constructing a layer draws random numbers from
torch's generator (``Linear`` draws its weight and bias with ``uniform_``).
A meta module draws nothing, so :func:`build_unallocated` records the draws
its construction makes (:class:`DrawRecorder`) and replays them on the CPU in
bounded chunks (:func:`advance`), when there are at most :data:`ADVANCE_LIMIT`
values, so that layers constructed after it get the values a script gives
them. It also keeps the generator's state from just before, so that
materializing the layer gives it exactly the values a script constructing it
at that point would have given it.

Whether to keep layers unallocated is a policy of the caller
(:func:`keeping_unallocated`); the scripting API's default refuses them
with :class:`~editor.model.errors.MemoryLimitError`.
"""

from __future__ import annotations

import contextlib
import copy
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode

from editor.model.meta import on_meta

ADVANCE_LIMIT = 2**27
"""Random values up to which an unallocated layer's draws are replayed, so the seed's stream continues exactly.

Replaying costs about 2 ns a value on one core (a quarter of a second at this limit); beyond it, layers
constructed after the unallocated one are drawn from the stream as it stands (see :class:`Unallocated`).
"""

CHUNK = 2**22
"""Values drawn at a time while replaying (16 MB of float32): memory stays bounded whatever the layer's size."""

_policy: ContextVar[bool] = ContextVar("layerlab_keep_unallocated", default=False)
_on_meta: ContextVar[bool] = ContextVar("layerlab_building_on_meta", default=False)
_registry: weakref.WeakKeyDictionary[nn.Module, Unallocated] = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def keeping_unallocated(on: bool = True) -> Iterator[None]:
    """Within this block, a layer too large for memory is built unallocated instead of refused (``on``)."""
    token = _policy.set(bool(on))
    try:
        yield
    finally:
        _policy.reset(token)


def keeps_unallocated() -> bool:
    """Whether the running code keeps layers that do not fit unallocated (see :func:`keeping_unallocated`)."""
    return _policy.get()


@contextlib.contextmanager
def building_on_meta() -> Iterator[None]:
    """Within this block, modules are built on the meta device as parts of one copy that holds no values.

    A custom block's children, built here (for a block kept unallocated, or a
    shape check's copy), allocate nothing: none is refused for its size, and
    none is kept unallocated on its own (the whole copy's draws are recorded once).
    """
    token = _on_meta.set(True)
    try:
        with on_meta():
            yield
    finally:
        _on_meta.reset(token)


def builds_on_meta() -> bool:
    """Whether the running code builds modules on the meta device as parts of one (see :func:`building_on_meta`)."""
    return _on_meta.get()


@dataclass(frozen=True)
class Draw:
    """One random operation a layer's construction made: the aten op, the tensor's shape and dtype, its arguments."""

    op: Any
    shape: tuple[int, ...]
    dtype: torch.dtype
    args: tuple[Any, ...]
    kwargs: dict[str, Any]

    @property
    def numel(self) -> int:
        count = 1
        for size in self.shape:
            count *= int(size)
        return count


class DrawRecorder(TorchDispatchMode):
    """Records every random operation (aten ops tagged ``nondeterministic_seeded``) run while it is active."""

    def __init__(self) -> None:
        super().__init__()
        self.draws: list[Draw] = []

    @classmethod
    def _should_skip_dynamo(cls) -> bool:
        """torch's opt-out of wrapping ``__torch_dispatch__`` to keep ``torch.compile`` out: that wrapper's first
        call imports ``torch._dynamo`` (1.2-1.7 s), and LayerLab never compiles."""
        return False

    def __torch_dispatch__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = dict(kwargs or {})
        result = func(*args, **kwargs)
        if torch.Tag.nondeterministic_seeded in func.tags:
            target = args[0] if args and isinstance(args[0], torch.Tensor) else result
            if isinstance(target, torch.Tensor):
                rest = args[1:] if args and args[0] is target else args
                self.draws.append(Draw(func, tuple(target.shape), target.dtype, tuple(rest), kwargs))
        return result


@dataclass(frozen=True)
class Unallocated:
    """What is known about one unallocated module.

    ``needs`` is the bytes its parameters and buffers take once allocated.
    ``state_before`` is torch's CPU random state just before it was constructed
    (None when not known, e.g. opened from a file): materializing draws its
    values from there, as the script that constructs it at that point would.
    ``draws`` are the random operations its construction makes; ``stream_kept``
    says whether they were replayed, so that the generator stands where a
    script's would (False when there were more than :data:`ADVANCE_LIMIT`
    values, or an operation that cannot be replayed in chunks).
    """

    needs: int
    state_before: torch.Tensor | None
    draws: tuple[Draw, ...]
    stream_kept: bool

    @property
    def values_drawn(self) -> int:
        """How many random values its construction draws."""
        return sum(d.numel for d in self.draws)


def unallocated_info(module: nn.Module) -> Unallocated | None:
    """What is known about ``module`` when it is kept unallocated; None when it is an ordinary module."""
    return _registry.get(module)


def is_unallocated(module: nn.Module) -> bool:
    """Whether ``module`` is a layer kept unallocated (built on the meta device by :func:`build_unallocated`)."""
    return module in _registry


def mark_unallocated(module: nn.Module, info: Unallocated) -> None:
    """Remember ``info`` for ``module`` (a meta module: the file format and the builders use this)."""
    _registry[module] = info


def deep_copy(obj: Any) -> Any:
    """``copy.deepcopy(obj)`` for modules (or lists of them) where the copy of a layer kept unallocated is one too.

    A plain deep copy of a meta module is an ordinary module on the meta
    device: moving it to the design's device would allocate all of it (160 GB
    for ``Linear(200000, 200000)``). The copy keeps the original's
    :class:`Unallocated` record, so materializing it gives the values
    materializing the original gives: the values a deep copy would have held.
    """
    memo: dict[int, Any] = {}
    made = copy.deepcopy(obj, memo)
    originals = obj if isinstance(obj, (list, tuple)) else [obj]
    for original in originals:
        for module in original.modules() if isinstance(original, nn.Module) else ():
            info = _registry.get(module)
            twin = memo.get(id(module))
            if info is not None and isinstance(twin, nn.Module):
                _registry[twin] = info
    return made


def tensor_bytes(module: nn.Module) -> int:
    """Bytes of ``module``'s parameters and buffers, each distinct tensor once (meta tensors count their size)."""
    seen = {id(t): t.numel() * t.element_size() for t in [*module.parameters(), *module.buffers()]}
    return sum(seen.values())


def build_unallocated(make: Callable[[], nn.Module], needs: int | None = None) -> nn.Module:
    """``make()`` run on the meta device, recorded, its draws replayed on torch's generator when affordable.

    Inside :func:`building_on_meta` (a part of a module being built there) it is only ``make()``: the whole
    module's draws are recorded and replayed once, by the build that holds it.
    """
    if builds_on_meta():
        return make()
    state = torch.get_rng_state()
    recorder = DrawRecorder()
    with building_on_meta(), recorder:
        module = make()
    draws = tuple(recorder.draws)
    kept = advance(draws)
    mark_unallocated(module, Unallocated(tensor_bytes(module) if needs is None else needs, state, draws, kept))
    return module


def can_advance(draws: Iterable[Draw], limit: int | None = None) -> bool:
    """Whether :func:`advance` can replay ``draws`` (at most ``limit`` values, default :data:`ADVANCE_LIMIT`;
    large ones only if they can be drawn in chunks)."""
    limit = ADVANCE_LIMIT if limit is None else limit
    total = 0
    for draw in draws:
        if draw.numel > CHUNK and not _chunkable(draw):
            return False
        total += draw.numel
    return total <= limit


def advance(draws: Iterable[Draw], limit: int | None = None, unbounded: bool = False) -> bool:
    """Draw what ``draws`` draw from torch's CPU generator, in chunks, throwing the values away.

    Returns False (having drawn nothing) when they cannot be replayed within
    ``limit`` values (default :data:`ADVANCE_LIMIT`; any number when ``unbounded``).
    """
    draws = tuple(draws)
    if not can_advance(draws, 1 << 62 if unbounded else limit):
        return False
    with torch.no_grad():
        for draw in draws:
            for size in _chunks(draw):
                if _in_place(draw):
                    draw.op(torch.empty(size, dtype=draw.dtype), *draw.args, **draw.kwargs)
                else:  # a factory (rand, randperm): made again, on the CPU
                    draw.op(*draw.args, **{**draw.kwargs, "device": torch.device("cpu")})
    return True


def _in_place(draw: Draw) -> bool:
    return draw.op.name().split(".")[0].endswith("_")  # uniform_, normal_, bernoulli_ …: fill their tensor


def _chunkable(draw: Draw) -> bool:
    """uniform_ draws one value per element, normal_ 16 at a time: both can be replayed in pieces."""
    return draw.op.name().split(".")[0] in ("aten::uniform_", "aten::normal_")


def _chunks(draw: Draw) -> list[tuple[int, ...]]:
    """Shapes to draw ``draw`` in: the whole shape when small, else flat chunks (normal_'s last one ≥ 16 values)."""
    total = draw.numel
    if total <= CHUNK or not _chunkable(draw):
        return [draw.shape]
    sizes = [CHUNK] * (total // CHUNK)
    rest = total - CHUNK * len(sizes)
    if 0 < rest < 16:
        sizes[-1] += rest  # normal_ fills the last values of a tensor with 16 fresh ones; keep that as it was
    elif rest:
        sizes.append(rest)
    return [(size,) for size in sizes]



def opened_unallocated(module: nn.Module) -> nn.Module:
    """``module`` (built unallocated for a file that holds no weights for it) with its random state unknown.

    Where the seed's stream stood before it is worked out when it is materialized.
    """
    info = _registry.get(module)
    if info is not None:
        _registry[module] = Unallocated(info.needs, None, info.draws, info.stream_kept)
    return module
