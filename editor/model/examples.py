"""Example designs of File → Open Example (``mlp``, ``nested``, ``cnn``, ``tied``), and handy fixtures for tests.

The lessons themselves (the Lessons menu, the welcome screen) are the
project files in ``resources/examples``, built by :mod:`editor.model.lessons`.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.model.project.project import Project


def mlp(seed: int = 0) -> Project:
    """Lesson 1: ``Sequential(Linear(20, 10), ReLU(), Linear(10, 5))`` on a batch of 3."""
    p = Project(seed)
    p.append_layer("Linear", in_features=20, out_features=10)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=5)
    p.input_shape = (3, 20)
    return p


def nested(seed: int = 0) -> Project:
    """Lesson 3: Sequentials inside a Sequential whose shapes line up (30 → 25 → 20, then 20 → 15 → 10)."""
    p = Project(seed)
    for out in (25, 20, 15, 10):
        p.append_layer("Linear", **({"in_features": 30} if out == 25 else {}), out_features=out)
        if out != 10:
            p.append_layer("ReLU")
    p.group(["0", "1", "2", "3"])
    p.group(["1", "2", "3"])
    p.input_shape = (2, 30)
    return p


def cnn(seed: int = 0) -> Project:
    """A small MNIST classifier: two convolution stages, then a classifier head."""
    p = Project(seed)
    p.append_layer("Conv2d", in_channels=1, out_channels=16, kernel_size=3, padding=1)
    p.append_layer("BatchNorm2d")
    p.append_layer("ReLU")
    p.append_layer("MaxPool2d", kernel_size=2)
    p.append_layer("Conv2d", out_channels=32, kernel_size=3, padding=1)
    p.append_layer("ReLU")
    p.append_layer("MaxPool2d", kernel_size=2)
    p.append_layer("Flatten")
    p.append_layer("Linear", out_features=64)
    p.append_layer("ReLU")
    p.append_layer("Dropout", p=0.25)
    p.append_layer("Linear", out_features=10)
    p.group(["0", "1", "2", "3"])
    p.group(["1", "2", "3"])
    p.group(["2", "3", "4", "5", "6"])
    p.input_shape = (8, 1, 28, 28)
    return p


def tied(seed: int = 0) -> Project:
    """Lesson 8: one ``shared = nn.Linear(8, 8)`` used twice in the stack."""
    p = Project(seed)
    p.append_layer("Linear", in_features=4, out_features=8)
    p.append_layer("ReLU")
    shared = p.append_layer("Linear", out_features=8)
    p.append_layer("ReLU")
    p.append(shared)
    p.append_layer("ReLU")
    p.append_layer("Linear", out_features=1)
    p.input_shape = (2, 4)
    return p


EXAMPLES: dict[str, Callable[[int], Project]] = {"mlp": mlp, "nested": nested, "cnn": cnn, "tied": tied}

TITLES = {
    "mlp": "A First MLP: Linear, ReLU, Linear",
    "nested": "Nested Sequentials",
    "cnn": "A Small CNN for MNIST",
    "tied": "Weight Tying: One Linear Used Twice",
}
"""Menu titles of the examples."""
