"""Import from code: textbook init functions that name intermediate values, print, or use the tensor methods.

The reference is running the (trusted, test-only) source after
``torch.manual_seed(seed)``; the importer never runs it (issue #18).
"""

from __future__ import annotations

import math

import pytest

from editor import CodeImportError, Project
from tests.io.pycode.test_code_import_init import D2L_HEAD, imported, src


def applied(body: str) -> str:
    return src(D2L_HEAD + "\n" + body + "\nnet.apply(init)\n")


def describe(project: Project) -> list[str]:
    return [rule.describe() for rule in project.init_rules]


# ------------------------------------------------------------------ names assigned once
def test_a_mask_named_before_it_is_used_reads_like_the_inline_rule():
    named = imported(applied("""
def init(module):
    if type(module) == nn.Linear:
        nn.init.uniform_(module.weight, -10, 10)
        mask = module.weight.data.abs() >= 5
        module.weight.data *= mask
"""))
    inline = imported(applied("""
def init(module):
    if type(module) == nn.Linear:
        nn.init.uniform_(module.weight, -10, 10)
        module.weight.data *= module.weight.data.abs() >= 5
"""))
    assert describe(named) == describe(inline) == ["uniform_ on the weights of every Linear, then w * (abs(w) >= 5)"]
    assert named.notices == []


def test_names_built_on_names_and_a_subscript_mask():
    project = imported(applied("""
def init(m):
    if isinstance(m, nn.Linear):
        nn.init.uniform_(m.weight, -10, 10)
        size = m.weight.data.abs()
        small = size < 5
        m.weight.data[small] = 0
"""))
    assert [r.expression for r in project.init_rules] == ["where(abs(w) < 5, 0, w)"]


def test_a_mask_worked_out_under_no_grad_is_read_after_the_block():
    imported(applied("""
def init(m):
    if type(m) == nn.Linear:
        nn.init.uniform_(m.weight, -10, 10)
        with torch.no_grad():
            keep = m.weight.abs() >= 5
        m.weight.data *= keep
"""))


def test_number_names_are_read_as_init_arguments():
    project = imported(src(D2L_HEAD + """
import math

def init(m):
    std = 0.01
    bound = 1 / math.sqrt(8)
    if type(m) == nn.Linear:
        nn.init.uniform_(m.weight, -bound, bound)
        nn.init.constant_(m.bias, std)

net.apply(init)
"""))
    assert [(r.function, r.args) for r in project.init_rules] == [
        ("uniform_", {"a": -1 / math.sqrt(8), "b": 1 / math.sqrt(8)}), ("constant_", {"val": 0.01})]


@pytest.mark.parametrize(("body", "line", "construct", "words"), [
    ("""
def init(m):
    if type(m) == nn.Linear:
        nn.init.uniform_(m.weight, -10, 10)
        mask = m.weight.data.abs() >= 5
        mask = mask & (m.weight.data > 0)
        m.weight.data *= mask
""", 11, "a second assignment", "'mask' is assigned again here (first on line 10)"),
    ("""
def init(m):
    k = 2
    k *= 3
""", 9, "a second assignment", "'k' is assigned again here (first on line 8)"),
    ("""
def init(m):
    if type(m) == nn.Linear:
        mask = m.weight.data.abs() >= 0.2
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= mask
""", 11, "a name read after its values changed", "drawn by nn.init.uniform_ on line 10"),
    ("""
def init(m):
    if type(m) == nn.Linear:
        b = 3
    if type(m) == nn.Linear:
        nn.init.uniform_(m.weight, -b, b)
""", 11, "a name used before it is assigned", "'b' is assigned on line 9"),
    ("""
def init(m):
    if type(m) == nn.Linear:
        b = m.weight.size(1)
        nn.init.uniform_(m.weight, -b, b)
""", 9, "an init argument", "holds values of the module's parameters"),
    ("""
def init(m):
    m = 3
""", 8, "an assignment", "'m' is the module the function is applied to"),
    ("""
def init(m):
    nn = 3
""", 8, "an assignment", "'nn' names an import of the file"),
    ("""
def init(m):
    if type(m) == nn.Linear:
        nn.init.uniform_(m.weight, -10, 10)
        mask = m.bias.data > 0
        m.weight.data *= mask
""", 10, "another parameter", "an update may only use the parameter it updates"),
])
def test_names_that_cannot_be_read_are_errors_at_their_place(body, line, construct, words):
    with pytest.raises(CodeImportError) as info:
        Project.from_code(applied(body))
    error = info.value
    assert (error.line, error.construct) == (line, construct), error
    assert words in str(error)
    assert error.column is not None


# ------------------------------------------------------------------ more textbook shapes
def test_d2l_my_init_with_its_print():
    """d2l's custom initialization, word for word: the print shows values and changes nothing."""
    project = imported(applied("""
def init(module):
    if type(module) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in module.named_parameters()][0])
        nn.init.uniform_(module.weight, -10, 10)
        module.weight.data *= module.weight.data.abs() >= 5
"""))
    assert describe(project) == ["uniform_ on the weights of every Linear, then w * (abs(w) >= 5)"]


def test_a_print_that_draws_random_numbers_is_refused():
    with pytest.raises(CodeImportError, match=r"calls torch\.rand\(\)") as info:
        Project.from_code(applied("""
def init(m):
    print(torch.rand(2))
"""))
    assert info.value.construct == "a call inside print()"


@pytest.mark.parametrize("body", [
    """
def init(m):
    if isinstance(m, nn.Linear):
        m.weight.data.normal_(0, 0.01)
        m.bias.data.fill_(0)
""",
    """
def init(m):
    if isinstance(m, nn.Linear):
        with torch.no_grad():
            m.weight.fill_(1)
        nn.init.zeros_(m.bias)
""",
    """
def init(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)
        m.bias.data.zero_()
""",
    """
def init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        with torch.no_grad():
            m.bias.fill_(0.0)
""",
])
def test_textbook_tensor_method_forms_are_exact(body):
    project = imported(applied(body))
    assert len(project.init_rules) == 2 and project.notices == []
