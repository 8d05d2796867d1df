"""Bombs and odd files: sizes are bounded and non-regular files refused before torch reads a byte."""

from __future__ import annotations

import os
import threading
import time
import zipfile
from pathlib import Path

import pytest
import torch

from editor import Project, ProjectFileError
from editor.io.files import limits
from editor.io.files.weights import load_tensor, read_state_dict
from editor.model.examples import EXAMPLES
from tests.io.files.hostile import claim_size, zip_bomb


def _refused(path: Path, loader=Project.load) -> ProjectFileError:
    with pytest.raises(ProjectFileError) as info:
        loader(path)
    assert len(str(info.value)) < 300
    return info.value


def _no_torch_load(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("torch.load must not be reached")

    monkeypatch.setattr(torch, "load", refuse)


def test_a_1_mb_file_declaring_a_1_gib_tensor_is_refused_unread(tmp_path, monkeypatch):
    bomb = zip_bomb(tmp_path / "bomb.pt")
    assert bomb.stat().st_size < 2 * 2**20
    _no_torch_load(monkeypatch)
    started = time.monotonic()
    for loader in (Project.load, read_state_dict, load_tensor):
        error = _refused(bomb, loader)
        assert error.reason == "bomb" and "1.0 GiB" in str(error) and "1.0 MiB" in str(error), str(error)
    assert time.monotonic() - started < 5


def test_declared_contents_are_bounded_by_free_memory(tmp_path, monkeypatch):
    source = tmp_path / "cnn.pt"
    EXAMPLES["cnn"](0).save(source)
    packed = tmp_path / "packed.pt"  # the same project, deflated: torch reads it, and so do we
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            del info.CRC  # project files carry no zip CRCs (torch.load never checks them)
            zout.writestr(info.filename, zin.open(info).read())
    assert Project.load(packed).count_parameters() == 105_898
    declared = sum(i.file_size for i in zipfile.ZipFile(packed).infolist())
    monkeypatch.setattr(limits, "available_memory", lambda: packed.stat().st_size + 1)
    _no_torch_load(monkeypatch)
    error = _refused(packed)
    assert error.reason == "memory" and limits.format_bytes(declared) in str(error)
    assert limits.format_bytes(packed.stat().st_size + 1) in str(error)


def test_a_file_larger_than_free_memory_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "p.pt"
    EXAMPLES["mlp"](0).save(path)
    monkeypatch.setattr(limits, "available_memory", lambda: 100)
    _no_torch_load(monkeypatch)
    error = _refused(path)
    assert error.reason == "memory" and "100 B of memory is free" in str(error)


def test_a_stored_part_claiming_more_than_the_file_is_damaged(tmp_path, monkeypatch):
    path = tmp_path / "p.pt"
    EXAMPLES["mlp"](0).save(path)
    claim_size(path, "data/0", 2**31)
    _no_torch_load(monkeypatch)
    assert _refused(path).reason == "truncated"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.pt"
    os.mkfifo(fifo)
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(_refused(fifo)), daemon=True)
    worker.start()
    worker.join(5)
    assert outcome, "opening a FIFO blocked"
    assert outcome[0].reason == "not_file" and "pipe (FIFO)" in str(outcome[0])


@pytest.mark.parametrize("loader", [Project.load, read_state_dict, load_tensor])
def test_devices_folders_and_links_to_devices_are_refused(tmp_path, loader):
    link = tmp_path / "zero.pt"
    link.symlink_to("/dev/zero")
    for path, reason in ((Path("/dev/zero"), "not_file"), (link, "not_file"), (tmp_path, "directory")):
        error = _refused(path, loader)
        assert error.reason == reason, (path, str(error))
    assert "character device" in str(_refused(link, loader))
