"""Initialization rules: ``torch.nn.init`` applied to chosen parameters, kept in the project as a recipe.

A rule says *what* (an init function and its arguments, optionally followed
by a custom expression over the fresh sample ``w``), *which parameters*
(weights, biases or all) and *where* (the whole design, every block of one
kind — ``net.apply(fn)`` with a type check — or chosen blocks).

Rules run exactly as the exported code runs them: ``model.apply(fn)`` visits
modules children first, each child of a Sequential once, and ``fn`` fills the
module's own parameters in registration order. So "reset parameters from
seed" (construct every layer from the seed, then apply every rule, on the
CPU) and ``torch.manual_seed(seed); build_model()`` give the same bits.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from editor.model.catalog import kind as catalog_kind
from editor.model.custom.expr import Expression, ExpressionError, compile_expression
from editor.model.design.tree import Block, Group, Layer
from editor.model.errors import ValidationError
from editor.model.init.distributions import Distribution, default_for, for_function
from editor.model.init.functions import InitFunction, check_args, check_fits, fans, gain_for, init_function
from editor.model.words import say

PARAMETERS = ("weight", "bias", "all")
EXPRESSION_NAMES = frozenset({"w", "fan_in", "fan_out", "numel"})


def _where(condition: Any, a: Any, b: Any) -> torch.Tensor:
    return torch.where(condition, a, b)


def _clamp(x: Any, low: Any = None, high: Any = None) -> torch.Tensor:
    return torch.clamp(x, low, high)


# The functions a custom rule may call, and the torch function each one is (in the editor and in exported code).
TENSOR_FUNCTIONS: dict[str, tuple[Callable[..., Any], str]] = {
    "where": (_where, "torch.where"),
    "abs": (torch.abs, "torch.abs"),
    "sign": (torch.sign, "torch.sign"),
    "sqrt": (torch.sqrt, "torch.sqrt"),
    "exp": (torch.exp, "torch.exp"),
    "log": (torch.log, "torch.log"),
    "tanh": (torch.tanh, "torch.tanh"),
    "clamp": (_clamp, "torch.clamp"),
    "round": (torch.round, "torch.round"),
}


@functools.cache
def compile_rule_expression(source: str) -> Expression:
    """The checked expression of a custom rule (``w`` is the fresh sample, e.g. ``where(abs(w) < 5, 0, w)``)."""
    functions = {name: f for name, (f, _) in TENSOR_FUNCTIONS.items()}
    return compile_expression(source, functions, EXPRESSION_NAMES)


@dataclass(frozen=True, eq=False)
class InitRule:
    """One initialization step: function + arguments, which parameters, where; optionally a custom expression."""

    function: str
    args: dict[str, Any] = field(default_factory=dict)
    parameters: str = "weight"
    kind: str | None = None
    layers: tuple[Layer, ...] | None = None
    expression: str | None = None
    gain_from: tuple[str, float | None] | None = None  # nn.init.calculate_gain(nonlinearity, param)

    @property
    def init(self) -> InitFunction:
        return init_function(self.function)

    @property
    def kwargs(self) -> dict[str, Any]:
        """The arguments passed to the init function (torch's defaults filled in)."""
        values = check_args(self.init, self.args)
        if self.gain_from is not None:
            values["gain"] = gain_for(*self.gain_from)
        return values

    def matches(self, name: str) -> bool:
        """Whether the parameter called ``name`` (its own name, e.g. ``weight_ih_l0``) is targeted."""
        return self.parameters == "all" or self.parameters in name

    def describe(self) -> str:
        """A short sentence, e.g. "xavier_uniform_ on the weights of every Linear"."""
        what = {"weight": say("the weights"), "bias": say("the biases"), "all": say("all parameters")}[self.parameters]
        if self.layers is not None:
            count = len(self.layers)
            where = say("{count} chosen block", count=count) if count == 1 else \
                say("{count} chosen blocks", count=count)
            if self.kind is not None:
                where = say("every {kind} in {blocks}", kind=self.kind, blocks=where)
        elif self.kind is not None:
            where = say("every {kind}", kind=self.kind)
        else:
            where = say("the whole design")
        if self.expression:
            return say("{function} on {what} of {where}, then {expression}", function=self.function, what=what,
                       where=where, expression=self.expression)
        return say("{function} on {what} of {where}", function=self.function, what=what, where=where)


def make_rule(function: str, *, parameters: str = "weight", kind: str | None = None,
              layers: tuple[Layer, ...] | None = None, expression: str | None = None,
              gain_from: tuple[str, float | None] | None = None, **args: Any) -> InitRule:
    """A checked :class:`InitRule`; a clear :class:`ValidationError` for anything wrong."""
    init = init_function(function)
    if parameters not in PARAMETERS:
        raise ValidationError(say("parameters must be one of {names}, not {parameters!r}.",
                                  names=', '.join(PARAMETERS), parameters=parameters),
                              field="parameters", valid=", ".join(PARAMETERS))
    if kind is not None:
        try:
            kind = catalog_kind(kind).name
        except KeyError:
            raise ValidationError(say("There is no layer kind {kind!r} to initialize.", kind=kind),
                                  field="kind") from None
    if gain_from is not None:
        if not init.gain:
            raise ValidationError(say("{init} takes no gain; calculate_gain is for xavier_* and orthogonal_.",
                                      init=init.name),
                                  field="gain")
        gain_for(*gain_from)
        if "gain" in args:
            raise ValidationError(say("Give either gain or gain_from (which sets gain = calculate_gain(...)), not "
                                      "both."),
                                  field="gain")
    if expression is not None:
        expression = expression.strip() or None
    if expression is not None:
        compile_rule_expression(expression)
    rule = InitRule(init.name, dict(args), parameters, kind, layers, expression, gain_from)
    rule.kwargs  # noqa: B018 - validates the arguments now
    return rule


# ------------------------------------------------------------------ running rules
Target = tuple[Layer, str, torch.Tensor]  # layer, the parameter's name inside the layer, the tensor


def apply_order(module: nn.Module, prefix: str = "") -> Iterator[tuple[nn.Module, str]]:
    """Modules in ``module.apply`` order (children first; a child used twice in one parent once)."""
    for name, child in module.named_children():
        yield from apply_order(child, f"{prefix}{name}.")
    yield module, prefix


def _visit_layer(rule: InitRule, layer: Layer, module: nn.Module, cls: type | None) -> Iterator[Target]:
    for sub, prefix in apply_order(module):
        if cls is not None and type(sub) is not cls:
            continue
        for name, tensor in sub.named_parameters(recurse=False):
            if rule.matches(name):
                yield layer, prefix + name, tensor


def targets(rule: InitRule, root: Group, module_of: Callable[[Layer], nn.Module]) -> Iterator[Target]:
    """The parameters ``rule`` fills, in the order it fills them (repeats included, as ``model.apply`` does)."""
    cls = _layer_class(rule)
    if rule.layers is not None:
        for layer in rule.layers:
            if layer.blocks and _attached(layer.blocks[0], root):
                yield from _visit_layer(rule, layer, module_of(layer), cls)
        return

    def visit(group: Group) -> Iterator[Target]:
        seen: set[int] = set()
        for child in group.children:
            if id(child.module) in seen:
                continue
            seen.add(id(child.module))
            if isinstance(child, Group):
                yield from visit(child)
            else:
                assert isinstance(child, Block)
                yield from _visit_layer(rule, child.layer, module_of(child.layer), cls)

    yield from visit(root)


def _attached(node: Block, root: Group) -> bool:
    top: Any = node
    while top.parent is not None:
        top = top.parent
    return top is root


def _layer_class(rule: InitRule) -> type | None:
    if rule.kind is None:
        return None
    from editor.model.catalog.build import torch_class

    return torch_class(catalog_kind(rule.kind))


def fits_layer(rule: InitRule, layer: Layer) -> bool | None:
    """Whether ``rule`` can fill every parameter of ``layer`` it targets; None when it targets none of them."""
    found = list(_visit_layer(rule, layer, layer.module, _layer_class(rule)))
    if not found:
        return None
    try:
        _check_targets(rule, found)
    except ValidationError:
        return False
    return True


def narrowed(rule: InitRule, layers: tuple[Layer, ...]) -> InitRule:
    """``rule`` for the chosen ``layers`` only (its layer kind, when it has one, still picks inside them)."""
    return dataclasses.replace(rule, layers=layers)


def where_text(layer: Layer, name: str) -> str:
    block = layer.blocks[0]
    return say("{name} of the {kind} block at {path}", name=name, kind=layer.kind.name, path=block.path())


def check_rule(rule: InitRule, root: Group) -> list[Target]:
    """The live parameters ``rule`` would fill; refuses (changing nothing) when one does not fit."""
    found = list(targets(rule, root, lambda layer: layer.module))
    _check_targets(rule, found)
    return found


def _check_targets(rule: InitRule, found: list[Target]) -> None:
    init, kwargs = rule.init, rule.kwargs
    for layer, name, tensor in found:
        check_fits(init, tensor, where_text(layer, name), kwargs, name)
        if rule.expression and tensor.dim() < 2 and {"fan_in", "fan_out"} & compile_rule_expression(
                rule.expression).names:
            raise ValidationError(say("The expression uses fan_in or fan_out, which {where} ({dims}-D) does not "
                                      "have. Nothing was changed.", where=where_text(layer, name),
                                      dims=tensor.dim()), field="expression")


def fill(rule: InitRule, tensor: torch.Tensor, generator: torch.Generator | None = None) -> None:
    """Fill one tensor in place by ``rule`` (from torch's default generator, as exported code does)."""
    with torch.no_grad():
        rule.init.call(tensor, rule.kwargs, generator)
        if rule.expression:
            fan_in, fan_out = fans(tensor)
            value = compile_rule_expression(rule.expression)(w=tensor, fan_in=fan_in, fan_out=fan_out,
                                                             numel=tensor.numel())
            try:
                if not isinstance(value, torch.Tensor):
                    value = torch.full_like(tensor, float(value))
                if value.shape != tensor.shape:
                    raise ValidationError(say("The expression {expression!r} gives shape {shape}, not the "
                                              "parameter's {want}.", expression=rule.expression,
                                              shape=tuple(value.shape), want=tuple(tensor.shape)), field="expression")
                tensor.copy_(value)
            except (TypeError, ValueError, OverflowError, RuntimeError) as exc:
                if isinstance(exc, ValidationError):
                    raise
                raise ExpressionError(say("The expression {expression!r} gives {what}, which cannot fill a "
                                          "{dtype} parameter: {reason}", expression=rule.expression,
                                          what=_kind_of(value), dtype=tensor.dtype,
                                          reason=str(exc).splitlines()[0][:120])) from None


def _kind_of(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return say("a {dtype} tensor", dtype=value.dtype)
    if isinstance(value, int) and abs(value) >= 10**20:
        return say("a whole number of {count} digits", count=len(str(abs(value))))
    return say("the number {value}", value=repr(value)[:49])


def run_rules(rules: tuple[InitRule, ...] | list[InitRule], root: Group,
              module_of: Callable[[Layer], nn.Module]) -> None:
    """Apply ``rules`` in order to the modules ``module_of`` gives for the design's layers."""
    for rule in rules:
        for _, _, tensor in list(targets(rule, root, module_of)):
            fill(rule, tensor)


def distribution_of(rule: InitRule, tensor: torch.Tensor) -> Distribution | None:
    """What ``rule`` draws ``tensor``'s values from (a custom expression: described, without a density)."""
    gain_text = None
    if rule.gain_from is not None:
        nonlinearity, param = rule.gain_from
        gain_text = f"gain calculate_gain({nonlinearity!r}{'' if param is None else f', {param}'})"
    base = for_function(rule.init, rule.kwargs, tensor, gain_text)
    if rule.expression:
        sample = base.label.split(":")[0] if base is not None else rule.function
        return Distribution("custom", say("custom rule: {sample}, then {expression}", sample=sample,
                                          expression=rule.expression))
    return base


def expected_distribution(project: Any, path: str, name: str) -> Distribution | None:
    """The distribution behind parameter ``name`` of the block at ``path``: the last rule, else the default."""
    block = project.node(path)
    if not isinstance(block, Block):
        return None
    return expected_distributions(project, [(block, name)])[0]


def expected_distributions(project: Any, items: list[tuple[Block, str]]) -> list[Distribution | None]:
    """:func:`expected_distribution` for many parameters at once: each rule's targets are found only once."""
    filled_by: dict[int, InitRule] = {}
    for rule in project.init_rules:  # a later rule overrides an earlier one
        for _, _, tensor in targets(rule, project.root, lambda layer: layer.module):
            filled_by[id(tensor)] = rule
    out: list[Distribution | None] = []
    for block, name in items:
        module = block.layer.module
        try:
            tensor = module.get_parameter(name)
        except AttributeError:
            out.append(None)
            continue
        rule = filled_by.get(id(tensor))
        out.append(distribution_of(rule, tensor) if rule is not None else default_for(module, name, tensor))
    return out
