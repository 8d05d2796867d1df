"""Composite blocks as data: :class:`BlockDefinition` and its children, :class:`ChildSpec`.

A block is a model class with constructor hyperparameters
(``Net(input_nodes, hidden_nodes, output_nodes)``): named children whose
arguments are expressions over the block's hyperparameters, applied in order
or by a ``forward`` expression that calls them by name
(``out(relu(hidden(x)))``).

A child's name is a Python identifier (``hidden``: ``self.hidden = ...``) or a
whole number written as ``nn.Sequential`` and the textbook's ``MySequential``
write their keys (``"0"``, ``"1"``: ``self._modules[str(idx)] = module``); a
numbered child cannot be called by name in ``forward``. A child of kind
:data:`SEQUENTIAL` is an ``nn.Sequential`` of its own children (nested as deep
as :data:`MAX_NESTING`), built in order like ``nn.Sequential(nn.Linear(...),
nn.ReLU())``. The modules are constructed in the order the children are
listed, depth first, exactly as a hand-written ``__init__`` constructs them, so
the same seed gives the same weights.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from editor.model.custom.checks import (
    MAX_CHILDREN,
    MAX_DESCRIPTION,
    MAX_FORWARD_TEXT,
    MAX_HYPERPARAMETERS,
    DefinitionError,
    HyperValue,
    check_forward,
    check_size_expression,
    checked_hyperparameters,
    checked_name,
    checked_text,
    expression_error,
    freeze,
    member_name,
)
from editor.model.custom.expr import ExpressionError
from editor.model.custom.language import INPUT
from editor.model.words import say

SEQUENTIAL = "Sequential"
"""The kind of a child that is an ``nn.Sequential`` of its own children."""

MAX_NESTING = 16
"""Sequential children inside Sequential children, at most this deep."""

MAX_SPECS = 4 * MAX_CHILDREN
"""The most children one block holds, counting those inside its Sequential children."""

MAX_INDEX_DIGITS = 6
"""A numbered child's name has at most this many digits."""


def is_index(name: object) -> bool:
    """Whether ``name`` is a numbered child's name: ``"0"``, ``"12"`` (ASCII digits, no leading zero)."""
    return isinstance(name, str) and 0 < len(name) <= MAX_INDEX_DIGITS and name.isascii() and name.isdigit() and \
        (name == "0" or not name.startswith("0"))


def _child_name(name: Any) -> str:
    if is_index(name):
        return name
    if isinstance(name, str) and name.isascii() and name.isdigit():
        raise DefinitionError(say("the child name {name!r} is a number with a leading zero or more than "
                                  "{digits} digits; number children as nn.Sequential does: '0', '1', ….",
                                  name=name[:20], digits=MAX_INDEX_DIGITS),
                              field="name")
    return checked_name(name, "child")


@dataclass(frozen=True)
class ChildSpec:
    """One child of a composite block: its attribute name, its kind and its arguments.

    ``kind`` is a catalog kind (``"Linear"``), a :class:`LayerDefinition` name,
    another :class:`BlockDefinition` name, or :data:`SEQUENTIAL`. ``arguments``
    give some of the kind's hyperparameters as expressions over the block's
    hyperparameters, e.g. ``(("in_features", "input_nodes"), ("out_features",
    "hidden_nodes"))``; the others keep the kind's defaults. ``children`` are
    the entries of a :data:`SEQUENTIAL` child (which takes no arguments), in
    order, named ``"0"``, ``"1"``, … as ``nn.Sequential(a, b)`` names them, or by
    identifiers as ``nn.Sequential(OrderedDict(...))`` does.
    """

    name: str
    kind: str
    arguments: tuple[tuple[str, str], ...] = ()
    children: tuple[ChildSpec, ...] = ()

    def __post_init__(self) -> None:
        _child_name(self.name)
        if not isinstance(self.kind, str) or not self.kind.isidentifier() or len(self.kind) > 60:
            raise DefinitionError(say("child {name}'s kind must be a layer kind's name, such as 'Linear'.",
                                      name=self.name),
                                  field="kind")
        items = list(self.arguments.items()) if isinstance(self.arguments, Mapping) else self.arguments
        if not isinstance(items, (list, tuple)) or len(items) > MAX_HYPERPARAMETERS * 2:
            raise DefinitionError(say("child {name}'s arguments must be a list of (hyperparameter, expression) "
                                      "pairs.", name=self.name), field="arguments")
        out = []
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, (list, tuple)) or len(item) != 2:
                raise DefinitionError(say("child {name}'s arguments are (hyperparameter, expression) pairs.",
                                          name=self.name),
                                      field="arguments")
            key, value = item
            if not isinstance(key, str) or not key.isidentifier() or key in seen:
                raise DefinitionError(say("child {name} has an invalid or repeated argument name {key!r}.",
                                          name=self.name, key=key),
                                      field="arguments")
            seen.add(key)
            if isinstance(value, (bool, int, float)):
                value = repr(value)
            checked_text(value, say("the argument {key} of {name}", key=key, name=self.name), 4000)
            out.append((key, value))
        freeze(self, "arguments", tuple(out))
        freeze(self, "children", self._entries())

    def _entries(self) -> tuple[ChildSpec, ...]:
        entries = self.children
        if not isinstance(entries, (list, tuple)):
            raise DefinitionError(say("child {name}'s children must be a list of ChildSpecs.", name=self.name),
                                  field="children")
        if self.kind != SEQUENTIAL:
            if entries:
                raise DefinitionError(say("child {name} is a {kind}; only a {sequential} child has children of "
                                          "its own.", name=self.name, kind=self.kind, sequential=SEQUENTIAL),
                                      field="children")
            return ()
        if self.arguments:
            raise DefinitionError(say("child {name} is an nn.Sequential, which takes no arguments but its "
                                      "children ({argument} was given).", name=self.name,
                                  argument=self.arguments[0][0]), field="arguments")
        if len(entries) > MAX_CHILDREN:
            raise DefinitionError(say("the Sequential {name} has more than {limit} children.", name=self.name,
                                      limit=MAX_CHILDREN),
                                  field="children")
        names: set[str] = set()
        for entry in entries:
            if not isinstance(entry, ChildSpec):
                raise DefinitionError(say("each child of the Sequential {name} is a ChildSpec(name, kind, "
                                          "arguments).", name=self.name), field="children")
            if entry.name in names:
                raise DefinitionError(say("the Sequential {name} has two children called {entry!r}.", name=self.name,
                                          entry=entry.name),
                                      field="children")
            names.add(entry.name)
            if entry.depth() >= MAX_NESTING:
                raise DefinitionError(say("the Sequential {name} nests Sequentials more than {limit} deep.",
                                          name=self.name, limit=MAX_NESTING),
                                      field="children")
        return tuple(entries)

    def depth(self) -> int:
        """How deep Sequential children nest in this one (0 for a layer)."""
        return 1 + max((entry.depth() for entry in self.children), default=0) if self.kind == SEQUENTIAL else 0

    def walk(self) -> Iterator[ChildSpec]:
        """This child and every child inside it, in construction order (depth first)."""
        yield self
        for entry in self.children:
            yield from entry.walk()


@dataclass(frozen=True)
class BlockDefinition:
    """A composite block: named children built from the block's hyperparameters (kind 3).

    ``forward`` None applies the children in order; otherwise it is an
    expression in which each child named by an identifier is called by name
    (``out(relu(hidden(x)))``).
    """

    name: str
    hyperparameters: tuple[tuple[str, HyperValue], ...]
    children: tuple[ChildSpec, ...]
    forward: str | None = None
    description: str = ""

    def __post_init__(self) -> None:
        checked_name(self.name, "block")
        taken: set[str] = set()
        hyper = checked_hyperparameters(self.hyperparameters, taken)
        freeze(self, "hyperparameters", hyper)
        children = self.children
        if not isinstance(children, (list, tuple)) or not children or len(children) > MAX_CHILDREN:
            raise DefinitionError(say("a block has between 1 and {limit} children.",
                                      limit=MAX_CHILDREN), field="children")
        hyper_names = frozenset(n for n, _ in hyper)
        count = 0
        for child in children:
            if not isinstance(child, ChildSpec):
                raise DefinitionError(say("each child is a ChildSpec(name, kind, arguments)."), field="children")
            if is_index(child.name):
                if child.name in taken:
                    raise DefinitionError(say("the name {child!r} is used twice in this definition: each "
                                              "hyperparameter, parameter and child needs its own.", child=child.name),
                                          field="children")
                taken.add(child.name)
            else:
                member_name(child.name, "child", taken, "children")
            for spec in child.walk():
                count += 1
                if count > MAX_SPECS:
                    raise DefinitionError(say("a block holds at most {limit} children, counting those inside "
                                              "its Sequentials.", limit=MAX_SPECS), field="children")
                self._check_child(spec, hyper_names)
        freeze(self, "children", tuple(children))
        checked_text(self.description, say("description"), MAX_DESCRIPTION)
        if self.forward is not None:
            checked_text(self.forward, say("forward"), MAX_FORWARD_TEXT)
            try:
                compiled = check_forward(self.forward, frozenset({INPUT, *hyper_names}),
                                         frozenset(c.name for c in children if not is_index(c.name)))
            except ExpressionError as exc:
                raise expression_error(say("{name}'s forward", name=self.name), exc, "forward") from None
            if INPUT not in compiled.names:
                raise DefinitionError(say("{name}'s forward never uses its input x; write e.g. "
                                          "out(relu(hidden(x))).", name=self.name), field="forward")

    def _check_child(self, child: ChildSpec, hyper_names: frozenset[str]) -> None:
        if child.kind == self.name:
            raise DefinitionError(say("{name} cannot contain itself (child {child}).", name=self.name,
                                      child=child.name), field="children")
        for key, source in child.arguments:
            try:
                check_size_expression(source, hyper_names)
            except ExpressionError as exc:
                raise expression_error(say("the argument {key} of child {child} ({source!r})", key=key,
                                           child=child.name, source=source), exc,
                                       "arguments") from None

    @property
    def hyperparameter_names(self) -> tuple[str, ...]:
        """The hyperparameters' names, in constructor order."""
        return tuple(n for n, _ in self.hyperparameters)

    def defaults(self) -> dict[str, HyperValue]:
        """The hyperparameter values a new instance starts with."""
        return dict(self.hyperparameters)

    def uses(self) -> tuple[str, ...]:
        """The kinds of its children (those inside Sequential children too), once each, in order: catalog kinds and
        other definitions."""
        return tuple(dict.fromkeys(spec.kind for child in self.children for spec in child.walk()
                                   if spec.kind != SEQUENTIAL))

    @property
    def takes_layers(self) -> bool:
        """Whether this is the textbook's ``MySequential``: no hyperparameters, no forward, children numbered
        ``0``, ``1``, … in order. Code export writes it as a class that takes its layers as ``*args``."""
        return not self.hyperparameters and self.forward is None and \
            all(child.name == str(i) for i, child in enumerate(self.children))


__all__ = ["MAX_NESTING", "MAX_SPECS", "SEQUENTIAL", "BlockDefinition", "ChildSpec", "is_index"]
