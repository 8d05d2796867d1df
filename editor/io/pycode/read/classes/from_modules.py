"""The layers a call like ``MySequential(nn.Linear(20, 256), nn.ReLU())`` was given, as a block's children.

The code reader has already made each argument (on the meta device, never
running the file). :func:`specs_from_modules` writes them as
:class:`~editor.model.custom.blocks.ChildSpec`\\ s named ``0``, ``1``, … (a
catalog layer with the arguments the call wrote, an instance of a class of
the file with its constructor values, an ``nn.Sequential`` as a
Sequential child of its own entries), so that a definition built from them
constructs the very modules the call received, in the same order.

That holds only when every layer is made right there, in the call's
arguments, and nothing else is made meanwhile: a layer made earlier and passed
by name may be used elsewhere too (tied weights) or drawn at another point of
the seed's stream. Otherwise :class:`NotChildrenError` says why, and the caller
reads the call another way.
"""

from __future__ import annotations

import ast

from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.pycode.read.classes.submodules import child_name_problem
from editor.model.custom.blocks import SEQUENTIAL, ChildSpec
from editor.model.design.torch_dicts import slots
from editor.model.errors import LayerLabError
from editor.model.project.block_making import value_text
from editor.model.words import say


class NotChildrenError(ValueError):
    """The arguments cannot be a block's own children; the message says why (a clause for a sentence)."""


def specs_from_modules(layers: list[nn.Module], origins: list[ast.AST], registry: cv.Registry,
                       start: int) -> tuple[tuple[ChildSpec, ...], list[cv.Taint]]:
    """``layers`` (the call's arguments, made from ``origins``) as children ``0``, ``1``, …; see the module's docstring.

    ``start`` is how many layers the reader had made before the call's
    arguments were read. Also returns the notices the layers carry (for the
    module that takes their place). Raises :class:`NotChildrenError`.
    """
    if not layers:
        raise NotChildrenError(say("it is given no layers"))
    for origin in origins:
        if not isinstance(origin, ast.Call):
            shown = ast.unparse(origin)[:40] if isinstance(origin, ast.expr) else "an argument"
            raise NotChildrenError(say("{shown} is a layer made before the call (it may be used elsewhere too, or "
                                       "drawn at another point of the seed's stream)", shown=shown))
    seen: set[int] = set()
    notices: list[cv.Taint] = []
    specs = tuple(_spec(str(i), module, registry, start, seen, notices) for i, module in enumerate(layers))
    made = {key for key, info in registry.layers.items() if info.seq > start}
    if not made <= seen:
        raise NotChildrenError(say("its arguments also make layers that are not among its own"))
    return specs, notices


def _spec(name: str, module: nn.Module, registry: cv.Registry, start: int, seen: set[int],
          notices: list[cv.Taint]) -> ChildSpec:
    if id(module) in seen:
        raise NotChildrenError(say("it is given one layer twice (tied weights), which a block's own children cannot "
                                   "be"))
    seen.add(id(module))
    for taint in registry.taints.get(id(module), ()):
        if taint.error is not None:
            raise NotChildrenError(say("a statement of the file does something to one of its layers that LayerLab "
                                       "refuses"))
        notices.append(taint)
    info = registry.layers.get(id(module))
    if info is None:
        if type(module) is not nn.Sequential:
            raise NotChildrenError(say("LayerLab cannot write its {type} as a child", type=type(module).__name__))
        entries = list(slots(module).items())
        for key, _ in entries:
            problem = child_name_problem(key)
            if problem is not None:
                raise NotChildrenError(problem)
        return ChildSpec(name, SEQUENTIAL, (), tuple(_spec(key, child, registry, start, seen, notices)
                                                     for key, child in entries))
    if info.seq <= start:
        raise NotChildrenError(say("one of its layers was made before the call (it may be used elsewhere too, or "
                                   "drawn at another point of the seed's stream)"))
    if info.lazy:
        raise NotChildrenError(say("its {kind} learns its {lazy} from the first input, which a block's "
                                   "children do not", kind=info.kind.name, lazy=info.lazy))
    try:  # the arguments as the call wrote them (a class of the file: every constructor value)
        return ChildSpec(name, info.kind.name, tuple((key, value_text(value)) for key, value in info.kwargs.items()))
    except LayerLabError as exc:
        raise NotChildrenError(cv.reason(exc)) from None


__all__ = ["NotChildrenError", "specs_from_modules"]
