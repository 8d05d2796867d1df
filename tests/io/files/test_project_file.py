"""Project files: round trips, safety against code in files, clear messages, atomic saves."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import torch
from torch import nn

from editor import Project, ProjectFileError
from editor.io.files.design_data import design_to_data
from editor.io.files.project_file import FORMAT, VERSION, open_project, to_payload
from editor.model import catalog
from editor.model.catalog.build import build_module
from editor.model.catalog.hyperparameters import validate_params
from editor.model.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[3]


def same_project(a: Project, b: Project) -> None:
    assert design_to_data(a) == design_to_data(b)
    assert repr(a.model) == repr(b.model)
    sa, sb = a.model.state_dict(), b.model.state_dict()
    assert list(sa) == list(sb)
    for key in sa:
        assert torch.equal(sa[key], sb[key]), key
    assert a.seed == b.seed and a.input_shape == b.input_shape and a.input_is_inferred == b.input_is_inferred


def test_round_trip_every_catalog_kind(tmp_path):
    layers = [build_module(k, validate_params(k, k.defaults())) for k in catalog.kinds()]
    project = Project.from_module(nn.Sequential(*layers), seed=3)
    for module in project.model.modules():  # make running statistics non-trivial
        if isinstance(module, nn.BatchNorm1d | nn.BatchNorm2d):
            module.running_mean.uniform_()
            module.num_batches_tracked += 7
    project.save(tmp_path / "all.pt")
    same_project(project, Project.load(tmp_path / "all.pt"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_round_trip_examples_keep_nesting_sharing_labels_and_canvas_state(tmp_path, name):
    project = EXAMPLES[name](5)
    if name == "nested":
        project.set_label("1", "head")
        project.set_collapsed("0", True)
    project.save(tmp_path / "p.pt")
    loaded = Project.load(tmp_path / "p.pt")
    same_project(project, loaded)
    if name == "tied":
        assert loaded[2] is loaded[4]
        assert loaded.count_parameters() == project.count_parameters() == 121
    if name == "nested":
        assert loaded.model.head is loaded[1] and loaded.node("0").collapsed
    assert loaded.auto("0" if name == "mlp" else loaded.paths()[-1]) == project.auto(
        "0" if name == "mlp" else project.paths()[-1])


def test_plain_script_can_load_the_state_dict(tmp_path):
    project = EXAMPLES["mlp"](0)
    project.save(tmp_path / "mlp.pt")
    net = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 5))
    net.load_state_dict(torch.load(tmp_path / "mlp.pt", weights_only=True)["state_dict"])
    x = torch.randn(3, 20)
    assert torch.equal(net(x), project.model(x))
    payload = torch.load(tmp_path / "mlp.pt", weights_only=True)
    assert payload["format"] == FORMAT and payload["version"] == VERSION and payload["seed"] == 0
    assert payload["input_shape"] == [3, 20] and payload["device"] == "cpu"


def test_malicious_pickle_is_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "PWNED"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    bad = tmp_path / "evil.pt"
    torch.save({"format": "layerlab", "version": 1, "design": Payload()}, bad)
    with pytest.raises(ProjectFileError) as info:
        Project.load(bad)
    assert info.value.reason == "code" and "nothing in it ran" in str(info.value)
    assert "system" in str(info.value)
    assert not marker.exists()


@pytest.mark.parametrize("make, reason, words", [
    (lambda p: p.write_bytes(b""), "empty", "empty"),
    (lambda p: p.write_bytes(os.urandom(3000)), "not_torch", "not a PyTorch"),
    (lambda p: p.mkdir(), "directory", "folder"),
    (lambda p: None, "missing", "no project file"),
])
def test_unreadable_files_get_their_own_message(tmp_path, make, reason, words):
    path = tmp_path / "x.pt"
    make(path)
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    assert info.value.reason == reason and words in str(info.value)


def test_truncated_and_incomplete_files(tmp_path):
    good = tmp_path / "good.pt"
    EXAMPLES["cnn"](0).save(good)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.pt"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ProjectFileError, match="truncated"):
        Project.load(truncated)
    incomplete = tmp_path / "incomplete.pt"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(incomplete, "w") as zout:
        for info in zin.infolist():
            if not info.filename.endswith("data.pkl"):
                del info.CRC  # project files carry no zip CRCs (torch.load never checks them)
                zout.writestr(info.filename, zin.open(info).read())
    with pytest.raises(ProjectFileError) as info:
        Project.load(incomplete)
    assert info.value.reason == "incomplete" and "data.pkl" in str(info.value)


def test_no_read_permission(tmp_path, monkeypatch):
    path = tmp_path / "locked.pt"
    EXAMPLES["mlp"](0).save(path)
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    with pytest.raises(ProjectFileError) as info:
        Project.load(path)
    assert info.value.reason == "permission" and "permission" in str(info.value)


def test_wrong_format_newer_version_and_plain_state_dicts(tmp_path):
    project = EXAMPLES["mlp"](0)
    payload = to_payload(project)
    cases = {
        "wrong_format": {**payload, "format": "keras"},
        "newer": {**payload, "version": VERSION + 1},
        "state_dict": project.model.state_dict(),
        "state_dict_wrapped": {"state_dict": project.model.state_dict(), "epoch": 3},
        "tensor": torch.ones(3),
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.pt"
        torch.save(data, path)
        with pytest.raises(ProjectFileError) as info:
            Project.load(path)
        expected = "state_dict" if name.startswith("state_dict") else name
        assert info.value.reason == expected, name
    with pytest.raises(ProjectFileError, match="made by a newer LayerLab"):
        Project.load(tmp_path / "newer.pt")
    with pytest.raises(ProjectFileError, match="Load weights into the current design"):
        Project.load(tmp_path / "state_dict_wrapped.pt")


def test_damaged_design_fields_are_named(tmp_path):
    project = EXAMPLES["tied"](0)
    payload = to_payload(project)
    broken = {**payload, "design": {**payload["design"], "layers": [
        {**payload["design"]["layers"][0], "kind": "os.system"}, *payload["design"]["layers"][1:]]}}
    torch.save(broken, tmp_path / "b.pt")
    with pytest.raises(ProjectFileError, match=r"design.layers\[0\].kind.*unknown layer kind"):
        Project.load(tmp_path / "b.pt")
    bad_params = {**payload, "design": {**payload["design"], "layers": [
        {**payload["design"]["layers"][0], "params": {"in_features": -4, "out_features": 8, "bias": True}},
        *payload["design"]["layers"][1:]]}}
    torch.save(bad_params, tmp_path / "c.pt")
    with pytest.raises(ProjectFileError, match="in_features must be an integer ≥ 1"):
        Project.load(tmp_path / "c.pt")


def test_missing_device_opens_on_cpu_with_a_notice(tmp_path):
    payload = to_payload(EXAMPLES["mlp"](0))
    payload["device"] = "cuda:7"
    torch.save(payload, tmp_path / "gpu.pt")
    if torch.cuda.device_count() > 7:
        pytest.skip("this machine has a cuda:7")
    opened = open_project(tmp_path / "gpu.pt")
    assert opened.project.device == "cpu" and "opened on the CPU" in opened.notices[0]


def test_full_disk_keeps_the_old_file_and_says_so(tmp_path, monkeypatch):
    path = tmp_path / "p.pt"
    EXAMPLES["mlp"](0).save(path)
    before = path.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    project = EXAMPLES["cnn"](0)
    with pytest.raises(ProjectFileError) as info:
        project.save(path)
    assert info.value.reason == "disk_full" and "disk is full" in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.pt"]  # no temporary file left behind


def test_no_write_permission_message(tmp_path, monkeypatch):
    from editor.io.files import atomic

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic, "_open_new", denied)
    with pytest.raises(ProjectFileError, match="no permission to write"):
        EXAMPLES["mlp"](0).save(tmp_path / "p.pt")


def test_summary_cli_on_a_saved_file(tmp_path):
    path = tmp_path / "cnn.pt"
    EXAMPLES["cnn"](0).save(path)
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "summary", str(path)], capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout
    assert out.startswith("Sequential(") and "Total params: 105,898" in out and "Trainable params: 105,898" in out
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "summary", str(tmp_path / "nope.pt")],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "no project file" in bad.stderr


def test_saving_through_a_symlink_keeps_the_link(tmp_path):
    target = tmp_path / "real.pt"
    EXAMPLES["mlp"](0).save(target)
    link = tmp_path / "link.pt"
    link.symlink_to(target)
    EXAMPLES["cnn"](0).save(link)
    assert link.is_symlink() and Project.load(target).count_parameters() == 105_898


def test_devices_and_too_long_names_get_clear_messages(tmp_path):
    for path in (Path("/dev/null"), tmp_path / ("x" * 300 + ".pt")):
        with pytest.raises(ProjectFileError):
            EXAMPLES["mlp"](0).save(path)
        with pytest.raises(ProjectFileError):
            Project.load(path)
    assert Path("/dev/null").is_char_device()


def test_torch_write_failure_on_a_full_disk_says_so(tmp_path, monkeypatch):
    import shutil

    from editor.io.files import atomic

    def broken_save(payload, target):
        raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos 1344 vs 1238")

    monkeypatch.setattr(atomic.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(100, 100, 0))
    with pytest.raises(ProjectFileError) as info:
        atomic.atomic_write(tmp_path / "p.pt", lambda target: broken_save(None, target))
    assert info.value.reason == "disk_full"
