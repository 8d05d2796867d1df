"""Issue #13: choosing a device in the picker moves a big model on a worker thread, with progress and Cancel.

This machine may have no GPU, so the move goes to ``cpu:0``, a device torch
tells apart from ``cpu``: the copies are real and the values can be read back.
"""

from __future__ import annotations

import threading
import time

import torch
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from torch import nn

from editor import Project
from editor.model.run.devices import PreparedMove
from editor.ui.window import toolbar as toolbar_module
from tests.ui.helpers import settle


def big_enough(monkeypatch) -> None:
    monkeypatch.setattr(toolbar_module, "BIG_MOVE", 0)  # every model counts as big: the worker path


def test_a_big_move_copies_on_a_worker_and_is_one_undo_step(window, monkeypatch):
    big_enough(monkeypatch)
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(20, 10), nn.BatchNorm1d(10)), seed=1))
    before = {k: v.clone() for k, v in window.project.model.state_dict().items()}
    threads = []
    original = PreparedMove.copy

    def copy(self, *args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PreparedMove, "copy", copy)
    window.toolbar.device.device_chosen.emit("cpu:0")
    settle()
    assert threads == [False]  # copied off the GUI thread
    assert window.project.device == "cpu:0"
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Move model to cpu:0"
    for key, value in window.project.model.state_dict().items():
        assert torch.equal(value, before[key]), key
    window.undo_stack.undo()
    settle()
    assert window.project.device == "cpu"
    assert window.toolbar.device.current_device() == "cpu"


def test_a_move_that_fails_on_the_worker_is_said_in_words_and_moves_nothing(window, monkeypatch):
    big_enough(monkeypatch)
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(20, 10)), seed=1))
    messages = []
    window.session.message.connect(messages.append)

    def copy(self, *args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(PreparedMove, "copy", copy)
    window.toolbar.device.device_chosen.emit("cpu:0")
    settle()
    assert window.project.device == "cpu" and window.undo_stack.count() == 0
    assert messages[-1] == "The model could not be moved to cpu:0: There is not enough memory for it."
    assert window.toolbar.device.current_device() == "cpu"


def test_cancelling_the_copy_keeps_the_model_where_it_was(window, monkeypatch):
    big_enough(monkeypatch)
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(20, 10)), seed=1))
    messages = []
    window.session.message.connect(messages.append)
    original = PreparedMove.copy
    started = threading.Event()

    def copy(self, progress=None, cancelled=None):  # a slow copy: it goes on until Cancel is pressed
        started.set()
        for _ in range(500):
            if cancelled():
                break
            time.sleep(0.01)
        return original(self, progress, cancelled)

    def press_cancel():
        started.wait(5)
        dialog = window.toolbar.findChild(QProgressDialog, "moveProgress")
        button = dialog.findChild(QPushButton)
        assert button.text() == "Cancel"
        button.click()

    monkeypatch.setattr(PreparedMove, "copy", copy)
    QTimer.singleShot(50, press_cancel)
    window.toolbar.device.device_chosen.emit("cpu:0")
    settle()
    assert window.project.device == "cpu" and window.undo_stack.count() == 0
    assert messages[-1] == "Move cancelled: the model stays on cpu."
