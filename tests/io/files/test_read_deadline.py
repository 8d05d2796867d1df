"""A read that runs too long is stopped: a small file can be built to take minutes to unpickle (a review found a
1 MB dict of 80,000 keys whose hashes collide took 40 s)."""

from __future__ import annotations

import time

import pytest
import torch

from editor.io.errors import ProjectFileError
from editor.io.files import deadline
from editor.io.files.deadline import ReadTooLong, within
from editor.io.files.safe_load import safe_torch_load
from tests.io.files.test_pickle_limits import with_pickle


def colliding_keys(count: int) -> bytes:
    """A pickled dict whose ``count`` int keys all hash alike (multiples of 2**61 - 1): quadratic to build."""
    items = b"".join(b"\x8a" + bytes([12]) + (i * (2**61 - 1)).to_bytes(12, "little", signed=True) + b"N"
                     for i in range(1, count + 1))
    return b"\x80\x02}(" + items + b"u."


def test_a_file_that_takes_too_long_to_read_is_stopped_and_said(tmp_path, monkeypatch):
    slow = with_pickle(tmp_path, "slow.pt", colliding_keys(30_000))
    monkeypatch.setattr(deadline, "READ_FLOOR_S", 0.2)
    monkeypatch.setattr(deadline, "READ_S_PER_MIB", 0.0)
    with pytest.raises(ProjectFileError, match=r"slow\.pt took more than 0 s to read") as caught:
        safe_torch_load(slow)
    assert caught.value.reason == "slow"
    torch.ones(3).sum()  # nothing pending: the thread goes on as before


def test_a_read_within_its_time_gives_its_result_and_nothing_comes_after():
    assert within(5.0, lambda: 42) == 42
    for _ in range(200):  # work that ends about when its time does: either stopped, or done and left alone
        try:
            within(0.001, lambda: time.sleep(0.001))
        except ReadTooLong:
            pass
        for _ in range(1000):  # a stray exception would come here, outside within()
            pass
    time.sleep(0.01)


def test_the_time_follows_the_description_part_s_size():
    assert deadline.read_seconds(0) == deadline.READ_FLOOR_S
    assert deadline.read_seconds(3 * 2**20) == deadline.READ_FLOOR_S + 3 * deadline.READ_S_PER_MIB


def test_layerlabs_own_files_read_within_their_time(tmp_path):
    from torch import nn

    from editor import Project
    from editor.io.files.project_file import open_project, save_project

    path = tmp_path / "mine.pt"
    save_project(Project.from_module(nn.Sequential(*[nn.Linear(4, 4) for _ in range(300)])), path)
    assert len(open_project(path).project.model) == 300


def test_a_large_checkpoint_gets_time_for_its_tensors_too(tmp_path):
    """Found by a review: the limit counted the description part alone, so a learner's 768 MiB checkpoint on a slow
    disk would have been called "built to hang"; every MiB it holds adds time (a disk of 10 MiB/s)."""
    from editor.io.files.limits import check_archive

    path = tmp_path / "big.pt"
    torch.save({"w": torch.zeros(2**22)}, path)  # 16 MiB of tensor, a few hundred bytes of description
    described, declared = check_archive(path, path.stat().st_size)
    assert described < 2**12 and declared >= 16 * 2**20
    assert deadline.read_seconds(described, declared) >= deadline.READ_FLOOR_S + 1.6
