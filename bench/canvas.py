"""Canvas goals: edits in a 1,000-block design update model and canvas within a frame; opening is cheap."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch
from PySide6.QtWidgets import QApplication
from torch import nn

from bench.common import Ratio, measure, report
from bench.model import WIDTH, N, build, meta_forward_floor
from editor import Project


def run() -> bool:
    app = QApplication.instance() or QApplication([])
    from editor.ui.canvas.scene import CanvasScene
    from editor.ui.canvas.view import CanvasView

    torch.manual_seed(0)
    meta = meta_forward_floor()
    project = Project.from_module(build())
    project.input_shape = (3, WIDTH)
    view = CanvasView()
    view.resize(900, 700)
    scene = CanvasScene(project)
    view.setScene(scene)
    view.show()
    app.processEvents()

    def flush():
        app.processEvents()

    def undo_insert():
        if len(project) != N:
            del project[N // 2]
        flush()

    insert = measure(lambda: (project.insert(N // 2, nn.ReLU()), flush()), setup=undo_insert)
    undo_insert()
    delete = measure(lambda: (project.__delitem__(N // 2), flush()),
                     setup=lambda: (project.insert(N // 2, nn.ReLU()), flush()))
    assert len(scene.top) == len(project)
    construct = measure(build, repeat=5)
    open_canvas = measure(lambda: CanvasScene(project).detach(), repeat=5)
    view.close()

    return report(f"Canvas ({N} blocks; meta forward {meta * 1e3:.1f} ms)", [
        Ratio("insert in the middle, model and canvas / meta forward", insert, meta, 1 / 25),
        Ratio("delete in the middle, model and canvas / meta forward", delete, meta, 1 / 25),
        Ratio("opening the canvas / building the nn.Sequential", open_canvas, construct, 2),
    ])


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
