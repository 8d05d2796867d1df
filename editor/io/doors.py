"""Registers io's file and code functions as the Project's doors (``p.save``, ``Project.load``, ``p.to_code``,
``Project.from_code``); importing this module is what makes them work. ``from editor import Project`` does it.
"""

from editor.io.files.project_file import load_project, save_project
from editor.io.pycode.export.writer import export_code
from editor.io.pycode.read.reader import import_code
from editor.model.project.interop import Doors, register_doors
from editor.model.project.project import Project

__all__ = ["Project"]

register_doors(Doors(save=save_project, load=load_project, to_code=export_code, from_code=import_code))
