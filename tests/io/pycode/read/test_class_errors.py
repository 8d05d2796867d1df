"""Classes LayerLab does not read: a clear error at the line and column of the part, saying what it reads."""

from __future__ import annotations

import textwrap

import pytest

from editor import CodeImportError, Project

HEAD = "import torch\nfrom torch import nn\nimport torch.nn.functional as F\n"  # lines 1-3


def refused(body: str, use: str = "model = nn.Sequential(Net())") -> CodeImportError:
    source = HEAD + textwrap.dedent(body).strip("\n") + "\n" + use + "\n"
    with pytest.raises(CodeImportError) as info:
        Project.from_code(source)
    return info.value


def net(init: str = "super().__init__()\nself.fc = nn.Linear(4, 4)", forward: str = "return self.fc(X)",
        signature: str = "self", extra: str = "") -> str:
    """A class Net on lines 4-: ``__init__`` body from line 6, ``forward`` body after it."""
    init_lines = textwrap.indent(init, " " * 8)
    forward_lines = textwrap.indent(forward, " " * 8)
    return f"class Net(nn.Module):\n{extra}    def __init__({signature}):\n{init_lines}\n\n" \
           f"    def forward(self, X):\n{forward_lines}\n"


# (name, class source, line, column, construct, a phrase of the message)
CASES = [
    ("while in forward", net(forward="while X.sum() > 1:\n    X = X / 2\nreturn X"), 10, 9, "a while loop",
     "one expression over its input"),
    ("if in forward", net(forward="if X.sum() > 0:\n    X = -X\nreturn X"), 10, 9, "an if statement", "X = self"),
    ("assert in forward", net(forward="assert X.dim() == 2\nreturn X"), 10, 9, "an assert statement",
     "LayerLab reads"),  # (a print there is skipped with a notice: test_code_import)
    ("code after return", net(forward="return X\nX = X + 1"), 11, 9, "an assignment", "never runs"),
    ("no return", net(forward="X = self.fc(X)"), 9, 5, "a def", "does not end with a return"),
    ("two inputs", net().replace("forward(self, X)", "forward(self, X, Y)"), 9, 5, "a def", "one input"),
    ("unknown torch function", net(forward="return torch.cummax(X, 0)"), 10, 16, "a call of torch.cummax",
     "not a function LayerLab's expressions know"),
    ("unknown method", net(forward="return X.numpy()"), 10, 16, "a call of .numpy()", "not a tensor method"),
    ("unknown keyword", net(forward="return X.mean(axis=0)"), 10, 23, "the argument axis=", "they pass"),
    ("attribute of a tensor", net(forward="return X.grad"), 10, 16, "attribute access .grad", "tensor methods"),
    ("unknown self attribute", net(forward="return self.w * X"), 10, 16, "attribute access .w",
     "not set in __init__"),
    ("submodule not called", net(forward="return self.fc * X"), 10, 16, "a submodule", "call it"),
    ("lambda in forward", net(forward="return (lambda t: t)(X)"), 10, 17, "a lambda", "not supported in forward"),
    ("print in __init__", net(init="super().__init__()\nprint('hi')\nself.fc = nn.Linear(4, 4)"), 7, 9,
     "a call of print()", "LayerLab reads nn.Module classes"),
    ("loop in __init__", net(init="super().__init__()\nfor i in range(3):\n    pass\nself.fc = nn.Linear(4, 4)"),
     7, 9, "a for loop", "__init__ is not something"),
    ("unknown layer", net(init="super().__init__()\nself.fc = nn.LSTM(4, 4)"), 7, 19, "a call of nn.LSTM",
     "not a layer LayerLab knows"),
    ("lazy layer", net(init="super().__init__()\nself.fc = nn.LazyLinear(4)"), 7, 19, "a call of nn.LazyLinear",
     "in_features"),
    ("bad layer argument", net(init="super().__init__()\nself.fc = nn.Linear(4, 4, device='cpu')"), 7, 19,
     "nn.Linear(...)", "'device'"),
    ("parameter scaled", net(init="super().__init__()\nself.fc = nn.Linear(4, 4)\n"
                                  "self.w = nn.Parameter(torch.randn(4)) * 0.01"), 8, 18,
     "an assignment to an attribute", "nn.init.normal_"),
    ("full tensor", net(init="super().__init__()\nself.fc = nn.Linear(4, 4)\nself.w = torch.full((4,), 2.0)"),
     8, 18, "a call of torch.full", "torch.randn"),
    ("normal without a shape", net(init="super().__init__()\nself.w = torch.normal(0, 1)",
                                   forward="return X * self.w"), 7, 18, "a call of torch.normal", "shape"),
    ("drawn twice", net(init="super().__init__()\nself.w = nn.Parameter(torch.randn(4))\n"
                             "nn.init.normal_(self.w)", forward="return X * self.w"), 8, 9,
     "a call of nn.init.normal_", "torch.empty"),
    ("init of a hyperparameter", net(init="super().__init__()\nself.w = nn.Parameter(torch.empty(n))\n"
                                          "nn.init.normal_(self.w, std=1 / n)", forward="return X * self.w",
                                     signature="self, n=4"), 8, 9, "a call of nn.init.normal_",
     "plain numbers"),
    ("frozen parameter", net(init="super().__init__()\nself.w = nn.Parameter(torch.ones(4), requires_grad=False)",
                             forward="return X * self.w"), 7, 46, "nn.Parameter(...)", "requires_grad=True"),
    ("parameters and children", net(init="super().__init__()\nself.fc = nn.Linear(4, 4)\n"
                                         "self.w = nn.Parameter(torch.ones(4))",
                                    forward="return self.fc(X) * self.w"), 4, 1, "a class definition",
     "both submodules and its own parameters"),
    ("children and a constant tensor", net(init="super().__init__()\nself.fc = nn.Linear(4, 4)\n"
                                                "self.w = torch.rand(4)",
                                           forward="return self.fc(X) * self.w"), 4, 1, "a class definition",
     "its own tensor (self.w, line 8, a constant that parameters() does not see)"),
    ("set twice", net(init="super().__init__()\nself.fc = nn.Linear(4, 4)\nself.fc = nn.Linear(4, 4)"), 8, 9,
     "an assignment to an attribute", "set twice"),
    ("text hyperparameter", net(signature="self, act='relu'"), 11, 23, "a call of Net",
     "whole numbers, numbers or True/False"),
    ("kwargs", net(signature="self, **kwargs"), 5, 26, "star-args in a def", "name each constructor argument"),
    ("args unused", net(signature="self, *layers"), 5, 25, "star-args in a def", "enumerate(layers)"),
    ("decorator", "@torch.no_grad()\n" + net(), 4, 2, "a decorator", "remove it"),
    ("method", net(extra="    @staticmethod\n    def helper():\n        return 1\n"), 6, 5,
     "the method helper", "def __init__ and def forward only"),
    ("class attribute", net(extra="    size = 4\n"), 5, 5, "an assignment", "def __init__ and def forward only"),
    ("other base", net().replace("(nn.Module)", "(nn.Linear)"), 4, 11, "a base class", "derive from nn.Module"),
    ("metaclass", net().replace("(nn.Module)", "(nn.Module, metaclass=type)"), 4, 22, "a class keyword",
     "metaclass"),
    ("catalog name", net().replace("class Net", "class Linear"), 4, 1, "a class definition",
     "already a layer of the catalog"),
    ("reserved name", net(init="super().__init__()\nself.training_ = nn.Linear(4, 4)",
                          forward="return self.training_(X)").replace("training_", "eval"), 4, 1,
     "a class definition", "'eval'"),
    ("no forward", "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n", 4, 1,
     "a class definition", "has no forward method"),
    ("no super call", net(init="self.fc = nn.Linear(4, 4)\nsuper().__init__()"), 6, 9,
     "an assignment to an attribute", "call super().__init__() first"),
    ("super never called", net(init="pass"), 5, 5, "a def", "never calls super().__init__()"),
    ("wrong arguments", net(signature="self, n"), 11, 23, "a call of Net", "missing a required argument"),
]


USES = {"catalog name": "model = nn.Sequential(Linear())"}


@pytest.mark.parametrize(("name", "body", "line", "column", "construct", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_error_position_and_construct(name, body, line, column, construct, phrase):
    error = refused(body, USES.get(name, "model = nn.Sequential(Net())"))
    assert (error.line, error.column, error.construct) == (line, column, construct), error
    assert phrase in error.problem, error.problem


def test_a_class_that_builds_itself_is_refused():
    body = net(init="super().__init__()\nself.inner = Net()", forward="return self.inner(X)")
    error = refused(body)
    assert (error.line, error.construct) == (7, "a recursive class"), error


def test_forward_that_grows_without_bound_is_refused():
    doubling = "\n".join(["X = X + X"] * 40)
    error = refused(net(forward=doubling + "\nreturn self.fc(X)"))
    assert error.construct == "a huge expression" and error.line == 9, error


def test_an_unreadable_class_the_model_does_not_use_stops_nothing():
    source = HEAD + net(forward="while True:\n    pass\nreturn X") + "model = nn.Sequential(nn.Linear(2, 2))\n"
    assert len(Project.from_code(source)) == 1


def test_a_model_that_is_an_unreadable_class_is_listed_with_its_error():
    from editor.io.pycode.read.reader import find_models

    source = HEAD + net(forward="while True:\n    pass\nreturn X") + "net = Net()\n"
    found = find_models(source)
    assert [c.name for c in found] == ["net"] and found[0].summary.startswith("cannot be read")
    with pytest.raises(CodeImportError, match="a while loop"):
        Project.from_code(source)


def test_classes_that_build_each_other_are_refused():
    body = ("class A(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.b = B()\n"
            "    def forward(self, X):\n        return self.b(X)\n"
            "class B(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.a = A()\n"
            "    def forward(self, X):\n        return self.a(X)\n")
    error = refused(body, "model = nn.Sequential(A())")
    assert error.construct == "a recursive class" and "A → B" in error.problem, error


def test_reading_classes_counts_in_the_work_budget(monkeypatch):
    from editor.io.pycode.read import values

    monkeypatch.setattr(values, "MAX_STEPS", 60)
    error = refused(net(forward="return self.fc(self.fc(self.fc(self.fc(X))))"), "model = nn.Sequential(Net())")
    assert error.construct == "too much work", error
