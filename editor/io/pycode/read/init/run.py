"""Running an init function read as data on real modules, to see what it fills and in what order.

Nothing of the source runs: :func:`source_fills` follows the program of
:mod:`editor.io.pycode.read.init.body` over the modules exactly as ``module.apply(fn)``
would visit them (children first; a child used twice in one parent once), and
says which parameter each fill reaches, in order. Where the source would fail
when run (``m.weight`` of a ReLU, ``zeros_(m.bias)`` of a Linear without bias,
``xavier_uniform_`` of a 1-D tensor), it raises :class:`CodeImportError` at the
fill, saying so. :func:`same_values` decides whether LayerLab's rules give the
very same values as the function does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from editor.io.errors import CodeImportError
from editor.io.pycode.read.init.program import Fill, IfName, IfNotNone, IfType, Loop, Program
from editor.model.errors import ValidationError
from editor.model.init.functions import check_fits, init_function
from editor.model.init.rules import InitRule, apply_order
from editor.model.words import say

Event = tuple[Any, torch.Tensor]  # (what fills it: a rule key, the tensor)


def rule_key(rule: InitRule) -> tuple[Any, ...]:
    return rule.function, tuple(sorted(rule.args.items())), rule.gain_from, rule.expression


def source_fills(program: Program, root: nn.Module, where: Callable[[nn.Module], str],
                 fail: Callable[..., CodeImportError], applied: str) -> list[tuple[Fill, torch.Tensor]]:
    """What ``root.apply(fn)`` fills, in order: (fill, tensor) pairs."""
    out: list[tuple[Fill, torch.Tensor]] = []

    def attribute(module: nn.Module, name: str, node: Any) -> Any:
        try:
            return getattr(module, name)
        except AttributeError:
            raise fail(node, say("running this file fails here: {applied} calls {program}() on every module "
                                 "below it, and {where} has no {name!r}. Check the type first, e.g. "
                                 "if type(m) is nn.Linear:",
                                 applied=applied, program=program.name, where=where(module),
                                 name=name), f"m.{name}") from None

    def run(body: list[Any], module: nn.Module, item: tuple[str, torch.Tensor] | None) -> None:
        for step in body:
            if isinstance(step, IfType):
                if step.holds(module):
                    run(step.body, module, item)
            elif isinstance(step, IfNotNone):
                if attribute(module, step.name, step.node) is not None:
                    run(step.body, module, item)
            elif isinstance(step, Loop):
                for name, param in module.named_parameters(recurse=False):
                    run(step.body, module, (name, param))
            elif isinstance(step, IfName):
                assert item is not None
                if step.part in item[0]:
                    run(step.body, module, item)
            else:
                fill(step, module, item)

    def fill(step: Fill, module: nn.Module, item: tuple[str, torch.Tensor] | None) -> None:
        if step.target is None:
            assert item is not None
            name, tensor = item
        else:
            name, tensor = step.target, attribute(module, step.target, step.node)
        if tensor is None:
            raise fail(step.node, say("running this file fails here: {where} has no {name} (it is None, "
                                      "e.g. bias=False). Guard it with if m.{name} is not None:",
                                      where=where(module), name=name), f"m.{name}")
        if not isinstance(tensor, torch.Tensor):
            raise fail(step.node, say("m.{name} of {where} is not a tensor",
                                      name=name, where=where(module)), f"m.{name}")
        rule = step.rule()
        try:
            check_fits(rule.init, tensor, f"{name} of {where(module)}", rule.kwargs)
        except ValidationError as exc:
            text = str(exc).replace(" Nothing was changed.", "")
            raise fail(step.node, say("running this file fails here: {text}",
                                      text=text), f"nn.init.{step.function}") from None
        if step.uses_fans and tensor.dim() < 2:
            raise fail(step.node, say("running this file fails here: the update uses fan_in or fan_out, which "
                                      "{name} of {where} ({dim}-D) does not have",
                                      name=name, where=where(module), dim=tensor.dim()), "fan_in")
        out.append((step, tensor))

    for module, _ in apply_order(root):
        run(program.body, module, None)
    return out


def is_random(key: tuple[Any, ...]) -> bool:
    return init_function(key[0]).random


def same_values(expected: list[Event], got: list[Event]) -> bool:
    """Whether filling in order ``got`` gives the values of filling in order ``expected``.

    Each tensor must be filled by the same steps in the same order, and the
    steps that draw random numbers must come in the same order overall (the
    others draw nothing, so they may move relative to fills of other tensors).
    """
    def per_tensor(events: list[Event]) -> dict[int, list[Any]]:
        table: dict[int, list[Any]] = {}
        for key, tensor in events:
            table.setdefault(id(tensor), []).append(key)
        return table

    def draws(events: list[Event]) -> list[tuple[Any, int]]:
        return [(key, id(tensor)) for key, tensor in events if is_random(key)]

    return per_tensor(expected) == per_tensor(got) and draws(expected) == draws(got)
