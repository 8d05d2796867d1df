"""Lazy layers read from code: ``nn.LazyLinear(10)`` becomes a Linear whose ``in_features`` follows the input.

torch's lazy layers (``LazyLinear``, ``LazyConv2d``, ``LazyBatchNorm1d``, …)
learn their input size from the first batch the model sees, and only then
draw their weights. LayerLab reads each as its catalog kind with that
hyperparameter "auto" (the editor's own way of following the input), worked
out here from what reaches the layer, as that first forward pass would:

- the input is the batch the file runs the model on (``net(X)`` with
  ``X = torch.rand(2, 20)``), else the input the layers before the first lazy
  one imply; a lazy first layer with no batch in the file cannot be read;
- the sizes flow through the model with the catalog's shape rules (nothing
  runs), and each lazy layer takes the size that reaches its first use.

Seed exactness: torch draws a lazy layer's weights during that first forward
pass, after every other layer of the model was constructed, in the order the
data reaches them. :func:`resolve_lazy` returns the lazy layers in that order,
and the reader constructs them last, in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torch import nn

import editor.io.pycode.read.values as cv
from editor.io.errors import CodeImportError
from editor.model.catalog.build import check_memory
from editor.model.catalog.hyperparameters import example_input, format_value, resolve_auto, validate_params
from editor.model.catalog.shape_rules import Spec, fmt, output_spec
from editor.model.design.shape_inference import TRANSPARENT
from editor.model.design.torch_dicts import slots
from editor.model.errors import LayerLabError, ShapeError
from editor.model.words import Said, join, say

if TYPE_CHECKING:
    from editor.io.pycode.read.values import LayerInfo, Registry


def lazy_layers(root: nn.Sequential, registry: Registry) -> list[nn.Module]:
    """The model's lazy layers, each once, in the order data first reaches them."""
    return [m for m in root.modules() if (info := registry.layers.get(id(m))) is not None and info.lazy]


def resolve_lazy(root: nn.Sequential, registry: Registry, shape: tuple[int, ...] | None,
                 lines: list[str]) -> list[nn.Module]:
    """Give every lazy layer of ``root`` the input size that reaches it; returns them in first-use order.

    ``shape`` is the batch the file runs the model on, if any. Each lazy
    layer's meta module is rebuilt in place with its size, so that everything
    the reader holds (``net[0].apply(init)``, a layer used twice) still points
    at it. Raises :class:`CodeImportError` at the lazy layer when its size
    cannot be known.
    """
    lazy = lazy_layers(root, registry)
    if not lazy:
        return []
    pending = {id(m) for m in lazy}
    spec = Spec(shape, _first_kind(root, registry).input_dtype) if shape is not None else _natural_input(root,
                                                                                                         registry)
    trouble: list[str] = [] if spec is not None else [
        say("the file never runs the model on a batch LayerLab can read (X = torch.rand(...); net(X)), and the "
            "layers before it do not say what input the model takes")]

    def visit(sequential: nn.Sequential, current: Spec | None) -> Spec | None:
        for child in slots(sequential).values():  # every entry, a shared one at each of its places
            if not pending:
                break
            if isinstance(child, nn.Sequential):
                current = visit(child, current)
                continue
            info = registry.layers[id(child)]
            if id(child) in pending:
                _resolve(child, info, current, trouble, lines)
                pending.discard(id(child))
            current = _flow(info, current, trouble, lines)
        return current

    visit(root, spec)
    return lazy


def _first_kind(root: nn.Sequential, registry: Registry) -> Any:
    kind = next((info.kind for module in root.modules() if (info := registry.layers.get(id(module))) is not None),
                None)
    assert kind is not None, "a model with lazy layers has layers"
    return kind


def _leaves(root: nn.Sequential, registry: Registry) -> list[LayerInfo]:
    out: list[LayerInfo] = []
    for module in root.modules():
        info = registry.layers.get(id(module))
        if info is not None:
            out.append(info)
            if len(out) == 4:
                break
    return out


def _natural_input(root: nn.Sequential, registry: Registry) -> Spec | None:
    """The input the first layers imply (``(1, 20)`` for ``Linear(20, …)``); None when a lazy one comes first."""
    for info in _leaves(root, registry):
        if info.lazy:
            return None
        kind = info.kind
        shape = example_input(kind, validate_params(kind, info.kwargs))
        if shape is not None:
            return Spec(shape, kind.input_dtype)
        if kind.shape not in TRANSPARENT:
            return None
    return None


def _flow(info: LayerInfo, current: Spec | None, trouble: list[str], lines: list[str]) -> Spec | None:
    """What leaves the layer; None (and the reason in ``trouble``) when it cannot take ``current``."""
    if current is None:
        return None
    try:
        return output_spec(info.kind, validate_params(info.kind, info.kwargs), current)
    except ShapeError as exc:
        shown = _text(info, lines)
        problem = exc.sentence if isinstance(exc.sentence, Said) and not exc.sentence.endswith(".") \
            else exc.sentence.rstrip(".")
        trouble.append(say("{layer} on line {line} cannot take {shape}: {problem}",
                           layer=shown, line=info.line, shape=fmt(current.shape), problem=problem))
        return None


def _resolve(module: nn.Module, info: LayerInfo, current: Spec | None, trouble: list[str],
             lines: list[str]) -> None:
    """Give the lazy ``module`` (a meta placeholder) the size ``current`` brings, rebuilt in place."""
    name = info.lazy
    assert name is not None
    value = resolve_auto(info.kind, name, current.shape) if current is not None else None
    if value is None:
        why = trouble[-1] if trouble else (
            say("it receives {shape}, which has no {name} to read", shape=fmt(current.shape), name=name)
            if current is not None else say("what reaches it is not known"))
        raise CodeImportError(say("{text} learns its {name} from its input when the model "
                                  "first runs, but LayerLab cannot work that out here: {why}. Write the size out "
                                  "(nn.{kind} with {name}=...), or run the model once on a batch in the file "
                                  "(X = torch.rand(...); net(X))",
                                  text=_text(info, lines), name=name, why=why, kind=info.kind.name), **_at(info, lines))
    kwargs = {**info.kwargs, name: value}
    shown = _text(info, lines)
    try:
        check_memory(info.kind, validate_params(info.kind, kwargs), f"{shown}: ")
        fresh, given = cv.construct_layer(info.kind, [], kwargs, shown)
    except (LayerLabError, TypeError) as exc:
        raise CodeImportError(cv.sentence(exc), **_at(info, lines)) from None
    info.kwargs = given
    # The same object, now of the right size: what the reader holds (net[0], a shared use) keeps pointing at it.
    module.__dict__.clear()
    module.__dict__.update(fresh.__dict__)


def lazy_notice(lazy: list[nn.Module], registry: Registry, random_batches: list[tuple[int, str]],
                lines: list[str]) -> str:
    """What became of the lazy layers, and when their weights match running the file."""
    parts = []
    for module in lazy[:3]:
        info = registry.layers[id(module)]
        assert info.lazy is not None
        parts.append(say("{layer} (line {line}) became a {kind} with {name}={value}",
                         layer=_text(info, lines), line=info.line, kind=info.kind.name, name=info.lazy,
                         value=format_value(info.kwargs[info.lazy])))
    layers = join(parts, "; ")
    if len(lazy) > 3:
        layers = say("{layers} and {count} more", layers=layers, count=len(lazy) - 3)
    if len(lazy) == 1:
        became = say("{layers}: its size follows the input (\"auto\"), as a lazy layer's does.", layers=layers)
    else:
        became = say("{layers}: each size follows the input (\"auto\"), as a lazy layer's does.", layers=layers)
    if random_batches:
        draws = say("torch draws a lazy layer's weights at the model's first forward pass, after its other layers, "
                    "in the order the data reaches them; LayerLab draws them in that order too, so they are the "
                    "file's unless something else draws random numbers between building the model and that pass "
                    "(here {call!r} on line {line} may, if it runs after torch.manual_seed).",
                    call=random_batches[0][1], line=random_batches[0][0])
    else:
        draws = say("torch draws a lazy layer's weights at the model's first forward pass, after its other layers, "
                    "in the order the data reaches them; LayerLab draws them in that order too, so they are the "
                    "file's unless something else draws random numbers between building the model and that pass.")
    return join([became, draws])


def _text(info: LayerInfo, lines: list[str]) -> str:
    """How the source writes the layer (``nn.LazyLinear(10)``), or its kind."""
    return cv.call_text(info.node, lines) if info.node is not None else f"nn.{info.kind.name}(...)"


def _at(info: LayerInfo, lines: list[str]) -> dict[str, Any]:
    column = cv.position(info.node, lines)[1] if info.node is not None else None
    return {"line": info.line, "column": column, "construct": "a lazy layer"}
