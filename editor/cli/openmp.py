"""How torch's OpenMP worker threads wait between parallel regions: set as the app starts, before torch loads.

torch's Linux wheels run their parallel CPU kernels on GNU OpenMP (``libgomp``).
Each thread that runs one gets a team of worker threads of its own, kept while
that thread lives. LayerLab runs torch on the GUI thread and in background jobs
(a run, a histogram, a move), so it has more OpenMP threads than the machine has
cores as soon as a job runs. libgomp then lets an idle worker spin only 100 times
before it sleeps (about 3 ms otherwise), and most parallel regions after that
wait for a sleeping worker to be woken: on a 2-core machine the Run tab's forward
of a 100-layer MLP took 5.4 ms in its job, where ``model(x)`` takes 3.9 ms.

``OMP_WAIT_POLICY=ACTIVE`` with ``GOMP_SPINCOUNT=300000`` keeps libgomp's usual
wait (300,000 spins, then sleep) and makes that short one 1,000 spins: enough to
catch the next region of a forward, too short to keep a core busy (the same
forward then takes 3.9 ms in the job). They are set only where torch ships
libgomp (other OpenMP runtimes read ``OMP_WAIT_POLICY=ACTIVE`` as "never
sleep"), only when neither is set already, and only before torch is imported
(libgomp reads them as it loads).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

SETTINGS = {"OMP_WAIT_POLICY": "ACTIVE", "GOMP_SPINCOUNT": "300000"}


def tune_openmp(environ: MutableMapping[str, str] = os.environ, modules: Mapping[str, object] = sys.modules,
                torch_folder: Path | None = None) -> bool:
    """Set ``SETTINGS`` in ``environ`` where they apply (see the module's docstring); whether they were set.

    ``torch_folder`` is where torch is installed (found without importing it when not given).
    """
    if "torch" in modules or any(name in environ for name in SETTINGS):
        return False
    if torch_folder is None:
        spec = importlib.util.find_spec("torch")
        if spec is None or spec.origin is None:
            return False
        torch_folder = Path(spec.origin).parent
    if not any((torch_folder / "lib").glob("libgomp*")):
        return False
    environ.update(SETTINGS)
    return True
