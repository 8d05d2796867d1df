"""Importing a file with hostile code in its classes runs nothing: no file written, no global set, no exec/eval.

Every source below would, if any part of it ran, create the canary file or
set a builtins attribute. The import either refuses the class at the hostile
part's line and column or reads the parts it understands; either way the
canaries stay untouched. ``exec`` and ``eval`` are also replaced by functions
that fail the test, so a reader that ever called them would be caught.
"""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor import CodeImportError, Project

ROOT = Path(__file__).resolve().parents[4]
HEAD = "import os\nimport builtins\nimport torch\nfrom torch import nn\n"  # lines 1-4


def _sources(canary: Path) -> dict[str, tuple[str, tuple[int, int] | None]]:
    """name -> (source, the (line, column) of the refusal, or None when the import succeeds)."""
    touch = f"__import__('pathlib').Path({str(canary)!r}).write_text('ran')"
    forward = "    def forward(self, X):\n        return X - X.mean()\n"
    init = "    def __init__(self):\n        super().__init__()\n"
    cases = {
        "statement in the class body": (f"class Net(nn.Module):\n    {touch}\n{init}{forward}", (6, 5)),
        "global set in the class body": (f"class Net(nn.Module):\n    builtins.LAYERLAB_PWNED = 1\n{init}{forward}",
                                         (6, 5)),
        "decorator": (f"@(lambda cls: ({touch}, cls)[1])\nclass Net(nn.Module):\n{init}{forward}", (5, 3)),
        "default argument": (f"class Net(nn.Module):\n    def __init__(self, n={touch}):\n        "
                             f"super().__init__()\n{forward}", (6, 26)),
        "statement in __init__": (f"class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                                  f"        os.system('touch {canary}')\n{forward}", (8, 9)),
        "statement in forward": (f"class Net(nn.Module):\n{init}    def forward(self, X):\n        {touch}\n"
                                 f"        return X\n", (9, 9)),
        "base class expression": (f"class Net(type('B', (nn.Module,), {{'x': {touch}}})):\n{init}{forward}", (5, 11)),
        "metaclass": (f"class Meta(type):\n    def __new__(mcs, *a):\n        {touch}\n        return super().__new__"
                      f"(mcs, *a)\nclass Net(nn.Module, metaclass=Meta):\n{init}{forward}", (9, 22)),
        "init_subclass of a file base": (f"class Base(nn.Module):\n    def __init_subclass__(cls):\n        {touch}\n"
                                         f"class Net(Base):\n{init}{forward}", (8, 11)),
        "descriptor in the class body": (f"class D:\n    def __set_name__(self, owner, name):\n        {touch}\n"
                                         f"class Net(nn.Module):\n    d = D()\n{init}{forward}", (9, 5)),
        "dunder escape in forward": (f"class Net(nn.Module):\n{init}    def forward(self, X):\n        return "
                                     f"X.__class__.__bases__[0]\n", (9, 16)),
        "getattr in forward": (f"class Net(nn.Module):\n{init}    def forward(self, X):\n        return "
                               f"getattr(X, 'mean')()\n", (9, 16)),
        "import inside forward": (f"class Net(nn.Module):\n{init}    def forward(self, X):\n        import os\n"
                                  f"        return X\n", (9, 9)),
        "huge parameter": ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                           "        self.w = nn.Parameter(torch.randn(10**6, 10**7))\n"
                           "    def forward(self, X):\n        return X @ self.w\n", (11, 23)),
        "class never made": (f"class Evil(nn.Module):\n    {touch}\n{init}{forward}"
                             f"class Net(nn.Module):\n{init}{forward}", None),
    }
    return {name: (HEAD + body + "model = nn.Sequential(Net())\n", where) for name, (body, where) in cases.items()}


CASE_NAMES = list(_sources(Path("/canary")).keys())


@pytest.fixture
def guarded(monkeypatch):
    """``exec``/``eval`` of text or of code compiled from text fail the test (Python's own imports still work)."""
    def guard(real):
        def checked(code, *args, **kwargs):
            filename = getattr(code, "co_filename", "<text>")
            if filename.startswith("<") or not Path(filename).is_file():
                raise AssertionError(f"the reader must never exec or eval code ({filename})")
            return real(code, *args, **kwargs)
        return checked

    monkeypatch.setattr(builtins, "exec", guard(builtins.exec))
    monkeypatch.setattr(builtins, "eval", guard(builtins.eval))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_code_in_a_class_runs_nothing(name, tmp_path, guarded):
    canary = tmp_path / "canary.txt"
    source, where = _sources(canary)[name]
    if where is None:
        project = Project.from_code(source)
        assert [type(m).__name__ for m in project.model] == ["Net"]
    else:
        with pytest.raises(CodeImportError) as info:
            Project.from_code(source)
        assert (info.value.line, info.value.column) == where, info.value
    assert not canary.exists()
    assert not hasattr(builtins, "LAYERLAB_PWNED")


def test_the_command_line_import_of_a_hostile_file_runs_nothing(tmp_path):
    canary = tmp_path / "canary.txt"
    source = tmp_path / "evil.py"
    source.write_text(_sources(canary)["default argument"][0])
    out = tmp_path / "out.pt"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(source), "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1 and f"{source}:6:26:" in result.stderr, result.stderr
    assert not canary.exists() and not out.exists()


def test_the_reference_would_have_run_it(tmp_path):
    """The canaries work: running one of these sources for real does write the file (so the tests can fail)."""
    canary = tmp_path / "canary.txt"
    source = _sources(canary)["statement in the class body"][0]
    exec(compile(textwrap.dedent(source), "<trusted test>", "exec"), {})  # this test's own check, not the reader
    assert canary.read_text() == "ran"
