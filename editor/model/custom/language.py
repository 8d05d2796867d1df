"""The vocabulary of custom layers, as plain names: what a forward expression may call, read and pass.

These are data only (no torch), so definitions can be checked, stored and
listed without loading torch; :mod:`editor.model.custom.functions` binds each
name to the torch function or tensor method it stands for, and code export
writes the same names back as ``torch.X`` / ``F.X`` / ``x.X``.
"""

from __future__ import annotations

import keyword

from editor.model.words import say

FUNCTIONS: dict[str, str] = {
    # name in an expression → how exported code writes the call
    "mean": "torch.mean", "sum": "torch.sum", "max": "torch.max", "min": "torch.min", "prod": "torch.prod",
    "var": "torch.var", "std": "torch.std", "amax": "torch.amax", "amin": "torch.amin",
    "argmax": "torch.argmax", "argmin": "torch.argmin", "logsumexp": "torch.logsumexp", "cumsum": "torch.cumsum",
    "norm": "torch.norm",
    "relu": "F.relu", "sigmoid": "torch.sigmoid", "tanh": "torch.tanh", "softmax": "F.softmax",
    "log_softmax": "F.log_softmax", "gelu": "F.gelu", "silu": "F.silu", "elu": "F.elu", "leaky_relu": "F.leaky_relu",
    "softplus": "F.softplus", "normalize": "F.normalize",
    "exp": "torch.exp", "log": "torch.log", "abs": "torch.abs", "sqrt": "torch.sqrt", "square": "torch.square",
    "pow": "torch.pow", "sin": "torch.sin", "cos": "torch.cos", "sign": "torch.sign", "clamp": "torch.clamp",
    "maximum": "torch.maximum", "minimum": "torch.minimum", "where": "torch.where",
    "matmul": "torch.matmul", "mm": "torch.mm",
    "reshape": "torch.reshape", "flatten": "torch.flatten", "transpose": "torch.transpose",
    "permute": "torch.permute", "unsqueeze": "torch.unsqueeze", "squeeze": "torch.squeeze",
    "cat": "torch.cat", "stack": "torch.stack",
    "ones": "torch.ones", "zeros": "torch.zeros", "ones_like": "torch.ones_like", "zeros_like": "torch.zeros_like",
}
"""Functions a forward expression may call, as ``relu(x)``, ``torch.relu(x)`` or ``F.relu(x)``."""

METHODS: tuple[str, ...] = (
    "mean", "sum", "max", "min", "prod", "var", "std", "amax", "amin", "argmax", "argmin", "logsumexp", "cumsum",
    "norm", "relu", "sigmoid", "tanh", "softmax", "log_softmax", "exp", "log", "abs", "sqrt", "square", "pow",
    "sin", "cos", "sign", "clamp", "matmul", "mm", "reshape", "view", "flatten", "transpose", "permute",
    "unsqueeze", "squeeze", "t", "contiguous", "size", "dim", "numel",
)
"""Tensor methods a forward expression may call: ``x.mean(dim=1, keepdim=True)``."""

ATTRIBUTES: tuple[str, ...] = ("shape", "T", "ndim")
"""Tensor attributes a forward expression may read: ``x.shape[0]``."""

KEYWORDS: frozenset[str] = frozenset({
    "dim", "keepdim", "min", "max", "dim0", "dim1", "start_dim", "end_dim", "exponent", "negative_slope", "alpha",
    "beta", "threshold", "unbiased", "correction", "p", "eps", "other", "approximate",
})
"""Keyword arguments a call in a forward expression may pass."""

NAMESPACES: frozenset[str] = frozenset({"torch", "F", "torch.nn.functional"})
"""Prefixes a function call may be written with: ``torch.relu(x)`` is ``relu(x)``."""

INPUT = "x"
"""The name of a layer's input in its forward expression."""

CREATION_INITS: tuple[str, ...] = ("randn", "rand", "zeros", "ones", "empty")
"""Initial values made by ``torch.<name>(*shape)``, as ``nn.Parameter(torch.randn(in_units, units))`` does."""

INIT_FUNCTIONS: dict[str, tuple[str, ...]] = {
    # torch.nn.init function → its keyword arguments (after the tensor)
    "uniform_": ("a", "b"),
    "normal_": ("mean", "std"),
    "trunc_normal_": ("mean", "std", "a", "b"),
    "constant_": ("val",),
    "ones_": (),
    "zeros_": (),
    "eye_": (),
    "dirac_": ("groups",),
    "xavier_uniform_": ("gain",),
    "xavier_normal_": ("gain",),
    "kaiming_uniform_": ("a", "mode", "nonlinearity"),
    "kaiming_normal_": ("a", "mode", "nonlinearity"),
    "orthogonal_": ("gain",),
    "sparse_": ("sparsity", "std"),
}
"""``torch.nn.init`` functions an initial value may use: the tensor is ``torch.empty(*shape)``, then filled."""

MODULE_ATTRIBUTES: frozenset[str] = frozenset({
    "T_destination", "add_module", "apply", "bfloat16", "buffers", "call_super_init", "children", "compile", "cpu",
    "cuda", "double", "dump_patches", "eval", "extra_repr", "float", "forward", "get_buffer", "get_extra_state",
    "get_parameter", "get_submodule", "half", "ipu", "load_state_dict", "modules", "mtia", "named_buffers",
    "named_children", "named_modules", "named_parameters", "parameters", "register_backward_hook",
    "register_buffer", "register_forward_hook", "register_forward_pre_hook", "register_full_backward_hook",
    "register_full_backward_pre_hook", "register_load_state_dict_post_hook", "register_load_state_dict_pre_hook",
    "register_module", "register_parameter", "register_state_dict_post_hook", "register_state_dict_pre_hook",
    "requires_grad_", "set_extra_state", "set_submodule", "share_memory", "state_dict", "to", "to_empty", "train",
    "training", "type", "xpu", "zero_grad",
})
"""Names every ``nn.Module`` already has: a hyperparameter, parameter or child cannot take one of them."""

RESERVED: frozenset[str] = frozenset({INPUT, "self", "torch", "nn", "F", "math", "super", "True", "False",
                                      "None", "shape"})
"""Names a hyperparameter, parameter or child cannot have, because the generated code uses them."""


def name_problem(name: object, what: str) -> str | None:
    """Why ``name`` cannot name a ``what`` (a sentence), or None when it can."""
    what = noun(what)
    if not isinstance(name, str):
        return say("a {what} name must be text, not {type}", what=what, type=type(name).__name__)
    shown = repr(name) if len(name) <= 40 else repr(name[:40] + "…")
    if not name:
        return say("a {what} needs a name", what=what)
    if len(name) > MAX_NAME:
        return say("the {what} name {name} is longer than {limit} characters", what=what, name=shown, limit=MAX_NAME)
    if not name.isidentifier() or not name.isascii():
        return say("the {what} name {name} is not a Python identifier: use letters, digits and _, not starting "
                   "with a digit", what=what, name=shown)
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return say("the {what} name {name} is a Python keyword", what=what, name=shown)
    if name.startswith("_"):
        return say("the {what} name {name} starts with _: Python keeps such names for internals", what=what,
                   name=shown)
    return None


_NOUNS = {"definition": say("definition"), "hyperparameter": say("hyperparameter"), "parameter": say("parameter"),
          "child": say("child"), "layer": say("layer"), "block": say("block")}


def noun(what: str) -> str:
    """``what`` (a thing a name can name: "definition", "child", …), said for translation."""
    return _NOUNS.get(what, what)


MAX_NAME = 60
"""The longest name of a definition, hyperparameter, parameter or child."""
