"""Shared test set-up: Qt runs offscreen, and hypothesis keeps CI time bounded."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "layerlab", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("layerlab")


FREE = 30_000
"""Bytes of memory the ``free`` fixture pretends are free at first: Linear(10, 1000) (44 KiB) and Linear(4, 2000)
(39.1 KiB) do not fit, Linear(20, 10) does."""


class FreeMemory(dict):
    """The free memory the project sees: ``free["bytes"] = n`` or ``free(n)`` changes it."""

    def __call__(self, n: int) -> None:
        self["bytes"] = n


@pytest.fixture
def free(monkeypatch):
    """The free memory the project sees, ``FREE`` bytes to start."""
    from editor.model.catalog import memory

    amount = FreeMemory(bytes=FREE)
    monkeypatch.setattr(memory, "SOURCES", (lambda: amount["bytes"],))
    monkeypatch.setattr(memory, "FRESH_S", 0.0)
    monkeypatch.setattr(memory, "_last", None)
    return amount
