"""Whether the weights are still the seed's, as far as panels can afford to ask on the GUI thread."""

from __future__ import annotations

from editor.model.project.project import Project

CHECK_LIMIT = 32 * 2**20
"""Bytes of parameters up to which panels settle an unknown status (by rebuilding the weights from the seed)."""


def from_seed(project: Project) -> bool | None:
    """True or False when known or cheap to find out; None for a big design whose status is not known yet."""
    if project.parameter_bytes() <= CHECK_LIMIT:
        return project.weights_from_seed
    return project.seeds.status
