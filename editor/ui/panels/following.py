"""Panels follow one Project at a time: connect its events, and let go of the previous one's."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from editor.model.project.project import Project


def follow(old: Project | None, new: Project, handlers: Mapping[str, Callable[..., Any]]) -> Project:
    """Disconnect ``handlers`` (event name → slot) from ``old``'s events, connect them to ``new``'s."""
    if old is not None:
        for name, slot in handlers.items():
            getattr(old.events, name).disconnect(slot)
    for name, slot in handlers.items():
        getattr(new.events, name).connect(slot)
    return new
