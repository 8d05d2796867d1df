"""Fixtures shared by the project tests."""

from __future__ import annotations

import pytest

from editor.model.catalog import memory

FREE = 30_000
"""Bytes of memory the ``free`` fixture pretends are free at first: Linear(10, 1000) (44 KB) and Linear(4, 2000)
(39.1 KB) do not fit, Linear(20, 10) does."""


@pytest.fixture
def free(monkeypatch: pytest.MonkeyPatch):
    """Set the free memory the project sees: ``free(n)`` (``FREE`` bytes until then)."""
    amount = {"bytes": FREE}
    monkeypatch.setattr(memory, "SOURCES", (lambda: amount["bytes"],))
    monkeypatch.setattr(memory, "FRESH_S", 0.0)
    monkeypatch.setattr(memory, "_last", None)

    def set_free(n: int) -> None:
        amount["bytes"] = n

    return set_free
