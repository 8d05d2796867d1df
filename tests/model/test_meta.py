"""Building on the meta device never imports torch._dynamo (1.2-1.7 s on a 2-core machine, on whichever thread
first built something there: the GUI thread adding a huge layer, a worker reading code)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import torch
from torch import nn

from editor.model.meta import on_meta

ROOT = Path(__file__).resolve().parents[2]


def test_on_meta_builds_modules_without_values_and_keeps_a_device_given():
    with on_meta():
        linear = nn.Linear(100_000, 100_000)
        given = torch.zeros(2, device="cpu")
    assert linear.weight.is_meta and linear.bias.is_meta and tuple(linear.weight.shape) == (100_000, 100_000)
    assert given.device.type == "cpu"
    assert torch.zeros(1).device.type == "cpu"  # only inside


def test_huge_layers_code_reading_and_export_import_no_torch_dynamo():
    """(A custom layer's shape check runs its forward on the meta device, where torch's own meta kernels
    still import it: left to torch.)"""
    script = textwrap.dedent("""
        import sys
        from editor import Project
        from editor.model.catalog import memory
        memory.SOURCES = (lambda: 30_000,)
        memory.FRESH_S = 0.0
        p = Project(seed=0)
        p.keep_unallocated = True
        p.append_layer("Linear", in_features=100_000, out_features=100_000)
        assert p.unallocated() == ["0"]
        q = Project.from_code("from torch import nn\\nmodel = nn.Sequential(nn.Linear(4, 3), nn.ReLU())")
        q.initialize("zeros_", parameters="bias")
        q.to_code()
        p.to_code()
        print("torch._dynamo" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
