"""Forward expressions cannot escape the sandbox or exhaust memory: every attempt is refused at its position."""

from __future__ import annotations

import pytest
import torch

from editor.model.custom.definitions import DefinitionError, LayerDefinition
from editor.model.custom.expr import ExpressionError
from editor.model.custom.functions import compile_forward

NAMES = frozenset({"x", "weight", "n"})


def run(source: str, **env):
    return compile_forward(source, NAMES)({"x": torch.ones(3, 4), "weight": torch.ones(4, 2), "n": 2, **env})


@pytest.mark.parametrize("source, words, column", [
    ("x + __import__('os').system('echo escaped')", "cannot call '__import__'", 5),
    ("().__class__.__bases__", "attribute access (.__bases__)", 1),
    ("x.__class__", "attribute access (.__class__)", 1),
    ("x.__class__.__mro__[-1].__subclasses__()", "attribute access", 1),
    ("getattr(x, 'data')", "cannot call 'getattr'", 1),
    ("lambda: x", "lambda", 1),
    ("x + (lambda: 1)()", "only a function name", 5),
    ("[x for x in (1, 2)]", "comprehension", 1),
    ("x.data", "attribute access (.data)", 1),
    ("x.numpy()", "cannot call the method .numpy()", 1),
    ("x.add_(1)", "cannot call the method .add_()", 1),
    ("torch.load('evil.pt')", "cannot call torch.load", 1),
    ("os.system('ls')", "unknown name 'os'", 1),
    ("__builtins__", "names starting with __", 1),
    ("x.sum(out=x)", "out= is not allowed", 7),
    ("x.sum(dtype=7)", "keyword argument dtype= is not allowed", 7),
    ("relu(x, inplace=True)", "keyword argument inplace=", 9),
])
def test_escapes_are_refused_when_the_definition_is_made(source, words, column):
    with pytest.raises(DefinitionError) as info:
        LayerDefinition("Escape", source, (("n", 2),), ())
    assert words in str(info.value)
    assert info.value.line == 1 and info.value.column == column, str(info.value)


@pytest.mark.parametrize("source, words, column", [
    ("x + ones(10**12)", "1,000,000,000,000 values", 5),
    ("x + torch.ones(10**12)", "1,000,000,000,000 values", 5),
    ("x + F.relu(zeros(10**6, 10**6))", "values", 12),
    ("x + 2 ** 10 ** 100", "too large", 5),
    ("x * 9 ** 9 ** 9", "too large", 5),
    ("cat((x, x, x, x, x, x, x, x, x), dim=0) @ ones(4, 10**6)", "4,000,000 values", 43),
    ("cat((x.reshape(-1), ones(10**7)))", "10,000,000 values", 21),
    ("x.sum() + cat((ones(10**6), ones(10**6)))", "2,000,000 values", 11),
    ("ones(10**6, 1) @ ones(1, 10**6)", "1,000,000,000,000 values", 1),
    ("x.reshape(-1, 1) @ ones(1, 10**5) @ ones(10**5, 10**3)", "1,200,000 values", 1),
    ("matmul(ones(10**6, 1), ones(1, 10**6))", "values", 1),
])
def test_huge_results_are_refused_before_anything_is_allocated(source, words, column):
    with pytest.raises(ExpressionError) as info:
        run(source)
    assert words in str(info.value)
    assert info.value.line == 1 and info.value.column == column, str(info.value)


@pytest.mark.parametrize("source", ["-" * 10_000 + "x", "(" * 10_000 + "x" + ")" * 10_000,
                                    "x" + "+x" * 2100, "relu(" * 10_000 + "x" + ")" * 10_000])
def test_expressions_nested_ten_thousand_deep_are_refused_with_a_position(source):
    with pytest.raises(DefinitionError) as info:
        LayerDefinition("Deep", source)
    assert info.value.line is not None and info.value.column is not None
    assert "deep" in str(info.value) or "longer than" in str(info.value) or "nested" in str(info.value)


def test_methods_only_work_on_tensors():
    with pytest.raises(ExpressionError, match="is a tensor method, but int is not a tensor") as info:
        run("x + n.mean()")
    assert info.value.column == 5


def test_allowed_forms_compute_what_torch_computes():
    x = torch.randn(3, 4)
    w = torch.randn(4, 2)

    def ev(source):
        return compile_forward(source, NAMES)({"x": x, "weight": w, "n": 2})

    assert torch.equal(ev("x - x.mean()"), x - x.mean())
    assert torch.equal(ev("relu(x @ weight)"), torch.relu(x @ w))
    assert torch.equal(ev("F.relu(x) + torch.tanh(x)"), torch.relu(x) + torch.tanh(x))
    assert torch.equal(ev("x.sum(dim=1, keepdim=True)"), x.sum(dim=1, keepdim=True))
    assert torch.equal(ev("softmax(x, dim=-1)"), torch.softmax(x, dim=-1))
    assert torch.equal(ev("x.reshape(x.shape[0], -1).transpose(0, 1)"), x.reshape(3, -1).T)
    assert torch.equal(ev("clamp(x, min=0) * n"), torch.clamp(x, min=0) * 2)
    assert torch.equal(ev("x.max(dim=1)[0]"), x.max(dim=1)[0])
    assert torch.equal(ev("where(x > 0, x, 0.1 * x)"), torch.where(x > 0, x, 0.1 * x))
    assert torch.equal(ev("x.T @ x"), x.T @ x)
