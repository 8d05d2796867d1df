"""What the code reader knows about one ``nn.Module`` class of the file: its intermediate representation.

A :class:`ClassIR` is read from the class's syntax tree, never by running it
(:mod:`editor.io.pycode.read.classes.analyze`): the constructor's
hyperparameters with their defaults, the parameters ``__init__`` declares, the
submodules it assigns (in the order it assigns them), and ``forward`` as one
expression in LayerLab's safe expression language (``self.``, ``F.`` and
``torch.`` taken off, the input called ``x``). Everything here is plain data:
expressions are text, values are Python primitives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Required:
    """The default of a hyperparameter that has none: the call must pass it."""

    _instance: Required | None = None

    def __new__(cls) -> Required:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = Required()
"""The default of a constructor argument that has no default."""


@dataclass(frozen=True)
class Hyperparameter:
    """One constructor argument (``num_hiddens=256``): its name and default (:data:`REQUIRED` when none)."""

    name: str
    default: Any = REQUIRED


@dataclass(frozen=True)
class InitCall:
    """``nn.init.normal_(self.weight, std=0.01)`` in ``__init__``: the function and its keyword arguments.

    ``arguments`` are (name, expression) pairs, the expressions over the
    class's hyperparameters, as for a child's arguments.
    """

    function: str
    arguments: tuple[tuple[str, str], ...] = ()
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class ParameterIR:
    """A tensor ``__init__`` creates: ``self.weight = nn.Parameter(torch.randn(in_units, units))``.

    ``shape`` holds one expression per dimension, over the hyperparameters;
    ``fill`` is how the tensor is created (``randn``, ``rand``, ``zeros``,
    ``ones`` or ``empty``), ``init`` the ``nn.init`` call that fills it
    afterwards, if any; ``registered`` is False for a plain tensor attribute
    (``self.w = torch.randn(...)``), which ``parameters()`` does not see.
    """

    name: str
    shape: tuple[str, ...]
    fill: str = "randn"
    init: InitCall | None = None
    registered: bool = True
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class ChildIR:
    """A submodule ``__init__`` assigns: ``self.hidden = nn.Linear(num_inputs, num_hiddens)``.

    ``kind`` is a catalog kind (``"Linear"``), ``"Sequential"`` (then
    ``items`` are its entries, named ``"0"``, ``"1"``, ...) or the name of
    another class of the file (then ``of_file``). ``arguments`` are (field, expression) pairs:
    the layer's hyperparameter names with expressions over this class's
    hyperparameters (``("in_features", "num_inputs")``).
    """

    name: str
    kind: str
    arguments: tuple[tuple[str, str], ...] = ()
    items: tuple[ChildIR, ...] = ()
    line: int = 0
    column: int = 0
    of_file: bool = False  # ``kind`` names a class of the file (not a catalog kind)


@dataclass(frozen=True)
class ClassIR:
    """One ``nn.Module`` class of the file, read as data.

    ``forward`` is the expression ``forward`` returns, in the safe language
    (``"x - x.mean()"``, ``"out(relu(hidden(x)))"``; None for a class taking
    ``*args``, whose children are only known per call); ``in_order`` says that it
    only applies the children one after the other, in the order they were
    assigned (then a block needs no forward of its own). ``varargs`` names the
    ``*args`` of ``__init__`` when its entries become the children
    (``MySequential``): each call then has its own children.
    """

    name: str
    hyperparameters: tuple[Hyperparameter, ...] = ()
    parameters: tuple[ParameterIR, ...] = ()
    children: tuple[ChildIR, ...] = ()
    forward: str | None = "x"
    in_order: bool = False
    varargs: str | None = None
    line: int = 0
    column: int = 0
    description: str = ""  # the class's docstring
    notes: tuple[str, ...] = field(default=(), compare=False)  # how parts were read, for the project's notices

    @property
    def is_layer(self) -> bool:
        """Whether the class is a layer (an expression, maybe with parameters) rather than a composite block."""
        return not self.children and self.varargs is None

    def hyperparameter_names(self) -> tuple[str, ...]:
        return tuple(h.name for h in self.hyperparameters)
