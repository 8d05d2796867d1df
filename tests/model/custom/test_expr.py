"""The safe expression language refuses everything that could run code or exhaust memory."""

import pytest

from editor.model.custom.expr import FORMULA_FUNCTIONS, ExpressionError, compile_expression


def ev(source, **names):
    return compile_expression(source, FORMULA_FUNCTIONS)(names)


def test_arithmetic_conditionals_and_functions():
    assert ev("in_features * out_features + (out_features if bias else 0)", in_features=20, out_features=10,
              bias=True) == 210
    assert ev("prod(ntuple(k, 2))", k=3) == 9
    assert ev("shape[-1]", shape=(1, 2, 3)) == 3
    assert ev("(shape[-1],)", shape=(4, 5)) == (5,)
    assert ev("1 < x <= 3 and not y", x=3, y=False) is True
    assert ev("a is None or a in (1, 2)", a=None)


@pytest.mark.parametrize("source, words", [
    ("().__class__.__bases__", "attribute access"),
    ("__import__('os').system('true')", "cannot call"),
    ("open('/etc/passwd')", "cannot call"),
    ("[x for x in range(3)]", "comprehension"),
    ("lambda: 1", "lambda"),
    ("9 ** 9 ** 9", "too large"),
    ("'a' * 10 ** 9", "repeating"),
    ("(1,) * 100000000", "repeating"),
    ("x := 3", "syntax"),
    ("f'{x}'", "f-string"),
    ("unknown_name + 1", "unknown name"),
    ("1 +", "syntax error"),
])
def test_refused(source, words):
    with pytest.raises(ExpressionError, match=words):
        compile_expression(source, FORMULA_FUNCTIONS, names=frozenset({"x"}))(x=1)


def test_errors_carry_positions():
    with pytest.raises(ExpressionError) as info:
        compile_expression("1 + a.b", {})
    assert info.value.line == 1 and info.value.column == 5
