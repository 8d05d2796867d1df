"""The ``torch.nn.init`` functions as data: their arguments, what tensors they fit, what they draw.

Each :class:`InitFunction` knows its keyword arguments (with torch's
defaults), which tensors it can fill (``eye_`` needs a 2-D one, fan-based
inits at least 2-D), and how to call it. :func:`check_fits` turns a tensor
that does not fit into a sentence a learner understands, before anything is
changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from editor.model.errors import ValidationError
from editor.model.words import say

NONLINEARITIES = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                  "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu")
MODES = ("fan_in", "fan_out")


@dataclass(frozen=True)
class InitArg:
    """One keyword argument of an init function."""

    name: str
    default: Any
    kind: type  # float, int or str
    doc: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class InitFunction:
    """One ``torch.nn.init`` function."""

    name: str
    args: tuple[InitArg, ...]
    doc: str
    dims: tuple[int, ...] | None = None  # exact numbers of dimensions it accepts (None: any)
    min_dims: int = 0
    random: bool = True
    gain: bool = False  # takes a gain that calculate_gain can supply

    def arg(self, name: str) -> InitArg:
        return next(a for a in self.args if a.name == name)

    @property
    def arg_names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.args)

    def defaults(self) -> dict[str, Any]:
        return {a.name: a.default for a in self.args}

    def call(self, tensor: torch.Tensor, kwargs: dict[str, Any], generator: torch.Generator | None = None) -> None:
        """Fill ``tensor`` in place (from ``generator``, or torch's default one as plain code does)."""
        if generator is not None and self.random:
            kwargs = {**kwargs, "generator": generator}
        getattr(nn.init, self.name)(tensor, **kwargs)


def _f(name: str, default: Any, doc: str, kind: type = float, choices: tuple[str, ...] = ()) -> InitArg:
    return InitArg(name, default, kind, doc, choices)


_GAIN = _f("gain", 1.0, "scales the spread; calculate_gain(nonlinearity) suits the activation that follows")
_FAN = (_f("a", 0.0, "negative slope of the leaky_relu that follows (only used with leaky_relu)"),
        _f("mode", "fan_in", "fan_in keeps the forward pass's variance, fan_out the backward pass's", str, MODES),
        _f("nonlinearity", "leaky_relu", "the activation that follows (for the gain)", str, NONLINEARITIES))

INIT_FUNCTIONS: dict[str, InitFunction] = {f.name: f for f in (
    InitFunction("uniform_", (_f("a", 0.0, "lower bound"), _f("b", 1.0, "upper bound")), "U(a, b)"),
    InitFunction("normal_", (_f("mean", 0.0, "mean"), _f("std", 1.0, "standard deviation")), "N(mean, std²)"),
    InitFunction("trunc_normal_", (_f("mean", 0.0, "mean"), _f("std", 1.0, "standard deviation"),
                                   _f("a", -2.0, "lowest value"), _f("b", 2.0, "highest value")),
                 "N(mean, std²), redrawn until inside [a, b]"),
    InitFunction("constant_", (_f("val", 0.0, "the value"),), "every entry = val", random=False),
    InitFunction("ones_", (), "every entry = 1", random=False),
    InitFunction("zeros_", (), "every entry = 0", random=False),
    InitFunction("eye_", (), "the identity matrix (2-D tensors only)", dims=(2,), random=False),
    InitFunction("dirac_", (_f("groups", 1, "number of groups in the convolution", int),),
                 "a convolution that passes its input through (3-, 4- or 5-D tensors)", dims=(3, 4, 5),
                 random=False),
    InitFunction("xavier_uniform_", (_GAIN,), "U(−b, b), b = gain·√(6 / (fan_in + fan_out))", min_dims=2,
                 gain=True),
    InitFunction("xavier_normal_", (_GAIN,), "N(0, std²), std = gain·√(2 / (fan_in + fan_out))", min_dims=2,
                 gain=True),
    InitFunction("kaiming_uniform_", _FAN, "U(−b, b), b = gain·√(3 / fan)", min_dims=2),
    InitFunction("kaiming_normal_", _FAN, "N(0, std²), std = gain / √fan", min_dims=2),
    InitFunction("orthogonal_", (_GAIN,), "a (semi-)orthogonal matrix times gain", min_dims=2, gain=True),
    InitFunction("sparse_", (_f("sparsity", 0.1, "fraction of each column set to zero"),
                             _f("std", 0.01, "standard deviation of the non-zero entries")),
                 "N(0, std²) with a fraction of each column zeroed (2-D tensors only)", dims=(2,)),
)}


def init_function(name: str) -> InitFunction:
    """The init function called ``name`` (``"xavier_uniform"`` and ``"nn.init.xavier_uniform_"`` work too)."""
    key = str(name).removeprefix("torch.").removeprefix("nn.").removeprefix("init.")
    if not key.endswith("_"):
        key += "_"
    found = INIT_FUNCTIONS.get(key)
    if found is None:
        raise ValidationError(say("There is no init function {name!r}. Choose one of: {names}.", name=name,
                                  names=', '.join(INIT_FUNCTIONS)),
                              field="function", valid=", ".join(INIT_FUNCTIONS))
    return found


def check_args(function: InitFunction, given: dict[str, Any]) -> dict[str, Any]:
    """``given`` checked and completed with torch's defaults; a clear error for anything wrong."""
    unknown = sorted(set(given) - set(function.arg_names))
    if unknown:
        takes = ", ".join(function.arg_names) or "no arguments"
        raise ValidationError(say("{function} has no argument {name!r}; it takes {takes}.", function=function.name,
                                  name=unknown[0], takes=takes),
                              field=unknown[0], valid=takes)
    values = function.defaults()
    for name, value in given.items():
        arg = function.arg(name)
        values[name] = _check_value(function, arg, value)
    if function.name == "constant_" and "val" not in given:
        raise ValidationError(say("constant_ needs val: the value to fill with, e.g. constant_(w, 0.5)."), field="val",
                              valid=say("a number"))
    if function.name == "sparse_" and "sparsity" not in given:
        raise ValidationError(say("sparse_ needs a sparsity: the fraction of each column to set to zero, e.g. 0.1."),
                              field="sparsity", valid=say("a number from 0 to 1"))
    if function.name in ("uniform_", "trunc_normal_") and values["a"] > values["b"]:
        raise ValidationError(say("{function} needs a ≤ b, but a = {a} and b = {b}.", function=function.name,
                                  a=values['a'], b=values['b']),
                              field="a", valid=say("a number ≤ {b}", b=values["b"]))
    if function.name == "trunc_normal_" and values["std"] <= 0:
        raise ValidationError(say("trunc_normal_ needs std > 0."), field="std", valid=say("a number > 0"))
    return values


def _check_value(function: InitFunction, arg: InitArg, value: Any) -> Any:
    where = f"{function.name}({arg.name}=…): "
    if arg.choices:
        if value not in arg.choices:
            raise ValidationError(say("{where}{value!r} is not one of {names}.", where=where, value=value,
                                      names=', '.join(arg.choices)), field=arg.name,
                                  valid=", ".join(arg.choices))
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(say("{where}expected a number, not {value!r}.", where=where, value=value),
                              field=arg.name, valid=say("a number"))
    if arg.kind is int:
        if value != int(value) or value < 1:
            raise ValidationError(say("{where}expected a whole number ≥ 1, not {value!r}.", where=where, value=value),
                                  field=arg.name,
                                  valid=say("a whole number ≥ 1"))
        return int(value)
    value = float(value)
    if not math.isfinite(value):
        raise ValidationError(say("{where}{value} is not a finite number.", where=where, value=value), field=arg.name,
                              valid=say("a finite number"))
    if (arg.name in ("std", "sparsity") and value < 0) or (arg.name == "sparsity" and value > 1):
        valid = say("a number from 0 to 1") if arg.name == "sparsity" else say("a number ≥ 0")
        raise ValidationError(say("{where}{value} is out of range: use {valid}.", where=where, value=value,
                                  valid=valid), field=arg.name, valid=valid)
    return value


def gain_for(nonlinearity: str, param: float | None = None) -> float:
    """``nn.init.calculate_gain(nonlinearity, param)`` with a clear error for unknown names."""
    if nonlinearity not in NONLINEARITIES:
        raise ValidationError(say("calculate_gain does not know {nonlinearity!r}; choose one of {names}.",
                                  nonlinearity=nonlinearity, names=', '.join(NONLINEARITIES)), field="nonlinearity",
                              valid=", ".join(NONLINEARITIES))
    return float(nn.init.calculate_gain(nonlinearity, param))  # type: ignore[arg-type]


def check_fits(function: InitFunction, tensor: torch.Tensor, where: str, kwargs: dict[str, Any],
               name: str = "") -> None:
    """Refuse a tensor the function cannot fill, saying why and what would work instead.

    ``name`` is the parameter's own name (``"bias"``, ``"weight"``): it picks the advice.
    """
    dims = tensor.dim()
    shape = tuple(tensor.shape)
    if function.dims is not None and dims not in function.dims:
        need = str(function.dims[0]) if len(function.dims) == 1 else \
            say("{some}- or {last}", some="-, ".join(map(str, function.dims[:-1])), last=function.dims[-1])
        hint = {"eye_": say("eye_ is for Linear weights; for convolution weights use dirac_."),
                "dirac_": say("dirac_ is for convolution weights; for Linear weights use eye_."),
                "sparse_": say("sparse_ is for Linear weights.")}[function.name]
        raise ValidationError(say("{function} needs a {need}-D tensor, but {where} is {dims}-D {shape}. {hint} "
                                  "Nothing was changed.", function=function.name, need=need, where=where, dims=dims,
                                  shape=shape, hint=hint), field="function")
    if dims < function.min_dims:
        last = name.rpartition(".")[2]
        if "bias" in last:
            advice = say("Target the weights, not the biases")
        elif "weight" in last:  # a 1-D weight: BatchNorm, LayerNorm, GroupNorm
            advice = say("A 1-D weight is a normalization layer's scale: limit the rule to one layer kind (every "
                         "Linear or Conv2d)")
        else:
            advice = say("Target weights only (not biases or normalization weights)")
        raise ValidationError(
            say("{function} works out fan_in and fan_out from the tensor's shape, so it needs at least 2 "
                "dimensions, but {where} is {dims}-D {shape}. {advice}, or choose a function such as zeros_, "
                "ones_, constant_, uniform_ or normal_. Nothing was changed.", function=function.name, where=where,
                dims=dims, shape=shape, advice=advice), field="function")
    if function.name == "dirac_" and shape[0] % kwargs.get("groups", 1):
        raise ValidationError(say("dirac_ with groups={groups} needs the first dimension of {where} ({size}) to "
                                  "divide evenly by the groups. Nothing was changed.", groups=kwargs["groups"],
                                  where=where, size=shape[0]), field="groups")
    if function.name == "kaiming_uniform_" or function.name == "kaiming_normal_":
        fan_in, fan_out = fans(tensor)
        if (fan_in if kwargs.get("mode", "fan_in") == "fan_in" else fan_out) == 0:
            raise ValidationError(say("{function} divides by the fan, which is 0 for {where} {shape}. Nothing was "
                                      "changed.", function=function.name, where=where, shape=shape), field="mode")


def fans(tensor: torch.Tensor) -> tuple[int, int]:
    """fan_in and fan_out as ``torch.nn.init`` computes them (0, 0 below 2 dimensions)."""
    if tensor.dim() < 2:
        return 0, 0
    receptive = math.prod(tensor.shape[2:])
    return tensor.shape[1] * receptive, tensor.shape[0] * receptive
