"""The OpenMP wait settings the app makes as it starts (editor.cli.openmp)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from editor.cli.openmp import SETTINGS, tune_openmp


def torch_with(tmp_path: Path, library: str) -> Path:
    folder = tmp_path / "torch"
    (folder / "lib").mkdir(parents=True)
    (folder / "lib" / library).write_bytes(b"")
    return folder


def test_set_where_torch_ships_libgomp_and_nothing_is_set(tmp_path):
    environ: dict[str, str] = {}
    assert tune_openmp(environ, {}, torch_with(tmp_path, "libgomp.so.1"))
    assert environ == SETTINGS == {"OMP_WAIT_POLICY": "ACTIVE", "GOMP_SPINCOUNT": "300000"}


def test_left_alone_with_another_openmp_runtime_a_person_s_own_settings_or_torch_loaded(tmp_path):
    for library in ("libiomp5.so", "libomp.dylib"):  # there ACTIVE would mean "never sleep"
        environ: dict[str, str] = {}
        assert not tune_openmp(environ, {}, torch_with(tmp_path / library, library)) and environ == {}
    gomp = torch_with(tmp_path / "gomp", "libgomp-a34b3233.so.1")
    for own in ({"OMP_WAIT_POLICY": "PASSIVE"}, {"GOMP_SPINCOUNT": "0"}):
        environ = dict(own)
        assert not tune_openmp(environ, {}, gomp) and environ == own
    environ = {}
    assert not tune_openmp(environ, {"torch": object()}, gomp) and environ == {}  # too late: libgomp read them


def test_the_app_s_entry_point_sets_them_before_torch_loads():
    """`layerlab --version` in a fresh process: the settings are made before anything loads torch (and libgomp)."""
    code = ("import os, sys\nfrom editor.cli.main import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n"
            "    pass\nprint('torch' in sys.modules, os.environ.get('OMP_WAIT_POLICY'),\n"
            "      os.environ.get('GOMP_SPINCOUNT'))")
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ, timeout=60,
                         cwd=Path(__file__).resolve().parents[2])
    torch_lib = Path(__import__("torch").__file__).parent / "lib"
    expected = ["ACTIVE", "300000"] if any(torch_lib.glob("libgomp*")) else ["None", "None"]
    assert out.stdout.splitlines()[-1].split() == ["False", *expected], out.stderr
