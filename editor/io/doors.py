"""Registers io's file and code functions as the Project's doors (``p.save``, ``Project.load``, ``p.to_code``,
``Project.from_code``); importing this module is what makes them work. ``from editor import Project`` does it.
"""

from editor.io.files.project_file import load_project, save_project
from editor.io.pycode.export.writer import export_code
from editor.model.project.interop import Doors, register_doors
from editor.model.project.project import Project

__all__ = ["Project"]


def import_code(source: str, seed: int | None = None) -> Project:
    """:func:`editor.io.pycode.read.reader.import_code`, whose modules load on the first read (not at start-up)."""
    from editor.io.pycode.read.reader import import_code as read

    return read(source, seed=seed)


register_doors(Doors(save=save_project, load=load_project, to_code=export_code, from_code=import_code))
