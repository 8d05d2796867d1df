"""Hostile expressions (issue #17): every failure is an ExpressionError with a position, nothing grows unbounded."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from editor import Project
from editor.model.custom.expr import ExpressionError, compile_expression
from editor.model.init.rules import compile_rule_expression


def linear() -> Project:
    return Project.from_module(nn.Sequential(nn.Linear(8, 8)))


@pytest.mark.parametrize(("source", "words"), [
    ("numel ** numel", "whole number of"),
    ("-" * 3000 + "w", "nested too deeply"),
    ("abs(w, out=w)", "out= is not allowed"),
    ("w * numel ** 40", "int too big"),
    ("w[99]", "out of bounds"),
])
def test_hostile_rule_expressions_are_expression_errors_and_change_nothing(source, words):
    p = linear()
    before = p[0].weight.detach().clone()
    with pytest.raises(ExpressionError, match=words):
        p.initialize("uniform_", a=-10, b=10, expression=source)
    assert torch.equal(p[0].weight, before) and p.init_rules == ()


def test_errors_carry_the_position_of_the_failing_part():
    expression = compile_rule_expression("w + w[99]")
    with pytest.raises(ExpressionError) as info:
        expression(w=torch.zeros(8), fan_in=1, fan_out=1, numel=8)
    assert info.value.line == 1 and info.value.column == 5


def test_an_outer_product_is_refused_from_the_shapes_before_it_is_computed():
    w = torch.zeros(2000, 2000)  # 4M values; the outer product would hold 16 trillion
    expression = compile_rule_expression("w[:, :, None, None] * w[None, None, :, :]")
    with pytest.raises(ExpressionError, match="may not grow its tensors"):
        expression(w=w, fan_in=2000, fan_out=2000, numel=w.numel())


def test_ordinary_expressions_still_work():
    expression = compile_rule_expression("where(abs(w) < 5, 0, w) * 2")
    w = torch.tensor([1.0, 6.0, -7.0])
    assert torch.equal(expression(w=w, fan_in=1, fan_out=1, numel=3), torch.tensor([0.0, 12.0, -14.0]))
    assert compile_expression("2 ** 10")() == 1024
