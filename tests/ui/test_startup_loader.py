"""The loader that imports torch on a background thread: order, callbacks, errors (no Qt needed)."""

from __future__ import annotations

import sys
import threading

import pytest

from editor.ui.torch_loader import TorchLoader, preload_torch_libraries, torch_library_folder


def test_it_maps_imports_warms_up_and_calls_back_on_its_own_thread(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr("editor.ui.torch_loader.preload_torch_libraries", lambda: seen.append("map") or [])
    loader = TorchLoader(("json", "editor.ui.torch_loader"), warm_up="editor.ui.torch_loader:torch_library_folder")
    threads: list[str] = []
    loader.when_done(lambda: threads.append(threading.current_thread().name))
    assert not loader.started
    loader.start()
    loader.start()  # again: nothing
    assert loader.done.wait(30) and loader.error is None and seen == ["map"]
    late: list[bool] = []
    loader.when_done(lambda: late.append(True))  # after it finished: called at once, here
    assert threads == ["layerlab-torch-loader"] and late == [True]


def test_an_import_that_fails_is_kept_for_the_window_to_tell(monkeypatch):
    monkeypatch.setattr("editor.ui.torch_loader.preload_torch_libraries", lambda: [])
    loader = TorchLoader(("json", "editor_no_such_module_here"))
    loader.start()
    assert loader.done.wait(30)
    assert isinstance(loader.error, ModuleNotFoundError) and "editor_no_such_module_here" in str(loader.error)


def test_mapping_is_skipped_off_linux_and_where_torch_asks_for_global_symbols(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert preload_torch_libraries() == []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("TORCH_USE_RTLD_GLOBAL", "1")
    assert preload_torch_libraries() == []
    monkeypatch.delenv("TORCH_USE_RTLD_GLOBAL")
    assert preload_torch_libraries(tmp_path) == []  # a folder without torch's libraries: nothing mapped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="maps Linux shared libraries")
def test_torch_library_folder_is_found():
    folder = torch_library_folder()
    assert folder is not None and (folder / "libtorch_python.so").is_file()


def test_the_loader_thread_imports_nothing_that_touches_qt():
    """Importing Qt-touching modules (pyqtgraph, the ui) off the GUI thread raced shiboken and crashed at start-up."""
    import subprocess
    import sys

    from editor.ui.startup import LIVE_MODULES, WARM_UP

    module, _ = WARM_UP.split(":")
    code = ("import importlib, sys\n"
            f"for name in {list(LIVE_MODULES)!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.strip() == "[]"
    assert module == "editor.ui.startup"  # its warm_up imports nothing; the module itself is loaded already
