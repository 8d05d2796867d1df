"""Every bad file gets a short message in LayerLab's words: no torch text, no internal names, under 300 characters."""

from __future__ import annotations

import copy
import io
import os
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import torch

from editor import Project, ProjectFileError
from editor.io.files.project_file import to_payload
from editor.io.files.safe_load import safe_torch_load
from editor.model.examples import EXAMPLES
from tests.io.files.hostile import inst_pickle, zip_with_pickle

LIMIT = 300
RAW = ("PyTorch 2.6", "weights_only", "make_rule", "got multiple values", "Error(s) in loading", "Traceback",
       "object has no attribute", "unhashable", "not subscriptable", "TypeError", "KeyError", "AttributeError",
       "RuntimeError", "UnpicklingError", "IndexError", "RecursionError", "editor.")


def assert_clear(error: ProjectFileError) -> None:
    message = str(error)
    assert message and len(message) < LIMIT, f"{len(message)} characters: {message}"
    assert not [raw for raw in RAW if raw in message], message
    assert "\n" not in message, message


def open_or_refuse(path: Path) -> str:
    started = time.monotonic()
    try:
        Project.load(path)
        outcome = "opened"
    except ProjectFileError as error:
        assert_clear(error)
        outcome = error.reason
    assert time.monotonic() - started < 20, "opening one file must never hang"
    return outcome


@pytest.mark.parametrize("zipped", [False, True])
def test_an_inst_opcode_pickle_is_named_as_code_in_our_words(tmp_path, zipped):
    marker = tmp_path / "ran"
    command = f"touch {marker}"
    path = tmp_path / "inst.pt"
    if zipped:
        zip_with_pickle(inst_pickle(command), path)
    else:
        path.write_bytes(inst_pickle(command))
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    assert info.value.reason == "code" and "os.system" in str(info.value) and "nothing in it ran" in str(info.value)
    assert_clear(info.value)
    assert "PyTorch 2.6" in (info.value.detail or "")  # torch's own words are kept for a log, not shown
    assert not marker.exists()


def test_a_pickle_with_opcodes_torch_does_not_read_is_unsupported_not_code(tmp_path):
    path = zip_with_pickle(b"S'an old protocol-0 string'\n.", tmp_path / "old.pt")
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    assert info.value.reason == "unsupported" and "nothing in it ran" in str(info.value)
    assert_clear(info.value)


def test_random_bytes_are_not_taken_for_code(tmp_path):
    path = tmp_path / "junk.pt"
    path.write_bytes(b"i" + os.urandom(200))  # starts with the INST opcode, then nothing a pickle could be
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    assert info.value.reason == "not_torch"
    assert_clear(info.value)


def _design_payload() -> dict[str, Any]:
    project = EXAMPLES["nested"](0)
    project.initialize("xavier_uniform_", kind="Linear")
    return to_payload(project)


def test_a_tree_with_a_cycle_gets_a_short_message(tmp_path):
    payload = _design_payload()
    group = payload["design"]["root"]["children"][0]
    group["children"].append(group)
    torch.save(payload, tmp_path / "cycle.pt")
    with pytest.raises(ProjectFileError, match="appears twice in the tree") as info:
        Project.load(tmp_path / "cycle.pt")
    assert_clear(info.value)


def test_deep_nesting_and_exponential_trees_are_refused_quickly(tmp_path):
    payload = _design_payload()
    deep = payload["design"]["root"]
    for _ in range(200):
        deep = {"type": "group", "label": None, "collapsed": False, "children": [deep]}
    torch.save({**payload, "design": {**payload["design"], "root": deep}}, tmp_path / "deep.pt")
    assert open_or_refuse(tmp_path / "deep.pt") == "invalid"
    wide = payload["design"]["root"]
    for _ in range(60):  # 2**60 nodes if each group were unfolded
        wide = {"type": "group", "label": None, "collapsed": False, "children": [wide, wide]}
    torch.save({**payload, "design": {**payload["design"], "root": wide}}, tmp_path / "wide.pt")
    assert open_or_refuse(tmp_path / "wide.pt") == "invalid"


JUNK: list[Any] = [None, -1, 0, 10**30, -(10**30), 2.5, float("nan"), float("inf"), True, "", "x", "x" * 5000,
                   [], {}, (1, 2), [None], {"type": "group"}, {"type": "block", "layer": 99}, torch.ones(2),
                   torch.ones(2, dtype=torch.complex64), ["weight"], [[[[[]]]]], {"a": {"b": {}}}]


def _fields(payload: dict[str, Any]) -> Iterator[tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]]:
    """Every field of a project file, as (name, the dict that holds it in a given copy of the payload)."""
    for key in payload:
        yield key, lambda p: p
    for key in ("layers", "root"):
        yield f"design.{key}", lambda p: p["design"]
    for i, layer in enumerate(payload["design"]["layers"]):
        for key in (*layer, "frozen"):
            yield f"layers[{i}].{key}", lambda p, i=i: p["design"]["layers"][i]
        for key in layer["params"]:
            yield f"layers[{i}].params.{key}", lambda p, i=i: p["design"]["layers"][i]["params"]
    nodes = [("root", lambda p: p["design"]["root"])]
    while nodes:
        where, get = nodes.pop()
        node = get(payload)
        for key in (*node, "children", "layer"):
            yield f"{where}.{key}", get
        for j, _ in enumerate(node.get("children", [])):
            nodes.append((f"{where}.children[{j}]", lambda p, get=get, j=j: get(p)["children"][j]))
    for key in payload["init_rules"][0]:
        yield f"init_rules[0].{key}", lambda p: p["init_rules"][0]
    yield "init_rules[0].args.gain", lambda p: p["init_rules"][0]["args"]


def test_wrong_types_in_every_field_open_or_get_a_clear_message(tmp_path):
    base = _design_payload()
    path = tmp_path / "fuzz.pt"
    outcomes: dict[str, int] = {}
    count = 0
    for name, holder in _fields(base):
        key = name.rpartition(".")[2]
        for junk in JUNK:
            payload = copy.deepcopy(base)
            holder(payload)[key] = junk
            buffer = io.BytesIO()
            torch.save(payload, buffer)
            path.write_bytes(buffer.getvalue())
            outcome = open_or_refuse(path)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            count += 1
    assert count > 1000 and outcomes.get("invalid", 0) > 300, outcomes


def _damaged(data: bytes, rng: random.Random) -> Iterator[bytes]:
    for _ in range(150):
        yield data[: rng.randrange(len(data))]  # truncated
    for _ in range(150):
        chunk = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            chunk[rng.randrange(len(chunk))] = rng.randrange(256)
        yield bytes(chunk)
    for _ in range(50):
        yield os.urandom(rng.randint(1, 5000))
    for _ in range(50):
        yield b"PK\x03\x04" + os.urandom(rng.randint(1, 5000))
    for _ in range(50):
        yield b"\x80\x02" + bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))  # a pickle's start


def test_damaged_and_random_files_get_clear_messages(tmp_path):
    good = tmp_path / "good.pt"
    EXAMPLES["tied"](0).save(good)
    rng = random.Random(17)
    path = tmp_path / "damaged.pt"
    reasons: dict[str, int] = {}
    for blob in _damaged(good.read_bytes(), rng):
        path.write_bytes(blob)
        outcome = open_or_refuse(path)
        reasons[outcome] = reasons.get(outcome, 0) + 1
    assert reasons.get("truncated", 0) > 50 and reasons.get("not_torch", 0) > 20, reasons


def test_long_file_names_are_shortened_in_messages(tmp_path):
    folder = tmp_path / ("deep" * 30)
    folder.mkdir()
    path = folder / "missing.pt"
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    assert_clear(info.value)
    assert str(info.value).count("deep") < 20 and "missing.pt" in str(info.value)
    assert info.value.path == str(path)  # the whole path is still there for the app


def test_a_pickle_string_with_a_bad_escape_gives_no_warning(recwarn):
    """A stranger's STRING opcode with an invalid escape: pickletools would warn while LayerLab looks at it."""
    from editor.io.files.safe_load import _asks_code

    assert _asks_code(b"S'\\\xda'\n.", "c") is None  # a well-formed pickle that asks for no code
    assert not [w for w in recwarn if issubclass(w.category, DeprecationWarning)]


def test_a_numpy_array_saved_with_torch_save_is_refused_in_words_that_fit(tmp_path):
    """A learner's torch.save(np_array): still refused (its pickle names NumPy code), but not as an attack."""
    import numpy as np

    path = tmp_path / "array.pt"
    torch.save(np.arange(6, dtype=np.float32).reshape(2, 3), path)
    with pytest.raises(ProjectFileError) as info:
        safe_torch_load(path)
    assert info.value.reason == "code" and "holds a NumPy array" in str(info.value)
    assert "torch.from_numpy(array)" in str(info.value) and "sources you trust" not in str(info.value)
