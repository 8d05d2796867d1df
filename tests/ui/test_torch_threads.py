"""Torch's threads in the app: the GUI thread runs torch alone, each job with all the threads (editor.ui.torch_threads).

In a process of its own: the settings are the process's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import os, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.startup import Startup
startup = Startup(share_threads=SHARE)
startup.show()
assert startup.wait_until_live(120)
import torch
from editor.ui.jobs import JobRunner
runner, seen = JobRunner(), []
def job(context):
    a = torch.randn(300, 300)
    (a @ a).sum()
    return torch.get_num_threads()
for turn in range(2):
    runner.submit(job, on_done=seen.append)
    while len(seen) <= turn:
        app.processEvents()
print(os.cpu_count(), torch.get_num_threads(), *seen)
"""


def threads(share: bool) -> list[int]:
    out = subprocess.run([sys.executable, "-c", SCRIPT.replace("SHARE", str(share))], capture_output=True, text=True,
                         timeout=180, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    return [int(n) for n in out.stdout.split()]


def test_the_app_s_gui_thread_runs_torch_alone_and_each_job_with_every_thread():
    """More OpenMP threads than cores make GNU OpenMP's idle workers sleep at once: the GUI thread makes none."""
    _, gui, *jobs = threads(share=True)
    default = threads(share=False)[1]  # what torch takes by itself
    assert jobs == [default, default] and gui == (1 if default > 1 else default)
