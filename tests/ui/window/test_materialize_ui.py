"""The memory guard in the window (#16): a quiet badge on unallocated blocks, Materialize… asks or refuses first."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtWidgets import QMessageBox

from editor import Project
from tests.ui.helpers import settle


def _open(window) -> Project:
    p = Project(seed=1)
    window.set_project(p)
    assert p.keep_unallocated  # the window's project keeps layers that do not fit unallocated
    p.append_layer("Linear", in_features=4, out_features=2000)  # 39.1 KiB: too large for 30 KiB
    p.append_layer("Linear", in_features=2000, out_features=2)
    settle()
    return p


def test_badge_and_asked_materialize(window, free, monkeypatch) -> None:
    p = _open(window)
    item = window.scene.item_at_path("0")
    assert item.unallocated == "not allocated: needs 39.1 KiB"
    assert window.scene.item_at_path("1").unallocated == ""
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    free["bytes"] = 10**9
    window.materialize_actions.refresh()
    assert window.materialize_actions.materialize.isEnabled()
    window.materialize_actions.materialize.trigger()
    settle()
    assert asked == ["The design needs 39.1 KiB of memory; 953.7 MiB is free now. Allocate it and draw its values "
                     "from the seed?"]
    assert p.unallocated() == [] and window.scene.item_at_path("0").unallocated == ""
    torch.manual_seed(1)
    assert torch.equal(p.model[0].weight, torch.nn.Linear(4, 2000).weight)
    window.undo_stack.undo()
    settle()
    assert p.unallocated() == ["0"] and window.scene.item_at_path("0").unallocated


def test_refused_in_words_when_memory_is_short(window, free, monkeypatch) -> None:
    p = _open(window)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("must not ask when it cannot fit"))
    window.menus["edit"].aboutToShow.emit()  # opening the Edit menu enables it
    assert window.materialize_actions.materialize.isEnabled()
    window.materialize_actions.materialize.trigger()
    assert warned == ["The design needs 39.1 KiB of memory to be materialized, but only 29.3 KiB is free now, so it "
                      "stays unallocated. Make its layers smaller, or close other programs and try again."]
    assert p.unallocated() == ["0"]


def test_code_applied_in_the_code_tab_keeps_a_layer_too_large_unallocated(window, free) -> None:
    p = Project(seed=1)
    window.set_project(p)
    source = ("import torch.nn as nn\n\n"
              "net = nn.Sequential(nn.Linear(4, 2000), nn.ReLU(), nn.Linear(2000, 2))\n")
    assert window.code_actions.apply_code(source)
    settle()
    assert p.unallocated() == ["0"] and len(p) == 3
    assert window.scene.item_at_path("0").unallocated == "not allocated: needs 39.1 KiB"
    assert not window.code_panel.error_label.isVisible()
    window.undo_stack.undo()
    settle()
    assert len(p) == 0


def test_copy_paste_and_duplicate_keep_an_unallocated_block_unallocated(window, free) -> None:
    """Pasting a copy of a meta layer once moved it to the CPU: all of its memory, with values never drawn."""
    p = _open(window)
    window.select_nodes([p.node("0")])
    settle()
    window.edit_actions.copy.trigger()
    window.select_nodes([p.node("1")])
    window.edit_actions.paste.trigger()
    settle()
    assert p.unallocated() == ["0", "2"] and p.model[2].weight.is_meta
    assert window.scene.item_at_path("2").unallocated == "not allocated: needs 39.1 KiB"
    window.select_nodes([p.node("0")])
    window.edit_actions.duplicate.trigger()
    settle()
    assert p.unallocated() == ["0", "1", "3"]
    assert window.statusBar().currentMessage() == "Duplicated as block 1: the same weights, in modules of their own."
