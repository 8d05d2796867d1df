"""Code panel goals: showing the code costs little more than generating it, and typing stays local.

1. After an edit, the panel's refresh (generate, replace the lines that changed, highlight
   them, the note about the weights) costs at most 1.5x ``project.to_code()``
   alone: only changed lines are replaced and lexed, so the display adds little.
2. In edit mode, typing one character in the code of a 2,000-layer design costs
   at most 5x typing it in the code of a 20-layer design: only the touched
   line is lexed again.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from bench.common import Ratio, measure, report
from editor import Project

SMALL, LARGE = 20, 2_000


def design(layers: int) -> Project:
    p = Project(seed=0)
    p.append_layer("Linear", in_features=32, out_features=32)
    with p.transaction("build"):
        for i in range(layers - 1):
            p.append_layer("ReLU" if i % 2 else "Linear", **({} if i % 2 else {"out_features": 32}))
    p.input_shape = (4, 32)
    return p


def run() -> bool:
    app = QApplication.instance() or QApplication([])
    from editor.ui.panels.code.panel import CodePanel

    panels = {}
    for layers in (SMALL, LARGE):
        project = design(layers)
        panel = CodePanel()
        panel.resize(1000, 400)
        panel.show()
        panel.set_project(project)
        app.processEvents()
        panels[layers] = (panel, project)

    panel, project = panels[LARGE]
    toggle = iter(range(10**6))

    def edit() -> None:
        project.set_hyperparameters("0", out_features=32 + next(toggle) % 2)

    generate = measure(project.to_code, repeat=7, setup=edit)
    refresh = measure(panel.refresh, repeat=7, setup=edit)

    def typing(layers: int) -> float:
        panel, _ = panels[layers]
        panel.enter_edit_mode()
        editor = panel.editor
        block = editor.document().findBlockByNumber(editor.blockCount() // 2)

        def type_one() -> None:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText("x")
            app.processEvents()

        return measure(type_one, repeat=15)

    type_small, type_large = typing(SMALL), typing(LARGE)
    return report(f"Code panel ({LARGE:,}-layer design; typing vs a {SMALL}-layer one)", [
        Ratio("refresh after an edit / project.to_code() alone", refresh, generate, 1.5),
        Ratio(f"type one character: {LARGE:,} layers / {SMALL} layers", type_large, type_small, 5),
    ])


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
