"""Whether the weights are still the seed's, as far as panels can afford to ask on the GUI thread."""

from __future__ import annotations

from editor.model.project.project import Project
from editor.model.project.weights import REDRAW_LAYERS

CHECK_LIMIT = 32 * 2**20
"""Bytes of parameters up to which panels settle an unknown status (by rebuilding the weights from the seed)."""
CHECK_LAYERS = REDRAW_LAYERS
"""Layers up to which they do (building each anew costs too: 10,000 small ones took 2.6 s of the GUI thread)."""


def from_seed(project: Project, size: int | None = None) -> bool | None:
    """True or False when known or cheap to find out; None for a big design whose status is not known yet.

    ``size`` is the parameters' bytes when the caller has them (else they are counted here).
    """
    size = project.parameter_bytes() if size is None else size
    if size <= CHECK_LIMIT and len(project.layers()) <= CHECK_LAYERS:
        return project.weights_from_seed
    return project.seeds.status
