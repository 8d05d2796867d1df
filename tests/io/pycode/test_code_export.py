"""Code export: the generated script rebuilds the editor's model exactly, reads well, and cannot be injected.

These tests run the generated code in this process (fast, many designs); the
companion test_code_export_subprocess.py runs it in a fresh interpreter with
only torch available.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections import OrderedDict

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

from editor import Project
from editor.io.pycode.export.calls import literal, module_call
from editor.io.pycode.export.names import Namer, comment_text, identifier, snake_case
from editor.io.pycode.export.writer import check_weights_name, export_code
from editor.model import catalog
from editor.model.design.tree import MAX_DEPTH, Block
from editor.model.examples import EXAMPLES
from tests.io.pycode.export_designs import DESIGNS, HOSTILE_LABELS, hostile, ranked, reversed_order, shared_first

ALLOWED_IMPORTS = {"torch", "torch.nn", "collections", "pathlib", "math"}


def run_exported(code: str, seed: int | None = None) -> nn.Sequential:
    """``torch.manual_seed(SEED); build_model()`` of the exported code (its __main__ part does not run)."""
    namespace: dict = {"__name__": "exported"}
    exec(compile(code, "<exported>", "exec"), namespace)
    torch.manual_seed(namespace["SEED"] if seed is None else seed)
    return namespace["build_model"]()


def assert_same_model(model: nn.Module, project: Project) -> None:
    assert repr(model) == repr(project.model)
    mine, theirs = model.state_dict(), project.model.state_dict()
    assert list(mine) == list(theirs)
    for key in mine:
        assert torch.equal(mine[key], theirs[key].cpu()), key


def assert_only_safe_names(code: str) -> None:
    """Imports only torch and the standard library; every name used is defined in the file or a builtin."""
    tree = ast.parse(code)
    defined = set(dir(builtins)) | {"__name__", "__file__"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert {a.name for a in node.names} <= ALLOWED_IMPORTS
            defined |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.module in ALLOWED_IMPORTS
            defined |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.FunctionDef):
            defined |= {node.name, *(a.arg for a in node.args.args)}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert used <= defined, used - defined
    # Top level: docstring, imports, constants, functions and the main guard; nothing else runs on import.
    for statement in tree.body:
        assert isinstance(statement, (ast.Expr, ast.Import, ast.ImportFrom, ast.Assign, ast.FunctionDef, ast.If))
        if isinstance(statement, ast.Expr):
            assert isinstance(statement.value, ast.Constant) and statement is tree.body[0]


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_exported_code_rebuilds_the_editors_model_bit_for_bit(name):
    project = DESIGNS[name]()
    assert project.weights_from_seed
    code = project.to_code()
    assert_only_safe_names(code)
    assert_same_model(run_exported(code), project)


def test_export_leaves_the_random_generator_alone():
    from editor.io.pycode.export import calls as code_calls

    projects = [DESIGNS[name]() for name in ("unusual_values", "hostile", "example_cnn")]
    code_calls._cached_minimal.cache_clear()  # so the calls are worked out (on the meta device) again
    torch.manual_seed(123)
    state = torch.get_rng_state()
    for project in projects:
        project.to_code()
    assert torch.equal(torch.get_rng_state(), state)


def test_examples_read_like_a_learners_code():
    code = EXAMPLES["mlp"](0).to_code()
    assert "model = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))" in code
    assert "SEED = 0" in code and "torch.manual_seed(SEED)" in code
    assert 'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")' in code
    assert "OrderedDict" not in code and "Path" not in code and "NOTE" not in code
    assert "x = torch.randn(3, 20, device=device)" in code
    cnn = EXAMPLES["cnn"](0).to_code()
    for call in ("nn.Conv2d(1, 16, 3, padding=1)", "nn.MaxPool2d(2)", "nn.Dropout(p=0.25)", "nn.BatchNorm2d(16)"):
        assert call in cnn
    for example in EXAMPLES.values():
        assert max(len(line) for line in example(0).to_code().splitlines()) <= 100


def test_a_shared_module_is_one_variable_used_twice():
    project = EXAMPLES["tied"](0)
    code = project.to_code()
    assert code.count("nn.Linear(8, 8)") == 1
    assert re.search(r"^    shared = nn\.Linear\(8, 8\)", code, re.M)
    assert code.count(", shared,") == 2
    model = run_exported(code)
    assert model[2] is model[4]
    assert sum(p.numel() for p in model.parameters()) == project.count_parameters()


def test_a_shared_module_without_parameters_is_not_said_to_share_weights():
    project = Project(0)
    relu = project.append(nn.ReLU())[0]
    project.append_layer("Linear", in_features=4, out_features=4)
    project.append(relu)
    code = project.to_code()
    assert re.search(r"^    shared = nn\.ReLU\(\)  # used twice: one module object \(it has no weights\)$", code,
                     re.M)
    assert "weights are shared" not in code
    model = run_exported(code)
    assert model[0] is model[2]


def test_modules_are_constructed_in_the_projects_construction_order():
    # The first-use order puts the first Linear and ReLU before the shared Linear: they get variables too.
    tied = EXAMPLES["tied"](0).to_code()
    assigned = re.findall(r"^    (\w+) = nn\.(?!Sequential)", tied, re.M)
    assert assigned == ["linear", "relu", "shared"]
    # Read from code that built `shared` first: only `shared` comes before the Sequential.
    assert re.findall(r"^    (\w+) = nn\.(?!Sequential)", shared_first().to_code(), re.M) == ["shared"]
    # Built last to first: every module is a variable, assigned in that order.
    project = reversed_order()
    code = project.to_code()
    calls = re.findall(r"^    \w+ = (nn\.(?!Sequential)\w+\([^)]*\))", code, re.M)
    expected = [module_call(project.node(path).layer.kind, project.node(path).layer.params)
                for path in project.construction_order()[:-1]]
    assert calls == expected
    assert_same_model(run_exported(code), project)


def test_labels_give_ordered_dict_keys_and_variable_names():
    from tests.io.pycode.export_designs import labelled_shared

    project = labelled_shared()
    code = project.to_code()
    assert "from collections import OrderedDict" in code
    assert '("encoder", nn.Sequential(nn.Tanh(), tied))' in code
    assert re.search(r"^    tied = nn\.Linear\(8, 8\)  # used 3 times", code, re.M)
    model = run_exported(code)
    assert model.tied is model.encoder[1] is model[3][0].again


def test_hostile_labels_stay_data():
    project = hostile()
    code = project.to_code()
    assert_only_safe_names(code)
    model = run_exported(code)
    keys = [key for key, _ in model.named_modules(remove_duplicate=False)]
    for label in HOSTILE_LABELS:
        assert label in keys or any(key.endswith("." + label) for key in keys)
    assert_same_model(model, project)
    # A label that tries to end the string, open a comment, or smuggle a line break changes nothing.
    for label in ['a"), __import__("os"), ("b', "z\n    import os", "\\", "\u2028x", "\x0cff"]:
        p = Project()
        p.append_layer("Linear", in_features=2, out_features=2)
        p.set_label("0", label)
        code = p.to_code()
        assert_only_safe_names(code)
        assert list(run_exported(code)._modules) == [label]


def test_identifiers_from_any_text():
    assert identifier("Encoder Block") == "encoder_block"
    assert identifier("'; import os #") == "import_os"
    assert identifier("编码器") == "编码器"
    assert identifier("ℌello") == "hello"  # NFKC, as Python itself normalizes names
    assert identifier("3d conv") == "_3d_conv"
    assert identifier("🙂") == ""
    namer = Namer()
    assert [namer.take(n) for n in ("model", "print", "class", "enc", "enc", "🙂")] == [
        "model_", "print_", "class_", "enc", "enc_2", "layer"]
    assert comment_text("a\nb\rc\u2028d") == "a b c d"
    assert [snake_case(k.name) for k in map(catalog.kind, ("BatchNorm2d", "ReLU", "LeakyReLU", "PReLU",
                                                          "TransformerEncoderLayer", "ConvTranspose1d"))] == [
        "batch_norm2d", "relu", "leaky_relu", "prelu", "transformer_encoder_layer", "conv_transpose1d"]


def test_literals_round_trip():
    for value in (None, True, 0, -3, 1e-5, 0.1, "it's", 'say "hi"', "both ' and \"", (1,), (3, None), ()):
        assert eval(literal(value)) == value
    assert literal("relu") == '"relu"'
    assert eval(literal(float("inf"))) == float("inf") and eval(literal(-float("inf"))) == -float("inf")
    with pytest.raises(TypeError):
        literal(object())


def test_weights_not_from_the_seed_are_explained():
    project = EXAMPLES["mlp"](0)
    with torch.no_grad():
        project[0].weight.add_(1.0)
    project.mark_weights_changed()
    assert not project.weights_from_seed
    code = project.to_code()
    assert "NOTE: the editor's weights do NOT come from the seed" in code
    assert "--weights" in code and "WEIGHTS =" not in code
    with_weights = project.to_code(weights_file='w "1".pt')
    assert "WEIGHTS = 'w \"1\".pt'" in with_weights and "from pathlib import Path" in with_weights
    assert "model.load_state_dict(torch.load(Path(__file__).with_name(WEIGHTS)" in with_weights
    ast.parse(with_weights)
    for bad in ("dir/w.pt", "..\\w.pt", "", "..", "   "):
        with pytest.raises(ValueError, match="name"):
            check_weights_name(bad)


def test_a_hyperparameter_change_keeps_the_code_seed_exact_and_a_known_reason_is_written(monkeypatch):
    """Issue #18: changing a block's hyperparameters is not editing weights; when LayerLab knows why, it says so."""
    from editor.model.project import weights

    project = Project(seed=2)
    project.append_layer("Linear", in_features=20, out_features=10)
    project.append_layer("Linear", out_features=5)
    project.set_hyperparameters("0", out_features=12)
    assert project.weights_from_seed and "NOTE" not in project.to_code()
    monkeypatch.setattr(weights, "REDRAW_LIMIT", 0)
    project.set_hyperparameters("0", out_features=7)
    code = project.to_code()
    note = " ".join(line.lstrip("# ") for line in code.splitlines() if line.startswith("# "))
    assert "do NOT come from the seed: block 0 was rebuilt with new hyperparameters after the weights" in note
    assert "edited, trained" not in note


def test_forward_pass_follows_the_input():
    empty = Project()
    code = empty.to_code()
    assert "No forward pass" in code and "model(x)" not in code
    assert list(run_exported(code)) == []
    tokens = DESIGNS["tokens"]()
    assert "x = torch.randint(30, (2, 5), device=device)" in tokens.to_code()
    broken = Project()
    broken.append_layer("Linear", in_features=4, out_features=3)
    broken.append_layer("Linear", in_features=5, out_features=2)
    broken.input_shape = (1, 4)
    assert broken.shape_error is not None
    code = broken.to_code()
    assert "# LayerLab reports a shape problem" in code
    ast.parse(code)


def test_init_rules_are_exported_and_replayed_exactly():
    project = EXAMPLES["cnn"](3)
    project.initialize("xavier_uniform_", kind="Linear")
    project.initialize("uniform_", a=-10.0, b=10.0, blocks=["2.1"], expression="where(abs(w) < 5, 0, w)")
    project.initialize("zeros_", parameters="bias")
    assert project.weights_from_seed
    code = project.to_code()
    assert "def init_1_xavier_uniform(m):" in code
    body = code[code.index("def build_model"):code.index('if __name__ == "__main__":')]
    assert body.index("model.apply(init_1_xavier_uniform)") < body.index("return model")
    assert_only_safe_names(code)
    assert_same_model(run_exported(code), project)


@pytest.mark.parametrize("labelled", [False, True])
def test_groups_nested_deeper_than_the_parser_allows_become_variables(labelled):
    shared = nn.Linear(2, 2)
    model: nn.Module = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
    for depth in range(MAX_DEPTH):  # as deep as a design goes; labelled, 4 brackets a level: past what Python parses
        model = nn.Sequential(OrderedDict([(f"g{depth}" if labelled else "0", model),
                                           ("tied" if labelled else "1", shared), ("2", nn.Tanh())]))
    project = Project.from_module(model, seed=1)
    project.reset_parameters()
    code = project.to_code()
    assert ("inner groups first" in code) == labelled  # unlabelled, 64 levels fit one expression
    assert_only_safe_names(code)
    assert_same_model(run_exported(code), project)


_EMPTY = nn.Sequential()
_LABELS = st.text(min_size=1, max_size=8).filter(
    lambda s: "." not in s and not s.isdigit() and bool(s.strip()) and not hasattr(_EMPTY, s))
_FACTORIES = [lambda: nn.Linear(3, 4), lambda: nn.Conv1d(2, 4, 3, padding=1), lambda: nn.BatchNorm1d(4),
              nn.ReLU, lambda: nn.Dropout(0.3), lambda: nn.Embedding(10, 3), lambda: nn.LayerNorm(4),
              lambda: nn.PReLU(2)]


@st.composite
def random_designs(draw) -> Project:
    pool: list[nn.Module] = []

    def group(depth: int) -> nn.Sequential:
        items: OrderedDict[str, nn.Module] = OrderedDict()
        for i in range(draw(st.integers(0 if depth else 1, 4))):
            choice = draw(st.integers(0, 5))
            if choice == 0 and depth < 3:
                child: nn.Module = group(depth + 1)
            elif choice == 1 and pool:
                child = draw(st.sampled_from(pool))  # a shared module
            else:
                child = draw(st.sampled_from(_FACTORIES))()
                pool.append(child)
            label = draw(st.one_of(st.none(), _LABELS))
            items[label if label and label not in items else str(i)] = child
        return nn.Sequential(items)

    project = Project.from_module(group(0), seed=draw(st.integers(0, 2**32)))
    layers = len({id(node.layer) for _, node in project.walk() if isinstance(node, Block)})
    if draw(st.booleans()):
        return ranked(project, draw(st.permutations(range(layers))))
    project.reset_parameters()
    return project


@given(random_designs())
def test_random_designs_export_exactly(project):
    assert project.weights_from_seed
    code = export_code(project)
    assert_only_safe_names(code)
    assert_same_model(run_exported(code), project)


def test_frozen_parameters_are_frozen_in_the_code():
    project = EXAMPLES["tied"](0)
    project.set_label("0", "inp")
    project.set_requires_grad("0", "bias", False)
    project.set_requires_grad("2", "weight", False)  # shared: frozen at both places
    model = run_exported(project.to_code(), project.seed)
    frozen = sorted(name for name, p in model.named_parameters() if not p.requires_grad)
    assert frozen == sorted(name for name, p in project.model.named_parameters() if not p.requires_grad)
    assert frozen == ["2.weight", "inp.bias"]


def test_big_designs_export_in_linear_time(monkeypatch):
    """The block paths are worked out once per export, not once per layer (that made 2,000 layers take seconds)."""
    from editor.model.design import tree

    project = Project(0)
    project.input_shape = (2, 4)
    with project.transaction("build"):
        for _ in range(150):
            project.append_layer("Linear", out_features=4)
            project.append_layer("ReLU")
    project.set_requires_grad("298", "bias", False)
    calls = []
    original = tree.paths
    monkeypatch.setattr(tree, "paths", lambda root: calls.append(1) or original(root))
    code = project.to_code()
    assert "model[298].bias.requires_grad_(False)" in code
    assert len(calls) <= 5


def test_reading_an_export_that_loads_weights_says_that_they_were_not_loaded():
    """The script's __main__ loads the saved weights into build_model()'s model: reading it back says so."""
    p = EXAMPLES["mlp"](0)
    p.initialize("zeros_", parameters="bias")
    read = Project.from_code(p.to_code(weights_file="model_weights.pt"))
    assert len(read.notices) == 1
    assert "model.load_state_dict(" in read.notices[0] and "was not run" in read.notices[0]
    assert Project.from_code(p.to_code()).notices == []  # no weights file, nothing to say
