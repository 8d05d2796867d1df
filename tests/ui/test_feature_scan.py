"""PySide6's look at each newly imported module reads the file once and keeps nothing (editor.ui.feature_scan)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import linecache
import sys
from pathlib import Path

import pytest

from editor.ui import feature_scan

feature = pytest.importorskip("shibokensupport.feature")


def test_install_is_idempotent_and_answers_as_pyside_does():
    assert feature_scan.install()
    first = feature._mod_uses_pyside
    assert feature_scan.install()
    assert feature._mod_uses_pyside is first
    own = feature_scan.original()
    assert own is not first and callable(own)
    import editor.ui.app as with_qt

    for module in (with_qt, json, sys, feature_scan, importlib):
        assert feature._mod_uses_pyside(module) == own(module), module.__name__
    assert feature._mod_uses_pyside(with_qt) is True
    assert feature._mod_uses_pyside(json) is False
    assert feature._mod_uses_pyside(sys) is False  # built in: no file, PySide6 answers


def test_a_module_imported_after_qt_is_read_once_and_not_kept(tmp_path, monkeypatch):
    feature_scan.install()
    (tmp_path / "plain_module_for_scan.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "qt_module_for_scan.py").write_text("import PySide6.QtCore\nVALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        plain = __import__("plain_module_for_scan")  # as an import statement does: PySide6 hooks __import__
        with_qt = __import__("qt_module_for_scan")
        assert (plain.VALUE, with_qt.VALUE) == (1, 2)
        assert feature.pyside_feature_dict["plain_module_for_scan"] == -1  # ignored by __feature__ switching
        assert feature.pyside_feature_dict["qt_module_for_scan"] == 0  # uses PySide6: "no feature" yet
        assert plain.__file__ not in linecache.cache and with_qt.__file__ not in linecache.cache
    finally:
        for name in ("plain_module_for_scan", "qt_module_for_scan"):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)


def test_files_it_cannot_read_are_left_to_pyside(tmp_path):
    asked = []

    class Gone:
        __file__ = str(tmp_path / "missing.py")

    class Huge:
        __file__ = str(tmp_path / "huge.py")

    (tmp_path / "huge.py").write_bytes(b"#" * (feature_scan.MAX_BYTES + 1))
    assert feature_scan.uses_pyside(Gone(), lambda m: asked.append(m) or False) is False
    assert feature_scan.uses_pyside(Huge(), lambda m: asked.append(m) or True) is True
    assert len(asked) == 2


def test_compiled_only_modules_and_namespace_packages_are_left_to_pyside(tmp_path):
    asked = []

    class CompiledOnly:
        __file__ = str(tmp_path / "gone.cpython-311.pyc")

    class Namespace:
        __file__ = None

    assert feature_scan.uses_pyside(CompiledOnly(), lambda m: asked.append(m) or False) is False
    assert feature_scan.uses_pyside(Namespace(), lambda m: asked.append(m) or True) is True
    assert [type(m).__name__ for m in asked] == ["CompiledOnly", "Namespace"]


def test_python_s_own_modules_and_torch_s_are_answered_without_reading_and_as_pyside_would(monkeypatch):
    """The answer saved reading 860 files during ``import torch``; it must stay PySide6's answer."""
    import torch

    own = feature_scan.original() or (lambda module: False)
    read: list[str] = []
    real_open = open

    def watched_open(path, *args, **kwargs):
        read.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watched_open)
    modules = [torch, torch.nn.modules.linear, json, importlib, linecache]
    assert [feature_scan.uses_pyside(m, own) for m in modules] == [False] * len(modules)
    assert read == []
    monkeypatch.undo()
    for module in modules:
        assert own(module) is False, module.__name__


def test_no_file_of_the_packages_answered_without_reading_mentions_pyside():
    for name in sorted(feature_scan.WITHOUT_QT):
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue
        folders = list(spec.submodule_search_locations or [])
        files = [Path(f) for folder in folders for f in Path(folder).rglob("*.py")] if folders else [Path(spec.origin)]
        assert not [f for f in files if b"PySide6" in f.read_bytes()], name
