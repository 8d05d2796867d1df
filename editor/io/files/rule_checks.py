"""Init rules from a file, checked against the design they were read with, so that replaying them never fails.

"Reset parameters", the seed check and exported code replay every rule on
freshly built modules; a rule that cannot fill a parameter it targets
(``kaiming_uniform_`` on a 1-D bias) or that draws NaN or ±inf (a custom
expression that overflows) would fail there, long after the file was opened.
So, when a file is opened, each rule is tried on every parameter it targets:
its fit is checked, and a sample of what it draws (from a private generator
seeded with the project's seed) must be finite.

A rule that fits none of its parameters cannot have been applied by
LayerLab: the file was altered or made elsewhere, and it is refused. A rule
that fits some parameters and not others is what a design edited after the
rule was applied looks like (a rule on "the whole design's weights", then a
BatchNorm added, whose weight is 1-D): refusing it would lock the learner out
of their own project, so the project opens without that rule, with a notice
that says why. The weights are always as saved.
"""

from __future__ import annotations

from typing import Any

import torch

from editor.io.files.design_data import DesignDataError
from editor.model.errors import LayerLabError, ValidationError
from editor.model.init.functions import check_fits
from editor.model.init.rules import InitRule, compile_rule_expression, fill, targets, where_text
from editor.model.words import message_of, say

SAMPLE_BUDGET = 4_000_000
"""Values drawn in all, when a file is opened, to check that its rules give finite numbers."""

_BROKEN = (LayerLabError, RuntimeError, ValueError, TypeError, KeyError, IndexError, ArithmeticError)


def check_rules(project: Any, rules: tuple[InitRule, ...]) -> tuple[tuple[InitRule, ...], list[str]]:
    """The rules that can be replayed on ``project``'s design, and notices for the ones left out.

    Raises :class:`DesignDataError` for a rule that fits none of the
    parameters it targets (see the module's docstring).
    """
    generator = torch.Generator().manual_seed(project.seed % 2**63)
    budget = [SAMPLE_BUDGET]
    kept, notices = [], []
    for i, rule in enumerate(rules):
        problems = _problems(rule, project.root, generator, budget)
        if problems is None:
            kept.append(rule)
            continue
        some_fit, (short, full) = problems
        if not some_fit:
            raise DesignDataError(say("init_rules[{index}]: {problem}", index=i, problem=full))
        notices.append(say("Init rule {number} ({rule}) no longer fits this design: {problem}. It was left out; "
                           "the weights are as saved.", number=i + 1, rule=_text(rule), problem=short))
    return tuple(kept), notices


Problem = tuple[str, str]
"""A problem in a few words (for a notice) and in full (for a refusal)."""


def _problems(rule: InitRule, root: Any, generator: torch.Generator,
              budget: list[int]) -> tuple[bool, Problem] | None:
    """None when ``rule`` replays on every parameter it targets; else (whether some fit, the first problem)."""
    seen: set[tuple[int, str]] = set()
    fitting, first = 0, None
    try:
        found = list(targets(rule, root, lambda layer: layer.module))
    except _BROKEN:
        return False, (say("it cannot be applied"),
                       say("{function} cannot be applied to this design", function=rule.function))
    for layer, name, tensor in found:
        if (id(layer), name) in seen:
            continue  # a shared module: model.apply fills it again, the same way
        seen.add((id(layer), name))
        problem = _problem(rule, layer, name, tensor, generator, budget)
        if problem is None:
            fitting += 1
        elif first is None:
            first = problem
    return None if first is None else (fitting > 0, first)


def _problem(rule: InitRule, layer: Any, name: str, tensor: torch.Tensor, generator: torch.Generator,
             budget: list[int]) -> Problem | None:
    """Why ``rule`` cannot fill ``tensor`` (parameter ``name`` of ``layer``); None when it can."""
    where = where_text(layer, name)
    cannot = say("it cannot fill {where} {shape}", where=where, shape=tuple(tensor.shape))
    try:
        check_fits(rule.init, tensor, where, rule.kwargs, name)
    except ValidationError as exc:
        return cannot, message_of(exc)
    except _BROKEN:
        return cannot, say("{function} cannot fill {where}", function=rule.function, where=where)
    if rule.expression and tensor.dim() < 2 and {"fan_in", "fan_out"} & compile_rule_expression(
            rule.expression).names:
        return cannot, say("the expression uses fan_in or fan_out, which {where} ({dims}-D) does not have",
                           where=where, dims=tensor.dim())
    if tensor.numel() > budget[0]:
        return None  # the sample budget is spent: the fit was checked, the values are not
    budget[0] -= tensor.numel()
    sample = torch.empty(tensor.shape, dtype=tensor.dtype)
    try:
        fill(rule, sample, generator)
    except _BROKEN:
        return (say("it fails when it fills {where}", where=where),
                say("{rule} fails when it fills {where}", rule=_text(rule), where=where))
    if sample.is_floating_point() and not bool(torch.isfinite(sample).all()):
        return (say("it gives NaN or infinite values for {where}", where=where),
                say("{rule} gives NaN or infinite values for {where}; parameters must be finite numbers",
                    rule=_text(rule), where=where))
    return None


def _text(rule: InitRule) -> str:
    """The rule in a few words (its expression cut short)."""
    expression = rule.expression or ""
    shown = expression if len(expression) <= 30 else expression[:29] + "…"
    if shown:
        return say("{function} on {parameters}, then {expression}",
                   function=rule.function, parameters=rule.parameters, expression=shown)
    return say("{function} on {parameters}", function=rule.function, parameters=rule.parameters)
