"""The resources (lessons, translations, icons) are found in a checkout and inside an installed wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editor import resources
from editor.resources import ResourceMissingError, examples_folder, resource_path, resources_root

ROOT = Path(__file__).resolve().parents[1]


def test_a_checkout_finds_the_top_level_resources_folder():
    assert resources_root() == ROOT / "resources"
    assert examples_folder() == ROOT / "resources" / "examples"
    assert resource_path("examples", "01-first-mlp.json").is_file()
    assert resource_path("translations").is_dir()


@pytest.mark.parametrize("name", ["..", ".", "", "../setup.py", "/etc", "a\\b", "x\0y"])
def test_only_plain_names_are_resources(name):
    with pytest.raises(ResourceMissingError, match="is not a resource name"):
        resource_path(name)


def test_missing_resources_are_said_in_words(monkeypatch, tmp_path):
    with pytest.raises(ResourceMissingError, match=r"resource examples/nothing\.pt is missing"):
        resource_path("examples", "nothing.pt")
    monkeypatch.setattr(resources, "INSTALLED", tmp_path / "a")
    monkeypatch.setattr(resources, "CHECKOUT", tmp_path / "b")
    with pytest.raises(ResourceMissingError, match=r"resources .* are missing: neither .* Reinstall LayerLab"):
        resources_root()
    assert issubclass(ResourceMissingError, FileNotFoundError)


def test_the_installed_copy_comes_first(monkeypatch, tmp_path):
    (tmp_path / "installed" / "examples").mkdir(parents=True)
    monkeypatch.setattr(resources, "INSTALLED", tmp_path / "installed")
    assert resources_root() == tmp_path / "installed"


def _source_copy(tmp_path: Path) -> Path:
    """What the sdist would hold: the package, the resources and the packaging files (no caches, no .venv)."""
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "editor", source / "editor", ignore=ignore)
    shutil.copytree(ROOT / "resources", source / "resources", ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, source / name)
    return source


def test_a_built_wheel_carries_the_resources_and_finds_them_once_installed(tmp_path):
    source = _source_copy(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path / "dist"), str(source)], check=True, env=env, capture_output=True, timeout=240)
    wheel = next((tmp_path / "dist").glob("layerlab-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"editor/resource_files/examples/{p.name}" for p in (ROOT / "resources" / "examples").iterdir()
               if p.suffix in (".pt", ".json")}
    assert shipped and shipped <= names
    assert "editor/resources.py" in names and "editor/io/lessons/catalog.py" in names
    translations = {f"editor/resource_files/translations/{p.name}"
                    for p in (ROOT / "resources" / "translations").glob("*") if p.suffix in (".ts", ".qm")}
    assert translations <= names

    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "-q", "--target",
                    str(target), str(wheel)], check=True, env=env, capture_output=True, timeout=240)
    probe = f"""
import json, sys
sys.path.insert(0, {str(target)!r})
sys.path[:] = [p for p in sys.path if p not in ("", {str(ROOT)!r})]
import editor
from editor.resources import examples_folder, resources_root
from editor.io.lessons import open_lesson_design, read_lessons
lessons = read_lessons()
print(json.dumps({{"package": editor.__file__, "root": str(resources_root()), "examples": str(examples_folder()),
                  "lessons": [lesson.number for lesson in lessons],
                  "opened": len(open_lesson_design(lessons[0]).project)}}))
"""
    done = subprocess.run([sys.executable, "-I", "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["package"].startswith(str(target))
    assert report["root"] == str(target / "editor" / "resource_files")
    assert report["examples"].startswith(str(target))
    assert report["lessons"] == [lesson for lesson in sorted(report["lessons"])] and 1 in report["lessons"]
    assert report["opened"] == 3
