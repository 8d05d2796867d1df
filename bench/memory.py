"""Memory goal (#16): editing a 10-billion-parameter design stays below 1.5 GB of peak RSS.

A fresh subprocess edits the design through the Project API the way the
editor does (``keep_unallocated``, as the window's project has it): it builds
a 10,000,000,000-parameter design whose big layer stays unallocated, then
changes hyperparameters, inserts, moves, deletes and undoes, reads the
summary, ``print(net)`` and the exported code, saves the design without the
unallocated weights and opens it again. It reports its peak resident set
size (``VmHWM`` in ``/proc/self/status``). The free memory the project sees is capped at 8 GB, so
that the big layer is unallocated whatever this machine has (on a machine
with 40 GB free it would be allocated, and a learner would be asked first).

The floor, printed for context, is the peak RSS of a bare
``import torch, editor`` process measured in the same run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

from bench.common import save_results

GOAL = 1.5 * 2**30
CAP = 8 * 2**30

PEAK = """
def peak_rss():
    # VmHWM: this process's own high-water mark. ru_maxrss would also count the parent's pages at fork time.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
"""

FLOOR_SCRIPT = PEAK + """
import torch, editor
print(peak_rss())
"""

EDIT_SCRIPT = PEAK + """
import json, os, tempfile, time
import torch
from editor import Project
from editor.model.catalog import memory

memory.SOURCES = (*memory.SOURCES, lambda: %(cap)d)  # as on a machine with at most this much free
start = time.perf_counter()
p = Project(seed=0)
p.keep_unallocated = True
p.input_shape = (8, 100_000)
p.append_layer("LayerNorm", normalized_shape=100_000)
p.append_layer("ReLU")
p.append_layer("Linear", in_features=100_000, out_features=99_990)   # about 10 billion parameters
p.append_layer("ReLU")
p.append_layer("Linear", in_features=99_990, out_features=10)
p.set_hyperparameters("2", out_features=100_000)                       # rebuilt, still unallocated
p.set_hyperparameters("4", in_features="auto")
with p.transaction("edits") as tx:
    p.insert_layer(1, "Dropout", p=0.1)
    p.move("1", "3")
    del p[3]
p.revert(tx)
p.replay(tx)
assert p.unallocated() == ["2"], p.unallocated()
count = p.count_parameters()
text = repr(p.model) + p.summary() + p.to_code()
path = os.path.join(tempfile.mkdtemp(), "big.pt")
p.save(path)
q = Project.load(path)
assert q.unallocated() == ["2"] and q.count_parameters() == count
print(json.dumps({"rss": peak_rss(), "params": count,
                  "seconds": time.perf_counter() - start, "file": os.path.getsize(path)}))
"""


@dataclass
class MemoryRow:
    """A peak-RSS goal: ``value`` bytes must stay below ``goal``; ``floor`` is a bare process, for context."""

    name: str
    value: float
    floor: float
    goal: float

    @property
    def ok(self) -> bool:
        return self.value < self.goal

    def line(self) -> str:
        mark = "ok  " if self.ok else "MISS"
        return (f"  [{mark}] {self.name:<58} {self.value / 2**30:6.2f} GB  (goal < {self.goal / 2**30:g} GB; floor "
                f"{self.floor / 2**30:.2f} GB for import torch, editor; {self.value / self.floor:.2f}× the floor)")


def _python(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout.strip().splitlines()[-1]


def run() -> bool:
    floor = float(_python(FLOOR_SCRIPT))
    edited = json.loads(_python(EDIT_SCRIPT % {"cap": CAP}))
    row = MemoryRow("peak RSS while editing a 10B-parameter design", edited["rss"], floor, GOAL)
    title = (f"Memory ({edited['params']:,} parameters, the big layer unallocated; edits, print(net), code, save and "
             f"open took {edited['seconds']:.1f} s; the file is {edited['file'] / 2**20:.1f} MB)")
    print(title)
    print(row.line())
    save_results("memory", {"tables": [{"title": title, "rows": [
        {"name": row.name, "ratio": row.value / row.floor, "goal_bytes": row.goal, "ok": row.ok,
         "value_bytes": row.value, "floor_bytes": row.floor}]}]})
    return row.ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
