"""What a layer kind declares: categories, hyperparameters, constraints and the kind itself.

Plain dataclasses with no torch, so the palette can be drawn before torch has loaded.
"""


from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editor.model.words import Said, say

AUTO = "auto"
"""The value that makes a hyperparameter follow the input shape."""


@dataclass(frozen=True)
class Category:
    """A palette section: a name, a colour used as the blocks' stripe, and an icon name."""

    name: str
    color: str
    icon: str
    description: str


@dataclass(frozen=True)
class HyperParam:
    """One constructor hyperparameter of a layer kind.

    ``type`` is one of ``int``, ``float``, ``bool``, ``choice``, ``size``
    (an int or an ``arity``-tuple of ints), ``padding`` (a size or one of
    ``choices``), ``output_size`` (like size, entries may be None) and
    ``shape`` (an int or a tuple of ints of any length).

    ``read`` is an expression that reads the value back from a live module
    (``attr('name')`` when omitted); ``auto`` is an expression over the
    incoming ``shape`` that gives the value when the hyperparameter follows
    the input.
    """

    name: str
    type: str
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    min_exclusive: bool = False
    choices: tuple[Any, ...] = ()
    nullable: bool = False
    arity: int = 1
    required: bool = False
    auto: str | None = None
    read: str | None = None
    help: str = ""

    def describe_valid(self) -> Said:
        """The valid values in words, for error messages and tooltips."""
        kind = self.type
        choices = [repr(c) for c in self.choices]
        if kind == "int":
            text = say("an integer")
        elif kind == "float":
            text = say("a number")
        elif kind == "bool":
            text = say("True or False")
        elif kind == "choice":
            text = say("one of {choices}", choices=", ".join(choices))
        elif kind == "size":
            text = say("an integer or a tuple of {n} integers", n=self.arity)
        elif kind == "padding":
            text = say("an integer, a tuple of {n} integers, or {choices}", n=self.arity, choices=_either(choices))
        elif kind == "output_size":
            text = say("an integer or a tuple of {n} integers (None keeps that size)", n=self.arity)
        elif kind == "shape":
            text = say("an integer or a tuple of integers")
        else:
            raise KeyError(kind)
        if kind != "choice" and kind != "bool":
            low = f"{'>' if self.min_exclusive else '≥'} {_num(self.minimum)}" if self.minimum is not None else ""
            high = f"≤ {_num(self.maximum)}" if self.maximum is not None else ""
            if low and high:
                text = say("{valid} {low} and {high}", valid=text, low=low, high=high)
            elif low or high:
                text = say("{valid} {bound}", valid=text, bound=low or high)
        if self.nullable:
            text = say("{valid}, or None", valid=text)
        return text


@dataclass(frozen=True)
class Constraint:
    """A rule across hyperparameters: ``check`` must be true, else ``message`` about ``field``."""

    check: str
    message: str
    field: str


@dataclass(frozen=True, eq=False)
class LayerKind:
    """One layer kind of the catalog (compared and hashed by identity: each kind exists once)."""

    name: str
    category: str
    description: str
    params: tuple[HyperParam, ...] = ()
    param_count: str = "0"
    shape: str = "elementwise"
    shape_args: dict[str, Any] = field(default_factory=dict)
    label: str = ""
    constraints: tuple[Constraint, ...] = ()
    example_input: str | None = None
    input_dtype: str = "float"
    module: str = "torch.nn"
    count_text: str = ""

    @property
    def class_path(self) -> str:
        """The torch class, e.g. ``torch.nn.Linear``."""
        return f"{self.module}.{self.name}"

    @property
    def docs_url(self) -> str:
        """The PyTorch documentation page of this layer."""
        return f"https://docs.pytorch.org/docs/stable/generated/{self.class_path}.html"

    def param(self, name: str) -> HyperParam:
        """The hyperparameter called ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    @property
    def param_names(self) -> tuple[str, ...]:
        """Names of all hyperparameters, in constructor order."""
        return tuple(p.name for p in self.params)

    @property
    def auto_names(self) -> tuple[str, ...]:
        """Hyperparameters that can follow the input shape."""
        return tuple(p.name for p in self.params if p.auto is not None)

    def defaults(self) -> dict[str, Any]:
        """The hyperparameters a new block of this kind starts with."""
        return {p.name: p.default for p in self.params}

    @property
    def formula_text(self) -> str:
        """The parameter-count formula, typeset for people."""
        return self.count_text or self.param_count.replace(" * ", " × ").replace(" // ", " ÷ ")


def _either(choices: list[str]) -> str:
    """``'same' or 'valid'``: the choices as alternatives, translatable."""
    text = choices[0] if choices else ""
    for choice in choices[1:]:
        text = say("{first} or {second}", first=text, second=choice)
    return text


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
