"""Import from Python code: every supported form, sharing, ``* n``, several models, seeds.

The importer never runs the source. These tests do (``exec`` of trusted test
sources) to get the reference: parameters after ``torch.manual_seed(seed)``.
Error positions and hostile input are in ``test_code_import_errors.py``.
"""

from __future__ import annotations

import inspect
import textwrap

import pytest
import torch
from torch import nn

from editor import CodeImportError, Project
from editor.io.pycode.read.reader import find_models, import_code, import_model
from editor.model import catalog
from editor.model.catalog.build import torch_class


def run_source(source: str, seed: int, name: str = "model") -> nn.Module:
    """The reference: run the source after torch.manual_seed(seed) and take ``name`` (``f()`` calls f)."""
    namespace: dict = {"__name__": "reference"}
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        exec(compile(source, "<test source>", "exec"), namespace)  # trusted test source
        if name.endswith("()"):
            torch.manual_seed(seed)
            return namespace[name[:-2]]()
        return namespace[name]


def assert_same_model(project: Project, reference: nn.Module) -> None:
    assert repr(project.model) == repr(reference)
    mine, theirs = project.model.state_dict(), reference.state_dict()
    assert list(mine) == list(theirs)
    for key, value in theirs.items():
        assert mine[key].dtype == value.dtype and torch.equal(mine[key], value), key


def assert_seed_exact(project: Project) -> None:
    before = {k: v.clone() for k, v in project.model.state_dict().items()}
    assert project.weights_from_seed
    project.reset_parameters()
    for key, value in project.model.state_dict().items():
        assert torch.equal(value, before[key]), key


def src(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


# ------------------------------------------------------------------ basic forms
def test_positional_modules():
    source = src("""
        import torch.nn as nn
        model = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))
    """)
    project = Project.from_code(source, seed=7)
    assert_same_model(project, run_source(source, 7))
    assert project.seed == 7 and len(project) == 3
    assert_seed_exact(project)


def test_ordered_dict_keys_become_labels():
    source = src("""
        from collections import OrderedDict
        from torch import nn
        model = nn.Sequential(OrderedDict([
            ("fc1", nn.Linear(4, 8)),
            ("act", nn.ReLU()),
            ("2", nn.Linear(8, 2)),
        ]))
    """)
    project = import_code(source, seed=1)
    assert_same_model(project, run_source(source, 1))
    assert [child.label for child in project.root.children] == ["fc1", "act", None]
    assert list(project.model._modules) == ["fc1", "act", "2"]


def test_ordered_dict_keywords_and_empty():
    source = src("""
        import collections
        import torch
        model = torch.nn.Sequential(collections.OrderedDict(enc=torch.nn.Linear(3, 3), out=torch.nn.Tanh()))
    """)
    project = import_code(source)
    assert list(project.model._modules) == ["enc", "out"]


def _call_text(kind: catalog.LayerKind, positional: bool) -> str:
    values = kind.defaults()
    if not positional:
        return f"nn.{kind.name}({', '.join(f'{k}={v!r}' for k, v in values.items())})"
    order = [p.name for p in inspect.signature(torch_class(kind)).parameters.values()
             if p.kind is p.POSITIONAL_OR_KEYWORD and p.name in values]
    return f"nn.{kind.name}({', '.join(repr(values[name]) for name in order)})"


@pytest.mark.parametrize("kind", catalog.kinds(), ids=lambda k: k.name)
def test_every_catalog_kind_with_keyword_and_positional_hyperparameters(kind):
    for positional in (False, True):
        call = _call_text(kind, positional)
        source = f"from torch import nn\nmodel = nn.Sequential({call}, {call})\n"
        project = import_code(source, seed=3)
        assert_same_model(project, run_source(source, 3))
        assert project.model[0] is not project.model[1]
        assert project.weights_from_seed


def test_nested_sequentials_and_paths():
    source = src("""
        from torch import nn
        model = nn.Sequential(
            nn.Sequential(nn.Linear(30, 25), nn.ReLU(), nn.Sequential(nn.Linear(25, 20))),
            nn.Sequential(nn.Linear(20, 15), nn.ReLU(), nn.Linear(15, 10)),
        )
    """)
    project = import_code(source, seed=2)
    assert_same_model(project, run_source(source, 2))
    assert project.node("0.2.0").module is project.model[0][2][0]
    assert project.construction_order() == ["0.0", "0.1", "0.2.0", "1.0", "1.1", "1.2"]


def test_names_constants_and_arithmetic():
    source = src("""
        from torch import nn
        hidden = 256
        channels: int = 16
        drop = 0.25
        side = 7
        model = nn.Sequential(
            nn.Conv2d(1, channels, kernel_size=(3, 3), padding="same", bias=False),
            nn.MaxPool2d(2, stride=None),
            nn.Flatten(start_dim=1, end_dim=-1),
            nn.Linear(channels * side * side * 2 ** 2, hidden // 2 + 0),
            nn.LeakyReLU(-(-0.1)),
            nn.Dropout(p=drop * 2),
            nn.Softmax(dim=-1),
            nn.Unflatten(1, (8, 16)),
        )
    """)
    project = import_code(source, seed=4)
    assert_same_model(project, run_source(source, 4))
    assert project.model[3].in_features == 16 * 7 * 7 * 4


@pytest.mark.parametrize("header, prefix", [
    ("import torch.nn as nn", "nn."),
    ("from torch import nn", "nn."),
    ("import torch", "torch.nn."),
    ("import torch.nn", "torch.nn."),
    ("import torch as th", "th.nn."),
    ("from torch.nn import Linear, ReLU, Sequential", ""),
    ("from torch.nn import Linear as Dense, ReLU, Sequential", "Dense:"),
    ("from torch.nn import *", ""),
])
def test_import_styles(header, prefix):
    linear = "Dense" if prefix == "Dense:" else f"{prefix}Linear"
    other = "" if prefix == "Dense:" else prefix
    source = f"{header}\nmodel = {other}Sequential({linear}(4, 3), {other}ReLU())\n"
    project = import_code(source, seed=5)
    assert_same_model(project, run_source(source, 5))


# ---------------------------------------------------------------- sharing, * n
def test_shared_module_is_one_layer():
    source = src("""
        from torch import nn
        shared = nn.Linear(8, 8)
        model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.Linear(8, 2))
    """)
    project = import_code(source, seed=11)
    reference = run_source(source, 11)
    assert_same_model(project, reference)
    assert project.model[2] is project.model[4]
    assert project.node("2").layer is project.node("4").layer
    assert_seed_exact(project)
    # `shared` is constructed first, before the modules built inline: the source's order.
    assert project.construction_order() == ["2", "0", "1", "3", "5"]


@pytest.mark.parametrize("expression", [
    "nn.Sequential(nn.Linear(4, 4), nn.ReLU()) * 3",
    "3 * nn.Sequential(nn.Linear(4, 4), nn.ReLU())",
    "nn.Sequential(nn.Linear(4, 4), nn.Sequential(nn.Linear(4, 4), nn.Tanh())) * 2",
    "nn.Sequential(nn.Linear(4, 4)) + nn.Sequential(nn.ReLU(), nn.Linear(4, 4))",
])
def test_repetition_and_joining_follow_torch(expression):
    source = f"from torch import nn\nmodel = {expression}\n"
    project = import_code(source, seed=6)
    reference = run_source(source, 6)
    assert_same_model(project, reference)
    # torch repeats the same module objects: the layers are shared exactly where torch shares them.
    # (A Sequential used twice becomes two groups over the same layers, so only layers are compared.)
    def layer_ids(model: nn.Module) -> list[int]:
        return [id(m) for m in model.modules() if not isinstance(m, nn.Sequential)]

    theirs, mine = layer_ids(reference), layer_ids(project.model)
    assert len(theirs) == len(mine) and len(set(theirs)) == len(set(mine))
    first_theirs = {i: n for n, i in reversed(list(enumerate(theirs)))}
    first_mine = {i: n for n, i in reversed(list(enumerate(mine)))}
    assert [first_theirs[i] for i in theirs] == [first_mine[i] for i in mine]
    assert_seed_exact(project)


def test_repeat_in_place_and_sequential_methods():
    source = src("""
        from torch import nn
        body = nn.Sequential(nn.Linear(4, 4), nn.ReLU())
        body *= 2
        model = nn.Sequential(nn.Linear(3, 4))
        model.append(body)
        model.extend([nn.Linear(4, 4), nn.Tanh()])
        model.insert(1, nn.ReLU())
        model.add_module("head", nn.Linear(4, 1))
        model.to("cpu")
        model.eval()
        print(model)
    """)
    project = import_code(source, seed=8)
    assert_same_model(project, run_source(source, 8))
    assert project.notices == []


# ------------------------------------------------------------------- functions
def test_build_model_function_with_locals_and_helpers():
    source = src("""
        import torch
        from torch import nn

        def block(cin, cout, *, pool=True):
            layers = nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU())
            if pool:
                pass
            return layers

        def build_model(width=8):
            hidden = width * 4
            shared = nn.Linear(hidden, hidden)
            return nn.Sequential(block(1, width), block(width, width, pool=False), nn.Flatten(),
                                 nn.LazyLinear if False else nn.Linear(width * 28 * 28, hidden), shared, shared)
    """)
    with pytest.raises(CodeImportError) as info:
        import_code(source)
    assert info.value.construct == "a conditional expression"
    fixed = source.replace("nn.LazyLinear if False else ", "")
    project = import_code(fixed, seed=9)
    assert_same_model(project, run_source(fixed, 9, "build_model()"))
    assert [c.name for c in find_models(fixed)] == ["build_model()"]  # block() is a helper, not a model
    assert_seed_exact(project)


def test_a_builder_called_from_main_is_still_the_model():
    source = src("""
        from torch import nn

        def build_model(width=4):
            return nn.Sequential(nn.Linear(width, width), nn.ReLU())

        def main():
            model = build_model()
            for _ in range(3):
                print(model)
    """)
    assert [(c.name, c.default) for c in find_models(source)] == [("build_model()", True)]


def test_seed_from_the_source_and_overrides():
    source = src("""
        import torch
        from torch import nn
        SEED = 40 + 2
        torch.manual_seed(SEED)
        model = nn.Sequential(nn.Linear(5, 5))
    """)
    project = import_code(source)
    assert project.seed == 42
    assert_same_model(project, run_source(source, 42))
    assert import_code(source, seed=3).seed == 3
    assert import_code("from torch import nn\nm = nn.Sequential(nn.Linear(2, 2))\n").seed == 0


def test_exported_style_file_with_main_block():
    source = src("""
        import torch
        from torch import nn

        SEED = 5

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)

        def build_model():
            first = nn.Linear(6, 6)
            return nn.Sequential(nn.Linear(3, 6), first, nn.ReLU())

        if __name__ == "__main__":
            device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
            torch.manual_seed(SEED)
            model = build_model().to(device)
            model.apply(init_weights)
            print(model)
            x = torch.randn(2, 3, device=device)
            with torch.no_grad():
                y = model(x)
            print(y.shape)
    """)
    found = find_models(source)
    assert [(c.name, c.default) for c in found] == [("build_model()", True)]
    project = import_code(source)
    assert project.seed == 5
    assert_same_model(project, run_source(source, 5, "build_model()"))
    assert project.construction_order() == ["1", "0", "2"]
    assert project.notices == []  # model.apply(...) touched `model`, not what build_model() returns


def test_skipped_weight_changes_are_noticed():
    source = src("""
        import torch
        from torch import nn
        model = nn.Sequential(nn.Linear(3, 3))
        model.apply(lambda m: None)
        with torch.no_grad():
            model[0].weight.fill_(1.0)
    """)
    project = import_code(source)
    assert len(project.notices) == 2 and "Line 4" in project.notices[0] and "Line 5" in project.notices[1]
    assert project.weights_from_seed  # the weights are the constructed ones, as the notices say


def test_layer_built_outside_the_model_is_noticed():
    source = src("""
        from torch import nn
        first = nn.Linear(3, 3)
        unused = nn.Linear(50, 50)
        model = nn.Sequential(first, nn.Linear(3, 3))
    """)
    project = import_code(source, seed=1)
    assert any("Line 3" in n and "outside the model" in n for n in project.notices)
    assert project.weights_from_seed


# ------------------------------------------------------------- several models
SEVERAL = src("""
    from torch import nn
    features = nn.Sequential(nn.Linear(8, 8), nn.ReLU())
    classifier = nn.Sequential(nn.Linear(8, 2))
    model = nn.Sequential(features, classifier)
    other = nn.Sequential(nn.Linear(1, 1))
    small = nn.Sequential(nn.Tanh())
""")


def test_several_models_last_assigned_is_the_default():
    found = find_models(SEVERAL)
    assert [c.name for c in found] == ["model", "other", "small"]  # features/classifier are parts of model
    assert [c.default for c in found] == [False, False, True]
    assert (found[0].line, found[0].column) == (4, 1)
    assert found[0].summary.startswith("Sequential of 2 (3 layers")
    assert repr(import_code(SEVERAL).model) == repr(nn.Sequential(nn.Tanh()))


def test_choose_picks_another_and_unknown_names_are_refused():
    project = import_code(SEVERAL, seed=2, choose="model")
    assert_same_model(project, run_source(SEVERAL.split("other =")[0], 2))
    assert import_model(SEVERAL, choose="other").chosen.name == "other"
    with pytest.raises(CodeImportError, match=r"no model called 'nope'.*model, other, small"):
        import_code(SEVERAL, choose="nope")


def test_a_returned_model_is_preferred_to_module_level_ones():
    source = SEVERAL + "def build_model():\n    return nn.Sequential(nn.Linear(2, 2), nn.ReLU())\n"
    found = find_models(source)
    assert [c.name for c in found if c.default] == ["build_model()"]
    assert len(import_code(source)) == 2
    assert len(import_code(source, choose="build_model")) == 2
    assert len(import_code(source, choose="small")) == 1


def test_importing_leaves_the_global_random_state_alone():
    state = torch.get_rng_state()
    import_code("from torch import nn\nm = nn.Sequential(nn.Linear(30, 30), nn.Embedding(10, 4))\n", seed=3)
    assert torch.equal(state, torch.get_rng_state())


@pytest.mark.parametrize("source, name", [
    # Non-first-use construction order, sharing, a function, repetition, labels, norms and embeddings.
    ("from torch import nn\nb = nn.Linear(4, 4)\na = nn.Linear(4, 4)\nmodel = nn.Sequential(a, nn.ReLU(), b, a)\n",
     "model"),
    ("from torch import nn\nfrom collections import OrderedDict\nemb = nn.Embedding(100, 16, padding_idx=0)\n"
     "model = nn.Sequential(OrderedDict(head=nn.Linear(16, 16), emb=emb))\n", "model"),
    ("import torch.nn as nn\ndef build_model(n=2):\n    tail = nn.Linear(6, 3)\n"
     "    return nn.Sequential(nn.Conv1d(2, 6, 3), nn.BatchNorm1d(6), nn.Flatten(), nn.LazyLinear) \n", None),
    ("import torch.nn as nn\ndef build_model(n=2):\n    tail = nn.Linear(6, 3)\n"
     "    return nn.Sequential(nn.Sequential(nn.Linear(3, 6), nn.GELU()) * n, tail, nn.LayerNorm(3))\n",
     "build_model()"),
    ("from torch import nn\nmodel = nn.Sequential(nn.TransformerEncoderLayer(8, 2, 16, batch_first=True), "
     "nn.PReLU(), nn.ConvTranspose2d(2, 3, 2))\n", "model"),
])
def test_parameters_are_bit_identical_to_running_the_source(source, name):
    if name is None:
        with pytest.raises(CodeImportError, match=r"nn\.LazyLinear, which is not a layer"):
            import_code(source)
        return
    for seed in (0, 1, 12345):
        project = import_code(source, seed=seed)
        assert_same_model(project, run_source(source, seed, name))
        assert_seed_exact(project)


def test_ranks_survive_saving(tmp_path):
    source = "from torch import nn\nb = nn.Linear(4, 4)\na = nn.Linear(4, 4)\nmodel = nn.Sequential(a, b)\n"
    project = import_code(source, seed=3)
    assert project.construction_order() == ["1", "0"]
    project.save(tmp_path / "p.pt")
    again = Project.load(tmp_path / "p.pt")
    assert again.construction_order() == ["1", "0"]
    assert again.weights_from_seed


def test_appending_to_an_imported_design_continues_the_seed_stream():
    project = import_code("from torch import nn\nmodel = nn.Sequential(nn.Linear(4, 4), nn.ReLU())\n", seed=3)
    project.append_layer("Linear", in_features=4, out_features=2)
    assert project.construction_order() == ["0", "1", "2"]
    assert_seed_exact(project)
    reference = "from torch import nn\nmodel = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))\n"
    assert_same_model(project, run_source(reference, 3))


def test_the_batch_the_source_runs_becomes_the_input_shape():
    source = src("""
        import torch
        from torch import nn

        def build_model():
            return nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())

        if __name__ == "__main__":
            model = build_model()
            x = torch.randn(4, 3, 32, 32, device="cpu")
            with torch.no_grad():
                y = model(x)
    """)
    assert import_code(source).input_shape == (4, 3, 32, 32)
    plain = "import torch\nfrom torch import nn\nnet = nn.Sequential(nn.Linear(20, 10))\nnet(torch.rand(2, 20))\n"
    assert import_code(plain).input_shape == (2, 20)  # a batch written inside the call counts too
    named = plain.replace("net(torch.rand(2, 20))", "X = torch.rand((2, 20))\nprint(net(X))")
    assert import_code(named).input_shape == (2, 20)
    tokens = ("import torch\nfrom torch import nn\nm = nn.Sequential(nn.Embedding(10, 4))\n"
              "ids = torch.randint(10, (2, 7), device='cpu')\nm(ids)\n")
    assert import_code(tokens).input_shape == (2, 7)


def test_a_custom_class_built_outside_the_model_is_named_as_the_file_names_it():
    source = '''
import torch
from torch import nn

class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.zeros(units))

    def forward(self, X):
        return torch.relu(X @ self.weight + self.bias)

linear = MyLinear(5, 3)
net = nn.Sequential(MyLinear(64, 8), nn.ReLU(), MyLinear(8, 1))
'''
    notices = Project.from_code(source).notices  # the last model, net
    assert any("Line 14: MyLinear(...) is constructed outside the model" in n for n in notices)
    assert not any("nn.MyLinear" in n for n in notices)


D2L_BLOCK2 = '''
import torch
from torch import nn

def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())

def block2():
    net = nn.Sequential()
    for i in range(4):
        # Nested here
        net.add_module(f'block {i}', block1())
    return net

rgnet = nn.Sequential(block2(), nn.Linear(4, 1))
'''


def test_d2l_block2_a_range_loop_with_f_string_names_and_the_model_built_of_it():
    """Lesson 4's code as the book writes it: the loop runs as Python runs it, the names are the f-strings', and the
    model is rgnet (block2() builds a piece of it)."""
    torch.manual_seed(0)
    scope: dict = {}
    exec(D2L_BLOCK2, scope)  # the book's code, run as a learner runs it
    p = Project.from_code(D2L_BLOCK2, seed=0)
    assert str(p.model) == str(scope["rgnet"])
    assert [name for name, _ in p.model[0].named_children()] == ["block 0", "block 1", "block 2", "block 3"]
    book = scope["rgnet"].state_dict()
    assert list(p.model.state_dict()) == list(book)
    assert all(torch.equal(value, book[key]) for key, value in p.model.state_dict().items())  # bit for bit


def test_a_function_s_model_bound_to_a_name_and_then_made_a_layer_of_another_is_a_piece_of_that_one():
    """net = build(); big = nn.Sequential(net, head): big is the model (build() builds a piece of it, as in rgnet)."""
    source = ("from torch import nn\n\ndef build():\n    return nn.Sequential(nn.Linear(4, 8), nn.ReLU())\n\n"
              "net = build()\nhead = nn.Linear(8, 2)\nbig = nn.Sequential(net, head)\n")
    scope: dict = {}
    exec(source, scope)
    p = Project.from_code(source)
    assert str(p.model) == str(scope["big"])
    alone = Project.from_code(source.replace("big = nn.Sequential(net, head)\n", ""))
    assert str(alone.model) == str(scope["net"])  # without big, build()'s model is the one


@pytest.mark.parametrize("loop, problem", [
    ("for i in range(10**6):\n    net.append(nn.ReLU())\n", "would run more than 10,000 turns in all"),
    ("for i in range(2**255):\n    net.append(nn.ReLU())\n", "would run more than 10,000 turns in all"),
    ("for i in range(1, 5, 0):\n    net.append(nn.ReLU())\n", r"range\(\) cannot step by 0"),
    ("for i in range(3):\n    net.append(nn.ReLU())\n    if i:\n        break\n", "a for loop"),
])
def test_loops_that_are_too_long_or_not_plain_are_refused(loop, problem):
    with pytest.raises(CodeImportError, match=problem):
        Project.from_code("from torch import nn\nnet = nn.Sequential()\n" + loop)


def test_f_strings_format_numbers_and_refuse_modules():
    p = Project.from_code("from torch import nn\nnet = nn.Sequential()\nfor i in range(2):\n"
                          "    net.add_module(f'layer_{i:02d}_{\"x\"!r}', nn.ReLU())\n")
    assert [name for name, _ in p.model.named_children()] == ["layer_00_'x'", "layer_01_'x'"]
    with pytest.raises(CodeImportError, match="an f-string here can hold numbers and strings"):
        Project.from_code("from torch import nn\nnet = nn.Sequential()\nnet.add_module(f'{nn.ReLU()}', nn.ReLU())\n")


def test_loops_within_loops_stay_within_the_reader_s_limits_on_work():
    """Three loops of 10,000 turns each that build a model: refused in a moment, not 10**12 turns later (at most
    10,000 turns in all: each may add a layer, and every turn counts against the limits on work)."""
    source = ("from torch import nn\nnet = nn.Sequential(nn.ReLU())\nfor i in range(10000):\n"
              "    for j in range(10000):\n        for k in range(10000):\n            net.append(nn.ReLU())\n")
    with pytest.raises(CodeImportError, match="would run more than 10,000 turns in all"):
        Project.from_code(source)


def test_a_print_in_a_class_s_forward_is_skipped_with_a_notice():
    from tests.io.files.test_weights import BOOK_MLP

    source = BOOK_MLP.replace("    def forward(self, X):\n", "    def forward(self, X):\n        print(X.shape)\n")
    p = Project.from_code(source)
    assert isinstance(p.model[0].hidden, nn.Linear)
    assert any(n.startswith("Line 13: print(...) in MLP.forward is skipped") for n in p.notices)


@pytest.mark.parametrize("loop", [
    "for epoch in range(100000):\n    loss = 0\n",  # a training loop: more turns than followed, builds nothing
    "data = [1, 2, 3]\nfor i in range(len(data)):\n    print(data[i])\n",  # bounds the reader cannot work out
    "if __name__ == '__main__':\n    for epoch in range(20000):\n        pass\n",
])
def test_training_loops_are_skipped_as_before(loop):
    p = Project.from_code("from torch import nn\nnet = nn.Sequential(nn.Linear(2, 3))\n" + loop)
    assert len(p) == 1


def test_a_range_shadowed_in_an_enclosing_function_is_not_followed():
    source = '''
from torch import nn

def outer():
    def range(n):
        return [0]
    def build():
        net = nn.Sequential()
        for i in range(3):
            net.append(nn.ReLU())
        return net
    return build()

model = outer()
'''
    with pytest.raises(CodeImportError):
        Project.from_code(source)  # (Python would build 1 layer; LayerLab does not guess: it refuses)


def test_f_string_widths_are_bounded_and_ascii_converts():
    with pytest.raises(CodeImportError, match="width beyond 10,000 characters"):
        Project.from_code("from torch import nn\nnet = nn.Sequential()\nnet.add_module(f'{1:1000000000}', nn.ReLU())\n")
    p = Project.from_code("from torch import nn\nnet = nn.Sequential()\nnet.add_module(f\"{'é'!a}\", nn.ReLU())\n")
    assert [name for name, _ in p.model.named_children()] == [ascii("é")]


def test_a_real_torch_layer_outside_the_catalog_gets_no_misleading_did_you_mean():
    with pytest.raises(CodeImportError) as refused:
        Project.from_code("from torch import nn\nnet = nn.Sequential(nn.GLU())\n")
    assert "Did you mean" not in str(refused.value)
    with pytest.raises(Exception) as refused:
        Project().append_layer("GLU")
    assert "Did you mean" not in str(refused.value)
