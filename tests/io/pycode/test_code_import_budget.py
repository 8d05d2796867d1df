"""Code bombs (issue #17): the importer evaluates only what could build a model, within a budget."""

from __future__ import annotations

import time

import pytest

from editor import CodeImportError, Project
from editor.io.pycode.read import values


def chain(body: str, depth: int, fan: int = 10) -> str:
    lines = ["from torch import nn", f"def f0(): return {body}"]
    for level in range(1, depth + 1):
        lines.append(f"def f{level}(): return " + " + ".join([f"f{level - 1}()"] * fan))
    return "\n".join(lines) + "\n"


def test_helpers_that_cannot_build_a_model_are_not_evaluated():
    source = chain("1", 7) + "model = nn.Sequential(nn.Linear(2, 2))\n"  # f7 alone would be 10 million calls
    start = time.monotonic()
    p = Project.from_code(source)
    assert len(p) == 1 and time.monotonic() - start < 30  # seconds, not minutes (a loose bound for busy CI)


def test_work_beyond_the_budget_is_refused_clearly(monkeypatch):
    monkeypatch.setattr(values, "MAX_STEPS", 5_000)
    source = ("from torch import nn\ndef block(): return nn.Sequential(" + ", ".join(["nn.ReLU()"] * 40) + ")\n"
              "def build(): return nn.Sequential(" + ", ".join(["block()"] * 200) + ")\n")
    with pytest.raises(CodeImportError, match="takes too much work"):
        Project.from_code(source)


def test_a_slow_read_is_stopped_by_the_clock(monkeypatch):
    monkeypatch.setattr(values, "MAX_SECONDS", 0.0)
    source = "from torch import nn\nmodel = nn.Sequential(" + ", ".join(["nn.ReLU()"] * 2000) + ")\n"
    with pytest.raises(CodeImportError, match="takes too much work"):
        Project.from_code(source)
