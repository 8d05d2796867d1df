"""Hostile files, built by hand: what a stranger could send instead of a LayerLab project."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import torch
from torch import nn

from editor import Project
from editor.io.files.project_file import to_payload


def two_linears() -> Project:
    """``Sequential(Linear(4, 4), ReLU(), Linear(4, 4))``: two unshared layers of the same shape."""
    torch.manual_seed(0)
    return Project.from_module(nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4)))


def payload_with(project: Project, **state: torch.Tensor) -> dict[str, Any]:
    """The project's payload with some state_dict entries replaced (keys with dots given as ``k_0_weight``)."""
    payload = to_payload(project)
    payload["state_dict"] = dict(payload["state_dict"])
    for key, value in state.items():
        payload["state_dict"][key.removeprefix("k_").replace("_", ".")] = value
    return payload


def save(payload: Any, path: Path) -> Path:
    torch.save(payload, path)
    return path


def rule(function: str, parameters: str = "weight", expression: str | None = None,
         args: dict[str, Any] | None = None) -> dict[str, Any]:
    """An init rule as a project file stores it."""
    return {"function": function, "args": dict(args or {}), "parameters": parameters, "kind": None, "layers": None,
            "expression": expression, "gain_from": None}


def inst_pickle(command: str = "echo pwned") -> bytes:
    """A protocol-0/1 pickle whose INST opcode would call ``os.system(command)`` if it were unpickled."""
    text = command.encode()
    return b"(X" + struct.pack("<I", len(text)) + text + b"ios\nsystem\n."


def zip_with_pickle(pickle_bytes: bytes, path: Path) -> Path:
    """A torch-style zip archive whose data.pkl is ``pickle_bytes``."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("archive/data.pkl", pickle_bytes)
        archive.writestr("archive/byteorder", "little")
        archive.writestr("archive/version", "3\n")
    return path


def deflated_zeros(size: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``size`` zero bytes (built from one repeated full-flush block: fast), and its CRC."""
    chunk = 1 << 20
    assert size % chunk == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(chunk)) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * (size // chunk) + compressor.flush()
    crc = 0
    zero_chunk = bytes(chunk)
    for _ in range(size // chunk):
        crc = zlib.crc32(zero_chunk, crc)
    return stream, crc


def _tensor_pickle(numel: int) -> bytes:
    """``{"w": tensor}`` as torch's data.pkl, the tensor a float32 vector of ``numel`` values in storage "0"."""

    class Storage:
        pass

    marker = Storage()

    class Rebuild:
        def __reduce__(self):
            from collections import OrderedDict

            return torch._utils._rebuild_tensor_v2, (marker, 0, (numel,), (1,), False, OrderedDict())

    class Pickler(__import__("pickle").Pickler):
        def persistent_id(self, obj):
            if obj is marker:
                return ("storage", torch.FloatStorage, "0", "cpu", numel)
            return None

    buffer = io.BytesIO()
    Pickler(buffer, protocol=2).dump({"w": Rebuild()})
    return buffer.getvalue()


def zip_bomb(path: Path, size: int = 2**30) -> Path:
    """A torch file of about 1 MiB whose one float32 tensor of ``size`` bytes is deflated zeros.

    ``torch.load(path)`` would inflate all of it (a 1 GiB tensor from a 1 MiB file).
    """
    stream, crc = deflated_zeros(size)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("archive/data.pkl", _tensor_pickle(size // 4))
        archive.writestr("archive/byteorder", "little")
        archive.writestr("archive/version", "3\n")
        info = zipfile.ZipInfo("archive/data/0")
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"")  # a placeholder entry, rewritten below with the precomputed stream
    _replace_last_entry(path, stream, size, crc)
    return path


def _replace_last_entry(path: Path, stream: bytes, size: int, crc: int) -> None:
    """Rewrite the archive so that its entry ``archive/data/0`` holds ``stream`` (raw deflate of ``size`` bytes)."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    central = []
    for info, data in entries:
        offset = out.tell()
        name = info.filename.encode()
        if info.filename == "archive/data/0":
            method, packed, unpacked, entry_crc = 8, stream, size, crc
        else:
            method, packed, unpacked, entry_crc = 0, data, len(data), zlib.crc32(data)
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0, entry_crc, len(packed), unpacked,
                              len(name), 0) + name + packed)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0, entry_crc,
                                   len(packed), unpacked, len(name), 0, 0, 0, 0, 0, offset) + name)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start,
                          0))
    path.write_bytes(out.getvalue())


def claim_size(path: Path, entry_suffix: str, size: int) -> None:
    """Make the central directory claim ``size`` bytes for the stored entry ending in ``entry_suffix``."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46:at + 46 + name_length]).decode()
        if name.endswith(entry_suffix):
            struct.pack_into("<I", data, at + 24, size)
            struct.pack_into("<I", data, at + 20, size)
        at += 4
    path.write_bytes(bytes(data))
