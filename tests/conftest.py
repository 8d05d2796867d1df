"""Shared test set-up: Qt runs offscreen, and hypothesis keeps CI time bounded."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "layerlab", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("layerlab")


@pytest.fixture
def free(monkeypatch):
    """The free memory the project sees, 30,000 bytes to start: set ``free["bytes"]`` to change it."""
    from editor.model.catalog import memory

    amount = {"bytes": 30_000}
    monkeypatch.setattr(memory, "SOURCES", (lambda: amount["bytes"],))
    monkeypatch.setattr(memory, "FRESH_S", 0.0)
    monkeypatch.setattr(memory, "_last", None)
    return amount
