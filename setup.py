"""Packaging beyond pyproject.toml: the top-level ``resources/`` folder ships inside the wheel.

A checkout keeps the lessons, translations and icons in ``resources/`` next to
the ``editor`` package; a wheel carries the same files as
``editor/resource_files/`` (see ``editor/resources.py``, which finds either).
Everything else about the package is in ``pyproject.toml``.
"""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCES = Path(__file__).resolve().parent / "resources"
DATA = ["editor.resource_files", *(f"editor.resource_files.{folder.name}"
                                   for folder in sorted(RESOURCES.iterdir()) if folder.is_dir())]

setup(
    packages=[*find_packages(include=["editor", "editor.*"]), *DATA],
    package_dir={"editor.resource_files": "resources"},
    package_data={name: ["*.pt", "*.json", "*.ts", "*.qm", "*.svg", "*.md"] for name in DATA},
)
