"""Run by the tests under a real X server (``xvfb-run``): what only a real platform theme and screen show.

``python -m tests.ui.window.x11_probe [--window]`` prints one JSON object:

- ``platform``, and ``bindings``: the keys Qt gives each standard key in
  :data:`tests.ui.window.shortcut_table.STANDARD_KEYS` under this process's
  platform theme (``QT_QPA_PLATFORMTHEME``);
- with ``--window``: ``ambiguous`` (Qt's "Ambiguous shortcut overload"
  warnings), ``ctrl_d`` (blocks before and after Ctrl+D on a selected block),
  and the window's width before and after a long shape error against the
  screen's (``widths``, ``screen``).

Settings, autosaves and the home folder go to a temporary folder.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile


def main() -> None:
    home = tempfile.mkdtemp(prefix="layerlab-probe-")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = home
    from PySide6.QtCore import QSettings, Qt, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication, QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.ui.window.shortcut_table import STANDARD_KEYS

    warnings: list[str] = []
    qInstallMessageHandler(lambda kind, context, message: warnings.append(message))
    app = QApplication(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)
    result: dict[str, object] = {
        "platform": QGuiApplication.platformName(),
        "bindings": {name: [k.toString() for k in QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))]
                     for name in STANDARD_KEYS["x11"]},
    }
    if "--window" in sys.argv:
        result.update(window_checks(app, QTest, Qt))
    result["ambiguous"] = [w for w in warnings if "mbiguous" in w]
    print(json.dumps(result))


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def window_checks(app, QTest, Qt) -> dict[str, object]:  # noqa: N803 - the Qt names, passed in
    from torch import nn

    from editor import Project
    from editor.ui.window.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    settle(app)
    window.set_project(Project.from_module(nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU())))
    settle(app)
    window.select_nodes([window.project.node("0")])
    window.view.setFocus()
    settle(app)
    before = len(window.project)
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(app)
    after = len(window.project)
    widths = [window.frameGeometry().width()]
    # A shared Linear that gets 4 features at one place and 8 at the other: a very long shape error.
    project = window.project
    last = str(len(project) - 2)  # the last Linear (Ctrl+D may have added one)
    project.share("0", last)
    project.insert_layer(last, "Linear", out_features=4)
    settle(app)
    widths.append(window.frameGeometry().width())
    status = window.status.shapes
    texts = [status.text(), status.shown_text()]
    window.undo_stack.undo()
    settle(app)
    widths.append(window.frameGeometry().width())
    screen = window.screen().geometry()
    return {"ctrl_d": [before, after], "widths": widths, "screen": [screen.width(), screen.height()],
            "status": texts, "frame_right": window.frameGeometry().right()}


if __name__ == "__main__":
    main()
