"""The designs of the lessons: each one is built here and saved in ``resources/examples`` as ``NN-name.pt``.

Each function builds, from the Project API, the network that a textbook
chapter on ``nn.Sequential``, parameters and devices writes in plain PyTorch
(the lesson text, next to the file as ``NN-name.json``, shows that code).
Layers are added in the order the plain code constructs them, so with the
same seed the weights are bit for bit those of the plain code.

``tools/build_lessons.py`` writes the files from :data:`DESIGNS`; a test
checks that the committed files are what these functions build.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.model.custom.definitions import BlockDefinition, ChildSpec, LayerDefinition, ParameterSpec
from editor.model.project.project import Project

SEED = 0
"""Every lesson starts from ``torch.manual_seed(0)``."""


def _linears(p: Project, sizes: tuple[int, ...], activation: str = "ReLU") -> None:
    """``Linear(sizes[0], sizes[1]), ReLU(), …, Linear(sizes[-2], sizes[-1])`` appended to ``p``.

    The first ``in_features`` is given; the others follow their input ("auto"),
    so changing one layer's ``out_features`` carries on to the next.
    """
    p.append_layer("Linear", in_features=sizes[0], out_features=sizes[1])
    for n_out in sizes[2:]:
        p.append_layer(activation)
        p.append_layer("Linear", out_features=n_out)


def first_mlp() -> Project:
    """Lesson 1: ``nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))`` fed a batch of 2."""
    p = Project(SEED)
    _linears(p, (20, 256, 10))
    p.input_shape = (2, 20)
    return p


def sequential_as_list() -> Project:
    """Lesson 2: ``Linear(20, 10), ReLU(), Dropout(0.1), Linear(10, 5)``, a list to index and edit."""
    p = Project(SEED)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("ReLU")
    p.append_layer("Dropout", p=0.1)
    p.append_layer("Linear", in_features=10, out_features=5)
    p.input_shape = (3, 20)
    return p


def _two_parts(first: tuple[int, ...], second: tuple[int, ...]) -> Project:
    """Two nested parts, every size given (below a shape error, "auto" sizes would have no input to follow)."""
    p = Project(SEED)
    for sizes in (first, second):
        p.append_layer("Linear", in_features=sizes[0], out_features=sizes[1])
        p.append_layer("ReLU")
        p.append_layer("Linear", in_features=sizes[1], out_features=sizes[2])
    p.group(["0", "1", "2"])
    p.group(["1", "2", "3"])
    p.input_shape = (2, first[0])
    return p


def nested_mismatch() -> Project:
    """Lesson 3: two nested Sequentials whose parts do not line up (15 → 10 → 5, then 25 → 15 → 10)."""
    return _two_parts((15, 10, 5), (25, 15, 10))


def nested_fixed() -> Project:
    """Lesson 3, fixed: 30 → 25 → 20, then 20 → 15 → 10."""
    return _two_parts((30, 25, 20), (20, 15, 10))


def block_of_blocks() -> Project:
    """Lesson 4: ``block2()`` (four ``block1()`` labelled "block 0" … "block 3") then ``nn.Linear(4, 1)``."""
    p = Project(SEED)
    for _ in range(4):
        start = len(p)
        _linears(p, (4, 8, 4))
        p.append_layer("ReLU")
        p.group([str(i) for i in range(start, start + 4)])
    p.group(["0", "1", "2", "3"])
    for i in range(4):
        p.set_label(f"0.{i}", f"block {i}")
    p.append_layer("Linear", in_features=4, out_features=1)
    p.input_shape = (2, 4)
    return p


CENTERED_DESCRIPTION = "Subtracts the mean of its input: the output averages to zero."
MLP_DESCRIPTION = "An MLP class: hidden = Linear(num_inputs, num_hiddens), out = Linear(num_hiddens, num_outputs)."
MY_LINEAR_DESCRIPTION = "A hand-written Linear with ReLU; fixed is a plain tensor, not a parameter."
DESCRIPTIONS = (CENTERED_DESCRIPTION, MLP_DESCRIPTION, MY_LINEAR_DESCRIPTION)
"""The descriptions of the lessons' own layers and blocks: the translations offer them in the learner's language
(``resources/translations/build.py`` collects them; the ui shows a description through ``i18n.catalog_text``)."""


def centered_layer() -> Project:
    """Lesson 5: ``CenteredLayer`` (``X - X.mean()``, no parameters) after ``nn.Linear(64, 30)``."""
    p = Project(SEED)
    p.define_layer(LayerDefinition("CenteredLayer", "x - x.mean()",
                                   description=CENTERED_DESCRIPTION))
    p.append_layer("Linear", in_features=64, out_features=30)
    p.append_layer("CenteredLayer")
    p.input_shape = (4, 64)
    return p


def constructor_hyperparameters() -> Project:
    """Lesson 6: ``Net(784, 256, 8)``, a model class whose sizes are its constructor's arguments."""
    p = Project(SEED)
    p.define_block(BlockDefinition(
        "Net", (("num_inputs", 784), ("num_hiddens", 256), ("num_outputs", 8)),
        (ChildSpec("hidden", "Linear", (("in_features", "num_inputs"), ("out_features", "num_hiddens"))),
         ChildSpec("out", "Linear", (("in_features", "num_hiddens"), ("out_features", "num_outputs")))),
        forward="out(relu(hidden(x)))",
        description=MLP_DESCRIPTION))
    p.append_layer("Net", num_inputs=784, num_hiddens=256, num_outputs=8)
    p.input_shape = (2, 784)
    return p


def parameter_or_tensor() -> Project:
    """Lesson 7: ``MyLinear`` with ``nn.Parameter`` weight and bias next to a plain tensor attribute."""
    p = Project(SEED)
    p.define_layer(LayerDefinition(
        "MyLinear", "relu(x @ weight + bias)", (("in_units", 5), ("units", 3)),
        (ParameterSpec("weight", ("in_units", "units")), ParameterSpec("bias", ("units",)),
         ParameterSpec("fixed", ("units",), registered=False)),
        description=MY_LINEAR_DESCRIPTION))
    p.append_layer("MyLinear", in_units=5, units=3)
    p.input_shape = (2, 5)
    return p


def _small_mlp() -> Project:
    """``nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))`` on a batch of 2."""
    p = Project(SEED)
    _linears(p, (4, 8, 1))
    p.input_shape = (2, 4)
    return p


def builtin_init() -> Project:
    """Lesson 8: every Linear's weights from N(0, 0.01) and its biases zero (``net.apply(init_normal)``)."""
    p = _small_mlp()
    p.initialize("normal_", kind="Linear", parameters="weight", mean=0.0, std=0.01)
    p.initialize("zeros_", kind="Linear", parameters="bias")
    return p


def custom_init() -> Project:
    """Lesson 9: U(−10, 10), then every entry with ``|w| < 5`` set to zero (``net.apply(my_init)``)."""
    p = _small_mlp()
    p.initialize("uniform_", kind="Linear", parameters="weight", a=-10.0, b=10.0,
                 expression="where(abs(w) < 5, 0, w)")
    return p


def tied_weights() -> Project:
    """Lesson 10: ``shared = nn.Linear(8, 8)`` used twice in a 4 → 8 → 8 → 8 → 1 MLP."""
    p = Project(SEED)
    p.append_layer("Linear", in_features=4, out_features=8)
    p.append_layer("ReLU")
    shared = p.append_layer("Linear", in_features=8, out_features=8)
    p.append_layer("ReLU")
    p.append(shared)  # the same module again: net[2] is net[4]
    p.append_layer("ReLU")
    p.append_layer("Linear", in_features=8, out_features=1)
    p.input_shape = (2, 4)
    return p


def save_and_load() -> Project:
    """Lesson 11: an MLP with Dropout, whose ``state_dict`` is saved, loaded into a fresh copy, then ``eval()``."""
    p = Project(SEED)
    p.append_layer("Linear", in_features=20, out_features=256)
    p.append_layer("ReLU")
    p.append_layer("Dropout", p=0.5)
    p.append_layer("Linear", in_features=256, out_features=10)
    p.input_shape = (2, 20)
    return p


def on_the_gpu() -> Project:
    """Lesson 12: the MLP of lesson 1, to move with its data to a GPU."""
    return first_mlp()


DESIGNS: dict[str, Callable[[], Project]] = {
    "01-first-mlp": first_mlp,
    "02-sequential-as-list": sequential_as_list,
    "03-nested-mismatch": nested_mismatch,
    "03-nested-fixed": nested_fixed,
    "04-block-of-blocks": block_of_blocks,
    "05-centered-layer": centered_layer,
    "06-constructor-arguments": constructor_hyperparameters,
    "07-parameter-or-tensor": parameter_or_tensor,
    "08-builtin-init": builtin_init,
    "09-custom-init": custom_init,
    "10-tied-weights": tied_weights,
    "11-save-and-load": save_and_load,
    "12-on-the-gpu": on_the_gpu,
}
"""Every lesson design by file name (without ``.pt``), in lesson order."""

__all__ = ["DESIGNS", "SEED"]
