"""Saved files behave like other programs' files: the umask's mode, a replaced file's mode, no stale leftovers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor import Project
from editor.io.files import atomic
from editor.io.files.weights import export_weights
from editor.model.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def umask():
    """Set a umask for one test and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_new_files_get_the_umask_mode(tmp_path, umask, mask):
    umask(mask)
    project = EXAMPLES["mlp"](0)
    project.save(tmp_path / "p.pt")
    export_weights(project, tmp_path / "w.pt")
    atomic.atomic_write(tmp_path / "model.py", lambda target: Path(target).write_text("x = 1\n"))
    for name in ("p.pt", "w.pt", "model.py"):
        assert _mode(tmp_path / name) == 0o666 & ~mask, name


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "p.pt"
    EXAMPLES["mlp"](0).save(path)
    for mode in (0o640, 0o600, 0o664):
        path.chmod(mode)
        EXAMPLES["cnn"](0).save(path)
        assert _mode(path) == mode
    assert Project.load(path).count_parameters() == 105_898


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid  # finished and reaped: no process has it (pids are not reused this quickly)


def _file(path: Path, age: float = 0.0) -> Path:
    """A file at ``path`` last modified ``age`` seconds ago."""
    if not path.exists():
        path.write_bytes(b"partial")
    when = time.time() - age
    os.utime(path, (when, when), follow_symlinks=False)
    return path


def test_stale_temporary_files_are_removed_on_the_next_save(tmp_path):
    dead, live = _dead_pid(), os.getppid()
    leftovers = [
        _file(tmp_path / f".p.pt.{dead}-0123abcd.saving", 5),  # its process is gone
        _file(tmp_path / f".other.pt.{dead}-89abcdef.saving", 5),  # another file's, same folder
        _file(tmp_path / ".p.pt.k3j_x9az.saving", 3600),  # mkstemp's name, by an older LayerLab, long ago
        _file(tmp_path / f".p.pt.{live}-0123abcd.saving", 2 * atomic.STALE_AFTER),  # untouched for hours
    ]
    kept = [
        _file(tmp_path / f".p.pt.{live}-fedcba98.saving"),  # a save in progress in another process
        _file(tmp_path / ".p.pt.q2w3e4r5.saving"),  # an older LayerLab's, maybe still saving
        _file(tmp_path / ".notes.saving.txt", 3600),  # not a temporary file's name
        _file(tmp_path / "p.pt.1-0123abcd.saving", 3600),
    ]
    link = tmp_path / f".link.pt.{dead}-0123abcd.saving"
    link.symlink_to(kept[-1])
    EXAMPLES["mlp"](0).save(tmp_path / "p.pt")
    assert [path.name for path in leftovers if path.exists()] == []
    assert all(path.exists() for path in kept) and link.is_symlink()


KILLED_SAVE = """
import sys, time
from pathlib import Path
from editor.io.files.atomic import atomic_write

def write(target):
    Path(target).write_bytes(b"half a file")
    print("writing", flush=True)
    time.sleep(60)

atomic_write(Path(sys.argv[1]), write)
"""


def test_a_killed_save_leaves_a_file_the_next_save_removes(tmp_path):
    target = tmp_path / "p.pt"
    EXAMPLES["mlp"](0).save(target)
    child = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, str(target)], stdout=subprocess.PIPE, cwd=ROOT)
    assert child.stdout is not None and child.stdout.readline().strip() == b"writing"
    child.kill()
    child.wait()
    temporaries = [p for p in tmp_path.iterdir() if p.name.endswith(".saving")]
    assert len(temporaries) == 1 and f".{child.pid}-" in temporaries[0].name
    EXAMPLES["cnn"](0).save(target)
    assert [p.name for p in tmp_path.iterdir()] == ["p.pt"]
    assert Project.load(target).count_parameters() == 105_898


def test_saves_running_in_this_process_are_never_taken_for_leftovers(tmp_path):
    seen = []

    def write(target):
        Path(target).write_bytes(b"x")
        seen.append(atomic.remove_stale(tmp_path, time.time() + 60))  # another save's cleanup, meanwhile

    atomic.atomic_write(tmp_path / "a.pt", write)
    assert seen == [[]] and (tmp_path / "a.pt").read_bytes() == b"x"


def test_torch_saves_into_the_temporary_file_without_truncating_it(tmp_path, monkeypatch):
    """On ext4, torch.save(obj, path) truncates the empty temporary file, and its close then writes back every
    dirty page holding the GIL (the window stalled ~100 ms on a 400 MiB save). Every save opens it without O_TRUNC."""
    import torch

    from editor.io.files.project_file import save_project
    from editor.io.files.weights import save_tensor

    opened: list[int] = []
    real_open = os.open

    def watching(path, flags, *args, **kwargs):
        if str(path).endswith(atomic.SUFFIX):
            opened.append(flags)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", watching)
    monkeypatch.setattr(torch.serialization.torch._C, "PyTorchFileWriter", _refuse_paths(torch._C.PyTorchFileWriter))
    p = EXAMPLES["mlp"](0)
    save_project(p, tmp_path / "p.pt")
    export_weights(p, tmp_path / "w.pt")
    save_tensor(torch.arange(6.0), tmp_path / "x.pt")
    writes = [flags for flags in opened if flags & os.O_WRONLY]
    assert len(writes) >= 3 and not any(flags & os.O_TRUNC for flags in writes)
    assert torch.equal(torch.load(tmp_path / "x.pt"), torch.arange(6.0))
    assert torch.load(tmp_path / "w.pt").keys() == p.model.state_dict().keys()


def _refuse_paths(writer):
    """A PyTorchFileWriter that fails when torch.save is handed a path (which it would open with O_TRUNC)."""
    def make(target, *args):
        assert not isinstance(target, str), "torch.save was given a path"
        return writer(target, *args)
    return make


def test_rewrite_cuts_off_what_a_longer_old_file_held(tmp_path):
    target = tmp_path / "f.bin"
    target.write_bytes(b"x" * 100)
    with atomic.rewrite(str(target)) as file:
        file.write(b"new")
    assert target.read_bytes() == b"new"
