"""Running the network: a forward from the Run tab against plain ``model(x)``, the cost of per-block
statistics on a 100-layer network, a training step against a plain loop, and the GUI's largest stall while
2,000 training steps run in the background."""

from __future__ import annotations

import gc
import statistics
import time

import torch
from torch import nn

from bench.common import Ratio, measure_pair, report, timed
from editor import Project
from editor.model.run.forward import forward, run_design

WIDTH = 256
DEPTH = 100


def design() -> Project:
    torch.manual_seed(0)
    layers: list[nn.Module] = []
    for _ in range(DEPTH // 2):
        layers += [nn.Linear(WIDTH, WIDTH), nn.ReLU()]
    p = Project.from_module(nn.Sequential(*layers))
    p.input_shape = (64, WIDTH)
    return p


def forward_ratios(p: Project) -> list[Ratio]:
    """The Run tab's forward against ``model(x)``; its statistics against the same run without them.

    The statistics row times whole runs, the forward with its statistics (``run_design``) and the same
    forward without them, alternating, so that both are measured alike (caches, noise).
    """
    x = p.make_run_input(64)
    model = p.model.eval()
    prepared = p.prepare_run(x)
    plains, forwards = [], []
    for _ in range(61):  # alternating, so that both share the machine's noise; each timed after one of its own
        with torch.no_grad():
            model(x)
            plains.append(timed(lambda: model(x)))
        prepared.execute()
        forwards.append(prepared.execute().seconds)
    plain, forward_only = statistics.median(plains), statistics.median(forwards)

    def bare() -> None:
        with torch.no_grad():
            forward(prepared.plan, x, prepared.device, lambda step, out: None)

    without, panel = measure_pair(bare, lambda: run_design(prepared.plan, model, x, prepared.device), repeat=61)
    return [
        Ratio("Run tab forward (statistics excluded) / model(x)", forward_only, plain, 1.2),
        Ratio(f"forward with per-block statistics, {DEPTH} layers / without", panel, without, 1.5),
    ]


def training_ratio(p: Project) -> Ratio:
    trainer = p.make_trainer("teacher", "adam", 1e-3, 0)
    trainer.run(3)  # warm up
    steps = 20
    model = trainer.model
    task = trainer.task
    optimizer = torch.optim.Adam([q for q in model.parameters() if q.requires_grad], lr=1e-3)

    def plain_loop() -> None:
        for _ in range(steps):
            optimizer.zero_grad(set_to_none=True)
            loss = task.loss_of(model(task.inputs))
            loss.backward()
            optimizer.step()
            float(loss.detach())

    plain_loop()
    # alternating, so that both share the machine's noise
    plain, ours = (seconds / steps for seconds in measure_pair(plain_loop, lambda: trainer.run(steps), repeat=7))
    return Ratio("a training step / plain zero_grad, loss.backward(), opt.step()", ours, plain, 1.3)


def stall_ratio() -> Ratio | None:
    """The largest gap between GUI timer ticks while 2,000 steps train in the Run tab, over one tick."""
    try:
        from PySide6.QtCore import QElapsedTimer, QTimer
        from PySide6.QtWidgets import QApplication

        from editor.ui.panels.run import RunPanel
    except ImportError:  # pragma: no cover - Qt missing
        return None
    app = QApplication.instance() or QApplication([])
    torch.manual_seed(0)
    p = Project.from_module(nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 4)))
    p.input_shape = (16, 32)
    panel = RunPanel()
    panel.set_project(p)
    box = panel.training
    box.steps.setValue(2000)
    interval = 0.010
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e9)
        last[0] = now

    timer = QTimer(interval=int(interval * 1000))
    timer.timeout.connect(tick)
    timer.start()
    box.train.click()
    deadline = time.monotonic() + 120
    while not box.keep.isEnabled() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    box.on_revert()
    return Ratio("largest GUI stall during 2,000 training steps / a 10 ms tick", max(gaps[1:]), interval, 10.0)


def run() -> bool:
    p = design()
    # As in the app, whose start-up freezes every object alive then (editor.ui.startup.warm_up): the
    # collection before each timed run then walks the few objects made since, not torch's hundreds of
    # thousands, which would flush the caches first.
    gc.freeze()
    try:
        statistics_rows = forward_ratios(p)
    finally:
        gc.unfreeze()
    ratios = [*statistics_rows, training_ratio(p)]
    stall = stall_ratio()
    if stall is not None:
        ratios.append(stall)
    return report("Run (forward, statistics, training, GUI while training)", ratios)
