"""Output-shape rules for the catalog, worked out analytically.

Each rule takes a layer's hyperparameters and the incoming :class:`Spec`
(shape and whether it holds floats or integer token ids) and returns the
outgoing spec, or raises :class:`ShapeError` with a sentence a learner
understands and, where one exists, a fix. Rules are pure arithmetic: no
tensors, no torch. The meta device (``meta_spec``) is the fallback for layers
without a rule and the reference the tests hold the rules to.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from editor.model.catalog import AUTO, LayerKind
from editor.model.catalog.hyperparameters import resolve_auto
from editor.model.custom.expr import ntuple
from editor.model.errors import Fix, FixStep, ShapeError
from editor.model.meta import on_meta
from editor.model.words import Said, say


class Spec(NamedTuple):
    """What flows between blocks: a shape (batch dimension included) and a dtype class."""

    shape: tuple[int, ...]
    dtype: str = "float"  # "float" or "long" (token ids)


Params = Mapping[str, Any]
Rule = Callable[[LayerKind, Params, Spec], Spec]


def fmt(shape: tuple[int, ...]) -> str:
    """A shape as Python prints a tuple: ``(3, 20)``, ``(5,)``."""
    return repr(tuple(shape))


def _fail(sentence: str, spec: Spec, expected: str, fix: Fix | None = None, field: str | None = None) -> ShapeError:
    return ShapeError(sentence, in_shape=spec.shape, expected=expected, fix=fix, field=field)


def _set(label: str, **params: Any) -> Fix:
    return Fix(label, (FixStep("set_params", ".", params=params),))


def _fit_step(kind: LayerKind, name: str, value: Any, shape: tuple[int, ...],
              on_block: bool = False) -> tuple[FixStep, Said]:
    """A step that gives ``name`` the ``value`` an input of ``shape`` asks for, and its words.

    When the hyperparameter can follow the input and following it gives
    exactly ``value``, the step makes it "auto" (so it keeps fitting when the
    layers before it change) rather than pinning the number. ``on_block``
    words it as a fix label of its own ("Set … on block {path}") rather than
    as the end of a longer one.
    """
    shown = fmt(value) if isinstance(value, tuple) else str(value)
    hp = kind.param(name) if name in kind.param_names else None
    if hp is not None and hp.auto is not None and resolve_auto(kind, name, shape) == value:
        step = FixStep("set_params", ".", params={name: AUTO})
        if isinstance(value, tuple):
            words = say("Let {name} follow the input, now {value} on block {path}", name=name, value=shown,
                        path="{path}") if on_block else \
                say("let {name} follow the input, now {value}", name=name, value=shown)
        else:
            words = say("Let {name} follow the input ({value}) on block {path}", name=name, value=shown,
                        path="{path}") if on_block else \
                say("let {name} follow the input ({value})", name=name, value=shown)
        return step, words
    words = say("Set {name}={value} on block {path}", name=name, value=shown, path="{path}") if on_block else \
        say("set {name}={value}", name=name, value=shown)
    return FixStep("set_params", ".", params={name: value}), words


def _fit(kind: LayerKind, name: str, value: Any, shape: tuple[int, ...]) -> Fix:
    """A one-step fix: ``name`` follows the input (or, when it cannot, is set to ``value``) on the block."""
    step, words = _fit_step(kind, name, value, shape, on_block=True)
    return Fix(words, (step,))


def _insert_before(kind_name: str, **params: Any) -> FixStep:
    return FixStep("insert", ".", kind=kind_name, params=params)


def _require_float(kind: LayerKind, spec: Spec) -> None:
    if spec.dtype != "float":
        raise _fail(say("{kind} needs floating-point input, but gets integer token ids. "
                        "Put an Embedding before it to turn ids into vectors.", kind=kind.name), spec,
                    say("floating-point values"))


def _ranks_text(kind: LayerKind, dims: int) -> Said:
    letters = {1: "L", 2: "H, W", 3: "D, H, W"}[dims]
    return say("a {rank}-d (C, {letters}) or {batched_rank}-d (N, C, {letters}) input", rank=dims + 1,
               letters=letters, batched_rank=dims + 2)


def _spatial_input(kind: LayerKind, params: Params, spec: Spec, dims: int) -> tuple[int, ...]:
    shape = spec.shape
    if len(shape) not in (dims + 1, dims + 2):
        fix = None
        channels = params.get("in_channels")
        if len(shape) == 2 and isinstance(channels, int) and shape[1] % channels == 0 and dims == 2:
            side = math.isqrt(shape[1] // channels)
            if side * side * channels == shape[1]:
                fix = Fix(say("Insert {layer} before block {path}",
                              layer=f"Unflatten(1, ({channels}, {side}, {side}))", path="{path}"),
                          (_insert_before("Unflatten", dim=1, unflattened_size=(channels, side, side)),))
        raise _fail(say("{kind} expects {wanted}, but gets {shape} ({rank}-d).", kind=kind.name,
                        wanted=_ranks_text(kind, dims), shape=fmt(shape), rank=len(shape)),
                    spec, _ranks_text(kind, dims), fix)
    return shape


def _check_channels(kind: LayerKind, spec: Spec, name: str, expected: int, actual: int, dim: int) -> None:
    if actual != expected:
        raise _fail(say("{kind} expects {expected} input channels ({name}), but the input {shape} "
                        "has {actual} in dimension {dim}.", kind=kind.name, expected=expected, name=name,
                        shape=fmt(spec.shape), actual=actual, dim=dim),
                    spec, say("{count} channels", count=expected),
                    _fit(kind, name, actual, spec.shape), field=name)


def _pool_size(size: int, kernel: int, pad: int, stride: int, dilation: int, ceil_mode: bool) -> int:
    # torch's pooling_output_shape
    out = (size + 2 * pad - dilation * (kernel - 1) - 1 + (stride - 1 if ceil_mode else 0)) // stride + 1
    if ceil_mode and (out - 1) * stride >= size + pad:
        out -= 1
    return out


def linear(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = spec.shape
    n_in = params["in_features"]
    if not shape:
        raise _fail(say("Linear needs at least one dimension."), spec, f"(…, {n_in})")
    if shape[-1] == n_in:
        return Spec(shape[:-1] + (params["out_features"],))
    flat = math.prod(shape[1:])
    expected = f"(…, {n_in})"
    if len(shape) >= 3 and flat == n_in:
        raise _fail(say("Linear works on the last dimension ({last}), but in_features is {n_in}. "
                        "The input {shape} has {rank} dimensions: flatten it to ({batch}, {flat}) first.",
                        last=shape[-1], n_in=n_in, shape=fmt(shape), rank=len(shape), batch=shape[0], flat=flat),
                    spec, expected,
                    Fix(say("Insert {layer} before block {path}", layer="Flatten", path="{path}"),
                        (_insert_before("Flatten"),)))
    if len(shape) >= 4:
        # The steps set in_features first: an insert at the block's own path moves the block on by one.
        step, words = _fit_step(kind, "in_features", flat, (shape[0], flat))
        raise _fail(say("Linear works on the last dimension, but the input {shape} has {rank} dimensions. "
                        "Flatten it to ({batch}, {flat}) and set in_features={flat}.",
                        shape=fmt(shape), rank=len(shape), batch=shape[0], flat=flat), spec, expected,
                    Fix(say("Insert Flatten and {then}", then=words), (step, _insert_before("Flatten"))),
                    field="in_features")
    raise _fail(say("Linear expects inputs whose last dimension is {n_in} (in_features), but gets {shape}.",
                    n_in=n_in, shape=fmt(shape)),
                spec, expected, _fit(kind, "in_features", shape[-1], shape), field="in_features")


def conv(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dims = kind.shape_args["dims"]
    shape = _spatial_input(kind, params, spec, dims)
    _check_channels(kind, spec, "in_channels", params["in_channels"], shape[-dims - 1], len(shape) - dims - 1)
    kernel, stride, dilation = (ntuple(params[n], dims) for n in ("kernel_size", "stride", "dilation"))
    padding = params["padding"]
    out = []
    for i, size in enumerate(shape[-dims:]):
        if padding == "same":
            out.append(size)
            continue
        pad = 0 if padding == "valid" else ntuple(padding, dims)[i]
        span = dilation[i] * (kernel[i] - 1) + 1
        if params["padding_mode"] != "zeros" and pad >= size and pad > 0:
            raise _fail(say("{kind} pads with '{mode}', which needs padding ({pad}) smaller than the input "
                            "size {size}.", kind=kind.name, mode=params["padding_mode"], pad=pad, size=size),
                        spec, f"padding < {size}", field="padding")
        length = (size + 2 * pad - span) // stride[i] + 1
        if length < 1:
            raise _fail(say("The kernel ({span} wide with dilation) is larger than the padded input "
                            "({padded}) of {shape}.", span=span, padded=size + 2 * pad, shape=fmt(shape)),
                        spec, f"kernel_size ≤ {size + 2 * pad}",
                        field="kernel_size")
        out.append(length)
    return Spec(shape[:-dims - 1] + (params["out_channels"],) + tuple(out))


def conv_transpose(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dims = kind.shape_args["dims"]
    shape = _spatial_input(kind, params, spec, dims)
    _check_channels(kind, spec, "in_channels", params["in_channels"], shape[-dims - 1], len(shape) - dims - 1)
    names = ("kernel_size", "stride", "padding", "output_padding", "dilation")
    kernel, stride, pad, extra, dilation = (ntuple(params[n], dims) for n in names)
    out = []
    for i, size in enumerate(shape[-dims:]):
        length = (size - 1) * stride[i] - 2 * pad[i] + dilation[i] * (kernel[i] - 1) + extra[i] + 1
        if length < 1:
            raise _fail(say("The padding ({pad}) removes more than the output has: {shape} would become "
                            "{length} long.", pad=pad[i], shape=fmt(shape), length=length),
                        spec, say("a smaller padding"), field="padding")
        out.append(length)
    return Spec(shape[:-dims - 1] + (params["out_channels"],) + tuple(out))


def _pool(kind: LayerKind, params: Params, spec: Spec, dilated: bool) -> Spec:
    _require_float(kind, spec)
    dims = kind.shape_args["dims"]
    shape = _spatial_input(kind, params, spec, dims)
    kernel = ntuple(params["kernel_size"], dims)
    stride = ntuple(params["stride"] if params["stride"] is not None else params["kernel_size"], dims)
    pad = ntuple(params["padding"], dims)
    dilation = ntuple(params["dilation"], dims) if dilated else (1,) * dims
    out = []
    for i, size in enumerate(shape[-dims:]):
        length = _pool_size(size, kernel[i], pad[i], stride[i], dilation[i], params["ceil_mode"])
        if length < 1:
            raise _fail(say("The pooling window ({kernel}) is larger than the padded input ({padded}) of {shape}.",
                            kernel=kernel[i], padded=size + 2 * pad[i], shape=fmt(shape)), spec,
                        f"kernel_size ≤ {size + 2 * pad[i]}", field="kernel_size")
        out.append(length)
    return Spec(shape[:-dims] + tuple(out))


def maxpool(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    return _pool(kind, params, spec, dilated=True)


def avgpool(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    return _pool(kind, params, spec, dilated=False)


def adaptive_pool(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dims = kind.shape_args["dims"]
    if kind.shape_args.get("any_rank") and len(spec.shape) >= dims:
        shape = spec.shape
    else:
        shape = _spatial_input(kind, params, spec, dims)
    wanted = ntuple(params["output_size"], dims)
    if any(size < 1 for size in shape[-dims:]):
        raise _fail(say("{kind} needs non-empty input, but gets {shape}.", kind=kind.name, shape=fmt(shape)), spec,
                    say("sizes ≥ 1"))
    out = tuple(size if w is None else w for size, w in zip(shape[-dims:], wanted, strict=True))
    return Spec(shape[:-dims] + out)


def batchnorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    ranks = kind.shape_args["ranks"]
    shape = spec.shape
    if len(shape) not in ranks:
        wanted = say("a 2-d (N, C) or 3-d (N, C, L) input") if ranks == (2, 3) else say("a 4-d (N, C, H, W) input")
        raise _fail(say("{kind} expects {wanted}, but gets {shape} ({rank}-d).", kind=kind.name, wanted=wanted,
                        shape=fmt(shape), rank=len(shape)), spec, wanted)
    if params["affine"] or params["track_running_stats"]:
        _check_channels(kind, spec, "num_features", params["num_features"], shape[1], 1)
    if shape[0] * math.prod(shape[2:]) < 2:  # a freshly built model is in training mode
        raise _fail(say("{kind} computes each channel's mean and variance over the batch, but the input "
                        "{shape} has a batch of one: there is nothing to average while training.",
                        kind=kind.name, shape=fmt(shape)), spec,
                    say("a batch of 2 or more"),
                    Fix(say("Use a batch of {count} inputs", count=2),
                        (FixStep("set_batch_size", ".", params={"batch_size": 2}),)))
    return spec


def layernorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    wanted = tuple(params["normalized_shape"])
    shape = spec.shape
    tail = shape[-len(wanted):] if len(shape) >= len(wanted) else None
    if tail != wanted:
        fix = None
        if tail is not None:
            fix = _fit(kind, "normalized_shape", tail, shape)
        raise _fail(say("LayerNorm normalizes the last dimensions {wanted}, but the input is {shape}.",
                        wanted=fmt(wanted), shape=fmt(shape)),
                    spec, f"(…, {', '.join(map(str, wanted))})", fix, field="normalized_shape")
    return spec


def groupnorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = spec.shape
    if len(shape) < 2:
        raise _fail(say("GroupNorm expects (N, C, …) input, but gets {shape}.", shape=fmt(shape)), spec, "(N, C, …)")
    if params["affine"]:
        _check_channels(kind, spec, "num_channels", params["num_channels"], shape[1], 1)
    elif shape[1] % params["num_groups"]:
        raise _fail(say("GroupNorm splits the {channels} channels of {shape} into {groups} groups, "
                        "but {channels} is not divisible by {groups}.", channels=shape[1], shape=fmt(shape),
                        groups=params["num_groups"]), spec,
                    say("channels divisible by {groups}", groups=params["num_groups"]), field="num_groups")
    if shape[0] * shape[1] // params["num_groups"] * math.prod(shape[2:]) < 2:  # torch's _verify_batch_size
        raise _fail(say("Each GroupNorm group of {shape} holds a single value: there is nothing to normalize.",
                        shape=fmt(shape)), spec, say("more than one value per group"), field="num_groups")
    return spec


def instancenorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = _spatial_input(kind, params, spec, kind.shape_args["dims"])
    if params["affine"] or params["track_running_stats"]:
        _check_channels(kind, spec, "num_features", params["num_features"], shape[-3], len(shape) - 3)
    if shape[-1] * shape[-2] < 2:
        raise _fail(say("InstanceNorm2d normalizes over height × width, which is 1 × 1 in {shape}: there is "
                        "nothing to normalize.", shape=fmt(shape)), spec, say("more than one spatial element"))
    return spec


def prelu(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    count = params["num_parameters"]
    shape = spec.shape
    channels = shape[1] if len(shape) >= 2 else 1
    if count != 1 and count != channels:
        raise _fail(say("PReLU has {count} slopes, but the input {shape} has {channels} channels. "
                        "Use 1 slope or one per channel.", count=count, shape=fmt(shape), channels=channels),
                    spec, say("{count} channels", count=count),
                    _fit(kind, "num_parameters", channels, shape),
                    field="num_parameters")
    return spec


def softmax(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dim = params["dim"]
    rank = max(len(spec.shape), 1)
    if dim is not None and not -rank <= dim < rank:
        raise _fail(say("{kind}(dim={dim}) needs a dimension between {low} and {high} for the input {shape}.",
                        kind=kind.name, dim=dim, low=-rank, high=rank - 1, shape=fmt(spec.shape)),
                    spec, f"dim in [{-rank}, {rank - 1}]",
                    _set(say("Set {name}={value} on block {path}", name="dim", value=-1, path="{path}"), dim=-1),
                    field="dim")
    return spec


def _normalize_dim(dim: int, rank: int) -> int | None:
    rank = max(rank, 1)
    if not -rank <= dim < rank:
        return None
    return dim % rank


def flatten(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    shape = spec.shape or (1,)
    start, end = (_normalize_dim(params[n], len(shape)) for n in ("start_dim", "end_dim"))
    if start is None or end is None or start > end:
        raise _fail(say("Flatten(start_dim={start}, end_dim={end}) does not fit the {rank}-d input {shape}.",
                        start=params["start_dim"], end=params["end_dim"], rank=len(spec.shape),
                        shape=fmt(spec.shape)), spec, say("start_dim ≤ end_dim within the input"),
                    field="start_dim")
    return Spec(shape[:start] + (math.prod(shape[start:end + 1]),) + shape[end + 1:], spec.dtype)


def unflatten(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    shape = spec.shape
    dim = _normalize_dim(params["dim"], len(shape))
    sizes = tuple(params["unflattened_size"])
    if dim is None or not shape:
        raise _fail(say("Unflatten(dim={dim}) is outside the input {shape}.", dim=params["dim"], shape=fmt(shape)),
                    spec, say("a dimension of the input"), field="dim")
    if math.prod(sizes) != shape[dim]:
        raise _fail(say("Unflatten splits dimension {dim} ({size}) into {sizes}, but those multiply to {product}.",
                        dim=params["dim"], size=shape[dim], sizes=fmt(sizes), product=math.prod(sizes)),
                    spec, say("sizes whose product is {size}", size=shape[dim]),
                    field="unflattened_size")
    return Spec(shape[:dim] + sizes + shape[dim + 1:], spec.dtype)


def embedding(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    if spec.dtype != "long":
        raise _fail(say("Embedding looks up integer token ids, but gets floating-point values. Put the Embedding "
                        "first: the design's input is then a tensor of token ids."), spec, say("integer token ids"))
    return Spec(spec.shape + (params["embedding_dim"],))


def transformer(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = spec.shape
    order = "(N, S, E)" if params["batch_first"] else "(S, N, E)"
    if len(shape) not in (2, 3):
        raise _fail(say("TransformerEncoderLayer expects a 3-d {order} or 2-d (S, E) input, but gets {shape}.",
                        order=order, shape=fmt(shape)), spec, f"{order} or (S, E)")
    if shape[-1] != params["d_model"]:
        raise _fail(say("TransformerEncoderLayer expects {d_model} features per token (d_model), but the "
                        "input {shape} has {got}.", d_model=params["d_model"], shape=fmt(shape), got=shape[-1]),
                    spec, f"(…, {params['d_model']})",
                    _fit(kind, "d_model", shape[-1], shape), field="d_model")
    return spec


def elementwise(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    return spec


def channel_dropout(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    if len(spec.shape) < 2:
        raise _fail(say("{kind} drops whole channels, so it needs at least 2 dimensions, but gets {shape}.",
                        kind=kind.name, shape=fmt(spec.shape)), spec, "(N, C, …)")
    return spec


def identity(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    return spec


def custom(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    """A custom layer or block: its forward runs on a meta-device copy (nothing allocated), errors in words."""
    import torch

    from editor.model.catalog.build import constructor_kwargs, torch_class

    definition = getattr(kind, "definition", None)
    forward = getattr(definition, "forward", None)
    what = say("{kind}'s forward ({forward})", kind=kind.name, forward=forward[:80]) if forward else kind.name
    with on_meta():
        module = torch_class(kind)(**constructor_kwargs(kind, params))
        dtype = torch.long if spec.dtype == "long" else torch.float32
        try:
            out = module(torch.empty(spec.shape, dtype=dtype))
        except (RuntimeError, ValueError, IndexError, TypeError, AssertionError, ArithmeticError) as exc:
            reason = " ".join(str(exc).split())[:300]
            raise _fail(say("{what} cannot take an input of shape {shape}: {reason}", what=what,
                            shape=fmt(spec.shape), reason=reason), spec,
                        say("an input its forward accepts")) from None
    if not isinstance(out, torch.Tensor):
        raise _fail(say("{what} gives a {type}, not a tensor, so nothing can follow it in a Sequential.",
                        what=what, type=type(out).__name__), spec, say("one tensor out"))
    return Spec(tuple(out.shape), "long" if out.dtype in (torch.long, torch.int32) else "float")


RULES: dict[str, Rule] = {
    "linear": linear, "conv": conv, "conv_transpose": conv_transpose, "maxpool": maxpool,
    "avgpool": avgpool, "adaptive_pool": adaptive_pool, "batchnorm": batchnorm, "layernorm": layernorm,
    "groupnorm": groupnorm, "instancenorm": instancenorm, "prelu": prelu, "softmax": softmax,
    "flatten": flatten, "unflatten": unflatten, "embedding": embedding, "transformer": transformer,
    "elementwise": elementwise, "channel_dropout": channel_dropout, "identity": identity, "custom": custom,
}


def output_spec(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    """What a ``kind`` layer with ``params`` makes of ``spec``; raises :class:`ShapeError`.

    The analytic rule answers; a kind without one, or a rule that trips over
    an input it did not foresee, falls back to running the layer on the meta
    device.
    """
    rule = RULES.get(kind.shape)
    if rule is not None:
        try:
            return rule(kind, params, spec)
        except ShapeError:
            raise
        except (ArithmeticError, LookupError, TypeError, ValueError):
            pass
    from editor.model.catalog.build import constructor_kwargs, torch_class

    kwargs = constructor_kwargs(kind, params)
    return meta_spec(lambda: torch_class(kind)(**kwargs), spec)


def meta_spec(module_factory: Callable[[], Any], spec: Spec) -> Spec:
    """The output spec found by running a meta-device copy of a layer (nothing is allocated).

    ``module_factory`` builds the module; it is called under ``on_meta()`` (the meta device), where a custom
    block's children are not refused for their size (:func:`building_on_meta`: they allocate nothing).
    """
    import torch

    from editor.model.catalog.unallocated import building_on_meta

    with building_on_meta():
        module = module_factory()
        dtype = torch.long if spec.dtype == "long" else torch.float32
        try:
            out = module(torch.empty(spec.shape, dtype=dtype))
        except (RuntimeError, ValueError, IndexError, TypeError, AssertionError) as exc:
            raise _fail(say("The layer cannot take an input of shape {shape}: {reason}", shape=fmt(spec.shape),
                            reason=str(exc)), spec, say("a shape the layer accepts")) from None
    if not isinstance(out, torch.Tensor):
        raise _fail(say("The layer returns more than one tensor, so nothing can follow it in a Sequential."),
                    spec, say("one tensor out"))
    return Spec(tuple(out.shape), "long" if out.dtype == torch.long else "float")
