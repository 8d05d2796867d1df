"""Import from code: init functions applied with ``model.apply`` and frozen parameters are read back.

The reference is running the (trusted, test-only) source after
``torch.manual_seed(seed)``; the importer never runs it.
"""

from __future__ import annotations

import textwrap

import pytest
import torch
from torch import nn

from editor import CodeImportError, Project
from editor.io.files.init_data import rules_to_data

D2L_HEAD = """
import torch
from torch import nn

net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
"""


def src(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def run_source(source: str, seed: int, name: str = "net") -> nn.Module:
    namespace: dict = {"__name__": "reference"}
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        exec(compile(source, "<test source>", "exec"), namespace)  # trusted test source: the reference
        if name.endswith("()"):
            torch.manual_seed(seed)
            return namespace[name[:-2]]()
    return namespace[name]


def assert_same(project: Project, reference: nn.Module) -> None:
    mine, theirs = project.model.state_dict(), reference.state_dict()
    assert list(mine) == list(theirs)
    for key, value in theirs.items():
        assert torch.equal(mine[key], value), key
    assert [(n, p.requires_grad) for n, p in project.model.named_parameters()] == \
        [(n, p.requires_grad) for n, p in reference.named_parameters()]


def imported(source: str, seed: int = 7, name: str = "net") -> Project:
    project = Project.from_code(source, seed=seed)
    assert project.weights_from_seed
    assert_same(project, run_source(source, seed, name))
    return project


# ------------------------------------------------------------------ textbook forms
@pytest.mark.parametrize("check", ["type(m) == nn.Linear", "type(m) is nn.Linear", "isinstance(m, nn.Linear)",
                                   "type(m) in (nn.Linear,)"])
def test_d2l_init_normal(check):
    source = src(D2L_HEAD + f"""
def init_normal(m):
    if {check}:
        nn.init.normal_(m.weight, mean=0, std=0.01)
        nn.init.zeros_(m.bias)

net.apply(init_normal)
""")
    project = imported(source)
    assert [(r.function, r.kind, r.parameters, r.args) for r in project.init_rules] == [
        ("normal_", "Linear", "weight", {"mean": 0, "std": 0.01}), ("zeros_", "Linear", "bias", {})]
    assert project.notices == []


def test_d2l_constant_and_positional_arguments():
    source = src(D2L_HEAD + """
def init_constant(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 1)
        nn.init.zeros_(m.bias)

net.apply(init_constant)
""")
    project = imported(source)
    assert project.init_rules[0].args == {"val": 1}
    assert torch.equal(project.model[0].weight, torch.ones(8, 4))


def test_d2l_different_inits_per_block():
    source = src(D2L_HEAD + """
def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)

def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)

net[0].apply(init_xavier)
net[2].apply(init_42)
""")
    project = imported(source, seed=3)
    data = rules_to_data(project)
    assert [(d["function"], d["layers"], d["kind"]) for d in data] == [("xavier_uniform_", [0], None),
                                                                       ("constant_", [2], None)]


def test_d2l_custom_rule():
    source = src(D2L_HEAD + """
def my_init(m):
    if type(m) == nn.Linear:
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5

net.apply(my_init)
""")
    project = imported(source, seed=11)
    rule = project.init_rules[0]
    assert (rule.function, rule.args, rule.expression) == ("uniform_", {"a": -10, "b": 10}, "w * (abs(w) >= 5)")
    weight = project.model[0].weight
    assert ((weight.abs() >= 5) | (weight == 0)).all()


def test_loop_form_masked_assignment_and_tensor_methods():
    source = src(D2L_HEAD + """
def init_all(m):
    for name, p in m.named_parameters(recurse=False):
        if 'weight' in name:
            p.data.normal_(0, 0.02)
            with torch.no_grad():
                p[p.abs() < 0.01] = 0

net.apply(init_all)
""")
    project = imported(source, seed=2)
    rule = project.init_rules[0]
    assert (rule.function, rule.kind, rule.parameters, rule.expression) == (
        "normal_", None, "weight", "where(abs(w) < 0.01, 0, w)")


def test_model_returned_by_a_builder_and_initialized_at_module_level():
    source = src("""
        import torch
        from torch import nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_normal_(m.weight, gain=nn.init.calculate_gain('tanh'))

        def build_model():
            model = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 2))
            model.apply(init_weights)
            model[2].bias.requires_grad_(False)
            return model
    """)
    project = imported(source, seed=5, name="build_model()")
    assert project.init_rules[0].gain_from == ("tanh", None)
    assert project.frozen("2") == ["bias"]


def test_freezing_forms():
    source = src(D2L_HEAD + """
net[0].weight.requires_grad = False
net.get_parameter('2.bias').requires_grad_(False)
net[2].requires_grad_(False)
net[2].weight.requires_grad_(True)
""")
    project = imported(source)
    assert project.frozen("0") == ["weight"]
    assert project.frozen("2") == ["bias"]
    assert project.notices == []


# ------------------------------------------------------------------ not exact: closest rules and a notice
def test_two_random_fills_per_module_keep_the_closest_rules_with_a_notice():
    source = src(D2L_HEAD + """
def init_both(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.1)
        nn.init.normal_(m.bias, std=0.5)

net.apply(init_both)
""")
    project = Project.from_code(source, seed=1)
    assert [(r.parameters, r.args) for r in project.init_rules] == [("weight", {"std": 0.1}),
                                                                    ("bias", {"std": 0.5})]
    assert any("draws the random numbers in another order" in n for n in project.notices), project.notices
    assert project.weights_from_seed  # the project's own rules, replayed from its seed


def test_two_random_fills_on_one_block_are_exact():
    source = src(D2L_HEAD + """
def init_both(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.1)
        nn.init.normal_(m.bias, std=0.5)

net[2].apply(init_both)
""")
    project = imported(source, seed=1)
    assert project.notices == []


def test_same_function_on_weight_and_bias_becomes_one_rule():
    source = src(D2L_HEAD + """
def init_all(m):
    if type(m) is nn.Linear:
        nn.init.uniform_(m.weight, -0.1, 0.1)
        nn.init.uniform_(m.bias, -0.1, 0.1)

net.apply(init_all)
""")
    project = imported(source)
    assert [(r.parameters, r.kind) for r in project.init_rules] == [("all", "Linear")]


def test_isinstance_that_also_matches_a_subclass_gets_a_notice():
    source = src("""
        from torch import nn
        net = nn.Sequential(nn.TransformerEncoderLayer(4, 2, dim_feedforward=8), nn.Linear(4, 4))

        def init(m):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight)

        net.apply(init)
    """)
    project = Project.from_code(source, seed=0)
    assert any("subclasses" in n for n in project.notices), project.notices


def test_init_applied_before_the_model_is_complete_gets_a_notice():
    source = src(D2L_HEAD + """
def init(m):
    if type(m) is nn.Linear:
        nn.init.normal_(m.weight)

net.apply(init)
net.append(nn.Linear(1, 1))
""")
    project = Project.from_code(source, seed=0)
    assert any("before the model is complete" in n for n in project.notices), project.notices


def test_functions_not_applied_to_the_model_do_not_matter():
    source = src("""
        from torch import nn
        other = nn.Sequential(nn.ReLU())

        def weird(m):
            print(m)

        other.apply(weird)
        net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    """)
    project = imported(source, seed=0)
    assert project.init_rules == ()


# ------------------------------------------------------------------ errors at their place
@pytest.mark.parametrize(("body", "line", "column", "construct"), [
    ("    print('Init', m.weight.normal_())\n", 7, 19, "a call inside print()"),
    ("    for p in m.parameters():\n        nn.init.zeros_(p)\n", 7, 5, "a for loop"),
    ("    if type(m) == nn.Linear:\n        nn.init.zeros_(m.weight)\n    else:\n        pass\n", 10, 9,
     "an else branch"),
    ("    nn.init.zeros_(m.weight)\n", 7, 5, "m.weight"),
    ("    if type(m) == nn.Linear:\n        nn.init.xavier_uniform_(m.bias)\n", 8, 9, "nn.init.xavier_uniform_"),
    ("    if type(m) == nn.Linear:\n        nn.init.uniform_(m.weight)\n        m.weight.data *= m.weight.sum()\n",
     9, 26, "an expression in an init function"),
    ("    if type(m) == nn.Linear:\n        m.weight *= 2\n", 8, 9, "an in-place update"),
    ("    if type(m) == nn.Linear:\n        nn.init.uniform_(m.weight, generator=g)\n", 8, 46, "generator="),
])
def test_unsupported_init_bodies_are_errors_at_their_place(body, line, column, construct):
    source = D2L_HEAD.lstrip("\n") + "\ndef init(m):\n" + body + "\nnet.apply(init)\n"
    with pytest.raises(CodeImportError) as info:
        Project.from_code(source)
    error = info.value
    assert (error.line, error.column, error.construct) == (line, column, construct), (error, source)


def test_a_linear_without_bias_needs_a_guard():
    source = src("""
        from torch import nn
        net = nn.Sequential(nn.Linear(4, 8, bias=False))

        def init(m):
            if type(m) == nn.Linear:
                nn.init.zeros_(m.bias)

        net.apply(init)
    """)
    with pytest.raises(CodeImportError, match=r"Guard it with if m\.bias is not None") as info:
        Project.from_code(source)
    assert (info.value.line, info.value.column) == (6, 9)
    guarded = source.replace("        nn.init.zeros_", "        if m.bias is not None:\n            nn.init.zeros_")
    assert Project.from_code(guarded).init_rules[0].parameters == "bias"


def test_a_deeply_nested_update_is_refused_cleanly():
    deep = "w" + " * w" * 200
    source = D2L_HEAD.lstrip("\n") + (f"\ndef init(m):\n    for name, w in m.named_parameters(recurse=False):\n"
                                      f"        nn.init.normal_(w)\n        w.data *= {deep}\n\nnet.apply(init)\n")
    with pytest.raises(CodeImportError, match="nested more than"):
        Project.from_code(source)


def test_whole_model_frozen_and_exported_rules_with_labels_round_trip():
    project = Project(seed=4)
    project.append_layer("Linear", in_features=3, out_features=4)
    project.append_layer("Tanh")
    project.append_layer("Linear", in_features=4, out_features=2)
    project.group(["1", "2"])
    project.set_label("1", "head")
    project.initialize("uniform_", a=-2, b=2, blocks=["1.1"], parameters="all",
                       expression="where(abs(w) < 0.5, 0, w)")
    project.initialize("xavier_normal_", kind="Linear", gain_from=("leaky_relu", 0.2))
    project.set_requires_grad("1.1", "bias", False)
    code = project.to_code()
    assert 'get_submodule("head.1").apply' in code and 'get_parameter("head.1.bias")' in code
    again = Project.from_code(code)
    assert rules_to_data(again) == rules_to_data(project)
    assert again.frozen("1.1") == ["bias"]
    for key, value in project.model.state_dict().items():
        assert torch.equal(again.model.state_dict()[key], value), key
    source = code + "\nmodel = build_model()\nmodel.requires_grad_(False)\n"
    frozen = Project.from_code(source.replace("if __name__", "if False and __name__"))
    assert frozen.frozen("1.1") == ["bias"]  # the module-level model is not the builder's model


def test_freezing_the_whole_model_and_a_group():
    source = src(D2L_HEAD + """
head = nn.Sequential(nn.Linear(1, 2), nn.ReLU())
model = nn.Sequential(net, head)
model.requires_grad_(False)
model[1].requires_grad_(True)
""")
    project = imported(source, name="model")
    assert project.frozen("0.0") == ["weight", "bias"] and project.frozen("1.0") == []


def test_inside_a_layer_freezing_works_and_apply_is_refused():
    source = src("""
        from torch import nn
        net = nn.Sequential(nn.TransformerEncoderLayer(4, 2, dim_feedforward=8))
        net[0].self_attn.requires_grad_(False)
    """)
    project = imported(source, name="net")
    assert project.frozen("0") == ["self_attn.in_proj_weight", "self_attn.in_proj_bias",
                                   "self_attn.out_proj.weight", "self_attn.out_proj.bias"]
    with pytest.raises(CodeImportError, match="whole blocks") as info:
        Project.from_code(source + "\ndef init(m):\n    pass\n\nnet[0].linear1.apply(init)\n")
    assert info.value.line == 8


def test_or_of_type_checks_math_arguments_and_data_aliases():
    source = src("""
        import math
        import torch
        from torch import nn
        net = nn.Sequential(nn.Conv1d(2, 3, 3), nn.Flatten(), nn.Linear(3, 2))

        def init_cnn(m):
            if type(m) == nn.Linear or type(m) == nn.Conv1d:
                nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5))
                b = m.bias.data
                b.fill_(1 / math.pi)

        net.apply(init_cnn)
    """)
    project = imported(source, seed=8)
    # One rule per kind, in the order the model reaches them (Conv1d first): the draws come in the source's order.
    assert [(r.function, r.kind, r.parameters) for r in project.init_rules] == [
        ("kaiming_uniform_", "Conv1d", "weight"), ("kaiming_uniform_", "Linear", "weight"),
        ("constant_", "Conv1d", "bias"), ("constant_", "Linear", "bias")]
    assert project.notices == []
    interleaved = source.replace("nn.Conv1d(2, 3, 3), nn.Flatten(), nn.Linear(3, 2)",
                                 "nn.Conv1d(2, 3, 1), nn.Linear(1, 1), nn.Conv1d(3, 2, 1)")
    project = Project.from_code(interleaved, seed=8)
    assert any("another order" in n for n in project.notices), project.notices  # Conv, Linear, Conv


def test_a_layer_built_between_the_model_and_its_init_is_noticed():
    source = src(D2L_HEAD + """
extra = nn.Linear(3, 3)

def init(m):
    if type(m) is nn.Linear:
        nn.init.normal_(m.weight)

net.apply(init)
""")
    project = Project.from_code(source, seed=0)
    assert any("Line 6" in n and "outside the model" in n for n in project.notices), project.notices
    quiet = source.replace("extra = nn.Linear(3, 3)", "extra = nn.ReLU()")  # draws nothing: exact
    assert imported(quiet, seed=0).notices == []


def test_a_builder_called_twice_initializes_its_module_level_layer_once():
    source = src("""
        import torch
        from torch import nn

        shared = nn.Linear(3, 3)

        def init(m):
            if type(m) is nn.Linear:
                nn.init.normal_(m.weight)

        def build_model():
            shared.apply(init)
            shared.weight.requires_grad_(False)
            return nn.Sequential(shared, nn.ReLU())

        if __name__ == "__main__":
            model = build_model()
    """)
    project = Project.from_code(source, seed=1)
    assert len(project.init_rules) == 1 and project.frozen("0") == ["weight"]


def test_exported_docstring_decides_between_rules_that_fill_the_same():
    project = Project(seed=2)
    project.append_layer("PReLU", num_parameters=1, init=0.25)  # only a weight: "all" and "weight" fill the same
    project.initialize("normal_", kind="PReLU", parameters="all", std=0.5)
    project.initialize("uniform_", parameters="weight")
    again = Project.from_code(project.to_code())
    assert rules_to_data(again) == rules_to_data(project)


# ------------------------------------------------------------------ blocks and parameters named as attributes
LABELLED = """
import torch
from collections import OrderedDict
from torch import nn

shared = nn.Linear(4, 4)
net = nn.Sequential(OrderedDict([("a", shared), ("act", nn.ReLU()), ("b", shared), ("head", nn.Linear(4, 2))]))

def init_fn(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.1)
"""


def test_blocks_and_parameters_named_as_attributes():
    """``net.b`` is the shared Linear also when it is held under two labels; ``net.head.bias`` its parameter."""
    source = src(LABELLED + """
net.b.apply(init_fn)
net.head.bias.requires_grad = False
net.b.weight.requires_grad_(False)
""")
    project = imported(source)
    assert [r.describe() for r in project.init_rules] and project.init_rules[0].layers
    assert project.frozen("3") == ["bias"]
    assert project.frozen("0") == project.frozen("2") == ["weight"]


@pytest.mark.parametrize("statement", ["net.c.apply(init_fn)", "net.act.weight.requires_grad = False",
                                       "net.head.in_features.requires_grad_(False)"])
def test_attributes_that_name_no_block_or_parameter_are_errors(statement):
    with pytest.raises(CodeImportError, match="has no parameter or submodule") as info:
        Project.from_code(src(LABELLED + statement + "\n"))
    assert info.value.line == LABELLED.strip().count("\n") + 2
