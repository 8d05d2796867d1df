"""``layerlab import SRC.py -o PROJECT.pt``: run in-process through ``editor.cli.main.main``."""

from __future__ import annotations

import io

import pytest
import torch

from editor import Project
from editor.cli.main import main

SOURCE = """\
import torch
from torch import nn

torch.manual_seed(7)
shared = nn.Linear(8, 8)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, shared)
"""

SEVERAL = """\
from torch import nn
first = nn.Sequential(nn.Linear(2, 2))
second = nn.Sequential(nn.Tanh(), nn.Linear(2, 3))
"""


def test_import_writes_a_project(tmp_path, capsys):
    src = tmp_path / "net.py"
    src.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "net.pt"
    assert main(["import", str(src), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Saved" in captured.out and "seed 7" in captured.out
    assert captured.err == ""
    project = Project.load(out)
    assert project.seed == 7 and project.weights_from_seed
    assert project.model[2] is project.model[3]
    namespace: dict = {}
    exec(SOURCE, namespace)  # trusted test source: the reference
    for key, value in namespace["model"].state_dict().items():
        assert torch.equal(project.model.state_dict()[key], value)


def test_seed_option_overrides_the_source(tmp_path, capsys):
    src = tmp_path / "net.py"
    src.write_text(SOURCE, encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "p.pt"), "--seed", "3"]) == 0
    assert Project.load(tmp_path / "p.pt").seed == 3


def test_an_error_names_file_line_and_column_and_keeps_the_output(tmp_path, capsys):
    src = tmp_path / "bad.py"
    src.write_text("from torch import nn\nmodel = nn.Sequential(\n    nn.Linear(2, 2), nn.LSTM(2, 2))\n",
                   encoding="utf-8")
    out = tmp_path / "keep.pt"
    out.write_bytes(b"precious")
    assert main(["import", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{src}:3:22: nn.LSTM is not a layer LayerLab knows")
    assert out.read_bytes() == b"precious"


def test_several_models_default_and_choose(tmp_path, capsys):
    src = tmp_path / "two.py"
    src.write_text(SEVERAL, encoding="utf-8")
    out = tmp_path / "two.pt"
    assert main(["import", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "defines 2 models; took second (line 3)" in err and "first (line 2)" in err and "--choose" in err
    assert len(Project.load(out)) == 2
    assert main(["import", str(src), "-o", str(out), "--choose", "first"]) == 0
    assert "defines" not in capsys.readouterr().err
    assert len(Project.load(out)) == 1
    assert main(["import", str(src), "-o", str(out), "--choose", "third"]) == 1
    assert "no model called 'third'" in capsys.readouterr().err


def test_notices_go_to_stderr(tmp_path, capsys):
    src = tmp_path / "init.py"
    src.write_text("from torch import nn\nmodel = nn.Sequential(nn.Linear(2, 2))\nmodel.apply(print)\n",
                   encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "p.pt")]) == 0
    assert "note: Line 3" in capsys.readouterr().err


def test_missing_source_unreadable_source_and_overwriting_the_source(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.py"), "-o", str(tmp_path / "p.pt")]) == 1
    assert "cannot read" in capsys.readouterr().err
    binary = tmp_path / "bin.py"
    binary.write_bytes(b"\xff\xfe\x00model")
    assert main(["import", str(binary), "-o", str(tmp_path / "p.pt")]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    src = tmp_path / "net.py"
    src.write_text(SOURCE, encoding="utf-8")
    assert main(["import", str(src), "-o", str(src)]) == 1
    assert "is the source file itself" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == SOURCE
    assert not (tmp_path / "p.pt").exists()


def test_source_from_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(SEVERAL))
    assert main(["import", "-", "-o", str(tmp_path / "p.pt"), "--choose", "first"]) == 0
    assert len(Project.load(tmp_path / "p.pt")) == 1


def test_help_and_missing_output(capsys):
    with pytest.raises(SystemExit) as info:
        main(["import", "--help"])
    assert info.value.code == 0
    assert "without running the code" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit) as info:
        main(["import", "net.py"])
    assert info.value.code == 2


def test_a_seed_out_of_range_is_a_usage_error_about_the_option(tmp_path, capsys):
    src = tmp_path / "net.py"
    src.write_text(SOURCE, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["import", str(src), "-o", str(tmp_path / "net.pt"), "--seed", str(2**64)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--seed" in err and "out of range" in err and "net.py:" not in err
    assert not (tmp_path / "net.pt").exists()


def test_pipes_and_devices_are_refused_before_reading(tmp_path, capsys):
    import os

    fifo = tmp_path / "model.py"
    os.mkfifo(fifo)  # reading it would block forever
    assert main(["import", str(fifo), "-o", str(tmp_path / "out.pt")]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert main(["import", "/dev/zero", "-o", str(tmp_path / "out.pt")]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_a_lazy_model_s_line_says_how_many_parameters_it_has_once_sized(tmp_path, capsys):
    from editor.cli.main import main

    source = tmp_path / "lazy.py"
    source.write_text("import torch\nfrom torch import nn\n\nnet = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), "
                      "nn.LazyLinear(10))\nX = torch.rand(2, 20)\nnet(X)\n")
    assert main(["import", str(source), "-o", str(tmp_path / "lazy.pt")]) == 0
    out = capsys.readouterr().out
    assert "0 parameters before its lazy layers are sized by the input" in out
    assert out.rstrip().endswith("sized by the input, it has 7,946 parameters.")  # 20*256+256 + 256*10+10
