"""The values the code reader works with, and the few operations it performs on them.

Reading code never runs it. :mod:`editor.io.pycode.read.evaluator` walks the syntax tree
and evaluates a small, known-safe part of Python itself: constants and
arithmetic on them, tuples and lists, ``nn.Sequential``, catalog layers and
``OrderedDict``. Layers are constructed on the meta device here (nothing big
is allocated, no random numbers are drawn); the real modules are constructed
later from the seed, in source order (:mod:`editor.io.pycode.read.reader`).

Every size is bounded, so hostile input is refused with a message instead of
exhausting memory or time.
"""

from __future__ import annotations

import ast
import functools
import inspect
import math
import operator
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from torch import nn

from editor.io.errors import CodeImportError
from editor.io.files.design_data import MAX_DEPTH as DESIGN_DEPTH
from editor.model import catalog
from editor.model.catalog import LayerKind
from editor.model.catalog.build import check_memory, torch_class
from editor.model.catalog.hyperparameters import validate_params
from editor.model.design.user_values import label_problem
from editor.model.errors import LayerLabError
from editor.model.meta import on_meta
from editor.model.words import Said, message_of, say

MAX_SOURCE = 1_000_000
"""Characters of source the reader accepts."""
MAX_ITEMS = 10_000
"""Most entries in one tuple, list, string or Sequential, and most layers constructed."""
MAX_DEPTH = DESIGN_DEPTH
"""Deepest nesting of Sequentials: a design's own limit (``editor.io.files.design_data.MAX_DEPTH``)."""
MAX_EXPRESSION_DEPTH = 200
MAX_STEPS = 400_000
"""Expressions the reader evaluates for one file: enough for any model definition, not for a computation."""
MAX_SECONDS = 10.0
"""Wall-clock time one file may take to read (the step budget bounds work; this bounds a slow machine)."""
"""Deepest nesting of expressions: Python's parser allows 200 brackets, and exported code nests up to 120."""
MAX_INT_BITS = 256
"""Integers in hyperparameter arithmetic stay below 2**256."""

SUPPORTED = say("LayerLab reads nn.Sequential(...) of torch.nn layers whose hyperparameters are numbers, strings, "
                "True/False/None, tuples, arithmetic on them and names assigned earlier")
SEQUENTIAL = frozenset({"torch.nn.Sequential", "torch.nn.modules.container.Sequential"})
ORDERED_DICT = frozenset({"collections.OrderedDict", "typing.OrderedDict"})
MANUAL_SEED = frozenset({"torch.manual_seed", "torch.random.manual_seed"})
# ``math.sqrt(5)``, ``math.pi`` (after ``import math``) are plain numbers: kaiming_uniform_(w, a=math.sqrt(5)).
MATH_FUNCTIONS = {"math.sqrt": math.sqrt, "math.log": math.log, "math.exp": math.exp}
MATH_CONSTANTS = {"math.pi": math.pi, "math.e": math.e}


@dataclass(frozen=True)
class TorchRef:
    """A dotted name from an import (``torch.nn``, ``torch.nn.Linear``); what it is gets decided when called."""

    path: tuple[str, ...]

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def shown(self) -> str:
        """How a learner writes it: ``nn.Linear`` for ``torch.nn.Linear``."""
        return "nn." + ".".join(self.path[2:]) if self.path[:2] == ("torch", "nn") and len(self.path) > 2 \
            else self.dotted


@dataclass
class Poison:
    """A name whose value LayerLab could not work out; using it raises ``error``."""

    error: CodeImportError


@dataclass(eq=False)
class ClassRef:
    """A class the file defines (``class Net(nn.Module)``): read as data when it is called, never run.

    ``defaults`` are its ``__init__`` defaults, worked out where the class is
    defined (as Python does); ``scope`` is the module's names.
    """

    node: ast.ClassDef
    scope: Any
    defaults: dict[str, Any]

    @property
    def name(self) -> str:
        return self.node.name

    def describe(self) -> str:
        return say("the class {name} (make one: {name}(...))", name=self.name)


@dataclass(frozen=True)
class TensorValue:
    """A batch made with ``torch.randn(3, 20)`` (or rand, randint, zeros, ones, empty): only its shape is kept."""

    shape: tuple[int, ...]

    def describe(self) -> str:
        return say("a tensor of shape {shape}", shape=self.shape)


TENSORS = frozenset({"torch.randn", "torch.rand", "torch.zeros", "torch.ones", "torch.empty", "torch.randint"})
RANDOM_TENSORS = frozenset({"torch.randn", "torch.rand", "torch.randint"})


@dataclass
class LayerInfo:
    """How one layer of the source was constructed: its place in evaluation order, kind and arguments.

    A lazy layer (``nn.LazyLinear(10)``) is read as its catalog ``kind`` with
    ``lazy`` naming the hyperparameter it learns from its first input
    (``in_features``); ``node`` is its call, for messages.
    """

    seq: int
    kind: LayerKind
    kwargs: dict[str, Any]
    line: int
    lazy: str | None = None
    node: ast.AST | None = None


@dataclass
class Taint:
    """What a statement LayerLab does not run may do to a module: an error, or a notice to show."""

    line: int
    message: str
    error: CodeImportError | None = None


@dataclass
class Registry:
    """Every layer the reader constructed (on the meta device), and what skipped statements do to modules."""

    layers: dict[int, LayerInfo] = field(default_factory=dict)
    taints: dict[int, list[Taint]] = field(default_factory=dict)
    keep: list[Any] = field(default_factory=list)  # keeps every id() above unique while reading
    wrappers: set[int] = field(default_factory=set)  # Sequentials of one made for a class instance as a model

    def add(self, module: nn.Module, kind: LayerKind, kwargs: dict[str, Any], line: int, lazy: str | None = None,
            node: ast.AST | None = None) -> None:
        if len(self.layers) >= MAX_ITEMS:
            raise LayerLabError(say("the file constructs more than {limit:,} layers, more than LayerLab reads",
                                    limit=MAX_ITEMS))
        self.layers[id(module)] = LayerInfo(len(self.layers) + 1, kind, kwargs, line, lazy, node)
        self.keep.append(module)

    def taint(self, module: nn.Module, taint: Taint) -> None:
        for item in module.modules():
            self.taints.setdefault(id(item), []).append(taint)
            self.keep.append(item)


def reason(exc: BaseException) -> str:
    """The sentence of an exception without its final period (a ``KeyError`` puts quotes around it).

    What LayerLab said stays translatable (a :class:`~editor.model.words.Said`) when it
    has no final period; :func:`sentence` keeps it whole either way.
    """
    text = exc.args[0] if isinstance(exc, KeyError) and exc.args else message_of(exc)
    return unperiod(text)


def unperiod(text: object) -> str:
    """``text`` without its final period, still a ``Said`` where it ends in a part that can lose it."""
    plain = str(text).rstrip(".")
    if not isinstance(text, Said):
        return plain
    if text == plain:
        return text
    if text.template == "{reason}." and text.values["reason"] == plain:
        return text.values["reason"]
    last = text.template.rpartition("{")[2]
    if text.template.endswith("}") and last[:-1].isidentifier():
        value = text.values.get(last[:-1])
        trimmed = unperiod(value) if isinstance(value, Said) else None
        if isinstance(trimmed, Said):
            result = Said(text.template, {**text.values, last[:-1]: trimmed})
            if result == plain:
                return result
    return plain


def sentence(exc: BaseException) -> str:
    """The sentence of an exception, ending in one period: :func:`reason` and a ``.``, kept translatable."""
    text = exc.args[0] if isinstance(exc, KeyError) and exc.args else message_of(exc)
    if isinstance(text, Said) and text.endswith(".") and not text.endswith(".."):
        return text
    return say("{reason}.", reason=reason(exc))


def position(node: ast.AST, lines: list[str]) -> tuple[int | None, int | None]:
    """Line and 1-based column of ``node``, the column counted in characters as editors do."""
    line = getattr(node, "lineno", None)
    col = getattr(node, "col_offset", None)
    if line is None or col is None:
        return line, None
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return line, len(text.encode("utf-8")[:col].decode("utf-8", errors="ignore")) + 1


def call_text(node: ast.AST, lines: list[str]) -> str:
    """How the source writes ``node`` (a call), cut to one short line, for messages."""
    line_number, end_line = getattr(node, "lineno", 0), getattr(node, "end_lineno", None)
    text = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
    start = getattr(node, "col_offset", 0)
    end = getattr(node, "end_col_offset", None) if end_line == line_number else None
    shown = text.encode("utf-8")[start:end].decode("utf-8", errors="ignore").strip()
    return shown if len(shown) <= 60 and end is not None else shown[:57] + "..."


def fail(node: ast.AST, message: str, construct: str, lines: list[str]) -> CodeImportError:
    """A :class:`CodeImportError` pointing at ``node``."""
    line, column = position(node, lines)
    return CodeImportError(message, line=line, column=column, construct=construct)


# ----------------------------------------------------------------- arithmetic
_OPS = {ast.Add: ("+", operator.add), ast.Sub: ("-", operator.sub), ast.Mult: ("*", operator.mul),
        ast.Div: ("/", operator.truediv), ast.FloorDiv: ("//", operator.floordiv), ast.Mod: ("%", operator.mod),
        ast.Pow: ("**", operator.pow)}


SYMBOLS = {ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^", ast.MatMult: "@",
           **{op: text for op, (text, _) in _OPS.items()}}


def _number(value: Any) -> bool:
    return isinstance(value, (int, float))


def too_big(value: Any) -> bool:
    """Whether ``value`` is beyond what a hyperparameter may be: an integer of more than 256 bits, or too many items."""
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        return True
    return isinstance(value, (str, tuple, list)) and len(value) > MAX_ITEMS


def arithmetic(op: ast.operator, left: Any, right: Any) -> Any:
    """``left op right`` for numbers (and + / * of strings, tuples, lists), refusing huge results up front.

    Raises ``ValueError`` with a sentence for the learner.
    """
    if type(op) not in _OPS:
        raise ValueError(say("the operator {operator} is not supported; LayerLab "
                             "works out + - * / // % **", operator=SYMBOLS.get(type(op), type(op).__name__)))
    symbol, function = _OPS[type(op)]
    if _number(left) and _number(right):
        if symbol == "**" and isinstance(right, (int, float)) and abs(right) > 1 and abs(left) > 1:
            bits = math.log2(abs(left)) * abs(right)
            if bits > MAX_INT_BITS:
                raise ValueError(say("{left!r} ** {right!r} is far too large for a hyperparameter",
                                     left=left, right=right))
    elif symbol == "*" and ((isinstance(right, int) and isinstance(left, (str, tuple, list)))
                            or (isinstance(left, int) and isinstance(right, (str, tuple, list)))):
        count, items = (right, left) if isinstance(right, int) else (left, right)
        if len(items) * max(count, 0) > MAX_ITEMS:
            raise ValueError(say("repeating {items} items {count:,} times gives more than {limit:,}",
                                 items=len(items), count=count, limit=MAX_ITEMS))
    elif not (symbol == "+" and type(left) is type(right) and isinstance(left, (str, tuple, list))):
        raise ValueError(say("{left} {symbol} {right} is not arithmetic LayerLab "
                             "does; it works out numbers, and + or * of tuples",
                             left=type(left).__name__, symbol=symbol, right=type(right).__name__))
    try:
        result = function(left, right)
    except (ZeroDivisionError, OverflowError, TypeError, ValueError) as exc:
        raise ValueError(say("{left!r} {symbol} {right!r} fails: {reason}",
                             left=left, symbol=symbol, right=right, reason=message_of(exc))) from None
    if isinstance(result, complex):
        raise ValueError(say("{left!r} {symbol} {right!r} is a complex number", left=left, symbol=symbol, right=right))
    if too_big(result):
        raise ValueError(say("the result of {symbol} is far too large for a hyperparameter", symbol=symbol))
    return result


# ------------------------------------------------------------------- modules
@functools.cache
def kinds_by_path() -> dict[str, LayerKind]:
    """Catalog kinds by their torch class path (``torch.nn.Linear``)."""
    return {k.class_path: k for k in catalog.kinds()}


@functools.cache
def _signature(kind: LayerKind) -> inspect.Signature:
    return inspect.signature(torch_class(kind))


def construct_layer(kind: LayerKind, args: list[Any], kwargs: dict[str, Any],
                    shown: str = "") -> tuple[nn.Module, dict[str, Any]]:
    """A ``kind`` layer on the meta device, checked like the editor checks it; and its arguments by name.

    Raises ``LayerLabError`` (or ``TypeError`` for arguments that do not fit
    the constructor) with a sentence for the learner; ``shown`` is how to
    name the layer there (``nn.Linear`` by default).
    """
    shown = shown or f"nn.{kind.name}"
    try:
        bound = _signature(kind).bind(*args, **kwargs)
    except TypeError as exc:
        raise TypeError(say("{layer}() does not take these arguments ({reason}); its hyperparameters are "
                            "{names}",
                            layer=shown, reason=message_of(exc), names=", ".join(kind.param_names) or say("none"))
                        ) from None
    given = dict(bound.arguments)
    extra = [name for name in given if name not in kind.param_names]
    if extra:
        raise TypeError(say("LayerLab does not support the {extra!r} argument of {layer}: leave it out "
                            "(LayerLab sets {names})",
                            extra=extra[0], layer=shown, names=", ".join(kind.param_names) or say("nothing")))
    values = validate_params(kind, given, f"{shown}: ")
    check_memory(kind, values, f"{shown}: ")
    try:
        with on_meta():
            module = torch_class(kind)(**given)
    except (TypeError, ValueError, RuntimeError, KeyError, AssertionError) as exc:
        raise TypeError(say("torch refused {layer} with these arguments: {reason}",
                            layer=shown, reason=message_of(exc))) from None
    return module, given


def lazy_placeholder(kind: LayerKind, name: str, given: dict[str, Any]) -> int:
    """A stand-in for the input size a lazy layer learns later: one that its other hyperparameters accept."""
    groups = given.get("groups", 1)
    return groups if name == "in_channels" and isinstance(groups, int) and not isinstance(groups, bool) and \
        groups >= 1 else 1


def construct_lazy(kind: LayerKind, name: str, lazy_path: str, args: list[Any],
                   kwargs: dict[str, Any]) -> tuple[nn.Module, dict[str, Any]]:
    """``nn.LazyLinear(10)`` as a meta ``kind`` layer with a stand-in ``name`` (worked out from its input later).

    Its arguments are bound to the lazy class's own signature, defaults
    included (``LazyInstanceNorm2d`` defaults to ``affine=True``, unlike
    ``InstanceNorm2d``), so the catalog layer is the one torch materializes.
    """
    cls = getattr(nn, lazy_path.rpartition(".")[2])
    shown = f"nn.{cls.__name__}"
    try:
        bound = inspect.signature(cls).bind(*args, **kwargs)
    except TypeError as exc:
        raise TypeError(say("{layer}() does not take these arguments ({reason})",
                            layer=shown, reason=message_of(exc))) from None
    bound.apply_defaults()
    given = {k: v for k, v in bound.arguments.items() if not (k in ("device", "dtype") and v is None)}
    extra = [k for k in given if k not in kind.param_names]
    if extra:
        raise TypeError(say("LayerLab does not support the {extra!r} argument of {layer}: leave it out",
                            extra=extra[0], layer=shown))
    given[name] = lazy_placeholder(kind, name, given)
    return construct_layer(kind, [], given, shown)


class ArgumentError(ValueError):
    """A bad argument of ``nn.Sequential``: ``index`` says which one, so the error can point at it."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


def check_sequential_args(args: list[Any]) -> None:
    """Refuse arguments ``nn.Sequential`` would not take, or that LayerLab cannot hold, with a clear reason.

    A bad argument raises :class:`ArgumentError` with its index.
    """
    if len(args) == 1 and isinstance(args[0], OrderedDict):
        items = list(args[0].items())
        if len(items) > MAX_ITEMS:
            raise ValueError(say("a Sequential of more than {limit:,} layers is more than LayerLab reads",
                                 limit=MAX_ITEMS))
        for index, (key, module) in enumerate(items):
            try:
                check_label(key, index)
                check_module(module, say("the entry {key!r}", key=key))
            except ValueError as exc:
                raise ArgumentError(message_of(exc), 0) from None
        return
    if len(args) > MAX_ITEMS:
        raise ValueError(say("a Sequential of more than {limit:,} layers is more than LayerLab reads", limit=MAX_ITEMS))
    for index, module in enumerate(args):
        try:
            check_module(module, say("argument {number}", number=index + 1))
        except ValueError as exc:
            raise ArgumentError(message_of(exc), index) from None


def check_module(value: Any, what: str) -> None:
    """``value`` must be a module: a catalog layer or a Sequential."""
    if isinstance(value, nn.Module):
        return
    if isinstance(value, TorchRef):
        if value.dotted in kinds_by_path() or value.dotted in SEQUENTIAL:
            raise ValueError(say("{what} is {value} without parentheses: call it, e.g. {value}(...)",
                                 what=what, value=value.shown))
        raise ValueError(say("{what} is {value}, which is not a layer: use a torch.nn layer such as nn.ReLU()",
                             what=what, value=value.shown))
    if isinstance(value, OrderedDict):
        raise ValueError(say("{what} is an OrderedDict: pass it as the only argument of nn.Sequential", what=what))
    raise ValueError(say("{what} of nn.Sequential is {value}, not a layer", what=what, value=_describe(value)))


def _describe(value: Any) -> str:
    name = getattr(value, "describe", None)
    if callable(name):
        return name()
    return f"{type(value).__name__} {value!r:.40}"


def check_label(key: Any, index: int) -> None:
    """An OrderedDict key must be a usable block label (or the index it would have anyway)."""
    if not isinstance(key, str):
        raise ValueError(say("the OrderedDict key {key!r} is not a string: use names like 'conv1'", key=key))
    if key.isdigit():
        if key != str(index):
            raise ValueError(say("the OrderedDict key {key!r} is a number that is not its position ({index}): "
                                 "use a name like 'conv1'", key=key, index=index))
        return
    if label_problem(key) is not None:
        raise ValueError(say("{key!r} cannot name a block: use a name without dots that is not an "
                             "attribute of nn.Sequential, e.g. 'conv1'", key=key[:40]))


def repeat(sequential: nn.Sequential, count: Any) -> None:
    """Refuse ``sequential * count`` when torch would refuse it or it is absurdly long (before doing it)."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError(say("a Sequential can only be repeated a whole number of times, not {count!r}", count=count))
    if count <= 0:
        raise ValueError(say("a Sequential must be repeated at least once (got {count})", count=count))
    if len(sequential) * count > MAX_ITEMS:
        raise ValueError(say("repeating {items} layers {count:,} times gives more than {limit:,} "
                             "layers, more than LayerLab reads", items=len(sequential), count=count, limit=MAX_ITEMS))
