"""A .pt archive's description part (data.pkl) is bounded before torch unpickles it.

A stranger's stored (uncompressed) data.pkl of nothing but empty lists grew about 90 times in memory: a 20 MB
file took 21.5 s and 1.8 GB (a review found it); empty sets grow more.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import torch

from editor.io.errors import ProjectFileError
from editor.io.files import limits
from editor.io.files.weights import load_tensor


def with_pickle(tmp_path: Path, name: str, pickle: bytes) -> Path:
    """A torch.save'd tensor file whose data.pkl is replaced by ``pickle``, stored uncompressed as torch writes."""
    good = tmp_path / "good.pt"
    torch.save(torch.ones(3), good)
    crafted = tmp_path / name
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(crafted, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, pickle if info.filename.endswith("data.pkl") else data)
    return crafted


def empty_lists(count: int) -> bytes:
    return b"\x80\x02]q\x00(" + b"]" * count + b"e."


def test_a_tensor_files_description_part_is_bounded_before_it_is_unpickled(tmp_path, monkeypatch):
    bomb = with_pickle(tmp_path, "bomb.pt", empty_lists(limits.TENSOR_PICKLE + 1))  # 1 MiB: 90 MiB once read
    read = []
    monkeypatch.setattr(torch, "load", lambda *a, **k: read.append(a))
    with pytest.raises(ProjectFileError, match=r"bomb\.pt describes its contents in 1,048,585 B \(its data\.pkl "
                                               r"part\), more than LayerLab reads in a file of this kind "
                                               r"\(1,048,576 B;") as refused:
        load_tensor(bomb)
    assert refused.value.reason == "pickle" and read == []  # refused unread


def test_a_description_part_that_could_outgrow_memory_is_refused_with_both_numbers(tmp_path, monkeypatch):
    lists = with_pickle(tmp_path, "lists.pt", empty_lists(100_000))  # 98 KiB of empty lists: 7.6 MiB at most
    with zipfile.ZipFile(lists) as archive:
        entry = next(e for e in archive.infolist() if e.filename.endswith("data.pkl"))
    assert limits.pickle_memory(lists, entry) >= 100_000 * 80
    monkeypatch.setattr(limits, "available_memory", lambda: 4 * 2**20)
    monkeypatch.setattr(limits, "PICKLE_FLOOR", 2**16)  # (a part of up to 1 MiB is read without working it out)
    with pytest.raises(ProjectFileError, match=r"could take up to 7\.\d MiB of memory to read, but only 4\.0 MiB "
                                               r"is free") as refused:
        load_tensor(lists)
    assert refused.value.reason == "memory"


def test_a_large_design_that_layerlab_saved_opens_again(tmp_path):
    """A cap of 16 MiB refused a 90,000-block design LayerLab itself had saved (a review found it)."""
    from torch import nn

    from editor import Project
    from editor.io.files.project_file import open_project, save_project

    p = Project.from_module(nn.Sequential(*[nn.ReLU() for _ in range(12000)]))
    p.input_shape = (2, 3)
    path = tmp_path / "big.pt"
    save_project(p, path)
    with zipfile.ZipFile(path) as archive:
        entry = next(e for e in archive.infolist() if e.filename.endswith("data.pkl"))
    assert entry.file_size > limits.PICKLE_FLOOR  # its memory is worked out, and fits
    assert limits.pickle_memory(path, entry) < 64 * entry.file_size
    assert len(open_project(path).project.model) == 12000


def test_ordinary_files_are_read_as_before(tmp_path):
    path = tmp_path / "x.pt"
    torch.save(torch.arange(6.0).reshape(2, 3), path)
    assert torch.equal(load_tensor(path), torch.arange(6.0).reshape(2, 3))
    lists = with_pickle(tmp_path, "lists.pt", empty_lists(10))  # well-formed, small: torch's own refusal then
    with pytest.raises(ProjectFileError) as refused:
        load_tensor(lists)
    assert refused.value.reason != "pickle"


@pytest.mark.parametrize("name", [b"builtins\nbytearray", b"builtins\nset", b"collections\nCounter",
                                  b"torch\nFloatTensor", b"torch.storage\nUntypedStorage"])
def test_a_pickle_that_asks_to_make_memory_from_its_arguments_is_refused_unread(tmp_path, monkeypatch, name):
    """weights_only lets a pickle call bytearray: 30 bytes gave a gigabyte (a review found it)."""
    bomb = with_pickle(tmp_path, "amp.pt", b"\x80\x02c" + name + b"\nJ\x00\x00\x00\x40\x85R.")
    read = []
    monkeypatch.setattr(torch, "load", lambda *a, **k: read.append(a))
    dotted = name.decode().replace("\n", ".")
    with pytest.raises(ProjectFileError, match=rf"asks to call {dotted} while it is read") as refused:
        load_tensor(bomb)
    assert refused.value.reason == "code" and read == []
