"""Import from Python code: unsupported constructs (exact line, column, construct) and hostile input.

The importer must refuse cleanly and quickly, never run the source, and never
touch a project that already exists.
"""

from __future__ import annotations

import time

import pytest
from torch import nn

from editor import CodeImportError, Project
from editor.io.pycode.read.reader import find_models, import_code

H = "import torch\nfrom torch import nn\n"  # lines 1-2 of every source below

# (name, source, line, column, construct, a phrase of the message)
CASES = [
    ("for loop", H + "model = nn.Sequential()\nfor size in (4, 8):\n    model.append(nn.Linear(size, size))\n",
     4, 1, "a for loop", "model.append(nn.Linear(size, size))"),  # (a loop over range(...) is read: test_code_import)
    ("while loop", H + "model = nn.Sequential(nn.ReLU())\nwhile len(model) < 3:\n    model.append(nn.ReLU())\n",
     4, 1, "a while loop", "changes 'model'"),
    ("unknown function", H + "model = nn.Sequential(make_layer(4))\n",
     3, 23, "a call of an unknown function", "make_layer() is not defined"),
    ("other library", H + "import numpy as np\nmodel = nn.Sequential(nn.Linear(np.prod((2, 3)), 4))\n",
     4, 33, "a call of numpy.prod", "cannot be part of a model definition"),
    ("attribute of a module", H + "a = nn.Linear(2, 3)\nmodel = nn.Sequential(a, nn.Linear(a.out_features, 3))\n",
     4, 36, "attribute access .out_features", "write the value itself"),
    ("custom class", H + "class Net(nn.Module):\n    pass\nmodel = nn.Sequential(Net())\n",
     3, 1, "a class definition", "has no forward method"),
    ("star-args", H + "sizes = (2, 2)\nmodel = nn.Sequential(nn.Linear(*sizes))\n",
     4, 33, "star-args (*)", "only read in nn.Sequential(*layers)"),
    ("double star", H + "model = nn.Sequential(nn.Linear(**{'in_features': 2}))\n",
     3, 35, "star-args (**)", "name=value"),
    ("comprehension", H + "from collections import OrderedDict\n"
     "model = nn.Sequential(OrderedDict([(k, nn.ReLU()) for k in 'ab']))\n",
     4, 35, "a list comprehension", "not supported"),
    ("unknown layer", H + "model = nn.Sequential(nn.Linear(2, 2), nn.LSTM(2, 3))\n",
     3, 40, "nn.LSTM", "not a layer LayerLab knows"),
    ("invalid hyperparameter", H + "model = nn.Sequential(\n    nn.Linear(2, 0),\n)\n",
     4, 5, "nn.Linear(...)", "out_features must be an integer ≥ 1 (got 0)"),
    ("unsupported argument", H + "model = nn.Sequential(nn.Linear(2, 3, device='cpu'))\n",
     3, 23, "nn.Linear(...)", "'device' argument"),
    ("too many arguments", H + "model = nn.Sequential(nn.ReLU(True, 3))\n",
     3, 23, "nn.ReLU(...)", "does not take these arguments"),
    ("conditional", H + "big = True\nmodel = nn.Sequential(nn.Linear(4, 8 if big else 4))\n",
     4, 36, "a conditional expression", "not supported"),
    ("indexing", H + "base = nn.Linear(2, 2)\nmodel = nn.Sequential(base[0])\n",
     4, 23, "indexing", "not supported"),
    ("lambda", H + "model = nn.Sequential(nn.Linear(2, (lambda: 3)()))\n", 3, 37, "a lambda", "not supported"),
    ("syntax error", H + "model = nn.Sequential(nn.Linear(2, 2)\n", 3, 22, "a syntax error", "never closed"),
    ("index assignment", H + "model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())\nmodel[1] = nn.Tanh()\n",
     4, 1, "an assignment to an index", "changes 'model'"),
    ("del", H + "model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())\ndel model[1]\n",
     4, 1, "a del statement", "changes 'model'"),
    ("name set in an if", H + "if torch.cuda.is_available():\n    hidden = 64\nelse:\n    hidden = 32\n"
     "model = nn.Sequential(nn.Linear(4, hidden))\n", 3, 1, "an if statement", "'hidden' is set by an if"),
    ("recursion", H + "def f(n=2):\n    return nn.Sequential(f())\nmodel = f()\n",
     4, 26, "a recursive call", "calls itself"),
    ("return inside if", H + "def build_model():\n    if True:\n        return nn.Sequential(nn.ReLU())\n",
     4, 5, "an if statement", "decides what the function returns"),
    ("class without parentheses", H + "model = nn.Sequential(nn.ReLU, nn.Tanh())\n",
     3, 23, "nn.Sequential(...)", "nn.ReLU without parentheses"),
    ("a function, not a layer", H + "import torch.nn.functional as F\nmodel = nn.Sequential(F.relu)\n",
     4, 23, "nn.Sequential(...)", "nn.functional.relu, which is not a layer"),
    ("bad label", H + "from collections import OrderedDict\nmodel = nn.Sequential(OrderedDict([('a.b', nn.ReLU())]))\n",
     4, 23, "nn.Sequential(...)", "'a.b' cannot name a block"),
    ("repeat zero times", H + "model = nn.Sequential(nn.ReLU()) * 0\n", 3, 9, "the operator *", "at least once"),
    ("repeat a layer", H + "model = nn.Sequential(nn.ReLU() * 2)\n", 3, 23, "the operator *", "only an nn.Sequential"),
    ("unsupported operator", H + "model = nn.Sequential(nn.Linear(1 << 3, 2))\n",
     3, 33, "the operator <<", "not supported"),
    ("division by zero", H + "model = nn.Sequential(nn.Linear(2 // 0, 2))\n", 3, 33, "the operator //", "by zero"),
    ("failing append", H + "model = nn.Sequential(nn.ReLU())\nmodel.append(3)\n",
     4, 1, "append(...)", "not a layer"),
    # Columns count characters, as editors do (ast counts UTF-8 bytes).
    ("non-ASCII before the error", H + "from collections import OrderedDict\n"
     "model = nn.Sequential(OrderedDict([('größe', nn.LSTM(2, 2))]))\n", 4, 46, "nn.LSTM", "not a layer"),
]


@pytest.mark.parametrize("name, source, line, column, construct, phrase", CASES, ids=[c[0] for c in CASES])
def test_error_position_and_construct(name, source, line, column, construct, phrase):
    with pytest.raises(CodeImportError) as info:
        import_code(source)
    error = info.value
    assert (error.line, error.column, error.construct) == (line, column, construct), error
    assert phrase in error.problem
    assert str(error).startswith(f"Line {line}, column {column}: ")


def test_no_model_at_all():
    with pytest.raises(CodeImportError, match=r"No nn\.Sequential model found") as info:
        import_code(H + "x = 3\nlayer = nn.Linear(2, 2)\n")
    assert info.value.construct == "no model"
    assert find_models(H + "x = 3\n") == []


def test_a_class_the_file_never_makes_is_explained():
    source = H + ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                  "        self.net = nn.Sequential(nn.Linear(2, 2))\n")
    with pytest.raises(CodeImportError, match="the file never makes one") as info:
        import_code(source)
    assert (info.value.line, info.value.column, info.value.construct) == (3, 1, "a class definition")


def test_unsupported_code_outside_the_model_is_ignored():
    source = H + ("import numpy as np\n"
                  "class Net(nn.Module):\n    pass\n"
                  "for i in range(3):\n    print(i)\n"
                  "table = {k: v for k, v in zip('ab', 'cd')}\n"
                  "model = nn.Sequential(nn.Linear(2, 2))\n"
                  "x = torch.randn(4, 2)\n"
                  "print(model(x).shape, sum(p.numel() for p in model.parameters()))\n")
    project = import_code(source)
    assert len(project) == 1 and project.notices == []


def test_a_failing_model_is_still_listed_and_its_error_raised():
    source = H + "ok = nn.Sequential(nn.ReLU())\nbroken = nn.Sequential(nn.GRU(2, 2))\n"
    found = find_models(source)
    assert [(c.name, c.default) for c in found] == [("ok", False), ("broken", True)]
    assert found[1].summary.startswith("cannot be read: nn.GRU is not a layer")
    with pytest.raises(CodeImportError, match=r"nn\.GRU"):
        import_code(source)
    assert len(import_code(source, choose="ok")) == 1


def test_an_existing_project_is_untouched_by_a_failed_import():
    project = Project(seed=1)
    project.append_layer("Linear", in_features=3, out_features=2)
    before = repr(project.model), {k: v.clone() for k, v in project.model.state_dict().items()}
    with pytest.raises(CodeImportError):
        project.from_code(H + "model = nn.Sequential(nn.LSTM(2, 2))\n")
    assert repr(project.model) == before[0]
    assert all((v == before[1][k]).all() for k, v in project.model.state_dict().items())


# ---------------------------------------------------------------- hostile input
DOUBLING = H + "a = nn.Sequential(nn.ReLU())\n" + "a = nn.Sequential(a, a)\n" * 60 + "model = a\n"
CHAIN = H + "a = nn.Sequential(nn.ReLU())\n" + "a = nn.Sequential(a)\n" * 300 + "model = a\n"
HOSTILE = [
    ("nested parentheses", H + "model = nn.Sequential(nn.Linear(" + "(" * 300 + "2" + ")" * 300 + ", 2))\n",
     "a syntax error"),
    ("thousands of minus signs", H + "model = nn.Sequential(nn.Linear(" + "-" * 5000 + "2, 2))\n", "deep nesting"),
    ("deeply nested Sequentials", H + "model = " + "nn.Sequential(" * 100 + "nn.ReLU()" + ")" * 100 + "\n",
     "deep nesting"),
    ("a chain of 300 nested groups", CHAIN, "deep nesting"),
    ("2**60 blocks through sharing", DOUBLING, "a huge model"),
    ("a tower of powers", H + "model = nn.Sequential(nn.Linear(9**9**9, 2))\n", "the operator **"),
    ("a huge integer", H + "model = nn.Sequential(nn.Linear(2**100000, 2))\n", "the operator **"),
    ("a gigabyte string", H + "model = nn.Sequential(nn.GELU('a' * 10**9))\n", "the operator *"),
    ("a billion-entry tuple", H + "model = nn.Sequential(nn.Unflatten(1, (1,) * 10**9))\n", "the operator *"),
    ("a billion repetitions", H + "model = nn.Sequential(nn.ReLU()) * 10**9\n", "the operator *"),
    ("a 4 TiB layer", H + "model = nn.Sequential(nn.Linear(10**6, 10**6))\n", "nn.Linear(...)"),
    ("a huge literal", H + "model = nn.Sequential(nn.Linear(" + "9" * 200 + ", 2))\n", "a huge number"),
    ("20,000 layers", H + "model = nn.Sequential(" + "nn.ReLU(), " * 20000 + ")\n", "nn.ReLU(...)"),
    ("a huge file", H + "x = 1\n" * 300_000, "a huge file"),
    ("null bytes", H + "model = nn.Sequential(nn.ReLU())\x00\n", "a syntax error"),
]


@pytest.mark.parametrize("name, source, construct", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_is_refused_cleanly(name, source, construct):
    start = time.perf_counter()
    with pytest.raises(CodeImportError) as info:
        import_code(source)
    assert info.value.construct == construct, info.value
    assert time.perf_counter() - start < 30  # refused, not computed: generous for slow CI machines


def test_the_source_is_never_executed(tmp_path):
    marker = tmp_path / "ran"
    source = H + (f"import os\nos.system('touch {marker}')\nopen({str(marker)!r}, 'w').write('x')\n"
                  f"def build_model():\n    open({str(marker)!r}, 'w')\n    return nn.Sequential(nn.ReLU())\n"
                  f"__import__('os').system('touch {marker}')\n")
    project = import_code(source)
    assert isinstance(project.model[0], nn.ReLU)
    assert not marker.exists()
