"""Opening a definition dialog imports what torch's Python meta kernels need, on a thread of its own."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_custom_layer_dialog_imports_what_torch_s_python_meta_kernels_need_beside_the_learner():
    """The first ``x @ weight`` on the meta device imported torch._dynamo in the dialog's first preview (1.2-2 s)."""
    script = textwrap.dedent("""
        import os, sys, threading
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from editor import Project
        from editor.model import meta
        from editor.ui.dialogs.custom_layer import CustomLayerDialog
        before = "torch._dynamo" in sys.modules
        dialog = CustomLayerDialog(Project(seed=0))
        started = [t.name for t in meta._preparing] == ["layerlab-meta-kernels"]  # by the dialog
        thread = meta.prepare_meta_kernels_in_background()
        again = CustomLayerDialog(Project(seed=0))  # one import for the process
        same = meta.prepare_meta_kernels_in_background() is thread
        thread.join(120)
        print(before, started, same, "torch._dynamo" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "True", "True", "True"]


def test_editing_code_starts_it_too_as_classes_read_from_code_are_checked_on_the_meta_device():
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from editor.model import meta
        from editor.ui.panels.code.panel import CodePanel
        panel = CodePanel()
        before = "torch._dynamo" in sys.modules
        panel.enter_edit_mode()
        started = len(meta._preparing) == 1  # by the panel
        thread = meta.prepare_meta_kernels_in_background()
        thread.join(120)
        print(before, started, "torch._dynamo" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "True", "True"]
