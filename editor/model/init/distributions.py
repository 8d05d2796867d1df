"""The theoretical distribution behind a parameter's values, for the histogram's overlay.

Either the init rule that last filled the tensor, or the layer's own default
(``Linear``: ``U(−1/√in, 1/√in)``, ``Embedding``: ``N(0, 1)``, norms: ones and
zeros, …). Each :class:`Distribution` can say its density and carries a label
with the bound or the standard deviation, written the way a textbook would.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from editor.model.design.torch_dicts import CONV_BASE, NORM_BASE
from editor.model.init.functions import InitFunction, fans
from editor.model.words import Said, say


@dataclass(frozen=True)
class Distribution:
    """A distribution of values: uniform, normal, truncated normal, a constant, or a described one."""

    kind: str
    label: str
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    std: float | None = None
    value: float | None = None  # the location of a point mass (constant, or the zeros of sparse_)
    weight: float = 1.0  # the share of values the density covers (sparse_: the non-zero ones)

    def pdf(self, x: np.ndarray) -> np.ndarray | None:
        """The density at ``x`` (None for point masses and distributions without a formula)."""
        x = np.asarray(x, dtype=np.float64)
        if self.kind == "uniform" and self.low is not None and self.high is not None and self.high > self.low:
            inside = (x >= self.low) & (x <= self.high)
            return np.where(inside, self.weight / (self.high - self.low), 0.0)
        if self.kind in ("normal", "orthogonal", "sparse") and self.std and self.mean is not None:
            z = (x - self.mean) / self.std
            return self.weight * np.exp(-0.5 * z * z) / (self.std * math.sqrt(2 * math.pi))
        if self.kind == "trunc_normal" and self.std and self.mean is not None:
            low, high = (self.low - self.mean) / self.std, (self.high - self.mean) / self.std  # type: ignore[operator]
            mass = 0.5 * (math.erf(high / math.sqrt(2)) - math.erf(low / math.sqrt(2)))
            z = (x - self.mean) / self.std
            dens = np.exp(-0.5 * z * z) / (self.std * math.sqrt(2 * math.pi) * max(mass, 1e-300))
            return np.where((x >= self.low) & (x <= self.high), dens, 0.0)  # type: ignore[operator]
        return None


def _num(value: float) -> str:
    return f"{value:.4g}".replace("-", "−")


def uniform(bound: float, why: str) -> Distribution:
    return Distribution("uniform", say("U(−{bound}, {bound}): {why}", bound=_num(bound), why=why), low=-bound,
                        high=bound)


def normal(mean: float, std: float, why: str) -> Distribution:
    return Distribution("normal", say("N({mean}, {std}²): {why}", mean=_num(mean), std=_num(std), why=why), mean=mean,
                        std=std)


def constant(value: float, why: str) -> Distribution:
    return Distribution("constant", say("every value = {value}: {why}", value=_num(value), why=why), value=value)


def for_function(function: InitFunction, kwargs: dict[str, Any], tensor: torch.Tensor,
                 gain_text: str | None = None) -> Distribution | None:
    """What ``function(tensor, **kwargs)`` draws from."""
    name = function.name
    fan_in, fan_out = fans(tensor)
    gain = kwargs.get("gain", 1.0)
    g = f"{gain_text} = {_num(gain)}" if gain_text else f"gain {_num(gain)}"
    if name == "uniform_":
        return Distribution("uniform", f"U({_num(kwargs['a'])}, {_num(kwargs['b'])})", low=kwargs["a"],
                            high=kwargs["b"])
    if name == "normal_":
        return normal(kwargs["mean"], kwargs["std"], "normal_")
    if name == "trunc_normal_":
        return Distribution("trunc_normal", say("N({mean}, {std}²) cut to [{a}, {b}]", mean=_num(kwargs["mean"]),
                                                std=_num(kwargs["std"]), a=_num(kwargs["a"]), b=_num(kwargs["b"])),
                            mean=kwargs["mean"], std=kwargs["std"],
                            low=kwargs["a"], high=kwargs["b"])
    if name in ("constant_", "ones_", "zeros_"):
        value = {"ones_": 1.0, "zeros_": 0.0}.get(name, kwargs.get("val", 0.0))
        return constant(value, name)
    if name == "eye_":
        return Distribution("eye", say("identity matrix: ones on the diagonal, zeros elsewhere"))
    if name == "dirac_":
        return Distribution("dirac", say("Dirac delta: a single 1 per filter, zeros elsewhere"))
    if name == "xavier_uniform_" and fan_in + fan_out:
        return uniform(gain * math.sqrt(6.0 / (fan_in + fan_out)),
                       f"xavier_uniform_, b = gain·√(6/(fan_in+fan_out)), {g}")
    if name == "xavier_normal_" and fan_in + fan_out:
        return normal(0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)),
                      f"xavier_normal_, std = gain·√(2/(fan_in+fan_out)), {g}")
    if name in ("kaiming_uniform_", "kaiming_normal_"):
        mode = kwargs.get("mode", "fan_in")
        fan = fan_in if mode == "fan_in" else fan_out
        k_gain = nn.init.calculate_gain(kwargs.get("nonlinearity", "leaky_relu"), kwargs.get("a", 0.0))
        if not fan:
            return None
        if name == "kaiming_uniform_":
            return uniform(k_gain * math.sqrt(3.0 / fan), f"kaiming_uniform_, b = gain·√(3/{mode}), gain "
                                                          f"{_num(k_gain)}")
        return normal(0.0, k_gain / math.sqrt(fan), f"kaiming_normal_, std = gain/√{mode}, gain {_num(k_gain)}")
    if name == "orthogonal_" and tensor.dim() >= 2:
        rows, cols = tensor.shape[0], tensor.numel() // tensor.shape[0]
        std = gain / math.sqrt(max(rows, cols))
        return Distribution("orthogonal", say("orthogonal_: entries ≈ N(0, {std}²), std ≈ gain/√{size}, {gain}",
                                              std=_num(std), size=max(rows, cols), gain=g), mean=0.0, std=std)
    if name == "sparse_" and tensor.dim() == 2:
        share = math.ceil(kwargs["sparsity"] * tensor.shape[0]) / max(tensor.shape[0], 1)
        return Distribution("sparse", say("sparse_: {share}% zeros, the rest N(0, {std}²)", share=_num(100 * share),
                                          std=_num(kwargs["std"])),
                            mean=0.0, std=kwargs["std"], value=0.0, weight=1.0 - share)
    return None


def default_for(owner: nn.Module, local: str, tensor: torch.Tensor) -> Distribution | None:
    """How a freshly constructed layer fills its parameter ``local`` (e.g. ``"weight"``, ``"linear1.bias"``)."""
    prefix, _, name = local.rpartition(".")
    module = owner.get_submodule(prefix) if prefix else owner
    kind = type(module).__name__
    if isinstance(module, nn.MultiheadAttention):
        if name == "in_proj_weight":
            fan_in, fan_out = fans(tensor)
            return uniform(math.sqrt(6.0 / (fan_in + fan_out)),
                           say("{kind} default, {function}", kind="MultiheadAttention", function="xavier_uniform_"))
        return constant(0.0, say("{kind} default", kind="MultiheadAttention"))
    if prefix.endswith("out_proj") and name == "bias":
        return constant(0.0, say("MultiheadAttention zeroes its out_proj bias"))
    if isinstance(module, (nn.Linear, CONV_BASE, nn.Bilinear)):
        weight = module.weight
        fan_in = fans(weight)[0] if weight.dim() >= 2 else 0
        if isinstance(module, nn.Bilinear):
            fan_in = weight.shape[1]
        if not fan_in:
            return None
        size = "in_features" if isinstance(module, nn.Linear) else "fan_in"
        return uniform(1.0 / math.sqrt(fan_in), say("{kind} default {name}, b = 1/√{size} = 1/√{fan_in}", kind=kind,
                                                    name=name, size=size, fan_in=fan_in))
    if isinstance(module, nn.Embedding):
        return normal(0.0, 1.0, say("{kind} default", kind="Embedding"))
    if isinstance(module, nn.PReLU):
        return constant(float(getattr(module, "init", 0.25)), say("{kind} default ({name})", kind="PReLU", name="init"))
    if isinstance(module, (NORM_BASE, nn.LayerNorm, nn.GroupNorm)):
        return constant(1.0 if name == "weight" else 0.0, say("{kind} default {name}", kind=kind, name=name))
    if isinstance(module, nn.RNNBase):
        bound = 1.0 / math.sqrt(module.hidden_size)
        return uniform(bound, say("{kind} default, b = 1/√hidden_size", kind=kind))
    return None


@dataclass(frozen=True)
class Mixture:
    """Several tensors drawn from different distributions (different fans), weighted by their sizes."""

    parts: tuple[tuple[Distribution, int], ...]
    kind: str = "mixture"
    value: float | None = None

    @property
    def label(self) -> str:
        """The parts' labels, the words they share said once.

        ``2 tensors: U(−0.2, 0.2), U(−0.1, 0.1): xavier_uniform_, b = …``: the
        bounds first, where a plot's title shows them, the common rule after.
        """
        labels = list(dict.fromkeys(d.label for d, _ in self.parts))
        if len(labels) == 1:
            return labels[0]
        count = say("{count} tensors", count=len(self.parts))
        split = [_split(label) for label in labels]
        heads = [head for head, _, _ in split]
        tails = list(dict.fromkeys(tail for _, _, tail in split))
        if all(colon for _, colon, _ in split) and len(tails) == 1:
            return say("{count}: {parts}: {rule}", count=count, parts=_listed(heads, ", "), rule=tails[0])
        if all(colon for _, colon, _ in split) and len(set(heads)) == 1:
            return say("{count}, {distribution}: {rules}", count=count, distribution=heads[0],
                       rules=_listed(tails, "; "))
        return say("{count}: {parts}", count=count, parts=_listed(labels, "; "))

    def pdf(self, x: np.ndarray) -> np.ndarray | None:
        """The size-weighted density of the continuous parts; point masses (norm ones and zeros) add none.

        None when a part has neither a density nor a point mass (eye_, a custom
        expression), or when every part is a point mass.
        """
        total = sum(n for _, n in self.parts)
        out = np.zeros_like(np.asarray(x, dtype=np.float64))
        continuous = False
        for dist, n in self.parts:
            density = dist.pdf(x)
            if density is None:
                if dist.value is None:
                    return None
                continue
            continuous = True
            out += density * (n / total)
        return out if continuous else None


def _split(label: str) -> tuple[str, str, str]:
    """``label.partition(": ")``, its rule kept as said (so that it is translated) when the label was said so."""
    head, colon, tail = label.partition(": ")
    why = label.values.get("why") if isinstance(label, Said) else None
    return head, colon, why if isinstance(why, str) and str(why) == tail else tail


def _listed(texts: list[str], separator: str, most: int = 4) -> str:
    """``texts`` (at most ``most`` of them, then "…") joined with ``separator`` (", " or "; "), each kept as said."""
    listed = texts[0]
    for text in texts[1:most]:
        listed = say("{a}, {b}", a=listed, b=text) if separator == ", " else say("{a}; {b}", a=listed, b=text)
    return say("{listed} …", listed=listed) if len(texts) > most else listed


def combine(parts: list[tuple[Distribution | None, int]]) -> Distribution | Mixture | None:
    """One distribution for several tensors: the common one, or their size-weighted mixture."""
    if not parts or any(d is None for d, _ in parts):
        return None
    if len({d for d, _ in parts}) == 1:
        return parts[0][0]
    values = {d.value for d, _ in parts if d is not None and d.value is not None}
    common = values.pop() if len(values) == 1 else None  # one point mass (sparse_'s zeros) stays marked
    return Mixture(tuple((d, n) for d, n in parts if d is not None), value=common)
