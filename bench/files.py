"""File goals: save and open close to plain torch.save / torch.load, and no stalls while a big project opens."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools

import torch
from torch import nn

from bench.common import Ratio, measure, report
from editor import Project
from editor.io.files.project_file import open_project, save_project, save_without_crc


def build(blocks: int, width: int) -> nn.Sequential:
    with torch.random.fork_rng(devices=[]):
        return nn.Sequential(*[nn.Linear(width, width) for _ in range(blocks)])


def torch_save_fsynced(state: dict, path: Path) -> None:
    """The floor of a durable save: ``torch.save`` of the same tensors, then ``os.fsync`` of the file."""
    with open(path, "wb") as file:
        torch.save(state, file)
        file.flush()
        os.fsync(file.fileno())


def max_stalls_in_app(path: Path, saved: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """((largest gap, seconds) while ``path`` opens in the app, (largest gap, seconds) while it is saved to ``saved``).

    A gap is the time between ticks of a 10 ms QTimer on the GUI thread.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.show()
    app.processEvents()

    def watched(work) -> tuple[float, float]:
        ticks: list[float] = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        start = time.perf_counter()
        ticks.append(start)
        assert work()
        took = time.perf_counter() - start
        ticks.append(time.perf_counter())
        timer.stop()
        return max(b - a for a, b in itertools.pairwise(ticks)), took

    opening = watched(lambda: window.file_actions.open_path(path, ask=False))
    assert window.project.parameter_bytes() > 300 * 2**20
    saving = watched(lambda: window.file_actions.save_to(saved))
    window.undo_stack.setClean()
    window.close()
    return opening, saving


def run() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="layerlab-bench-"))
    model = build(25, 1024)  # about 100 MB of parameters
    project = Project.from_module(model)
    floor_save = measure(lambda: torch_save_fsynced(model.state_dict(), folder / "floor.pt"), repeat=9, best=True)
    plain_save = measure(lambda: torch.save(model.state_dict(), folder / "plain.pt"), repeat=9, best=True)
    ours_save = measure(lambda: save_project(project, folder / "ours.pt"), repeat=9, best=True)
    floor_no_crc = measure(lambda: save_without_crc(model.state_dict(), str(folder / "nocrc.pt")), repeat=9,
                           best=True)
    floor_load = measure(lambda: torch.load(folder / "floor.pt", weights_only=True, map_location="cpu"), repeat=9,
                         best=True)
    floor_build = measure(lambda: build(25, 1024), repeat=9, best=True)
    ours_open = measure(lambda: open_project(folder / "ours.pt"), repeat=9, best=True)

    big = Project.from_module(build(100, 1024))  # about 400 MB
    save_project(big, folder / "big.pt")
    del big
    (stall, took), (save_stall, save_took) = max_stalls_in_app(folder / "big.pt", folder / "big-saved.pt")
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    rows = [
        Ratio("save / (torch.save(model.state_dict()) + os.fsync)", ours_save, floor_save, 1.2),
        Ratio("open / (torch.load(weights_only=True) + building the modules)", ours_open,
              floor_load + floor_build, 1.2),
    ]
    ok = report("Files (100 MB project)", rows)
    # Project files skip zip CRC32s (torch.load never reads them) but are fsynced; torch.save computes
    # CRCs and is not fsynced. For transparency, the same save against a CRC-less torch.save:
    print(f"  [info] save / torch.save without CRCs (the fsync's own cost): {ours_save / floor_no_crc:.4f}; "
          f"save / plain torch.save (not durable): {ours_save / plain_save:.4f}")
    stalls = [Ratio(f"largest GUI stall while a 400 MB project opens ({took:.1f} s) / 100 ms", stall, 0.1, 1.0),
              Ratio(f"largest GUI stall while a 400 MB project is saved ({save_took:.1f} s) / 100 ms", save_stall,
                    0.1, 1.0)]
    return report("Files in the app (400 MB project; a 10 ms timer ticks on the GUI thread)", stalls) and ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
