"""Designs the code-export tests run: examples, labels, sharing, ranks, every catalog kind, hostile labels."""

from __future__ import annotations

from collections.abc import Callable

from torch import nn

from editor import Project
from editor.io.files.design_data import design_to_data, project_from_data
from editor.model import catalog
from editor.model.catalog.build import build_module
from editor.model.catalog.hyperparameters import validate_params
from editor.model.examples import EXAMPLES

# Labels a user may type (each passes check_label) that try to break out of a string, a name or a comment.
HOSTILE_LABELS = [
    'x"]))\nimport os\nos_system = 1  #',
    "'''\"\"\"\\",
    "model", "torch", "nn", "print", "class", "__import__", "build_model", "SEED", "OrderedDict",
    "编码器", "ℌello wörld", "\u202eevil\u202c", "a\rb", "tab\there", "{x}", "x\x00y", "🙂", "1abc",
    "# comment", "  padded  ",
]


def ranked(project: Project, ranks: list[int]) -> Project:
    """``project`` as if read from code that constructs its layers in the order ``ranks`` gives them."""
    data = design_to_data(project)
    for layer, rank in zip(data["layers"], ranks, strict=True):
        layer["rank"] = [rank]
    out = project_from_data(data, seed=project.seed)
    out.input_shape = project.input_shape
    out.reset_parameters()
    return out


def labelled_shared(seed: int = 5) -> Project:
    """Labels at every level and one module shared across three nesting levels."""
    p = Project(seed)
    p.append_layer("Linear", in_features=4, out_features=8)
    shared = p.append_layer("Linear", out_features=8)
    p.append_layer("Tanh")
    p.append(shared)
    p.append_layer("ReLU")
    p.append(shared)
    p.append_layer("Linear", out_features=2)
    p.group(["2", "3"])
    p.group(["3", "4"])
    p.group(["3"])
    p.set_label("1", "tied")
    p.set_label("2", "encoder")
    p.set_label("3.0.1", "again")
    p.set_label("4", "head")
    p.input_shape = (3, 4)
    return p


def shared_first(seed: int = 6) -> Project:
    """The tied example read from code that constructs ``shared = nn.Linear(8, 8)`` first (as d2l does)."""
    p = EXAMPLES["tied"](seed)
    return ranked(p, [1, 2, 0, 3, 4, 5])  # layers in first-use order: L0, R1, S2, R3, R5, L6


def reversed_order(seed: int = 7) -> Project:
    """A nested design whose source constructs its layers last to first: every layer needs a variable."""
    p = EXAMPLES["nested"](seed)
    return ranked(p, list(range(len(design_to_data(p)["layers"])))[::-1])


def all_kinds(seed: int = 9) -> Project:
    """Every catalog kind with its defaults (shapes need not line up: no forward pass)."""
    layers = [build_module(k, validate_params(k, k.defaults())) for k in catalog.kinds()]
    p = Project.from_module(nn.Sequential(*layers), seed=seed)
    p.reset_parameters()
    return p


def unusual_values(seed: int = 10) -> Project:
    """Non-default hyperparameters of many kinds: tuples, strings, None, booleans, floats."""
    layers = [
        nn.Conv2d(3, 8, (3, 5), stride=2, padding=(1, 2), bias=False, padding_mode="reflect"),
        nn.Conv1d(4, 4, 3, padding="same", groups=2, dilation=2),
        nn.ConvTranspose2d(8, 4, 3, stride=2, output_padding=1),
        nn.MaxPool2d((3, 2), stride=(2, 1), ceil_mode=True),
        nn.MaxPool2d(2),
        nn.AvgPool2d(3, padding=1, count_include_pad=False, divisor_override=2),
        nn.AdaptiveAvgPool2d((4, None)),
        nn.BatchNorm1d(7, momentum=None, affine=False),
        nn.LayerNorm((3, 4), elementwise_affine=False),
        nn.LayerNorm(5, bias=False),
        nn.GroupNorm(2, 6, affine=False),
        nn.InstanceNorm2d(5, affine=True, track_running_stats=True),
        nn.Dropout(0.1, inplace=True),
        nn.LeakyReLU(0.2),
        nn.PReLU(4, init=0.1),
        nn.ELU(alpha=0.5),
        nn.GELU(approximate="tanh"),
        nn.Softmax(dim=1),
        nn.Softplus(beta=2.0, threshold=10.0),
        nn.Hardtanh(-2.0, 2.5),
        nn.Flatten(0, 2),
        nn.Unflatten(1, (2, 5)),
        nn.Embedding(50, 8, padding_idx=0, max_norm=1.0),
        nn.TransformerEncoderLayer(16, 2, dim_feedforward=32, dropout=0.0, activation="gelu",
                                   norm_first=True, bias=False, batch_first=True),
    ]
    p = Project.from_module(nn.Sequential(*layers), seed=seed)
    p.reset_parameters()
    return p


def tokens(seed: int = 11) -> Project:
    """An Embedding first: the forward pass needs integer token ids."""
    p = Project(seed)
    p.append_layer("Embedding", num_embeddings=30, embedding_dim=6)
    p.append_layer("Flatten")
    p.append_layer("Linear", out_features=3)
    p.input_shape = (2, 5)
    p.reset_parameters()  # in_features followed the new input shape, so it was rebuilt off the seed stream
    return p


def hostile(seed: int = 12) -> Project:
    """Every hostile label on some block or group, shared layers included (their names become variables)."""
    p = Project(seed)
    shared = p.append_layer("Linear", in_features=3, out_features=3)
    for i, label in enumerate(HOSTILE_LABELS):
        if i % 3 == 0:
            p.append(shared)
        else:
            p.append_layer("Linear" if i % 3 == 1 else "Tanh", out_features=3) if i % 3 == 1 else \
                p.append_layer("Tanh")
        p.set_label(str(len(p) - 1), label)
    p.group(["1", "2", "3"])
    p.set_label("1", "\"\"\"); import os #")
    p.input_shape = (2, 3)
    return p


DESIGNS: dict[str, Callable[[], Project]] = {
    **{f"example_{name}": (lambda f=f, s=s: f(s)) for s, (name, f) in enumerate(EXAMPLES.items())},
    "labelled_shared": labelled_shared,
    "shared_first": shared_first,
    "reversed_order": reversed_order,
    "all_kinds": all_kinds,
    "unusual_values": unusual_values,
    "tokens": tokens,
    "hostile": hostile,
}
"""Every design, by name; each is seed-exact (weights_from_seed is True)."""
