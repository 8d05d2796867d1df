"""Custom layer and block definitions: plain, immutable data (no torch), checked when made.

Three kinds of custom layer (issue #14), two definitions:

- :class:`LayerDefinition`: a layer whose ``forward`` is one expression over
  its input ``x``, its hyperparameters and its own parameters. Without
  parameters it is ``CenteredLayer`` (``x - x.mean()``); with them it is
  ``MyLinear`` (``relu(x @ weight + bias)`` with ``weight: (in_units, units)``).
- :class:`BlockDefinition`: a composite, like a model class with constructor
  hyperparameters (``Net(input_nodes, hidden_nodes, output_nodes)``): named
  children (:class:`ChildSpec`) whose arguments are expressions over the
  block's hyperparameters, applied in order or by a ``forward`` expression in
  which the children are called by name (``out(relu(hidden(x)))``). Children
  may be numbered (``"0"``) and may be Sequentials of their own
  children (see :mod:`editor.model.custom.blocks`, where it lives).

Every expression is in the safe language of :mod:`editor.model.custom.expr`
with the vocabulary of :mod:`editor.model.custom.language`; it is parsed and
checked when the definition is made (:mod:`editor.model.custom.checks`), and never ``eval``-ed. Anything
wrong raises :class:`DefinitionError`, a sentence naming the part and the fix.
Sequences may be given as lists (and hyperparameters as a dict): they are
stored as tuples, so definitions compare and hash by value.

Hyperparameter values (the defaults here) are ``int``, ``float`` or ``bool``;
the default is the value a new instance starts with. A parameter's initial
values (``ParameterSpec.init``) are either one of ``randn``, ``rand``,
``zeros``, ``ones``, ``empty`` (``torch.randn(*shape)``, as the textbook
writes ``nn.Parameter(torch.randn(in_units, units))``) or a
``torch.nn.init`` function, optionally with keyword arguments:
``"xavier_uniform_"``, ``"normal_(std=0.01)"``, ``"uniform_(a=-0.1, b=0.1)"``,
meaning ``torch.empty(*shape)`` filled by that function. Parameters are
created and initialized one after the other in the order declared, exactly as
a plain ``__init__`` that declares them in that order, so the same seed gives
the same values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from editor.model.custom.blocks import SEQUENTIAL, BlockDefinition, ChildSpec
from editor.model.custom.checks import (
    MAX_CHILDREN,
    MAX_DEFINITIONS,
    MAX_DESCRIPTION,
    MAX_DIMS,
    MAX_FORWARD_TEXT,
    MAX_HYPERPARAMETERS,
    MAX_INIT_TEXT,
    MAX_PARAMETERS,
    MAX_VALUE,
    DefinitionError,
    HyperValue,
    check_forward,
    check_size_expression,
    check_value,
    checked_hyperparameters,
    checked_name,
    checked_text,
    expression_error,
    freeze,
    member_name,
    parse_init,
)
from editor.model.custom.expr import ExpressionError
from editor.model.custom.language import INPUT
from editor.model.words import say


@dataclass(frozen=True)
class ParameterSpec:
    """One tensor a custom layer owns: its name, shape (expressions over hyperparameters) and initial values.

    ``registered=False`` makes it a plain tensor attribute instead of an
    ``nn.Parameter``: ``parameters()`` and ``state_dict()`` do not see it, it
    does not train, and it does not move with ``.to(device)``.
    """

    name: str
    shape: tuple[str, ...]
    init: str = "randn"
    registered: bool = True

    def __post_init__(self) -> None:
        checked_name(self.name, "parameter")
        shape = self.shape
        if isinstance(shape, str):
            shape = (shape,)
        if not isinstance(shape, (list, tuple)) or len(shape) > MAX_DIMS:
            raise DefinitionError(say("the shape of {name} must be a list of at most {limit} sizes, such as "
                                      "('in_units', 'units').", name=self.name, limit=MAX_DIMS), field="shape")
        entries = []
        for entry in shape:
            if isinstance(entry, int) and not isinstance(entry, bool):
                entry = str(entry)
            if not isinstance(entry, str):
                raise DefinitionError(say("each size in the shape of {name} is an expression (text) over the "
                                          "hyperparameters, such as 'units' or '2 * units'.", name=self.name),
                                      field="shape")
            entries.append(entry)
        freeze(self, "shape", tuple(entries))
        parse_init(self.init)
        if not isinstance(self.registered, bool):
            raise DefinitionError(say("registered must be True or False for {name}.", name=self.name),
                                  field="registered")

    @property
    def init_function(self) -> tuple[str, dict[str, Any]]:
        """The initial value as ``(name, keyword arguments)``: ``("randn", {})``, ``("normal_", {"std": 0.01})``."""
        return parse_init(self.init)


@dataclass(frozen=True)
class LayerDefinition:
    """A custom layer: ``forward`` over ``x``, its hyperparameters and its parameters (kinds 1 and 2).

    ``auto`` names whole-number hyperparameters that can follow the size of
    the input's last dimension, as ``nn.Linear``'s ``in_features`` does
    (``MyLinear``'s ``in_units``): a new instance takes it from its input
    unless it is given, and keeps following it (the inspector's "auto").
    """

    name: str
    forward: str
    hyperparameters: tuple[tuple[str, HyperValue], ...] = ()
    parameters: tuple[ParameterSpec, ...] = ()
    description: str = ""
    auto: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        checked_name(self.name, "layer")
        taken: set[str] = set()
        hyper = checked_hyperparameters(self.hyperparameters, taken)
        freeze(self, "hyperparameters", hyper)
        freeze(self, "auto", _auto_names(self.auto, dict(hyper)))
        specs = self.parameters
        if not isinstance(specs, (list, tuple)) or len(specs) > MAX_PARAMETERS:
            raise DefinitionError(say("parameters must be a list of at most {limit} ParameterSpecs.",
                                      limit=MAX_PARAMETERS),
                                  field="parameters")
        hyper_names = frozenset(n for n, _ in hyper)
        for spec in specs:
            if not isinstance(spec, ParameterSpec):
                raise DefinitionError(say("each parameter is a ParameterSpec(name, shape, init, registered)."),
                                      field="parameters")
            member_name(spec.name, "parameter", taken, "parameters")
            for entry in spec.shape:
                try:
                    check_size_expression(entry, hyper_names)
                except ExpressionError as exc:
                    raise expression_error(say("the shape of {spec} ({entry!r})", spec=spec.name,
                                           entry=entry), exc, "shape") from None
        freeze(self, "parameters", tuple(specs))
        checked_text(self.description, say("description"), MAX_DESCRIPTION)
        checked_text(self.forward, say("forward"), MAX_FORWARD_TEXT)
        try:
            compiled = check_forward(self.forward, frozenset({INPUT, *taken}))
        except ExpressionError as exc:
            raise expression_error(say("{name}'s forward", name=self.name), exc, "forward") from None
        if INPUT not in compiled.names:
            raise DefinitionError(say("{name}'s forward never uses its input x; write an expression over x, such "
                                      "as x - x.mean().", name=self.name), field="forward")

    @property
    def hyperparameter_names(self) -> tuple[str, ...]:
        """The hyperparameters' names, in constructor order."""
        return tuple(n for n, _ in self.hyperparameters)

    def defaults(self) -> dict[str, HyperValue]:
        """The hyperparameter values a new instance starts with."""
        return dict(self.hyperparameters)

    def uses(self) -> tuple[str, ...]:
        """Other definitions this one needs (a layer needs none)."""
        return ()


Definition = LayerDefinition | BlockDefinition


def _auto_names(names: Any, hyperparameters: Mapping[str, HyperValue]) -> tuple[str, ...]:
    if isinstance(names, str):
        names = (names,)
    if not isinstance(names, (list, tuple)) or len(names) > MAX_HYPERPARAMETERS:
        raise DefinitionError(say("auto must be a list of hyperparameter names, such as ('in_units',)."), field="auto")
    for name in names:
        if name not in hyperparameters:
            known = ", ".join(hyperparameters) or "none"
            raise DefinitionError(say("auto names {name!r}, which is not a hyperparameter of this layer (it has "
                                      "{known}).", name=name, known=known), field="auto")
        value = hyperparameters[name]
        if isinstance(value, bool) or not isinstance(value, int):
            raise DefinitionError(say("{name} cannot follow the input: only a whole-number hyperparameter can be "
                                      "the size of the input's last dimension.", name=name), field="auto")
    if len(set(names)) != len(names):
        raise DefinitionError(say("auto names a hyperparameter twice."), field="auto")
    return tuple(names)


def replace(definition: Definition, **changes: Any) -> Definition:
    """A copy of ``definition`` with ``changes`` (checked like a new one)."""
    values = {f.name: getattr(definition, f.name) for f in fields(definition)}
    values.update(changes)
    return type(definition)(**values)


def dependency_order(definitions: Mapping[str, Definition], is_known: Callable[[str], bool]) -> list[str]:
    """The names of ``definitions`` ordered so that each comes after the ones it uses.

    ``is_known`` says whether a name is a catalog kind. A child of an unknown
    kind, or definitions that contain each other, raise
    :class:`DefinitionError`.
    """
    order: list[str] = []
    state: dict[str, int] = {}  # 1: being visited, 2: done

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            loop = " → ".join((*trail[trail.index(name):], name))
            raise DefinitionError(say("these blocks contain each other ({loop}), so none of them could be built.",
                                      loop=loop),
                                  field="children")
        state[name] = 1
        for used in definitions[name].uses():
            if used in definitions:
                visit(used, (*trail, name))
            elif not is_known(used):
                raise DefinitionError(say("{name} has a child of kind {used!r}, which is neither a catalog layer "
                                          "nor a defined layer or block. Define {used} first.", name=name, used=used),
                                      field="children")
        state[name] = 2
        order.append(name)

    for name in definitions:
        visit(name, ())
    return order


__all__ = ["MAX_CHILDREN", "MAX_DEFINITIONS", "MAX_DESCRIPTION", "MAX_DIMS", "MAX_FORWARD_TEXT",
           "MAX_HYPERPARAMETERS", "MAX_INIT_TEXT", "MAX_PARAMETERS", "MAX_VALUE", "SEQUENTIAL", "BlockDefinition",
           "ChildSpec", "Definition", "DefinitionError", "HyperValue", "LayerDefinition", "ParameterSpec",
           "check_forward", "check_size_expression", "check_value", "dependency_order", "parse_init", "replace"]
