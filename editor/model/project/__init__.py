"""The Project: the scripting API over a design (``project.Project``), assembled from one mixin per concern:
reading, replacing, freezing, devices, weights, initializing, the file and code doors (``interop``) and the
old method names (``deprecated``).
"""

from editor.model.project.project import Project
from editor.model.project.weights import WeightsReport

__all__ = ["Project", "WeightsReport"]
