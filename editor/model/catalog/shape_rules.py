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


def _fit_step(kind: LayerKind, name: str, value: Any, shape: tuple[int, ...]) -> tuple[FixStep, str]:
    """A step that gives ``name`` the ``value`` an input of ``shape`` asks for, and its words.

    When the hyperparameter can follow the input and following it gives
    exactly ``value``, the step makes it "auto" (so it keeps fitting when the
    layers before it change) rather than pinning the number.
    """
    shown = fmt(value) if isinstance(value, tuple) else str(value)
    hp = kind.param(name) if name in kind.param_names else None
    if hp is not None and hp.auto is not None and resolve_auto(kind, name, shape) == value:
        words = f"let {name} follow the input ({shown})" if not isinstance(value, tuple) else \
            f"let {name} follow the input, now {shown}"
        return FixStep("set_params", ".", params={name: AUTO}), words
    return FixStep("set_params", ".", params={name: value}), f"set {name}={shown}"


def _fit(kind: LayerKind, name: str, value: Any, shape: tuple[int, ...]) -> Fix:
    """A one-step fix: ``name`` follows the input (or, when it cannot, is set to ``value``) on the block."""
    step, words = _fit_step(kind, name, value, shape)
    return Fix(f"{words[0].upper()}{words[1:]} on block {{path}}", (step,))


def _insert_before(kind_name: str, **params: Any) -> FixStep:
    return FixStep("insert", ".", kind=kind_name, params=params)


def _require_float(kind: LayerKind, spec: Spec) -> None:
    if spec.dtype != "float":
        raise _fail(f"{kind.name} needs floating-point input, but gets integer token ids. "
                    f"Put an Embedding before it to turn ids into vectors.", spec, "floating-point values")


def _ranks_text(kind: LayerKind, dims: int) -> str:
    letters = {1: "L", 2: "H, W", 3: "D, H, W"}[dims]
    return f"a {dims + 1}-d (C, {letters}) or {dims + 2}-d (N, C, {letters}) input"


def _spatial_input(kind: LayerKind, params: Params, spec: Spec, dims: int) -> tuple[int, ...]:
    shape = spec.shape
    if len(shape) not in (dims + 1, dims + 2):
        fix = None
        channels = params.get("in_channels")
        if len(shape) == 2 and isinstance(channels, int) and shape[1] % channels == 0 and dims == 2:
            side = math.isqrt(shape[1] // channels)
            if side * side * channels == shape[1]:
                fix = Fix(f"Insert Unflatten(1, ({channels}, {side}, {side})) before block {{path}}",
                          (_insert_before("Unflatten", dim=1, unflattened_size=(channels, side, side)),))
        raise _fail(f"{kind.name} expects {_ranks_text(kind, dims)}, but gets {fmt(shape)} "
                    f"({len(shape)}-d).", spec, _ranks_text(kind, dims), fix)
    return shape


def _check_channels(kind: LayerKind, spec: Spec, name: str, expected: int, actual: int, dim_text: str) -> None:
    if actual != expected:
        raise _fail(f"{kind.name} expects {expected} input channels ({name}), but the input {fmt(spec.shape)} "
                    f"has {actual} in {dim_text}.", spec, f"{expected} channels",
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
        raise _fail("Linear needs at least one dimension.", spec, f"(…, {n_in})")
    if shape[-1] == n_in:
        return Spec(shape[:-1] + (params["out_features"],))
    flat = math.prod(shape[1:])
    expected = f"(…, {n_in})"
    if len(shape) >= 3 and flat == n_in:
        raise _fail(f"Linear works on the last dimension ({shape[-1]}), but in_features is {n_in}. "
                    f"The input {fmt(shape)} has {len(shape)} dimensions: flatten it to "
                    f"({shape[0]}, {flat}) first.", spec, expected,
                    Fix("Insert Flatten before block {path}", (_insert_before("Flatten"),)))
    if len(shape) >= 4:
        # The steps set in_features first: an insert at the block's own path moves the block on by one.
        step, words = _fit_step(kind, "in_features", flat, (shape[0], flat))
        raise _fail(f"Linear works on the last dimension, but the input {fmt(shape)} has {len(shape)} "
                    f"dimensions. Flatten it to ({shape[0]}, {flat}) and set in_features={flat}.", spec, expected,
                    Fix(f"Insert Flatten and {words}", (step, _insert_before("Flatten"))), field="in_features")
    raise _fail(f"Linear expects inputs whose last dimension is {n_in} (in_features), but gets "
                f"{fmt(shape)}.", spec, expected, _fit(kind, "in_features", shape[-1], shape), field="in_features")


def conv(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dims = kind.shape_args["dims"]
    shape = _spatial_input(kind, params, spec, dims)
    _check_channels(kind, spec, "in_channels", params["in_channels"], shape[-dims - 1],
                    f"dimension {len(shape) - dims - 1}")
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
            raise _fail(f"{kind.name} pads with '{params['padding_mode']}', which needs padding ({pad}) "
                        f"smaller than the input size {size}.", spec, f"padding < {size}", field="padding")
        length = (size + 2 * pad - span) // stride[i] + 1
        if length < 1:
            raise _fail(f"The kernel ({span} wide with dilation) is larger than the padded input "
                        f"({size + 2 * pad}) of {fmt(shape)}.", spec, f"kernel_size ≤ {size + 2 * pad}",
                        field="kernel_size")
        out.append(length)
    return Spec(shape[:-dims - 1] + (params["out_channels"],) + tuple(out))


def conv_transpose(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dims = kind.shape_args["dims"]
    shape = _spatial_input(kind, params, spec, dims)
    _check_channels(kind, spec, "in_channels", params["in_channels"], shape[-dims - 1],
                    f"dimension {len(shape) - dims - 1}")
    names = ("kernel_size", "stride", "padding", "output_padding", "dilation")
    kernel, stride, pad, extra, dilation = (ntuple(params[n], dims) for n in names)
    out = []
    for i, size in enumerate(shape[-dims:]):
        length = (size - 1) * stride[i] - 2 * pad[i] + dilation[i] * (kernel[i] - 1) + extra[i] + 1
        if length < 1:
            raise _fail(f"The padding ({pad[i]}) removes more than the output has: {fmt(shape)} would become "
                        f"{length} long.", spec, "a smaller padding", field="padding")
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
            raise _fail(f"The pooling window ({kernel[i]}) is larger than the padded input ({size + 2 * pad[i]}) "
                        f"of {fmt(shape)}.", spec, f"kernel_size ≤ {size + 2 * pad[i]}", field="kernel_size")
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
        raise _fail(f"{kind.name} needs non-empty input, but gets {fmt(shape)}.", spec, "sizes ≥ 1")
    out = tuple(size if w is None else w for size, w in zip(shape[-dims:], wanted, strict=True))
    return Spec(shape[:-dims] + out)


def batchnorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    ranks = kind.shape_args["ranks"]
    shape = spec.shape
    if len(shape) not in ranks:
        wanted = "a 2-d (N, C) or 3-d (N, C, L)" if ranks == (2, 3) else "a 4-d (N, C, H, W)"
        raise _fail(f"{kind.name} expects {wanted} input, but gets {fmt(shape)} ({len(shape)}-d).", spec,
                    wanted + " input")
    if params["affine"] or params["track_running_stats"]:
        _check_channels(kind, spec, "num_features", params["num_features"], shape[1], "dimension 1")
    if shape[0] * math.prod(shape[2:]) < 2:  # a freshly built model is in training mode
        raise _fail(f"{kind.name} computes each channel's mean and variance over the batch, but the input "
                    f"{fmt(shape)} has a batch of one: there is nothing to average while training.", spec,
                    "a batch of 2 or more",
                    Fix("Use a batch of 2 inputs", (FixStep("set_batch_size", ".", params={"batch_size": 2}),)))
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
        raise _fail(f"LayerNorm normalizes the last dimensions {fmt(wanted)}, but the input is {fmt(shape)}.",
                    spec, f"(…, {', '.join(map(str, wanted))})", fix, field="normalized_shape")
    return spec


def groupnorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = spec.shape
    if len(shape) < 2:
        raise _fail(f"GroupNorm expects (N, C, …) input, but gets {fmt(shape)}.", spec, "(N, C, …)")
    if params["affine"]:
        _check_channels(kind, spec, "num_channels", params["num_channels"], shape[1], "dimension 1")
    elif shape[1] % params["num_groups"]:
        raise _fail(f"GroupNorm splits the {shape[1]} channels of {fmt(shape)} into {params['num_groups']} groups, "
                    f"but {shape[1]} is not divisible by {params['num_groups']}.", spec,
                    f"channels divisible by {params['num_groups']}", field="num_groups")
    if shape[0] * shape[1] // params["num_groups"] * math.prod(shape[2:]) < 2:  # torch's _verify_batch_size
        raise _fail(f"Each GroupNorm group of {fmt(shape)} holds a single value: there is nothing to normalize.",
                    spec, "more than one value per group", field="num_groups")
    return spec


def instancenorm(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = _spatial_input(kind, params, spec, kind.shape_args["dims"])
    if params["affine"] or params["track_running_stats"]:
        _check_channels(kind, spec, "num_features", params["num_features"], shape[-3], f"dimension {len(shape) - 3}")
    if shape[-1] * shape[-2] < 2:
        raise _fail(f"InstanceNorm2d normalizes over height × width, which is 1 × 1 in {fmt(shape)}: there is "
                    f"nothing to normalize.", spec, "more than one spatial element")
    return spec


def prelu(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    count = params["num_parameters"]
    shape = spec.shape
    channels = shape[1] if len(shape) >= 2 else 1
    if count != 1 and count != channels:
        raise _fail(f"PReLU has {count} slopes, but the input {fmt(shape)} has {channels} channels. "
                    f"Use 1 slope or one per channel.", spec, f"{count} channels",
                    _fit(kind, "num_parameters", channels, shape),
                    field="num_parameters")
    return spec


def softmax(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    dim = params["dim"]
    rank = max(len(spec.shape), 1)
    if dim is not None and not -rank <= dim < rank:
        raise _fail(f"{kind.name}(dim={dim}) needs a dimension between {-rank} and {rank - 1} for "
                    f"the input {fmt(spec.shape)}.", spec, f"dim in [{-rank}, {rank - 1}]",
                    _set("Set dim=-1 on block {path}", dim=-1), field="dim")
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
        raise _fail(f"Flatten(start_dim={params['start_dim']}, end_dim={params['end_dim']}) does not fit the "
                    f"{len(spec.shape)}-d input {fmt(spec.shape)}.", spec, "start_dim ≤ end_dim within the input",
                    field="start_dim")
    return Spec(shape[:start] + (math.prod(shape[start:end + 1]),) + shape[end + 1:], spec.dtype)


def unflatten(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    shape = spec.shape
    dim = _normalize_dim(params["dim"], len(shape))
    sizes = tuple(params["unflattened_size"])
    if dim is None or not shape:
        raise _fail(f"Unflatten(dim={params['dim']}) is outside the input {fmt(shape)}.", spec,
                    "a dimension of the input", field="dim")
    if math.prod(sizes) != shape[dim]:
        raise _fail(f"Unflatten splits dimension {params['dim']} ({shape[dim]}) into {fmt(sizes)}, "
                    f"but those multiply to {math.prod(sizes)}.", spec, f"sizes whose product is {shape[dim]}",
                    field="unflattened_size")
    return Spec(shape[:dim] + sizes + shape[dim + 1:], spec.dtype)


def embedding(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    if spec.dtype != "long":
        raise _fail("Embedding looks up integer token ids, but gets floating-point values. Put the Embedding "
                    "first: the design's input is then a tensor of token ids.", spec, "integer token ids")
    return Spec(spec.shape + (params["embedding_dim"],))


def transformer(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    shape = spec.shape
    order = "(N, S, E)" if params["batch_first"] else "(S, N, E)"
    if len(shape) not in (2, 3):
        raise _fail(f"TransformerEncoderLayer expects a 3-d {order} or 2-d (S, E) input, but gets {fmt(shape)}.",
                    spec, f"{order} or (S, E)")
    if shape[-1] != params["d_model"]:
        raise _fail(f"TransformerEncoderLayer expects {params['d_model']} features per token (d_model), but the "
                    f"input {fmt(shape)} has {shape[-1]}.", spec, f"(…, {params['d_model']})",
                    _fit(kind, "d_model", shape[-1], shape), field="d_model")
    return spec


def elementwise(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    return spec


def channel_dropout(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    _require_float(kind, spec)
    if len(spec.shape) < 2:
        raise _fail(f"{kind.name} drops whole channels, so it needs at least 2 dimensions, but gets "
                    f"{fmt(spec.shape)}.", spec, "(N, C, …)")
    return spec


def identity(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    return spec


def custom(kind: LayerKind, params: Params, spec: Spec) -> Spec:
    """A custom layer or block: its forward runs on a meta-device copy (nothing allocated), errors in words."""
    import torch

    from editor.model.catalog.build import constructor_kwargs, torch_class

    definition = getattr(kind, "definition", None)
    forward = getattr(definition, "forward", None)
    what = f"{kind.name}'s forward ({forward[:80]})" if forward else kind.name
    with torch.device("meta"):
        module = torch_class(kind)(**constructor_kwargs(kind, params))
        dtype = torch.long if spec.dtype == "long" else torch.float32
        try:
            out = module(torch.empty(spec.shape, dtype=dtype))
        except (RuntimeError, ValueError, IndexError, TypeError, AssertionError, ArithmeticError) as exc:
            reason = " ".join(str(exc).split())[:300]
            raise _fail(f"{what} cannot take an input of shape {fmt(spec.shape)}: {reason}", spec,
                        "an input its forward accepts") from None
    if not isinstance(out, torch.Tensor):
        raise _fail(f"{what} gives a {type(out).__name__}, not a tensor, so nothing can follow it in a Sequential.",
                    spec, "one tensor out")
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

    ``module_factory`` builds the module; it is called under ``torch.device("meta")``.
    """
    import torch

    with torch.device("meta"):
        module = module_factory()
        dtype = torch.long if spec.dtype == "long" else torch.float32
        try:
            out = module(torch.empty(spec.shape, dtype=dtype))
        except (RuntimeError, ValueError, IndexError, TypeError, AssertionError) as exc:
            raise _fail(f"The layer cannot take an input of shape {fmt(spec.shape)}: {exc}", spec,
                        "a shape the layer accepts") from None
    if not isinstance(out, torch.Tensor):
        raise _fail("The layer returns more than one tensor, so nothing can follow it in a Sequential.",
                    spec, "one tensor out")
    return Spec(tuple(out.shape), "long" if out.dtype == torch.long else "float")
