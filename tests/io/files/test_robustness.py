"""Kills during saves never cost the old file; mutated files open or fail cleanly."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from editor import Project, ProjectFileError
from editor.model.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[3]

SAVER = """
import sys
from editor.model.examples import cnn
from editor.io.files.project_file import save_project
project = cnn(0)
print("ready", flush=True)
i = 0
while True:
    project.seed = i % 1000
    save_project(project, sys.argv[1])
    i += 1
"""


@pytest.mark.slow
def test_kill_during_save_never_breaks_the_previous_file(tmp_path):
    target = tmp_path / "project.pt"
    EXAMPLES["cnn"](0).save(target)
    rng = random.Random(7)
    kills = 0
    while kills < 20:
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE, cwd=ROOT)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.08))
        child.kill()
        child.wait()
        kills += 1
        opened = Project.load(target)  # the old file, or a complete new one: never a broken one
        assert opened.count_parameters() == 105_898
    leftovers = [p for p in tmp_path.iterdir() if p.name != "project.pt"]
    assert all(p.name.startswith(".project.pt.") for p in leftovers)  # only temporaries of killed saves


def _mutations(data: bytes, rng: random.Random, count: int):
    for i in range(count):
        mode = i % 4
        if mode == 0:
            yield data[: rng.randrange(len(data))]
        elif mode == 1:
            chunk = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                chunk[rng.randrange(len(chunk))] = rng.randrange(256)
            yield bytes(chunk)
        elif mode == 2:
            chunk = bytearray(data)
            start = rng.randrange(len(chunk))
            chunk[start:start + rng.randint(1, 64)] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
            yield bytes(chunk)
        else:
            start = rng.randrange(len(data))
            yield data[:start] + data[start + rng.randint(1, 200):]


def _payload_mutations(rng: random.Random, count: int):
    from editor.io.files.project_file import to_payload

    base = to_payload(EXAMPLES["tied"](0))
    junk = [None, -1, 10**30, "x", [], {}, (1, 2), 2.5, True, torch.ones(2), {"type": "group"}]
    for _ in range(count):
        payload = {**base, "design": {"layers": [dict(layer, params=dict(layer["params"]))
                                                 for layer in base["design"]["layers"]],
                                      "root": dict(base["design"]["root"])}}
        target = rng.choice(["top", "layer", "param", "root", "child"])
        if target == "top":
            payload[rng.choice(list(payload))] = rng.choice(junk)
        elif target == "layer":
            layer = rng.choice(payload["design"]["layers"])
            layer[rng.choice(["kind", "params", "auto", "rank"])] = rng.choice(junk)
        elif target == "param":
            layer = rng.choice(payload["design"]["layers"])
            layer["params"][rng.choice(list(layer["params"]))] = rng.choice(junk)
        elif target == "root":
            payload["design"]["root"][rng.choice(["children", "type", "label"])] = rng.choice(junk)
        else:
            children = list(payload["design"]["root"]["children"])
            children[rng.randrange(len(children))] = rng.choice(junk + [{"type": "block", "layer": 99}])
            payload["design"]["root"]["children"] = children
        buffer = io.BytesIO()
        torch.save(payload, buffer)
        yield buffer.getvalue()


def test_fuzzed_project_files_open_or_fail_cleanly(tmp_path):
    good = tmp_path / "good.pt"
    EXAMPLES["cnn"](0).save(good)
    data = good.read_bytes()
    rng = random.Random(1234)
    path = tmp_path / "fuzz.pt"
    outcomes = {"opened": 0, "refused": 0}
    cases = list(_mutations(data, rng, 800)) + list(_payload_mutations(rng, 300))
    assert len(cases) >= 1000
    for blob in cases:
        path.write_bytes(blob)
        started = time.monotonic()
        try:
            Project.load(path)
            outcomes["opened"] += 1
        except ProjectFileError as exc:
            assert str(exc)
            outcomes["refused"] += 1
        assert time.monotonic() - started < 20, "opening one file must never hang"
    assert outcomes["refused"] > 100


def test_eval_mode_is_kept_in_the_file_and_a_wrong_mode_is_refused(tmp_path):
    """A walkthrough: a project saved in eval mode reopened in training mode (Dropout on again, unsaid)."""
    from torch import nn

    from editor.io.files.project_file import open_project, save_project, to_payload

    p = Project.from_module(nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.5), nn.Linear(8, 2)))
    trained = tmp_path / "train.pt"
    save_project(p, trained)
    assert "training" not in to_payload(p) and open_project(trained).project.model.training
    p.model.eval()
    evaluated = tmp_path / "eval.pt"
    save_project(p, evaluated)
    opened = open_project(evaluated).project.model
    assert not opened.training and not any(m.training for m in opened.modules())
    payload = to_payload(p)
    payload["training"] = "no"
    wrong = tmp_path / "wrong.pt"
    torch.save(payload, wrong)
    with pytest.raises(ProjectFileError, match="its training mode is 'no', not true or false"):
        open_project(wrong)
