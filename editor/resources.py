"""Where LayerLab's resources are: the lesson projects, the translations and the icons.

In a checkout they sit in the top-level ``resources/`` folder, next to the
``editor`` package. A built wheel carries the same folder inside the package,
as ``editor/resource_files/`` (``setup.py`` maps it there), so an installed
LayerLab finds them without the checkout::

    resources/                 editor/resource_files/   (installed)
      examples/   lessons: NN-name.pt and NN-name.json
      translations/   layerlab_zh_CN.ts / .qm
      icons/      SVG icons

:func:`resource_path` is the one way to reach them. It is pure: no Qt, no torch.
"""

from __future__ import annotations

from pathlib import Path

from editor.model.errors import LayerLabError

PACKAGE = Path(__file__).resolve().parent
INSTALLED = PACKAGE / "resource_files"
"""Where a wheel puts the resources (inside the package)."""
CHECKOUT = PACKAGE.parent / "resources"
"""Where a checkout keeps them (next to the package)."""
FOLDERS = ("examples", "translations", "icons")
"""The kinds of resources, one folder each."""


class ResourceMissingError(LayerLabError, FileNotFoundError):
    """A resource LayerLab ships with cannot be found: the installation is incomplete."""


def resources_root() -> Path:
    """The folder holding ``examples/``, ``translations/`` and ``icons/``.

    The installed copy is preferred: a ``resources`` folder next to an
    installed package could belong to anything in ``site-packages``.
    """
    for folder in (INSTALLED, CHECKOUT):
        if (folder / "examples").is_dir():
            return folder
    raise ResourceMissingError(
        f"LayerLab's resources (lessons, translations, icons) are missing: neither {INSTALLED} nor {CHECKOUT} "
        f"holds them. Reinstall LayerLab (pip install layerlab), or run it from a complete checkout.")


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts>``, e.g. ``resource_path("translations")``; it must exist.

    Only plain names are accepted (no ``..``, no absolute paths), so a name
    read from a file cannot point outside the resources.
    """
    for part in parts:
        if not part or part in (".", "..") or "/" in part or "\\" in part or "\0" in part:
            raise ResourceMissingError(f"{part!r} is not a resource name: use plain file or folder names.")
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise ResourceMissingError(
            f"LayerLab's resource {'/'.join(parts)} is missing from {resources_root()}. Reinstall LayerLab, "
            f"or run it from a complete checkout.")
    return path


def examples_folder() -> Path:
    """The lessons: one project file (``NN-name.pt``) and its lesson text (``NN-name.json``) each."""
    return resource_path("examples")


def translations_folder() -> Path:
    """The translations (``layerlab_zh_CN.ts`` and the compiled ``.qm``)."""
    return resource_path("translations")


def icons_folder() -> Path:
    """The SVG icons."""
    return resource_path("icons")


__all__ = ["FOLDERS", "ResourceMissingError", "examples_folder", "icons_folder", "resource_path", "resources_root",
           "translations_folder"]
