"""Memory this process may allocate respects the host, RLIMIT_AS and cgroup v1/v2 limits (issue #17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editor.model.catalog import memory

ROOT = Path(__file__).resolve().parents[3]


def test_cgroup_v2_limit_and_usage(tmp_path, monkeypatch):
    monkeypatch.setattr(memory, "_own_cgroup", lambda root: (root / "app.slice", None))
    folder = tmp_path / "app.slice"
    folder.mkdir()
    (folder / "memory.max").write_text("1073741824\n")
    (folder / "memory.current").write_text("73741824\n")
    assert memory.cgroup_left(tmp_path) == 1_000_000_000
    (folder / "memory.max").write_text("max\n")
    assert memory.cgroup_left(tmp_path) is None


def test_cgroup_v1_limit_and_its_no_limit_number(tmp_path, monkeypatch):
    monkeypatch.setattr(memory, "_own_cgroup", lambda root: (None, root / "memory" / "docker"))
    folder = tmp_path / "memory" / "docker"
    folder.mkdir(parents=True)
    (folder / "memory.limit_in_bytes").write_text("536870912")
    (folder / "memory.usage_in_bytes").write_text("36870912")
    assert memory.cgroup_left(tmp_path) == 500_000_000
    (folder / "memory.limit_in_bytes").write_text(str(2**63 - 4096))
    assert memory.cgroup_left(tmp_path) is None


def test_the_smallest_limit_wins(monkeypatch):
    monkeypatch.setattr(memory, "FRESH_S", 0.0)
    monkeypatch.setattr(memory, "SOURCES", (lambda: 8 * 1024**3, lambda: None, lambda: 512 * 1024**2))
    assert memory.available_memory() == 512 * 1024**2
    monkeypatch.setattr(memory, "SOURCES", (lambda: None,))
    assert memory.available_memory() == memory.FALLBACK


def test_allocation_failures_are_recognized():
    assert memory.allocation_failure(MemoryError())
    assert memory.allocation_failure(RuntimeError("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: "
                                                  "can't allocate memory: you tried to allocate 10000000000 bytes."))
    assert not memory.allocation_failure(RuntimeError("mat1 and mat2 shapes cannot be multiplied"))


def test_a_process_limit_refuses_a_huge_layer_in_plain_words():
    script = (
        "import resource\n"
        "from editor import Project, ValidationError\n"
        "from editor.model.catalog.memory import available_memory\n"
        "resource.setrlimit(resource.RLIMIT_AS, (6 * 1024**3, resource.RLIM_INFINITY))\n"
        "assert available_memory() < 6 * 1024**3, available_memory()\n"
        "p = Project()\n"
        "try:\n"
        "    p.append_layer('Linear', in_features=50000, out_features=50000)\n"
        "except ValidationError as exc:\n"
        "    print('refused:', exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout and "of memory is free" in result.stdout
